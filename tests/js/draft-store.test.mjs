// Nothing lost, proven: the real draft store (web/draft-store.js, store.js, versions.js) over a
// real IndexedDB (fake-indexeddb), driven by fast-check through random interleavings of tabs
// that open, type, hide, close or are killed, take over, erase, lock and unlock, while their
// writes are slow, reordered across tabs or fail. The invariants (docs/draft-store.md) are
// checked after every step, and at the end a fresh tab must find every word that was not erased
// or lost to a crash. SIPPREP_MODEL_RUNS sets the number of sequences (nightly: 20000);
// SIPPREP_MODEL_SEED replays one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { World, drain, tokensOf, seal, unseal } from './draft-world.mjs';
import { TABLE, STATES, KEYS } from '../../web/draft-store.js';

const RUNS = Number(process.env.SIPPREP_MODEL_RUNS || 1500);
const TRACE = Boolean(process.env.SIPPREP_MODEL_STEPS);

// ---------------------------------------------------------------- running a sequence
function tabAt(world, i) {
  const living = world.living();
  return living.length ? living[i % living.length] : null;
}

async function apply(world, step) {
  const tab = step.tab === undefined ? null : tabAt(world, step.tab);
  switch (step.a) {
    case 'open':
      if (world.living().length < 3) world.openTab();
      break;
    case 'type':
      if (tab && world.canType(tab)) for (let i = 0; i < step.n; i++) world.type(tab);
      break;
    case 'deliver':
      world.deliver(step.i, step.fail);
      break;
    case 'time':
      world.advance(step.ms);
      break;
    case 'hide':
      if (tab) { world.say(`${tab.id} hidden and shown`); tab.store.hidden(); await drain(); tab.store.shown(); }
      break;
    case 'close':
      if (tab) world.close(tab, step.normally, step.lateLost);
      break;
    case 'reload':
      if (tab) { world.close(tab, true); world.openTab(); }
      break;
    case 'takeOver':
      if (tab && tab.app.started && tab.store.status().state === 'follower') { world.say(`${tab.id} presses "Fortsätt här"`); tab.store.takeOver(); }
      break;
    case 'erase':
      if (tab && world.canType(tab)) {
        world.say(`${tab.id} erases`);
        // What the erase covers: everything typed before it (with Web Locks, what is stored
        // and what this tab holds; without, also what a tab replaced unknowingly still holds).
        const before = new Set(world.typed.keys());
        const gen = tab.store.status().generation;
        // What only this tab held is gone by the person's own wish, whether the erase is
        // stored or refused (another tab took over meanwhile: then the stored draft stays).
        for (const tok of tokensOf(tab.app.text)) if (!world.durable.has(tok)) world.exempt.add(tok);
        // Rescue copies this tab sees are removed at once (nothing of them may stay if the page
        // closes now), whether or not the erase is then stored: their words go by the same wish.
        for (const v of tab.local.rescues.values()) for (const tok of tokensOf(v)) if (!world.durable.has(tok)) world.exempt.add(tok);
        tab.app.text = '';  // the app empties itself, then asks the store to erase (app.cpp)
        tab.store.erase().then(() => {
          if (tab.store.status().generation > gen) {
            for (const tok of before) { world.erased.add(tok); world.durable.delete(tok); }
            world.locked = false;
            world.say(`erase of ${tab.id} stored`);
          }
        });
      }
      break;
    case 'lock':
      if (tab && world.canType(tab) && !tab.store.status().storedLocked) { world.say(`${tab.id} locks`); tab.store.lock(step.wrong ? 'fel' : 'lösen'); }
      break;
    case 'unlock':
      if (tab && tab.app.started && tab.app.awaitingUnlock && tab.store.status().state === 'owner') { world.say(`${tab.id} unlocks`); tab.store.unlock('lösen'); }
      break;
    case 'removeLock':
      if (tab && world.canType(tab) && tab.store.status().locked) { world.say(`${tab.id} removes the lock`); world.locked = false; tab.store.removeLock(); }
      break;
    case 'restore':
      if (tab && world.canType(tab)) {
        world.say(`${tab.id} restores the newest version`);
        tab.store.listVersions().then((all) => { if (all.length && !all[0].locked) tab.store.restoreVersion(all[0].id); });
      }
      break;
    default:
      throw new Error('unknown step ' + step.a);
  }
  await drain();
}

