// The plan after the meeting in the browser: the follow-up meeting saved as a calendar file
// (.ics) through the same download path as the bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, press, startNew, goToStep, state, useBrowser } from './harness.mjs';

const env = useBrowser();

// Types into the text field `name` and waits until the app's model holds it in agreed[member]
// (no code built from strings: the page's policy forbids eval).
async function typeInto(page, name, text, member) {
  const field = page.getByRole('textbox', { name, exact: true });
  await field.focus();
  await page.keyboard.type(text);
  await page.waitForFunction(({ text, member }) => window.sipprep.state().content.agreed?.[member] === text,
    { text, member }, { timeout: 30000 });
}

test('the follow-up meeting is saved as a calendar file the phone can add', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await startNew(page);
  await goToStep(page, 'Sammanfattning');
  await press(page, 'Efter mötet: det här kom vi överens om');
  await page.getByRole('heading', { name: 'Det här kom vi överens om' }).waitFor({ state: 'attached' });
  await typeInto(page, 'När ska planen följas upp?', '2027-03-01', 'follow_up_on');
  await typeInto(page, 'Vilken tid?', '13:30', 'follow_up_time');
  await typeInto(page, 'Var är uppföljningen?', 'Vårdcentralen Norr, rum 4', 'follow_up_place');
  const calendar = page.getByRole('button', { name: 'Spara i kalendern', exact: true });
  await calendar.waitFor({ state: 'attached' });
  const download = page.waitForEvent('download');
  await calendar.focus();
  await page.keyboard.press('Enter');
  const file = await download;
  assert.equal(file.suggestedFilename(), 'sip-uppfoljning-2027-03-01.ics');
  let text = '';
  for await (const chunk of await file.createReadStream()) text += chunk;
  assert.match(text, /^BEGIN:VCALENDAR\r\n/);
  assert.match(text, /\r\nDTSTART:20270301T133000\r\n/);
  assert.match(text, /\r\nLOCATION:Vårdcentralen Norr\\, rum 4\r\n/);
  assert.equal((await state(page)).screen, 'evaluation');
  assert.deepEqual(problems, []);
  await context.close();
});

// "Skriv ut" hands focus to the print frame for the browser's dialog; afterwards it is on
// "Skriv ut" again, so that a screen reader and the next Tab go on from there, not from the top.
test('after printing, focus is back on the button that printed', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await startNew(page);
  await goToStep(page, 'Sammanfattning');
  const focusedName = () => page.evaluate(() => {
    const e = document.activeElement;
    return e === document.body ? 'body' : `${e.tagName} ${e.getAttribute('aria-label') || e.innerText}`;
  });
  // Where Tab goes from "Skriv ut" before any printing.
  await page.getByRole('button', { name: 'Skriv ut', exact: true }).focus();
  await page.keyboard.press('Tab');
  const next = await focusedName();
  assert.notEqual(next, 'body');
  await press(page, 'Skriv ut');
  await page.locator('iframe.print-frame').waitFor({ state: 'attached' });
  await page.locator('iframe.print-frame').waitFor({ state: 'detached', timeout: 30000 });
  assert.equal(await focusedName(), 'BUTTON Skriv ut');
  await page.keyboard.press('Tab');
  assert.equal(await focusedName(), next);
  assert.deepEqual(problems, []);
  await context.close();
});
