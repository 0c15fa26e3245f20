// Every call answers (issue 24, item 6): the passphrase worker answers each call with a result
// or an error, also when it throws or does not answer at all (a time-out, and a late answer is
// dropped); a file above the format's limit is refused before it is copied into the module's
// memory; when the module has no memory for what the page hands it, the app says so and goes on.
// The worker is changed for a test by serving age-worker.js with a few lines in front of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, state, press, startNew, useBrowser, lockDraft, WEB } from './harness.mjs';

const env = useBrowser();
const LOCK = 'vårt eget lösen';

const nameField = (page) => page.getByRole('textbox', { name: 'Ditt namn' });
const a11yText = (page) => page.evaluate(() => document.getElementById('a11y-root').textContent);
const shows = (page, text, timeout = 20000) => page.getByText(text).first().waitFor({ state: 'attached', timeout });
const ownerName = async (page) => (await state(page)).content.owner.name;

// The app with a worker whose code starts with `prelude` (no service worker: it would serve the
// real file).
async function openWithWorker(prelude) {
  const app = await openApp(env.browser, env.server.url, { serviceWorkers: 'block' });
  if (prelude) {
    const real = readFileSync(join(WEB, 'age-worker.js'), 'utf8');
    await app.context.route('**/age-worker.js', (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: prelude + '\n' + real }));
  }
  return app;
}

// A file of `size` zero bytes dropped on the page.
const dropFile = (page, name, size) => page.evaluate(([n, bytes]) => {
  const dt = new DataTransfer();
  dt.items.add(new File([new Uint8Array(bytes)], n, { type: 'application/json' }));
  window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
}, [name, size]);

