// Files protected with a passphrase (age v1) in the browser: the passphrase module is not part of
// the first load; a file saved with "Skydda filen med lösenord" opens with Debian's `age -d` to
// the same bundle, and in the professional's view after a wrong and then the right passphrase;
// a file made by `age -p` opens in the app. Prints the unlock time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, state, press, goToStep, settle, useBrowser, lockDraft, openFile, ROOT } from './harness.mjs';

const env = useBrowser();
const PASS = 'blå häst åker tåg';
const INTEROP = join(ROOT, 'tests/cli/age_interop.py');
const EXAMPLE = join(ROOT, 'assets/examples/narstaende-tillsammans.json');

async function unlock(page, passphrase) {
  const field = page.getByRole('textbox', { name: 'Lösenord', exact: true });
  await field.focus();
  await page.keyboard.type(passphrase);
  await press(page, 'Lås upp och öppna');
  await page.waitForFunction(() => window.sipprep.passphrase.last && window.sipprep.passphrase.last.op === 'unlock',
    null, { timeout: 20000 });
  const last = await page.evaluate(() => { const l = window.sipprep.passphrase.last; window.sipprep.passphrase.last = null; return l; });
  await settle(page, 300);
  return last;
}

test('saved with a passphrase: age -d opens it; the app opens it after a wrong and the right passphrase', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sipprep-age-'));
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await openFile(page, EXAMPLE);
  await settle(page, 300);
  assert.ok(!requests.some((u) => /sipprep-age|age-worker/.test(u)), 'the passphrase module loads before it is used');

  await goToStep(page, 'Sammanfattning');
  await page.getByRole('checkbox', { name: 'Skydda filen med lösenord' }).focus();
  await page.keyboard.press('Space');
  await settle(page);
  const pass = page.getByRole('textbox', { name: 'Lösenord', exact: true });
  assert.equal(await pass.getAttribute('type'), 'password');
  await pass.focus();
  await page.keyboard.type(PASS);
  await page.getByRole('textbox', { name: 'Skriv lösenordet en gång till' }).focus();
  await page.keyboard.type(PASS);
  await settle(page);
  const download = page.waitForEvent('download', { timeout: 30000 });
  await press(page, 'Spara fil');
  const file = await download;
  assert.equal(file.suggestedFilename(), `sip-daniel-${new Date().toISOString().slice(0, 10)}.json.age`);
  const saved = join(dir, 'saved.json.age');
  await file.saveAs(saved);
  await page.getByText(/Filen är skyddad med lösenord/).first().waitFor({ state: 'attached' });
  const protectMs = await page.evaluate(() => window.sipprep.passphrase.last.ms);
  assert.ok(readFileSync(saved).subarray(0, 22).toString() === 'age-encryption.org/v1\n');
  assert.equal(await pass.inputValue(), '', 'the passphrase is not kept after saving');

  // Debian's age opens it to the bundle the app holds.
  const plain = join(dir, 'plain.json');
  execFileSync('python3', [INTEROP, '--decrypt', saved, plain, PASS]);
  const bundle = JSON.parse(readFileSync(plain, 'utf8'));
  assert.deepEqual(bundle.content, (await state(page)).content);
  assert.deepEqual(problems, []);
  await context.close();

  // Another computer: the professional opens it.
  const pro = await openApp(env.browser, env.server.url);
  await press(pro.page, 'Jag är yrkesverksam – öppna en förberedelse');
  await openFile(pro.page, saved);
  await pro.page.getByRole('heading', { name: 'saved.json.age är skyddad med lösenord' }).waitFor({ state: 'attached' });
  const wrong = await unlock(pro.page, 'fel lösenord');
  assert.equal(wrong.error, 'age.wrong_passphrase');
  await pro.page.getByText('Fel lösenord – eller så är filen skadad.').first().waitFor({ state: 'attached' });
  const right = await unlock(pro.page, PASS);
  assert.equal(right.error, '');
  await pro.page.getByText('Daniel', { exact: false }).first().waitFor({ state: 'attached' });
  assert.equal((await state(pro.page)).screen, 'professional');
  console.log(`# passphrase in the browser (work factor 18): protect ${protectMs.toFixed(0)} ms, unlock ${right.ms.toFixed(0)} ms`);
  assert.deepEqual(pro.problems, []);
  await pro.context.close();
});