// Lets everything held run, without failures, until nothing is left.
async function settle(world) {
  for (let round = 0; round < 200; round++) {
    await drain();
    if (world.ops.length) { world.deliver(0); continue; }
    if (world.timers.some((t) => t.tab.alive)) { world.advance(6000); continue; }
    return;
  }
  throw new Error('the store never came to rest:\n' + world.log.slice(-30).join('\n'));
}

async function runSequence(steps, { locks = true } = {}) {
  const world = new World({ locks });
  world.trace = TRACE;
  world.openTab();
  await drain();
  for (const step of steps) {
    await apply(world, step);
    const snap = await world.checkInvariants();
    if (TRACE) world.say(`    [stored: ${snap.current ? JSON.stringify(snap.current.text) + ' rev ' + snap.current.rev : 'nothing'}; ` +
      world.living().map((t) => `${t.id} ${t.store.status().state} ${JSON.stringify(t.app.text)}`).join(', ') +
      `; rescue copies ${JSON.stringify(snap.rescues.map((r) => [r.fence, r.rev, r.text]))}]`);
    if (world.violations.length) return world;
  }
  // The person stops: the editing tab stores what it has (unlocking first if it asks), every tab
  // closes normally, and a fresh tab opens the draft.
  await settle(world);
  for (const tab of world.living()) {
    if (tab.app.awaitingUnlock && tab.store.status().state === 'owner') { tab.store.unlock('lösen'); await settle(world); }
    if (tab.store.status().state === 'owner') { tab.store.flush(); await settle(world); }
  }
  for (const tab of world.living()) world.close(tab, true);
  await settle(world);
  await world.checkInvariants();
  const fresh = world.openTab();
  await settle(world);
  if (fresh.app.awaitingUnlock) { fresh.store.unlock('lösen'); await settle(world); }
  const snap = await world.checkInvariants(true);
  const found = new Set([...tokensOf(fresh.app.text),
    ...snap.versions.flatMap((v) => [...tokensOf(v.sealed ? unseal(v.sealed) : v.text)])]);
  for (const [tok, tab] of world.typed) {
    if (world.erased.has(tok) || world.exempt.has(tok)) continue;
    if (!found.has(tok)) world.violation(`${tok} (typed in ${tab}) is lost: not in the draft a fresh tab opens, nor in an earlier version`);
  }
  if (fresh.store.status().state !== 'owner') world.violation(`a fresh tab with no other tab open does not edit (${fresh.store.status().state})`);
  for (const tok of world.erased) if (tokensOf(fresh.app.text).has(tok)) world.violation(`${tok} was erased and came back`);
  return world;
}

function explain(world) {
  return world.violations.join('\n') + '\n--- what happened:\n' + world.log.join('\n');
}

// ---------------------------------------------------------------- the generator
const tabIx = fc.nat(5);
const step = fc.oneof(
  { weight: 2, arbitrary: fc.record({ a: fc.constant('open') }) },
  { weight: 8, arbitrary: fc.record({ a: fc.constant('type'), tab: tabIx, n: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 10, arbitrary: fc.record({ a: fc.constant('deliver'), i: fc.nat(30), fail: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }) }) },
  { weight: 4, arbitrary: fc.record({ a: fc.constant('time'), ms: fc.constantFrom(200, 600, 1100, 5100) }) },
  { weight: 2, arbitrary: fc.record({ a: fc.constant('hide'), tab: tabIx }) },
  { weight: 2, arbitrary: fc.record({ a: fc.constant('close'), tab: tabIx, normally: fc.boolean(), lateLost: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ a: fc.constant('reload'), tab: tabIx }) },
  { weight: 3, arbitrary: fc.record({ a: fc.constant('takeOver'), tab: tabIx }) },
  { weight: 1, arbitrary: fc.record({ a: fc.constant('erase'), tab: tabIx }) },
  { weight: 1, arbitrary: fc.record({ a: fc.constant('lock'), tab: tabIx, wrong: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ a: fc.constant('unlock'), tab: tabIx }) },
  { weight: 1, arbitrary: fc.record({ a: fc.constant('removeLock'), tab: tabIx }) },
  { weight: 1, arbitrary: fc.record({ a: fc.constant('restore'), tab: tabIx }) }
);

