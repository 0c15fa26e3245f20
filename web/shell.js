// The page's entry: it wires the page's parts, each module one job, and starts loading the app.
// The modules import each other by name. Window globals are only for what is outside the page's
// modules: window.SipprepAsks (asks.js) for the Emscripten library in sipprep.js,
// window.SipprepApp (bridge.js) and window.sipprep (below) for tests, window.SipprepEarly from
// index.html's inline script, window.Module for Emscripten.
import { db, draft, versions } from './draft.js';
import { fatal, missingPiece } from './fatal.js';
import { isStarted, runPendingFrame } from './frames.js';
import { pickFile } from './files.js';
import { passphrase } from './age.js';
import { loadApp } from './load.js';
import { app } from './bridge.js';
// Generated from src/platform/seam.def: imports every module that answers the app. Last, so that
// the modules above run in the order they are wired here, not in asks.js's alphabetical one.
import './asks.js';

draft.init({ runPendingFrame: runPendingFrame, started: isStarted });

// For tests, and for people who want to see their data: the core's state, the stored draft, and
// the page's parts tests drive or read.
window.sipprep = {
  state: function () { return JSON.parse(app.state_json()); },
  storage: draft.status,
  storedDraft: draft.stored,
  flushDraft: draft.flush,
  pickFile: pickFile,
  passphrase: passphrase,
  store: db,
  versions: versions
};

var missing = missingPiece();
if (missing) fatal(missing);
else loadApp();
