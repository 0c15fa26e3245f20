// Together from afar (issue 11): a daughter in another town writes her views in her own browser
// and saves a file; her mother, in another browser, opens it, takes in some items and leaves one,
// and saves. `sipprep validate` accepts the result and the summary gives each item its author.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, state, press, startNew, goToStep, settle, useBrowser, ROOT } from './harness.mjs';

const env = useBrowser();
const SIPPREP = join(ROOT, 'build/native/sipprep');

async function type(page, name, text, role = 'textbox') {
  await page.getByRole(role, { name, exact: true }).focus();
  await page.keyboard.type(text);
  await settle(page);
}

test('a relative writes at home, the person takes in what they choose', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sipprep-contrib-'));

  // Home 1: Karin, the daughter.
  const karin = await openApp(env.browser, env.server.url);
  await press(karin.page, 'Jag vill lämna mina synpunkter till någon annans SIP');
  await type(karin.page, 'Ditt namn', 'Karin Lind');
  await type(karin.page, 'Vem är det för dig? (till exempel dotter, granne, vän)', 'dotter');
  await type(karin.page, 'Vems SIP gäller det?', 'Elsa Lind');
  await type(karin.page, 'Vad tror du är viktigt för Elsa? – skrivet av Karin Lind (dotter)', 'Att mamma kan bo kvar hemma.');
  await type(karin.page, 'Hur har Elsa det nu, som du ser det? – skrivet av Karin Lind (dotter)', 'Hon glömmer att äta.');
  await type(karin.page, 'Ny fråga', 'Vem ringer jag om hemtjänsten inte kommer?');
  await press(karin.page, 'Lägg till fråga');
  await goToStep(karin.page, 'Sammanfattning');
  const download = karin.page.waitForEvent('download');
  await press(karin.page, 'Spara fil');
  const file = join(dir, (await download).suggestedFilename());
  await (await download).saveAs(file);
  assert.match(file, /sip-synpunkter-karin-\d{4}-\d{2}-\d{2}\.json$/);
  assert.deepEqual(karin.problems, []);
  await karin.context.close();

  // Home 2: Elsa.
  const elsa = await openApp(env.browser, env.server.url);
  await startNew(elsa.page);
  await type(elsa.page, 'Ditt namn', 'Elsa Lind');
  await press(elsa.page, 'Till startsidan');
  const chooser = elsa.page.waitForEvent('filechooser');
  await press(elsa.page, 'Öppna en fil');
  await (await chooser).setFiles(file);
  await elsa.page.getByRole('heading', { name: 'Synpunkter från Karin Lind (dotter)' }).waitFor({ state: 'attached' });
  await elsa.page.getByRole('group', { name: 'Hur är det nu?' }).getByRole('button', { name: 'Låt bli' }).focus();
  await elsa.page.keyboard.press('Enter');
  await settle(elsa.page);
  await press(elsa.page, 'Ta med allt som är nytt');
  await press(elsa.page, 'Klar');
  const s = (await state(elsa.page)).content;
  const karinId = s.contributors.find((c) => c.name === 'Karin Lind').id;
  assert.equal(s.goals.long_term[0].author, karinId);
  assert.equal(s.questions[0].author, karinId);
  assert.equal(s.situation.now.length, 0);

  await goToStep(elsa.page, 'Sammanfattning');
  const saved = elsa.page.waitForEvent('download');
  await press(elsa.page, 'Spara fil');
  const out = join(dir, 'elsa.json');
  await (await saved).saveAs(out);
  assert.deepEqual(elsa.problems, []);
  await elsa.context.close();

  execFileSync(SIPPREP, ['validate', out]);  // throws on a non-zero exit
  const summary = execFileSync(SIPPREP, ['summary', out], { encoding: 'utf8' });
  assert.match(summary, /Karin Lind \(dotter\) skriver: Att mamma kan bo kvar hemma\./);
  assert.match(summary, /Vem ringer jag om hemtjänsten inte kommer\? – Karin Lind \(dotter\)/);
  assert.doesNotMatch(summary, /Hon glömmer att äta/);
  assert.ok(readFileSync(out, 'utf8').includes('"kind": "new"'));
});
