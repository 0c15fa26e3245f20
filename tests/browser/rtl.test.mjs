// Right-to-left text in the canvas and the a11y layer: the bidi module (FriBidi, sipprep-bidi.wasm)
// and the Arabic glyphs (app-font-rtl.ttf) are fetched only when such text is first drawn, not
// in the first load; once there, the drawn text changes (shaped, reordered); the a11y layer's text
// fields follow what is typed (dir="auto") and the page takes the language's direction.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, ROOT, WEB, clickCanvasAt, goalField, goToStep, launch, openApp, press, serve, startNew, state } from './harness.mjs';
import { mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';

const SENTENCE = 'اسمي Anna Svensson ورقمي 19121212-1212 في 2026-12-04';
// The language menu's right-to-left choice (its name in its own language).
const RTL_LANGUAGE = process.env.SIPPREP_RTL_LANGUAGE || 'العربية';
let release;
const held = new Promise((resolve) => { release = resolve; });
let server;
let browser;
before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  // The bidi module is held back until the first test has seen the text drawn without it.
  server = await serve(WEB, { gate: (path) => (path.endsWith('sipprep-bidi.wasm') ? held : null) });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('an Arabic sentence typed in a Swedish form: the bidi module loads then, shapes what is drawn, and the field is dir=auto', async () => {
  const { context, page, problems } = await openApp(browser, server.url);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await startNew(page);
  await goToStep(page, 'Vad är viktigt för dig?');
  assert.ok(!requests.some((u) => /sipprep-bidi|app-font-rtl/.test(u)), 'nothing right-to-left is loaded before it is needed');

  const field = goalField(page);
  assert.equal(await field.getAttribute('dir'), 'auto');
  await clickCanvasAt(field);
  const bidiRequested = page.waitForRequest((r) => r.url().endsWith('/sipprep-bidi.wasm'));
  const fontLoaded = page.waitForResponse((r) => r.url().endsWith('/app-font-rtl.ttf'));
  await page.keyboard.insertText(SENTENCE);
  await page.waitForFunction((t) => window.sipprep.state().content.goals.long_term[0]?.text === t, SENTENCE);
  await bidiRequested;
  await fontLoaded;
  const box = await page.locator('canvas').boundingBox();
  const fieldBox = await field.boundingBox();
  const clip = { x: box.x, y: Math.max(box.y, fieldBox.y - 10), width: box.width, height: fieldBox.height + 20 };
  // The glyphs are there, the module not: the Arabic letters are drawn in logical order, unjoined.
  await page.waitForTimeout(300);
  const unshaped = await page.screenshot({ clip });

  release();
  await page.waitForResponse((r) => r.url().endsWith('/sipprep-bidi.wasm'));
  // The app draws again once the module is there; wait until the field's pixels change.
  await page.waitForFunction(() => true);
  let shaped = unshaped;
  for (let i = 0; i < 100 && shaped.equals(unshaped); i++) {
    await page.waitForTimeout(100);
    shaped = await page.screenshot({ clip });
  }
  assert.ok(!shaped.equals(unshaped), 'the text is drawn differently (shaped and reordered) once the module is there');
  await page.screenshot({ path: join(ARTIFACTS, 'rtl-mixed-in-swedish.png'), clip });
  assert.equal((await state(page)).content.goals.long_term[0].text, SENTENCE, 'the text itself stays as typed');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the a11y layer takes a right-to-left language\'s direction on the page and its root; fields stay dir=auto', async () => {
  const { context, page, problems } = await openApp(browser, server.url);
  await startNew(page);
  const dirs = await page.evaluate(() => {
    const root = document.getElementById('a11y-root');
    const before = [document.documentElement.dir, root.dir];
    window.SipprepAsks.update_a11y('', '', '', '', 'ar', true);
    const rtl = [document.documentElement.dir, root.dir, document.documentElement.lang];
    window.SipprepAsks.update_a11y('', '', '', '', 'sv', false);
    return { before, rtl, after: [document.documentElement.dir, root.dir] };
  });
  assert.deepEqual(dirs.before, ['ltr', 'ltr'], 'Swedish: left to right from the start');
  assert.deepEqual(dirs.rtl, ['rtl', 'rtl', 'ar']);
  assert.deepEqual(dirs.after, ['ltr', 'ltr']);
  const fields = await page.locator('input[type=text], textarea').evaluateAll((els) => els.map((e) => e.dir));
  assert.ok(fields.length > 0 && fields.every((d) => d === 'auto'), `every text field is dir=auto: ${fields}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('choosing a right-to-left language lays the page out right to left: dir=rtl on the page and the a11y root, the layout drawn from the right', async (t) => {
  release();  // run alone, this test does not hold the module back
  const { context, page, problems } = await openApp(browser, server.url);
  const option = page.getByRole('radio', { name: new RegExp('^' + RTL_LANGUAGE) });
  if (await option.count() === 0) {
    t.skip(`no "${RTL_LANGUAGE}" in the language menu yet`);
    await context.close();
    return;
  }
  const glyphs = page.waitForResponse((r) => r.url().endsWith('/app-font-rtl.ttf'));
  await option.focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl' && document.getElementById('a11y-root').dir === 'rtl');
  // The start screen drawn right to left (the shaping module and glyphs arrive meanwhile).
  await glyphs;
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(ARTIFACTS, 'rtl-layout.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

// Until the app has drawn no frame for a while: what is on the canvas is what it shows.
async function quiet(page) {
  let frames = await page.evaluate(() => window.__frames);
  for (;;) {
    await page.waitForTimeout(200);
    const now = await page.evaluate(() => window.__frames);
    if (now === frames) return;
    frames = now;
  }
}

test('right to left, the step footer reads from the right (previous at the right, next at its left); the a11y layer and Tab keep the reading order', async () => {
  release();
  const ar = JSON.parse(readFileSync(join(ROOT, 'assets', 'i18n', 'ar.json'), 'utf8'));
  const { context, page, problems } = await openApp(browser, server.url);
  const shaper = page.waitForResponse((r) => r.url().endsWith('/sipprep-bidi.wasm'));
  const glyphs = page.waitForResponse((r) => r.url().endsWith('/app-font-rtl.ttf'));
  const option = page.getByRole('radio', { name: new RegExp('^' + RTL_LANGUAGE) });
  await option.focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  await Promise.all([shaper, glyphs]);
  await press(page, ar['start.new']);
  await press(page, ar['nav.next']);
  const button = (key) => page.getByRole('button', { name: ar[key], exact: true });
  // Focus on "previous" brings the footer into view (the app scrolls to the focused control).
  await button('nav.previous').focus();
  await quiet(page);
  const [previous, next, home] = await Promise.all(['nav.previous', 'nav.next', 'nav.start'].map((k) => button(k).boundingBox()));
  assert.ok(previous.x > next.x, `previous (${previous.x}) at the right of next (${next.x})`);
  assert.ok(next.x > home.x, `next (${next.x}) at the right of the way home (${home.x})`);
  assert.ok(Math.abs(previous.y - next.y) < 1, 'one row');
  // Reading order in the a11y layer: previous, next, home; Tab goes the same way.
  const order = await page.evaluate((names) => {
    const all = [...document.querySelectorAll('#a11y-root button')].map((b) => b.textContent);
    return names.map((n) => all.indexOf(n));
  }, [ar['nav.previous'], ar['nav.next'], ar['nav.start']]);
  assert.ok(order[0] >= 0 && order[0] < order[1] && order[1] < order[2], `a11y order ${order}`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.innerText), ar['nav.next'], 'Tab from previous goes to next');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.innerText), ar['nav.start']);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await quiet(page);
  const canvas = await page.locator('canvas').boundingBox();
  const top = Math.max(canvas.y, Math.min(previous.y, home.y) - 60);
  await page.screenshot({ path: join(ARTIFACTS, 'rtl-footer.png'),
    clip: { x: canvas.x, y: top, width: canvas.width, height: Math.max(previous.y + previous.height, home.y + home.height) + 20 - top } });
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone in Arabic: the start screen\'s buttons and the footer stand from the right (screenshots)', async () => {
  const ar = JSON.parse(readFileSync(join(ROOT, 'assets', 'i18n', 'ar.json'), 'utf8'));
  const { context, page, problems } = await openApp(browser, server.url, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const glyphs = page.waitForResponse((r) => r.url().endsWith('/app-font-rtl.ttf'));
  const option = page.getByRole('radio', { name: new RegExp('^' + RTL_LANGUAGE) });
  await option.focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  await glyphs;
  const button = (key) => page.getByRole('button', { name: ar[key], exact: true });
  await button('start.new').focus();
  await quiet(page);
  await page.screenshot({ path: join(ARTIFACTS, 'rtl-phone-start.png') });
  // Every start-screen button ends at the same right edge (the column's inline start).
  const rights = await Promise.all(['start.new', 'start.open', 'start.professional'].map(async (k) => {
    const b = await button(k).boundingBox();
    return b.x + b.width;
  }));
  assert.ok(Math.max(...rights) - Math.min(...rights) < 1, `right edges ${rights}`);
  await press(page, ar['start.new']);
  await press(page, ar['nav.next']);
  await button('nav.previous').focus();
  await quiet(page);
  const [previous, next] = await Promise.all(['nav.previous', 'nav.next'].map((k) => button(k).boundingBox()));
  assert.ok(previous.x > next.x || previous.y < next.y, `previous ${JSON.stringify(previous)} before next ${JSON.stringify(next)} from the right`);
  await page.screenshot({ path: join(ARTIFACTS, 'rtl-phone-footer.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file written in Arabic, opened in the Swedish professional view: the shaper and glyphs are fetched for its words', async () => {
  const { context, page, problems } = await openApp(browser, server.url, { viewport: { width: 1280, height: 900 } });
  const shaper = page.waitForResponse((r) => r.url().endsWith('/sipprep-bidi.wasm'));
  const glyphs = page.waitForResponse((r) => r.url().endsWith('/app-font-rtl.ttf'));
  await press(page, 'Jag är yrkesverksam – öppna en förberedelse');
  const chooser = page.waitForEvent('filechooser');
  await press(page, 'Öppna fil');
  await (await chooser).setFiles(join(ROOT, 'assets', 'examples', 'arabiska-forberedelse.json'));
  await Promise.all([shaper, glyphs]);
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr', 'the page stays Swedish, left to right');
  await quiet(page);
  await page.screenshot({ path: join(ARTIFACTS, 'rtl-professional-arabic-file.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
