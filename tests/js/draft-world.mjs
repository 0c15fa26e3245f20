// A browser origin in Node for the draft store's model-based tests: the real web/draft-store.js,
// web/store.js and web/versions.js over a real IndexedDB implementation (npm fake-indexeddb),
// with tabs that share localStorage, a BroadcastChannel, Web Locks and a passphrase worker, and
// a scheduler that decides when each tab's IndexedDB transactions, messages and worker calls
// happen: slow, reordered across tabs, failing, or never (a killed tab).
import { IDBFactory } from 'fake-indexeddb';
import { createStore } from '../../web/store.js';
import { createVersions } from '../../web/versions.js';
import { createDraftStore } from '../../web/draft-store.js';


const SEAL = 'SEALED:';
export const seal = (text) => new TextEncoder().encode(SEAL + Buffer.from(text, 'utf8').toString('base64'));
export const unseal = (bytes) => {
  const s = new TextDecoder().decode(bytes);
  return s.startsWith(SEAL) ? Buffer.from(s.slice(SEAL.length), 'base64').toString('utf8') : null;
};
export const tokensOf = (text) => new Set((text || '').match(/‹\d+›/g) || []);

// Lets every promise and IndexedDB callback that is not held by the scheduler run.
export async function drain() {
  for (let i = 0; i < 40; i++) await new Promise((r) => setImmediate(r));
}

class LocalStorage {
  constructor() { this.map = new Map(); this.quota = Infinity; }
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) {
    v = String(v);
    if (v.length > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k) { this.map.delete(k); }
  get length() { return this.map.size; }
  key(i) { return [...this.map.keys()][i] ?? null; }
}

// What one tab sees of the origin's localStorage. Every key is the origin's at once, except the
// rescue copy: as in Chromium (each renderer keeps a copy, changes reach the others through the
// browser process), another open tab sees it change only when the scheduler delivers that
// change — possibly after the Web Lock of the tab that wrote it was let go — and then hears a
// 'storage' event. A tab opened later reads the origin's.
export const RESCUE = 'sipprep.draft.v1.rescue';
const isRescue = (k) => k === RESCUE || k.startsWith(RESCUE + '.');
class TabLocalStorage {
  constructor(world, tab) {
    this.world = world;
    this.tab = tab;
    this.rescues = new Map([...world.local.map].filter(([k]) => isRescue(k)));
  }
  keys() { return [...[...this.world.local.map.keys()].filter((k) => !isRescue(k)), ...this.rescues.keys()]; }
  get length() { return this.keys().length; }
  key(i) { return this.keys()[i] ?? null; }
  getItem(k) { return isRescue(k) ? (this.rescues.has(k) ? this.rescues.get(k) : null) : this.world.local.getItem(k); }
  setItem(k, v) {
    this.world.local.setItem(k, v);
    if (isRescue(k)) this.spread(k, String(v));
  }
  removeItem(k) {
    this.world.local.removeItem(k);
    if (isRescue(k)) this.spread(k, null);
  }
  spread(k, v) {
    const put = (map) => { if (v === null) map.delete(k); else map.set(k, v); };
    put(this.rescues);
    for (const other of this.world.tabs)
      if (other !== this.tab && other.alive && other.local)
        this.world.ops.push({ tab: other, kind: 'storage', run() {
          if (!other.alive) return;
          put(other.local.rescues);
          other.store.rescueChanged();
        } });
  }
}

