// The draft store: the only copy of what a person wrote, as an explicit state machine.
// docs/draft-store.md has the table of states and events and the invariants; tests/js/
// draft-store.test.mjs checks them over thousands of random interleavings of tabs, crashes,
// erasing and locking. Nothing here touches `window`: web/draft.js gives it the browser
// (IndexedDB through web/store.js, localStorage, BroadcastChannel, Web Locks, the app).

// localStorage: what every tab must read at once, and the rescue copy written as a page goes away.
var KEYS = {
  oldDraft: 'sipprep.draft.v1',              // layouts A–B: the draft itself, before IndexedDB
  oldUnreadable: 'sipprep.draft.v1.unreadable',
  rev: 'sipprep.draft.v1.rev',               // kept for tabs of earlier versions still open
  savedAt: 'sipprep.draft.v1.savedAt',
  locked: 'sipprep.draft.v1.locked',         // '1' now; layout C kept the sealed draft here (base64)
  rescue: 'sipprep.draft.v1.rescue',
  gen: 'sipprep.draft.gen',                  // the draft's generation, read at once by every tab
  autoErase: 'sipprep.autoEraseDays'         // a setting of this computer, not of a draft
};
// Characters: a 5 MB bundle and the earlier plan a follow-up carries, with room to spare.
var DRAFT_LIMIT = 16 * 1024 * 1024;
var SAVE_AFTER_MS = 500;
var RETRY_AFTER_MS = 5000;
// How long a tab that asked to take over waits for the editing tab's answer before it takes
// the Web Lock from it (a tab that is frozen or hung). Without Web Locks: how long it waits at all.
var HANDOVER_WAIT_MS = 5000;
var HANDOVER_WAIT_NO_LOCKS_MS = 1000;
var LOCK_NAME = 'sipprep-editor';
// How often locking seals again when earlier versions are added while it seals.
var LOCK_TRIES = 3;

// The states of a tab (docs/draft-store.md). Orthogonal to them: whether the draft is
// locked (`locked`: this tab holds the key; `storedLocked`: what is stored is sealed),
// whether a write is pending or on its way, and whether an erase is on its way.
var STATES = ['reading', 'owner', 'releasing', 'follower', 'takingOver'];
// Every event, and what it does in every state: a handler's name, or 'ignore' (with why in
// the docs). The test checks that the table is complete.
var TABLE = {
  //                reading        owner           releasing       follower        takingOver
  typed:        { reading: 'ignore', owner: 'typed', releasing: 'ignore', follower: 'ignore', takingOver: 'ignore' },
  timer:        { reading: 'ignore', owner: 'write', releasing: 'write', follower: 'ignore', takingOver: 'ignore' },
  hidden:       { reading: 'ignore', owner: 'goingAway', releasing: 'goingAway', follower: 'ignore', takingOver: 'ignore' },
  askedToLeave: { reading: 'ignore', owner: 'release', releasing: 'ignore', follower: 'ignore', takingOver: 'ignore' },
  pressedTakeOver: { reading: 'ignore', owner: 'ignore', releasing: 'ignore', follower: 'askToTakeOver', takingOver: 'ignore' },
  answered:     { reading: 'ignore', owner: 'lateAnswer', releasing: 'ignore', follower: 'ignore', takingOver: 'handedOver' },
  waitedTooLong: { reading: 'ignore', owner: 'ignore', releasing: 'ignore', follower: 'ignore', takingOver: 'stealLock' },
  lockGranted:  { reading: 'becomeOwnerAtStart', owner: 'ignore', releasing: 'ignore', follower: 'becomeOwnerQuietly', takingOver: 'becomeOwnerTakingOver' },
  lockRefused:  { reading: 'becomeFollowerAtStart', owner: 'ignore', releasing: 'ignore', follower: 'ignore', takingOver: 'ignore' },
  lockLost:     { reading: 'ignore', owner: 'lostOwnership', releasing: 'ignore', follower: 'ignore', takingOver: 'ignore' },
  erase:        { reading: 'ignore', owner: 'erase', releasing: 'refuseNotOwner', follower: 'refuseNotOwner', takingOver: 'refuseNotOwner' },
  rescueSeen:   { reading: 'ignore', owner: 'lateRescue', releasing: 'ignore', follower: 'ignore', takingOver: 'ignore' }
};

function ls0(fn) { try { return fn(); } catch (e) { return null; } }

