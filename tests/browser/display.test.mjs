// Crisp at devicePixelRatio 2, follows the window size, shows the app font.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp, openFile, goalField, startNew, goToStep, state, press, ARTIFACTS, ROOT, useBrowser } from './harness.mjs';

const env = useBrowser();

const canvasSize = (page) => page.evaluate(() => {
  const c = document.getElementById('canvas');
  const r = c.getBoundingClientRect();
  return { w: c.width, h: c.height, cssW: r.width, cssH: r.height };
});

test('at devicePixelRatio 2 the canvas has twice the pixels', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url,
    { deviceScaleFactor: 2, viewport: { width: 800, height: 600 } });
  const s = await canvasSize(page);
  assert.equal(s.w, 1600);
  assert.equal(s.h, 1200);
  await page.screenshot({ path: join(ARTIFACTS, 'dpr2.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('resizing the window resizes the canvas and redraws', async () => {
  const { context, page } = await openApp(env.browser, env.server.url, { viewport: { width: 1000, height: 700 } });
  await startNew(page);
  await goToStep(page, 'Vad är viktigt för dig?');
  const before = await page.evaluate(() => window.__frames);
  await page.setViewportSize({ width: 420, height: 800 });
  await page.waitForFunction((n) => window.__frames > n, before);
  await page.waitForTimeout(200);
  const s = await canvasSize(page);
  assert.equal(s.w, 420);
  assert.equal(s.h, 800);
  const field = await goalField(page).boundingBox();
  assert.ok(field.x + field.width <= 420, `goal field ends at ${field.x + field.width}, past the 420 px window`);
  await page.screenshot({ path: join(ARTIFACTS, 'narrow.png') });
  await context.close();
});

test('on a touch screen a swipe scrolls and a tap presses', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url,
    { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const settings = page.getByRole('heading', { name: 'Inställningar' });
  const before = (await settings.boundingBox()).y;
  const cdp = await context.newCDPSession(page);
  const touch = (type, y) => cdp.send('Input.dispatchTouchEvent',
    { type, touchPoints: type === 'touchEnd' ? [] : [{ x: 200, y }] });
  await touch('touchStart', 700);
  for (let y = 680; y >= 300; y -= 20) await touch('touchMove', y);
  await touch('touchEnd');
  await page.waitForTimeout(300);
  const after = (await settings.boundingBox()).y;
  assert.ok(after < before - 200, `the page did not scroll: ${before} -> ${after}`);
  const about = page.getByRole('button', { name: 'Om SIP – vad är det?' });
  const box = await about.boundingBox();
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => window.sipprep.state().screen === 'about');
  assert.deepEqual(problems, []);
  await context.close();
});

