// Earlier versions of the draft, kept in IndexedDB on this device (web/store.js): one every ten minutes of
// work and one before anything replaces the draft (a new preparation, an opened file, a
// restore, another tab's newer save), the newest 20. "Radera allt" removes them with the draft.
(function () {
  'use strict';

  var STORE = 'versions';
  var KEEP = 20;
  var EVERY_MS = 10 * 60 * 1000;
  var lastAuto = 0;

  function run(mode, fn) {
    return window.SipprepStore.tx(STORE, mode, fn).then(function (result) {
      return result && 'result' in result ? result.result : undefined;
    });
  }

  // `kind`: why it was kept ("auto", "new", "open", "restore", "conflict").
  function keep(text, kind) {
    if (!text) return Promise.resolve();
    return run('readwrite', function (store) {
      store.add({ time: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), kind: kind, text: text });
      var keys = store.getAllKeys();
      keys.onsuccess = function () {
        var all = keys.result;
        for (var i = 0; i + KEEP < all.length; i++) store.delete(all[i]);
      };
    }).catch(function (e) { console.warn('earlier version not kept: ' + e); });
  }

  // Called after each save: at most one automatic version per ten minutes.
  function saved(text) {
    var now = Date.now();
    if (now - lastAuto < EVERY_MS) return;
    lastAuto = now;
    keep(text, 'auto');
  }

  // Newest first, without their texts.
  function list() {
    return run('readonly', function (store) { return store.getAll(); }).then(function (all) {
      return (all || []).reverse().map(function (v) { return { id: v.id, time: v.time, kind: v.kind }; });
    }).catch(function () { return []; });
  }

  function get(id) {
    return run('readonly', function (store) { return store.get(id); }).then(function (v) { return v ? v.text : ''; });
  }

  function clear() {
    lastAuto = 0;
    return run('readwrite', function (store) { store.clear(); }).catch(function () {});
  }

  window.SipprepVersions = { keep: keep, saved: saved, list: list, get: get, clear: clear };
})();
