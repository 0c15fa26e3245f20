// Frames on demand: the app draws only when something happened (an idle page draws nothing),
// and the first frame's marks and what waits until the person sees the app.
import { holdUntilDrawn, sendHeld } from './a11y.js';
import { app } from './bridge.js';

var firstWords = document.getElementById('first-words');  // the start screen's top, as text, until the first frame
var canvas = document.getElementById('canvas');
var started = false;
var framePending = false;
var frameRequest = 0;  // the animation frame asked for, if any
var whenSeen = null;  // what waits until the person sees the app
window.__frames = 0;
window.__appReady = false;

// The app has its font and the first frame may run. `afterFirstFrame` runs in a task of its own
// after the first frame was drawn.
export function begin(afterFirstFrame) {
  started = true;
  whenSeen = afterFirstFrame;
}
export function isStarted() { return started; }

export function runFrame() {
  // A frame run at once (the first, a pending one before the draft is saved) is also the one
  // asked for before it: that one would run a frame more, tens of ms on a slow phone (issue 30).
  cancelAnimationFrame(frameRequest);
  framePending = false;
  var dpr = window.devicePixelRatio || 1;
  var rect = canvas.getBoundingClientRect();
  var w = Math.max(1, rect.width), h = Math.max(1, rect.height);
  var pw = Math.round(w * dpr), ph = Math.round(h * dpr);
  if (canvas.width !== pw || canvas.height !== ph) { canvas.width = pw; canvas.height = ph; }
  var t0 = performance.now();
  if (!window.__appReady) {
    performance.mark('sipprep:frame-start');
    holdUntilDrawn();
  }
  var more = app.frame(w, h, dpr);
  if (more === 2) {  // the first frame, laid out: drawn in the next task
    performance.measure('sipprep:first-frame-layout', 'sipprep:frame-start');
    framePending = true;
    nextTask().then(runFrame);
    return;
  }
  if (window.__frameTimes) window.__frameTimes.push(performance.now() - t0);  // bench/typing.mjs
  if (more) requestFrame();
}

// The page shows again: the canvas is drawn whole, not only what changed since it was hidden
// (the browser keeps the picture, as WebGL promises; one that let it go is covered too).
function shownAgain() { if (started) app.repaint(); }
document.addEventListener('visibilitychange', function () { if (!document.hidden) shownAgain(); });
window.addEventListener('pageshow', function (e) { if (e.persisted) shownAgain(); });

export function requestFrame() {
  if (started && !framePending) {
    framePending = true;
    frameRequest = requestAnimationFrame(runFrame);
  }
}

// Typing applied over more than one frame is all in before the draft is written (a tab
// closed right after the last keystroke gets no more animation frames).
export function runPendingFrame() { for (var i = 0; i < 4 && framePending && started; i++) runFrame(); }

export function frameDrawn() {
  window.__frames++;
  if (!window.__appReady) {
    sendHeld();
    performance.mark('sipprep:first-frame');
    measureStart();
    window.__appReady = true;
    // The a11y layer has the words now: the text version goes, in the same display frame as the
    // canvas shows them (screen readers hear them once; nothing moves).
    firstWords.hidden = true;
    canvas.classList.add('drawn');
    setTimeout(whenSeen, 0);
  }
}

// Where the start-up time went (bench/startup.mjs prints these): each step from its marks.
function measureStart() {
  [['sipprep:compile', 'sipprep:shell', 'sipprep:wasm-compiled'],
   ['sipprep:draft read', 'sipprep:shell', 'sipprep:draft-read'],
   ['sipprep:glue', 'sipprep:shell', 'sipprep:glue'],
   ['sipprep:instantiate', 'sipprep:instantiate', 'sipprep:instantiated'],
   ['sipprep:main', 'sipprep:instantiated', 'sipprep:runtime-ready'],
   ['sipprep:first-frame-draw', 'sipprep:frame-start', 'sipprep:first-frame']].forEach(function (m) {
    try { performance.measure(m[0], m[1], m[2]); } catch (e) { /* a mark is missing: nothing to measure */ }
  });
}

// Resolves in a task of its own: start-up work is cut into pieces that each end before the
// browser has to answer a tap (no long task).
export function nextTask() { return new Promise(function (resolve) { setTimeout(resolve, 0); }); }
