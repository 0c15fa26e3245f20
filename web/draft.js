// The draft on this device: read before the app starts, saved in IndexedDB (web/store.js) as
// the person types, one tab writing at a time, earlier versions (web/versions.js), "Lås med
// lösenord" (web/age.js), removal after N days unused and "Radera allt". The app asks through
// src/platform/web/browser.js; web/shell.js gives the hooks (frames, strings to C++).
(function () {
  'use strict';

  // localStorage holds only what every tab must read at once: the revision and time of the
  // last save, whether the draft is locked, the auto-erase setting, and — written only as the
  // page goes away with an IndexedDB write unfinished — a rescue copy of those words.
  var OLD_DRAFT_KEY = 'sipprep.draft.v1';  // the draft itself, before IndexedDB: moved on first start
  var REV_KEY = 'sipprep.draft.v1.rev';    // counts writes: a tab writes only over what it read
  var SAVED_AT_KEY = 'sipprep.draft.v1.savedAt';
  var LOCKED_KEY = 'sipprep.draft.v1.locked';
  var RESCUE_KEY = 'sipprep.draft.v1.rescue';
  var AUTO_ERASE_KEY = 'sipprep.autoEraseDays';  // a setting of this computer, not of a draft
  // Characters: a 5 MB bundle and the earlier plan a follow-up carries, with room to spare.
  var DRAFT_LIMIT = 16 * 1024 * 1024;

  var hooks = null;           // runPendingFrame(), withCString(str, fn), started()
  var record = null;          // the stored draft as read at start: { text | sealed, rev, savedAt }
  var readProblem = null;     // why it could not be read (private mode, blocked …)
  var autoErased = false;
  var pending = false;        // the app's draft changed since it was last written
  var inFlight = false;       // a write is on its way to IndexedDB
  var timer = 0;
  var idleWaiters = [];
  var knownRev = 0;           // the revision this tab's draft is based on
  var editing = true;         // this tab is the one that writes (see "One tab edits")
  var locked = false;         // this tab holds the locked draft's key: its saves are sealed
  var storedLocked = false;   // the stored draft is locked, whether or not this tab opened it

  function ls(fn, fallback) { try { return fn(); } catch (e) { return fallback; } }
  function storedRev() { return ls(function () { return Number(localStorage.getItem(REV_KEY) || 0); }, knownRev); }
  function autoEraseDays() { return ls(function () { return Number(localStorage.getItem(AUTO_ERASE_KEY) || 0); }, 0); }
  function reasonOf(e) { return e && e.name ? e.name : String(e); }

  // Several C strings for one call into the app.
  function cstrings(list, fn, acc) {
    acc = acc || [];
    if (!list.length) return fn.apply(null, acc);
    return hooks.withCString(String(list[0]), function (p) { return cstrings(list.slice(1), fn, acc.concat([p])); });
  }
  function storageFailed(reason) { cstrings([reason], Module._sipprep_storage_failed); }
  function currentDraft() { return Module.UTF8ToString(Module._sipprep_draft_json()); }

  function putDraft(value) { return window.SipprepStore.tx('draft', 'readwrite', function (s) { s.put(value, 'current'); }); }

  // ---------------------------------------------------------------- reading, before the app starts
  // The localStorage draft of earlier versions of the app moves into IndexedDB once.
  function migrate() {
    var text = ls(function () { return localStorage.getItem(OLD_DRAFT_KEY); }, null);
    if (text === null) return null;
    var rec = { text: text, rev: storedRev() || 1,
      savedAt: ls(function () { return Number(localStorage.getItem(SAVED_AT_KEY)); }, 0) || Date.now() };
    return putDraft(rec).then(function () {
      ls(function () {
        localStorage.removeItem(OLD_DRAFT_KEY);
        localStorage.removeItem(OLD_DRAFT_KEY + '.unreadable');
        localStorage.setItem(REV_KEY, String(rec.rev));
      });
      return rec;
    });
  }

  function readRescue() {
    return ls(function () { return JSON.parse(localStorage.getItem(RESCUE_KEY) || 'null'); }, null);
  }

  var ready = (window.SipprepStore ? window.SipprepStore.get('draft', 'current') : Promise.reject(new Error('no store')))
    .then(function (rec) { return rec || migrate(); })
    .then(function (rec) {
      record = rec || null;
      // A draft nobody has written in for longer than the chosen time is removed unread.
      var days = autoEraseDays();
      var savedAt = ls(function () { return Number(localStorage.getItem(SAVED_AT_KEY) || 0); }, 0) || (rec && rec.savedAt) || 0;
      if (record && days > 0 && savedAt && Date.now() - savedAt > days * 86400000) {
        autoErased = true;
        record = null;
        return eraseStored();
      }
      // Words whose IndexedDB write did not finish as the page went away.
      var rescue = readRescue();
      if (rescue && !(record && record.sealed) && (!record || rescue.rev > record.rev)) {
        record = { text: rescue.text, rev: rescue.rev, savedAt: Date.now() };
        return putDraft(record).then(function () {
          ls(function () { localStorage.setItem(REV_KEY, String(record.rev)); localStorage.removeItem(RESCUE_KEY); });
        });
      }
      ls(function () { localStorage.removeItem(RESCUE_KEY); });
    })
    .catch(function (e) { readProblem = reasonOf(e); });

  // The stored draft for the app's first frame ("" when none, or when it is locked).
  function load() {
    knownRev = Math.max(storedRev(), record ? record.rev : 0);
    storedLocked = !!(record && record.sealed);
    if (!record || storedLocked) return '';
    return record.text || '';
  }

  // After the app's start: what the app must be told before its first frame.
  function started(mine) {
    editing = mine;
    Module._sipprep_auto_erase_status(autoEraseDays(), autoErased ? 1 : 0);
    if (readProblem) storageFailed(readProblem);
    if (storedLocked) tellLocked();
    if (!mine) Module._sipprep_editing_elsewhere(1);
  }

  // ---------------------------------------------------------------- writing
  // The app serialises its draft only here: at most twice a second while someone types, and
  // at once when the page is hidden or closed.
  function changed() {
    pending = true;
    if (!timer) timer = setTimeout(write, 500);
  }

  function write() {
    if (timer) { clearTimeout(timer); timer = 0; }
    // Input the app has not drawn yet (a hidden tab gets few animation frames) goes in first.
    hooks.runPendingFrame();
    if (!pending || !editing) return settleIdle();
    // A locked draft this tab has not opened is never written over; only erasing or starting
    // anew replace it (clear).
    if (storedLocked && !locked) { pending = false; return settleIdle(); }
    if (inFlight) return;  // written again when the write on its way is stored
    pending = false;
    // Someone else wrote since this tab read: never put an older state over it.
    if (storedRev() > knownRev) { conflict('newer'); return settleIdle(); }
    var text = currentDraft();
    if (text.length > DRAFT_LIMIT) {
      storageFailed('too large: ' + Math.round(text.length / 1024) + ' kB');
      return settleIdle();
    }
    inFlight = true;
    var sealedNow = locked;
    var value = sealedNow
      ? window.SipprepPassphrase.sealDraft(new TextEncoder().encode(text)).then(function (r) {
          if (r.error) throw new DOMException('the passphrase part of the app could not be loaded', 'NotReadableError');
          return { sealed: r.bytes };
        })
      : Promise.resolve({ text: text });
    var base = knownRev;
    value.then(function (v) {
      if (sealedNow !== locked) return 'again';  // locked or unlocked meanwhile
      v.rev = base + 1;
      v.savedAt = Date.now();
      // The revision is checked in the same transaction as the write.
      return window.SipprepStore.tx('draft', 'readwrite', function (s) {
        var outcome = { result: 'saved' };
        var req = s.get('current');
        req.onsuccess = function () {
          var cur = req.result;
          if (cur && cur.rev > base) outcome.result = 'newer';
          else if (!cur && base > 0) outcome.result = 'erased';
          else s.put(v, 'current');
        };
        return outcome;
      }).then(function (outcome) { return outcome.result; });
    }).then(function (result) {
      inFlight = false;
      if (result === 'again') { pending = true; }
      else if (result !== 'saved') { conflict(result, text); }
      else {
        knownRev = base + 1;
        if (!sealedNow) window.SipprepVersions.saved(text);
        try {
          localStorage.setItem(REV_KEY, String(knownRev));
          localStorage.setItem(SAVED_AT_KEY, String(Date.now()));
          if (sealedNow) localStorage.setItem(LOCKED_KEY, '1'); else localStorage.removeItem(LOCKED_KEY);
          localStorage.removeItem(RESCUE_KEY);
          Module._sipprep_draft_saved();  // only when all of it is stored
        } catch (e) {
          storageFailed(reasonOf(e));
        }
      }
      if (pending && editing) write(); else settleIdle();
    }).catch(function (e) {
      inFlight = false;
      storageFailed(reasonOf(e));
      settleIdle();
    });
  }

  // Another tab wrote a newer draft (what this tab had not saved is kept as an earlier version,
  // unless it is locked: no readable copies) or erased it (then nothing of it may stay).
  function conflict(kind, text) {
    if (kind === 'newer' && !locked) window.SipprepVersions.keep(text || currentDraft(), 'conflict');
    stopEditing();
  }

  function settleIdle() {
    if (pending || inFlight) return;
    var waiters = idleWaiters;
    idleWaiters = [];
    waiters.forEach(function (w) { w(); });
  }

  // Writes now; resolves when nothing is left to write (tests, "Spara" before leaving).
  function flush() {
    var done = new Promise(function (resolve) { idleWaiters.push(resolve); });
    write();
    settleIdle();
    return done;
  }

  // An IndexedDB write may not finish while the page goes away: the words also go to
  // localStorage, synchronously (not for a locked draft: nothing readable is stored).
  function rescue() {
    if (!editing || locked || storedLocked || !(pending || inFlight)) return;
    try { localStorage.setItem(RESCUE_KEY, JSON.stringify({ rev: knownRev + 1, text: currentDraft() })); } catch (e) { /* too large */ }
  }

  function goingAway() { write(); rescue(); }
  document.addEventListener('visibilitychange', function () { if (document.hidden) goingAway(); });
  window.addEventListener('pagehide', goingAway);

  // Removes the stored draft and everything kept of it.
  function eraseStored() {
    ls(function () {
      [OLD_DRAFT_KEY, OLD_DRAFT_KEY + '.unreadable', REV_KEY, SAVED_AT_KEY, LOCKED_KEY, RESCUE_KEY].forEach(function (k) {
        localStorage.removeItem(k);
      });
    });
    window.SipprepVersions.clear();
    return window.SipprepStore.tx('draft', 'readwrite', function (s) { s.clear(); }).catch(function () {});
  }

  function clear() {
    pending = false;
    if (timer) { clearTimeout(timer); timer = 0; }
    locked = false;
    storedLocked = false;
    window.SipprepPassphrase.forgetDraftKey();
    knownRev = 0;
    record = null;
    eraseStored();
  }

  function keepUnreadable(text) {
    window.SipprepStore.tx('draft', 'readwrite', function (s) { s.put({ text: text, time: Date.now() }, 'unreadable'); })
      .catch(function (e) { storageFailed(reasonOf(e)); });
  }

  // ---------------------------------------------------------------- earlier versions
  // No readable copies of a locked draft.
  function keepVersion(kind) { if (!locked && !storedLocked) window.SipprepVersions.keep(currentDraft(), kind); }

  function listVersions() {
    window.SipprepVersions.list().then(function (all) { cstrings([JSON.stringify(all)], Module._sipprep_versions_listed); });
  }

  function restoreVersion(id) {
    window.SipprepVersions.get(id).then(function (text) {
      if (!text) return;
      window.SipprepVersions.keep(currentDraft(), 'restore').then(function () {
        cstrings([text], Module._sipprep_draft_reloaded);
        changed();
        write();
      });
    });
  }

  // ---------------------------------------------------------------- one tab edits
  // The tab holding the Web Lock "sipprep-editor" writes the draft; any other tab of the app
  // says so and offers to continue there. Continuing asks the editing tab (BroadcastChannel) to
  // save and let go, then reads what it left. Without Web Locks, the revision check in write()
  // still keeps an older state from being written over a newer one.
  var channel = window.BroadcastChannel ? new BroadcastChannel('sipprep') : null;
  var releaseLock = null;

  function claimEditing(wait) {
    if (!navigator.locks) return Promise.resolve(true);
    return new Promise(function (resolve) {
      navigator.locks.request('sipprep-editor', wait ? {} : { ifAvailable: true }, function (lock) {
        if (!lock) { resolve(false); return undefined; }
        resolve(true);
        return new Promise(function (release) { releaseLock = release; });
      }).catch(function () { resolve(true); });
    });
  }
  var editingClaim = claimEditing(false);

  function stopEditing() {
    write();
    editing = false;
    pending = false;
    if (releaseLock) { releaseLock(); releaseLock = null; }
    if (hooks && hooks.started()) Module._sipprep_editing_elsewhere(1);
  }

  // The editing tab answers "released" after its last write; the lock alone is not waited on,
  // because a tab that could not take the lock (or a browser without Web Locks) still writes.
  var released = null;
  function takeOver() {
    var answer = new Promise(function (resolve) {
      released = resolve;
      setTimeout(function () { resolve(null); }, channel ? 1000 : 0);
    });
    if (channel) channel.postMessage({ type: 'take-over' });
    Promise.all([claimEditing(true), answer]).then(function (results) {
      var handed = results[1];  // what the other tab wrote last
      return window.SipprepStore.get('draft', 'current').catch(function () { return null; }).then(function (rec) {
        editing = true;
        storedLocked = !!(rec && rec.sealed);
        var text = '';
        if (handed) {
          knownRev = handed.rev;
          text = handed.text;
        } else {
          knownRev = Math.max(storedRev(), rec ? rec.rev : 0);
          text = rec && rec.text ? rec.text : '';
        }
        record = rec || null;
        // A locked draft this tab has no key for: the passphrase is asked for again.
        if (storedLocked && !locked) text = '';
        cstrings([text], Module._sipprep_draft_reloaded);
        if (storedLocked && !locked) tellLocked();
        Module._sipprep_editing_elsewhere(0);
      });
    });
  }

  if (channel) {
    channel.onmessage = function (ev) {
      var type = ev.data && ev.data.type;
      if (type === 'take-over' && editing) {
        // The other tab gets the draft as it is now, written or not, once the write on its
        // way has landed (its revision is the one to write over).
        hooks.runPendingFrame();
        var text = locked ? '' : currentDraft();
        stopEditing();
        flush().then(function () { channel.postMessage({ type: 'released', rev: knownRev, text: text }); });
      } else if (type === 'released' && released) {
        released({ rev: ev.data.rev, text: ev.data.text });
        released = null;
      }
    };
  }

  // ---------------------------------------------------------------- "Lås med lösenord"
  function savedAtIso() {
    var at = ls(function () { return Number(localStorage.getItem(SAVED_AT_KEY) || 0); }, 0) || (record && record.savedAt) || 0;
    return at ? new Date(at).toISOString().replace(/\.\d+Z$/, 'Z') : '';
  }

  function tellLocked() { cstrings([savedAtIso()], Module._sipprep_draft_locked); }

  function tellLockChanged(on, error) { cstrings([error || ''], function (e) { Module._sipprep_draft_lock_changed(on ? 1 : 0, e); }); }

  function lock(passphrase) {
    window.SipprepPassphrase.lockDraft(passphrase).then(function (r) {
      if (r.error) { tellLockChanged(false, r.error); return; }
      locked = true;
      storedLocked = true;
      // Nothing readable stays beside the locked draft: earlier versions and kept-aside copies go.
      window.SipprepVersions.clear();
      window.SipprepStore.tx('draft', 'readwrite', function (s) { s.delete('unreadable'); }).catch(function () {});
      pending = true;
      write();
      tellLockChanged(true, '');
    });
  }

  function unlock(passphrase) {
    var stored = window.SipprepStore.get('draft', 'current').catch(function () { return null; });
    stored.then(function (rec) {
      // Erased meanwhile (another tab): nothing to open.
      if (!rec || !rec.sealed) return { error: '', bytes: rec && rec.text ? new TextEncoder().encode(rec.text) : null };
      return window.SipprepPassphrase.unlockDraft(new Uint8Array(rec.sealed), passphrase);
    }).then(function (r) {
      if (!r.error) locked = true;
      cstrings([r.error || '', r.bytes ? new TextDecoder().decode(r.bytes) : ''], Module._sipprep_draft_unlocked);
    });
  }

  function removeLock() {
    window.SipprepPassphrase.forgetDraftKey();
    locked = false;
    storedLocked = false;
    pending = true;
    write();  // readable again; the sealed copy is replaced by this write
    tellLockChanged(false, '');
  }

  function setAutoErase(days) {
    ls(function () {
      if (days > 0) localStorage.setItem(AUTO_ERASE_KEY, String(days));
      else localStorage.removeItem(AUTO_ERASE_KEY);
    });
  }

  window.SipprepDraft = {
    ready: ready, claim: editingClaim,
    init: function (h) { hooks = h; },
    load: load, started: started, changed: changed, flush: flush, clear: clear, keepUnreadable: keepUnreadable,
    keepVersion: keepVersion, listVersions: listVersions, restoreVersion: restoreVersion, takeOver: takeOver,
    lock: lock, unlock: unlock, removeLock: removeLock, setAutoErase: setAutoErase,
    status: function () {
      return { editing: editing, revision: knownRev, stored: storedRev(), pending: pending || inFlight, locked: locked, storedLocked: storedLocked };
    },
    // For tests: the stored record as it is in IndexedDB.
    stored: function () {
      return window.SipprepStore.get('draft', 'current').then(function (rec) {
        if (!rec) return null;
        return { rev: rec.rev, text: rec.text || null,
          sealedStart: rec.sealed ? new TextDecoder().decode(new Uint8Array(rec.sealed).subarray(0, 22)) : null };
      });
    }
  };
})();
