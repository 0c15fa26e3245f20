// The page's entry: it wires the page's parts, each module one job, and starts loading the app.
// The app is called through web/bridge.js (generated from src/platform/seam.def); keyboard and
// text go through the DOM mirror (mirror.js).
// What the page runs, in this order (the build's page.js keeps it): each module before the ones after it.
import './bridge.js';  // SipprepApp, generated from src/platform/seam.def: before any script calls the app
import './mirror.js';
import './draft.js';
import './speech.js';
import './languages.js';
import { fatal, missingPiece } from './fatal.js';
import { begin, frameDrawn, isStarted, nextTask, requestFrame, runFrame, runPendingFrame } from './frames.js';
import { installInput, setCursor } from './pointer.js';
import { download, installDrop, openFile, pickFile } from './files.js';
import { copyText } from './copy.js';
import { printHtml } from './print.js';
import { registerServiceWorker, reloadForUpdate, tellWaitingUpdate } from './update.js';
import { keptAtStart, tellKept } from './storage.js';
import { fontBytes, loadApp } from './load.js';

var app = window.SipprepApp;  // web/bridge.js (generated from src/platform/seam.def)

window.SipprepDraft.init({ runPendingFrame: runPendingFrame, started: isStarted });

// main() made the app: the font, its atlas and the storage answer, each in a task of its own,
// then the first frame.
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
    begin(afterFirstFrame);
    window.SipprepDraft.started();
    tellKept(kept);
    tellWaitingUpdate();
    runFrame();  // the first frame at once, not one display frame later: everything it needs is here
  }, function (e) {
    console.error('the app font did not load: ' + e.message);  // from where the app came: the connection
    fatal(e instanceof RangeError ? 'no-memory' : 'load-failed');
  });
}

// What can wait until the person sees the app: the voices (listing them can take a while), and
// the service worker, which fetches every file once more for use without network.
function afterFirstFrame() {
  window.SipprepSpeech.start();
  registerServiceWorker();
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

var missing = missingPiece();
if (missing) fatal(missing);
else loadApp(window.SipprepDraft.ready);
