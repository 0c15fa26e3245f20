// Makes build/web, the static site, from what CMake built in build/wasm and the page in web/.
// build-wasm.sh runs it after the compile:   node tools/build-web/build-web.mjs WASM_BUILD OUT
// Each file is written only when its bytes change; anything in OUT this build did not write (a
// file of an older build) is removed, so the service worker's list is exactly the app.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { subsetFont } from './fonts.mjs';
import { minify } from './minify.mjs';
import { wasmOpt } from './wasm-opt.mjs';
import { buildIndex, bundlePage, minifyCss, pageEntry, readCatalogs } from './page.mjs';
import { readVersions } from './versions.mjs';
import { writeServerHeaders } from '../server-headers.mjs';
import { writeServiceWorker } from '../service-worker.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WEB = join(ROOT, 'web');
const [wasmBuild, out] = process.argv.slice(2).map((p) => p && resolve(p));
if (!wasmBuild || !out) { console.error('usage: node tools/build-web/build-web.mjs WASM_BUILD OUT'); process.exit(2); }

const step = (what) => console.log(`\n==> ${what}`);
const mtime = (f) => (existsSync(f) ? statSync(f).mtimeMs : 0);
const TOOL_FILES = readdirSync(dirname(fileURLToPath(import.meta.url))).filter((f) => f.endsWith('.mjs'))
  .map((f) => join(dirname(fileURLToPath(import.meta.url)), f));
// Whether `target` must be made again from `sources` (or this tool changed since).
const stale = (target, sources) => Math.max(...sources.map(mtime), ...TOOL_FILES.map(mtime)) > mtime(target);

const written = new Set(['_headers', 'sw.js']);  // written last, below
function put(name, bytes) {
  const file = join(out, name);
  written.add(name);
  if (existsSync(file) && readFileSync(file).equals(Buffer.from(bytes))) return;
  writeFileSync(file, bytes);
}
const copy = (from, name) => put(name, readFileSync(from));

const versions = readVersions();
mkdirSync(out, { recursive: true });

// The font, cut to the glyphs the app draws.
const FONT_SOURCE = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const FONT_RANGES = join(ROOT, 'src/ui/fonts.cpp');
if (!existsSync(FONT_SOURCE)) throw new Error(`${FONT_SOURCE} missing (package fonts-dejavu-core)`);
mkdirSync(join(wasmBuild, 'font'), { recursive: true });
for (const [name, table] of [['app-font.ttf', 'ranges'], ['app-font-rtl.ttf', 'rtl_ranges']]) {
  const font = join(wasmBuild, 'font', name);
  if (stale(font, [FONT_SOURCE, FONT_RANGES])) {
    step(`Subsetting DejaVu Sans to the characters the app shows (${name})`);
    subsetFont(FONT_SOURCE, FONT_RANGES, table, font);
  }
  copy(font, name);
}

const wasm = join(wasmBuild, 'sipprep.wasm'), optWasm = join(wasmBuild, 'sipprep.opt.wasm');
// Again when the module or the inlining limits (CMake writes them beside it) are newer.
if (Math.max(mtime(wasm), mtime(join(wasmBuild, 'generated', 'wasm-opt.json'))) > mtime(optWasm)) {
  step('wasm-opt -Oz --converge');
  wasmOpt(wasm, optWasm);
}

step(`Assembling ${out}`);
copy(optWasm, 'sipprep.wasm');
copy(join(wasmBuild, 'sipprep-age.wasm'), 'sipprep-age.wasm');
copy(join(wasmBuild, 'sipprep-bidi.wasm'), 'sipprep-bidi.wasm');
// The text catalogs other than Swedish: fetched when someone chooses the language (web/languages.js).
for (const f of readdirSync(join(wasmBuild, 'i18n')).filter((f) => /^i18n-.*\.cat$/.test(f))) copy(join(wasmBuild, 'i18n', f), f);
// The Emscripten glue of the app and of the passphrase module: scripts of their own.
for (const [f, exposes] of [['sipprep.js', 'Module'], ['sipprep-age.js', 'SipprepAge']]) {
  put(f, await minify(readFileSync(join(wasmBuild, f), 'utf8'), f, [exposes]));
}

