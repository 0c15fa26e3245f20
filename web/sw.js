// The service worker: the app's own files, cached as one version, so that after the first visit
// the app starts and works with no network — every step, files, printing, passphrases. The build
// (tools/service-worker.mjs) fills in VERSION, a hash of all the files, and FILES. A new version
// is installed beside the running one and waits: the page says "Ny version finns" and switches
// only when the person chooses (the draft is saved first), never in the middle of typing.
'use strict';
var VERSION = 'dev';
var FILES = [];
var CACHE = 'sipprep-' + VERSION;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // Asked of the server each time (the HTTP cache might hold files of the version before), but
    // a file the page has just downloaded comes back as "not modified": one download per visit.
    return cache.addAll(FILES.map(function (f) { return new Request(f, { cache: 'no-cache' }); }));
  }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('sipprep-') === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(request, { ignoreSearch: true }).then(function (hit) { return hit || fetch(request); });
  }));
});

self.addEventListener('message', function (event) {
  if (event.data === 'skip-waiting') self.skipWaiting();
});
