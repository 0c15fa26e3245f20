// Import time in the browser: a 2 MB bundle (1 000 questions, long texts; the same as
// build/native/sipprep_bench writes) opened in the professional's view, measured around the
// app's own call (reading, schema, integrity, rules). Prints the median of 7.
//   node bench/import.mjs   (after ./build-wasm.sh and cmake --build --preset native)
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { serve, launch, ROOT } from '../tests/browser/harness.mjs';

const file = join(mkdtempSync(join(tmpdir(), 'sipprep-')), 'big.json');
execFileSync(join(ROOT, 'build/native/sipprep_bench'), { env: { ...process.env, SIPPREP_BENCH_WRITE: file } });
const text = readFileSync(file, 'utf8');
const megabytes = readFileSync(file).length / 1048576;

const server = await serve();
const browser = await launch();
const page = await browser.newPage();
await page.goto(server.url);
await page.waitForFunction(() => window.__appReady === true, null, { timeout: 30000 });
await page.getByRole('button', { name: 'Jag är yrkesverksam', exact: false }).focus();
await page.keyboard.press('Enter');
await page.getByRole('button', { name: 'Öppna fil', exact: true }).first().waitFor({ state: 'attached' });
const times = await page.evaluate((t) => {
  const bytes = new TextEncoder().encode(t);
  const out = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();  // with copying the file into the module's memory (web/bridge.js)
    window.SipprepApp.file_opened('big.json', bytes, 0);
    out.push(performance.now() - t0);
  }
  return out;
}, text);
await browser.close();
await server.close();
times.sort((a, b) => a - b);
console.log(`import ${megabytes.toFixed(2)} MB in the browser (wasm): median ${times[3].toFixed(1)} ms, min ${times[0].toFixed(1)}, max ${times[6].toFixed(1)} (7 runs)`);
