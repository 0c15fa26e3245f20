// Prints the web app's budgets: download size (raw and gzip -9), time to first frame, and
// frames drawn while idle, in Chromium, Firefox and WebKit. Numbers to read, not a pass/fail test.
//   node bench/web.mjs [--runs 5]      (after ./build-wasm.sh; uses tests/browser's playwright-core)
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve, WEB } from '../tests/browser/harness.mjs';
import { ENGINES, launchEngine } from '../tests/browser/engines/index.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;

// The passphrase module loads on first use only (web/age.js), a language but Swedish when it is
// chosen (web/languages.js): not part of the first load.
const LAZY = /^(sipprep-age\.|age-worker\.js$|i18n-.*\.cat$)/;
let totalRaw = 0, totalGz = 0, lazyRaw = 0, lazyGz = 0;
console.log('file                raw KB   gzip -9 KB');
for (const name of (await readdir(WEB)).sort()) {
  const bytes = await readFile(join(WEB, name));
  const gz = gzipSync(bytes, { level: 9 }).length;
  if (LAZY.test(name)) { lazyRaw += bytes.length; lazyGz += gz; } else { totalRaw += bytes.length; totalGz += gz; }
  console.log(`${name.padEnd(18)} ${(bytes.length / 1024).toFixed(1).padStart(7)}   ${(gz / 1024).toFixed(1).padStart(9)}${LAZY.test(name) ? '   (on first use)' : ''}`);
}
console.log(`${'first load'.padEnd(18)} ${(totalRaw / 1024).toFixed(1).padStart(7)}   ${(totalGz / 1024).toFixed(1).padStart(9)}`);
console.log(`${'on first use'.padEnd(18)} ${(lazyRaw / 1024).toFixed(1).padStart(7)}   ${(lazyGz / 1024).toFixed(1).padStart(9)}   (passphrase module, languages but Swedish)`);
console.log(`${'whole folder'.padEnd(18)} ${((totalRaw + lazyRaw) / 1024).toFixed(1).padStart(7)}   ${((totalGz + lazyGz) / 1024).toFixed(1).padStart(9)}   (budget 300 KB gzip, issue 12)`);

// Time to first frame (the page's own 'sipprep:first-frame' mark, from navigation start) and
// frames drawn while idle, in each engine the browser tests run (SIPPREP_ENGINES chooses).
const server = await serve();
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const rows = [];
for (const name of ENGINES) {
  const engine = await launchEngine(name);
  const firstFrame = [], idle = [];
  for (let i = 0; i < runs; i++) {
    const s = await engine.open({ width: 1280, height: 900 });
    await s.open(server.url);
    firstFrame.push(await s.eval(() => performance.getEntriesByName('sipprep:first-frame')[0].startTime));
    await s.sleep(1000);
    const before = await s.eval(() => window.__frames);
    await s.sleep(3000);
    idle.push((await s.eval(() => window.__frames)) - before);
    await s.close();
  }
  rows.push({ name, version: engine.version, firstFrame, idle });
  await engine.close();
}
await server.close();
console.log(`\n${'engine'.padEnd(26)}${`first frame, median of ${runs} (min–max)`.padEnd(36)}frames in 3 s idle (budget ≤ 2)`);
for (const r of rows) {
  const range = `${median(r.firstFrame).toFixed(0)} ms (${Math.min(...r.firstFrame).toFixed(0)}–${Math.max(...r.firstFrame).toFixed(0)})`;
  console.log(`${`${r.name} ${r.version}`.padEnd(26)}${range.padEnd(36)}${r.idle.join(', ')}`);
}
console.log('(Chromium headless on SwiftShader; Firefox and WebKitGTK under Xvfb on llvmpipe; fresh profile each load)');
process.exit(0);
