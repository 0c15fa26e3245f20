// The first words on screen are text (issue 30): the start screen's heading and welcome text,
// with the loading state, are in the page as HTML before the app has loaded — the words of the
// catalog, which the canvas then draws — and they are the largest contentful paint. At the
// first frame they leave: screen readers find them once (in the a11y layer), and nothing moved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, ROOT } from './harness.mjs';

const catalog = async (lang) => JSON.parse(await readFile(join(ROOT, 'assets/i18n', `${lang}.json`), 'utf8'));

test('the start screen\'s words are text before the app loads, once for screen readers after, and nothing shifts', async () => {
  const sv = await catalog('sv');
  const en = await catalog('en');
  // The WebAssembly is held back until the page's text has been checked.
  let release;
  const held = new Promise((r) => { release = r; });
  const server = await serve(undefined, { gate: (path) => (path.endsWith('.wasm') ? held : null) });
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    await context.addInitScript(() => {
      window.__shifts = [];
      window.__lcp = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shifts.push(e.value); }).observe({ type: 'layout-shift', buffered: true });
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__lcp.push(e.element ? !!e.element.closest('#first-words') : null);
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'domcontentloaded' });

    // Before the app: the words, from the catalog, visible and read by screen readers.
    const words = page.locator('#first-words');
    assert.equal(await words.locator('h1').textContent(), sv['app.title']);
    assert.equal(await words.locator('h2').textContent(), sv['start.title']);
    assert.deepEqual(await words.locator('p:not(.spinner)').allTextContents(),
      [sv['app.subtitle'], sv['start.intro'], sv['app.loading'], en['app.loading']]);
    assert.equal(await words.locator('[lang="en"]').textContent(), en['app.loading']);
    assert.equal(await page.getByRole('heading', { name: sv['start.title'], exact: true }).count(), 1);
    assert.equal(await page.getByRole('status').filter({ hasText: sv['app.loading'] }).count(), 1);
    assert.equal(await page.getByText(sv['start.intro'], { exact: true }).isVisible(), true);

    release();
    await page.waitForFunction(() => window.__appReady === true || window.__appFailed, null, { timeout: 60000 });
    assert.equal(await page.evaluate(() => window.__appFailed), undefined);
    // Two more display frames: any shift the take-over caused has been reported.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

    // After: the canvas draws the words and the a11y layer says them, once.
    assert.equal(await words.isHidden(), true);
    assert.equal(await page.getByRole('heading', { name: sv['start.title'], exact: true }).count(), 1);
    assert.equal(await page.getByRole('heading', { name: sv['app.title'], exact: true }).count(), 1);
    assert.equal(await page.locator('#a11y-root').getByRole('heading', { name: sv['start.title'], exact: true }).count(), 1);
    // What assistive technology gets: the accessibility tree of the whole page.
    const heard = await page.locator('body').ariaSnapshot();
    for (const key of ['app.title', 'start.title', 'start.intro'])
      assert.equal(heard.split(sv[key]).length - 1, 1, `"${sv[key]}" once in ${heard.slice(0, 400)}`);
    assert.equal(heard.includes(sv['app.loading']), false, 'no loading state after the first frame');
    assert.equal(await page.locator('#a11y-root').getByText(sv['start.intro'], { exact: true }).count(), 1);
    const state = await page.evaluate(() => ({ shifts: window.__shifts, lcp: window.__lcp }));
    assert.deepEqual(state.shifts, [], 'no layout shift');
    assert.ok(state.lcp.length > 0, 'a largest contentful paint');
    assert.equal(state.lcp.at(-1), true, 'the largest contentful paint is the text version of the start screen');
    await context.close();
  } finally {
    release();
    await browser.close();
    await server.close();
  }
});

// index.html's own inline script (the downloads and the module's compile, begun before any other
// script) and its inline style run under the page's policy, as served with its headers: a hash
// the build got wrong would not stop the app (load.js fetches again), only slow its start.
test('the policy allows the page\'s inline script and style, and the module compiles from index.html', async () => {
  const server = await serve(undefined);
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const blocked = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) blocked.push(m.text()); });
    await page.goto(server.url);
    await page.waitForFunction(() => window.__appReady === true || window.__appFailed, null, { timeout: 60000 });
    assert.deepEqual(blocked, []);
    assert.deepEqual(await page.evaluate(() => Object.keys(window.SipprepEarly).sort()), ['font', 'module', 'wasm']);
    assert.equal(await page.evaluate(() => window.SipprepEarly.module.then((m) => m instanceof WebAssembly.Module)), true);
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('a11y-root')).opacity), '0', 'the inline style applies');
    assert.equal(await page.locator('link[rel="stylesheet"]').count(), 0);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});

// The module and the font are fetched once the first frame (the page's first words) has run, not
// while the page is still parsed: their bytes and the module's compile had taken the CPU from the
// first paint, and where they came before it, Lighthouse's simulation counted the whole module as
// needed for the largest paint. A page opened hidden (a background tab) has no frames: it fetches
// at once.
test('the module and the font are fetched after the first frame, and at once in a hidden page', async () => {
  const server = await serve(undefined);
  const browser = await launch();
  try {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      window.__firstFrame = null;
      requestAnimationFrame(() => { window.__firstFrame = performance.now(); });
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => window.__appReady === true || window.__appFailed, null, { timeout: 60000 });
    const seen = await page.evaluate(() => ({
      frame: window.__firstFrame,
      starts: performance.getEntriesByType('resource').filter((e) => /\/(sipprep\.wasm|app-font\.ttf)$/.test(e.name)).map((e) => e.startTime),
    }));
    assert.equal(seen.starts.length, 2, 'one download of each');
    for (const start of seen.starts) assert.ok(start >= Math.min(seen.frame, 1000), `a download began at ${start} ms, before the first frame at ${seen.frame} ms`);

    // Hidden from the start: no frame comes, and the downloads must not wait for one.
    const hidden = await context.newPage();
    await hidden.addInitScript(() => {
      Object.defineProperty(document, 'hidden', { get: () => true });
      Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });
      window.__rafCalled = false;
      const raf = window.requestAnimationFrame;
      window.requestAnimationFrame = (f) => { window.__rafCalled = true; return raf(f); };
    });
    await hidden.goto(server.url);
    await hidden.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/sipprep.wasm')), null, { timeout: 60000 });
    const start = await hidden.evaluate(() => performance.getEntriesByType('resource').find((e) => e.name.endsWith('/sipprep.wasm')).startTime);
    assert.ok(start < 1000, `the hidden page's download began at ${start} ms, not at once`);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
