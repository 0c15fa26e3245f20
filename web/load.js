// Loading the app: the font and the WebAssembly come beside each other (index.html started both
// downloads already: window.SipprepEarly), the module compiles while sipprep.js downloads and
// runs, and main() starts once the stored draft has been read too.
import { fatal, lacksMemory } from './fatal.js';

var early = window.SipprepEarly || {};

// The font loads beside the WebAssembly; the first frame waits for it (briefly), so the page
// never flashes in a fallback font.
export var fontBytes = (early.font || fetch('app-font.ttf')).then(function (r) {
  if (!r.ok) throw new Error('HTTP ' + r.status);
  return r.arrayBuffer();
});

// `draftReady`: the stored draft, read (IndexedDB) while the wasm compiles; main() needs it.
export function loadApp(draftReady) {
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
      Promise.all([wasmModule, draftReady]).then(function (both) {
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
    canvas: document.getElementById('canvas'),
    print: function (text) { console.log(text); },
    printErr: function (text) { console.error(text); },
    onAbort: function (what) { fatal(lacksMemory(what) ? 'no-memory' : 'crashed'); }
  };
  var script = document.createElement('script');
  script.src = 'sipprep.js';
  script.onerror = function () { fatal('load-failed'); };
  document.body.appendChild(script);
}
