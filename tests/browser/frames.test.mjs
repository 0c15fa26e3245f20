// A frame that would draw what the canvas shows already is not drawn (src/platform/web/
// gl_renderer.cpp): where WebGL runs in software, each drawn frame costs the page tens of
// milliseconds (issue 30: the frames after a keystroke, the frames ImGui settles in).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openApp, useBrowser, startNew, goToStep, goalField, state, ARTIFACTS } from './harness.mjs';
import { largeDraft } from '../../bench/drafts.mjs';

const env = useBrowser();

// Counts the pictures drawn (frames that clear some of the canvas: one clear per run of changed
// bands), in window.__pictures, and the canvas rows each cleared, in window.__clearedRows.
function countPictures() {
  window.__pictures = 0;
  window.__clearedRows = [];
  let frame = -1;
  const clear = WebGL2RenderingContext.prototype.clear;
  WebGL2RenderingContext.prototype.clear = function (...args) {
    if (window.__frames !== frame) { frame = window.__frames; window.__pictures++; window.__clearedRows.push(0); }
    const rows = this.isEnabled(this.SCISSOR_TEST) ? this.getParameter(this.SCISSOR_BOX)[3] : this.drawingBufferHeight;
    window.__clearedRows[window.__clearedRows.length - 1] += rows;
    return clear.apply(this, args);
  };
}

// What the a11y layer says: the words of the picture (the header's "Sparat 14:32" among them).
const a11yText = (page) => page.evaluate(() => document.getElementById('a11y-root').innerText);

// Two screenshots of the canvas, pixel for pixel; when they differ, both are kept as
// build/test-artifacts/frames-<name>.png.
async function assertSamePicture(pictures, what) {
  const [a, b] = Object.values(pictures);
  if (!a.equals(b)) for (const [name, png] of Object.entries(pictures)) await writeFile(join(ARTIFACTS, `frames-${name}.png`), png);
  assert.ok(a.equals(b), `${what} (build/test-artifacts/frames-*.png)`);
}

// Two display frames with no app frame in them: the app has stopped asking for frames.
const quiet = (page) => page.evaluate(async () => {
  const tick = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  for (;;) {
    const f = window.__frames;
    await tick();
    if (window.__frames === f) return;
  }
});

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
    await context.addInitScript(countPictures);
    await context.addInitScript((text) => { if (text) localStorage.setItem('sipprep.draft.v1', text); }, draft);
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

// What the browser answers while the app loads (the draft store's erase setting asks for frames)
// is in the first frame: no frame runs after it, only to find the same picture (tens of ms of
// layout on a slow phone, issue 30).
test('start-up runs one frame', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url, { viewport: { width: 412, height: 823 } });
  await quiet(page);
  await page.waitForTimeout(500);
  await quiet(page);
  assert.equal(await page.evaluate(() => window.__frames), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

// The browser's voices are reported after the first frame and whenever they change: an answer
// that changes nothing runs no frame (three frames for nothing cost a slow phone hundreds of ms).
test('a voices answer that changes nothing runs no frame', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url, { viewport: { width: 412, height: 823 } });
  // What web/speech.js reports: a language tag and which voice it has (0 none, 1 on the device).
  const framesAfter = (lang, voice) => page.evaluate(async ([lang, voice]) => {
    const f = window.__frames;
    window.SipprepApp.speech_available(lang, voice);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return window.__frames - f;
  }, [lang, voice]);
  await quiet(page);
  assert.ok(await framesAfter('sv', 1) > 0, 'a voice for Swedish: the app draws its "Läs upp"');
  await quiet(page);
  assert.equal(await framesAfter('sv', 1), 0, 'the same answer again: nothing to draw');
  await quiet(page);
  assert.equal(await framesAfter('x-never-reported', 0), 0, 'a first answer "no voice": nothing to draw (at start it ran four frames)');
  assert.deepEqual(problems, []);
  await context.close();
});

// While the person types, the draft store writes every half second and tells the app each time:
// a write that changes nothing shown ("Sparat 14:32" says so already) runs no frame (it ran two,
// each tens of ms at 4× slower CPU, issue 30).
test('a save that changes nothing shown runs no frame', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url, { viewport: { width: 412, height: 823 } });
  await startNew(page);  // a step's header says "Sparat 14:32"
  const framesAfterSave = () => page.evaluate(async () => {
    const f = window.__frames, before = new Date().getMinutes();
    window.SipprepApp.draft_saved();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return { frames: window.__frames - f, before, after: new Date().getMinutes() };
  });
  for (;;) {
    await quiet(page);
    const first = await framesAfterSave();
    await quiet(page);
    const again = await framesAfterSave();
    if (again.after !== first.before) continue;  // the minute turned: "Sparat" changed
    assert.equal(again.frames, 0, 'the same "Sparat" again: nothing to draw');
    break;
  }
  assert.deepEqual(problems, []);
  await context.close();
});

