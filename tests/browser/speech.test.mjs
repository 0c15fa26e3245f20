// "Läs upp" (issue 11) with the browser's speech synthesis replaced by a recording stub: the
// step's text is spoken in the right language with a voice on the device, "Sluta läsa" stops
// it, and without a voice for the language there is no button. A voice over the network (it
// sends the person's words to a speech service) is used only after the person agrees, and the
// answer is remembered (issue 27).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { press, startNew, goToStep, settle, useBrowser } from './harness.mjs';

const env = useBrowser();

// Voices: a cloud Swedish voice listed first, then one on the device (unless `cloudOnly`);
// English only if asked.
function stub({ withEnglish, cloudOnly }) {
  const voices = [
    { name: 'Moln-svenska', lang: 'sv-SE', localService: false },
  ];
  if (!cloudOnly) voices.push({ name: 'Alva (lokal)', lang: 'sv-SE', localService: true });
  if (withEnglish) voices.push({ name: 'Daniel', lang: 'en-GB', localService: true });
  window.__spoken = [];
  window.__cancels = 0;
  let speaking = null;
  const synth = {
    getVoices: () => voices,
    addEventListener() {},
    speak(u) { speaking = u; window.__spoken.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice && u.voice.name }); },
    cancel() { window.__cancels++; const u = speaking; speaking = null; if (u && u.onend) u.onend(); },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
}

// English is fetched when chosen (web/languages.js): the app shows it once it has arrived.
async function english(page) {
  await page.getByRole('radio', { name: 'English (inte granskad)', exact: true }).focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => window.sipprep.state().language === 'en');
  await settle(page, 300);
}

async function open(withEnglish, cloudOnly = false) {
  const context = await env.browser.newContext();
  await context.addInitScript(stub, { withEnglish, cloudOnly });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForFunction(() => window.__appReady === true, null, { timeout: 30000 });
  return { context, page };
}

test('a step is read aloud in Swedish with the voice on the device, and stops', async () => {
  const { context, page } = await open(false);
  await startNew(page);
  await goToStep(page, 'Vad är viktigt för dig?');
  await page.getByRole('textbox', { name: 'Vad är viktigt för dig?' }).focus();
  await page.keyboard.type('Att bo kvar hemma');
  await press(page, 'Läs upp');
  await settle(page);
  const spoken = await page.evaluate(() => window.__spoken);
  assert.equal(spoken.length, 1);
  assert.equal(spoken[0].lang, 'sv-SE');
  assert.equal(spoken[0].voice, 'Alva (lokal)');
  assert.match(spoken[0].text, /Vad är viktigt för dig\?: Att bo kvar hemma\./);
  await press(page, 'Sluta läsa');
  await settle(page);
  assert.ok((await page.evaluate(() => window.__cancels)) >= 1);
  assert.equal(await page.getByRole('button', { name: 'Läs upp', exact: true }).count(), 1);

  // In English, with no English voice, the button is not there.
  await english(page);
  assert.equal(await page.getByRole('button', { name: 'Read aloud', exact: true }).count(), 0);
  await context.close();
});

test('in English with an English voice, English is spoken', async () => {
  const { context, page } = await open(true);
  await english(page);
  await press(page, 'New preparation');
  await press(page, 'Read aloud');
  await settle(page);
  const spoken = await page.evaluate(() => window.__spoken);
  assert.equal(spoken.length, 1);
  assert.equal(spoken[0].lang, 'en-GB');
  assert.equal(spoken[0].voice, 'Daniel');
  await context.close();
});

test('a voice over the network speaks only after the person agrees; the answer is remembered', async () => {
  const { context, page } = await open(false, true);
  await startNew(page);
  await goToStep(page, 'Vad är viktigt för dig?');
  await page.getByRole('textbox', { name: 'Vad är viktigt för dig?' }).focus();
  await page.keyboard.type('Min diagnos');
  const question = page.locator('#a11y-root').getByText('Vill du att texten läses upp av en röst via internet?').first();

  await press(page, 'Läs upp');
  await question.waitFor({ state: 'attached' });
  await page.getByText(/också det du har skrivit om din hälsa/).first().waitFor({ state: 'attached' });
  await press(page, 'Nej, läs inte upp');
  await question.waitFor({ state: 'detached' });
  assert.deepEqual(await page.evaluate(() => window.__spoken), [], 'spoken without asking');

  await press(page, 'Läs upp');
  await press(page, 'Ja, läs upp via internet');
  await page.waitForFunction(() => window.__spoken.length === 1);
  const spoken = await page.evaluate(() => window.__spoken);
  assert.equal(spoken[0].voice, 'Moln-svenska');
  assert.match(spoken[0].text, /Min diagnos/);
  await press(page, 'Sluta läsa');

  // Remembered with the draft's settings: after a reload it reads at once.
  await page.evaluate(() => window.sipprep.flushDraft());
  await page.reload();
  await page.waitForFunction(() => window.__appReady === true, null, { timeout: 30000 });
  await press(page, 'Fortsätt');
  await press(page, 'Läs upp');
  await page.waitForFunction(() => window.__spoken.length === 1);
  assert.equal(await question.count(), 0);
  assert.equal((await page.evaluate(() => window.__spoken))[0].voice, 'Moln-svenska');

  // Taken back in the settings: no voice over the network without asking again.
  await press(page, 'Sluta läsa');
  const setting = page.getByRole('checkbox', { name: 'Läs upp med en röst via internet när enheten saknar en egen' });
  await setting.focus();
  await page.keyboard.press('Space');
  await settle(page);
  assert.equal(await setting.isChecked(), false);
  await press(page, 'Läs upp');
  await question.waitFor({ state: 'attached' });
  assert.equal((await page.evaluate(() => window.__spoken)).length, 1);
  await context.close();
});
