// Files protected with a passphrase, for the app (src/ui/app_passphrase.cpp through the host):
// the work runs in web/age-worker.js, started the first time it is needed, so the first load of
// the app does not grow for people who never use a passphrase.
(function () {
  'use strict';
  // The work factors are the module's (src/core/age/age.hpp: 18 to protect, at most 20 to open).
  var worker = null, nextId = 1, waiting = {};

  function failAll() {
    Object.keys(waiting).forEach(function (id) { waiting[id]({ error: 'passphrase.unavailable' }); });
    waiting = {};
    if (worker) worker.terminate();
    worker = null;  // the next attempt loads it again (the network may be back)
  }

  function call(message, transfer) {
    if (!worker) {
      try {
        worker = new Worker('age-worker.js');
      } catch (e) {
        return Promise.resolve({ error: 'passphrase.unavailable' });
      }
      worker.onmessage = function (e) {
        var done = waiting[e.data.id];
        delete waiting[e.data.id];
        if (done) done(e.data);
      };
      worker.onerror = function (e) { e.preventDefault(); failAll(); };
    }
    message.id = nextId++;
    return new Promise(function (resolve) {
      waiting[message.id] = function (r) {
        window.SipprepPassphrase.last = { op: message.op, ms: r.ms, error: r.error };
        resolve(r);
      };
      worker.postMessage(message, transfer || []);
    });
  }

  function toApp(error, bytes, fn) {
    var shell = window.SipprepShell;
    var ptr = Module._malloc(bytes ? bytes.length || 1 : 1);
    if (bytes) Module.HEAPU8.set(bytes, ptr);
    try {
      shell.withCString(error || '', function (e) { fn(e, ptr, bytes ? bytes.length : 0); });
    } finally {
      Module.HEAPU8.fill(0, ptr, ptr + (bytes ? bytes.length : 0));
      Module._free(ptr);
    }
  }

  window.SipprepPassphrase = {
    last: null,  // the last operation: { op, ms, error } (tests and the benchmark read it)

    downloadProtected: function (name, bytes, passphrase) {
      call({ op: 'protect', bytes: bytes, passphrase: passphrase }, [bytes.buffer])
        .then(function (r) {
          if (!r.error) window.SipprepShell.download(name, 'application/octet-stream', r.bytes);
          window.SipprepShell.withCString(name, function (n) {
            window.SipprepShell.withCString(r.error || '', function (e) { Module._sipprep_file_protected(n, e); });
          });
        });
    },

    // The stored draft, locked with a passphrase (web/shell.js): the worker keeps the key while
    // this tab has the draft open, so each save is sealed in milliseconds.
    lockDraft: function (passphrase) {
      return call({ op: 'lock-draft', passphrase: passphrase });
    },
    unlockDraft: function (bytes, passphrase) {
      return call({ op: 'unlock-draft', bytes: bytes, passphrase: passphrase },
        [bytes.buffer]);
    },
    sealDraft: function (bytes) { return call({ op: 'seal-draft', bytes: bytes }, [bytes.buffer]); },
    forgetDraftKey: function () { if (worker) call({ op: 'forget-draft' }); },

    unlock: function (bytes, passphrase) {
      call({ op: 'unlock', bytes: bytes, passphrase: passphrase }, [bytes.buffer])
        .then(function (r) {
          toApp(r.error, r.bytes, function (e, ptr, length) { Module._sipprep_file_unlocked(e, ptr, length); });
          if (r.bytes) r.bytes.fill(0);
        });
    }
  };
})();
