// Loading the app: the font and the WebAssembly come beside each other (index.html started both
// downloads already: window.SipprepEarly), the module compiles while sipprep.js downloads and
// runs, main() starts, and then (start) the fonts and the stored draft (read from IndexedDB
// meanwhile) come in before the first frame.
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
  // The WebAssembly compiles while sipprep.js downloads and runs (streaming where the server
  // says application/wasm), instead of after it.
  performance.mark('sipprep:shell');
  draft.ready.then(function () { performance.mark('sipprep:draft-read'); });
  var wasmModule = (WebAssembly.compileStreaming
    ? WebAssembly.compileStreaming(early.wasm || fetch('sipprep.wasm')).catch(function () {
        return fetch('sipprep.wasm').then(function (r) { return r.arrayBuffer(); }).then(WebAssembly.compile);
      })
    : (early.wasm || fetch('sipprep.wasm')).then(function (r) { return r.arrayBuffer(); }).then(WebAssembly.compile))
    .then(function (module) { performance.mark('sipprep:wasm-compiled'); return module; });

  // The WebGL2 context, made here in a task of its own while the module compiles: made in main()
  // it was a third of that task (30-55 ms at 4x slower CPU, issue 30). main() gets this one.
  var canvas = document.getElementById('canvas');
  var contextMade = nextTask().then(function () {
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
// the service worker, which fetches every file once more for use without network.
function afterFirstFrame() {
  startSpeech();
  registerServiceWorker();
}
