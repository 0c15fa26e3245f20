// What V8 compiles of the app's WebAssembly while a fresh page starts: Liftoff at each function's
// first call (on the page's thread) and TurboFan for the functions that ran hot (on worker
// threads, beside the page's thread on a 2-core phone), with the largest TurboFan compiles.
// Debian's Chromium, headless, V8's --trace-wasm-compilation-times; each load a fresh profile.
// Compile times vary by half between loads on a busy machine: read the medians, and the sizes.
//   node bench/wasm-compile.mjs [--web build/web] [--before DIR] [--runs 3]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, WEB } from '../tests/browser/harness.mjs';

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const runs = Number(arg('--runs', 3));
const builds = [['us', resolve(arg('--web', WEB))]];
if (process.argv.includes('--before')) builds.unshift(['us (before)', resolve(arg('--before'))]);

const LINE = /Compiled function .*#(\d+) using (TurboFan|Liftoff), took (\d+) μs.* bodysize (\d+)/;

// One load: the page until its first frame and a few seconds more (virtual time), every compile.
// (spawn, not spawnSync: the server runs in this process.)
async function load(url) {
  const profile = mkdtempSync(join(tmpdir(), 'sipprep-wasm-compile-'));
  try {
    const child = spawn('chromium', ['--headless', '--no-sandbox', '--no-first-run', `--user-data-dir=${profile}`,
      '--js-flags=--trace-wasm-compilation-times', '--virtual-time-budget=4000', '--window-size=1280,800',
      '--dump-dom', url]);
    let text = '';
    child.stdout.on('data', (d) => { text += d; });
    child.stderr.on('data', (d) => { text += d; });
    const timer = setTimeout(() => child.kill(), 120000);
    await new Promise((done) => child.on('close', done));
    clearTimeout(timer);
    if (!/id="a11y-root"/.test(text)) throw new Error('the page did not load: ' + text.slice(-400));
    const out = { TurboFan: [], Liftoff: [] };
    for (const line of text.split('\n')) {
      const m = LINE.exec(line);
      if (m) out[m[2]].push({ fn: Number(m[1]), us: Number(m[3]), bytes: Number(m[4]) });
    }
    return out;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const ms = (list) => list.reduce((s, c) => s + c.us, 0) / 1000;
for (const [name, dir] of builds) {
  const server = await serve(dir);
  const loads = [];
  for (let i = 0; i < runs; i++) loads.push(await load(server.url));
  await server.close();
  const turbo = loads.map((l) => ms(l.TurboFan)), lift = loads.map((l) => ms(l.Liftoff));
  console.log(`${name} (${dir})`);
  console.log(`  TurboFan: ${median(turbo).toFixed(0)} ms in ${median(loads.map((l) => l.TurboFan.length))} functions ` +
    `(loads: ${turbo.map((t) => t.toFixed(0)).join(', ')})`);
  console.log(`  Liftoff at first call: ${median(lift).toFixed(0)} ms in ${median(loads.map((l) => l.Liftoff.length))} functions ` +
    `(loads: ${lift.map((t) => t.toFixed(0)).join(', ')})`);
  const largest = [...new Map(loads.flatMap((l) => l.TurboFan).map((c) => [c.fn, c])).values()].sort((a, b) => b.bytes - a.bytes).slice(0, 5);
  console.log('  largest compiled by TurboFan: ' + largest.map((c) => `#${c.fn} ${c.bytes} B`).join(', '));
}
process.exit(0);