let longest = 0;
let sequences = 0;
// Without Web Locks (Safari 15.0–15.3) a second tab takes over at start without a handover; words
// the first tab had not stored then become an earlier version, readable — which a draft locked
// meanwhile by the second tab must not have beside it. Locking is left out there (docs).
// Erasing is left out there too: two tabs may both write until one is refused, so an erase
// cannot cover words the other tab stores just before it.
const withoutLocking = step.filter((s) => !['lock', 'unlock', 'removeLock', 'erase'].includes(s.a));
// `failing`: writes of the draft may fail (quota). Without it every write lands, late or not.
const reliable = step.map((s) => (s.a === 'deliver' ? { ...s, fail: false } : s));
const noPassphrase = step.filter((s) => !['lock', 'unlock', 'removeLock'].includes(s.a));
function property(locks, failing, passphrase) {
  const base = !locks ? withoutLocking : passphrase ? step : noPassphrase;
  return fc.asyncProperty(fc.array(failing ? base : base.map((s) => (s.a === 'deliver' ? { ...s, fail: false } : s)), { minLength: 1, maxLength: 45, size: 'max' }), async (steps) => {
    sequences++;
    longest = Math.max(longest, steps.length);
    const world = await runSequence(steps, { locks });
    if (world.violations.length) throw new Error(explain(world));
  });
}

function check(locks, runs, failing = false, passphrase = false) {
  const seed = process.env.SIPPREP_MODEL_SEED ? Number(process.env.SIPPREP_MODEL_SEED) : Date.now() ^ (Math.random() * 0x7fffffff);
  const out = fc.check(property(locks, failing, passphrase), { numRuns: runs, seed, endOnFailure: false });
  return out.then((r) => {
    if (r.failed) {
      throw new Error(`failed after ${r.numRuns} sequences (seed ${r.seed}, path ${r.counterexamplePath}; replay: SIPPREP_MODEL_SEED=${r.seed}); shortest failing sequence:\n` +
        JSON.stringify(r.counterexample[0]) + '\n' + (r.errorInstance ? r.errorInstance.message : r.error));
    }
    console.log(`  ${r.numRuns} sequences with${locks ? '' : 'out'} Web Locks${failing ? ', writes failing' : ''} (seed ${seed})`);
  });
}

test('the state table defines every event in every state', () => {
  for (const [event, row] of Object.entries(TABLE))
    for (const state of STATES) assert.ok(row[state], `${event} in ${state}`);
});

