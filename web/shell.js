// The page around the canvas: checks what the browser can do, loads the app, carries pointer
// input, downloads and frame requests between the browser and the C++ side (through
// window.SipprepApp, web/bridge.js). Keyboard and text go through the DOM mirror (mirror.js).
// What the page runs, in this order (the build's page.js keeps it): each module before the ones after it.
import './bridge.js';  // SipprepApp, generated from src/platform/seam.def: before any script calls the app
import './mirror.js';
import './draft.js';
import './speech.js';
import './languages.js';

(function () {
  'use strict';

  var firstWords = document.getElementById('first-words');  // the start screen's top, as text, until the first frame
  var fatalBox = document.getElementById('fatal');
  var canvas = document.getElementById('canvas');
  var app = window.SipprepApp;  // web/bridge.js (generated from src/platform/seam.def)

  // Shown in both languages: the app's language setting is not known yet.
  // The browsers the app supports, ["Safari N", …]: versions.json, put here by the build.
  var BROWSERS = SIPPREP_BROWSERS;
  function browsers(and) { return BROWSERS.slice(0, -1).join(', ') + ' ' + and + ' ' + BROWSERS[BROWSERS.length - 1]; }
  var NEWER = ' ' + browsers('och') + ' eller senare fungerar.';
  var NEWER_EN = ' ' + browsers('and') + ' or later work.';
  var PROBLEMS = {
    'no-wasm': ['Din webbläsare är för gammal för appen. Den behöver WebAssembly.' + NEWER,
                'Your browser is too old for the app. It needs WebAssembly.' + NEWER_EN],
    'wasm-blocked': ['Webbläsaren tillåter inte WebAssembly på den här sidan. Det kan vara en inställning eller ett tillägg som blockerar skript; slå av det för den här sidan, eller prova en annan webbläsare.',
                     'The browser does not allow WebAssembly on this page. A setting or an extension that blocks scripts may do that; turn it off for this page, or try another browser.'],
    'no-webgl2': ['Webbläsaren kan inte visa WebGL2-grafik, som appen behöver. Slå på maskinvaruacceleration i webbläsarens inställningar, eller prova en nyare webbläsare.' + NEWER,
                  'This browser cannot show WebGL2 graphics, which the app needs. Turn on hardware acceleration in its settings, or try a newer browser.' + NEWER_EN],
    'no-indexeddb': ['Webbläsaren låter inte appen spara något på enheten (IndexedDB saknas eller är avstängd, till exempel i vissa privata fönster). Öppna appen i ett vanligt fönster, eller prova en nyare webbläsare.' + NEWER,
                     'The browser does not let the app store anything on this device (IndexedDB is missing or turned off, as in some private windows). Open the app in an ordinary window, or try a newer browser.' + NEWER_EN],
    'load-failed': ['Appen kunde inte laddas. Kontrollera anslutningen och ladda om sidan.',
                    'The app could not be loaded. Check the connection and reload the page.'],
    'no-memory': ['Webbläsaren gav inte appen minne nog för att starta. Stäng andra flikar eller program och ladda om sidan. Inget av det som är sparat på den här datorn har tagits bort.',
                  'The browser did not give the app enough memory to start. Close other tabs or programs and reload the page. Nothing saved on this computer has been removed.'],
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
    if (!MISSING[reason]) addReloadApp();
    firstWords.hidden = true;
    fatalBox.hidden = false;
    window.__appFailed = reason || 'crashed';
  }

  // "Ladda om appen": the app's files fetched anew. Clears only what the service worker keeps
  // (its caches, its registration), never the draft (IndexedDB) or the settings (localStorage):
  // clearing the site's data in the browser would take those too.
  var MISSING = { 'no-wasm': 1, 'wasm-blocked': 1, 'no-webgl2': 1, 'no-indexeddb': 1 };  // a reload does not help
  function addReloadApp() {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Ladda om appen';
    button.addEventListener('click', function () {
      button.disabled = true;
      reloadApp().then(function () { location.reload(); });
    });
    fatalBox.appendChild(button);
    ['Knappen hämtar appens filer på nytt. Det du har skrivit finns kvar på den här datorn.',
     '"Ladda om appen" (reload the app) fetches the app\'s files again. What you have written stays on this computer.'
    ].forEach(function (t, i) {
      var p = document.createElement('p');
      p.textContent = t;
      if (i === 1) p.lang = 'en';
      fatalBox.appendChild(p);
    });
  }

  function reloadApp() {
    var jobs = [];
    if (window.caches) {
      jobs.push(caches.keys().then(function (keys) {
        return Promise.all(keys.filter(function (k) { return k.indexOf('sipprep-') === 0; })  // web/sw.js: CACHE
          .map(function (k) { return caches.delete(k); }));
      }));
    }
    if (navigator.serviceWorker) {
      jobs.push(navigator.serviceWorker.getRegistration().then(function (r) { return r && r.unregister(); }));
    }
    return Promise.all(jobs).catch(function (e) { console.warn('could not clear the app\'s files: ' + e); });
  }

  // What the app needs, before any of it loads: each missing piece gets its own message.
  function missingPiece() {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') return 'no-wasm';
    try {
      new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));  // the empty module
    } catch (e) {
      return 'wasm-blocked';
    }
    if (!hasWebGL2()) return 'no-webgl2';
    if (!window.indexedDB) return 'no-indexeddb';
    return '';
  }

  // A browser without WebGL2 at all is told before the download; one where WebGL2 is there but
  // blocked (a setting, a blocklisted GPU) is told when the app asks for its context. A trial
  // context here would cost as much as the real one (tens of ms where WebGL runs in software).
  function hasWebGL2() { return typeof WebGL2RenderingContext === 'function'; }

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
    if (!window.__appReady) performance.mark('sipprep:frame-start');
    var more = app.frame(w, h, dpr);
    if (more === 2) {  // the first frame, laid out: drawn in the next task
      performance.measure('sipprep:first-frame-layout', 'sipprep:frame-start');
      framePending = true;
      nextTask().then(runFrame);
      return;
    }
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
      measureStart();
      window.__appReady = true;
      // The mirror has the words now: the text version goes, in the same display frame as the
      // canvas shows them (screen readers hear them once; nothing moves).
      firstWords.hidden = true;
      canvas.classList.add('drawn');
      setTimeout(afterFirstFrame, 0);
    }
  }

  // Where the start-up time went (bench/startup.mjs prints these): each step from its marks.
  function measureStart() {
    [['sipprep:compile', 'sipprep:shell', 'sipprep:wasm-compiled'],
     ['sipprep:instantiate', 'sipprep:wasm-compiled', 'sipprep:instantiated'],
     ['sipprep:main', 'sipprep:instantiated', 'sipprep:runtime-ready'],
     ['sipprep:fonts', 'sipprep:fonts-start', 'sipprep:fonts-uploaded'],
     ['sipprep:first-frame-draw', 'sipprep:frame-start', 'sipprep:first-frame']].forEach(function (m) {
      try { performance.measure(m[0], m[1], m[2]); } catch (e) { /* a mark is missing: nothing to measure */ }
    });
  }

  // Resolves in a task of its own: start-up work is cut into pieces that each end before the
  // browser has to answer a tap (no long task).
  function nextTask() { return new Promise(function (resolve) { setTimeout(resolve, 0); }); }

  // What can wait until the person sees the app: the voices (listing them can take a while), and
  // the service worker, which fetches every file once more for use without network.
  function afterFirstFrame() {
    window.SipprepSpeech.start();
    registerServiceWorker();
  }

  function watchPixelRatio() {
    // Browser zoom and moving to another screen change devicePixelRatio.
    var query = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
    query.addEventListener('change', function () { app.wake(); watchPixelRatio(); }, { once: true });
  }

  // ---------------------------------------------------------------- pointer
  function modifiers(e) {
    return (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
  }

  function installInput() {
    function pointerPos(e) {
      var r = canvas.getBoundingClientRect();
      app.mouse_pos(e.clientX - r.left, e.clientY - r.top);
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
          app.wheel(0, (e.clientY - touch.lastY) / PX_PER_WHEEL_STEP);
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
      if (e.button >= 0 && e.button < 3) app.mouse_button(BUTTONS[e.button], 1, modifiers(e));
    });
    canvas.addEventListener('pointerup', function (e) {
      if (touch && e.pointerId === touch.id) {
        var tapped = !touch.scrolling;
        touch = null;
        if (tapped) {
          pointerPos(e);
          app.mouse_button(0, 1, 0);
          app.mouse_button(0, 0, 0);
        }
        return;
      }
      pointerPos(e);
      if (e.button >= 0 && e.button < 3) app.mouse_button(BUTTONS[e.button], 0, modifiers(e));
    });
    canvas.addEventListener('pointercancel', function (e) { if (touch && e.pointerId === touch.id) touch = null; });
    canvas.addEventListener('pointerleave', function (e) {
      if (e.pointerType === 'mouse' && !e.buttons) app.mouse_pos(-3.4e38, -3.4e38);
    });
    canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
    canvas.addEventListener('wheel', function (e) {
      if (e.ctrlKey) return;  // pinch and Ctrl+wheel zoom the page
      var unit = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 3 : 1 / 100;
      app.wheel(-e.deltaX * unit, -e.deltaY * unit);
      e.preventDefault();
    }, { passive: false });

    window.addEventListener('resize', function () { app.wake(); });
    window.addEventListener('blur', function () { app.blur(); });
    if (window.ResizeObserver) new ResizeObserver(function () { app.wake(); }).observe(canvas);
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
    askToKeepStorage();
  }

  // ---------------------------------------------------------------- the draft (web/draft.js)
  window.SipprepDraft.init({
    // Typing applied over more than one frame is all in before the draft is written (a tab
    // closed right after the last keystroke gets no more animation frames).
    runPendingFrame: function () { for (var i = 0; i < 4 && framePending && started; i++) runFrame(); },
    started: function () { return started; }
  });

  // ---------------------------------------------------------------- opening files
  // `dropped`: the file came by drag and drop, not from the picker the app opened.
  // A file larger than any the app opens (core/bundle.hpp: kMaxFileBytes) is not read at all,
  // and one the module has no memory for is not copied: the app says which, and nothing of the
  // draft changes.
  function openFile(file, dropped) {
    if (!file) return;
    if (file.size > app.max_file_bytes()) {
      refuseFile(file.name, 'open.too_large');
      return;
    }
    var origin = dropped ? 1 : 0;  // ui/host.hpp: FileOrigin
    file.arrayBuffer().then(function (buffer) {
      if (!app.file_opened(file.name, new Uint8Array(buffer), origin)) refuseFile(file.name, 'open.memory');
    }, function (e) {
      if (e && e.name === 'RangeError') {  // the browser had no memory to read it into
        refuseFile(file.name, 'open.memory');
        return;
      }
      app.file_opened(file.name, new Uint8Array(0), origin);
    });
  }

  function refuseFile(name, reason) { app.file_refused(name, reason); }

  var picker = null;
  function pickFile() {
    if (!picker) {
      picker = document.createElement('input');
      picker.type = 'file';
      picker.accept = '.json,application/json';
      picker.hidden = true;
      // A file from the picker always answers the app's latest request: Firefox may report
      // 'cancel' first and the chosen file after it, so a cancel forgets nothing. A dropped file
      // is never taken for the one the picker was for (the app knows where each came from).
      picker.addEventListener('change', function () {
        if (picker.files[0]) openFile(picker.files[0], false);
        picker.value = '';
      });
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
    // A new print replaces one still waiting to be removed: one print frame at a time.
    Array.prototype.forEach.call(document.querySelectorAll('iframe.print-frame'), function (f) { f.remove(); });
    var frame = document.createElement('iframe');
    frame.title = title;
    frame.className = 'print-frame';
    // As tight as printing allows: no scripts, no forms, no navigation; same origin only so that
    // this page can call print() on it, modals for the print dialog.
    frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
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
  // index.html started both downloads already (window.SipprepEarly).
  var early = window.SipprepEarly || {};
  var fontBytes = (early.font || fetch('app-font.ttf')).then(function (r) {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.arrayBuffer();
  });

  // ---------------------------------------------------------------- offline and new versions
  // sw.js keeps the app's files for use without network. A new version waits until the person
  // chooses to reload (the app shows the notice); then the draft is saved and the page reloads.
  var registration = null;
  var updateWaiting = false;

  function registerServiceWorker() {
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('sw.js').then(function (reg) {
      registration = reg;
      function watch(worker) {
        if (!worker) return;
        worker.addEventListener('statechange', function () {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) tellUpdate();
        });
      }
      if (reg.waiting && navigator.serviceWorker.controller) tellUpdate();
      watch(reg.installing);
      reg.addEventListener('updatefound', function () { watch(reg.installing); });
    }).catch(function (e) { console.warn('offline use is not available: ' + e.message); });
  }

  function tellUpdate() {
    updateWaiting = true;
    if (started) app.update_available();
  }

  function reloadForUpdate() {
    window.SipprepDraft.flush().then(function () {
      var waiting = registration && registration.waiting;
      if (!waiting) { location.reload(); return; }
      navigator.serviceWorker.addEventListener('controllerchange', function () { location.reload(); });
      waiting.postMessage('skip-waiting');
    });
  }

  function start() {
    if (window.__appFailed) return;  // main() could not be given the stored draft: nothing runs
    performance.mark('sipprep:runtime-ready');
    installInput();
    installDrop();
    fontBytes.then(function (buffer) {
      if (!app.set_font(new Uint8Array(buffer))) throw new RangeError('no memory for the font');
    }).then(nextTask).then(function () {
      app.build_fonts(window.devicePixelRatio || 1);
    }).then(nextTask).then(function () {
      return keptAtStart;
    }).then(function (kept) {
      started = true;
      window.SipprepDraft.started();
      tellKept(kept);
      if (updateWaiting) app.update_available();
      runFrame();  // the first frame at once, not one display frame later: everything it needs is here
    }, function (e) {
      console.error('the app font did not load: ' + e.message);  // from where the app came: the connection
      fatal(e instanceof RangeError ? 'no-memory' : 'load-failed');
    });
  }

  // Whether the browser promises not to clear the draft when space runs short; the app says so
  // while it has no such promise (WebKit never gives one and clears after days without use).
  // Nothing is asked at start: Firefox would show its own question before the person has read
  // ours. The browser is asked once, when the person saves a file — they want to keep what they
  // wrote, and the settings say what the promise means.
  var storageKept = null, keepAsked = false;
  function tellKept(kept) { storageKept = !!kept; app.storage_kept(storageKept); }
  // Asked while the app loads and told before its first frame: an answer after that frame would
  // change the picture (a line in the settings) and draw the start screen twice.
  var keptAtStart = (function () {
    var storage = navigator.storage;
    if (!storage || !storage.persist || !storage.persisted) return Promise.resolve(false);
    return storage.persisted().catch(function () { return false; });
  })();
  function askToKeepStorage() {
    var storage = navigator.storage;
    if (keepAsked || storageKept !== false || !storage || !storage.persist) return;
    keepAsked = true;
    storage.persist().then(tellKept, function () {});
  }

  window.SipprepShell = {
    start: start, fatal: fatal, requestFrame: requestFrame, frameDrawn: frameDrawn,
    download: download, setCursor: setCursor,
    flushDraft: window.SipprepDraft.flush, reloadForUpdate: reloadForUpdate,
    pickFile: pickFile, openFile: openFile, printHtml: printHtml, copyText: copyText
  };

  // A small accessor for tests and for people who want to see their data: the core's state.
  window.sipprep = {
    state: function () { return JSON.parse(app.state_json()); },
    storage: window.SipprepDraft.status,
    storedDraft: window.SipprepDraft.stored
  };

  function lacksMemory(e) {
    return e instanceof RangeError || /out of memory|\bOOM\b|enlarge memory|allocat\w* (wasm )?memory/i.test(String(e && e.message || e));
  }

  var missing = missingPiece();
  if (missing) { fatal(missing); return; }

  // The WebAssembly compiles while sipprep.js downloads and runs (streaming where the server
  // says application/wasm), instead of after it.
  performance.mark('sipprep:shell');
  var wasmModule = (WebAssembly.compileStreaming
    ? WebAssembly.compileStreaming(early.wasm || fetch('sipprep.wasm')).catch(function () {
        return fetch('sipprep.wasm').then(function (r) { return r.arrayBuffer(); }).then(WebAssembly.compile);
      })
    : (early.wasm || fetch('sipprep.wasm')).then(function (r) { return r.arrayBuffer(); }).then(WebAssembly.compile));

  window.Module = {
    instantiateWasm: function (imports, receive) {
      // The stored draft is read (IndexedDB) while the wasm compiles; main() needs it.
      Promise.all([wasmModule, window.SipprepDraft.ready]).then(function (both) {
        var module = both[0];
        performance.mark('sipprep:wasm-compiled');
        return WebAssembly.instantiate(module, imports).then(function (instance) {
          performance.mark('sipprep:instantiated');
          receive(instance, module);  // runs main()
        });
      }).catch(function (e) {
        console.error(e);
        // Too little memory for the module's memory is a RangeError ("Out of memory: Cannot
        // allocate Wasm memory"); anything else is the download.
        fatal(lacksMemory(e) ? 'no-memory' : 'load-failed');
      });
      return {};
    },
    canvas: canvas,
    print: function (text) { console.log(text); },
    printErr: function (text) { console.error(text); },
    onAbort: function (what) { fatal(lacksMemory(what) ? 'no-memory' : 'crashed'); }
  };
  var script = document.createElement('script');
  script.src = 'sipprep.js';
  script.onerror = function () { fatal('load-failed'); };
  document.body.appendChild(script);
})();
