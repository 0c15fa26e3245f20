// The build tool's page step (tools/build-web/page.mjs): the page's scripts come from one
// place, the module graph of web/index.html's one module script, bundled into page.js; the
// index.html it writes has the policy's hashes of what it really contains.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIndex, bundlePage, minifyCss, pageEntry, readCatalogs } from '../../tools/build-web/page.mjs';
import { readVersions } from '../../tools/build-web/versions.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WEB = join(ROOT, 'web');
const indexSource = readFileSync(join(WEB, 'index.html'), 'utf8');
// The bridge and the asks (./bridge.js, ./asks.js) are generated from the seam's table, as CMake does.
const SEAM = mkdtempSync(join(tmpdir(), 'sipprep-seam-'));
execFileSync('python3', [join(ROOT, 'tools/seam.py'), join(ROOT, 'src/platform/seam.def'), SEAM]);

test('web/index.html names one entry module and no classic scripts', () => {
  assert.deepEqual(pageEntry(indexSource).file, 'shell.js');
  assert.throws(() => pageEntry(indexSource.replace('</body>', '<script src="bridge.js"></script>\n</body>')), /classic script.*ES modules/);
  assert.throws(() => pageEntry(indexSource.replace('<script type="module"', '<script type="module" src="x.js"></script><script type="module"')), /one <script type="module"/);
});

test('page.js holds every script of web/ but the workers, each after what it needs at load', async () => {
  const { code, modules } = await bundlePage(WEB, 'shell.js', readVersions(), SEAM);
  // The workers are started by name from the page; every other script is one of its modules.
  const workers = [...code.matchAll(/(?:new Worker|serviceWorker\.register)\('([a-z-]+\.js)'/g)].map((m) => m[1]);
  assert.deepEqual(workers.sort(), ['age-worker.js', 'sw.js']);
  const scripts = readdirSync(WEB).filter((f) => f.endsWith('.js') && !workers.includes(f));
  assert.deepEqual([...modules].sort(), [...scripts, 'bridge.js', 'asks.js'].sort());
  assert.equal(modules.at(-1), 'shell.js', 'the entry runs last');
  // Read as they load: draft.js uses the store's parts and the passphrase.
  const at = (f) => modules.indexOf(f);
  for (const f of ['store.js', 'versions.js', 'draft-store.js', 'age.js']) assert.ok(at(f) < at('draft.js'), f);
  assert.equal(at('bridge.js'), 0, 'the bridge to the app before any script that calls it');
  assert.ok(!/^\s*(import|export)\b/m.test(code), 'page.js is a classic script');
});

// The page's modules reach each other by named imports; window.Sipprep* is only for what is outside
// them (shell.js says which): index.html's SipprepEarly, and the generated SipprepApp and SipprepAsks.
test('the page\'s modules share nothing through window globals', () => {
  for (const f of readdirSync(WEB).filter((f) => f.endsWith('.js') && f !== 'sw.js' && f !== 'age-worker.js')) {
    const code = readFileSync(join(WEB, f), 'utf8').replace(/\/\/.*$/gm, '');
    const globals = [...code.matchAll(/\bwindow\.(Sipprep\w*)/g)].map((m) => m[1]).filter((g) => g !== 'SipprepEarly');
    assert.deepEqual(globals, [], f);
  }
});

test('the browsers in the "too old" message are versions.json\'s', async () => {
  const versions = readVersions();
  const { code } = await bundlePage(WEB, 'shell.js', versions, SEAM);
  assert.ok(!code.includes('SIPPREP_BROWSERS'));
  assert.ok(code.includes(JSON.stringify(Object.entries(versions.browsers).map(([b, v]) => `${b} ${v}`))));
  const other = { ...versions, browsers: { Safari: 99, Firefox: 999 } };
  assert.ok((await bundlePage(WEB, 'shell.js', other, SEAM)).code.includes('["Safari 99","Firefox 999"]'));
});

test('index.html: page.js in the entry\'s place, the stylesheet inline, the policy allows exactly its inline script, its style and the print CSS', () => {
  const printCss = readFileSync(join(ROOT, 'assets/print.css'));
  const styleCss = minifyCss(readFileSync(join(WEB, 'style.css'), 'utf8'));
  const html = buildIndex(indexSource, {
    entryTag: pageEntry(indexSource).tag, styleCss, printCss, catalogs: readCatalogs(join(ROOT, 'assets/i18n'), ['sv', 'en']),
  });
  const sha = (b) => `'sha256-${createHash('sha256').update(b).digest('base64')}'`;
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];
  const scripts = [...html.matchAll(/<script>(.*?)<\/script>/gs)].map((m) => m[1]);
  assert.equal(scripts.length, 1);
  assert.match(policy, new RegExp(`script-src 'self' ${sha(scripts[0]).replace(/[+/]/g, '\\$&')} 'wasm-unsafe-eval';`));
  const styles = [...html.matchAll(/<style>(.*?)<\/style>/gs)].map((m) => m[1]);
  assert.equal(styles.length, 1);
  assert.equal(styles[0].replace(/\s+/g, ' '), styleCss.trim().replace(/\s+/g, ' '));
  assert.ok(!html.includes('<link rel="stylesheet"'), 'the stylesheet is a request that blocks the first paint');
  assert.ok(html.indexOf('<style>') < html.indexOf('<script>'), 'the inline script would wait for a stylesheet before it');
  assert.ok(policy.includes(`style-src 'self' ${sha(styles[0])} ${sha(printCss)};`));
  assert.deepEqual([...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]), ['page.js']);
  assert.ok(!html.includes('<!--') && !html.includes('type="module"'));
  const sv = JSON.parse(readFileSync(join(ROOT, 'assets/i18n/sv.json'), 'utf8'));
  assert.ok(html.includes(`<h1 data-i18n="app.title">${sv['app.title']}</h1>`));
});