test('a file made by age -p opens in the app as the draft', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sipprep-age-'));
  const theirs = join(dir, 'fran-age.json.age');
  execFileSync('python3', [INTEROP, '--encrypt', EXAMPLE, theirs, PASS]);
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await openFile(page, theirs);
  await page.getByRole('heading', { name: 'fran-age.json.age är skyddad med lösenord' }).waitFor({ state: 'attached' });
  const r = await unlock(page, PASS);
  assert.equal(r.error, '');
  console.log(`# unlocking a file from age -p (work factor 18): ${r.ms.toFixed(0)} ms`);
  const s = await state(page);
  assert.equal(s.screen, 'steps');
  assert.deepEqual(s.content, JSON.parse(readFileSync(EXAMPLE, 'utf8')).content);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a draft locked with a passphrase is stored only encrypted and opens after a wrong and the right passphrase', async () => {
  const LOCK = 'vårt eget lösen';
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await openFile(page, EXAMPLE);
  await page.waitForFunction(() => window.sipprep.state().content.owner.name === 'Daniel Hassan');
  await lockDraft(page, LOCK);
  await page.getByText('Utkastet är låst med lösenord på den här datorn.').first().waitFor({ state: 'attached', timeout: 20000 });
  await page.waitForFunction(() => window.sipprep.storage().locked && !window.sipprep.storage().pending);
  // Typing after locking is saved, sealed.
  await goToStep(page, 'Vad är viktigt för dig?');
  await page.getByRole('textbox', { name: 'Vad är viktigt för dig?' }).focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' Och rida.');
  await settle(page, 300);
  await page.evaluate(() => window.sipprep.flushDraft());
  await page.waitForFunction(() => !window.sipprep.storage().pending);

  // Nothing readable of the person's is left in the browser's storage.
  const stored = await page.evaluate(async () => {
    const all = Object.keys(localStorage).map((k) => k + '=' + localStorage.getItem(k)).join('\n');
    const listed = await window.sipprep.versions.list();
    const readable = await window.sipprep.versions.readable();
    return { all, readable: readable.length, unsealed: listed.filter((v) => !v.locked).length, draft: await window.sipprep.storedDraft() };
  });
  assert.ok(!stored.all.includes('Daniel'), 'the name is stored readable');
  // Earlier versions stay, sealed with the same passphrase (locking no longer deletes them).
  assert.equal(stored.readable, 0, 'readable earlier versions are kept');
  assert.equal(stored.unsealed, 0, 'an earlier version is listed as not locked');
  assert.equal(stored.draft.text, null, 'the draft is stored readable');
  assert.equal(stored.draft.sealedStart, 'age-encryption.org/v1\n');

  await page.reload();
  await page.waitForFunction(() => window.__appReady === true);
  await page.getByText('Förberedelsen är låst med lösenord. Skriv lösenordet för att fortsätta.').first().waitFor({ state: 'attached' });
  assert.equal(await page.getByRole('button', { name: 'Fortsätt', exact: true }).count(), 0);
  const unlockDraft = async (passphrase) => {
    await page.getByRole('textbox', { name: 'Lösenord', exact: true }).focus();
    await page.keyboard.type(passphrase);
    await press(page, 'Lås upp och fortsätt');
    await page.waitForFunction(() => window.sipprep.passphrase.last && window.sipprep.passphrase.last.op === 'unlock-draft', null, { timeout: 20000 });
    const last = await page.evaluate(() => { const l = window.sipprep.passphrase.last; window.sipprep.passphrase.last = null; return l; });
    await settle(page, 300);
    return last;
  };
  assert.equal((await unlockDraft('fel lösenord')).error, 'age.wrong_passphrase');
  await page.getByText('Fel lösenord. Försök igen.').first().waitFor({ state: 'attached' });
  await page.waitForFunction(() => document.activeElement && document.activeElement.type === 'password');
  const right = await unlockDraft(LOCK);
  assert.equal(right.error, '');
  const s = await state(page);
  assert.equal(s.screen, 'steps');
  assert.equal(s.content.owner.name, 'Daniel Hassan');
  assert.ok(s.content.goals.long_term.some((i) => i.text.endsWith('Och rida.')), JSON.stringify(s.content.goals));
  console.log(`# unlocking the locked draft: ${right.ms.toFixed(0)} ms`);

  // "Ta bort låset": readable again.
  await press(page, 'Ta bort låset');
  await page.waitForFunction(async () => ((await window.sipprep.storedDraft()).text || '').includes('Daniel'));
  assert.equal((await page.evaluate(() => window.sipprep.storedDraft())).sealedStart, null);
  assert.equal(await page.evaluate(() => localStorage.getItem('sipprep.draft.v1.locked')), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file from elsewhere opens in a worker of its own, ended after; one that asks for 4 GiB is refused with that number', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sipprep-age-'));
  const theirs = join(dir, 'fran-age.json.age');
  execFileSync('python3', [INTEROP, '--encrypt', EXAMPLE, theirs, PASS]);
  // The same file, its header asking for work factor 22 (scrypt's 2^22 KiB = 4 GiB): refused
  // before any scrypt, so its MAC is never reached.
  const heavy = join(dir, 'tung.json.age');
  const bytes = readFileSync(theirs);
  const header = bytes.subarray(0, bytes.indexOf('\n', 22) + 1).toString('latin1');
  assert.match(header, / 18\n$/);
  writeFileSync(heavy, Buffer.concat([Buffer.from(header.replace(/ 18\n$/, ' 22\n'), 'latin1'), bytes.subarray(header.length)]));

  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await press(page, 'Ny förberedelse');
  await page.getByRole('textbox', { name: 'Ditt namn' }).focus();
  await page.keyboard.type('Anna');
  await lockDraft(page, 'vårt eget lösen');
  await page.getByText('Utkastet är låst med lösenord på den här datorn.').first().waitFor({ state: 'attached', timeout: 20000 });
  await page.waitForFunction(() => window.sipprep.storage().locked && !window.sipprep.storage().pending);
  assert.equal(page.workers().length, 1, 'one worker: the draft\'s');
  const draftWorker = page.workers()[0];
  const draftMemory = () => draftWorker.evaluate(() => ready.then((M) => M.HEAPU8.length));
  const memoryBefore = await draftMemory();

  await goToStep(page, 'Om dig');
  await press(page, 'Till startsidan');
  await press(page, 'Jag är yrkesverksam – öppna en förberedelse');

  // Refused at once, with the memory it would take; no worker is started for it.
  const startedBefore = await page.evaluate(() => window.sipprep.passphrase.started);
  await openFile(page, heavy);
  await page.getByText('tung.json.age kunde inte öppnas:').first().waitFor({ state: 'attached' });
  await page.getByText(/arbetsfaktor 22: att låsa upp den skulle ta 4 GiB minne/).first().waitFor({ state: 'attached' });
  assert.equal(await page.evaluate(() => window.sipprep.passphrase.started), startedBefore, 'a worker was started for it');
  assert.equal(page.workers().length, 1);

  // A file of the ordinary factor opens in a new worker, which is ended when it has answered.
  await openFile(page, theirs);
  await page.getByRole('heading', { name: 'fran-age.json.age är skyddad med lösenord' }).waitFor({ state: 'attached' });
  const foreign = page.waitForEvent('worker');
  const field = page.getByRole('textbox', { name: 'Lösenord', exact: true });
  await field.focus();
  await page.keyboard.type(PASS);
  await press(page, 'Lås upp och öppna');
  const w = await foreign;
  assert.notEqual(w, draftWorker);
  await w.waitForEvent('close', { timeout: 30000 });
  await page.getByText('Daniel', { exact: false }).first().waitFor({ state: 'attached' });
  assert.equal((await state(page)).screen, 'professional');
  assert.deepEqual(page.workers(), [draftWorker], 'the file\'s worker is still there');
  assert.equal(await draftMemory(), memoryBefore, 'the draft\'s worker grew');
  assert.deepEqual(problems, []);
  await context.close();
});