// ---------------------------------------------------------------- named sequences (issues 24 and 31)
const named = {
  // Issue 24, 1: "Radera allt" while the write of the last typing is on its way.
  'erase during a save: nothing of the erased text comes back, and typing afterwards is saved': [
    { a: 'type', tab: 0, n: 2 }, { a: 'time', ms: 600 }, { a: 'deliver', i: 0 },  // the write asks for its transaction
    { a: 'erase', tab: 0 },
    { a: 'deliver', i: 0 }, { a: 'deliver', i: 0 }, { a: 'deliver', i: 0 },
    { a: 'type', tab: 0, n: 1 }, { a: 'time', ms: 600 }, { a: 'deliver', i: 0 }, { a: 'deliver', i: 0 }, { a: 'deliver', i: 0 },
    { a: 'reload', tab: 0 }
  ],
  // Issue 24, 2: the rescue copy written at pagehide must win over the write already in flight.
  'the rescue copy wins over the write on its way when the tab is killed after pagehide': [
    { a: 'type', tab: 0, n: 2 }, { a: 'time', ms: 600 },
    { a: 'type', tab: 0, n: 1 }, { a: 'hide', tab: 0 },
    { a: 'deliver', i: 0 }, { a: 'deliver', i: 0 },
    { a: 'close', tab: 0, normally: false }, { a: 'open' }
  ],
  // Issue 24, 4 and issue 31, 1: a waiting tab takes over from a tab that just closed.
  'taking over from a tab that just closed keeps its last words': [
    { a: 'open' }, { a: 'type', tab: 0, n: 2 }, { a: 'time', ms: 600 }, { a: 'deliver', i: 0 }, { a: 'deliver', i: 0 },
    { a: 'type', tab: 0, n: 2 }, { a: 'close', tab: 0, normally: true },
    { a: 'takeOver', tab: 0 }, { a: 'type', tab: 0, n: 1 }, { a: 'time', ms: 600 }
  ],
  // Issue 31: tab 2 takes over, types, closes at once; tab 1 takes over again and types.
  'tab 2 took over, typed and closed; tab 1 takes over again and goes on typing': [
    { a: 'type', tab: 0, n: 1 }, { a: 'open' }, { a: 'takeOver', tab: 1 },
    { a: 'deliver', i: 0 }, { a: 'deliver', i: 0 }, { a: 'deliver', i: 0 }, { a: 'deliver', i: 0 }, { a: 'deliver', i: 0 },
    { a: 'type', tab: 1, n: 3 }, { a: 'close', tab: 1, normally: true },
    { a: 'takeOver', tab: 0 }, { a: 'type', tab: 0, n: 2 }, { a: 'time', ms: 600 }
  ],
  // Issue 31, second symptom: a third tab that does not edit never applies the rescue copy.
  'a third tab that opens after a take-over does not apply the rescue copy': [
    { a: 'type', tab: 0, n: 1 }, { a: 'open' }, { a: 'takeOver', tab: 1 },
    { a: 'deliver', i: 0 }, { a: 'deliver', i: 0 }, { a: 'deliver', i: 0 }, { a: 'deliver', i: 0 }, { a: 'deliver', i: 0 },
    { a: 'type', tab: 1, n: 2 }, { a: 'hide', tab: 1 }, { a: 'open' },
    { a: 'type', tab: 1, n: 2 }, { a: 'time', ms: 600 }, { a: 'time', ms: 600 }
  ],
  // Found by the gating run (seed 849228652): tab 1 locks and closes while locking; its lock is
  // refused in storage (tab 2 owns the draft now), so its words become a readable earlier version
  // — which lands after tab 2, locking too, read the versions to seal, and before its lock is
  // stored. Tab 2 must seal that version too, not drop it.
  'a version kept by a closing tab while another tab locks is sealed with the draft, not dropped': [
    { a: 'deliver', i: 0 }, { a: 'type', tab: 0, n: 1 }, { a: 'time', ms: 5100 }, { a: 'type', tab: 0, n: 1 },
    { a: 'lock', tab: 0, wrong: false }, { a: 'deliver', i: 3 }, { a: 'close', tab: 0, normally: true, lateLost: false },
    { a: 'open' }, { a: 'deliver', i: 0 }, { a: 'deliver', i: 0 }, { a: 'deliver', i: 0 }, { a: 'lock', tab: 0, wrong: false }
  ],
  // Found by a longer passphrase run (5000 sequences, seed 687702198): tab 1 closes with unstored
  // words (its last write never happens: they are only in its rescue copy); tab 2 gets the Web
  // Lock before the copy reaches it and locks; the copy arrives while it locks. It was ignored
  // while locking and then removed with the lock's readable leftovers: kept now, sealed.
  'a rescue copy that arrives while the draft is being locked is kept sealed, not removed with the lock': [
    { a: 'deliver', i: 0 }, { a: 'type', tab: 0, n: 1 }, { a: 'open' }, { a: 'close', tab: 0, normally: true, lateLost: true },
    { a: 'deliver', i: 9 }, { a: 'lock', tab: 0, wrong: false }
  ],
  // Found by CI (writes that fail, seed 1826928913): tab 2 takes over from tab 1 after the 5 s
  // wait while tab 1's last words wait for storage; both close, tab 1's last write never happens.
  // Tab 3 edits and sees tab 1's rescue copy late. Tab 1 numbered its words from the last
  // revision it had seen, so they carry one tab 2's record already has: taken for stored and
  // dropped. A revision says nothing across owners; the copy is kept as an earlier version.
  "an older owner's late rescue copy with a revision the record already has is kept, not taken for stored": [
    { a: 'open' }, { a: 'deliver', i: 0, fail: false }, { a: 'type', tab: 0, n: 1 }, { a: 'open' }, { a: 'takeOver', tab: 4 },
    { a: 'deliver', i: 0, fail: false }, { a: 'time', ms: 5100 }, { a: 'deliver', i: 2, fail: false }, { a: 'type', tab: 4, n: 1 },
    { a: 'close', tab: 4, normally: true, lateLost: false }, { a: 'close', tab: 0, normally: true, lateLost: true }
  ],
  // Found by a 10 000-sequence run (seed 1221855461): tab 1's claim at start is on its way when tab
  // 2 steals the lock, claims first, types and closes (its words only in its rescue copy). Tab 1's
  // claim lands after tab 2's, and when tab 1 owns the draft again "nobody claimed in between",
  // so it kept its own (empty) text and dropped the copy it had just taken. Kept as a version now.
  "a copy taken at a claim is kept when the tab goes on with its own text, not dropped": [
    { a: 'open' }, { a: 'takeOver', tab: 3 }, { a: 'time', ms: 5100 }, { a: 'deliver', i: 2, fail: false },
    { a: 'type', tab: 3, n: 1 }, { a: 'close', tab: 3, normally: true, lateLost: true }, { a: 'takeOver', tab: 0 }
  ]
};
for (const [name, steps] of Object.entries(named)) {
  test(name, async () => {
    const world = await runSequence(steps);
    assert.deepEqual(world.violations, [], explain(world));
  });
}

