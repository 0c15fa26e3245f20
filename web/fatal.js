// Why the app cannot run, said in words in both languages (the app's language setting is not
// known yet), with "Ladda om appen" where a reload can help; and what the browser lacks before
// any of the app loads.

var firstWords = document.getElementById('first-words');  // the start screen's top, as text, until the first frame
var fatalBox = document.getElementById('fatal');

// The browsers the app supports, ["Safari N", …]: versions.json, put here by the build.
var BROWSERS = SIPPREP_BROWSERS;
function browsers(and) { return BROWSERS.slice(0, -1).join(', ') + ' ' + and + ' ' + BROWSERS[BROWSERS.length - 1]; }
var NEWER = ' ' + browsers('och') + ' eller senare fungerar.';
var NEWER_EN = ' ' + browsers('and') + ' or later work.';
var PROBLEMS = {
  'no-wasm': ['Din webbläsare är för gammal för appen. Den behöver WebAssembly.' + NEWER,
              'Your browser is too old for the app. It needs WebAssembly.' + NEWER_EN],
  'wasm-blocked': ['Webbläsaren tillåter inte WebAssembly på den här sidan. Det kan vara en inställning eller ett tillägg som blockerar skript; slå av det för den här sidan, eller prova en annan webbläsare.',
                   'The browser does not allow WebAssembly on this page. A setting or an extension that blocks scripts may do that; turn it off for this page, or try another browser.'],
  'no-webgl2': ['Webbläsaren kan inte visa WebGL2-grafik, som appen behöver. Slå på maskinvaruacceleration i webbläsarens inställningar, eller prova en nyare webbläsare.' + NEWER,
                'This browser cannot show WebGL2 graphics, which the app needs. Turn on hardware acceleration in its settings, or try a newer browser.' + NEWER_EN],
  'no-indexeddb': ['Webbläsaren låter inte appen spara något på enheten (IndexedDB saknas eller är avstängd, till exempel i vissa privata fönster). Öppna appen i ett vanligt fönster, eller prova en nyare webbläsare.' + NEWER,
                   'The browser does not let the app store anything on this device (IndexedDB is missing or turned off, as in some private windows). Open the app in an ordinary window, or try a newer browser.' + NEWER_EN],
  'load-failed': ['Appen kunde inte laddas. Kontrollera anslutningen och ladda om sidan.',
                  'The app could not be loaded. Check the connection and reload the page.'],
  'no-memory': ['Webbläsaren gav inte appen minne nog för att starta. Stäng andra flikar eller program och ladda om sidan. Inget av det som är sparat på den här datorn har tagits bort.',
                'The browser did not give the app enough memory to start. Close other tabs or programs and reload the page. Nothing saved on this computer has been removed.'],
  'crashed': ['Något gick fel i appen. Ladda om sidan.',
              'Something went wrong in the app. Reload the page.']
};

export function fatal(reason) {
  var text = PROBLEMS[reason] || PROBLEMS.crashed;
  fatalBox.textContent = '';
  var h = document.createElement('h1');
  h.textContent = 'Förbered din SIP kan inte starta';
  fatalBox.appendChild(h);
  [text[0], text[1]].forEach(function (t, i) {
    var p = document.createElement('p');
    p.textContent = t;
    if (i === 1) p.lang = 'en';
    fatalBox.appendChild(p);
  });
  if (!PROBLEMS[reason] && reason) {
    var detail = document.createElement('p');
    detail.textContent = '(' + reason + ')';
    fatalBox.appendChild(detail);
  }
  if (!MISSING[reason]) addReloadApp();
  firstWords.hidden = true;
  fatalBox.hidden = false;
  window.__appFailed = reason || 'crashed';
}

// "Ladda om appen": the app's files fetched anew. Clears only what the service worker keeps
// (its caches, its registration), never the draft (IndexedDB) or the settings (localStorage):
// clearing the site's data in the browser would take those too.
var MISSING = { 'no-wasm': 1, 'wasm-blocked': 1, 'no-webgl2': 1, 'no-indexeddb': 1 };  // a reload does not help
function addReloadApp() {
  var button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Ladda om appen';
  button.addEventListener('click', function () {
    button.disabled = true;
    reloadApp().then(function () { location.reload(); });
  });
  fatalBox.appendChild(button);
  ['Knappen hämtar appens filer på nytt. Det du har skrivit finns kvar på den här datorn.',
   '"Ladda om appen" (reload the app) fetches the app\'s files again. What you have written stays on this computer.'
  ].forEach(function (t, i) {
    var p = document.createElement('p');
    p.textContent = t;
    if (i === 1) p.lang = 'en';
    fatalBox.appendChild(p);
  });
}

function reloadApp() {
  var jobs = [];
  if (window.caches) {
    jobs.push(caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (k) { return k.indexOf('sipprep-') === 0; })  // web/sw.js: CACHE
        .map(function (k) { return caches.delete(k); }));
    }));
  }
  if (navigator.serviceWorker) {
    jobs.push(navigator.serviceWorker.getRegistration().then(function (r) { return r && r.unregister(); }));
  }
  return Promise.all(jobs).catch(function (e) { console.warn('could not clear the app\'s files: ' + e); });
}

// What the app needs, before any of it loads: each missing piece gets its own message.
export function missingPiece() {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') return 'no-wasm';
  try {
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));  // the empty module
  } catch (e) {
    return 'wasm-blocked';
  }
  if (!hasWebGL2()) return 'no-webgl2';
  if (!window.indexedDB) return 'no-indexeddb';
  return '';
}

// A browser without WebGL2 at all is told before the download; one where WebGL2 is there but
// blocked (a setting, a blocklisted GPU) is told when the app asks for its context. A trial
// context here would cost as much as the real one (tens of ms where WebGL runs in software).
function hasWebGL2() { return typeof WebGL2RenderingContext === 'function'; }

// Whether an error or an abort is the browser's memory running short.
export function lacksMemory(e) {
  return e instanceof RangeError || /out of memory|\bOOM\b|enlarge memory|allocat\w* (wasm )?memory/i.test(String(e && e.message || e));
}
