// An offline copy that heals itself (issue 27): the service worker serves nothing from its cache
// that is not the file the build listed — a damaged cached file is fetched from the network and
// cached again; a new version caught half-way through its deploy is not installed; when the app
// still cannot start, "Ladda om appen" clears only the app's own
// files (caches, service worker), so the app runs again with the draft as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, state, press, startNew, serve, useBrowser, ROOT, WEB } from './harness.mjs';

const env = useBrowser();

// The app from a copy of build/web (the test changes files on the "server"), controlled by its
// service worker, with "Bo Ek" typed and stored.
async function appWithDraft() {
  const dir = mkdtempSync(join(tmpdir(), 'sipprep-recovery-'));
  cpSync(WEB, dir, { recursive: true });
  const server = await serve(dir);
  const app = await openApp(env.browser, server.url);
  await app.page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller, null, { timeout: 30000 });
  await startNew(app.page);
  await app.page.getByRole('textbox', { name: 'Ditt namn' }).focus();
  await app.page.keyboard.type('Bo Ek');
  await app.page.waitForFunction(() => window.sipprep.state().content.owner.name === 'Bo Ek');
  await app.page.evaluate(() => window.sipprep.flushDraft());
  return { ...app, dir, server };
}

// Replaces the cached sipprep.wasm with its first half, as a deploy caught half-way leaves it.
const damageCachedWasm = (page) => page.evaluate(async () => {
  const key = (await caches.keys()).find((k) => k.startsWith('sipprep-'));
  const cache = await caches.open(key);
  const bytes = await (await cache.match('sipprep.wasm')).arrayBuffer();
  await cache.put('sipprep.wasm', new Response(bytes.slice(0, bytes.byteLength >> 1), { headers: { 'Content-Type': 'application/wasm' } }));
  return key;
});

const cachedWasmSize = (page) => page.evaluate(async () => {
  const key = (await caches.keys()).find((k) => k.startsWith('sipprep-'));
  const hit = key && await (await caches.open(key)).match('sipprep.wasm');
  return hit ? (await hit.arrayBuffer()).byteLength : -1;
});

const started = (page) => page.waitForFunction(() => window.__appReady === true || window.__appFailed, null, { timeout: 60000 })
  .then(() => page.evaluate(() => window.__appFailed || 'ready'));

test('a damaged file in the offline copy: the app starts from the network and the copy is mended', async () => {
  const { context, page, server, problems } = await appWithDraft();
  try {
    const size = readFileSync(join(WEB, 'sipprep.wasm')).length;
    assert.equal(await cachedWasmSize(page), size);
    await damageCachedWasm(page);
    assert.equal(await cachedWasmSize(page), size >> 1);

    await page.reload();
    assert.equal(await started(page), 'ready', await page.locator('#fatal').innerText());
    await press(page, 'Fortsätt');
    assert.equal((await state(page)).content.owner.name, 'Bo Ek');
    assert.equal(await cachedWasmSize(page), size, 'the cached file was not replaced by the right one');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('the app cannot start: "Ladda om appen" clears its own files, not the draft, and it runs again', async () => {
  const { context, page, dir, server } = await appWithDraft();
  try {
    // Both the cached and the served file are broken: nothing the service worker can mend.
    const oldCache = await damageCachedWasm(page);
    writeFileSync(join(dir, 'sipprep.wasm'), 'not a WebAssembly module');
    await page.reload();
    assert.equal(await started(page), 'load-failed');
    const reload = page.getByRole('button', { name: 'Ladda om appen' });
    await reload.waitFor();
    assert.match(await page.locator('#fatal').innerText(), /Det du har skrivit finns kvar/);

    // A mark in the offline copy, to see that the button removed it.
    await page.evaluate((key) => caches.open(key).then((c) => c.put('mark', new Response('x'))), oldCache);
    // The server has the right file again (the deploy finished).
    copyFileSync(join(WEB, 'sipprep.wasm'), join(dir, 'sipprep.wasm'));
    await Promise.all([page.waitForEvent('load', { timeout: 30000 }), reload.click()]);
    assert.equal(await started(page), 'ready', await page.locator('#fatal').innerText());
    // Loaded without the old service worker, and its copy is gone (a new one may have the same name).
    assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation')[0].workerStart), 0,
      'the reload went through the old service worker');
    assert.equal(await page.evaluate((key) => caches.open(key).then((c) => c.match('mark')).then((m) => !!m), oldCache), false,
      'the old offline copy is still there');
    await press(page, 'Fortsätt');
    assert.equal((await state(page)).content.owner.name, 'Bo Ek', 'the draft was not kept');
    // Offline use comes back: a new service worker takes over and caches the files again.
    await page.waitForFunction(() => navigator.serviceWorker.controller, null, { timeout: 30000 });
  } finally {
    await context.close();
    await server.close();
  }
});

// Asks the browser to look for a new service worker; answers what became of it.
const updateOutcome = (page) => page.evaluate(() => navigator.serviceWorker.getRegistration().then((reg) => new Promise((resolve) => {
  reg.addEventListener('updatefound', () => {
    const w = reg.installing;
    w.addEventListener('statechange', () => { if (w.state === 'installed' || w.state === 'redundant') resolve(w.state); });
  }, { once: true });
  reg.update();
})));

test('a deploy caught half-way (the new list, an old file) is not installed; once complete it is', async () => {
  const { context, page, dir, server, problems } = await appWithDraft();
  try {
    const next = mkdtempSync(join(tmpdir(), 'sipprep-next-'));
    cpSync(dir, next, { recursive: true });
    appendFileSync(join(next, 'icon.svg'), '\n<!-- the next version -->\n');
    execFileSync('node', [join(ROOT, 'tools/service-worker.mjs'), next]);
    copyFileSync(join(next, 'sw.js'), join(dir, 'sw.js'));  // the new sw.js is up, icon.svg not yet
    assert.equal(await updateOutcome(page), 'redundant', 'a version with a file of another was installed');
    assert.equal(await page.getByRole('button', { name: 'Ladda om nu' }).count(), 0);

    copyFileSync(join(next, 'icon.svg'), join(dir, 'icon.svg'));  // the deploy is complete
    assert.equal(await updateOutcome(page), 'installed');
    await page.getByRole('button', { name: 'Ladda om nu' }).waitFor({ state: 'attached', timeout: 20000 });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await server.close();
  }
});
