// Each version is written once, in versions.json (the browsers the app supports, the Debian
// sources it builds from): CMakeLists.txt, build-wasm.sh and the page bundle read it from there.
// A second copy in any file of the repository fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SELF = relative(ROOT, fileURLToPath(import.meta.url));  // its examples below are copies on purpose
const versions = JSON.parse(readFileSync(join(ROOT, 'versions.json'), 'utf8'));
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// What a copy looks like: "Firefox 115", "imgui-1.86", "Dear ImGui 1.86", "-sMIN_CHROME_VERSION=109".
function copyPatterns(v) {
  const out = Object.entries(v.browsers).map(([name, min]) => [`${name} ${min}`, new RegExp(`\\b${escape(name)}[\\s-]*v?${min}\\b`, 'i')]);
  for (const [name, version] of Object.entries(v.sources)) {
    const stem = name.replace(/^lib/, '');
    const upstream = version.replace(/\+.*/, '');  // Debian's "+ds": the same upstream version
    out.push([`${name} ${upstream}`, new RegExp(`${escape(stem)}\\S*[\\s-]*v?${escape(upstream)}(?![\\d.])`, 'i')]);
  }
  out.push(['a minimum browser version for Emscripten', /MIN_(CHROME|FIREFOX|SAFARI|EDGE)_VERSION=\d/]);
  return out;
}

function copiesIn(text, patterns) {
  const found = [];
  text.split('\n').forEach((line, i) => {
    for (const [what, re] of patterns) if (re.test(line)) found.push(`${i + 1}: ${what}: ${line.trim()}`);
  });
  return found;
}

test('each version and browser minimum is written once, in versions.json', () => {
  const patterns = copyPatterns(versions);
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0')
    .filter((f) => f && f !== 'versions.json' && f !== SELF && !f.endsWith('package-lock.json') && !f.startsWith('assets/examples/'));
  const copies = [];
  for (const f of files) {
    let text;
    try { text = readFileSync(join(ROOT, f), 'utf8'); } catch { continue; }  // removed in the work tree
    if (text.includes('\0')) continue;  // binary
    for (const c of copiesIn(text, patterns)) copies.push(`${f}:${c}`);
  }
  assert.deepEqual(copies, [], 'write it in versions.json and read it from there');
});

test('the check finds the copies the repository had before versions.json', () => {
  const patterns = copyPatterns(versions);
  for (const line of [
    "  var NEWER = ' Safari 16, Firefox 115, Chrome 109 och Edge 109 eller senare fungerar.';",
    '      -sMIN_CHROME_VERSION=109 -sMIN_FIREFOX_VERSION=115 -sMIN_SAFARI_VERSION=160000',
    'set(IMGUI_DIR "${SIPPREP_DEPS}/src/imgui-1.86+ds" CACHE PATH "Dear ImGui source (apt-get source imgui)")',
    '// Pointer input waits here until the next frame. Dear ImGui 1.86 reads button *state* per',
    'SODIUM_SRC=$DEPS/src/libsodium-1.0.18',
    'FRIBIDI_SRC=$DEPS/src/fribidi-1.0.8',
  ]) assert.notDeepEqual(copiesIn(line, patterns), [], line);
  // Not copies: other numbers beside the same names.
  for (const line of ['(Chromium 138 s, Firefox 98 s, WebKit 125 s)', 'Without Web Locks (Safari 15.0–15.3)', 'fribidi-1.0.80'])
    assert.deepEqual(copiesIn(line, patterns), [], line);
});
