// Loading the app: the font and the WebAssembly come beside each other (index.html started both
// downloads, and the module's compile as its bytes arrive: window.SipprepEarly), the page is
// painted with its first words, sipprep.js runs, main() starts, and then (start) the fonts and
// the stored draft (read from IndexedDB meanwhile) come in before the first frame.
import { app } from './bridge.js';
import { draft } from './draft.js';
import { fatal, lacksMemory } from './fatal.js';
import { installDrop } from './files.js';
import { begin, nextTask, runFrame } from './frames.js';
import { installInput } from './pointer.js';
import { start as startSpeech } from './speech.js';
import { keptAtStart, tellKept } from './storage.js';
import { registerServiceWorker, tellWaitingUpdate } from './update.js';

var early = window.SipprepEarly || {};

// The font loads beside the WebAssembly; the first frame waits for it (briefly), so the page
// never flashes in a fallback font.
var fontBytes = (early.font || fetch('app-font.ttf')).then(function (r) {
  if (!r.ok) throw new Error('HTTP ' + r.status);
  return r.arrayBuffer();
});

export function loadApp() {
  performance.mark('sipprep:shell');
  draft.ready.then(function () { performance.mark('sipprep:draft-read'); });
  // The module: index.html began compiling it as its bytes came (early.module); where it could not (a server
  // that does not say application/wasm), the bytes are fetched again and compiled whole.
  var again = function () {
    return fetch('sipprep.wasm').then(function (r) { return r.arrayBuffer(); }).then(WebAssembly.compile);
  };
  var wasmModule = (early.module
    ? early.module.catch(again)
    : WebAssembly.compileStreaming
    ? WebAssembly.compileStreaming(early.wasm || fetch('sipprep.wasm')).catch(again)
    : (early.wasm || fetch('sipprep.wasm')).then(function (r) { return r.arrayBuffer(); }).then(WebAssembly.compile))
    .then(function (module) { performance.mark('sipprep:wasm-compiled'); return module; });

  // The WebGL2 context, made here in a task of its own while the module compiles: made in main()
  // it was a third of that task (30-55 ms at 4x slower CPU, issue 30). main() gets this one.
  var canvas = document.getElementById('canvas');
  var contextMade = afterFirstPaint().then(nextTask).then(function () {
    canvas.getContext('webgl2', {
      alpha: false, depth: false, stencil: false,
      antialias: false,  // ImGui antialiases its own shapes
      // Kept between frames: a frame draws only the bands of the canvas that changed
      // (src/platform/web/gl_renderer.cpp), a keystroke the lines of its field.
      preserveDrawingBuffer: true,
      premultipliedAlpha: true, powerPreference: 'low-power'
    });
  });

  window.Module = {
    instantiateWasm: function (imports, receive) {
      performance.mark('sipprep:glue');  // sipprep.js has run
      Promise.all([wasmModule, contextMade]).then(function (both) {
        var module = both[0];
        performance.mark('sipprep:instantiate');
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
}

// Resolves once the page has been painted: its first words are on screen before the app's
// start-up work (the context, the module's instance, main(), the atlases) takes the main thread.
// Where the page's script came before any paint, that work could hold the first paint back until
// the app's own first frame, which hides those words: a person saw nothing for that long, and
// Lighthouse found no largest contentful paint at all ("NO_LCP"). Mostly the page is painted by
// the time this runs, and nothing waits.
function afterFirstPaint() {
  if (document.hidden || performance.getEntriesByType('paint').length) return Promise.resolve();
  return new Promise(function (resolve) {
    requestAnimationFrame(function () { setTimeout(resolve, 0); });  // after that display frame's paint
    setTimeout(resolve, 500);  // a page hidden meanwhile has no display frames
  });
}

// main() made the app: the font's atlases and the stored draft, each in a task of its own, then
// the storage answer and the first frame.
export function start() {
  if (window.__appFailed) return;  // the page already said why the app cannot run
  performance.mark('sipprep:runtime-ready');
  installInput();
  var fontsBuilt = fontBytes.then(function (buffer) {
    if (!app.set_font(new Uint8Array(buffer))) throw new RangeError('no memory for the font');
  }).then(buildFonts);
  // The stored draft (IndexedDB can take longer than the module on a first visit), in a task of
  // its own between the fonts' tasks.
  var draftTold = draft.ready.then(nextTask).then(function () {
    if (!app.draft_loaded(draft.load())) throw new RangeError('no memory for the stored draft');
  });
  Promise.all([fontsBuilt, draftTold]).then(buildFonts)  // again, for a text size the draft kept
    .then(nextTask).then(function () { app.check(); })  // the rules over the draft, not in the first frame's task
    .then(nextTask).then(function () { return keptAtStart; })
    .then(function (kept) {
    // Dropped files from here on, not while the stored draft may still be on its way: a file
    // opened before it came would be replaced by it.
    installDrop();
    begin(afterFirstFrame);
    draft.started();
    tellKept(kept);
    tellWaitingUpdate();
    runFrame();  // the first frame at once, not one display frame later: everything it needs is here
  }, function (e) {
    console.error('the app could not start: ' + e.message);  // the font's connection, or memory
    fatal(e instanceof RangeError ? 'no-memory' : 'load-failed');
  });
}

// The font's sizes, one task each.
function buildFonts() {
  return fontTask().then(function () { if (app.build_fonts(window.devicePixelRatio || 1)) return buildFonts(); });
}
// Each after what the page already waits for (IndexedDB's answers to the draft's reading are tasks
// too): behind a 30 ms atlas each, they made the draft come later than the fonts on a first visit.
function fontTask() {
  var s = window.scheduler;
  return s && s.postTask ? s.postTask(function () {}, { priority: 'background' }) : nextTask();
}

// What can wait until the person sees the app: the voices (listing them can take a while), and
// the service worker, which keeps every file for use without network.
function afterFirstFrame() {
  var icon = document.getElementById('tab-icon');
  if (icon) { icon.type = 'image/svg+xml'; icon.href = 'icon.svg'; }
  app.fetch_later_texts();
  startSpeech();
  handOver().then(registerServiceWorker);
}

// The first visit: the module and the font this page has downloaded, put where the service
// worker's install takes them (web/sw.js, PAGE_CACHE) after checking their bytes, instead of
// asking the server for them again. A page the worker already serves has nothing to hand over.
var PAGE_CACHE = 'sipprep-page';
function handOver() {
  var copies = [['sipprep.wasm', early.wasm], ['app-font.ttf', early.font]].map(function (f) {
    return [f[0], f[1] && f[1].copy || Promise.resolve()];
  });
  var served = navigator.serviceWorker && navigator.serviceWorker.controller;
  if (served || !window.caches) {
    copies.forEach(function (f) { f[1].then(function (r) { if (r && r.body) r.body.cancel(); }); });
    return Promise.resolve();
  }
  return caches.open(PAGE_CACHE).then(function (cache) {
    return Promise.all(copies.map(function (f) {
      return f[1].then(function (r) { return r && r.ok ? cache.put(f[0], r) : undefined; });
    }));
  }).catch(function (e) { console.warn('the downloaded files are fetched again for offline use: ' + e); });
}
