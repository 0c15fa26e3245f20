// The walking skeleton in a real browser: load, type Swedish text the way IMEs and mobile
// keyboards deliver it, export, idle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openApp, state, clickCanvasAt, goalField, startNew, goToStep, press, ARTIFACTS, useBrowser } from './harness.mjs';

const env = useBrowser();

const GOAL = 'Att kunna bo hemma – åäö ÅÄÖ é';

test('loads without console errors, takes Swedish text, exports it, and idles', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  const first = await state(page);
  assert.equal(first.language, 'sv');
  assert.equal(first.screen, 'start');
  await startNew(page);
  await goToStep(page, 'Vad är viktigt för dig?');

  await clickCanvasAt(goalField(page));
  await page.waitForTimeout(100);
  await page.keyboard.type(GOAL);
  await page.waitForFunction((goal) => {
    const s = window.sipprep.state();
    return s.content.goals.long_term[0]?.text === goal;
  }, GOAL, { timeout: 30000 }).catch(async () => {
    assert.fail(`goal field holds ${JSON.stringify((await state(page)).content.goals.long_term)}`);
  });
  const s = await state(page);
  assert.deepEqual(s.content.goals.long_term, [{ author: 'person', text: GOAL }]);

  await goToStep(page, 'Sammanfattning');
  const downloadPromise = page.waitForEvent('download');
  await clickCanvasAt(page.getByRole('button', { name: 'Spara fil', exact: true }).first());
  const download = await downloadPromise;
  assert.match(download.suggestedFilename(), /^sip-forberedelse-\d{4}-\d{2}-\d{2}\.json$/);
  const file = join(ARTIFACTS, download.suggestedFilename());
  await download.saveAs(file);
  const bundle = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(bundle.format, 'sipprep-bundle');
  assert.equal(bundle.version, 1);
  assert.equal(bundle.content.goals.long_term[0].text, GOAL);

  await page.screenshot({ path: join(ARTIFACTS, 'foundation.png') });

  // Idle: after the page has settled, 3 s without input should draw (almost) nothing.
  await page.mouse.move(5, 5);
  await page.waitForTimeout(500);
  const before = await page.evaluate(() => window.__frames);
  await page.waitForTimeout(3000);
  const idleFrames = (await page.evaluate(() => window.__frames)) - before;
  console.log(`idle frames in 3 s: ${idleFrames}`);
  assert.ok(idleFrames <= 2, `drew ${idleFrames} frames while idle`);

  assert.deepEqual(problems, []);
  await context.close();
});
