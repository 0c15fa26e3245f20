// The app's IndexedDB database "sipprep" on this device: the draft (web/draft-store.js, keys
// 'current', 'meta', 'unreadable') and its earlier versions (web/versions.js). Version 2 added
// the draft, which before lived in localStorage (5 MB at most, no transactions).
var NAME = 'sipprep';
var VERSION = 2;

export function createStore(indexedDB) {
  var opening = null;

  function open() {
    if (opening) return opening;
    opening = new Promise(function (resolve, reject) {
      if (!indexedDB) { reject(new DOMException('IndexedDB is not available', 'NotSupportedError')); return; }
      var req;
      try { req = indexedDB.open(NAME, VERSION); } catch (e) { reject(e); return; }
      req.onupgradeneeded = function () {
        var db = req.result;
        if (!db.objectStoreNames.contains('versions')) db.createObjectStore('versions', { keyPath: 'id', autoIncrement: true });
        if (!db.objectStoreNames.contains('draft')) db.createObjectStore('draft');
      };
      req.onsuccess = function () {
        var db = req.result;
        // Another tab of a newer app version wants to upgrade: let it, and open again next time.
        db.onversionchange = function () { db.close(); opening = null; };
        resolve(db);
      };
      req.onerror = function () { reject(req.error); };
      req.onblocked = function () { reject(new DOMException('IndexedDB is blocked by another tab', 'InvalidStateError')); };
    });
    opening.catch(function () { opening = null; });
    return opening;
  }

  // Runs `fn(transaction)` in one transaction over `names` (one store's name or a list);
  // resolves with what fn returned once the transaction has committed, rejects when it fails
  // (quota, private mode …). With one name, fn gets the store first: fn(store, transaction).
  function tx(names, mode, fn) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(names, mode);
        var result;
        try {
          result = Array.isArray(names) ? fn(t) : fn(t.objectStore(names), t);
        } catch (e) {
          try { t.abort(); } catch (ignored) { /* already finished */ }
          reject(e);
          return;
        }
        t.oncomplete = function () { resolve(result); };
        t.onerror = t.onabort = function () { reject(t.error || new DOMException('transaction aborted', 'AbortError')); };
      });
    });
  }

  // One value by key (undefined when there is none).
  function get(name, key) {
    return tx(name, 'readonly', function (store) {
      var out = {};
      var req = store.get(key);
      req.onsuccess = function () { out.value = req.result; };
      return out;
    }).then(function (out) { return out.value; });
  }

  // open: the database opens (made, on a first visit) while the tab asks for the draft's lock,
  // not after it; a failure here is met again by the first transaction.
  return { tx: tx, get: get, open: function () { open().catch(function () {}); } };
}
