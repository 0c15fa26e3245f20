// Files protected with a passphrase, for the app (src/ui/app_passphrase.cpp through the host):
// the work runs in web/age-worker.js, started the first time it is needed, so the first load of
// the app does not grow for people who never use a passphrase.
// Every call answers exactly once, with a result or { error: catalog key }: the worker's own
// answer, 'passphrase.unavailable' when it cannot be started or loaded, or 'passphrase.timeout'
// when it has not answered in passphrase.timeoutMs (an answer after that is dropped).
import { app } from './bridge.js';
import { download } from './files.js';

// The work factors are the module's (src/core/age/age.hpp: 18 to protect, at most
// kMaxForeignWorkFactor to open a file from elsewhere; the app refuses a file that asks for more before it gets here).
// Two kinds of worker: the draft's, which keeps the locked draft's key while the tab is open,
// and one per foreign file opened, ended when it has answered: a file from elsewhere is never
// read where the draft's key is, and the memory its scrypt took (wasm memory never shrinks)
// goes back to the system at once.
var nextId = 1;

function Channel() {
  this.worker = null;
  this.waiting = {};
}

Channel.prototype.failAll = function () {
  var all = this.waiting;
  this.waiting = {};
  this.end();  // the next attempt loads it again (the network may be back)
  Object.keys(all).forEach(function (id) { all[id]({ error: 'passphrase.unavailable' }); });
};

Channel.prototype.end = function () {
  if (this.worker) this.worker.terminate();
  this.worker = null;
};

Channel.prototype.start = function () {
  var ch = this;
  try {
    this.worker = new Worker('age-worker.js');
  } catch (e) {
    this.worker = null;
    return false;
  }
  passphrase.started++;
  this.worker.onmessage = function (e) {
    var r = e.data || {};
    var done = ch.waiting[r.id];
    delete ch.waiting[r.id];
    if (done) {
      done(r);
    } else {  // an answer after its time-out: dropped, and wiped
      passphrase.late++;
      if (r.bytes) r.bytes.fill(0);
    }
    if (r.reload) ch.failAll();  // the module did not load in this worker
  };
  this.worker.onerror = function (e) { e.preventDefault(); ch.failAll(); };
  return true;
};

Channel.prototype.call = function (message, transfer) {
  var ch = this;
  if (!this.worker && !this.start()) return Promise.resolve({ error: 'passphrase.unavailable' });
  var id = nextId++;
  message.id = id;
  return new Promise(function (resolve) {
    var timer = 0;
    function finish(r) {
      clearTimeout(timer);
      passphrase.last = { op: message.op, ms: r.ms, error: r.error };
      resolve(r);
    }
    ch.waiting[id] = finish;
    timer = setTimeout(function () {
      if (ch.waiting[id] !== finish) return;
      delete ch.waiting[id];
      finish({ error: 'passphrase.timeout' });
    }, passphrase.timeoutMs);
    try {
      ch.worker.postMessage(message, transfer || []);
    } catch (e) {
      delete ch.waiting[id];
      finish({ error: 'passphrase.failed' });
    }
  });
};

var draftChannel = new Channel();
function call(message, transfer) { return draftChannel.call(message, transfer); }

// One call in a worker of its own, ended when it has answered (or timed out).
function callAlone(message, transfer) {
  var channel = new Channel();
  return channel.call(message, transfer).then(function (r) {
    channel.end();
    return r;
  });
}

// The unlocked file into the app's memory (web/bridge.js zeroes its copy after the call).
// Without room for it the app hears 'age.memory' instead (and, without room even for that,
// that memory ran short).
function toApp(error, bytes) {
  var none = new Uint8Array(0);
  if (!app.file_unlocked(error || '', bytes || none)) app.file_unlocked('age.memory', none);
}

export var passphrase = {
  last: null,  // the last operation: { op, ms, error } (tests and the benchmark read it)
  late: 0,     // answers that came after their time-out, dropped (tests read it)
  started: 0,  // workers started (tests read it)
  // How long a call may take before it is answered 'passphrase.timeout' (scrypt at the
  // highest work factor the app opens takes a few seconds on a slow phone). Tests shorten it.
  timeoutMs: 120000,

  downloadProtected: function (name, bytes, passphrase) {
    return call({ op: 'protect', bytes: bytes, passphrase: passphrase }, [bytes.buffer])
      .then(function (r) {
        if (!r.error) download(name, 'application/octet-stream', r.bytes);
        app.file_protected(name, r.error || '');
      });
  },

  // The stored draft, locked with a passphrase (web/draft-store.js): the worker keeps the key
  // while this tab has the draft open, so each save is sealed in milliseconds.
  // lockDraft answers { key: { recipient, identity } }: the draft's new X25519 key, its
  // identity sealed with the passphrase. unlockDraft opens `identity` with the passphrase and
  // the draft with it; without one (a draft locked before keys) the draft with the passphrase,
  // and answers a new key too.
  lockDraft: function (passphrase) {
    return call({ op: 'lock-draft', passphrase: passphrase });
  },
  unlockDraft: function (bytes, passphrase, identity) {
    return call({ op: 'unlock-draft', bytes: bytes, passphrase: passphrase, identity: identity || null },
      identity ? [bytes.buffer, identity.buffer] : [bytes.buffer]);
  },
  sealDraft: function (bytes) { return call({ op: 'seal-draft', bytes: bytes }, [bytes.buffer]); },
  // Sealed to the locked draft's recipient, without its key (a tab that lost the draft).
  sealTo: function (recipient, bytes) {
    return call({ op: 'seal-to', bytes: bytes, recipient: recipient }, [bytes.buffer]);
  },
  forgetDraftKey: function () { if (draftChannel.worker) call({ op: 'forget-draft' }); },

  unlock: function (bytes, passphrase) {
    return callAlone({ op: 'unlock', bytes: bytes, passphrase: passphrase }, [bytes.buffer])
      .then(function (r) {
        toApp(r.error, r.bytes);
        if (r.bytes) r.bytes.fill(0);
      });
  }
};
