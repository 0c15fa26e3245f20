// Emscripten JS library: right-to-left text, the one part of the C++ side's calls into the page
// that is not a line of src/platform/seam.def (tools/seam.py writes the others): it talks to a
// second WebAssembly module synchronously, in the middle of a frame.
mergeInto(LibraryManager.library, {
  // Right-to-left text: FriBidi in a module of its own (sipprep-bidi.wasm) and the Hebrew and
  // Arabic glyphs (app-font-rtl.ttf), fetched on the first request (src/platform/web/bidi_web.cpp);
  // the module is then called synchronously, the text copied into its memory and back.
  $SipprepBidi: {},
  sipprep_js_bidi_load__deps: ['$SipprepBidi'],
  sipprep_js_bidi_load: function () {
    var get = function (file) {
      return fetch(file).then(function (r) {
        if (!r.ok) throw new Error(file + ': HTTP ' + r.status);
        return r.arrayBuffer();
      });
    };
    get('sipprep-bidi.wasm').then(function (bytes) {
      return WebAssembly.instantiate(bytes, { env: { emscripten_notify_memory_growth: function () {} } });
    }).then(function (r) {
      r.instance.exports._initialize();
      SipprepBidi.x = r.instance.exports;
      window.SipprepApp.bidi_ready();
      window.SipprepApp.wake();
    }).catch(function (e) { console.warn('right-to-left text stays unshaped: ' + e.message); });
    get('app-font-rtl.ttf').then(function (buffer) {
      if (!window.SipprepApp.set_rtl_font(new Uint8Array(buffer))) throw new Error('no memory for app-font-rtl.ttf');
    }).catch(function (e) { console.warn('no Hebrew and Arabic glyphs: ' + e.message); });
  },
  sipprep_js_bidi_shape__deps: ['$SipprepBidi'],
  sipprep_js_bidi_shape: function (text, length, base, levels) {
    var x = SipprepBidi.x, at = x.sipprep_bidi_buffer(length), from = text >> 2;
    if (!at) return -1;
    new Uint32Array(x.memory.buffer, at, length).set(HEAPU32.subarray(from, from + length));
    var dir = x.sipprep_bidi_run(length, base);
    if (dir >= 0) {
      HEAPU32.set(new Uint32Array(x.memory.buffer, at, length), from);
      HEAPU8.set(new Uint8Array(x.memory.buffer, x.sipprep_bidi_levels(), length), levels);
    }
    return dir;
  },
});
