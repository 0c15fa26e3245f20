// CSS without comments and the spaces around its punctuation. Spaces inside values stay (calc()
// needs those around + and -), and so does a space before ':' (a descendant's pseudo-class).
// For style.css (build-web.mjs) and, run as `node css.mjs IN OUT`, for the print frame's
// stylesheet the web app carries in its wasm (CMakeLists.txt).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function minifyCss(css) {
  return css.replace(/\/\*.*?\*\//gs, '').replace(/\s+/g, ' ').replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':').replace(/;}/g, '}').trim() + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [from, to] = process.argv.slice(2);
  writeFileSync(to, minifyCss(readFileSync(from, 'utf8')));
}