// Known open (docs/draft-store.md): tab 1 is hung with unstored words, tab 2 takes the lock
// after the 5 s wait and locks the draft before tab 1's earlier version of them lands. Tab 1
// has no key, and nothing readable may be stored beside a locked draft: the words are lost.
test('a tab whose lock was taken keeps its unstored words when the other tab locks first', async () => {
  const world = await runSequence([
    { a: 'deliver', i: 0 }, { a: 'type', tab: 0, n: 1 }, { a: 'time', ms: 600 }, { a: 'deliver', i: 0 },
    { a: 'open' }, { a: 'deliver', i: 0 }, { a: 'deliver', i: 0 }, { a: 'type', tab: 0, n: 1 },
    { a: 'takeOver', tab: 1 }, { a: 'time', ms: 5100 }, { a: 'deliver', i: 3 }, { a: 'lock', tab: 1 },
    { a: 'deliver', i: 3 }, { a: 'deliver', i: 3 }, { a: 'deliver', i: 3 }, { a: 'deliver', i: 3 }, { a: 'deliver', i: 3 }
  ]);
  assert.deepEqual(world.violations, [], explain(world));
});

// One tab that owns the draft and has typed a word (not yet written).
async function oneTabTyping() {
  const world = new World();
  const tab = world.openTab();
  await drain();
  world.deliver(0);  // the claim
  await drain();
  world.type(tab);
  return { world, tab };
}

// WebKit, once in a tabs run: the call that tells the app "saved" threw (a WebAssembly trap,
// "Out of bounds memory access" in _sipprep_draft_saved). The store must go on as if it had
// been told: the words typed while that write was on its way are written, and a flush ("Spara",
// a handover, a reload for a new version) ends. Before, the throw cut written() short: nothing
// wrote those words until the next keystroke or pagehide, and every flush waited for good.
test('an app call that throws while a write lands stops neither the next write nor a flush', async () => {
  const { world, tab } = await oneTabTyping();
  world.advance(600);  // the write of the first word goes out
  await drain();
  world.type(tab);  // typed while it is on its way
  let flushed = false;
  tab.store.flush().then(() => { flushed = true; });
  tab.app.savedThrows = 1;
  world.deliver(0);  // the first write lands; telling the app throws
  await drain();
  assert.deepEqual(tab.reported, ['RuntimeError: Out of bounds memory access'], 'the throw is reported');
  // No timer, no keystroke, no pagehide: what is held now is all that runs.
  while (world.ops.length) { world.deliver(0); await drain(); }
  assert.equal(flushed, true, 'the flush ends');
  const stored = await tab.store.status();
  assert.equal(stored.pending, false, 'nothing is left unwritten');
  const rec = await world.checker.get('draft', 'current');
  for (const tok of world.typed.keys()) assert.ok(rec.text.includes(tok), `${tok} is stored: ${rec.text}`);
});

// The rescue copy did not fit in localStorage while the page was hidden: the person hears it
// when the page shows again. If telling the app throws there, the store still goes on and the
// throw is reported, as with every other call into the app.
test('a rescue copy that did not fit is told when the page shows, and a throw there stops nothing', async () => {
  const { world, tab } = await oneTabTyping();
  world.local.quota = 10;  // no rescue copy fits
  assert.match(String(tab.store.hidden()), /Quota/, 'the problem is kept for when the page shows');
  tab.app.failedThrows = 1;
  tab.store.shown();
  assert.deepEqual(tab.app.failures, ['rescue: QuotaExceededError'], 'the person is told');
  assert.deepEqual(tab.reported, ['RuntimeError: unreachable'], 'the throw is reported, not thrown on');
  world.local.quota = Infinity;
  world.type(tab);
  let flushed = false;
  tab.store.flush().then(() => { flushed = true; });
  await drain();
  while (world.ops.length) { world.deliver(0); await drain(); }
  assert.equal(flushed, true, 'the store goes on');
  const rec = await world.checker.get('draft', 'current');
  for (const tok of world.typed.keys()) assert.ok(rec.text.includes(tok), `${tok} is stored: ${rec.text}`);
});

