// The passphrase work of the app (age v1 on libsodium: sipprep-age.js/.wasm), in a worker so that
// scrypt's second of work never freezes the page. Loaded the first time a file is protected or
// unlocked or the draft is locked (web/age.js); libsodium takes its random bytes from
// crypto.getRandomValues. Every message gets exactly one answer, { id, error } or a result: an
// exception here never reaches the page's worker.onerror (it happens inside a promise), so it is
// answered as one ('passphrase.failed').
'use strict';
var ready;
try {
  importScripts('sipprep-age.js');
  ready = SipprepAge();
} catch (e) {
  ready = Promise.reject(e);
}
ready.catch(function () {});  // answered per message below

// Memory the module could not give (malloc returned 0): answered as 'age.memory'.
function NoMemory() {}

// Copies `bytes` into the module for the call, then wipes and frees them.
function withBytes(M, bytes, fn) {
  var p = M._malloc(bytes.length || 1);
  if (!p) throw new NoMemory();
  M.HEAPU8.set(bytes, p);
  try { return fn(p, bytes.length); } finally { M.HEAPU8.fill(0, p, p + bytes.length); M._free(p); }
}

function run(M, m) {
  var empty = new Uint8Array(0);
  var enc = new TextEncoder();
  var pass = enc.encode(m.passphrase || '');
  // The second input: the locked draft's identity file (unlock-draft) or a recipient (seal-to).
  var second = m.identity || enc.encode(m.recipient || '');
  return withBytes(M, m.bytes || empty, function (p, n) {
    return withBytes(M, pass, function (q, pn) {
      return withBytes(M, second, function (k, kn) {
        switch (m.op) {
          case 'protect': return M._sipprep_age_encrypt(p, n, q, pn);
          case 'unlock': return M._sipprep_age_decrypt(p, n, q, pn);
          case 'lock-draft': return M._sipprep_age_lock_draft(q, pn);
          case 'unlock-draft': return M._sipprep_age_unlock_draft(p, n, q, pn, k, kn);
          case 'seal-draft': return M._sipprep_age_seal_draft(p, n);
          case 'seal-to': return M._sipprep_age_seal_to(p, n, k, kn);
          default: M._sipprep_age_forget_draft_key(); return 0;
        }
      });
    });
  });
}

// A new key for the locked draft (lock-draft, or unlock-draft of a draft locked before keys):
// { recipient, identity } or null.
function newKey(M) {
  var recipient = M.UTF8ToString(M._sipprep_age_recipient());
  if (!recipient) return null;
  var at = M._sipprep_age_identity_file();
  return { recipient: recipient, identity: M.HEAPU8.slice(at, at + M._sipprep_age_identity_file_size()) };
}

function answer(M, m) {
  var t0 = performance.now();
  var out = null, key = null;
  try {
    var result = run(M, m);
    var error = result ? M.UTF8ToString(result) : '';
    if (!error && m.op !== 'lock-draft' && m.op !== 'forget-draft') {
      var at = M._sipprep_age_output();
      out = M.HEAPU8.slice(at, at + M._sipprep_age_output_size());
    }
    if (!error) key = newKey(M);
    var transfer = (out ? [out.buffer] : []).concat(key ? [key.identity.buffer] : []);
    return { reply: { id: m.id, error: error, bytes: out, key: key, ms: performance.now() - t0 }, transfer: transfer };
  } catch (e) {
    if (!(e instanceof NoMemory)) console.error('passphrase worker: ' + (e && e.message ? e.message : e));
    return { reply: { id: m.id, error: e instanceof NoMemory ? 'age.memory' : 'passphrase.failed' }, transfer: [] };
  } finally {
    try { M._sipprep_age_clear(); } catch (e) { /* the module is broken; the answer says so */ }
  }
}

self.onmessage = function (e) {
  var m = e.data;
  ready.then(function (M) {
    var a = answer(M, m);
    self.postMessage(a.reply, a.transfer);
  }, function () {
    // The module did not load (the network, too little memory): the page starts a new worker
    // for the next attempt.
    self.postMessage({ id: m.id, error: 'passphrase.unavailable', reload: true });
  }).catch(function () {
    // Even posting the answer failed (it could not be cloned): a plain one.
    self.postMessage({ id: m.id, error: 'passphrase.failed' });
  });
};
