// The app's font: DejaVu Sans cut down (pyftsubset) to the glyph ranges src/ui/fonts.cpp builds
// its atlas from — `ranges` for app-font.ttf, `rtl_ranges` (Hebrew, Arabic: loaded only when
// right-to-left text is drawn) for app-font-rtl.ttf.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const hex = (n) => n.toString(16).toUpperCase().padStart(4, '0');

// "U+0020-00FF,U+2010-2015,…" from the table `name` in fonts.cpp's text.
export function unicodeRanges(source, name) {
  const table = source.match(new RegExp(`\\b${name}\\[\\] = \\{(.*?)\\};`, 's'));
  const v = table ? [...table[1].matchAll(/0x([0-9A-Fa-f]+)/g)].map((m) => parseInt(m[1], 16)) : [];
  if (!v.length || v.length % 2) throw new Error(`src/ui/fonts.cpp: ${name}[] as pairs of hex numbers`);
  const out = [];
  for (let i = 0; i < v.length; i += 2) out.push(v[i] === v[i + 1] ? `U+${hex(v[i])}` : `U+${hex(v[i])}-${hex(v[i + 1])}`);
  return out.join(',');
}

// Only the tables Dear ImGui's rasteriser (stb_truetype) reads are kept: the names, OS/2, post
// and gasp are for systems that install a font (0.4 KB gzip less; every glyph draws the same).
export function subsetFont(fontSource, rangesFile, table, outFile) {
  execFileSync('pyftsubset', [fontSource, `--output-file=${outFile}`,
    `--unicodes=${unicodeRanges(readFileSync(rangesFile, 'utf8'), table)}`, '--layout-features=', '--no-hinting',
    '--desubroutinize', '--drop-tables+=FFTM,GDEF,GPOS,GSUB,MATH,name,OS/2,post,gasp'], { stdio: 'inherit' });
}
