// Tabs of one profile in every engine (issue 24, "The same in real browsers"; issue 31): a second
// tab waits and takes over, the tab that took over types and closes at once, a tab ends without
// unload (a crash: see Session.kill for what each engine really does), "Radera allt" while a
// write waits for storage, and a reload at once. Every wait follows the app's own signals:
// window.__appReady, the a11y layer's texts, the draft store's status (window.sipprep.storage()).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, useEngine } from '../engines/index.mjs';
import { using } from '../engines/session.mjs';
import { tabNextStep, focusButton } from '../engines/find.mjs';

const WAIT = 30000;  // an upper bound for the app's signals on a busy machine, not a pause
const NOTICE = { role: 'alert', name: 'Förberedelsen är öppen i en annan flik' };
const NAME = { role: 'textbox', name: 'Ditt namn' };

// Types at the end of the name field with the engine's own keys; `atOnce`: nothing waits after
// the last key (the tab is closed, killed or reloaded right after).
async function typeName(s, words, { atOnce = false } = {}) {
  await s.focus(NAME);
  await s.key('End');
  await s.type(words);
  if (!atOnce) await s.settle();
}

// Goes on in this tab as a person does ("Fortsätt här" on the notice, "Fortsätt" on the neutral
// screen) until it edits and shows the name field.
async function goOn(s) {
  await s.use();
  for (let presses = 0; ; presses++) {
    const step = await s.waitFor(tabNextStep, [], { timeout: WAIT });
    if (step === 'done') break;
    if (presses > 5) throw new Error(`${s.engine}: the tab does not edit after ${presses} presses`);
    // The screen may change as the person presses (the lock came free meanwhile): a button gone
    // before it had the focus is not pressed, and the next step is read again.
    if (!(await s.eval(focusButton, step === 'takeOver' ? 'Fortsätt här' : 'Fortsätt'))) continue;
    await s.key('Enter');
    await s.settle();
    await s.waitFor((was) => (was === 'takeOver' ? window.sipprep.storage().state !== 'follower'
      : window.sipprep.state().screen !== 'resume'), [step], { timeout: WAIT });
  }
  await s.waitForControl(NAME, WAIT);
}

// The owner's name in the draft as stored (what a reload or a fresh tab opens).
const storedName = (s) => s.eval(async () => {
  const rec = await window.sipprep.storedDraft();
  return rec && rec.text ? JSON.parse(rec.text).bundle.content.owner.name : null;
});

// Reloads a tab of a profile that had a second tab, and goes on there; false where the engine's
// driver cannot: WebKitWebDriver (2.50) ends the session ("page crash or hang") or never sees the
// new document when a window is reloaded after another window of the session was closed or
// stopped. The stored draft is checked there instead (storedName); reloading one tab alone is
// checked in every engine ('a reload at once keeps the last words typed', once in WebKit).
async function reloadOnceTabsWere(s) {
  if (s.engine === 'webkit') return false;
  await s.reload();
  await goOn(s);
  return true;
}

const idle = (s) => s.waitFor(() => { const st = window.sipprep.storage(); return !st.pending && !st.erasing; }, [], { timeout: WAIT });

// Everything of the draft the origin holds (IndexedDB's draft and versions, localStorage), as text.
function everythingStored() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('sipprep');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const names = [...db.objectStoreNames];
      const t = db.transaction(names, 'readonly');
      const out = [];
      for (const n of names) {
        const all = t.objectStore(n).getAll();
        all.onsuccess = () => out.push(JSON.stringify(all.result));
      }
      t.oncomplete = () => {
        db.close();
        for (let i = 0; i < localStorage.length; i++) out.push(localStorage.getItem(localStorage.key(i)));
        resolve(out.join('\n'));
      };
    };
  });
}