function createDraftStore(env) {
  var local = env.local;
  var s = {
    state: 'reading',
    gen: Number(ls0(function () { return env.local.getItem(KEYS.gen); }) || 0),  // which draft: every erase starts a new generation (stored in 'meta')
    fence: 0,            // which tab owns it: every tab that becomes the owner takes a new fence
    epoch: 0,            // this tab's erases: results of writes started before one are dropped
    ownerEpoch: 0,       // the epoch when this tab last became the owner
    knownRev: 0,         // the stored revision this tab's text is based on
    pending: false,      // the app's draft changed since it was last written
    inFlight: null,      // the write on its way: { rev, text, epoch }
    failed: false,       // the last write failed; tried again after RETRY_AFTER_MS or the next change
    timer: 0,
    erasing: null,       // the erase on its way (a promise)
    locked: false,
    storedLocked: false,
    started: false,      // the app has started: before that, what it must hear waits in `later`
    later: [],
    loadText: '',
    readProblem: null,
    autoErased: false,
    holding: false,      // this tab holds the Web Lock
    lockSeq: 0,          // the newest lock request: grants of older ones are given back at once
    claimSeq: 0,         // the newest claim: an older one's result is dropped
    startText: '',       // the text this tab started from when it became the owner
    rescueSeen: [],      // earlier owners' rescue copies this tab has looked at (as JSON)
    rescueDone: [],      // ... and whose words are now stored (they may go)
    rescueAdopted: null, // ... taken into the draft: stored by a write numbered above adoptedAbove
    adoptedAbove: 0,
    startFence: 0,       // the owner of the record this tab started from, and its revision
    startRecordRev: 0,
    ownerHow: '',        // how this tab became the owner: 'start', 'quiet' or 'takeOver'
    releaseLock: null,
    handed: null,        // what the editing tab answered when this tab asked to take over
    waitTimer: 0,
    idleWaiters: [],
    quietWaiters: [],
    rescueProblem: null,
    newKey: null,        // a key made when a draft locked before keys was unlocked: stored with the next save
    sealing: 0,          // words of a locked draft on their way to the worker to be kept sealed
    trace: env.trace || null
  };

  function ls(fn, fallback) { try { return fn(); } catch (e) { return fallback; } }
  function reasonOf(e) { return e && e.name ? e.name : String(e); }
  function tell(fn) { if (s.started) told(fn); else s.later.push(fn); }
  // What the app is told never stops the store: a call into the app that throws (a WebAssembly
  // trap; WebKit once: "Out of bounds memory access" in "saved") is reported (env.report: the
  // page's error event) and the store goes on — the next write, the flush waiting for it.
  function told(fn) {
    try { fn(); } catch (e) { if (env.report) env.report(e); else throw e; }
  }
  function setTimer(fn, ms) { return env.timers.set(fn, ms); }
  function clearTimer(id) { if (id) env.timers.clear(id); }

  // ------------------------------------------------------------ the dispatcher
  function on(event, data) {
    var row = TABLE[event];
    var what = row[s.state];
    if (s.trace) s.trace(env.tabId, s.state, event, what);
    if (what === 'ignore') return undefined;
    return handlers[what](data);
  }

  // ------------------------------------------------------------ the stored layouts
  // What earlier versions of the app left in localStorage (layouts A–C in docs/draft-store.md).
  function readLegacy() {
    var text = ls(function () { return local.getItem(KEYS.oldDraft); }, null);
    var lockedValue = ls(function () { return local.getItem(KEYS.locked); }, null);
    var rev = ls(function () { return Number(local.getItem(KEYS.rev) || 0); }, 0);
    var savedAt = ls(function () { return Number(local.getItem(KEYS.savedAt) || 0); }, 0);
    var out = { record: null, unreadable: ls(function () { return local.getItem(KEYS.oldUnreadable); }, null), rev: rev };
    if (lockedValue && lockedValue !== '1') {
      // Layout C: the sealed draft as base64 (an age file); the readable draft was removed with it.
      try {
        var bin = (env.atob || atob)(lockedValue), bytes = new Uint8Array(bin.length);
        for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        out.record = { sealed: bytes, rev: rev || 1, savedAt: savedAt || env.now() };
        out.sealedLegacy = true;
      } catch (e) { /* not base64: nothing to move */ }
    } else if (text !== null) {
      out.record = { text: text, rev: rev || 1, savedAt: savedAt || env.now() };
    }
    return out;
  }

  function forgetLegacy(legacy) {
    ls(function () {
      local.removeItem(KEYS.oldDraft);
      local.removeItem(KEYS.oldUnreadable);
      if (legacy.sealedLegacy) local.removeItem(KEYS.locked);
    });
  }

  // Rescue copies: one key per copy (KEYS.rescue + '.' + tab + '.' + fence + '.' + rev), so that
  // a tab that does not see another's copy yet (localStorage reaches other tabs late) cannot
  // write over it, nor remove it thinking it is an older one it saw under the same key; layout
  // D's single key (KEYS.rescue itself) is read too.
  function rescueKeys() {
    return ls(function () {
      var keys = [];
      for (var i = 0; i < local.length; i++) {
        var k = local.key(i);
        if (k === KEYS.rescue || (k && k.indexOf(KEYS.rescue + '.') === 0)) keys.push(k);
      }
      return keys;
    }, []);
  }
  function readRescues() {
    var out = [];
    rescueKeys().forEach(function (k) {
      var r = ls(function () { return JSON.parse(local.getItem(k) || 'null'); }, null);
      if (r && typeof r === 'object' && typeof r.text === 'string') out.push({ key: k, r: r, json: JSON.stringify(r) });
    });
    return out;
  }
  function newer(a, b) {
    return (a.gen || 0) !== (b.gen || 0) ? (a.gen || 0) > (b.gen || 0) : (a.fence || 0) !== (b.fence || 0) ? (a.fence || 0) > (b.fence || 0) : a.rev > b.rev;
  }
  // The newest copy (generation, then owner, then revision).
  function readRescue() {
    var best = null;
    readRescues().forEach(function (c) { if (!best || newer(c.r, best)) best = c.r; });
    return best;
  }
  function rescueKey(rev) { return KEYS.rescue + '.' + env.tabId + '.' + s.fence + '.' + rev; }

  // The rescue copy holds words an owner had as its page went away, when they may be newer
  // than the stored record: same generation, written by the record's owner or a later one
  // (never by an owner the record's writer had already replaced), and a higher revision.
  // Layout D wrote it without generation and fence, with the revision of the write on its way
  // (so there the same revision still means newer).
  function rescueToAdopt(meta, cur) {
    var r = readRescue();
    if (!r || typeof r.text !== 'string') return null;
    var recRev = cur ? cur.rev : 0;
    if (r.gen === undefined) return meta.gen === 0 && r.rev >= recRev && !(cur && cur.sealed) ? r : null;
    // Beside a sealed record only a newer copy of the same owner or a later one: its owner had
    // removed the lock (a locked draft never gets a readable copy), and its write did not land.
    if (r.gen !== meta.gen || r.fence < (cur && cur.fence || 0)) return null;
    return r.rev > recRev ? r : null;
  }

  // A rescue copy of an owner that another had already replaced (without Web Locks, a tab
  // learns it only at its next write): not the draft, but never dropped unread — it becomes an
  // earlier version (beside a locked draft sealed to its recipient: keepWords).
  // Every other copy of this generation with words the record and the adopted copy do not
  // hold becomes one too.
  function orphanRescues(meta, cur, adopted) {
    return readRescues().filter(function (c) {
      var r = c.r;
      if (r === adopted || c.json === JSON.stringify(adopted) || !r.text || r.gen !== meta.gen) return false;
      if (cur && r.text === cur.text) return false;
      if (adopted && r.text === adopted.text) return false;
      return !(cur && (r.fence || 0) === (cur.fence || 0) && r.rev <= cur.rev);  // its owner stored more since
    });
  }

  // Reads 'meta' and 'current' in one transaction (requests on a store answer in order).
  function withMetaAndCurrent(d, fn) {
    var m = d.get('meta'), c = d.get('current');
    c.onsuccess = function () { fn(m.result, c.result); };
  }

  // Becoming the owner: one transaction takes a new fence (every later write of an older
  // owner is refused), moves a draft of an earlier layout in, and reads what is stored.
  // Resolves with { stale: true } when the lock grant it was made for is no longer the one
  // that counts (the tab let go and was granted again meanwhile) or a newer claim has started
  // (without Web Locks the answer and the wait both end a take-over): only the newest is used.
  function claim() {
    var legacy = readLegacy();
    var seq = s.lockSeq, mine = ++s.claimSeq, fenceBefore = s.fence, genBefore = s.gen;
    function stale() { return seq !== s.lockSeq || mine !== s.claimSeq; }
    return env.store.tx(['draft'], 'readwrite', function (t) {
      var d = t.objectStore('draft');
      var out = {};
      var uReq = d.get('unreadable');
      withMetaAndCurrent(d, function (meta, cur) {
        if (!meta) {
          if (!cur && legacy.record) { cur = legacy.record; d.put(cur, 'current'); }
          meta = { gen: 0, fence: 0, rev: Math.max(cur ? cur.rev : 0, legacy.rev) };
        }
        if (!uReq.result && legacy.unreadable !== null) d.put({ text: legacy.unreadable, time: env.now() }, 'unreadable');
        out.rescue = rescueToAdopt(meta, cur);
        out.orphans = orphanRescues(meta, cur, out.rescue);
        out.seen = readRescues().map(function (c) { return c.json; });
        // Nobody claimed since this tab last owned the draft: what it holds is the newest.
        out.ownAgain = fenceBefore > 0 && meta.fence === fenceBefore && meta.gen === genBefore;
        meta = { gen: meta.gen, fence: meta.fence + 1, rev: Math.max(meta.rev, cur ? cur.rev : 0) };
        d.put(meta, 'meta');
        out.meta = meta;
        out.record = cur || null;
      });
      return out;
    }).then(function (out) {
      if (stale()) return { stale: true };
      forgetLegacy(legacy);
      s.claimed = true;
      s.gen = out.meta.gen;
      ls(function () { local.setItem(KEYS.gen, String(s.gen)); });
      s.fence = out.meta.fence;
      s.knownRev = out.meta.rev;
      s.storedLocked = !!(out.record && out.record.sealed) && !out.rescue;
      // Copies read in the transaction go once their words are kept (one that arrives since is
      // looked at by lateRescue); the adopted one stays until a write holding it is stored.
      var adopted = out.rescue ? JSON.stringify(out.rescue) : null;
      out.orphans.forEach(function (c) {
        keepWords(c.r.text, 'conflict', s.gen).then(function (ok) {
          if (keptOrSay(ok)) dropRescue(function (r, json) { return json === c.json; });
        });
      });
      var orphaned = out.orphans.map(function (c) { return c.json; });
      dropRescue(function (r, json) {
        return out.seen.indexOf(json) >= 0 && json !== adopted && orphaned.indexOf(json) < 0 &&
          ((r.gen || 0) !== s.gen || (r.fence || 0) < s.fence);
      });
      return out;
    }, function (e) {
      if (stale()) return { stale: true };
      throw e;
    });
  }

  // The text an owner starts from: the stored record, or the rescue copy when it is newer
  // (then it stays until a write that holds its words has succeeded).
  function startingText(out) {
    s.rescueSeen = out.seen ? out.seen.slice() : [];  // the claim has dealt with these
    s.startFence = out.record ? out.record.fence || 0 : 0;
    s.startRecordRev = out.record ? out.record.rev || 0 : 0;
    s.rescueDone = [];
    s.rescueAdopted = null;
    if (out.rescue) {
      s.rescueAdopted = JSON.stringify(out.rescue);
      s.adoptedAbove = Math.max(s.issuedRev || 0, s.knownRev);
      s.knownRev = Math.max(s.knownRev, out.rescue.rev);
      s.pending = true;
      return out.rescue.text;
    }
    return out.record && out.record.text ? out.record.text : '';
  }

  function dropRescue(when) {
    readRescues().forEach(function (c) { if (when(c.r, c.json, c.key)) ls(function () { local.removeItem(c.key); }); });
  }
  function removeAllRescues() { rescueKeys().forEach(function (k) { ls(function () { local.removeItem(k); }); }); }

  // ------------------------------------------------------------ Web Locks
  // One request at a time is the one that counts; a grant of an older one is given back.
  function requestLock(mode) {
    if (!env.locks) return;
    var seq = ++s.lockSeq;
    var opts = mode === 'try' ? { ifAvailable: true } : mode === 'steal' ? { steal: true } : {};
    var granted = false;
    env.locks.request(LOCK_NAME, opts, function (lock) {
      if (!lock) { if (seq === s.lockSeq) on('lockRefused'); return undefined; }
      if (seq !== s.lockSeq || s.holding) return undefined;
      granted = true;
      s.holding = true;
      var held = new Promise(function (release) { s.releaseLock = release; });
      on('lockGranted');
      return held;
    }).then(function () {
      if (granted && s.holding && seq === s.lockSeq) s.holding = false;
    }, function () {
      // Taken from this tab (another tab took over: steal), or the browser refused locks.
      if (granted && s.holding && seq === s.lockSeq) { s.holding = false; s.releaseLock = null; on('lockLost'); }
      else if (!granted && seq === s.lockSeq && s.state === 'reading') on('lockGranted');
    });
  }

  function letGoOfLock() {
    s.holding = false;
    if (s.releaseLock) { var r = s.releaseLock; s.releaseLock = null; r(); }
  }

  // ------------------------------------------------------------ writing
  function draftNow() { return env.app.draft(); }

  function settleIdle() {
    if (s.inFlight || s.erasing) return;
    var quiet = s.quietWaiters;
    s.quietWaiters = [];
    quiet.forEach(function (w) { w(); });
    if (s.locking || (s.pending && !s.failed && (s.state === 'owner' || s.state === 'releasing'))) return;
    var waiters = s.idleWaiters;
    s.idleWaiters = [];
    waiters.forEach(function (w) { w(); });
  }

  function failWrite(reason) {
    s.failed = true;
    s.pending = true;  // still only in memory: written at the next change, the next retry, or as a rescue copy
    tell(function () { env.app.failed(reason); });
    clearTimer(s.timer);
    s.timer = setTimer(function () { s.timer = 0; on('timer'); }, RETRY_AFTER_MS);
  }

  function write() {
    clearTimer(s.timer);
    s.timer = 0;
    if (!s.started) return settleIdle();
    env.app.runPendingFrame();
    if (!s.pending || s.inFlight || s.erasing || s.locking) return settleIdle();
    // A locked draft this tab has not opened is never written over; only erasing replaces it.
    if (s.storedLocked && !s.locked) { s.pending = false; return settleIdle(); }
    if (!s.claimed) return reclaim();
    s.pending = false;
    s.failed = false;
    var text = draftNow();
    if (text.length > DRAFT_LIMIT) {
      failWrite('too large: ' + Math.round(text.length / 1024) + ' kB');
      return settleIdle();
    }
    // Revision numbers are never used twice, not even after a failed write: a rescue copy's
    // number stays below every later write's.
    s.issuedRev = Math.max(s.issuedRev || 0, s.knownRev) + 1;
    var w = { rev: s.issuedRev, base: s.knownRev, text: text, epoch: s.epoch, gen: s.gen, fence: s.fence, sealed: s.locked,
      key: s.locked ? s.newKey : null };
    s.inFlight = w;
    var value = w.sealed
      ? env.passphrase.sealDraft(new TextEncoder().encode(text)).then(function (r) {
          // The sealing's own reason (a catalog key: 'passphrase.timeout', 'age.memory' …) is what the person hears.
          if (r.error) throw Object.assign(new Error('the draft could not be sealed: ' + r.error), { name: r.error });
          return { sealed: r.bytes };
        })
      : Promise.resolve({ text: text });
    value.then(function (v) {
      // Locked or unlocked meanwhile. (A tab that lost the draft meanwhile has forgotten the key:
      // its sealed words go on to be refused, and are kept as a sealed earlier version.)
      if (w.sealed !== s.locked && (s.state === 'owner' || s.state === 'releasing')) return { result: 'again' };
      w.value = v;
      v.rev = w.rev;
      v.fence = w.fence;
      v.savedAt = env.now();
      // Generation, fence and revision are checked in the same transaction as the write.
      return env.store.tx(['draft'], 'readwrite', function (t) {
        var d = t.objectStore('draft');
        var out = { result: 'saved' };
        var k = w.key ? d.get('key') : null;
        withMetaAndCurrent(d, function (meta, cur) {
          if (!meta || meta.gen !== w.gen) { out.result = 'erased'; return; }
          // A tab told that another took over never writes, even a write it began before.
          if (meta.fence !== w.fence || (s.state !== 'owner' && s.state !== 'releasing')) { out.result = 'taken'; return; }
          if (cur && cur.rev > w.base) { out.result = 'newer'; return; }
          d.put(v, 'current');
          d.put({ gen: meta.gen, fence: meta.fence, rev: Math.max(meta.rev, w.rev) }, 'meta');
          // A draft locked before keys, sealed now to its new key: the key goes with it.
          if (w.key) d.put(keyRecord(w.key, k.result), 'key');
        });
        return out;
      });
    }).then(function (out) { written(w, out.result); }, function (e) {
      s.inFlight = null;
      if (w.epoch !== s.epoch) return settleIdle();
      // Another tab took the draft while this write failed: its words become an earlier version.
      if (s.state !== 'owner' && s.state !== 'releasing') { keepConflict(w); return settleIdle(); }
      s.pending = true;
      failWrite(reasonOf(e));
      settleIdle();
    });
    return undefined;
  }

  function written(w, result) {
    s.inFlight = null;
    if (w.epoch !== s.epoch) { if (s.pending && s.state === 'owner') write(); return settleIdle(); }  // erased since it started
    if (result === 'again') { s.pending = true; }
    else if (result === 'saved') {
      s.knownRev = Math.max(s.knownRev, w.rev);
      if (w.key && s.newKey === w.key) s.newKey = null;
      if (!w.sealed) env.versions.saved(w.text, w.gen);
      var refused = null;
      try {
        local.setItem(KEYS.rev, String(s.knownRev));
        local.setItem(KEYS.savedAt, String(w.value.savedAt));
        if (w.sealed) local.setItem(KEYS.locked, '1'); else local.removeItem(KEYS.locked);
      } catch (e) { refused = reasonOf(e); }
      // The rescue copy goes once a write holding its words is stored: its own owner's
      // later write, or this owner's first write after adopting it. A newer owner's stays.
      lateRescue();
      dropRescue(function (r, seen) {
        var f = r.fence || 0;
        if ((r.gen || 0) !== w.gen) return (r.gen || 0) < w.gen;
        if (f === w.fence && seen !== s.rescueAdopted) return r.rev <= w.rev;
        if (f > w.fence) return false;
        // An earlier owner's: once looked at, and its words stored (taken and written, or kept).
        if (seen === s.rescueAdopted && w.rev > s.adoptedAbove) s.rescueDone.push(seen);
        return s.rescueDone.indexOf(seen) >= 0;
      });
      // "Sparat" only when all of it is stored; localStorage refusing is said too.
      if (refused) tell(function () { env.app.failed(refused); });
      else if (s.state === 'owner' || s.state === 'releasing') tell(function () { env.app.saved(); });
    } else {
      // 'taken' / 'newer': another tab edits now. What this tab had not stored is kept as an
      // earlier version (sealed when the draft is locked). 'erased': erased elsewhere, nothing kept.
      if (result !== 'erased' && !w.keptAlready) keepConflict(w);
      // Only the ownership the write was made under is over: a tab that is taking over again
      // meanwhile, or has claimed anew, goes on with that.
      if ((s.state === 'owner' || s.state === 'releasing') && w.fence === s.fence) becomeFollower(true);
      return settleIdle();
    }
    if (s.pending && (s.state === 'owner' || s.state === 'releasing') && !s.failed) write();
    else settleIdle();
    return undefined;
  }

  // The claim failed when this tab became the owner, so it did not see what was stored: what
  // it finds now is kept as an earlier version before the person's words are written over it
  // (a sealed draft stays as it is and the passphrase is asked for).
  function reclaim() {
    s.inFlight = { rev: 0, epoch: s.epoch };
    var genAtStart = s.gen;
    var epoch = s.epoch;
    claim().then(function (out) {
      s.inFlight = null;
      if (out.stale) return settleIdle();
      if (epoch !== s.epoch) return write();
      s.readProblem = null;
      if (s.gen !== genAtStart) {
        // Erased by another tab since this one started: what it holds belongs to that draft.
        s.pending = false;
        tell(function () { env.app.reloaded('', false); });
        return settleIdle();
      }
      var rec = out.record;
      if (rec && rec.sealed) {
        s.pending = false;
        tell(function () { env.app.locked(savedAtIso()); });
        if (!s.storedLocked) keepWords(draftNow(), 'conflict', s.gen).then(keptOrSay);
        return settleIdle();
      }
      if (rec && rec.text) keepWords(rec.text, 'conflict', s.gen);
      if (out.rescue) keepWords(out.rescue.text, 'conflict', s.gen);
      return write();
    }, function (e) {
      s.inFlight = null;
      failWrite(reasonOf(e));
      settleIdle();
    });
  }

  function keepConflict(w) {
    if (w.sealed && w.value && w.value.sealed) env.versions.keep({ sealed: w.value.sealed }, 'conflict', w.gen).then(keptOrSay);
    else if (!w.sealed) keepWords(s.state === 'owner' || s.state === 'releasing' ? draftNow() : w.text, 'conflict', w.gen).then(keptOrSay);
  }
  // Words this tab must keep as an earlier version. When the draft was locked meanwhile (by
  // another tab, whose key this one does not have) nothing readable may be stored beside it:
  // they are sealed to the draft's recipient, stored in plain beside it, and kept so. Resolves
  // as versions.keep does; false when they could not be kept (a draft locked before there were
  // recipients has none to seal to).
  function keepWords(text, kind, gen) {
    return env.versions.keep({ text: text }, kind, gen).then(function (ok) {
      if (!ok || ok === true || !ok.locked) return ok;
      if (!ok.recipient) return false;
      return env.passphrase.sealTo(ok.recipient, new TextEncoder().encode(text)).then(function (r) {
        return r.error ? false : env.versions.keep({ sealed: r.bytes }, kind, gen);
      });
    });
  }
  // versions.keep resolves false when the browser refused to store the version.
  function keptOrSay(ok) { if (ok === false) tell(function () { env.app.failed('earlier version not kept'); }); return ok !== false; }

  // An IndexedDB write may not finish while the page goes away: the words also go to
  // localStorage, synchronously (not for a locked draft: nothing readable is stored). Its
  // revision is above the write on its way, so it wins over it when that write lands.
  function rescue() {
    if ((s.state !== 'owner' && s.state !== 'releasing') || s.locked || s.storedLocked || s.locking || s.erasing || !(s.pending || s.inFlight)) return;
    // Erased by another tab meanwhile (possible only without Web Locks): nothing of it is written.
    if (ls(function () { return Number(local.getItem(KEYS.gen) || 0); }, s.gen) !== s.gen) return;
    s.issuedRev = Math.max(s.issuedRev || 0, s.knownRev, s.inFlight ? s.inFlight.rev : 0) + 1;
    var rev = s.issuedRev;
    try {
      var key = rescueKey(rev);
      local.setItem(key, JSON.stringify({ gen: s.gen, fence: s.fence, rev: rev, text: draftNow() }));
      s.rescueProblem = null;
      // This tab's own earlier copies of this ownership: the new one holds all of them.
      var mine = KEYS.rescue + '.' + env.tabId + '.' + s.fence + '.';
      dropRescue(function (r, json, k) { return k !== key && k.indexOf(mine) === 0 && r.rev < rev; });
    } catch (e) {
      // Too large for localStorage: the person hears it when the page shows again.
      s.rescueProblem = reasonOf(e);
    }
  }

  // ------------------------------------------------------------ a rescue copy that comes late
  // localStorage reaches other tabs a little after the Web Lock does: a tab that closed lets
  // go of the lock before its rescue copy (written at pagehide) is seen here. Such a copy of an
  // earlier owner, newer than what this tab started from, is taken into the draft while nothing
  // was typed since, and kept as an earlier version otherwise. It is never dropped unread.
  // Beside a draft that is locked, or being locked, it is only kept: readable while the lock is
  // not stored (locking then seals it with the rest), else sealed to the draft's recipient.
  function lateRescue() {
    if (s.state !== 'owner' || !s.claimed || s.erasing) return;
    // A copy from before an erase (a closing tab's, seen only now) goes unread.
    dropRescue(function (r) { return (r.gen || 0) < s.gen; });
    var keepOnly = s.storedLocked || s.locked || s.locking;
    readRescues().filter(function (c) {
      return (c.r.gen || 0) === s.gen && (c.r.fence || 0) < s.fence && s.rescueSeen.indexOf(c.json) < 0;
    }).sort(function (a, b) { return newer(a.r, b.r) ? -1 : 1; }).forEach(function (c) { lateCopy(c.r, c.json, keepOnly); });
  }
  // Words this tab started from hold the copy's: the record's own owner stored them (or newer)
  // there, or the copy taken at the claim is the same owner's, newer. Revisions order one
  // owner's writes only: an older owner whose writes never landed numbers from the last
  // revision it saw, so its copy may carry a revision the record already has.
  function heldAtStart(r) {
    var f = r.fence || 0;
    if (f === s.startFence && r.rev <= s.startRecordRev) return true;
    var a = s.rescueAdopted ? JSON.parse(s.rescueAdopted) : null;
    return !!a && (a.fence || 0) === f && (a.gen || 0) === (r.gen || 0) && r.rev <= a.rev;
  }
  function lateCopy(r, seen, keepOnly) {
    s.rescueSeen.push(seen);
    var shown = keepOnly && !s.locked && !s.locking ? '' : draftNow();  // a locked draft not opened here shows nothing
    if (heldAtStart(r) || r.text === s.startText || r.text === shown) { s.rescueDone.push(seen); return; }
    // Taken only from the record's owner or a later one (as at the claim), and only once.
    if (!keepOnly && !s.typedSinceOwner && !s.rescueAdopted && (r.fence || 0) >= s.startFence) {
      s.rescueAdopted = seen;
      s.adoptedAbove = Math.max(s.issuedRev || 0, s.knownRev, s.inFlight ? s.inFlight.rev : 0);
      s.startText = r.text;
      // The app shows it the way it showed the draft it replaces (straight in after "Fortsätt här").
      if (s.started) tell(function () { env.app.reloaded(r.text, s.ownerHow === 'takeOver'); });
      else s.loadText = r.text;
      schedule();
      return;
    }
    keepCopy(seen, r.text);
  }

  // ------------------------------------------------------------ ownership
  function becomeFollower(tellApp) {
    clearTimer(s.timer);
    s.timer = 0;
    clearTimer(s.waitTimer);
    s.waitTimer = 0;
    s.state = 'follower';
    s.pending = false;
    s.failed = false;
    s.handed = null;
    // The key of a locked draft stays with the tab that edits it.
    if (s.locked) { s.locked = false; env.passphrase.forgetDraftKey(); }
    s.newKey = null;
    letGoOfLock();
    requestLock('wait');  // this tab edits again when the lock comes free (the other tab closed)
    if (tellApp) tell(function () { env.app.elsewhere(true); });
  }

  // Another tab's rescue copy kept as an earlier version; the copy goes once that is stored.
  function keepCopy(seen, text) {
    keepWords(text, 'conflict', s.gen).then(function (ok) {
      if (keptOrSay(ok)) { s.rescueDone.push(seen); dropRescue(function (r, json) { return json === seen; }); }
    });
  }

  function ownerFrom(out) {
    s.state = 'owner';
    s.ownerEpoch = s.epoch;
    s.typedSinceOwner = false;
    var text = startingText(out);
    if (out.ownAgain && !s.storedLocked) {
      var mine = draftNow();
      if (mine !== text) {
        // A copy taken at the claim holds words of a tab that edited after this tab's last claim
        // was asked for but before it landed (it stole the lock meanwhile): this tab never saw
        // them. Its own text goes on; those words are kept as an earlier version, never dropped.
        if (s.rescueAdopted) keepCopy(s.rescueAdopted, out.rescue.text);
        s.rescueAdopted = null;
        text = mine;
        s.pending = true;
      }
    }
    var handed = s.handed;
    s.handed = null;
    if (handed && handed.gen === s.gen && handed.unsaved && !s.storedLocked) {
      // The other tab could not store its last words: they come with its answer.
      text = handed.text;
      s.pending = true;
    }
    if (s.storedLocked) text = '';  // the passphrase is asked for again
    s.startText = text;
    return text;
  }

  function afterBecomingOwner(text, how) {
    s.ownerHow = how;
    tell(function () {
      if (how === 'start') { /* load() gives the text to the app's first frame */ }
      else env.app.reloaded(text, how === 'takeOver');
      if (s.storedLocked) env.app.locked(savedAtIso());
      env.app.elsewhere(false);
    });
    if (s.pending) schedule();
    lateRescue();
  }

  function claimFailed(e) {
    // Storage refused (private mode, blocked): this tab edits, says it cannot store, and
    // claims again before its first write (reclaim).
    s.state = 'owner';
    s.claimed = false;
    s.readProblem = reasonOf(e);
    // The last words of a tab that closed may wait only in the rescue copy: this tab starts from
    // them, so that its own rescue copy, written over that one later, still holds them.
    var r = readRescue();
    if (r && typeof r.text === 'string' && (r.gen || 0) === s.gen && r.rev > s.knownRev && !s.storedLocked) {
      s.knownRev = r.rev;
      s.pending = true;
      return r.text;
    }
    return null;
  }

  var handlers = {
    typed: function () { s.typedSinceOwner = true; schedule(); },
    // The answer of the tab that let go came after its lock (the lock is let go at once; the
    // message takes longer). It matters only when that tab could not store its last words.
    lateAnswer: function (answer) {
      // Erased by this tab since it took over (or the erase is on its way): nothing of before comes back.
      if (!answer.unsaved || answer.gen !== s.gen || s.storedLocked || s.erasing || s.epoch !== s.ownerEpoch) return;
      if (s.typedSinceOwner) { keepWords(answer.text, 'conflict', s.gen).then(keptOrSay); return; }
      tell(function () { env.app.reloaded(answer.text, true); });
      schedule();
    },
    write: write,
    goingAway: function () { write(); rescue(); },
    lateRescue: function () { lateRescue(); },

    becomeOwnerAtStart: function () {
      return claim().then(function (out) {
        if (out.stale) return undefined;
        var text = ownerFrom(out);
        var days = autoEraseDays();
        var savedAt = ls(function () { return Number(local.getItem(KEYS.savedAt) || 0); }, 0) || (out.record && out.record.savedAt) || 0;
        if ((out.record || out.rescue) && days > 0 && savedAt && env.now() - savedAt > days * 86400000) {
          // A draft nobody has written in for longer than the chosen time is removed unread.
          s.autoErased = true;
          s.pending = false;
          s.loadText = '';
          return eraseStored();
        }
        s.loadText = text;
        s.ownerHow = 'start';
        if (s.pending) schedule();
        lateRescue();
        return undefined;
      }, function (e) { s.loadText = claimFailed(e) || ''; if (s.pending) schedule(); }).then(startDone);
    },
    becomeFollowerAtStart: function () {
      s.state = 'follower';
      requestLock('wait');
      startDone();
    },
    becomeOwnerQuietly: function () {
      // The editing tab closed while this one waited: it edits now, from the neutral screen.
      return claim().then(function (out) { if (!out.stale) afterBecomingOwner(ownerFrom(out), 'quiet'); },
        function (e) {
          var text = claimFailed(e);
          tell(function () { env.app.failed(s.readProblem); if (text !== null) env.app.reloaded(text, false); env.app.elsewhere(false); });
          if (s.pending) schedule();
        });
    },
    becomeOwnerTakingOver: function () {
      clearTimer(s.waitTimer);
      s.waitTimer = 0;
      return claim().then(function (out) { if (!out.stale) afterBecomingOwner(ownerFrom(out), 'takeOver'); },
        function (e) {
          var text = claimFailed(e);
          if (s.handed && s.handed.unsaved) { text = s.handed.text; s.pending = true; }
          tell(function () { env.app.failed(s.readProblem); env.app.reloaded(text || '', true); env.app.elsewhere(false); });
          if (s.pending) schedule();
        });
    },

    askToTakeOver: function () {
      s.state = 'takingOver';
      s.handed = null;
      if (env.channel) env.channel.postMessage({ type: 'take-over', from: env.tabId });
      s.waitTimer = setTimer(function () { s.waitTimer = 0; on('waitedTooLong'); },
        env.locks ? HANDOVER_WAIT_MS : (env.channel ? HANDOVER_WAIT_NO_LOCKS_MS : 0));
      // With Web Locks the request waiting since this tab became a follower is granted when
      // the editing tab lets go (or has closed).
    },
    handedOver: function (answer) {
      s.handed = answer;
      if (!env.locks) return on('lockGranted');
      if (s.holding) return undefined;  // granted already; becomeOwnerTakingOver reads s.handed
      // Another waiting tab may be first in the lock's queue: take it from whoever has it.
      requestLock('steal');
      return undefined;
    },
    stealLock: function () {
      if (!env.locks) return on('lockGranted');
      requestLock('steal');
      return undefined;
    },

    release: function (from) {
      // Another tab takes over: store what is pending, then answer with the text as it is
      // (written or not) and let go. The app shows "open in another tab" at once.
      // Typing not yet drawn goes in before the field is replaced by the notice.
      env.app.runPendingFrame();
      s.state = 'releasing';
      tell(function () { env.app.elsewhere(true); });
      flush().then(function () {
        var unsaved = s.pending || s.failed;
        var text = s.locked || s.storedLocked ? '' : draftNow();
        if (s.state !== 'releasing') return;  // lost the lock meanwhile
        // The taking tab may close before the answer reaches it: the words wait here too.
        if (unsaved) rescue();
        if (env.channel) env.channel.postMessage({ type: 'released', to: from, gen: s.gen, rev: s.knownRev, text: unsaved ? text : '', unsaved: unsaved });
        becomeFollower(false);
      });
    },
    lostOwnership: function () {
      // The lock was taken from this tab (it did not answer in time): it never writes again
      // over the draft; what it had not stored becomes an earlier version.
      // A write on its way is refused when it lands: its words are kept now, not only then (the
      // page may be gone by then).
      var unstored = s.pending || !!s.inFlight;
      if (s.inFlight) s.inFlight.keptAlready = true;
      if (unstored && !s.locked && !s.storedLocked) keepWords(draftNow(), 'conflict', s.gen).then(keptOrSay);
      // Locked: sealed with the key before it is forgotten (the worker answers in order).
      else if (unstored && s.locked) {
        var gen = s.gen;
        s.sealing++;  // a page that goes away before the worker answers loses them (docs: known open)
        env.passphrase.sealDraft(new TextEncoder().encode(draftNow())).then(function (r) {
          if (r.error) return keptOrSay(false);
          return env.versions.keep({ sealed: r.bytes }, 'conflict', gen).then(keptOrSay);
        }).then(function () { s.sealing--; }, function () { s.sealing--; });
      }
      becomeFollower(true);
    },

    erase: function () { return eraseStored(); },
    refuseNotOwner: function () { tell(function () { env.app.elsewhere(true); }); }
  };

  function schedule() {
    s.pending = true;
    if (!s.timer) s.timer = setTimer(function () { s.timer = 0; on('timer'); }, SAVE_AFTER_MS);
  }

  // Resolves when nothing is left to write (tests, "Spara" before leaving, a handover).
  function flush() {
    var done = new Promise(function (resolve) { s.idleWaiters.push(resolve); });
    if (s.state === 'owner' || s.state === 'releasing') { s.failed = false; write(); }
    settleIdle();
    return done;
  }

  // ------------------------------------------------------------ erasing
  // Everything stored of the draft goes, in one transaction that also starts a new generation:
  // a write that started before it is refused when it lands, and its result is dropped here.
  function eraseStored() {
    s.epoch++;
    s.pending = false;
    s.failed = false;
    clearTimer(s.timer);
    s.timer = 0;
    s.locked = false;
    s.storedLocked = false;
    s.newKey = null;
    env.passphrase.forgetDraftKey();
    // Removed at once (nothing of it may stay if the page closes now), put back if the erase
    // does not happen.
    var removed = {};
    ls(function () {
      [KEYS.oldDraft, KEYS.oldUnreadable, KEYS.savedAt, KEYS.locked].concat(rescueKeys()).forEach(function (k) {
        var v = local.getItem(k);
        if (v !== null) removed[k] = v;
        local.removeItem(k);
      });
    });
    function putBack() { ls(function () { Object.keys(removed).forEach(function (k) { local.setItem(k, removed[k]); }); }); }
    var erasing = env.store.tx(['draft', 'versions'], 'readwrite', function (t) {
      var d = t.objectStore('draft');
      var out = {};
      withMetaAndCurrent(d, function (m, cur) {
        var meta = m || { gen: 0, fence: s.fence, rev: 0 };
        // Asked to hand over since the erase began: the erase still goes first (the answer waits).
        if (meta.fence !== s.fence || (s.state !== 'owner' && s.state !== 'releasing')) { out.taken = true; return; }
        out.meta = { gen: meta.gen + 1, fence: s.fence, rev: Math.max(meta.rev, cur ? cur.rev : 0) + 1 };
        d.clear();
        d.put(out.meta, 'meta');
        t.objectStore('versions').clear();
      });
      return out;
    });
    s.erasing = erasing;
    return erasing.then(function (out) {
      if (s.erasing === erasing) s.erasing = null;
      if (out.taken) { putBack(); becomeFollower(true); return settleIdle(); }
      s.gen = out.meta.gen;
      s.knownRev = out.meta.rev;
      env.versions.forget();
      // Only the generation stays (a number, so that a late rescue copy is refused).
      ls(function () { local.removeItem(KEYS.rev); local.setItem(KEYS.gen, String(s.gen)); });
      removeAllRescues();
      if (s.pending && (s.state === 'owner' || s.state === 'releasing')) write(); else settleIdle();
      return undefined;
    }, function (e) {
      if (s.erasing === erasing) s.erasing = null;
      putBack();
      tell(function () { env.app.failed('erase: ' + reasonOf(e)); });
      settleIdle();
    });
  }

  // ------------------------------------------------------------ locking with a passphrase
  // The locked draft's key beside it ('key'): its recipient in plain, which any tab may seal to
  // (a tab that lost the draft keeps its words so), and its identity sealed with the
  // passphrase. The identities of earlier locks stay (`earlier`): versions sealed to them stay.
  function keyRecord(key, old) {
    var earlier = old ? (old.earlier || []).concat(old.recipient === key.recipient ? [] : [old.identity]) : [];
    return { recipient: key.recipient, identity: key.identity, earlier: earlier };
  }

  function savedAtIso() {
    var at = ls(function () { return Number(local.getItem(KEYS.savedAt) || 0); }, 0);
    return at ? new Date(at).toISOString().replace(/\.\d+Z$/, 'Z') : '';
  }

  // Locking replaces the readable draft, its versions and anything kept aside with the sealed
  // draft in one transaction: if it fails, the draft is not locked (and the app says so).
  function lock(passphrase) {
    if (s.state !== 'owner' || s.locking) { env.app.lockChanged(false, 'storage'); return Promise.resolve(); }
    // No write starts while locking: the next one after it is sealed.
    s.locking = true;
    var epoch = s.epoch;
    function done() {
      s.locking = false;
      if (s.pending && s.state === 'owner') schedule();
      else if (s.pending && s.state === 'releasing') write();
      settleIdle();
    }
    var key = null;
    return env.passphrase.lockDraft(passphrase).then(function (r) {
      if (r.error) { env.app.lockChanged(false, r.error); return undefined; }
      key = r.key;
      return sealAndStore(LOCK_TRIES).catch(function (e) {
        env.passphrase.forgetDraftKey();
        env.app.lockChanged(false, 'storage');
        env.app.failed(reasonOf(e));
      });
    }).then(done, done);

    // Earlier versions stay, sealed with the same key (words another tab kept there too). One
    // added after they were read (a tab that closed while locking keeps its refused words so)
    // is sealed too: the lock is stored only when every readable version has been sealed,
    // else it seals again; after LOCK_TRIES the draft stays unlocked, nothing dropped.
    function sealAndStore(triesLeft) {
      var sealedVersions = {};
      return whenIdle().then(function () { return env.versions.readable(); }).then(function (list) {
        return list.reduce(function (p, v) {
          return p.then(function () {
            return env.passphrase.sealDraft(new TextEncoder().encode(v.text)).then(function (r) {
              if (r.error) throw new DOMException(r.error, 'NotReadableError');
              sealedVersions[v.id] = { text: v.text, sealed: r.bytes };
            });
          });
        }, Promise.resolve());
      }).then(function () {
        env.app.runPendingFrame();
        var text = draftNow();
        return env.passphrase.sealDraft(new TextEncoder().encode(text)).then(function (sealed) {
          if (sealed.error) throw new DOMException(sealed.error, 'NotReadableError');
          if (epoch !== s.epoch) throw new DOMException('erased while locking', 'AbortError');  // nothing of it is stored
          var gen = s.gen, fence = s.fence;
          s.issuedRev = Math.max(s.issuedRev || 0, s.knownRev) + 1;
          var rev = s.issuedRev;
          return env.store.tx(['draft', 'versions'], 'readwrite', function (t) {
            var d = t.objectStore('draft');
            var versions = t.objectStore('versions');
            var out = { result: 'saved' };
            var mReq = d.get('meta');
            var kReq = d.get('key');
            var all = versions.getAll();
            all.onsuccess = function () {
              var meta = mReq.result;
              if (!meta || meta.gen !== gen) { out.result = 'erased'; return; }
              if (meta.fence !== fence || (s.state !== 'owner' && s.state !== 'releasing')) { out.result = 'taken'; return; }
              var readable = all.result.filter(function (v) { return typeof v.text === 'string'; });
              if (readable.some(function (v) { return !sealedVersions[v.id] || sealedVersions[v.id].text !== v.text; })) { out.result = 'again'; return; }
              d.put({ sealed: sealed.bytes, rev: rev, fence: fence, savedAt: env.now() }, 'current');
              d.put({ gen: gen, fence: fence, rev: Math.max(meta.rev, rev) }, 'meta');
              d.put(keyRecord(key, kReq.result), 'key');
              d.delete('unreadable');
              readable.forEach(function (v) { versions.put({ id: v.id, time: v.time, kind: v.kind, sealed: sealedVersions[v.id].sealed }); });
            };
            return out;
          }).then(function (out) {
            if (out.result === 'again' && triesLeft > 1) return sealAndStore(triesLeft - 1);
            if (out.result !== 'saved') {
              // Not locked: another tab edits now (its words are kept as an earlier version,
              // readable, because the lock did not take effect), the draft was erased, or
              // versions kept coming while sealing ('again').
              env.passphrase.forgetDraftKey();
              env.app.lockChanged(false, 'storage');
              if (out.result === 'taken') {
                if (s.state === 'owner' || s.state === 'releasing') keepWords(draftNow(), 'conflict', gen).then(keptOrSay);
                becomeFollower(true);
              }
              return undefined;
            }
            s.locked = true;
            s.storedLocked = true;
            s.knownRev = rev;
            s.pending = s.pending || draftNow() !== text;
            ls(function () {
              local.setItem(KEYS.locked, '1');
              local.setItem(KEYS.rev, String(rev));
              local.setItem(KEYS.savedAt, String(env.now()));
            });
            removeAllRescues();
            env.versions.forget();
            env.app.lockChanged(true, '');
            return undefined;
          });
        });
      });
    }
  }

  // Resolves when no write or erase is on its way (a pending change may wait).
  function whenIdle() {
    if (!s.inFlight && !s.erasing) return Promise.resolve();
    return new Promise(function (resolve) { s.quietWaiters.push(resolve); });
  }

  // The identity under the passphrase, then the draft with it. A draft locked before there
  // were keys (no 'key' beside it) opens with the passphrase itself; the worker then makes it a
  // key, stored with the next save (sealed to it), which this tab makes at once.
  function unlock(passphrase) {
    return env.store.tx(['draft'], 'readonly', function (t) {
      var d = t.objectStore('draft');
      var out = {};
      var k = d.get('key'), c = d.get('current');
      c.onsuccess = function () { out.rec = c.result; out.key = k.result; };
      return out;
    }).catch(function () { return {}; }).then(function (stored) {
      var rec = stored.rec;
      // Erased or unlocked meanwhile: nothing sealed to open.
      if (!rec || !rec.sealed) return { error: '', bytes: rec && rec.text ? new TextEncoder().encode(rec.text) : null, plain: true };
      var identity = stored.key && stored.key.identity ? new Uint8Array(stored.key.identity) : null;
      return env.passphrase.unlockDraft(new Uint8Array(rec.sealed), passphrase, identity);
    }).then(function (r) {
      if (!r.error && !r.plain && s.state === 'owner') {
        s.locked = true;
        if (r.key) { s.newKey = r.key; s.pending = true; }
      }
      if (r.plain) s.storedLocked = false;
      env.app.unlocked(r.error || '', r.bytes ? new TextDecoder().decode(r.bytes) : '');
      if (s.newKey && s.state === 'owner') schedule();
    });
  }

  function removeLock() {
    env.passphrase.forgetDraftKey();
    s.newKey = null;
    s.locked = false;
    s.storedLocked = false;
    schedule();
    write();  // readable again; the sealed copy is replaced by this write
    env.app.lockChanged(false, '');
  }

  // A stored draft that could not be read is kept aside, not overwritten by the next save.
  // A locked one stays sealed there: it is never stored readable.
  function keepUnreadable(text) {
    return env.store.tx(['draft'], 'readwrite', function (t) {
      var d = t.objectStore('draft');
      if (!s.storedLocked && !s.locked) { d.put({ text: text, time: env.now() }, 'unreadable'); return; }
      var c = d.get('current');
      c.onsuccess = function () { if (c.result && c.result.sealed) d.put({ sealed: c.result.sealed, time: env.now() }, 'unreadable'); };
    }).catch(function (e) { env.app.failed(reasonOf(e)); });
  }

  // ------------------------------------------------------------ earlier versions
  // Before something replaces the draft. A locked draft's version is sealed with its key.
  // Resolves with the text kept, or null when nothing was kept.
  function keepVersion(kind) {
    if (s.state !== 'owner' || (s.storedLocked && !s.locked)) return Promise.resolve(null);
    var text = draftNow(), gen = s.gen;
    if (!s.locked) return keepWords(text, kind, gen).then(function (ok) { return keptOrSay(ok) ? text : null; });
    return env.passphrase.sealDraft(new TextEncoder().encode(text)).then(function (r) {
      if (r.error) return keptOrSay(false) ? text : null;
      return env.versions.keep({ sealed: r.bytes }, kind, gen).then(function (ok) { return keptOrSay(ok) ? text : null; });
    });
  }

  function restoreVersion(id) {
    var epoch = s.epoch, lockedAt = s.locked;
    function stillSo() { return s.state === 'owner' && epoch === s.epoch && !s.locking && s.locked === lockedAt; }
    // The draft as it is becomes a version first (again if typing changed it meanwhile); only
    // once that is stored does the chosen one replace it.
    function keptThen(v) {
      return keepVersion('restore').then(function (kept) {
        if (kept === null || !stillSo()) return false;
        env.app.runPendingFrame();
        if (draftNow() !== kept) return keptThen(v);
        env.app.reloaded(v.text, true);
        schedule();
        write();
        return true;
      });
    }
    return env.versions.get(id).then(function (v) {
      // Erased meanwhile: nothing of it comes back. Locked or unlocked meanwhile: not restored
      // (the version of what it replaces would be kept the wrong way).
      if (!v || typeof v.text !== 'string' || !stillSo()) return false;
      return keptThen(v);
    });
  }

  function autoEraseDays() { return ls(function () { return Number(local.getItem(KEYS.autoErase) || 0); }, 0); }

  // ------------------------------------------------------------ messages from other tabs
  function message(data) {
    var type = data && data.type;
    if (type === 'take-over' && data.from !== env.tabId) on('askedToLeave', data.from);
    else if (type === 'released' && data.to === env.tabId) on('answered', data);
  }

  // ------------------------------------------------------------ start
  // Reads what is stored and learns whether this tab edits, before the app's first frame.
  var startDone = null;
  var ready = new Promise(function (resolve) { startDone = resolve; });
  if (env.channel) env.channel.onmessage = function (ev) { message(ev.data); };
  if (env.locks) requestLock('try');
  else on('lockGranted');

  return {
    ready: ready,
    // The stored draft for the app's first frame ("" when none, a follower, or locked).
    load: function () { return s.state === 'owner' && !s.storedLocked ? s.loadText : ''; },
    // The app has started: what it must hear before its first frame, then what waited.
    started: function () {
      s.started = true;
      env.app.autoErase(autoEraseDays(), s.autoErased);
      if (s.readProblem) env.app.failed(s.readProblem);
      if (s.state === 'owner' && s.storedLocked) env.app.locked(savedAtIso());
      if (s.state !== 'owner') env.app.elsewhere(true);
      var later = s.later;
      s.later = [];
      later.forEach(told);
      if (s.pending && s.state === 'owner') schedule();
    },
    editing: function () { return s.state === 'owner'; },
    changed: function () { on('typed'); },
    // Another tab changed the rescue copy (the 'storage' event).
    rescueChanged: function () { on('rescueSeen'); },
    hidden: function () {
      on('hidden');
      return s.rescueProblem;
    },
    shown: function () {
      if (s.rescueProblem && s.state === 'owner') { var p = s.rescueProblem; s.rescueProblem = null; tell(function () { env.app.failed('rescue: ' + p); }); }
    },
    flush: flush,
    erase: function () { return on('erase'); },
    takeOver: function () { on('pressedTakeOver'); },
    message: message,
    lock: lock, unlock: unlock, removeLock: removeLock, keepUnreadable: keepUnreadable,
    keepVersion: keepVersion, restoreVersion: restoreVersion,
    listVersions: function () { return env.versions.list(); },
    setAutoErase: function (days) {
      ls(function () { if (days > 0) local.setItem(KEYS.autoErase, String(days)); else local.removeItem(KEYS.autoErase); });
    },
    status: function () {
      return { state: s.state, editing: s.state === 'owner', revision: s.knownRev, generation: s.gen, fence: s.fence,
        pending: s.pending || !!s.inFlight, locked: s.locked, locking: !!s.locking, storedLocked: s.storedLocked, erasing: !!s.erasing,
        sealing: s.sealing > 0 };
    }
  };
}

export { createDraftStore, STATES, TABLE, KEYS };
