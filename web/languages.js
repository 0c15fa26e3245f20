// The text catalogs the app does not have built in (every language but Swedish): fetched when
// someone chooses the language, or when the stored draft was written in it. Each is a file the
// build writes beside the app (i18n-<id>.cat, tools/embed_catalogs.py); the app checks that it
// belongs to this build. The service worker keeps a fetched one for use offline (web/sw.js).
import { app } from './bridge.js';

function failed(code) {
  window.__languageFetches.push({ code: code, ok: false });  // tests read it
  app.language_failed(code);
}

// A fetch that neither answers nor fails (a connection that hangs) is given up after this long,
// as a failed one: a file waiting for the texts is then read, and the person is told.
const GIVE_UP_MS = window.__languageGiveUpMs || 30000;  // tests set a shorter one

export function load(code) {
  const abort = new AbortController();
  const timer = setTimeout(function () { abort.abort(); }, GIVE_UP_MS);
  fetch('i18n-' + code + '.cat', { signal: abort.signal }).then(function (response) {
    if (!response.ok) throw new Error('HTTP ' + response.status);
    return response.arrayBuffer();
  }).then(function (buffer) {
    clearTimeout(timer);
    window.__languageFetches.push({ code: code, ok: true });
    if (!app.language_loaded(code, new Uint8Array(buffer))) failed(code);
  }).catch(function () { clearTimeout(timer); failed(code); });
}

window.__languageFetches = [];
