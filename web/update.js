// Offline use and new versions.
import { app } from './bridge.js';
import { draft } from './draft.js';
import { isStarted } from './frames.js';

// sw.js keeps the app's files for use without network. A new version waits until the person
// chooses to reload (the app shows the notice); then the draft is saved and the page reloads.
var registration = null;
var updateWaiting = false;

export function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('sw.js').then(function (reg) {
    registration = reg;
    function watch(worker) {
      if (!worker) return;
      worker.addEventListener('statechange', function () {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) tellUpdate();
      });
    }
    if (reg.waiting && navigator.serviceWorker.controller) tellUpdate();
    watch(reg.installing);
    reg.addEventListener('updatefound', function () { watch(reg.installing); });
  }).catch(function (e) { console.warn('offline use is not available: ' + e.message); });
}

function tellUpdate() {
  updateWaiting = true;
  if (isStarted()) app.update_available();
}

// At start: a new version found while the app loaded.
export function tellWaitingUpdate() {
  if (updateWaiting) app.update_available();
}

export function reloadForUpdate() {
  draft.flush().then(function () {
    var waiting = registration && registration.waiting;
    if (!waiting) { location.reload(); return; }
    navigator.serviceWorker.addEventListener('controllerchange', function () { location.reload(); });
    waiting.postMessage('skip-waiting');
  });
}