// Typing on a slow phone (issue 30): a keystroke is shown by one frame, and one more finds the
// picture still; not the four to nine frames of pointer input's settling (the 'input' event and
// the 'selectionchange' after it each woke the app for four), each tens of ms at 4× slower CPU.
test('a keystroke runs two frames at most and draws one picture', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url, { viewport: { width: 412, height: 823 } });
  await page.evaluate(countPictures);
  await startNew(page);
  await goToStep(page, 'Vad är viktigt för dig?');
  await goalField(page).focus();
  // The draft's save (half a second after the last change) and the browser's voices (reported
  // when it has loaded them) run frames of their own: held back here, so that the frames counted
  // are the keystroke's.
  await page.evaluate(() => {
    Module._sipprep_draft_saved = () => {};
    Module._sipprep_speech_available = () => {};
  });
  for (const key of ['H', 'e', 'j']) {
    await quiet(page);
    const before = await page.evaluate(() => ({ frames: window.__frames, pictures: window.__pictures }));
    await page.keyboard.type(key);
    await page.waitForFunction((f) => window.__frames > f, before.frames, { timeout: 30000 });
    await quiet(page);
    const after = await page.evaluate(() => ({ frames: window.__frames, pictures: window.__pictures }));
    assert.ok(after.frames - before.frames <= 2, `"${key}": ${after.frames - before.frames} frames`);
    assert.equal(after.pictures - before.pictures, 1, `"${key}": one picture`);
  }
  assert.equal((await state(page)).content.goals.long_term[0]?.text, 'Hej', 'nothing typed is lost');
  assert.deepEqual(problems, []);
  await context.close();
});

// A page shown again draws its canvas whole: the rows that changed are known only against the
// picture the canvas kept, and a browser may let a hidden page's picture go.
test('a page shown again draws the whole canvas once', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url, { viewport: { width: 412, height: 823 } });
  await page.evaluate(countPictures);
  await startNew(page);
  // A new draft is kept once it has words (a look around stores nothing).
  await page.getByRole('textbox', { name: 'Ditt namn', exact: true }).focus();
  await page.keyboard.type('A');
  // The new draft's first save and its "Sparat 14:32" are drawn before the page is shown again
  // (drawn after it, they were a second picture in the window measured).
  await page.waitForFunction(() => /Sparat/.test(document.getElementById('a11y-root').innerText), null, { timeout: 30000 });
  await quiet(page);
  const height = await page.evaluate(() => document.getElementById('canvas').height);
  const before = await page.evaluate(() => window.__clearedRows.length);
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await page.waitForFunction((n) => window.__clearedRows.length > n, before, { timeout: 30000 });
  await quiet(page);
  assert.deepEqual(await page.evaluate((n) => window.__clearedRows.slice(n), before), [height], 'one picture, drawn whole');
  assert.deepEqual(problems, []);
  await context.close();
});

