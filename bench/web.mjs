// Prints the web app's budgets: download size (raw and gzip -9), time to first frame, and
// frames drawn while idle. Numbers to read, not a pass/fail test.
//   node bench/web.mjs [--runs 5]      (after ./build-wasm.sh; uses tests/browser's playwright-core)
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve, launch, WEB } from '../tests/browser/harness.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;

// The passphrase module loads on first use only (web/age.js): not part of the first load.
const LAZY = /^(sipprep-age\.|age-worker\.js$)/;
let totalRaw = 0, totalGz = 0, lazyRaw = 0, lazyGz = 0;
console.log('file                raw KB   gzip -9 KB');
for (const name of (await readdir(WEB)).sort()) {
  const bytes = await readFile(join(WEB, name));
  const gz = gzipSync(bytes, { level: 9 }).length;
  if (LAZY.test(name)) { lazyRaw += bytes.length; lazyGz += gz; } else { totalRaw += bytes.length; totalGz += gz; }
  console.log(`${name.padEnd(18)} ${(bytes.length / 1024).toFixed(1).padStart(7)}   ${(gz / 1024).toFixed(1).padStart(9)}${LAZY.test(name) ? '   (on first use)' : ''}`);
}
console.log(`${'first load'.padEnd(18)} ${(totalRaw / 1024).toFixed(1).padStart(7)}   ${(totalGz / 1024).toFixed(1).padStart(9)}`);
console.log(`${'passphrase module'.padEnd(18)} ${(lazyRaw / 1024).toFixed(1).padStart(7)}   ${(lazyGz / 1024).toFixed(1).padStart(9)}   (loaded when a file is protected or unlocked)`);
console.log(`${'whole folder'.padEnd(18)} ${((totalRaw + lazyRaw) / 1024).toFixed(1).padStart(7)}   ${((totalGz + lazyGz) / 1024).toFixed(1).padStart(9)}   (budget 300 KB gzip, issue 12)`);

const server = await serve();
const browser = await launch();
const firstFrame = [], idle = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.__appReady === true, null, { timeout: 30000 });
  firstFrame.push(await page.evaluate(() => performance.now()));
  await page.waitForTimeout(1000);
  const before = await page.evaluate(() => window.__frames);
  await page.waitForTimeout(3000);
  idle.push((await page.evaluate(() => window.__frames)) - before);
  await context.close();
}
await browser.close();
await server.close();
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log(`time to first frame: median ${median(firstFrame).toFixed(0)} ms over ${runs} fresh loads ` +
  `(min ${Math.min(...firstFrame).toFixed(0)}, max ${Math.max(...firstFrame).toFixed(0)}; headless Chromium, SwiftShader)`);
console.log(`frames drawn in 3 s idle: ${idle.join(', ')} (budget ≤ 2)`);
