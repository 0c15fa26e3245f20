// The passphrase work of the app (age v1 on libsodium: sipprep-age.js/.wasm), in a worker so that
// scrypt's second of work never freezes the page. Loaded the first time a file is protected or
// unlocked or the draft is locked (web/age.js); libsodium takes its random bytes from
// crypto.getRandomValues.
'use strict';
importScripts('sipprep-age.js');
var ready = SipprepAge();

// Copies `bytes` into the module for the call, then wipes and frees them.
function withBytes(M, bytes, fn) {
  var p = M._malloc(bytes.length || 1);
  M.HEAPU8.set(bytes, p);
  try { return fn(p, bytes.length); } finally { M.HEAPU8.fill(0, p, p + bytes.length); M._free(p); }
}

function run(M, m) {
  var empty = new Uint8Array(0);
  var pass = new TextEncoder().encode(m.passphrase || '');
  return withBytes(M, m.bytes || empty, function (p, n) {
    return withBytes(M, pass, function (q, pn) {
      switch (m.op) {
        case 'protect': return M._sipprep_age_encrypt(p, n, q, pn);
        case 'unlock': return M._sipprep_age_decrypt(p, n, q, pn);
        case 'lock-draft': return M._sipprep_age_lock_draft(q, pn);
        case 'unlock-draft': return M._sipprep_age_unlock_draft(p, n, q, pn);
        case 'seal-draft': return M._sipprep_age_seal_draft(p, n);
        default: M._sipprep_age_forget_draft_key(); return 0;
      }
    });
  });
}

self.onmessage = function (e) {
  var m = e.data;
  ready.then(function (M) {
    var t0 = performance.now();
    var result = run(M, m);
    var error = result ? M.UTF8ToString(result) : '';
    var ms = performance.now() - t0;
    var out = null;
    if (!error && m.op !== 'lock-draft' && m.op !== 'forget-draft') {
      var at = M._sipprep_age_output();
      out = M.HEAPU8.slice(at, at + M._sipprep_age_output_size());
    }
    M._sipprep_age_clear();
    self.postMessage({ id: m.id, error: error, bytes: out, ms: ms }, out ? [out.buffer] : []);
  }, function () {
    self.postMessage({ id: m.id, error: 'passphrase.unavailable' });
  });
};