// The canvas keeps its picture between frames (preserveDrawingBuffer): a keystroke draws the bands
// of rows its field's line is in, not the whole canvas — where WebGL runs in software each pixel
// drawn is the page's time before the letter shows (issue 30) — and what is drawn so, band by
// band, is the picture a whole redraw draws.
test('a keystroke redraws only the rows it changed, and the picture is the one a whole redraw draws', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url, { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
  await page.evaluate(countPictures);
  await startNew(page);
  await goToStep(page, 'Vad är viktigt för dig?');
  await goalField(page).focus();
  await quiet(page);
  const height = await page.evaluate(() => document.getElementById('canvas').height);
  // The header's "Sparat 14:32": the key before is saved first, so that its save is not drawn
  // in this key's pictures. Its minute may still turn when this key's save lands in them (on a
  // busy machine the key's frames can outlast the half second the save waits): that line is
  // then drawn too, in a picture of its own.
  const savedLine = async () => ((await a11yText(page)).match(/Sparat[^\n]*/) || [''])[0];
  for (const key of ['H', 'e', 'j', ' ', 'd', 'å', 'Backspace']) {
    await page.evaluate(() => window.sipprep.flushDraft());
    await quiet(page);
    const saved = await savedLine();
    const before = await page.evaluate(() => ({ frames: window.__frames, pictures: window.__clearedRows.length }));
    await (key.length === 1 ? page.keyboard.type(key) : page.keyboard.press(key));
    await page.waitForFunction((f) => window.__frames > f, before.frames, { timeout: 30000 });
    await quiet(page);
    const rows = await page.evaluate((n) => window.__clearedRows.slice(n), before.pictures);
    const turned = (await savedLine()) !== saved;
    assert.ok(rows.length === 1 || (turned && rows.length === 2), `"${key}": one picture (${rows.length}${turned ? ', "Sparat" changed' : ''})`);
    for (const r of rows) assert.ok(r > 0 && r <= height / 4, `"${key}": ${r} of ${height} rows drawn`);
  }
  assert.equal((await state(page)).content.goals.long_term[0]?.text, 'Hej d', 'nothing typed is lost');
  // A key that wraps the line: the field grows and every row below it moves, drawn again.
  const fieldHeight = () => goalField(page).evaluate((el) => el.getBoundingClientRect().height);
  const oneLine = await fieldHeight();
  let wrapped = 'Hej d';
  while ((await fieldHeight()) === oneLine) {
    assert.ok(wrapped.length < 300, 'the line wraps');
    const before = await page.evaluate(() => ({ frames: window.__frames, pictures: window.__clearedRows.length }));
    await page.keyboard.type('x');
    wrapped += 'x';
    await page.waitForFunction((f) => window.__frames > f, before.frames, { timeout: 30000 });
    await quiet(page);
  }
  assert.ok((await page.evaluate(() => window.__clearedRows.at(-1))) > height / 4, 'the rows below the field are drawn again');
  assert.equal((await state(page)).content.goals.long_term[0]?.text, wrapped, 'nothing typed is lost');
  // The draft's save changes the header ("Sparat 14:32"): written first, and the comparison made
  // again if the minute turns between the two pictures.
  await page.evaluate(() => window.sipprep.flushDraft());
  const canvas = page.locator('#canvas');
  for (let attempt = 0; ; attempt++) {
    await quiet(page);
    const words = await a11yText(page);
    const inBands = await canvas.screenshot();
    // Another size and back: the whole canvas is drawn again, from the same draw data.
    const whole = await page.evaluate(() => window.__clearedRows.length);
    await page.setViewportSize({ width: 400, height: 823 });
    await page.waitForFunction((n) => window.__clearedRows.length > n, whole, { timeout: 30000 });
    await quiet(page);
    const resized = await page.evaluate(() => window.__clearedRows.length);
    await page.setViewportSize({ width: 412, height: 823 });
    await page.waitForFunction((n) => window.__clearedRows.length > n, resized, { timeout: 30000 });
    await quiet(page);
    assert.equal(await page.evaluate(() => window.__clearedRows.at(-1)), height, 'the new size is drawn whole');
    const drawnWhole = await canvas.screenshot();
    if (attempt < 2 && (await a11yText(page)) !== words) continue;
    await assertSamePicture({ bands: inBands, whole: drawnWhole }, 'drawn in bands = drawn whole');
    break;
  }
  assert.deepEqual(problems, []);
  await context.close();
});

// The window's background is the colour the rows are cleared to: its triangles, the first drawn,
// are not drawn over the clear (where WebGL runs in software they covered every row a picture
// draws, issue 30), and the picture is the one drawing them gives, pixel for pixel.
function watchBackground() {
  const proto = WebGL2RenderingContext.prototype;
  const { bufferData, drawElements, clearColor } = proto;
  const data = new WeakMap();  // each buffer's bytes, as last given
  const binding = (gl, target) => gl.getParameter(target === gl.ARRAY_BUFFER ? gl.ARRAY_BUFFER_BINDING : gl.ELEMENT_ARRAY_BUFFER_BINDING);
  let clear = null, frame = -1;
  window.__background = { drawn: 0, putBack: 0, putBackOn: false };
  proto.clearColor = function (...c) { clear = c.slice(0, 3).map((x) => Math.round(x * 255)); return clearColor.apply(this, c); };
  // Emscripten gives WebGL 2 the whole heap and where in it the buffer's bytes are.
  proto.bufferData = function (target, src, usage, from = 0, length = undefined) {
    if (ArrayBuffer.isView(src)) {
      const k = src.BYTES_PER_ELEMENT;
      const n = length === undefined ? src.byteLength - from * k : length * k;
      data.set(binding(this, target), new Uint8Array(src.buffer, src.byteOffset + from * k, n).slice());
    }
    return bufferData.apply(this, arguments);
  };
  // Whether triangle `t` of the index bytes fills with the clear colour, opaque, from one texel.
  const fills = (vtx, idx, type, t) => {
    const at = (i) => (type === WebGL2RenderingContext.UNSIGNED_INT ? new DataView(idx.buffer).getUint32(i * 4, true) : new DataView(idx.buffer).getUint16(i * 2, true));
    const v = [0, 1, 2].map((c) => new DataView(vtx.buffer, at(t * 3 + c) * 20, 20));
    return v.every((d) => d.getUint8(16) === clear[0] && d.getUint8(17) === clear[1] && d.getUint8(18) === clear[2] && d.getUint8(19) === 255 &&
      d.getFloat32(8, true) === v[0].getFloat32(8, true) && d.getFloat32(12, true) === v[0].getFloat32(12, true));
  };
  proto.drawElements = function (mode, count, type, offset) {
    const first = window.__frames !== frame;
    frame = window.__frames;
    const vtx = data.get(binding(this, this.ARRAY_BUFFER)), idx = data.get(binding(this, this.ELEMENT_ARRAY_BUFFER));
    const size = type === this.UNSIGNED_INT ? 4 : 2;
    if (first && vtx && idx) {
      // The first triangles drawn this picture that only fill with the clear colour.
      let n = 0;
      while (n < count / 3 && fills(vtx, idx, type, offset / size / 3 + n)) n++;
      window.__background.drawn += n;
      // Put back: the triangles before the first one drawn, drawn as they were before it.
      if (window.__background.putBackOn && offset > 0) {
        for (let t = 0; t < offset / size / 3; t++) if (!fills(vtx, idx, type, t)) throw new Error('skipped a triangle that draws something');
        window.__background.putBack += offset / size / 3;
        drawElements.call(this, mode, offset / size, type, 0);
      }
    }
    return drawElements.call(this, mode, count, type, offset);
  };
}