test('CSS loses comments and indentation, nothing else', () => {
  assert.equal(minifyCss('/* a\n comment */\nbody {\n  color: red; /* why */\n}\n\n'), 'body{color:red}\n');
  assert.equal(minifyCss('a > b, c :focus {\n  width: calc(1px + 2%);\n  font: 1px "A B", x;\n}\n@media (max-width: 9px) {\n  a { b: c; }\n}'),
    'a>b,c :focus{width:calc(1px + 2%);font:1px "A B",x}@media (max-width:9px){a{b:c}}\n');
});

// The function bodies of a WebAssembly module (its code section), in bytes.
function functionSizes(bytes) {
  let i = 8;
  const leb = () => { let r = 0, s = 0, b; do { b = bytes[i++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return r >>> 0; };
  while (i < bytes.length) {
    const id = bytes[i++], size = leb(), end = i + size;
    if (id === 10) {
      const sizes = [];
      for (let n = leb(); n > 0; n--) { const body = leb(); sizes.push(body); i += body; }
      return sizes;
    }
    i = end;
  }
  return [];
}

// V8 compiles a function again with TurboFan once it runs hot, on a thread beside the page's: a
// huge one (the font rasteriser inlined into one 12.7 KB function) took 200-300 ms of a 2-core
// phone's start-up. Binaryen's inlining into an only caller is bounded once, in CMakeLists.txt.
test('the app\'s WebAssembly has no huge function and few tiny ones; the inlining limits are written once', { skip: !existsSync(join(ROOT, 'build/web/sipprep.wasm')) && 'no web build' }, () => {
  const sizes = functionSizes(readFileSync(join(ROOT, 'build/web/sipprep.wasm')));
  assert.ok(sizes.length > 1000, `${sizes.length} functions read`);
  // Without the limit: 27 012 and 12 756 bytes; with it the largest, the FHIR export, 9 785.
  const largest = Math.max(...sizes);
  assert.ok(largest <= 12000, `the largest function is ${largest} bytes`);
  const cmake = readFileSync(join(ROOT, 'CMakeLists.txt'), 'utf8');
  assert.ok(/set\(SIPPREP_ONE_CALLER_INLINE_MAX (\d+)\)/.test(cmake), 'CMakeLists.txt sets SIPPREP_ONE_CALLER_INLINE_MAX');
  // The smallest functions are inlined wherever they are called (SIPPREP_ALWAYS_INLINE_MAX): each
  // function V8 meets at start is compiled then, on the page's thread. Bodies of 12 bytes or
  // less: 113 with it, 462 without (one-caller limit 30).
  assert.ok(/set\(SIPPREP_ALWAYS_INLINE_MAX (\d+)\)/.test(cmake), 'CMakeLists.txt sets SIPPREP_ALWAYS_INLINE_MAX');
  const tiny = sizes.filter((s) => s <= 12).length;
  assert.ok(tiny <= 200, `${tiny} functions of 12 bytes or less: the small ones are not inlined`);
  const copies = spawnSync('git', ['grep', '-l', '-E', 'inline-max-function-size=[0-9]'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(copies.stdout.trim(), '', 'a second copy of the limit, as a number');
});
