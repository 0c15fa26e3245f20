// A frame that would draw what the canvas shows already is not drawn (src/platform/web/
// gl_renderer.cpp): where WebGL runs in software, each drawn frame costs the page tens of
// milliseconds (issue 30: the frames after a keystroke, the frames ImGui settles in).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, useBrowser } from './harness.mjs';

const env = useBrowser();

test('frames that would draw the same picture draw nothing; a change draws', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url, { viewport: { width: 800, height: 700 } });
  // Counts WebGL draw calls from here on.
  await page.evaluate(() => {
    window.__draws = 0;
    const original = WebGL2RenderingContext.prototype.drawElements;
    WebGL2RenderingContext.prototype.drawElements = function (...args) { window.__draws++; return original.apply(this, args); };
  });
  const framesAfterWake = async () => {
    const before = await page.evaluate(() => { window.__draws = 0; const f = window.__frames; Module._sipprep_wake(); return f; });
    await page.waitForFunction((f) => window.__frames >= f + 3, before, { timeout: 30000 });
    return page.evaluate(() => window.__draws);
  };
  assert.equal(await framesAfterWake(), 0, 'three frames of the same picture draw nothing');
  await page.setViewportSize({ width: 700, height: 700 });
  await page.waitForFunction(() => window.__draws > 0, null, { timeout: 30000 });
  assert.equal(await framesAfterWake(), 0, 'and again nothing once the new size is drawn');
  assert.deepEqual(problems, []);
  await context.close();
});
