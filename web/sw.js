// The service worker: the app's own files, cached as one version, so that after the first visit
// the app starts and works with no network — every step, files, printing, passphrases. The build
// (tools/service-worker.mjs) fills in VERSION, a hash of all the files, and FILES, each file's
// SHA-256. A new version is installed beside the running one and waits: the page says "Ny version
// finns" and switches only when the person chooses (the draft is saved first), never in the
// middle of typing.
// Nothing is served from the cache unchecked: a file whose bytes are not the ones the build
// listed (a deploy caught half-way, a damaged cache) is fetched from the network instead and
// cached again when the network has the right bytes. Without that, one bad file could keep the
// app from starting on every visit, and the cure people find (clearing the site's data) would
// delete the draft too.
'use strict';
var VERSION = 'dev';
var FILES = {};
var CACHE = 'sipprep-' + VERSION;
// What the first visit's page downloaded already (web/load.js, handOver): taken from here once
// its bytes are checked, not asked of the server again; emptied when the install is done.
var PAGE_CACHE = 'sipprep-page';

function hex(buffer) {
  return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
}

// Whether `response` holds the bytes the build listed for `path` (read from a copy).
function matches(path, response) {
  return response.clone().arrayBuffer()
    .then(function (bytes) { return crypto.subtle.digest('SHA-256', bytes); })
    .then(function (digest) { return hex(digest) === FILES[path]; });
}

// The file's name as FILES lists it ('./' for the start page), or null for anything else.
function pathOf(url) {
  var scope = new URL(self.registration.scope);
  var u = new URL(url);
  if (u.origin !== scope.origin || u.pathname.indexOf(scope.pathname) !== 0) return null;
  var path = u.pathname.slice(scope.pathname.length) || './';
  return Object.prototype.hasOwnProperty.call(FILES, path) ? path : null;
}

// The text catalogs of the languages other than Swedish (web/languages.js): each is cached when
// it is first fetched, not with the rest (most people use one language), and again with each new
// version for the languages that were used with the version before. Swedish's (i18n-sv.cat, the
// texts of "Om SIP") is kept with the rest: that screen opens offline too.
function isLanguage(path) { return /^i18n-.*\.cat$/.test(path) && path !== 'i18n-sv.cat'; }

function languagesUsed() {
  return caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('sipprep-') === 0 && k !== CACHE; })
      .map(function (k) { return caches.open(k).then(function (c) { return c.keys(); }); }));
  }).then(function (lists) {
    var used = {};
    lists.forEach(function (requests) {
      requests.forEach(function (r) {
        var path = pathOf(r.url);
        if (path && isLanguage(path)) used[path] = true;
      });
    });
    return used;
  });
}

// For the install: asked of the server each time (the HTTP cache might hold files of the version
// before), but a file the page has just downloaded comes back as "not modified". A file that is
// not what this version lists (the server is half-way through a deploy) fails the install: the
// version before keeps running, and the browser tries again later. (What was cached by then
// stays until a version activates: every file in it has been checked.)
function download(path) {
  return fetch(new Request(path, { cache: 'no-cache' })).then(function (response) {
    if (!response.ok) throw new Error(path + ': HTTP ' + response.status);
    return matches(path, response).then(function (ok) {
      if (!ok) throw new Error(path + ' is not the file this version lists');
      return response;
    });
  });
}

// The page's copy where it handed one over and it is this version's file, else a download.
function fromPageOrServer(page, path) {
  return page.match(path).then(function (copy) {
    if (!copy) return download(path);
    return matches(path, copy).then(function (ok) { return ok ? copy : download(path); });
  });
}

self.addEventListener('install', function (event) {
  event.waitUntil(Promise.all([caches.open(CACHE), languagesUsed(), caches.open(PAGE_CACHE)]).then(function (opened) {
    var cache = opened[0], used = opened[1], page = opened[2];
    // Files with the same bytes ('./' and 'index.html') are fetched once and kept under each name.
    var named = {};
    Object.keys(FILES).filter(function (path) { return !isLanguage(path) || used[path]; }).forEach(function (path) {
      (named[FILES[path]] = named[FILES[path]] || []).push(path);
    });
    return Promise.all(Object.keys(named).map(function (hash) {
      var paths = named[hash];
      return fromPageOrServer(page, paths[0]).then(function (response) {
        return Promise.all(paths.map(function (path, i) {
          return cache.put(path, i + 1 < paths.length ? response.clone() : response);
        }));
      });
    }));
  }).then(function () { return caches.delete(PAGE_CACHE); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('sipprep-') === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

// From the network, past the HTTP cache; cached again when it is the file this version lists.
// A different file (a newer version on the server) is passed on, not cached: its own service
// worker comes with it.
function fromNetwork(cache, path) {
  return fetch(new Request(path, { cache: 'no-cache' })).then(function (response) {
    if (!response.ok) return response;
    return matches(path, response).then(function (ok) {
      if (ok) {
        return cache.put(path, response.clone()).then(function () { return response; }, function () { return response; });
      }
      return response;
    });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var path = pathOf(request.url);
  if (!path) return;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(path).then(function (hit) {
      if (!hit) return fromNetwork(cache, path);
      // Checked each time it is served (a few milliseconds for the largest file): a cache can be
      // damaged while this worker runs.
      return matches(path, hit).then(function (ok) {
        if (ok) return hit;
        return cache.delete(path).then(function () { return fromNetwork(cache, path); });
      });
    });
  }));
});

self.addEventListener('message', function (event) {
  if (event.data === 'skip-waiting') self.skipWaiting();
});
