// The page: web/index.html and what it loads. The page's scripts are ES modules; web/index.html
// names one, the entry (web/shell.js), whose imports bring in the rest in the order they must
// run. The build bundles that module graph into one classic script, page.js (one request; it
// runs where the entry's tag was, and a browser too old for modules still gets the "too old"
// message), fills in the policy's hashes and the first words, and strips the comments.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { rollup } from 'rollup';

const sha256 = (bytes) => `'sha256-${createHash('sha256').update(bytes).digest('base64')}'`;

// web/index.html's one module script: the entry of the page's module graph.
export function pageEntry(html, file = 'web/index.html') {
  const classic = html.match(/<script src="[^"]*"><\/script>/);
  if (classic) throw new Error(`${file}: ${classic[0]} is a classic script; the page's scripts are ES modules imported from its one <script type="module">`);
  const entries = [...html.matchAll(/<script type="module" src="([a-z-]+\.js)"><\/script>/g)];
  if (entries.length !== 1) throw new Error(`${file}: one <script type="module" src="…"> (the page's entry), found ${entries.length}`);
  return { tag: entries[0][0], file: entries[0][1] };
}

// Bundles the module graph from web/<entry> into one script; the modules' files, in the order
// they run, are `modules`. SIPPREP_BROWSERS in a module becomes versions.json's browsers,
// ["Safari N", …]. ./bridge.js and ./asks.js are generated (tools/seam.py, from
// src/platform/seam.def): they are taken from `generated`, CMake's folder for them.
export async function bundlePage(web, entry, versions, generated) {
  const browsers = JSON.stringify(Object.entries(versions.browsers).map(([name, min]) => `${name} ${min}`));
  let replaced = 0;
  const bundle = await rollup({
    input: join(web, entry),
    treeshake: false,  // terser removes what is unused, as it did when the scripts were joined
    onwarn(w) {
      throw new Error(`bundling the page's modules: ${w.message}`);
    },
    plugins: [{
      name: 'sipprep-seam',
      resolveId(source, importer) {
        if (source === './bridge.js' || source === './asks.js') return join(generated, source);
        return importer && importer.startsWith(generated) ? join(web, source) : null;  // asks.js's imports
      },
    }, {
      name: 'sipprep-versions',
      transform(code) {
        return code.replace(/\bSIPPREP_BROWSERS\b/g, () => { replaced++; return browsers; });
      },
    }],
  });
  const { output } = await bundle.generate({ format: 'iife' });
  await bundle.close();
  if (!replaced) throw new Error('web/: no module reads SIPPREP_BROWSERS (the browsers from versions.json, for the "too old" message)');
  const [chunk] = output;
  return { code: chunk.code, modules: Object.keys(chunk.modules).map((id) => basename(id)) };
}

// web/index.html as served: `entryTag` replaced by page.js, web/style.css (minified) in its
// <link>'s place as the page's one <style>, the policy's hashes (the one inline script, that
// <style>, assets/print.css as the print frame's <style>), no comments, and the first words
// from the catalogs (each data-i18n element in its lang, Swedish by default).
// The stylesheet is inline so that nothing stands between the page's bytes and its first paint:
// a <link> is a request that blocks rendering, and the inline script after it (which starts
// the big downloads) waits for it too — one more round trip on a slow connection.
export const STYLE_LINK = '<link rel="stylesheet" href="style.css">';
export function buildIndex(html, { entryTag, styleCss, printCss, catalogs }) {
  if (html.split(STYLE_LINK).length !== 2) throw new Error(`web/index.html: one ${STYLE_LINK}, which the build inlines`);
  const style = String(styleCss).trim();
  if (style.includes('</')) throw new Error('web/style.css: "</" would end the inline <style>');
  html = html.replace(STYLE_LINK, () => `<style>${style}</style>`);
  html = html.replace(entryTag, '<script src="page.js"></script>');
  html = html.replace(/[ \t]*<!--.*?-->\n?/gs, '');  // the comments are for web/index.html's readers
  let filled = 0;
  html = html.replace(/(<(\w+)\b[^>]*? data-i18n="([\w.]+)"[^>]*>)<\/\2>/g, (all, open, tag, key) => {
    const lang = (open.match(/\blang="(\w+)"/) || [])[1] || 'sv';
    const text = catalogs[lang]?.[key];
    if (typeof text !== 'string') throw new Error(`web/index.html: no text for ${key} in the ${lang} catalog`);
    filled++;
    return open + text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') + `</${tag}>`;
  });
  if (!filled || /data-i18n="[^"]*"[^>]*><\//.test(html)) throw new Error('web/index.html: a data-i18n element the build could not fill');
  html = html.replace(/\n\s+/g, '\n');  // without indentation: the page is in the first load
  // The hashes last, of the inline script and style exactly as served.
  const early = [...html.matchAll(/<script>(.*?)<\/script>/gs)];
  if (early.length !== 1) throw new Error('web/index.html: one inline script, whose hash the policy allows');
  html = html.replace("'EARLY_JS_HASH'", sha256(Buffer.from(early[0][1], 'utf8')));
  const styles = [...html.matchAll(/<style>(.*?)<\/style>/gs)];
  if (styles.length !== 1) throw new Error('web/index.html: one <style>, web/style.css inline');
  html = html.replace("'STYLE_CSS_HASH'", sha256(Buffer.from(styles[0][1], 'utf8')));
  html = html.replace("'PRINT_CSS_HASH'", sha256(printCss));
  if (html.includes('_HASH')) throw new Error('web/index.html: a policy placeholder the build does not fill');
  return html;
}

export { minifyCss } from './css.mjs';

export function readCatalogs(dir, langs) {
  return Object.fromEntries(langs.map((l) => [l, JSON.parse(readFileSync(join(dir, `${l}.json`), 'utf8'))]));
}