// Found in Chromium under load: "Radera allt", and before the erase is stored another tab asks to
// take over. The erase goes first; the tab that takes over gets the erased (empty) draft.
test('an erase on its way when another tab asks to take over is stored, and the other tab gets nothing of it', async () => {
  const world = new World();
  const first = world.openTab();
  await drain();
  world.deliver(0);
  await drain();
  world.type(first);
  first.store.flush();
  await settle(world);
  const second = world.openTab();
  await settle(world);
  await apply(world, { a: 'erase', tab: 0 });
  second.store.takeOver();
  await drain();
  const message = world.ops.findIndex((o) => o.kind === 'message' && o.tab === first);
  assert.ok(message >= 0 && world.ops.some((o) => o.kind === 'idb' && o.tab === first), 'the request arrives while the erase waits');
  world.deliver(message);
  await drain();
  await settle(world);
  assert.equal(second.store.status().state, 'owner');
  assert.equal(tokensOf(second.app.text).size, 0, 'nothing erased comes to the tab that took over');
  const snap = await world.checkInvariants();
  assert.equal(tokensOf(snap.current && snap.current.text).size, 0, 'nothing erased is stored');
  assert.deepEqual(world.violations, []);
});

// Issue 31, as Chromium showed it: localStorage reaches the waiting tab after the Web Lock does.
// The closed tab's last words are only in its rescue copy (its write is still on its way); the
// waiting tab becomes the owner from the older record, and the copy arrives afterwards.
for (const typedMeanwhile of [false, true]) {
  test(`a rescue copy that arrives after the lock is taken or kept, never dropped (${typedMeanwhile ? 'typed' : 'nothing typed'} meanwhile)`, async () => {
    const world = new World();
    const first = world.openTab();
    await settle(world);
    world.type(first);
    first.store.flush();
    await settle(world);
    const second = world.openTab();
    await settle(world);
    second.store.takeOver();
    await settle(world);
    assert.equal(second.store.status().state, 'owner');
    world.type(second);
    world.type(second);
    world.close(second, true, true);  // its last write never lands: the words are in the rescue copy only
    await drain();
    // Only the waiting tab's own transactions run: it claims the draft before anything else lands.
    for (let i = 0; i < 20 && first.store.status().state !== 'owner'; i++) {
      const at = world.ops.findIndex((o) => o.tab === first && o.kind === 'idb');
      if (at < 0) { await drain(); continue; }
      world.deliver(at);
      await drain();
    }
    assert.equal(first.store.status().state, 'owner');
    assert.ok(world.ops.some((o) => o.tab === first && o.kind === 'storage'), 'the rescue copy has not reached the waiting tab yet');
    if (typedMeanwhile) world.type(first);
    await settle(world);
    first.store.flush();
    await settle(world);
    world.close(first, true);
    await settle(world);
    const fresh = world.openTab();
    await settle(world);
    const snap = await world.checkInvariants();
    const found = new Set([...tokensOf(fresh.app.text), ...snap.versions.flatMap((v) => [...tokensOf(v.text)])]);
    for (const tok of world.typed.keys()) assert.ok(found.has(tok), `${tok} is lost\n${world.log.join('\n')}`);
    if (!typedMeanwhile) for (const tok of world.typed.keys()) assert.ok(tokensOf(fresh.app.text).has(tok), `${tok} is not in the draft`);
    assert.deepEqual(world.violations, []);
  });
}

// Issue 31, third: a tab opened while the closing tab's lock is still held edits once it is let go.
test('a tab opened while the closed tab still held the lock edits once the lock is let go', async () => {
  const world = new World();
  const first = world.openTab();
  await drain();
  world.deliver(0);
  await drain();
  const second = world.openTab();
  await drain();
  assert.equal(second.store.status().state, 'follower');
  world.close(first, true);
  await drain();
  while (world.ops.length) { world.deliver(0); await drain(); }
  assert.equal(second.store.status().state, 'owner', 'the waiting tab asks for the lock again and gets it');
  assert.equal(second.app.elsewhere, false);
});

