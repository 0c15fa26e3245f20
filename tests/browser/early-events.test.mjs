// What the page tells the app before main() has made it (a storage failure, a saved draft, a new
// version) is not lost: it waits and reaches the app as soon as it exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, useBrowser } from './harness.mjs';

const env = useBrowser();

// Runs in the page before its scripts: when Emscripten calls main() (Module._main, after the
// module's constructors), the page first tells the module of a storage failure and a new version.
function tellBeforeMain() {
  let module;
  Object.defineProperty(window, 'Module', {
    configurable: true,
    get: () => module,
    set: (m) => {
      module = m;
      let main;
      Object.defineProperty(m, '_main', {
        configurable: true,
        set: (f) => { main = f; },
        get: () => (...args) => {
          const reason = 'tidig orsak';
          const size = m.lengthBytesUTF8(reason) + 1;
          const p = m._malloc(size);
          m.stringToUTF8(reason, p, size);
          m._sipprep_storage_failed(p);
          m._free(p);
          m._sipprep_update_available();
          window.__toldBeforeMain = true;
          return main(...args);
        },
      });
    },
  });
}

test('a storage failure and a new version told before main() made the app are shown once it exists', async () => {
  const context = await env.browser.newContext();
  try {
    await context.addInitScript(tellBeforeMain);
    const page = await context.newPage();
    await page.goto(env.server.url);
    await page.waitForFunction(() => window.__appReady === true || !!window.__appFailed, null, { timeout: 30000 });
    assert.equal(await page.evaluate(() => window.__appFailed || null), null);
    assert.equal(await page.evaluate(() => window.__toldBeforeMain), true, 'the events were told before main()');
    const alert = page.getByRole('alert').filter({ hasText: 'Det du skriver kan inte sparas i webbläsaren' });
    await alert.waitFor({ state: 'attached', timeout: 30000 });  // the a11y layer is invisible: the canvas shows it
    assert.match(await alert.textContent(), /tidig orsak/);
    await page.getByRole('status').filter({ hasText: 'Det finns en ny version av appen' }).first().waitFor({ state: 'attached', timeout: 30000 });
  } finally {
    await context.close();
  }
});

// Runs in the page before its scripts: IndexedDB's database answers `ms` later than it would
// (the first visit on a slow phone, where making the database takes that long).
function slowDatabase(ms) {
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) {
    const request = open.apply(this, args);
    let handler = null;
    Object.defineProperty(request, 'onsuccess', { configurable: true, get: () => handler, set: (h) => { handler = h; } });
    request.addEventListener('success', (e) => setTimeout(() => handler && handler.call(request, e), ms));
    return request;
  };
}

test('a stored draft that IndexedDB gives late holds back neither main() nor the fonts, and is in the first frame at its text size', async () => {
  const context = await env.browser.newContext();
  try {
    // A returning person's draft (as the release before kept it), larger text chosen.
    const draft = { draft: 1, ui: { screen: 'steps', step: 'goal', author: 'person', text_scale: 1.5 },
      bundle: JSON.parse(readFileSync(join(ROOT, 'assets/examples/narstaende-tillsammans.json'), 'utf8')) };
    await context.addInitScript((text) => {
      if (!sessionStorage.getItem('seeded')) { localStorage.setItem('sipprep.draft.v1', text); sessionStorage.setItem('seeded', '1'); }
    }, JSON.stringify(draft));
    await context.addInitScript(slowDatabase, 1500);
    const page = await context.newPage();
    await page.goto(env.server.url);
    await page.waitForFunction(() => window.__appReady === true || !!window.__appFailed, null, { timeout: 60000 });
    assert.equal(await page.evaluate(() => window.__appFailed || null), null);
    const at = await page.evaluate(() => Object.fromEntries(['sipprep:runtime-ready', 'sipprep:draft-read', 'sipprep:first-frame']
      .map((name) => [name, performance.getEntriesByName(name)[0].startTime])));
    const fontsBuilt = await page.evaluate(() => performance.getEntriesByName('sipprep:fonts-built').map((m) => m.startTime));
    assert.ok(at['sipprep:runtime-ready'] < at['sipprep:draft-read'], `main() ran before the draft was read: ${JSON.stringify(at)}`);
    assert.ok(fontsBuilt.some((t) => t < at['sipprep:draft-read']), `the fonts were built while the draft was read: ${fontsBuilt}`);
    assert.ok(at['sipprep:draft-read'] < at['sipprep:first-frame']);
    const s = JSON.parse(await page.evaluate(() => window.SipprepApp.state_json()));
    assert.equal(s.screen, 'resume', 'the stored draft opens on the neutral screen');
    assert.equal(s.text_scale, 1.5, 'at the text size the draft kept');
    // The draft's text size came after the fonts: they were built again before the first frame, not in it.
    const inFrame = await page.evaluate(() => performance.getEntriesByName('sipprep:fonts-built')
      .filter((m) => m.startTime > performance.getEntriesByName('sipprep:frame-start')[0].startTime).length);
    assert.equal(inFrame, 0, 'no font was built in the first frame');
    await page.getByRole('button', { name: 'Fortsätt', exact: true }).waitFor({ state: 'attached' });
  } finally {
    await context.close();
  }
});
