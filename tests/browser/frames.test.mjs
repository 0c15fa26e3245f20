// A frame that would draw what the canvas shows already is not drawn (src/platform/web/
// gl_renderer.cpp): where WebGL runs in software, each drawn frame costs the page tens of
// milliseconds (issue 30: the frames after a keystroke, the frames ImGui settles in).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, useBrowser } from './harness.mjs';
import { largeDraft } from '../../bench/drafts.mjs';

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
    const before = await page.evaluate(() => { window.__draws = 0; const f = window.__frames; SipprepApp.wake(); return f; });
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

// At start each drawn frame makes the page wait for the GPU (issue 30: hundreds of ms on a slow
// phone with WebGL in software). The first frame is laid out until it holds still (ImGui sizes
// the scrollbar from the frame before) and knows what the browser answered while the app loaded
// (whether storage is kept): the start screen is drawn once, not again in the frames after it.
for (const [name, draft] of [['the start screen', null], ['a stored draft with 100 questions', largeDraft({ questions: 100 })]]) {
  test(`${name} is drawn once at start`, async () => {
    const context = await env.browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
    await context.addInitScript((text) => {
      if (text) localStorage.setItem('sipprep.draft.v1', text);
      window.__pictures = 0;
      const clear = WebGL2RenderingContext.prototype.clear;
      WebGL2RenderingContext.prototype.clear = function (...args) { window.__pictures++; return clear.apply(this, args); };
    }, draft);
    const page = await context.newPage();
    await page.goto(env.server.url);
    await page.waitForFunction(() => window.__appReady === true, null, { timeout: 60000 });
    // The frames start-up asked for, and three more: by then any second picture would be drawn.
    const frames = await page.evaluate(() => { const f = window.__frames; SipprepApp.wake(); return f; });
    await page.waitForFunction((f) => window.__frames >= f + 3, frames, { timeout: 30000 });
    assert.equal(await page.evaluate(() => window.__pictures), 1);
    await context.close();
  });
}

// The browser's voices are reported after the first frame and whenever they change: an answer
// that changes nothing runs no frame (three frames for nothing cost a slow phone hundreds of ms).
test('a voices answer that changes nothing runs no frame', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url, { viewport: { width: 412, height: 823 } });
  // Two display frames with no app frame in them: the app asked for none.
  const quiet = () => page.evaluate(async () => {
    const tick = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (;;) {
      const f = window.__frames;
      await tick();
      if (window.__frames === f) return;
    }
  });
  // What web/speech.js reports: a language tag and which voice it has (0 none, 1 on the device).
  const framesAfter = (lang, voice) => page.evaluate(async ([lang, voice]) => {
    const f = window.__frames;
    window.SipprepApp.speech_available(lang, voice);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return window.__frames - f;
  }, [lang, voice]);
  await quiet();
  assert.ok(await framesAfter('sv', 1) > 0, 'a voice for Swedish: the app draws its "Läs upp"');
  await quiet();
  assert.equal(await framesAfter('sv', 1), 0, 'the same answer again: nothing to draw');
  assert.deepEqual(problems, []);
  await context.close();
});