for (const engine of ENGINES) {
  describe(engine, { timeout: 600000 }, () => {
    const env = useEngine(engine);

    // Issue 31: the first tab may be granted the Web Lock before the closed tab's rescue copy
    // (pagehide) is in its localStorage; the store takes the copy when it arrives.
    test('two tabs: the second waits and takes over with every word; it types and closes at once; the first goes on and nothing is lost', () =>
      using(env.open(), async (a) => {
        await a.press('Ny förberedelse');
        await typeName(a, 'Anna');
        const b = await a.newTab();
        await b.use();
        await b.waitForControl(NOTICE, WAIT);
        assert.equal(await b.hasText('Anna'), false, 'the waiting tab shows the draft');
        await a.use();
        await typeName(a, ' Berg');
        await goOn(b);  // "Fortsätt här"
        assert.equal(await b.read(NAME), 'Anna Berg', 'the words typed last in the first tab came along');
        await a.use();
        await a.waitForControl(NOTICE, WAIT);
        await b.use();
        await typeName(b, ' Lund', { atOnce: true });
        assert.equal(await b.read(NAME), 'Anna Berg Lund', 'the field shows the words typed');
        await b.closeTab();  // a normal close, at once: no half second for the save
        await goOn(a);
        // The closed tab's rescue copy can reach this tab's localStorage after the lock did; the
        // store takes it when it arrives (its 'storage' event): the words come, or the test fails.
        await a.waitFor((want) => window.sipprep.state().content.owner.name === want, ['Anna Berg Lund'],
          { timeout: WAIT }).catch(() => {});
        assert.equal(await a.read(NAME), 'Anna Berg Lund', 'the words typed in the closed tab');
        await typeName(a, ' Ek');
        assert.equal(await a.read(NAME), 'Anna Berg Lund Ek');
        await a.eval(() => window.sipprep.flushDraft());
        assert.equal(await storedName(a), 'Anna Berg Lund Ek', 'stored');
        if (await reloadOnceTabsWere(a)) assert.equal(await a.read(NAME), 'Anna Berg Lund Ek', 'after a reload');
        assert.deepEqual(await a.takeProblems(), []);
      }));

    test('a tab ends without unload (a crash): what it stored is there, and the tab left edits', () =>
      using(env.open(), async (a) => {
        await a.press('Ny förberedelse');
        await typeName(a, 'Anna');
        const b = await a.newTab();
        await goOn(b);  // "Fortsätt här": the second tab edits
        await a.use();
        await a.waitForControl(NOTICE, WAIT);
        await b.use();
        await typeName(b, ' Berg');
        await idle(b);
        await b.waitForText('Sparat', { timeout: WAIT });
        await typeName(b, ' Ek', { atOnce: true });
        await b.kill();
        // Chromium and Firefox let go of the ended tab's Web Lock: the first tab edits without
        // asking ("Fortsätt"); WebKit's stopped tab holds it until "Fortsätt här" takes it (5 s).
        await goOn(a);
        const name = await a.read(NAME);
        // Words typed in the last half second before a crash were neither written nor rescued
        // (no pagehide): they may be gone; everything stored before is there.
        assert.ok(name === 'Anna Berg' || name === 'Anna Berg Ek', `after the crash: "${name}"`);
        console.log(`# ${engine}: after the crash the draft is "${name}"`);
        await typeName(a, ' Lund');
        await a.eval(() => window.sipprep.flushDraft());
        assert.equal(await a.read(NAME), `${name} Lund`);
        assert.equal((await a.eval(() => window.sipprep.storage())).editing, true);
        assert.equal(await storedName(a), `${name} Lund`, 'stored');
        if (await reloadOnceTabsWere(a)) assert.equal(await a.read(NAME), `${name} Lund`, 'after a reload');
      }));

    test('"Radera allt" while the write of the last words waits for storage: nothing of them comes back; typing afterwards is saved', () =>
      using(env.open(), async (a) => {
        await a.press('Ny förberedelse');
        await typeName(a, 'Anna');
        await idle(a);
        // Storage is busy: a transaction of this origin holds the draft's store, so the next
        // write waits (a slow write, without any hook in the app). Counted: the app's asks.
        await a.eval(() => new Promise((resolve, reject) => {
          const tx = window.sipprep.store.tx;
          window.__writesAsked = 0;
          window.sipprep.store.tx = function (names, mode, fn) {
            if (mode === 'readwrite' && [].concat(names).includes('draft')) window.__writesAsked++;
            return tx.call(this, names, mode, fn);
          };
          const req = indexedDB.open('sipprep');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const db = req.result;
            const t = db.transaction('draft', 'readwrite');
            const spin = () => { if (window.__releaseStorage) return; t.objectStore('draft').get('meta').onsuccess = spin; };
            spin();
            t.oncomplete = () => db.close();
            resolve();
          };
        }));
        await typeName(a, ' Berg');
        await a.waitFor(() => window.__writesAsked >= 1, [], { timeout: WAIT });  // the write waits for storage
        await a.press('Radera allt från den här datorn');
        await a.press('Ja, radera allt');
        await a.waitFor(() => window.__writesAsked >= 2, [], { timeout: WAIT });  // and the erase behind it
        await a.eval(() => { window.__releaseStorage = true; });
        await idle(a);
        await a.waitForText('Kvar finns filer du har sparat', { timeout: WAIT });
        assert.equal(await a.eval(() => window.sipprep.storedDraft()), null);
        assert.ok(!(await a.eval(everythingStored)).includes('Anna'), 'the erased words are stored');
        await a.press('Ny förberedelse');
        await typeName(a, 'Eva');
        await a.eval(() => window.sipprep.flushDraft());
        const stored = await a.eval(() => window.sipprep.storedDraft());
        assert.ok(stored && stored.text.includes('Eva'), 'typing after the erase is saved');
        await a.reload();
        await goOn(a);
        assert.equal(await a.read(NAME), 'Eva');
        assert.ok(!(await a.eval(everythingStored)).includes('Anna'), 'the erased words came back');
        assert.deepEqual(await a.takeProblems(), []);
      }));

    test('a reload at once keeps the last words typed', () =>
      using(env.open(), async (a) => {
        await a.press('Ny förberedelse');
        await typeName(a, 'Kerstin Lund', { atOnce: true });
        await a.reload();  // at once: no half second for the save
        await goOn(a);
        assert.equal(await a.read(NAME), 'Kerstin Lund');
        await typeName(a, ' Berg', { atOnce: true });
        // A second reload of the same window: WebKitWebDriver (2.50) now and then ends the session
        // there ("page crash or hang", 1 run in 4): WebKit checks the stored draft instead.
        if (a.engine === 'webkit') {
          await a.waitFor(() => window.sipprep.state().content.owner.name === 'Kerstin Lund Berg', [], { timeout: WAIT });
          await a.eval(async () => { await window.sipprep.flushDraft(); });
          assert.equal(await storedName(a), 'Kerstin Lund Berg');
        } else {
          await a.reload();
          await goOn(a);
          assert.equal(await a.read(NAME), 'Kerstin Lund Berg');
        }
        assert.deepEqual(await a.takeProblems(), []);
      }));
  });
}
