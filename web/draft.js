// The draft on this device, in the page: web/draft-store.js (the state machine) given the
// browser — IndexedDB (web/store.js), localStorage, BroadcastChannel, Web Locks, the
// passphrase worker (web/age.js) and the app (through Module and the hooks web/shell.js gives).
// The app asks through src/platform/web/browser.js.
(function () {
  'use strict';

  var hooks = null;  // runPendingFrame(), withCString(str, fn), started()

  // Several C strings for one call into the app.
  function cstrings(list, fn, acc) {
    acc = acc || [];
    if (!list.length) return fn.apply(null, acc);
    return hooks.withCString(String(list[0]), function (p) { return cstrings(list.slice(1), fn, acc.concat([p])); });
  }

  function tabId() {
    var a = new Uint32Array(2);
    crypto.getRandomValues(a);
    return a[0].toString(36) + a[1].toString(36);
  }

  var store = window.SipprepDraftStore.createDraftStore({
    tabId: tabId(),
    store: window.SipprepStore,
    versions: window.SipprepVersions,
    local: (function () { try { return window.localStorage; } catch (e) { return null; } })() || {
      getItem: function () { throw new DOMException('localStorage is not available', 'SecurityError'); },
      setItem: function () { throw new DOMException('localStorage is not available', 'SecurityError'); },
      removeItem: function () {}
    },
    channel: window.BroadcastChannel ? new BroadcastChannel('sipprep') : null,
    locks: navigator.locks || null,
    passphrase: window.SipprepPassphrase,
    timers: { set: function (fn, ms) { return setTimeout(fn, ms); }, clear: function (id) { clearTimeout(id); } },
    now: Date.now,
    trace: window.__sipprepTrace || null,  // tests: every event of the state machine
    app: {
      draft: function () { return Module.UTF8ToString(Module._sipprep_draft_json()); },
      runPendingFrame: function () { if (hooks) hooks.runPendingFrame(); },
      saved: function () { Module._sipprep_draft_saved(); },
      failed: function (reason) { cstrings([reason], Module._sipprep_storage_failed); },
      elsewhere: function (yes) { Module._sipprep_editing_elsewhere(yes ? 1 : 0); },
      reloaded: function (text, goOn) { cstrings([text], function (p) { Module._sipprep_draft_reloaded(p, goOn ? 1 : 0); }); },
      locked: function (savedAt) { cstrings([savedAt], Module._sipprep_draft_locked); },
      lockChanged: function (on, error) { cstrings([error || ''], function (e) { Module._sipprep_draft_lock_changed(on ? 1 : 0, e); }); },
      unlocked: function (error, text) { cstrings([error, text], Module._sipprep_draft_unlocked); },
      autoErase: function (days, erased) { Module._sipprep_auto_erase_status(days, erased ? 1 : 0); }
    }
  });

  document.addEventListener('visibilitychange', function () {
    if (document.hidden) store.hidden(); else store.shown();
  });
  window.addEventListener('pagehide', function () { store.hidden(); });
  // localStorage changed by another tab: a rescue copy may have come after the lock did.
  window.addEventListener('storage', function (e) {
    if (e.key === null || e.key === window.SipprepDraftStore.KEYS.rescue) store.rescueChanged();
  });

  window.SipprepDraft = {
    ready: store.ready,
    init: function (h) { hooks = h; },
    load: store.load,
    started: store.started,
    editing: store.editing,
    changed: store.changed,
    flush: store.flush,
    clear: store.erase,
    keepUnreadable: store.keepUnreadable,
    keepVersion: store.keepVersion,
    listVersions: function () {
      store.listVersions().then(function (all) { cstrings([JSON.stringify(all)], Module._sipprep_versions_listed); });
    },
    restoreVersion: store.restoreVersion,
    takeOver: store.takeOver,
    lock: store.lock, unlock: store.unlock, removeLock: store.removeLock, setAutoErase: store.setAutoErase,
    status: store.status,
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
