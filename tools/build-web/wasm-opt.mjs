// wasm-opt the way the build runs it on the app's WebAssembly: -Oz to a fixed point (Emscripten's
// -Oz runs it once; more rounds take a little more off) with the features the module uses.
// The build strips all names; `keepNames` keeps the function names for bench/wasm-parts.sh.
// How large a function may be and still be inlined into its only caller, or wherever it is
// called, is CMake's
// (CMakeLists.txt writes it beside the module: generated/wasm-opt.json), as Emscripten's link
// used it.
//   node tools/build-web/wasm-opt.mjs IN OUT [--keep-names]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const FEATURES = ['--enable-bulk-memory', '--enable-sign-ext', '--enable-mutable-globals', '--enable-nontrapping-float-to-int'];

export function wasmOpt(input, output, { keepNames = false } = {}) {
  const strip = keepNames ? ['-g', '--strip-dwarf'] : ['--strip-debug'];
  const file = join(dirname(input), 'generated', 'wasm-opt.json');
  let settings;
  try {
    settings = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: ${e.message} (CMake writes it when it configures the wasm build: run ./build-wasm.sh)`);
  }
  const inlining = ['--one-caller-inline-max-function-size=' + settings.oneCallerInlineMaxFunctionSize,
    '--always-inline-max-function-size=' + settings.alwaysInlineMaxFunctionSize];
  const pass = (from, extra) => execFileSync('wasm-opt',
    ['-Oz', '--converge', ...inlining, ...strip, '--strip-producers', ...extra, ...FEATURES, from, '-o', output],
    { stdio: 'inherit' });
  pass(input, []);
  // The optimised module once more, with one -Oz after the stripping: about 1 KB gzip less of the
  // first load (17th round: 264 670 -> 263 650 bytes gzip; a second plain pass changes nothing).
  pass(output, ['-Oz']);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [input, output, ...rest] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: node tools/build-web/wasm-opt.mjs IN OUT [--keep-names]');
    process.exit(2);
  }
  wasmOpt(input, output, { keepNames: rest.includes('--keep-names') });
}