// Web Locks for one name at a time, as the spec describes them: a queue, ifAvailable, steal.
class Locks {
  constructor() { this.holder = null; this.queue = []; }
  request(name, opts, cb) {
    return new Promise((resolve, reject) => {
      const req = { tab: Locks.current, cb, resolve, reject };
      if (opts.steal) {
        if (this.holder) { const old = this.holder; this.holder = null; old.reject(new DOMException('stolen', 'AbortError')); }
        this.grant(req);
      } else if (opts.ifAvailable && (this.holder || this.queue.length)) {
        Promise.resolve().then(() => cb(null)).then(resolve, reject);
      } else {
        this.queue.push(req);
        this.next();
      }
    });
  }
  grant(req) {
    this.holder = req;
    Promise.resolve().then(() => req.cb({ name: 'sipprep-editor' })).then((v) => {
      if (this.holder === req) { this.holder = null; this.next(); }
      req.resolve(v);
    }, (e) => { if (this.holder === req) { this.holder = null; this.next(); } req.reject(e); });
  }
  next() {
    if (this.holder || !this.queue.length) return;
    this.grant(this.queue.shift());
  }
  forgetTab(tab) {
    this.queue = this.queue.filter((r) => r.tab !== tab);
    if (this.holder && this.holder.tab === tab) { this.holder = null; this.next(); }
  }
}

let nextToken = 1;

export class World {
  constructor({ locks = true } = {}) {
    this.idb = new IDBFactory();
    this.local = new LocalStorage();
    this.locks = locks ? new Locks() : null;
    this.now = 1_790_000_000_000;
    this.timers = [];
    this.ops = [];          // held: { tab, kind: 'idb'|'message'|'worker', run(fail) }
    this.tabs = [];
    this.nextTab = 1;
    this.log = [];
    this.typed = new Map();   // token -> tab id
    this.durable = new Set(); // tokens that reached storage (a write, a rescue copy, a version)
    this.exempt = new Set();  // tokens a crash or a closed locked tab could not keep (said in docs)
    this.erased = new Set();  // tokens erased by "Radera allt"
    this.locked = false;      // a lock succeeded and was not removed or erased since
    this.violations = [];
    this.fence = 0;           // the owner's fence as last stored
    this.checker = createStore(this.idb);  // the test's own view of the database
    this.keys = new Set();    // recipients the stand-in worker made
    this.unlockedWith = [];   // 'key' or 'passphrase' (a draft locked before keys), per unlock
  }

  newKey(pass) {
    const recipient = `age1model${this.keys.size + 1}`;
    this.keys.add(recipient);
    return { recipient, identity: seal('identity for ' + pass) };
  }

  say(line) { this.log.push(line); }
  violation(what) { this.violations.push(what); this.say('VIOLATION ' + what); }

