// The page around the canvas: checks what the browser can do, loads the app, carries pointer
// input, downloads and frame requests between the browser and the C++ side. Keyboard and text
// go through the DOM mirror (mirror.js).
(function () {
  'use strict';

  var loading = document.getElementById('loading');
  var fatalBox = document.getElementById('fatal');
  var canvas = document.getElementById('canvas');

  // Shown in both languages: the app's language setting is not known yet.
  var PROBLEMS = {
    'no-wasm': ['Webbläsaren kan inte köra WebAssembly.',
                'This browser cannot run WebAssembly.'],
    'no-webgl2': ['Webbläsaren kan inte visa WebGL2-grafik, som appen behöver. Prova en nyare webbläsare, eller slå på maskinvaruacceleration i inställningarna.',
                  'This browser cannot show WebGL2 graphics, which the app needs. Try a newer browser, or turn on hardware acceleration in its settings.'],
    'load-failed': ['Appen kunde inte laddas. Kontrollera anslutningen och ladda om sidan.',
                    'The app could not be loaded. Check the connection and reload the page.'],
    'crashed': ['Något gick fel i appen. Ladda om sidan.',
                'Something went wrong in the app. Reload the page.']
  };

  function fatal(reason) {
    var text = PROBLEMS[reason] || PROBLEMS.crashed;
    fatalBox.textContent = '';
    var h = document.createElement('h1');
    h.textContent = 'Förbered din SIP kan inte starta';
    fatalBox.appendChild(h);
    [text[0], text[1]].forEach(function (t, i) {
      var p = document.createElement('p');
      p.textContent = t;
      if (i === 1) p.lang = 'en';
      fatalBox.appendChild(p);
    });
    if (!PROBLEMS[reason] && reason) {
      var detail = document.createElement('p');
      detail.textContent = '(' + reason + ')';
      fatalBox.appendChild(detail);
    }
    loading.hidden = true;
    fatalBox.hidden = false;
    window.__appFailed = reason || 'crashed';
  }

  function hasWebGL2() {
    try { return !!document.createElement('canvas').getContext('webgl2'); } catch (e) { return false; }
  }

  // ---------------------------------------------------------------- frames on demand
  var started = false;
  var framePending = false;
  window.__frames = 0;
  window.__appReady = false;

  function runFrame() {
    framePending = false;
    var dpr = window.devicePixelRatio || 1;
    var rect = canvas.getBoundingClientRect();
    var w = Math.max(1, rect.width), h = Math.max(1, rect.height);
    var pw = Math.round(w * dpr), ph = Math.round(h * dpr);
    if (canvas.width !== pw || canvas.height !== ph) { canvas.width = pw; canvas.height = ph; }
    var t0 = performance.now();
    var more = Module._sipprep_frame(w, h, dpr);
    if (window.__frameTimes) window.__frameTimes.push(performance.now() - t0);  // bench/typing.mjs
    if (more) requestFrame();
  }

  function requestFrame() {
    if (started && !framePending) {
      framePending = true;
      requestAnimationFrame(runFrame);
    }
  }

  function frameDrawn() {
    window.__frames++;
    if (!window.__appReady) {
      performance.mark('sipprep:first-frame');
      window.__appReady = true;
      loading.hidden = true;
    }
  }

  function watchPixelRatio() {
    // Browser zoom and moving to another screen change devicePixelRatio.
    var query = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
    query.addEventListener('change', function () { Module._sipprep_wake(); watchPixelRatio(); }, { once: true });
  }

  // ---------------------------------------------------------------- strings to C++
  function withCString(str, fn) {
    var size = Module.lengthBytesUTF8(str) + 1;
    var ptr = Module._malloc(size);
    Module.stringToUTF8(str, ptr, size);
    try { return fn(ptr); } finally { Module._free(ptr); }
  }

  // ---------------------------------------------------------------- pointer
  function modifiers(e) {
    return (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
  }

  function installInput() {
    function pointerPos(e) {
      var r = canvas.getBoundingClientRect();
      Module._sipprep_mouse_pos(e.clientX - r.left, e.clientY - r.top);
    }
    var BUTTONS = [0, 2, 1];  // DOM left, middle, right -> ImGui left, right, middle
    // Touch: a drag scrolls (the canvas has no scrolling of its own), a tap clicks.
    var touch = null;  // { id, x, y, lastY, scrolling }
    var TAP_SLOP = 8;
    var PX_PER_WHEEL_STEP = 90;  // what one wheel step scrolls in the app (5 lines of text)
    canvas.addEventListener('pointermove', function (e) {
      if (touch && e.pointerId === touch.id) {
        if (!touch.scrolling && Math.abs(e.clientY - touch.y) + Math.abs(e.clientX - touch.x) > TAP_SLOP) touch.scrolling = true;
        if (touch.scrolling) {
          Module._sipprep_wheel(0, (e.clientY - touch.lastY) / PX_PER_WHEEL_STEP);
          touch.lastY = e.clientY;
        }
        return;
      }
      pointerPos(e);
    });
    canvas.addEventListener('pointerdown', function (e) {
      e.preventDefault();  // focus stays where the app puts it (the mirror), no text selection
      canvas.setPointerCapture(e.pointerId);
      if (e.pointerType === 'touch') {
        touch = { id: e.pointerId, x: e.clientX, y: e.clientY, lastY: e.clientY, scrolling: false };
        pointerPos(e);  // the app scrolls what is under the finger
        return;
      }
      pointerPos(e);
      if (e.button >= 0 && e.button < 3) Module._sipprep_mouse_button(BUTTONS[e.button], 1, modifiers(e));
    });
    canvas.addEventListener('pointerup', function (e) {
      if (touch && e.pointerId === touch.id) {
        var tapped = !touch.scrolling;
        touch = null;
        if (tapped) {
          pointerPos(e);
          Module._sipprep_mouse_button(0, 1, 0);
          Module._sipprep_mouse_button(0, 0, 0);
        }
        return;
      }
      pointerPos(e);
      if (e.button >= 0 && e.button < 3) Module._sipprep_mouse_button(BUTTONS[e.button], 0, modifiers(e));
    });
    canvas.addEventListener('pointercancel', function (e) { if (touch && e.pointerId === touch.id) touch = null; });
    canvas.addEventListener('pointerleave', function (e) {
      if (e.pointerType === 'mouse' && !e.buttons) Module._sipprep_mouse_pos(-3.4e38, -3.4e38);
    });
    canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
    canvas.addEventListener('wheel', function (e) {
      if (e.ctrlKey) return;  // pinch and Ctrl+wheel zoom the page
      var unit = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 3 : 1 / 100;
      Module._sipprep_wheel(-e.deltaX * unit, -e.deltaY * unit);
      e.preventDefault();
    }, { passive: false });

    window.addEventListener('resize', function () { Module._sipprep_wake(); });
    window.addEventListener('blur', function () { Module._sipprep_blur(); });
    if (window.ResizeObserver) new ResizeObserver(function () { Module._sipprep_wake(); }).observe(canvas);
    watchPixelRatio();
  }

  function setCursor(css) { canvas.style.cursor = css; }

  // ---------------------------------------------------------------- files
  function download(name, mime, bytes) {
    var url = URL.createObjectURL(new Blob([bytes], { type: mime }));
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 30000);
  }

  // ---------------------------------------------------------------- the draft on this device
  var DRAFT_KEY = 'sipprep.draft.v1';
  var DRAFT_LIMIT = 4 * 1024 * 1024;  // characters; browsers allow about 5 M per site
  var REV_KEY = DRAFT_KEY + '.rev';  // counts writes: a tab writes only over what it read
  var SAVED_AT_KEY = DRAFT_KEY + '.savedAt';
  var AUTO_ERASE_KEY = 'sipprep.autoEraseDays';  // a setting of this computer, not of a draft
  // "Lås med lösenord": the draft is then stored only as an age file (base64) under this key.
  var LOCKED_KEY = DRAFT_KEY + '.locked';
  var locked = false;        // this tab holds the locked draft's key: its saves are sealed with it
  var storedLocked = false;  // the stored draft is locked, whether or not this tab has opened it
  var sealing = false;       // a sealed save is on its way
  var autoErased = false;
  var draftPending = false;  // the app's draft changed since it was last written
  var draftTimer = 0;
  var knownRev = 0;          // the revision this tab's draft is based on
  var editing = true;        // this tab is the one that writes (see "One tab edits" below)

  function storageFailed(reason) {
    withCString(String(reason), function (p) { Module._sipprep_storage_failed(p); });
  }

  var lastWritten = null;    // what this tab wrote last (handed over on "take over")

  // Another tab wrote a newer revision, or erased what this tab had written. (localStorage may
  // show another tab's writes a moment late; a lower number is that delay, not a conflict.)
  function newerElsewhere() {
    var stored = storedRev();
    if (stored > knownRev) return true;
    try { return knownRev > 0 && stored === 0 && !storedDraftExists(); } catch (e) { return false; }
  }

  function storedDraftExists() {
    return localStorage.getItem(DRAFT_KEY) !== null || localStorage.getItem(LOCKED_KEY) !== null;
  }

  function storedRev() {
    try { return Number(localStorage.getItem(REV_KEY) || 0); } catch (e) { return knownRev; }
  }

  // The app serialises its draft only here: at most twice a second while someone types, and
  // at once when the page is hidden or closed.
  function writeDraft() {
    if (draftTimer) { clearTimeout(draftTimer); draftTimer = 0; }
    // Input the app has not drawn yet (a hidden tab gets few animation frames) goes in first.
    if (framePending && started) runFrame();
    if (!draftPending || !editing) return;
    // A locked draft this tab has not opened is never written over; only erasing or starting
    // anew replace it (clearDraft).
    if (storedLocked && !locked) { draftPending = false; return; }
    if (sealing) return;  // saved again when the sealed save on its way is stored
    draftPending = false;
    // Someone else wrote (or erased) since this tab read: never put an older state over it.
    if (newerElsewhere()) {
      // What this tab had not saved yet is kept as an earlier version, not lost (unless the
      // draft was erased: then nothing of it may stay; nor when it is locked: no readable copies).
      if (storedRev() > knownRev && !locked) window.SipprepVersions.keep(currentDraft(), 'conflict');
      stopEditing();
      return;
    }
    var text = currentDraft();
    if (text.length > DRAFT_LIMIT) { storageFailed('too large: ' + Math.round(text.length / 1024) + ' kB'); return; }
    if (locked) { sealAndStore(text); return; }
    store(text, text);
  }

  // Writes the draft (`value`: the text, or the sealed file in base64 when locked).
  function store(value, text) {
    try {
      localStorage.setItem(locked ? LOCKED_KEY : DRAFT_KEY, value);
      localStorage.removeItem(locked ? DRAFT_KEY : LOCKED_KEY);
      localStorage.setItem(REV_KEY, String(knownRev + 1));
      localStorage.setItem(SAVED_AT_KEY, String(Date.now()));
      knownRev += 1;
      lastWritten = text;
      Module._sipprep_draft_saved();
      if (!locked) window.SipprepVersions.saved(text);
    } catch (e) {
      storageFailed(e && e.name ? e.name : String(e));
    }
  }

  function sealAndStore(text) {
    sealing = true;
    window.SipprepPassphrase.sealDraft(new TextEncoder().encode(text)).then(function (r) {
      sealing = false;
      if (r.error) {
        storageFailed('the passphrase part of the app could not be loaded');
      } else if (locked) {  // (the lock may have been removed meanwhile: then the next save is plain)
        if (newerElsewhere()) { stopEditing(); return; }
        store(toBase64(r.bytes), text);
      }
      if (draftPending) writeDraft();
    });
  }

  function toBase64(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }

  function fromBase64(text) {
    var s = atob(text), bytes = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
    return bytes;
  }

  function draftChanged() {
    draftPending = true;
    if (!draftTimer) draftTimer = setTimeout(writeDraft, 500);
  }

  function clearDraft() {
    draftPending = false;
    if (draftTimer) { clearTimeout(draftTimer); draftTimer = 0; }
    locked = false;
    storedLocked = false;
    window.SipprepPassphrase.forgetDraftKey();
    try {
      localStorage.removeItem(DRAFT_KEY);
      localStorage.removeItem(LOCKED_KEY);
      localStorage.removeItem(DRAFT_KEY + '.unreadable');
      localStorage.removeItem(REV_KEY);
      localStorage.removeItem(SAVED_AT_KEY);
    } catch (e) { /* nothing stored, nothing to erase */ }
    knownRev = 0;
    lastWritten = '';
    window.SipprepVersions.clear();
  }

  // ---------------------------------------------------------------- earlier versions
  function currentDraft() { return Module.UTF8ToString(Module._sipprep_draft_json()); }

  // No readable copies of a locked draft.
  function keepVersion(kind) { if (!locked && !storedLocked) window.SipprepVersions.keep(currentDraft(), kind); }

  function listVersions() {
    window.SipprepVersions.list().then(function (all) {
      withCString(JSON.stringify(all), function (p) { Module._sipprep_versions_listed(p); });
    });
  }

  function restoreVersion(id) {
    window.SipprepVersions.get(id).then(function (text) {
      if (!text) return;
      window.SipprepVersions.keep(currentDraft(), 'restore').then(function () {
        withCString(text, function (p) { Module._sipprep_draft_reloaded(p); });
        draftChanged();
        writeDraft();
      });
    });
  }

  // ---------------------------------------------------------------- one tab edits
  // The tab holding the Web Lock "sipprep-editor" writes the draft; any other tab of the app
  // says so and offers to continue there. Continuing asks the editing tab (BroadcastChannel) to
  // save and let go, then reads what it left. Without Web Locks, the revision check above still
  // keeps an older state from being written over a newer one.
  var channel = window.BroadcastChannel ? new BroadcastChannel('sipprep') : null;
  var releaseLock = null;

  function claimEditing(wait) {
    if (!navigator.locks) return Promise.resolve(true);
    return new Promise(function (resolve) {
      navigator.locks.request('sipprep-editor', wait ? {} : { ifAvailable: true }, function (lock) {
        if (!lock) { resolve(false); return undefined; }
        resolve(true);
        return new Promise(function (release) { releaseLock = release; });
      }).catch(function () { resolve(true); });
    });
  }
  var editingClaim = claimEditing(false);

  function stopEditing() {
    writeDraft();
    editing = false;
    draftPending = false;
    if (releaseLock) { releaseLock(); releaseLock = null; }
    if (started) Module._sipprep_editing_elsewhere(1);
  }

  // The editing tab answers "released" after its last write; the lock alone is not waited on,
  // because a tab that could not take the lock (or a browser without Web Locks) still writes.
  var released = null;
  function takeOver() {
    var answer = new Promise(function (resolve) {
      released = resolve;
      setTimeout(function () { resolve(null); }, channel ? 1000 : 0);
    });
    if (channel) channel.postMessage({ type: 'take-over' });
    Promise.all([claimEditing(true), answer]).then(function (results) {
      var handed = results[1];  // what the other tab wrote last; localStorage may lag behind it
      editing = true;
      var text = '';
      if (handed) {
        knownRev = handed.rev;
        text = handed.text;
      } else {
        knownRev = storedRev();
        try { text = localStorage.getItem(DRAFT_KEY) || ''; } catch (e) { /* said when saving */ }
      }
      // A locked draft this tab has no key for: the passphrase is asked for again.
      var lockedThere = false;
      try { lockedThere = localStorage.getItem(LOCKED_KEY) !== null; } catch (e) { /* said when saving */ }
      storedLocked = lockedThere;
      if (lockedThere && !locked) text = '';
      withCString(text, function (p) { Module._sipprep_draft_reloaded(p); });
      if (lockedThere && !locked) tellLocked();
      Module._sipprep_editing_elsewhere(0);
    });
  }

  // ---------------------------------------------------------------- "Lås med lösenord"
  function savedAtIso() {
    var at = 0;
    try { at = Number(localStorage.getItem(SAVED_AT_KEY) || 0); } catch (e) { /* unknown */ }
    return at ? new Date(at).toISOString().replace(/\.\d+Z$/, 'Z') : '';
  }

  function tellLocked() { withCString(savedAtIso(), function (p) { Module._sipprep_draft_locked(p); }); }

  function tellLockChanged(on, error) {
    withCString(error || '', function (e) { Module._sipprep_draft_lock_changed(on ? 1 : 0, e); });
  }

  function lockDraft(passphrase) {
    window.SipprepPassphrase.lockDraft(passphrase).then(function (r) {
      if (r.error) { tellLockChanged(false, r.error); return; }
      locked = true;
      storedLocked = true;
      // Nothing readable stays beside the locked draft: earlier versions and kept-aside copies go.
      window.SipprepVersions.clear();
      try { localStorage.removeItem(DRAFT_KEY + '.unreadable'); } catch (e) { /* nothing kept */ }
      draftPending = true;
      writeDraft();
      tellLockChanged(true, '');
    });
  }

  function unlockDraft(passphrase) {
    var stored = '';
    try { stored = localStorage.getItem(LOCKED_KEY) || ''; } catch (e) { /* said below */ }
    var answer = stored ? window.SipprepPassphrase.unlockDraft(fromBase64(stored), passphrase)
      : Promise.resolve({ error: '', bytes: null });  // erased meanwhile (another tab): nothing to open
    answer.then(function (r) {
      if (!r.error) locked = true;
      var text = r.bytes ? new TextDecoder().decode(r.bytes) : '';
      withCString(r.error || '', function (e) {
        withCString(text, function (t) { Module._sipprep_draft_unlocked(e, t); });
      });
    });
  }

  function removeDraftLock() {
    window.SipprepPassphrase.forgetDraftKey();
    locked = false;
    storedLocked = false;
    draftPending = true;
    writeDraft();  // plain again; the sealed copy is removed with this write
    tellLockChanged(false, '');
  }

  if (channel) {
    channel.onmessage = function (ev) {
      var type = ev.data && ev.data.type;
      if (type === 'take-over' && editing) {
        stopEditing();
        var text = lastWritten;
        if (text === null) try { text = localStorage.getItem(DRAFT_KEY) || ''; } catch (e) { text = ''; }
        channel.postMessage({ type: 'released', rev: knownRev, text: text });
      } else if (type === 'released' && released) {
        released({ rev: ev.data.rev, text: ev.data.text });
        released = null;
      }
    };
  }

  function keepUnreadableDraft(text) {
    try { localStorage.setItem(DRAFT_KEY + '.unreadable', text); } catch (e) { storageFailed(e && e.name ? e.name : String(e)); }
  }

  function autoEraseDays() {
    try { return Number(localStorage.getItem(AUTO_ERASE_KEY) || 0); } catch (e) { return 0; }
  }

  function setAutoErase(days) {
    try {
      if (days > 0) localStorage.setItem(AUTO_ERASE_KEY, String(days));
      else localStorage.removeItem(AUTO_ERASE_KEY);
    } catch (e) { /* the storage banner says it */ }
  }

  function loadDraft() {
    try {
      // A draft nobody has written in for longer than the chosen time is removed unread.
      var days = autoEraseDays();
      var savedAt = Number(localStorage.getItem(SAVED_AT_KEY) || 0);
      if (days > 0 && savedAt && Date.now() - savedAt > days * 86400000 && storedDraftExists()) {
        clearDraft();
        autoErased = true;
      }
      knownRev = storedRev();
      storedLocked = localStorage.getItem(LOCKED_KEY) !== null;
      if (storedLocked) return '';  // the app asks for the passphrase (tellLocked at start)
      return localStorage.getItem(DRAFT_KEY) || '';
    } catch (e) {
      setTimeout(function () { storageFailed(e && e.name ? e.name : String(e)); }, 0);
      return '';
    }
  }

  // Nothing typed is lost when the tab is hidden, closed or the phone locks.
  document.addEventListener('visibilitychange', function () { if (document.hidden) writeDraft(); });
  window.addEventListener('pagehide', writeDraft);

  // ---------------------------------------------------------------- opening files
  // `dropped`: the file came by drag and drop, not from the picker the app opened.
  function openFile(file, dropped) {
    if (!file) return;
    file.arrayBuffer().then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      var ptr = Module._malloc(bytes.length || 1);
      Module.HEAPU8.set(bytes, ptr);
      try {
        withCString(file.name, function (n) { Module._sipprep_open_file(n, ptr, bytes.length, dropped ? 1 : 0); });
      } finally {
        Module._free(ptr);
      }
    }, function (e) {
      withCString(file.name, function (n) {
        withCString('', function (d) { Module._sipprep_open_file(n, d, 0, dropped ? 1 : 0); });
      });
    });
  }

  var picker = null;
  function pickFile() {
    if (!picker) {
      picker = document.createElement('input');
      picker.type = 'file';
      picker.accept = '.json,application/json';
      picker.hidden = true;
      picker.addEventListener('change', function () {
        if (picker.files[0]) openFile(picker.files[0], false);
        else Module._sipprep_file_pick_cancelled();
        picker.value = '';
      });
      // Closing the picker without a file leaves nothing behind (browsers without the event
      // still never take a dropped file as the one the picker was for).
      picker.addEventListener('cancel', function () { Module._sipprep_file_pick_cancelled(); });
      document.body.appendChild(picker);
    }
    picker.click();
  }

  function installDrop() {
    window.addEventListener('dragover', function (e) { e.preventDefault(); });
    window.addEventListener('drop', function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length) openFile(e.dataTransfer.files[0], true);
    });
  }

  // ---------------------------------------------------------------- clipboard
  function copyText(text) {
    function fallback() {
      var area = document.createElement('textarea');
      area.value = text;
      area.className = 'print-frame';
      document.body.appendChild(area);
      area.select();
      try { document.execCommand('copy'); } finally { area.remove(); }
    }
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(fallback);
    else fallback();
  }

  // ---------------------------------------------------------------- printing
  function printHtml(title, html) {
    var frame = document.createElement('iframe');
    frame.title = title;
    frame.className = 'print-frame';
    frame.srcdoc = html;
    frame.onload = function () {
      frame.contentWindow.focus();
      frame.contentWindow.print();
      setTimeout(function () { frame.remove(); }, 1000);
    };
    document.body.appendChild(frame);
  }

  // ---------------------------------------------------------------- start
  // The font loads beside the WebAssembly; the first frame waits for it (briefly), so the page
  // never flashes in a fallback font.
  var fontBytes = fetch('app-font.ttf').then(function (r) {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.arrayBuffer();
  });

  function start() {
    performance.mark('sipprep:runtime-ready');
    // Ask the browser not to clear the draft when space runs short (Safari, Firefox ask the person).
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
    installInput();
    installDrop();
    fontBytes.then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      var ptr = Module._malloc(bytes.length);
      Module.HEAPU8.set(bytes, ptr);
      Module._sipprep_set_font(ptr, bytes.length);
      Module._free(ptr);
    }, function (e) {
      console.warn('app font not loaded, using the built-in font: ' + e.message);
    }).then(function () {
      return editingClaim;
    }).then(function (mine) {
      editing = mine;
      started = true;
      Module._sipprep_auto_erase_status(autoEraseDays(), autoErased ? 1 : 0);
      if (storedLocked) tellLocked();
      if (!mine) Module._sipprep_editing_elsewhere(1);
      requestFrame();
    });
  }

  window.SipprepShell = {
    start: start, fatal: fatal, requestFrame: requestFrame, frameDrawn: frameDrawn,
    download: download, setCursor: setCursor, withCString: withCString,
    draftChanged: draftChanged, takeOver: takeOver, setAutoErase: setAutoErase, keepVersion: keepVersion, listVersions: listVersions,
    restoreVersion: restoreVersion, lockDraft: lockDraft, unlockDraft: unlockDraft, removeDraftLock: removeDraftLock, clearDraft: clearDraft, keepUnreadableDraft: keepUnreadableDraft, loadDraft: loadDraft, flushDraft: writeDraft,
    pickFile: pickFile, openFile: openFile, printHtml: printHtml, copyText: copyText
  };

  // A small accessor for tests and for people who want to see their data: the core's state.
  window.sipprep = {
    state: function () { return JSON.parse(Module.UTF8ToString(Module._sipprep_state_json())); },
    storage: function () {
      return { editing: editing, revision: knownRev, stored: storedRev(), pending: draftPending, locked: locked, storedLocked: storedLocked };
    }
  };

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') { fatal('no-wasm'); return; }
  if (!hasWebGL2()) { fatal('no-webgl2'); return; }

  // The WebAssembly compiles while sipprep.js downloads and runs (streaming where the server
  // says application/wasm), instead of after it.
  performance.mark('sipprep:shell');
  var wasmModule = (WebAssembly.compileStreaming
    ? WebAssembly.compileStreaming(fetch('sipprep.wasm')).catch(function () {
        return fetch('sipprep.wasm').then(function (r) { return r.arrayBuffer(); }).then(WebAssembly.compile);
      })
    : fetch('sipprep.wasm').then(function (r) { return r.arrayBuffer(); }).then(WebAssembly.compile));

  window.Module = {
    instantiateWasm: function (imports, receive) {
      wasmModule.then(function (module) {
        performance.mark('sipprep:wasm-compiled');
        return WebAssembly.instantiate(module, imports).then(function (instance) { receive(instance, module); });
      }).catch(function (e) {
        console.error(e);
        fatal('load-failed');
      });
      return {};
    },
    canvas: canvas,
    print: function (text) { console.log(text); },
    printErr: function (text) { console.error(text); },
    onAbort: function () { fatal('crashed'); }
  };
  var script = document.createElement('script');
  script.src = 'sipprep.js';
  script.onerror = function () { fatal('load-failed'); };
  document.body.appendChild(script);
})();
