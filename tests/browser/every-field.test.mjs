// Every text field on every step is found by role and name and filled, and the exported file
// holds every word (issue: accessible canvas).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openApp, press, goToStep, settle, ROOT, ARTIFACTS, useBrowser } from './harness.mjs';

const env = useBrowser();

const STEPS = ['Om dig', 'Vad är viktigt för dig?', 'Hur är det nu?', 'Vad behöver du?', 'Frågor till mötet',
  'Vilka ska vara med?', 'Så vill jag vara med', 'Samtycke'];
// Fields that hold a new entry until its button adds it: they are not part of the file.
const STAGING = new Set(['Ny fråga', 'Namn på den som ska skriva', 'Vem är det för dig? (till exempel dotter, granne, vän)']);

test('every field of every step, by role and name, ends up in the export', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  const chooser = page.waitForEvent('filechooser');
  await press(page, 'Öppna en fil');
  await (await chooser).setFiles(join(ROOT, 'assets', 'examples', 'barn-skolfranvaro.json'));
  await settle(page, 300);

  const written = [];
  let n = 0;
  for (const step of STEPS) {
    await goToStep(page, step);
    const boxes = page.getByRole('textbox');
    const count = await boxes.count();
    for (let i = 0; i < count; i++) {
      const box = boxes.nth(i);
      const name = await box.evaluate((el) => el.labels?.[0]?.textContent || el.getAttribute('aria-label'));
      assert.ok(name, `${step}: field ${i} has no accessible name`);
      if (STAGING.has(name)) continue;
      const text = `fält ${++n} – åäö`;
      await box.fill(text);
      await settle(page, 60);
      written.push({ step, name, text });
    }
  }
  assert.ok(written.length > 40, `only ${written.length} fields found`);

  await goToStep(page, 'Sammanfattning');
  const download = page.waitForEvent('download');
  await press(page, 'Spara fil');
  // Dates and numbers now hold "fält N": the app names the errors and asks before saving.
  await page.getByRole('alert', { name: 'Filen har fel' }).waitFor({ state: 'attached', timeout: 30000 });
  assert.equal(await page.evaluate(() => document.activeElement?.innerText), 'Rätta först');
  await press(page, 'Spara ändå');
  const file = join(ARTIFACTS, 'every-field.json');
  await (await download).saveAs(file);
  const bundle = await readFile(file, 'utf8');
  const missing = written.filter((w) => !bundle.includes(JSON.stringify(w.text).slice(1, -1)));
  assert.deepEqual(missing, [], `not in the file: ${JSON.stringify(missing.slice(0, 5))}`);
  console.log(`filled ${written.length} fields on ${STEPS.length} steps; all in the export`);
  assert.deepEqual(problems, []);
  await context.close();
});
