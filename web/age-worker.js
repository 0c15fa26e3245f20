// The passphrase work of the app (age v1 on libsodium: sipprep-age.js/.wasm), in a worker so that
// scrypt's second of work never freezes the page. Loaded the first time a file is protected or
// unlocked (web/age.js); libsodium takes its random bytes from crypto.getRandomValues.
'use strict';
importScripts('sipprep-age.js');
var ready = SipprepAge();

self.onmessage = function (e) {
  var m = e.data;
  ready.then(function (M) {
    var pass = new TextEncoder().encode(m.passphrase);
    var data = m.bytes;
    var p = M._malloc(data.length || 1), q = M._malloc(pass.length || 1);
    M.HEAPU8.set(data, p);
    M.HEAPU8.set(pass, q);
    var t0 = performance.now();
    var error = M.UTF8ToString(m.op === 'protect'
      ? M._sipprep_age_encrypt(p, data.length, q, pass.length, m.workFactor)
      : M._sipprep_age_decrypt(p, data.length, q, pass.length, m.maxWorkFactor));
    var ms = performance.now() - t0;
    M.HEAPU8.fill(0, q, q + pass.length);  // no copy of the passphrase stays in the module's memory
    M._free(p);
    M._free(q);
    var out = null;
    if (!error) {
      var at = M._sipprep_age_output();
      out = M.HEAPU8.slice(at, at + M._sipprep_age_output_size());
    }
    M._sipprep_age_clear();
    self.postMessage({ id: m.id, error: error, bytes: out, ms: ms }, out ? [out.buffer] : []);
  }, function () {
    self.postMessage({ id: m.id, error: 'passphrase.unavailable' });
  });
};
