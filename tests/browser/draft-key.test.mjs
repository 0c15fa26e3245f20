// The locked draft's key in a real browser (docs/draft-store.md, "The key of a locked draft"):
// the stored draft is an age file sealed to an X25519 recipient stored in plain beside it, and
// its identity an age file under the passphrase; Debian's `age` opens both. A draft locked the
// old way (its file key wrapped for the passphrase itself, as `age -p` makes it) opens with the
// passphrase and is moved to a key at its first save.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, state, press, settle, useBrowser, lockDraft, openFile, ROOT } from './harness.mjs';

const env = useBrowser();
const LOCK = 'vårt eget lösen';
const INTEROP = join(ROOT, 'tests/cli/age_interop.py');
const EXAMPLE = join(ROOT, 'assets/examples/narstaende-tillsammans.json');

// The draft's record and its key as stored, bytes as base64.
function stored(page) {
  return page.evaluate(async () => {
    const b64 = (bytes) => (bytes ? btoa(String.fromCharCode(...new Uint8Array(bytes))) : null);
    // In one transaction: a save stores the draft and its key together, and two reads could fall
    // on either side of it (seen under load: the new key beside the draft before it).
    const both = await window.sipprep.store.tx('draft', 'readonly', (store) => {
      const out = {};
      const c = store.get('current'), k = store.get('key');
      c.onsuccess = () => { out.cur = c.result; };
      k.onsuccess = () => { out.key = k.result; };
      return out;
    });
    const cur = both.cur, key = both.key;
    return {
      current: cur && { rev: cur.rev, fence: cur.fence, text: cur.text || null, sealed: b64(cur.sealed) },
      key: key && { recipient: key.recipient, identity: b64(key.identity), earlier: (key.earlier || []).length }
    };
  });
}

async function unlockDraft(page, passphrase) {
  await page.getByText('Förberedelsen är låst med lösenord. Skriv lösenordet för att fortsätta.').first().waitFor({ state: 'attached' });
  await page.getByRole('textbox', { name: 'Lösenord', exact: true }).focus();
  await page.keyboard.type(passphrase);
  await press(page, 'Lås upp och fortsätt');
  await page.waitForFunction(() => window.sipprep.passphrase.last && window.sipprep.passphrase.last.op === 'unlock-draft', null, { timeout: 30000 });
  const last = await page.evaluate(() => { const l = window.sipprep.passphrase.last; window.sipprep.passphrase.last = null; return l; });
  await settle(page, 300);
  return last;
}

test('the locked draft is sealed to a recipient stored beside it; age opens it; a draft locked the old way moves to a key', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sipprep-key-'));
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await openFile(page, EXAMPLE);
  await page.waitForFunction(() => window.sipprep.state().content.owner.name === 'Daniel Hassan');
  await lockDraft(page, LOCK);
  await page.getByText('Utkastet är låst med lösenord på den här datorn.').first().waitFor({ state: 'attached', timeout: 30000 });
  await page.waitForFunction(() => window.sipprep.storage().locked && !window.sipprep.storage().pending);

  const first = await stored(page);
  assert.equal(first.current.text, null);
  const sealed = Buffer.from(first.current.sealed, 'base64');
  assert.match(sealed.subarray(0, 40).toString('latin1'), /^age-encryption\.org\/v1\n-> X25519 /);
  assert.match(first.key.recipient, /^age1[02-9ac-hj-np-z]{58}$/);
  const identityFile = Buffer.from(first.key.identity, 'base64');
  assert.match(identityFile.subarray(0, 32).toString('latin1'), /^age-encryption\.org\/v1\n-> scrypt /);

  // Debian's age: the identity opens with the passphrase, is the recipient's, and opens the draft.
  writeFileSync(join(dir, 'draft.age'), sealed);
  writeFileSync(join(dir, 'identity.age'), identityFile);
  execFileSync('python3', [INTEROP, '--decrypt', join(dir, 'identity.age'), join(dir, 'identity.txt'), LOCK]);
  assert.match(readFileSync(join(dir, 'identity.txt'), 'utf8'), /^AGE-SECRET-KEY-1[0-9A-Z]+$/m);
  assert.equal(execFileSync('age-keygen', ['-y', join(dir, 'identity.txt')], { encoding: 'utf8' }).trim(), first.key.recipient);
  const plain = execFileSync('age', ['-d', '-i', join(dir, 'identity.txt'), join(dir, 'draft.age')]);
  assert.ok(plain.toString('utf8').includes('Daniel Hassan'), 'age -d -i does not open the stored draft');

  // The same draft locked the old way: `age -p` with the passphrase, and no key beside it.
  writeFileSync(join(dir, 'plain'), plain);
  execFileSync('python3', [INTEROP, '--encrypt', join(dir, 'plain'), join(dir, 'old.age'), LOCK]);
  const old = readFileSync(join(dir, 'old.age')).toString('base64');
  await page.evaluate(async ({ old, rev, fence }) => {
    const bytes = Uint8Array.from(atob(old), (c) => c.charCodeAt(0));
    await window.sipprep.store.tx(['draft'], 'readwrite', (t) => {
      const d = t.objectStore('draft');
      d.put({ sealed: bytes, rev: rev + 1, fence, savedAt: Date.now() }, 'current');
      d.delete('key');
    });
  }, { old, rev: first.current.rev, fence: first.current.fence });
  await page.reload();
  await page.waitForFunction(() => window.__appReady === true);
  const wrong = await unlockDraft(page, 'fel lösenord');
  assert.equal(wrong.error, 'age.wrong_passphrase');
  const right = await unlockDraft(page, LOCK);
  assert.equal(right.error, '');
  assert.equal((await state(page)).content.owner.name, 'Daniel Hassan');
  // Its first save after unlocking seals it to a new key and stores the recipient with it.
  // (Polled from here: a page predicate that returns a promise counts as true at once.)
  let moved;
  for (const until = Date.now() + 30000; ; await new Promise((r) => setTimeout(r, 50))) {
    moved = await stored(page);
    if (moved.key && moved.key.recipient !== first.key.recipient &&
        !(await page.evaluate(() => window.sipprep.storage().pending))) break;
    assert.ok(Date.now() < until, `no new key stored beside the unlocked draft: ${JSON.stringify(moved.key)}`);
  }
  assert.notEqual(moved.key.recipient, first.key.recipient);
  assert.match(Buffer.from(moved.current.sealed, 'base64').subarray(0, 40).toString('latin1'), /^age-encryption\.org\/v1\n-> X25519 /);

  // From then on it opens with the key (the identity under the passphrase).
  await page.reload();
  await page.waitForFunction(() => window.__appReady === true);
  const again = await unlockDraft(page, LOCK);
  assert.equal(again.error, '');
  assert.equal((await state(page)).content.owner.name, 'Daniel Hassan');
  console.log(`# unlocking with the key: ${again.ms.toFixed(0)} ms (the old way, with a new key made: ${right.ms.toFixed(0)} ms)`);
  assert.deepEqual(problems, []);
  await context.close();
});
