// The text catalogs the app does not have built in (every language but Swedish): fetched when
// someone chooses the language, or when the stored draft was written in it. Each is a file the
// build writes beside the app (i18n-<id>.cat, tools/embed_catalogs.py); the app checks that it
// belongs to this build. The service worker keeps a fetched one for use offline (web/sw.js).
(function () {
  'use strict';

  function failed(code) {
    window.__languageFetches.push({ code: code, ok: false });  // tests read it
    window.SipprepShell.withCString(code, function (c) { Module._sipprep_language_failed(c); });
  }

  function load(code) {
    fetch('i18n-' + code + '.cat').then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.arrayBuffer();
    }).then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      var ptr = Module._malloc(bytes.length || 1);
      if (!ptr) return failed(code);
      Module.HEAPU8.set(bytes, ptr);
      try {
        window.__languageFetches.push({ code: code, ok: true });
        window.SipprepShell.withCString(code, function (c) { Module._sipprep_language_loaded(c, ptr, bytes.length); });
      } finally {
        Module._free(ptr);
      }
    }).catch(function () { failed(code); });
  }

  window.__languageFetches = [];
  window.SipprepLanguages = { load: load };
})();
