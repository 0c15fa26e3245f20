// Whether the browser keeps the draft (persistent storage).
import { app } from './bridge.js';

// Whether the browser promises not to clear the draft when space runs short; the app says so
// while it has no such promise (WebKit never gives one and clears after days without use).
// Nothing is asked at start: Firefox would show its own question before the person has read
// ours. The browser is asked once, when the person saves a file — they want to keep what they
// wrote, and the settings say what the promise means.
var storageKept = null, keepAsked = false;
export function tellKept(kept) { storageKept = !!kept; app.storage_kept(storageKept); }
// Asked while the app loads and told before its first frame: an answer after that frame would
// change the picture (a line in the settings) and draw the start screen twice.
export var keptAtStart = (function () {
  var storage = navigator.storage;
  if (!storage || !storage.persist || !storage.persisted) return Promise.resolve(false);
  return storage.persisted().catch(function () { return false; });
})();
export function askToKeepStorage() {
  var storage = navigator.storage;
  if (keepAsked || storageKept !== false || !storage || !storage.persist) return;
  keepAsked = true;
  storage.persist().then(tellKept, function () {});
}

// The display choices last made on this computer (language, text size, contrast), in plain
// beside a locked draft, whose own copy of them is sealed: its passphrase screen needs them.
var DISPLAY_KEY = 'sipprep.display';
export function rememberDisplay(json) {
  try { localStorage.setItem(DISPLAY_KEY, json); } catch (e) { /* storage refused: the next start uses the defaults */ }
}
export function rememberedDisplay() {
  try { return localStorage.getItem(DISPLAY_KEY) || ''; } catch (e) { return ''; }
}