// Issue 24, 3: every layout an earlier version of the app left behind moves in and is editable.
const layouts = {
  'A: the draft alone in localStorage': (ls) => { ls.setItem(KEYS.oldDraft, 'ord ‹901›'); },
  'B: the draft with revision, time and a kept-aside unreadable draft': (ls) => {
    ls.setItem(KEYS.oldDraft, 'ord ‹902›'); ls.setItem(KEYS.rev, '7'); ls.setItem(KEYS.savedAt, '1790000000000');
    ls.setItem(KEYS.oldUnreadable, 'oläsligt ‹903›');
  },
  'C: a locked draft (base64 age file) with a revision': (ls, seal) => {
    ls.setItem(KEYS.locked, Buffer.from(seal('låst ‹904›')).toString('base64')); ls.setItem(KEYS.rev, '4');
  }
};
for (const [name, seed] of Object.entries(layouts)) {
  test(`storage left by an earlier version, layout ${name}`, async () => {
    const world = new World();
    world.legacySeeded = true;
    const { seal } = await import('./draft-world.mjs');
    seed(world.local, seal);
    const tab = world.openTab();
    await settle(world);
    if (tab.app.awaitingUnlock) { tab.store.unlock('lösen'); await settle(world); }
    const expected = name.startsWith('A') ? '‹901›' : name.startsWith('B') ? '‹902›' : '‹904›';
    assert.ok(tab.app.text.includes(expected), `the moved draft opens: ${tab.app.text}`);
    world.type(tab);
    await settle(world);
    const snap = await world.snapshot();
    const stored = snap.current.sealed ? unseal(snap.current.sealed) : snap.current.text;
    assert.ok(stored.includes(expected) && tokensOf(stored).size === 2, `typing after the move is saved: ${stored}`);
    assert.equal(tab.store.status().state, 'owner');
    if (name.startsWith('B')) assert.equal(snap.unreadable.text, 'oläsligt ‹903›', 'the kept-aside draft moves too');
    if (name.startsWith('C')) {
      assert.ok(!snap.current.text, 'the locked draft stays sealed');
      // Locked before there were keys: opened with the passphrase, and its first save stores a key.
      assert.deepEqual(world.unlockedWith, ['passphrase']);
      assert.ok(snap.key && world.keys.has(snap.key.recipient), 'the draft locked the old way gets a recipient');
    }
    assert.equal(world.local.getItem(KEYS.oldDraft), null);
  });
}

// An origin whose database exists (opened once, by a tab now closed), for a test to fill in as
// an earlier release left it.
async function seededWorld() {
  const world = new World();
  world.legacySeeded = true;
  const setup = world.openTab();
  await settle(world);
  world.close(setup, true);
  await settle(world);
  return world;
}

test('layout D: a rescue copy of the earlier layout (no generation) with the same revision as the record wins', async () => {
  const world = await seededWorld();
  await world.checker.tx('draft', 'readwrite', (s) => { s.clear(); s.put({ text: 'AB', rev: 3, savedAt: 1 }, 'current'); });
  world.local.setItem(KEYS.rev, '3');
  world.local.setItem(KEYS.rescue, JSON.stringify({ rev: 3, text: 'ABC' }));
  const tab = world.openTab();
  await settle(world);
  assert.equal(tab.app.text, 'ABC');
  assert.equal((await world.snapshot()).current.text, 'ABC');
});