// The page: its module graph as one script, page.js.
const indexSource = readFileSync(join(WEB, 'index.html'), 'utf8');
const entry = pageEntry(indexSource);
const page = await bundlePage(WEB, entry.file, versions, join(wasmBuild, 'generated', 'seam'));
put('page.js', await minify(page.code, 'page.js', undefined, { arrows: true }));
put('index.html', buildIndex(indexSource, {
  entryTag: entry.tag,
  styleCss: minifyCss(readFileSync(join(WEB, 'style.css'), 'utf8')),
  printCss: readFileSync(join(wasmBuild, 'generated/print.min.css')),  // as the wasm carries it (CMakeLists.txt)
  catalogs: readCatalogs(join(ROOT, 'assets/i18n'), ['sv', 'en']),
}));
for (const f of readdirSync(WEB)) {
  // sw.js: below, with the list of files; style.css: inside index.html
  if (f === 'index.html' || f === 'sw.js' || f === 'style.css' || page.modules.includes(f)) continue;
  if (f.endsWith('.js')) put(f, await minify(readFileSync(join(WEB, f), 'utf8'), f));  // the workers
  else copy(join(WEB, f), f);
}

// The app's icon, drawn by our own script: SVG, and PNG for home screens.
const icons = join(wasmBuild, 'icons'), makeIcons = join(ROOT, 'tools/make_icons.py');
if (stale(join(icons, 'icon.svg'), [makeIcons])) {
  mkdirSync(icons, { recursive: true });
  execFileSync('python3', [makeIcons, icons], { stdio: 'inherit' });
}
for (const f of readdirSync(icons)) copy(join(icons, f), f);

for (const f of readdirSync(out)) {
  if (!written.has(f) && !f.startsWith('.')) { rmSync(join(out, f)); console.log(`removed ${f} (from an older build)`); }
}
// The headers servers should send (the page's policy, for the workers too, and frame-ancestors).
writeServerHeaders(out);
// Offline: the service worker lists every file above, with its hash.
writeServiceWorker(out);
writeFileSync(join(out, 'sw.js'), await minify(readFileSync(join(out, 'sw.js'), 'utf8'), 'sw.js'));

// The sizes. Loaded apart from the first load: the passphrase parts (when someone protects or
// unlocks a file), the service worker, manifest, the tab's and home-screen icons and Swedish's
// "Om SIP" and consent form texts (after the app has started), each other language (when
// chosen), and the right-to-left parts (when such text is drawn). _headers and the dotfiles are
// for the server, not sent to browsers.
const LATER = /^(sipprep-age\..*|sipprep-bidi\.wasm|app-font-rtl\.ttf|age-worker\.js|sw\.js|manifest\.json|icon.*|i18n-sv\.cat)$/;
const sum = { first: [0, 0], later: [0, 0], all: [0, 0] };
const languages = [];
for (const f of readdirSync(out).sort()) {
  if (f === '_headers' || f.startsWith('.')) continue;
  const bytes = readFileSync(join(out, f));
  const size = [bytes.length, execFileSync('gzip', ['-9', '-c', join(out, f)]).length];  // as the README's numbers
  const add = (k) => { sum[k][0] += size[0]; sum[k][1] += size[1]; };
  add('all');
  if (/^i18n-.*\.cat$/.test(f) && f !== 'i18n-sv.cat') languages.push(`${f.slice(5, -4)} ${Math.floor(size[1] / 1024)} KB`);
  else add(LATER.test(f) ? 'later' : 'first');
}
const kb = (n) => Math.floor(n / 1024);
console.log(`build/web: first load ${kb(sum.first[0])} KB raw, ${kb(sum.first[1])} KB gzip -9 (${sum.first[1]} bytes); ` +
  `later (passphrase, right to left, offline, icons) ${kb(sum.later[0])} KB raw, ${kb(sum.later[1])} KB gzip -9; ` +
  `languages when chosen (gzip -9): ${languages.join(', ')}; whole folder ${kb(sum.all[1])} KB gzip -9 (${sum.all[1]} bytes)`);
console.log(`browsers (versions.json): ${Object.entries(versions.browsers).map(([b, v]) => `${b} ${v}`).join(', ')} or later`);