  openTab() {
    const world = this;
    const tab = { id: 't' + this.nextTab++, alive: true, app: { text: '', started: false, elsewhere: false, awaitingUnlock: false, lockedOk: false } };
    const real = createStore(this.idb);
    // Each tab's transactions are held until the scheduler lets them run, in the order the tab
    // asked for them (one tab's transactions never overtake each other, as in IndexedDB).
    const gatedStore = {
      tx(names, mode, fn) {
        // A page that went away asks for nothing more when its late transactions are lost.
        if (!tab.alive && tab.lateLost) return new Promise(() => {});
        return new Promise((resolve, reject) => {
          world.ops.push({ tab, kind: 'idb', mode, run(fail) {
            // The draft's own writes and claims fail (quota); keeping versions, erasing and
            // locking are not made to fail here (a refused version is said, not retried).
            if (fail && mode === 'readwrite' && (names === 'draft' || (names.length === 1 && names[0] === 'draft'))) { reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')); return; }
            real.tx(names, mode, (t, t2) => fn(world.watch(tab, t), t2 && world.watch(tab, t2))).then(resolve, reject);
          } });
        });
      },
      get(name, key) {
        return this.tx(name, 'readonly', (s) => { const out = {}; const r = s.get(key); r.onsuccess = () => { out.value = r.result; }; return out; })
          .then((o) => o.value);
      }
    };
    const channel = {
      postMessage(data) {
        if (!tab.alive) return;
        for (const other of world.tabs)
          if (other !== tab && other.alive)
            world.ops.push({ tab: other, from: tab, kind: 'message', run() { if (other.alive && other.channel.onmessage) other.channel.onmessage({ data: structuredClone(data) }); } });
      },
      onmessage: null
    };
    tab.channel = channel;
    const worker = (fn) => new Promise((resolve) => world.ops.push({ tab, kind: 'worker', run() { resolve(fn()); } }));
    const app = tab.app;
    const env = {
      tabId: tab.id,
      store: gatedStore,
      versions: createVersions(gatedStore, () => world.now),
      local: (tab.local = new TabLocalStorage(this, tab)),
      channel,
      locks: this.locks && {
        request(name, opts, cb) {
          if (!tab.alive) return new Promise(() => {});  // a closed page asks for nothing
          Locks.current = tab; const p = world.locks.request(name, opts, cb); Locks.current = null; return p; }
      },
      // The worker (web/age-worker.js), its sealing stood in for by base64: each lock makes a key
      // (its recipient, and its identity "sealed" with the passphrase); unlocking a draft locked
      // before keys (no identity given) makes one too. Sealing to a recipient needs a known one.
      passphrase: {
        lockDraft: (pass) => worker(() => (pass === 'fel' ? { error: 'age.too_short' } : { error: '', key: world.newKey(pass) })),
        sealDraft: (bytes) => worker(() => ({ error: '', bytes: seal(new TextDecoder().decode(bytes)) })),
        sealTo: (recipient, bytes) => worker(() => (world.keys.has(recipient)
          ? { error: '', bytes: seal(new TextDecoder().decode(bytes)) } : { error: 'age.damaged' })),
        unlockDraft: (bytes, pass, identity) => worker(() => {
          if (identity && unseal(identity) !== 'identity for ' + pass) return { error: 'age.wrong_passphrase' };
          if (!identity && pass !== 'lösen') return { error: 'age.wrong_passphrase' };
          world.unlockedWith.push(identity ? 'key' : 'passphrase');
          return { error: '', bytes: new TextEncoder().encode(unseal(bytes)), key: identity ? undefined : world.newKey(pass) };
        }),
        forgetDraftKey() {}
      },
      timers: {
        set(fn, ms) { const t = { at: world.now + ms, fn, tab }; world.timers.push(t); return t; },
        clear(t) { world.timers = world.timers.filter((x) => x !== t); }
      },
      now: () => world.now,
      // What the app could not be told (its call threw): said, and the store goes on.
      report: (e) => { (tab.reported = tab.reported || []).push(String(e && e.message || e)); world.say(`${tab.id} app call threw: ${e}`); },
      trace: world.trace ? (id, state, event, what) => world.say(`    ${id} ${state}: ${event} → ${what}`) : null,
      app: {
        draft: () => app.text,
        runPendingFrame() {},
        // A test may make the app's "saved" throw (a WebAssembly trap in the call into the app).
        saved() { if (app.savedThrows > 0) { app.savedThrows--; throw new Error('RuntimeError: Out of bounds memory access'); } },
        failed(reason) {
          world.say(`${tab.id} app: cannot store (${reason})`);
          (app.failures = app.failures || []).push(reason);
          if (app.failedThrows > 0) { app.failedThrows--; throw new Error('RuntimeError: unreachable'); }
        },
        elsewhere(yes) { app.elsewhere = yes; },
        reloaded(text) { app.text = text; app.awaitingUnlock = false; },
        locked() { app.awaitingUnlock = true; app.text = ''; },
        lockChanged(on, error) {
          if (on && !error) { world.locked = true; world.say(`${tab.id} locked`); }
        },
        unlocked(error, text) { if (!error) { app.text = text; app.awaitingUnlock = false; } },
        autoErase() {}
      }
    };
    tab.store = createDraftStore(env);
    tab.store.ready.then(() => {
      if (!tab.alive) return;
      app.text = tab.store.load();
      tab.store.started();
      app.started = true;
    });
    this.tabs.push(tab);
    this.say(`${tab.id} opens`);
    return tab;
  }

  // The test's eyes inside a tab's transaction: every put of the draft is checked and noted.
  watch(tab, t) {
    const world = this;
    const wrapStore = (name, store) => new Proxy(store, {
      get(target, prop) {
        const v = target[prop];
        if (prop === 'put' && name === 'draft') return (value, key) => {
          if (key === 'meta') world.fence = value.fence;
          if (key === 'current') {
            const st = tab.store.status().state;
            // A tab told that another took over never writes (a claim moves an earlier layout in).
            if (!world.legacySeeded && st !== 'owner' && st !== 'releasing') world.violation(`${tab.id} wrote the draft while ${st}`);
            world.noteStored(value.text, value.sealed);
          }
          return target.put(value, key);
        };
        if (prop === 'add' && name === 'versions') return (value) => { world.noteStored(value.text, value.sealed); return target.add(value); };
        return typeof v === 'function' ? v.bind(target) : v;
      }
    });
    if (typeof t.objectStore !== 'function') return t;
    return new Proxy(t, {
      get(target, prop) {
        if (prop === 'objectStore') return (name) => wrapStore(name, target.objectStore(name));
        const v = target[prop];
        return typeof v === 'function' ? v.bind(target) : v;
      },
      set(target, prop, value) { target[prop] = value; return true; }
    });
  }

  noteStored(text, sealed) {
    const plain = sealed ? unseal(sealed) : text;
    for (const tok of tokensOf(plain)) if (!this.erased.has(tok)) this.durable.add(tok);
  }

  type(tab) {
    const tok = `‹${nextToken++}›`;
    tab.app.text += tok;
    this.typed.set(tok, tab.id);
    // Only a tab that owns the draft at that moment must keep what is typed in it (without Web
    // Locks a second tab takes over at start, and the first learns it at its next write).
    // A tab that could not claim the draft at all (storage refused) has no fence: its words are
    // kept when storage comes back, unless the draft was erased since it started.
    if (tab.store.status().fence !== this.fence || tab.store.status().fence === 0) this.exempt.add(tok);
    tab.store.changed();
    this.say(`${tab.id} types ${tok}`);
  }

  canType(tab) {
    return tab.alive && tab.app.started && tab.store.status().state === 'owner' && !tab.app.awaitingUnlock && !tab.store.status().erasing;
  }

  // Runs held operation `i` (the oldest of its tab and kind, so each tab's order holds).
  deliver(i, fail = false) {
    if (!this.ops.length) return;
    const pick = this.ops[i % this.ops.length];
    const first = this.ops.find((o) => o.tab === pick.tab && o.kind === pick.kind && (o.kind !== 'message' || o.from === pick.from));
    this.ops.splice(this.ops.indexOf(first), 1);
    this.say(`deliver ${first.kind}${first.mode ? ' ' + first.mode : ''} of ${first.tab.id}${fail && first.mode === 'readwrite' ? ' (fails if a draft write)' : ''}`);
    first.run(fail);
  }

  advance(ms) {
    this.now += ms;
    const due = this.timers.filter((t) => t.at <= this.now && t.tab.alive);
    this.timers = this.timers.filter((t) => t.at > this.now);
    for (const t of due) t.fn();
  }

  // The page goes away. `normally`: pagehide runs and the transactions it asked for still
  // commit (the worker does not answer any more); otherwise (a crash) nothing more happens.
  // `lateLost`: transactions the page asks for after pagehide (its last write) never happen, as
  // when the browser tears the page down first; what it had is then only in the rescue copy.
  close(tab, normally, lateLost = false) {
    if (!tab.alive) return;
    if (normally) {
      tab.lateLost = lateLost;
      tab.store.hidden();
      this.say(`${tab.id} closes${lateLost ? " (what it asks for after pagehide never happens)" : ""}`);
      // What is in memory and not stored now is lost only if the draft is locked (no rescue copy),
      // also when the tab lost the lock and its words were still on their way to be sealed
      // (docs/draft-store.md, known open).
      for (const tok of tokensOf(tab.app.text)) if (!this.durable.has(tok) && !this.erased.has(tok)) {
        const st = tab.store.status();
        if (((st.locked || st.locking) && (st.state === 'owner' || st.state === 'releasing')) || st.sealing) this.exempt.add(tok);
      }
      const mine = this.ops.filter((o) => o.tab === tab && o.kind === 'idb');
      this.ops = this.ops.filter((o) => o.tab !== tab || o.kind === 'idb');
      tab.alive = false;
      for (const o of mine) { this.ops.splice(this.ops.indexOf(o), 1); o.run(false); }
    } else {
      this.say(`${tab.id} is killed`);
      for (const tok of tokensOf(tab.app.text)) if (!this.durable.has(tok)) this.exempt.add(tok);
      this.ops = this.ops.filter((o) => o.tab !== tab);
      tab.alive = false;
    }
    this.timers = this.timers.filter((t) => t.tab !== tab);
    if (this.locks) this.locks.forgetTab(tab);
  }

  living() { return this.tabs.filter((t) => t.alive); }

  // Everything the origin stores, as the test reads it.
  async snapshot() {
    const draft = await this.checker.tx(['draft', 'versions'], 'readonly', (t) => {
      const out = {};
      const d = t.objectStore('draft');
      const c = d.get('current'); c.onsuccess = () => { out.current = c.result; };
      const u = d.get('unreadable'); u.onsuccess = () => { out.unreadable = u.result; };
      const k = d.get('key'); k.onsuccess = () => { out.key = k.result; };
      const v = t.objectStore('versions').getAll(); v.onsuccess = () => { out.versions = v.result; };
      return out;
    });
    const meta = await this.checker.tx('draft', 'readonly', (d) => { const out = {}; const m = d.get('meta'); m.onsuccess = () => { out.meta = m.result; }; return out; });
    const gen = meta.meta ? meta.meta.gen : 0;
    const rescues = [...this.local.map].filter(([k]) => isRescue(k)).map(([, v]) => JSON.parse(v));
    // A rescue copy from before an erase that a closing tab wrote and the erasing tab had not yet
    // received (localStorage reaches other tabs late) stays until a tab sees it; it is never read.
    const stale = (k, v) => isRescue(k) && (JSON.parse(v).gen || 0) < gen;
    return { ...draft, rescues, localValues: [...this.local.map].filter(([k, v]) => !stale(k, v)).map(([, v]) => v),
      staleRescues: [...this.local.map].filter(([k, v]) => stale(k, v)).map(([, v]) => v) };
  }

  // Checked after every step.
  async checkInvariants(final = false) {
    const snap = await this.snapshot();
    const plainCurrent = snap.current ? (snap.current.sealed ? unseal(snap.current.sealed) : snap.current.text) : '';
    const inStorage = new Set([
      ...tokensOf(plainCurrent), ...snap.rescues.flatMap((r) => [...tokensOf(r.text)]),
      ...snap.versions.flatMap((v) => [...tokensOf(v.sealed ? unseal(v.sealed) : v.text)])
    ]);
    for (const tok of this.durable) if (!this.erased.has(tok) && !inStorage.has(tok)) this.violation(`${tok} reached storage and is gone from it`);
    const everything = JSON.stringify([snap.current && snap.current.text, snap.unreadable && snap.unreadable.text,
      snap.versions.map((v) => v.text), snap.localValues]);
    for (const tok of this.erased) if (everything.includes(tok)) this.violation(`${tok} was erased and is stored again`);
    if (final) for (const tok of this.erased) if (JSON.stringify(snap.staleRescues).includes(tok)) this.violation(`${tok} was erased and is still in a rescue copy after a tab opened`);
    if (this.locked) {
      if (snap.current && typeof snap.current.text === 'string' && snap.current.text) this.violation('the locked draft is stored readable');
      if (snap.versions.some((v) => typeof v.text === 'string')) this.violation('a readable version beside the locked draft');
      if (snap.rescues.length) this.violation('a readable rescue copy beside the locked draft');
      if (snap.unreadable && snap.unreadable.text) this.violation('a readable kept-aside copy beside the locked draft');
      // Beside a draft locked by this release: the recipient any tab may seal to, and the
      // identity, sealed (with the passphrase).
      if (snap.current && snap.current.sealed && !this.legacySeeded) {
        if (!snap.key || !this.keys.has(snap.key.recipient)) this.violation('a locked draft without its recipient beside it');
        else if (unseal(snap.key.identity) === null) this.violation('the locked draft\'s identity is stored readable');
      }
    }
    return snap;
  }
}
