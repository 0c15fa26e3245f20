// The draft on this device, in the page: web/draft-store.js (the state machine) given the
// browser — IndexedDB (web/store.js), localStorage, BroadcastChannel, Web Locks, the
// passphrase worker (web/age.js) and the app (web/bridge.js, and the
// hooks web/shell.js gives). The app asks through `draft`, as src/platform/seam.def lists.
import { app } from './bridge.js';
import { createStore } from './store.js';
import { createVersions } from './versions.js';
import { passphrase } from './age.js';
import { createDraftStore, KEYS } from './draft-store.js';

var hooks = null;  // runPendingFrame(), started()
// Each call of `app` that hands it a text answers whether it was told: false when the module
// had no memory for it (the app then hears that memory ran short).

// A draft the app could not be given (memory ran short when another tab's text, or a restored
// version, was handed over): the app keeps showing "open in another tab" instead of editing
// what it held before, the store writes this text (never the app's stale one), and
// "Fortsätt här" hands it over again.
var undelivered = null;  // { text }

function reload(text, goOn) {
  if (app.draft_reloaded(text, goOn)) {
    undelivered = null;
    return true;
  }
  undelivered = { text: text };
  app.editing_elsewhere(true);
  return false;
}

function tabId() {
  var a = new Uint32Array(2);
  crypto.getRandomValues(a);
  return a[0].toString(36) + a[1].toString(36);
}

export var db = createStore(window.indexedDB);
db.open();
export var versions = createVersions(db, Date.now);
var store = createDraftStore({
  tabId: tabId(),
  store: db,
  versions: versions,
  local: (function () { try { return window.localStorage; } catch (e) { return null; } })() || {
    getItem: function () { throw new DOMException('localStorage is not available', 'SecurityError'); },
    setItem: function () { throw new DOMException('localStorage is not available', 'SecurityError'); },
    removeItem: function () {}
  },
  channel: window.BroadcastChannel ? new BroadcastChannel('sipprep') : null,
  locks: navigator.locks || null,
  passphrase: passphrase,
  timers: { set: function (fn, ms) { return setTimeout(fn, ms); }, clear: function (id) { clearTimeout(id); } },
  now: Date.now,
  trace: window.__sipprepTrace || null,  // tests: every event of the state machine
  report: function (e) { window.reportError(e); },  // an app call that threw: the page's error event, and the store goes on
  app: {
    draft: function () {
      if (undelivered) return undelivered.text;
      // Before the app runs (or when it could not start) the draft is what was read.
      if (!hooks || !hooks.started()) return beforeApp;
      return app.draft_to_save();
    },
    runPendingFrame: function () { if (hooks) hooks.runPendingFrame(); },
    saved: app.draft_saved,
    failed: app.storage_failed,
    elsewhere: function (yes) {
      if (yes) undelivered = null;  // another tab edits: what it leaves comes with the next reload
      else if (undelivered) return;  // this tab's draft has not reached the app
      app.editing_elsewhere(yes);
    },
    reloaded: reload,
    locked: app.draft_locked,
    lockChanged: function (on, error) { return app.draft_lock_changed(on, error || ''); },
    unlocked: function (error, text) {
      if (app.draft_unlocked(error, text)) return true;
      // The opened draft did not fit: the person hears why and can try again.
      return app.draft_unlocked('age.memory', '');
    },
    autoErase: app.auto_erase_status
  }
});

var beforeApp = '';
store.ready.then(function () { beforeApp = store.load(); });

document.addEventListener('visibilitychange', function () {
  if (document.hidden) store.hidden(); else store.shown();
});
window.addEventListener('pagehide', function () { store.hidden(); });
// localStorage changed by another tab: a rescue copy may have come after the lock did.
window.addEventListener('storage', function (e) {
  if (e.key === null || e.key === KEYS.rescue) store.rescueChanged();
});

export var draft = {
  ready: store.ready,
  init: function (h) { hooks = h; },
  load: store.load,
  started: store.started,
  editing: function () { return !undelivered && store.editing(); },
  changed: store.changed,
  flush: store.flush,
  clear: store.erase,
  keepUnreadable: store.keepUnreadable,
  keepVersion: store.keepVersion,
  listVersions: function () {
    store.listVersions().then(function (all) { app.versions_listed(JSON.stringify(all)); });
  },
  restoreVersion: function (id) {
    // Storage that failed on the way is a restore that did not happen, said as one.
    store.restoreVersion(id).then(function (done) { if (!done) app.version_not_restored(); },
      function () { app.version_not_restored(); });
  },
  takeOver: function () {
    if (!undelivered) return store.takeOver();
    // "Fortsätt här" while this tab holds a draft the app has not got: it is handed over again.
    if (reload(undelivered.text, true)) app.editing_elsewhere(false);
    return undefined;
  },
  lock: store.lock, unlock: store.unlock, removeLock: store.removeLock, setAutoErase: store.setAutoErase,
  status: store.status,
  // For tests: the stored record as it is in IndexedDB.
  stored: function () {
    return db.get('draft', 'current').then(function (rec) {
      if (!rec) return null;
      return { rev: rec.rev, text: rec.text || null,
        sealedStart: rec.sealed ? new TextDecoder().decode(new Uint8Array(rec.sealed).subarray(0, 22)) : null };
    });
  }
};