test('the window\'s background is not drawn over the clear, and the picture is the one drawing it gives', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url, { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
  await page.evaluate(countPictures);
  await page.evaluate(watchBackground);
  await startNew(page);
  await goToStep(page, 'Vad är viktigt för dig?');
  const canvas = page.locator('#canvas');
  // The whole canvas drawn again (another size and back), as it is drawn, then with the skipped
  // triangles drawn first; the header's "Sparat 14:32" may turn a minute between the two.
  const drawnWhole = async () => {
    for (const width of [400, 412]) {
      const n = await page.evaluate(() => window.__clearedRows.length);
      await page.setViewportSize({ width, height: 823 });
      await page.waitForFunction((k) => window.__clearedRows.length > k, n, { timeout: 30000 });
      await quiet(page);
    }
    return canvas.screenshot();
  };
  for (let attempt = 0; ; attempt++) {
    await quiet(page);
    const words = await a11yText(page);
    const skipped = await drawnWhole();
    assert.equal(await page.evaluate(() => window.__background.drawn), 0, 'no triangle drawn only to fill with the clear colour');
    await page.evaluate(() => { window.__background.putBackOn = true; });
    const withBackground = await drawnWhole();
    await page.evaluate(() => { window.__background.putBackOn = false; });
    assert.ok(await page.evaluate(() => window.__background.putBack) > 0, 'the window\'s background was skipped');
    if (attempt < 2 && (await a11yText(page)) !== words) continue;
    await assertSamePicture({ skipped, background: withBackground }, 'without the background = with it');
    break;
  }
  assert.deepEqual(problems, []);
  await context.close();
});


// WebGL in software compiles its pipeline the first time it draws with it; the first frame's
// commit waited for that (issue 30). The renderer draws one pixel the same way while the canvas
// is still hidden (not composited: nothing waits for it), before the app's first frame; the canvas
// shows from that frame on.
test('WebGL draws once, hidden, before the first frame; the canvas shows from the first frame, laid out and drawn in two tasks', async () => {
  const context = await env.browser.newContext({ viewport: { width: 412, height: 823 } });
  await context.addInitScript(() => {
    window.__draws = [];
    const draw = WebGL2RenderingContext.prototype.drawElements;
    WebGL2RenderingContext.prototype.drawElements = function (...args) {
      if (window.__draws.length < 3) {
        const when = performance.getEntriesByName('sipprep:frame-start').length ? 'in a frame' : 'before the first frame';
        window.__draws.push(`${when}, canvas ${getComputedStyle(this.canvas).visibility}`);
      }
      return draw.apply(this, args);
    };
  });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForFunction(() => window.__appReady === true, null, { timeout: 60000 });
  const draws = await page.evaluate(() => window.__draws);
  assert.deepEqual(draws.slice(0, 2), ['before the first frame, canvas hidden', 'in a frame, canvas hidden']);
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('canvas')).visibility), 'visible');
  // The first frame's two layout passes (ImGui sizes the scrollbar from the pass before) run in
  // two tasks, the second one drawing: the longest task at start is about half as long.
  const halves = await page.evaluate(() => {
    const layout = performance.getEntriesByName('sipprep:first-frame-layout')[0];
    const starts = performance.getEntriesByName('sipprep:frame-start');
    return { layout: !!layout, starts: starts.length, apart: layout && starts[1] && starts[1].startTime >= layout.startTime + layout.duration };
  });
  assert.deepEqual(halves, { layout: true, starts: 2, apart: true });
  await context.close();
});