// A screen reader that explores by touch finds each node where the canvas draws it: the layer's
// places are in the window's content and the layer moves as the canvas scrolls, so parts of a long
// screen out of view (cached, not drawn again) are not left where they were on the screen.
test('the a11y layer keeps every node where the canvas has it while a long screen scrolls', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url, { viewport: { width: 390, height: 740 } });
  await openFile(page, join(ROOT, 'assets/examples/narstaende-tillsammans.json'));
  await page.waitForFunction(() => window.sipprep.state().content.owner.name === 'Daniel Hassan');
  await goToStep(page, 'Sammanfattning');
  // Down the long summary and part of the way back, as a person scrolls.
  const box = await page.locator('#canvas').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const frames = () => page.evaluate(() => window.__frames);
  const wheel = async (dy, times) => {
    for (let i = 0; i < times; i++) {
      const before = await frames();
      await page.mouse.wheel(0, dy);
      await page.waitForFunction((n) => window.__frames > n, before);
    }
  };
  await wheel(600, 12);
  await wheel(-600, 3);
  await page.waitForTimeout(300);  // the frames after the last turn of the wheel
  // Document order is the canvas's order, top to bottom (one column; a row shares its top).
  const tops = await page.evaluate(() => [...document.querySelectorAll('#a11y-root .placed')]
    .map((e) => ({ k: e.dataset.k, top: Math.round(e.getBoundingClientRect().top), text: e.textContent.slice(0, 40) })));
  assert.ok(tops.length > 50, `${tops.length} placed nodes`);
  assert.ok(tops.some((t) => t.top < -1000), 'nodes far above the screen are above it');
  for (let i = 1; i < tops.length; i++) {
    assert.ok(tops[i].top >= tops[i - 1].top - 2,
      `${JSON.stringify(tops[i])} is above ${JSON.stringify(tops[i - 1])}, which comes before it`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

// Issue 28: the browser's default text size, a fact the page tells the app at start
// (src/platform/seam.def) — until the app's own setting is stored with the draft.
test("larger text in the browser's settings is where the app starts; the draft's own size wins after", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  // As "Font size: Very large" in the browser's settings does: the default font at 24 px.
  await (await context.newCDPSession(page)).send('Page.setFontSizes', { fontSizes: { standard: 24 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const ready = () => page.waitForFunction(() => window.__appReady === true, null, { timeout: 30000 });
  await page.goto(env.server.url);
  await ready();
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '24px');
  assert.equal((await state(page)).text_scale, 1.5);
  assert.equal(await page.getByRole('radio', { name: '150 %', exact: true }).isChecked(), true);

  await startNew(page);
  const smaller = page.getByRole('radio', { name: '100 %', exact: true });
  await smaller.focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => window.sipprep.state().text_scale === 1);
  await page.evaluate(() => window.sipprep.flushDraft());
  await page.reload();
  await ready();
  assert.equal((await state(page)).text_scale, 1, 'the stored draft says 100 %');
  assert.deepEqual(problems, []);
  await context.close();
});

// Windows' high contrast themes force the page's colours but not the canvas's: the app takes its
// own high contrast then, as it does for prefers-contrast: more.
test('forced colours or a wish for more contrast turn on the app\'s high contrast', async () => {
  for (const options of [{ forcedColors: 'active' }, { contrast: 'more' }, {}]) {
    const { context, page } = await openApp(env.browser, env.server.url, options);
    const s = await state(page);
    assert.equal(s.high_contrast, Object.keys(options).length > 0, JSON.stringify(options));
    await context.close();
  }
});

// The display choices this computer keeps (web/storage.js) come back at the next start, before
// any draft: the screen of a locked draft is shown with them.
test('the text size and contrast chosen on this computer come back at the next start', async () => {
  const { context, page } = await openApp(env.browser, env.server.url);
  await page.evaluate(() => localStorage.setItem('sipprep.display', JSON.stringify({ lang: 'sv', text_scale: 1.5, high_contrast: true })));
  await page.reload();
  await page.waitForFunction(() => window.__appReady === true);
  const s = await state(page);
  assert.equal(s.text_scale, 1.5);
  assert.equal(s.high_contrast, true);
  await context.close();
});

// "Om SIP"'s Swedish texts (and the consent form's) are not in the first load: the page fetches
// them once the app is on screen. Where that fails (offline on a first visit), "Om SIP" says so
// plainly, with a way to try again, and shows them once they come.
test('"Om SIP" shows its texts once they are fetched; a failed fetch says so and can be tried again', async () => {
  const context = await env.browser.newContext();
  await context.route('**/i18n-sv.cat', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForFunction(() => window.__appReady === true);
  await page.waitForFunction(() => window.__languageFetches.length === 1);
  const layer = () => page.locator('#a11y-root').innerText();
  await press(page, 'Om SIP – vad är det?');
  await page.waitForFunction(() => document.getElementById('a11y-root').innerText.includes('Texterna kunde inte hämtas'));
  assert.ok(!(await layer()).includes('SIP betyder samordnad individuell plan'));
  await context.unroute('**/i18n-sv.cat');
  await press(page, 'Försök igen');
  await page.waitForFunction(() => document.getElementById('a11y-root').innerText.includes('SIP betyder samordnad individuell plan'));
  assert.ok(!(await layer()).includes('Texterna kunde inte hämtas'));
  assert.deepEqual(await page.evaluate(() => window.__languageFetches.map((f) => `${f.code} ${f.ok}`)), ['sv false', 'sv true']);
  await context.close();
});

// On a normal start they come right after the first frame, before anyone asks for them.
test('the Swedish texts left out of the first load come once the app is on screen', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await page.waitForFunction(() => window.__languageFetches.some((f) => f.code === 'sv' && f.ok));
  await press(page, 'Om SIP – vad är det?');
  await page.waitForFunction(() => document.getElementById('a11y-root').innerText.includes('SIP betyder samordnad individuell plan'));
  assert.deepEqual(problems, []);
  await context.close();
});

// The app started while the later texts (i18n-sv.cat) are held back until `release()`.
async function openWithLaterTextsHeld() {
  const context = await env.browser.newContext();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route('**/i18n-sv.cat', async (route) => { await held; await route.continue(); });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForFunction(() => window.__appReady === true);
  return { context, page, release };
}

// What reading a file says is among those texts too: a file opened before they came waits for
// them, and is then opened and said in words (not as the catalog's keys).
test('a file opened before the later texts came is read once they are here', async () => {
  const { context, page, release } = await openWithLaterTextsHeld();
  await openFile(page, join(ROOT, 'assets', 'examples', 'vuxen-efter-sjukhusvistelse.json'));
  await page.waitForFunction(() => document.getElementById('a11y-root').innerText.includes('Öppnar vuxen-efter-sjukhusvistelse.json …'));
  assert.notEqual((await state(page)).content.owner.name, 'Kerstin Lund', 'read before its texts');
  assert.ok(!(await page.locator('#a11y-root').innerText()).includes('open.done'));
  release();
  await page.waitForFunction(() => document.getElementById('a11y-root').innerText.includes('är öppnad'));
  assert.equal((await state(page)).content.owner.name, 'Kerstin Lund');
  assert.ok(!(await page.locator('#a11y-root').innerText()).includes('open.done'));
  await context.close();
});

// The consent step's own texts come with the later texts too: reached before they have come, the
// step says it is fetching them (not its keys, not an empty step), and shows itself once they are here.
test('the consent step reached before the later texts came waits for them', async () => {
  const { context, page, release } = await openWithLaterTextsHeld();
  await startNew(page);
  await goToStep(page, 'Samtycke');
  await page.waitForFunction(() => document.getElementById('a11y-root').innerText.includes('Hämtar texterna …'));
  const before = await page.locator('#a11y-root').innerText();
  assert.ok(!before.includes('consent.'), before);
  assert.ok(!before.includes('Du kan dra tillbaka ditt samtycke'), 'its texts are not here yet');
  release();
  await page.waitForFunction(() => document.getElementById('a11y-root').innerText.includes('Du kan dra tillbaka ditt samtycke när du vill.'));
  assert.ok(!(await page.locator('#a11y-root').innerText()).includes('Hämtar texterna'));
  await context.close();
});

// A connection that hangs (neither answers nor fails) is given up on. Read without its texts the
// file would be said in the catalog's keys: it waits, the person is told, and "Försök igen" opens
// it once the texts come.
test('a file waiting for texts that do not come says so and opens on "Försök igen"', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => { window.__languageGiveUpMs = 1500; });
  await context.route('**/i18n-sv.cat', () => {});  // never answered
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForFunction(() => window.__appReady === true);
  await openFile(page, join(ROOT, 'assets', 'examples', 'vuxen-efter-sjukhusvistelse.json'));
  await page.waitForFunction(() => document.getElementById('a11y-root').innerText.includes(
    'vuxen-efter-sjukhusvistelse.json kan inte öppnas än'));
  assert.notEqual((await state(page)).content.owner.name, 'Kerstin Lund');
  await context.unroute('**/i18n-sv.cat');
  await press(page, 'Försök igen');
  await page.waitForFunction(() => document.getElementById('a11y-root').innerText.includes('är öppnad'));
  assert.equal((await state(page)).content.owner.name, 'Kerstin Lund');
  assert.ok(!(await page.locator('#a11y-root').innerText()).includes('open.done'));
  const fetches = await page.evaluate(() => window.__languageFetches.map((f) => `${f.code} ${f.ok}`));
  assert.equal(fetches.at(-1), 'sv true');
  assert.ok(fetches.slice(0, -1).length >= 1 && fetches.slice(0, -1).every((f) => f === 'sv false'), fetches.join());
  await context.close();
});

// A file opened after those texts could not be fetched asks for them once more, and is read with
// them (not with the catalog's keys for words).
test('a file opened after the later texts failed asks for them again before it is read', async () => {
  const context = await env.browser.newContext();
  await context.route('**/i18n-sv.cat', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForFunction(() => window.__appReady === true);
  await page.waitForFunction(() => window.__languageFetches.length === 1);
  await context.unroute('**/i18n-sv.cat');
  await openFile(page, join(ROOT, 'assets', 'examples', 'vuxen-efter-sjukhusvistelse.json'));
  await page.waitForFunction(() => document.getElementById('a11y-root').innerText.includes('är öppnad'));
  assert.equal((await state(page)).content.owner.name, 'Kerstin Lund');
  assert.ok(!(await page.locator('#a11y-root').innerText()).includes('open.done'));
  assert.deepEqual(await page.evaluate(() => window.__languageFetches.map((f) => `${f.code} ${f.ok}`)), ['sv false', 'sv true']);
  await context.close();
});