// Polls `fn` in the page (it may be async: page.waitForFunction takes a promise for "true").
async function until(page, fn, arg, timeout = 20000) {
  for (const end = Date.now() + timeout; ;) {
    if (await page.evaluate(fn, arg)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${fn}`);
    await page.waitForTimeout(100);
  }
}

// "Stäng meddelandet" of the message about an opened file (the memory banner has one too).
async function dismissFileMessage(page) {
  const message = page.locator('[data-k="g-open-result"]');
  await message.getByRole('button', { name: 'Stäng meddelandet' }).focus();
  await page.keyboard.press('Enter');
  await message.waitFor({ state: 'detached' });
}

// Types at the end of "Ditt namn", once the app has drawn its last change (a message closed
// moves the focus), and waits until the app has the words.
async function typeName(page, text) {
  await until(page, () => new Promise((resolve) => {
    const before = window.__frames;
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.__frames === before)));
  }));
  await nameField(page).focus();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
  await page.waitForFunction((t) => window.sipprep.state().content.owner.name.endsWith(t), text);
}

// Saved as the app says it: nothing pending, and the stored draft holds `name`.
async function savedWith(page, name) {
  await until(page, async (n) => {
    if (window.sipprep.storage().pending) return false;
    const stored = await window.sipprep.storedDraft();
    return !!stored && (stored.text || '').includes(n);
  }, name);
}


test('the worker throws while sealing a save: the person is told why, and the next save is sealed and opens', async () => {
  // The module breaks once, on the first save whose draft holds "KRASCH" (inside the worker's
  // ready.then, where an exception never reaches worker.onerror).
  const prelude = `self.importScripts = (function (real) {
    return function (url) {
      real.call(self, url);
      var make = self.SipprepAge, thrown = false;
      self.SipprepAge = function () {
        return make.apply(this, arguments).then(function (M) {
          var seal = M._sipprep_age_seal_draft;
          function breaking(p, n) {
            if (!thrown && new TextDecoder().decode(M.HEAPU8.slice(p, p + n)).indexOf('KRASCH') >= 0) {
              thrown = true;
              throw new Error('injected: the module broke while sealing');
            }
            return seal.apply(this, arguments);
          }
          // Emscripten's first call puts the raw export in its place: that is kept underneath.
          Object.defineProperty(M, '_sipprep_age_seal_draft', {
            configurable: true, get: function () { return breaking; }, set: function (f) { seal = f; } });
          return M;
        });
      };
    };
  })(self.importScripts);`;
  const { context, page, problems } = await openWithWorker(prelude);
  await startNew(page);
  await typeName(page, 'Anna');
  await savedWith(page, 'Anna');
  await lockDraft(page, LOCK);
  await shows(page, 'Utkastet är låst med lösenord på den här datorn.');
  await page.waitForFunction(() => window.sipprep.storage().locked && !window.sipprep.storage().pending);

  await typeName(page, ' KRASCH');
  await shows(page, 'Något gick fel i lösenordsdelen av appen. Spara en fil nu, så att du inte förlorar något.');
  assert.equal(await page.evaluate(() => window.sipprep.passphrase.last.error), 'passphrase.failed');
  assert.equal(await ownerName(page), 'Anna KRASCH', 'the words are still in the app');

  // Typing on: the next save is sealed; the banner goes.
  const before = await page.evaluate(() => window.sipprep.storage().revision);
  await typeName(page, ' Berg');
  await page.waitForFunction((rev) => {
    const s = window.sipprep.storage();
    return s.revision > rev && !s.pending;
  }, before, { timeout: 20000 });
  await page.getByText('Något gick fel i lösenordsdelen av appen.').first().waitFor({ state: 'detached', timeout: 20000 });
  assert.equal((await page.evaluate(() => window.sipprep.storedDraft())).sealedStart, 'age-encryption.org/v1\n');

  // What is stored opens with the passphrase and holds every word.
  await page.reload();
  await page.waitForFunction(() => window.__appReady === true);
  await page.getByRole('textbox', { name: 'Lösenord', exact: true }).focus();
  await page.keyboard.type(LOCK);
  await press(page, 'Lås upp och fortsätt');
  await page.waitForFunction(() => window.sipprep.state().screen === 'steps', null, { timeout: 20000 });
  assert.equal(await ownerName(page), 'Anna KRASCH Berg');
  assert.deepEqual(problems.filter((p) => !p.includes('injected')), []);
  await context.close();
});

test('a worker that never answers: the call ends with a time-out, the person is told, and saving goes on', async () => {
  const { context, page, problems } = await openWithWorker('self.postMessage = function () {};');
  await page.evaluate(() => { window.sipprep.passphrase.timeoutMs = 1500; });
  await startNew(page);
  await typeName(page, 'Bo');
  await savedWith(page, 'Bo');
  await lockDraft(page, LOCK);
  await shows(page, 'Lösenordsdelen av appen svarade inte i tid.');
  assert.equal(await page.evaluate(() => window.sipprep.passphrase.last.error), 'passphrase.timeout');
  const s = await page.evaluate(() => window.sipprep.storage());
  assert.equal(s.locked, false);
  assert.equal(s.locking, false);
  // Not locked, so saved readable as before; nothing is stuck.
  await typeName(page, ' Ek');
  await savedWith(page, 'Bo Ek');
  const stored = await page.evaluate(() => window.sipprep.storedDraft());
  assert.ok(stored.text.includes('Bo Ek'), JSON.stringify(stored).slice(0, 300));
  assert.deepEqual(problems, []);
  await context.close();
});

test('an answer after its time-out is dropped: the draft does not become locked behind the person\'s back', async () => {
  const prelude = `(function () {
    var post = self.postMessage.bind(self);
    self.postMessage = function (m, t) { setTimeout(function () { post(m, t); }, 3000); };
  })();`;
  const { context, page, problems } = await openWithWorker(prelude);
  await page.evaluate(() => { window.sipprep.passphrase.timeoutMs = 1000; });
  await startNew(page);
  await typeName(page, 'Cecilia');
  await savedWith(page, 'Cecilia');
  await lockDraft(page, LOCK);
  await shows(page, 'Lösenordsdelen av appen svarade inte i tid.');
  await page.waitForFunction(() => window.sipprep.passphrase.late >= 1, null, { timeout: 20000 });
  const s = await page.evaluate(() => window.sipprep.storage());
  assert.equal(s.locked, false, 'the late answer locked the draft');
  assert.equal(await page.evaluate(() => window.sipprep.passphrase.last.error), 'passphrase.timeout');
  await typeName(page, ' Ask');
  await savedWith(page, 'Cecilia Ask');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file above the limit, dropped or chosen, is refused before it is copied, with words; the draft stays', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await startNew(page);
  await typeName(page, 'Kerstin Lund');
  await savedWith(page, 'Kerstin Lund');
  const stored = await page.evaluate(() => window.sipprep.storedDraft());
  // The largest copy into the module's memory from here on.
  await page.evaluate(() => {
    const real = Module._malloc;
    window.__largest = 0;
    Module._malloc = (n) => { window.__largest = Math.max(window.__largest, n); return real(n); };
  });
  const SIZE = 7 * 1024 * 1024;
  await dropFile(page, 'stor.json', SIZE);
  await shows(page, 'stor.json kunde inte öppnas:');
  await shows(page, /Filen är större än 6 MB\. En förberedelse är aldrig så stor, så filen lästes inte\. Det du har skrivit här är kvar\./);
  await dismissFileMessage(page);

  const chooser = page.waitForEvent('filechooser');
  await page.evaluate(() => window.sipprep.pickFile());
  await (await chooser).setFiles({ name: 'ännu-större.json', mimeType: 'application/json', buffer: Buffer.alloc(SIZE + 1) });
  await shows(page, 'ännu-större.json kunde inte öppnas:');

  assert.ok(await page.evaluate(() => window.__largest) < 1024 * 1024, 'the file was copied into the module');
  assert.equal(await page.evaluate(() => window.SipprepApp.max_file_bytes()), 6 * 1024 * 1024);
  assert.equal(await nameField(page).inputValue(), 'Kerstin Lund');
  assert.equal(await ownerName(page), 'Kerstin Lund');
  assert.equal((await state(page)).screen, 'steps');
  const after = await page.evaluate(() => window.sipprep.storedDraft());
  assert.equal(after.rev, stored.rev, 'the stored draft was written');
  assert.equal(after.text, stored.text);
  assert.deepEqual(problems, []);
  await context.close();
});

test('no memory for what the page hands the app: a banner, no crash, nothing written at address 0; then all goes on', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await startNew(page);
  await typeName(page, 'Dana');
  await savedWith(page, 'Dana');
  await nameField(page).focus();
  // Every allocation the page asks for fails; address 0 is watched.
  await page.evaluate(() => {
    window.__realMalloc = Module._malloc;
    Module.HEAPU8.fill(0xA5, 0, 8);
    Module._malloc = () => 0;
  });
  await page.keyboard.press('End');
  await page.keyboard.type('x');
  await shows(page, 'Appen har ont om minne');
  await shows(page, /Webbläsaren gav inte appen mer minne/);
  assert.ok(await page.evaluate(() => window.__memoryShort) >= 1);
  assert.deepEqual(await page.evaluate(() => [...Module.HEAPU8.subarray(0, 8)]), new Array(8).fill(0xA5),
    'something was written at address 0');

  // Only large allocations fail: a dropped file is refused in words, the draft stays.
  await page.evaluate(() => { Module._malloc = (n) => (n > 64 * 1024 ? 0 : window.__realMalloc(n)); });
  await dropFile(page, 'mellan.json', 200 * 1024);
  await shows(page, 'mellan.json kunde inte öppnas:');
  await shows(page, /Den här enheten har inte minne nog för att öppna filen just nu\./);

  // Memory back: typing goes on and is saved.
  await page.evaluate(() => { Module._malloc = window.__realMalloc; });
  await dismissFileMessage(page);
  await typeName(page, ' Holm');
  await savedWith(page, 'Holm');
  const name = await ownerName(page);
  assert.ok(name.endsWith(' Holm'), name);
  assert.equal(await page.evaluate(() => window.__appFailed), undefined);
  assert.ok((await a11yText(page)).includes('Appen har ont om minne'), 'the banner stays until it is closed');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the module cannot get its memory at start: the page says so in words, not "check the connection"', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(() => {
    const real = WebAssembly.instantiate;
    WebAssembly.instantiate = function (module) {
      if (module instanceof WebAssembly.Module && WebAssembly.Module.exports(module).length > 10)
        return Promise.reject(new RangeError('WebAssembly.instantiate(): Out of memory: Cannot allocate Wasm memory for new instance'));
      return real.apply(this, arguments);
    };
  });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForFunction(() => window.__appFailed, null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => window.__appFailed), 'no-memory');
  await shows(page, /Webbläsaren gav inte appen minne nog för att starta\./);
  await shows(page, /Inget av det som är sparat på den här datorn har tagits bort\./);
  await context.close();
});
