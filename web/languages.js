// The text catalogs the app does not have built in (every language but Swedish): fetched when
// someone chooses the language, or when the stored draft was written in it. Each is a file the
// build writes beside the app (i18n-<id>.cat, tools/embed_catalogs.py); the app checks that it
// belongs to this build. The service worker keeps a fetched one for use offline (web/sw.js).
import { app } from './bridge.js';

function failed(code) {
  window.__languageFetches.push({ code: code, ok: false });  // tests read it
  app.language_failed(code);
}

export function load(code) {
  fetch('i18n-' + code + '.cat').then(function (response) {
    if (!response.ok) throw new Error('HTTP ' + response.status);
    return response.arrayBuffer();
  }).then(function (buffer) {
    window.__languageFetches.push({ code: code, ok: true });
    if (!app.language_loaded(code, new Uint8Array(buffer))) failed(code);
  }).catch(function () { failed(code); });
}

window.__languageFetches = [];
