// What the page tells the app before main() has made it (a storage failure, a saved draft, a new
// version) is not lost: it waits and reaches the app as soon as it exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';

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
