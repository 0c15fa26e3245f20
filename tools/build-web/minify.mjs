// The one way the build minifies JavaScript (npm terser): locals and top-level names shortened,
// whitespace gone. `exposes`: the script's top-level names that other scripts use, kept (the
// Emscripten glue's `Module`, which the page calls; the passphrase module's `SipprepAge`, which
// age-worker.js starts).
import { minify as terser } from 'terser';

export async function minify(code, name, exposes = []) {
  try {
    const out = await terser(code, {
      ecma: 2017,
      compress: { passes: 2, toplevel: true },
      mangle: { toplevel: true, reserved: exposes },
    });
    return out.code;
  } catch (e) {
    throw new Error(`minifying ${name}: ${e.message}${e.line ? ` (line ${e.line}, column ${e.col})` : ''}`);
  }
}
