// Earlier versions of the draft, kept in IndexedDB on this device (web/store.js): one every ten
// minutes of work and one before anything replaces the draft (a new preparation, an opened file,
// a restore, another tab's newer save), the newest 20. "Radera allt" removes them with the draft.
// Each one is added in a transaction that first checks the draft: a version of a draft that has
// been erased meanwhile, or a readable one beside a locked draft, is never added (docs/draft-store.md).
var STORE = 'versions';
var KEEP = 20;
var EVERY_MS = 10 * 60 * 1000;

export function createVersions(store, now) {
  var lastAuto = 0;

  // `entry`: { text } or, for a locked draft, { sealed }; `kind`: why it was kept ("auto",
  // "new", "open", "restore", "conflict"); `gen`: the generation of the draft it belongs to.
  // Resolves true (kept, or erased since), false (refused by the browser), or, for text
  // beside a draft locked meanwhile, { locked: true, recipient } (nothing kept).
  function keep(entry, kind, gen) {
    if (!entry || !(entry.text || entry.sealed)) return Promise.resolve();
    return store.tx(['draft', STORE], 'readwrite', function (t) {
      var draft = t.objectStore('draft');
      var meta = draft.get('meta');
      var key = draft.get('key');
      var current = draft.get('current');
      var out = { locked: false, recipient: null };
      current.onsuccess = function () {
        if ((meta.result ? meta.result.gen : 0) !== gen) return;  // erased since
        // Locked since: nothing readable beside it. The caller may seal the words to the
        // draft's recipient (stored in plain beside it) and keep them so.
        if (entry.text && current.result && current.result.sealed) {
          out.locked = true;
          out.recipient = key.result ? key.result.recipient : null;
          return;
        }
        var versions = t.objectStore(STORE);
        var v = { time: new Date(now()).toISOString().replace(/\.\d+Z$/, 'Z'), kind: kind };
        if (entry.sealed) v.sealed = entry.sealed; else v.text = entry.text;
        versions.add(v);
        var keys = versions.getAllKeys();
        keys.onsuccess = function () {
          var all = keys.result;
          for (var i = 0; i + KEEP < all.length; i++) versions.delete(all[i]);
        };
      };
      return out;
    }).then(function (out) { return out.locked ? out : true; }, function () { return false; });
  }

  // Called after each save: at most one automatic version per ten minutes.
  function saved(text, gen) {
    var t = now();
    if (t - lastAuto < EVERY_MS) return Promise.resolve();
    lastAuto = t;
    return keep({ text: text }, 'auto', gen);
  }

  // Newest first, without their texts.
  function list() {
    return store.tx(STORE, 'readonly', function (s) { return s.getAll(); }).then(function (req) {
      return (req.result || []).reverse().map(function (v) {
        var out = { id: v.id, time: v.time, kind: v.kind };
        if (v.sealed) out.locked = true;
        return out;
      });
    }).catch(function () { return []; });
  }

  // { text } or { sealed }, or null.
  function get(id) {
    return store.tx(STORE, 'readonly', function (s) { return s.get(id); }).then(function (req) { return req.result || null; });
  }

  // The readable ones, with their texts (locking seals them).
  function readable() {
    return store.tx(STORE, 'readonly', function (s) { return s.getAll(); }).then(function (req) {
      return (req.result || []).filter(function (v) { return typeof v.text === 'string'; });
    });
  }

  return { keep: keep, saved: saved, list: list, get: get, readable: readable, forget: function () { lastAuto = 0; } };
}
