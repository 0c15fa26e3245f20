// The page around the canvas: checks what the browser can do, loads the app, and carries
// input, text, clipboard, downloads and frame requests between the browser and the C++ side.
(function () {
  'use strict';

  var loading = document.getElementById('loading');
  var fatalBox = document.getElementById('fatal');
  var canvas = document.getElementById('canvas');
  var sink = document.getElementById('text-sink');

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
    if (Module._sipprep_frame(w, h, dpr)) requestFrame();
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

  function sendText(text) {
    if (text) withCString(text, function (p) { Module._sipprep_text(p); });
  }

  // ---------------------------------------------------------------- keyboard and text
  // DOM key names to Dear ImGui 1.86's ImGuiKey_ values (imgui.h).
  var NAMED_KEYS = {
    Tab: 0, ArrowLeft: 1, ArrowRight: 2, ArrowUp: 3, ArrowDown: 4, PageUp: 5, PageDown: 6,
    Home: 7, End: 8, Insert: 9, Delete: 10, Backspace: 11, ' ': 12, Enter: 13, Escape: 14
  };
  var SHORTCUT_KEYS = { a: 16, c: 17, v: 18, x: 19, y: 20, z: 21 };
  var MODIFIER_KEYS = { Control: 1, Shift: 1, Alt: 1, Meta: 1, AltGraph: 1 };
  var isMac = /Mac|iPhone|iPad/.test(navigator.platform);

  function modifiers(e) {
    return (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
  }

  function isAltGr(e) {
    // Windows reports AltGr as Ctrl+Alt; Swedish @ £ $ { [ ] } \ | ~ € come that way.
    return (e.getModifierState && e.getModifierState('AltGraph')) || (e.ctrlKey && e.altKey);
  }

  function keyCode(e) {
    if (e.key in NAMED_KEYS) return NAMED_KEYS[e.key];
    var shortcut = isMac ? e.metaKey : e.ctrlKey;
    if (shortcut && !isAltGr(e)) {
      var k = e.key.toLowerCase();
      if (k in SHORTCUT_KEYS) return SHORTCUT_KEYS[k];
    }
    return -1;
  }

  function onKey(e, down) {
    if (e.isComposing || e.keyCode === 229) return;  // an IME owns this key
    if (e.key in MODIFIER_KEYS) { Module._sipprep_key(-1, down ? 1 : 0, modifiers(e)); return; }
    var shortcut = (isMac ? e.metaKey : e.ctrlKey) && !isAltGr(e);
    if (shortcut && /^[-+=0_]$/.test(e.key)) return;  // zoom belongs to the browser
    var code = keyCode(e);
    if (code < 0) return;  // text: arrives through the input event
    if (shortcut && e.key.toLowerCase() === 'v') return;  // the paste event brings the text
    Module._sipprep_key(code, down ? 1 : 0, modifiers(e));
    if (shortcut && /^[cx]$/i.test(e.key)) {
      // The browser fires copy/cut right after this keydown: let ImGui put the selection on
      // the clipboard first, so the event can carry it.
      if (down) runFrame();
      return;
    }
    if (code === 12) return;  // Space: ImGui gets the key, the text comes through input as usual
    e.preventDefault();
  }

  var composing = false;
  function flushSink() {
    var value = sink.value;
    if (value) { sink.value = ''; sendText(value); }
  }

  var clipboardText = '';
  function setClipboard(text) {
    clipboardText = text;
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(function () {});
  }

  function textInput(active, x, y, lineHeight) {
    sink.setAttribute('inputmode', active ? 'text' : 'none');
    if (active) {
      sink.style.left = Math.round(x) + 'px';
      sink.style.top = Math.round(y) + 'px';
      sink.style.height = Math.max(16, Math.round(lineHeight)) + 'px';
    }
  }

  function focusSink() {
    if (document.activeElement !== sink) sink.focus({ preventScroll: true });
  }

  function installInput() {
    sink.addEventListener('keydown', function (e) { onKey(e, true); });
    sink.addEventListener('keyup', function (e) { onKey(e, false); });
    sink.addEventListener('compositionstart', function () { composing = true; });
    sink.addEventListener('compositionend', function () { composing = false; flushSink(); });
    sink.addEventListener('input', function (e) { if (!composing && !e.isComposing) flushSink(); });
    sink.addEventListener('beforeinput', function (e) {
      // Virtual keyboards send edits without key events.
      if (e.inputType === 'deleteContentBackward' && !sink.value) {
        Module._sipprep_key(11, 1, 0); Module._sipprep_key(11, 0, 0); e.preventDefault();
      } else if (e.inputType === 'insertLineBreak' || e.inputType === 'insertParagraph') {
        Module._sipprep_key(13, 1, 0); Module._sipprep_key(13, 0, 0); e.preventDefault();
      }
    });
    function onCopy(e) {
      e.clipboardData.setData('text/plain', clipboardText);
      e.preventDefault();
    }
    sink.addEventListener('copy', onCopy);
    sink.addEventListener('cut', onCopy);
    sink.addEventListener('paste', function (e) {
      var text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
      e.preventDefault();
      withCString(text, function (p) { Module._sipprep_paste(p); });
    });

    function pointerPos(e) {
      var r = canvas.getBoundingClientRect();
      Module._sipprep_mouse_pos(e.clientX - r.left, e.clientY - r.top);
    }
    var BUTTONS = [0, 2, 1];  // DOM left, middle, right -> ImGui left, right, middle
    canvas.addEventListener('pointermove', pointerPos);
    canvas.addEventListener('pointerdown', function (e) {
      pointerPos(e);
      if (e.button >= 0 && e.button < 3) Module._sipprep_mouse_button(BUTTONS[e.button], 1);
      canvas.setPointerCapture(e.pointerId);
      e.preventDefault();
      focusSink();
    });
    canvas.addEventListener('pointerup', function (e) {
      pointerPos(e);
      if (e.button >= 0 && e.button < 3) Module._sipprep_mouse_button(BUTTONS[e.button], 0);
    });
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
    window.addEventListener('focus', focusSink);
    if (window.ResizeObserver) new ResizeObserver(function () { Module._sipprep_wake(); }).observe(canvas);
    watchPixelRatio();
  }

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

  // ---------------------------------------------------------------- start
  function start() {
    installInput();
    started = true;
    focusSink();
    requestFrame();
  }

  window.SipprepShell = {
    start: start, fatal: fatal, requestFrame: requestFrame, frameDrawn: frameDrawn,
    download: download, setClipboard: setClipboard, textInput: textInput
  };

  // A small accessor for tests and for people who want to see their data: the core's state.
  window.sipprep = {
    state: function () { return JSON.parse(Module.UTF8ToString(Module._sipprep_state_json())); },
    items: function () { return JSON.parse(Module.UTF8ToString(Module._sipprep_items_json())); }
  };

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') { fatal('no-wasm'); return; }
  if (!hasWebGL2()) { fatal('no-webgl2'); return; }

  window.Module = {
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
