// Earlier versions of the draft, kept in IndexedDB on this device: one every ten minutes of
// work and one before anything replaces the draft (a new preparation, an opened file, a
// restore, another tab's newer save), the newest 20. "Radera allt" removes them with the draft.
(function () {
  'use strict';

  var DB = 'sipprep';
  var STORE = 'versions';
  var KEEP = 20;
  var EVERY_MS = 10 * 60 * 1000;
  var lastAuto = 0;

  function open() {
    return new Promise(function (resolve, reject) {
      if (!window.indexedDB) { reject(new Error('no IndexedDB')); return; }
      var req = indexedDB.open(DB, 1);
      req.onupgradeneeded = function () { req.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true }); };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }

  function run(mode, fn) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result = fn(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(result && 'result' in result ? result.result : undefined); };
        tx.onerror = tx.onabort = function () { db.close(); reject(tx.error); };
      });
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