// A draft locked before there were keys (its file key wrapped for the passphrase itself, no
// recipient beside it): it opens with the passphrase, is sealed to a new key at once, and from
// then on opens with the key and takes the words of a tab that lost it, sealed to its recipient.
test('a draft locked the old way opens with the passphrase, moves to a key at once, and then opens with the key', async () => {
  const world = await seededWorld();
  await world.checker.tx('draft', 'readwrite', (s) => {
    s.clear();
    s.put({ sealed: seal('gammalt låst ‹950›'), rev: 5, fence: 1, savedAt: 1 }, 'current');
    s.put({ gen: 0, fence: 1, rev: 5 }, 'meta');
  });
  world.local.setItem(KEYS.locked, '1');
  world.legacySeeded = false;
  const first = world.openTab();
  await settle(world);
  assert.ok(first.app.awaitingUnlock);
  first.store.unlock('lösen');
  await settle(world);
  assert.ok(first.app.text.includes('‹950›'));
  assert.deepEqual(world.unlockedWith, ['passphrase']);
  let snap = await world.checkInvariants();
  assert.ok(snap.key && world.keys.has(snap.key.recipient), 'no key stored after unlocking');
  assert.ok(unseal(snap.current.sealed).includes('‹950›'));
  // A second tab takes over from the first while the first has words it did not store (hung),
  // and locks anew; the first's words reach storage sealed to the recipient.
  world.locked = true;
  world.type(first);
  const second = world.openTab();
  await settle(world);
  second.store.takeOver();
  await drain();
  world.ops = world.ops.filter((o) => !(o.kind === 'message' && o.tab === first));  // hung: never answers
  world.advance(5100);
  await settle(world);
  assert.equal(second.store.status().state, 'owner');
  if (second.app.awaitingUnlock) { second.store.unlock('lösen'); await settle(world); }
  assert.deepEqual(world.unlockedWith, ['passphrase', 'key'], 'the second tab opens it with the key');
  snap = await world.checkInvariants();
  const found = snap.versions.map((v) => (v.sealed ? unseal(v.sealed) : v.text)).join(' ') + unseal(snap.current.sealed);
  for (const tok of world.typed.keys()) assert.ok(found.includes(tok), `${tok} is lost`);
  assert.deepEqual(world.violations, [], explain(world));
});

// SIPPREP_MODEL_STEPS='[...]' replays one sequence (as printed on a failure) and prints
// what happened step by step, with what a fresh tab found at the end.
if (process.env.SIPPREP_MODEL_STEPS) {
  test('replay of SIPPREP_MODEL_STEPS', async () => {
    const world = await runSequence(JSON.parse(process.env.SIPPREP_MODEL_STEPS), { locks: process.env.SIPPREP_MODEL_LOCKS !== '0' });
    console.log(world.log.join('\n'));
    console.log('stored at the end:', JSON.stringify(await world.snapshot(), null, 1).slice(0, 4000));
    if (world.violations.length) throw new Error(world.violations.join('\n'));
  });
}

// Holds, and gates the suite: two and three tabs with Web Locks — typing, slow and reordered
// writes, hiding, closing, killing, reloading, taking over, erasing, restoring — writes land.
test(`model-based: ${RUNS} random sequences of two and three tabs with Web Locks (no passphrase lock, writes land)`, { timeout: 30 * 60 * 1000 }, async () => {
  await check(true, RUNS, false, false);
  console.log(`  ${sequences} sequences, longest ${longest} steps`);
});

// Gate the suite too: the passphrase lock (locking, unlocking, removing the lock, a forced
// take-over meanwhile) and writes that fail (quota) while tabs take over.
test(`model-based: ${Math.round(RUNS / 5)} sequences with the passphrase lock`, { timeout: 30 * 60 * 1000 }, async () => {
  await check(true, Math.round(RUNS / 5), false, true);
});
test(`model-based: ${Math.round(RUNS / 5)} sequences with writes that fail`, { timeout: 30 * 60 * 1000 }, async () => {
  await check(true, Math.round(RUNS / 5), true, false);
});
// Found by the search and not yet holding (docs/draft-store.md, "Known open"): reported on
// every run with the shortest sequence, without failing the suite.
test(`model-based, known open: ${Math.round(RUNS / 5)} sequences without Web Locks`, { todo: 'two tabs that both believe they edit (Safari 15.0–15.3)', timeout: 30 * 60 * 1000 }, async () => {
  await check(false, Math.round(RUNS / 5), false, false);
});

// Layout E (the release before one key per copy): the rescue copy, with generation and owner,
// under the single key. It is taken when newer than the record, and goes once that is stored.
test('layout E: a rescue copy with generation and owner under the single key of the release before is taken', async () => {
  const world = await seededWorld();
  await world.checker.tx('draft', 'readwrite', (s) => {
    s.clear();
    s.put({ gen: 0, fence: 4, rev: 7 }, 'meta');
    s.put({ text: 'AB', rev: 7, fence: 4, savedAt: 1 }, 'current');
  });
  world.local.setItem(KEYS.rescue, JSON.stringify({ gen: 0, fence: 4, rev: 8, text: 'ABC' }));
  const tab = world.openTab();
  await settle(world);
  assert.equal(tab.app.text, 'ABC');
  tab.store.flush();
  await settle(world);
  const snap = await world.snapshot();
  assert.equal(snap.current.text, 'ABC');
  assert.deepEqual(snap.rescues, [], 'the copy goes once its words are stored');
});
