// The one way the build minifies JavaScript (npm terser): names of locals shortened, whitespace
// gone. A script's top-level names are its globals (a worker's are read by the tests) and stay,
// but for generated code that says which of them other scripts use (`exposes`: the Emscripten
// glue's `Module`, which the page calls; the passphrase module's `SipprepAge`, which
// age-worker.js starts): there the rest are shortened too (about 6 KB gzip less).
import { minify as terser } from 'terser';

export async function minify(code, name, exposes) {
  const toplevel = Array.isArray(exposes);
  try {
    const out = await terser(code, {
      ecma: 2017,
      compress: { passes: 2, toplevel },
      mangle: { toplevel, reserved: exposes || [] },
    });
    return out.code;
  } catch (e) {
    throw new Error(`minifying ${name}: ${e.message}${e.line ? ` (line ${e.line}, column ${e.col})` : ''}`);
  }
}
