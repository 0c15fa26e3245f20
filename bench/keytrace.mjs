// Where a keystroke's time goes, as on a slow phone: the typing of bench/inp.mjs (a question of a
// 100-question draft, CPU 4× slower through CDP, 412×823 CSS px at DPR 1.75) under a Chromium
// trace. For each keystroke: its Event Timing parts (input delay, processing, presentation), and
// the renderer main thread's work from the keydown to the next keydown by kind (the input
// events' handlers, animation frames — the app's frame —, style, layout, paint, the commit where
// the page waits for the GPU process, other tasks), plus the GPU process's busy time. Medians
// over the keystrokes, and the same over the slowest tenth.
//   node bench/keytrace.mjs [--cpu 4] [--keys 30] [--dpr 1.75] [--web build/web]
import { resolve } from 'node:path';
import { loadavg } from 'node:os';
import { serve, launch, WEB } from '../tests/browser/harness.mjs';
import { largeDraft, openOnQuestions } from './drafts.mjs';

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const cpu = Number(arg('--cpu', 4));
const keys = Number(arg('--keys', 30));
const dpr = Number(arg('--dpr', 1.75));
const web = resolve(arg('--web', WEB));

// Main-thread trace events by what they are; the outermost of each counts.
const KIND = {
  EventDispatch: 'input handlers', FireAnimationFrame: 'animation frame (app frame)', TimerFire: 'timers',
  FunctionCall: 'other script', UpdateLayoutTree: 'style', Layout: 'layout', PrePaint: 'paint', Paint: 'paint',
  Layerize: 'paint', UpdateLayer: 'paint', Commit: 'commit (waits for the GPU process)',
  MajorGC: 'GC', MinorGC: 'GC', 'BlinkGC.AtomicPhase': 'GC',
};

const server = await serve(web, { gzip: true });
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: dpr });
await context.addInitScript(() => {
  window.__interactions = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.interactionId || e.name !== 'keydown') continue;
      window.__interactions.push({ start: e.startTime, duration: e.duration, delay: e.processingStart - e.startTime,
        processing: e.processingEnd - e.processingStart, presentation: e.startTime + e.duration - e.processingEnd });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
});
const { page, field } = await openOnQuestions(context, server.url, largeDraft({ questions: 100 }));
await field.focus();
await page.waitForTimeout(1000);
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
await page.evaluate(() => { window.__interactions.length = 0; });
const frames0 = await page.evaluate(() => window.__frames);
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'gpu', 'viz', 'blink.user_timing'] });
for (let i = 0; i < keys; i++) {
  await page.keyboard.type(String.fromCharCode(97 + (i % 26)));
  await page.waitForTimeout(150);
}
await page.waitForTimeout(1000);
const trace = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
const frames = (await page.evaluate(() => window.__frames)) - frames0;
const timing = await page.evaluate(() => window.__interactions);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

const threads = new Map();
for (const e of trace) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
const keydowns = trace.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').sort((a, b) => a.ts - b.ts);
const main = `${keydowns[0].pid}:${keydowns[0].tid}`;
const mainEvents = trace.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && KIND[e.name]).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const gpuEvents = trace.filter((e) => e.ph === 'X' && e.name === 'GPUTask' && /GPU|Viz|Compositor/i.test(threads.get(`${e.pid}:${e.tid}`) || ''));

// The display compositor's frames (the software output where WebGL runs in SwiftShader).
const swaps = trace.filter((e) => e.ph === 'X' && e.name === 'Display::DrawAndSwap').sort((a, b) => a.ts - b.ts);
const appFrames = mainEvents.filter((e) => e.name === 'FireAnimationFrame');

const perKey = keydowns.map((k, i) => {
  const end = i + 1 < keydowns.length ? keydowns[i + 1].ts : Infinity;
  const byKind = {};
  let covered = -1;
  for (const e of mainEvents) {
    if (e.ts < k.ts || e.ts >= end || e.ts < covered) continue;
    covered = e.ts + e.dur;
    byKind[KIND[e.name]] = (byKind[KIND[e.name]] || 0) + e.dur / 1000;
  }
  // From the keydown to the end of the first display frame drawn after the key's app frame: when
  // the typed letter can be on the screen, whatever path the canvas takes there.
  const frame = appFrames.find((e) => e.ts > k.ts && e.ts < end);
  const swap = frame && swaps.find((e) => e.ts > frame.ts + frame.dur);
  if (swap) byKind['keydown → display frame after the app frame'] = (swap.ts + swap.dur - k.ts) / 1000;
  byKind['GPU process busy'] = gpuEvents.filter((e) => e.ts >= k.ts && e.ts < end).reduce((s, e) => s + e.dur / 1000, 0);
  return byKind;
});
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.floor(s.length / 2)] : 0; };
const kinds = [...new Set(perKey.flatMap((k) => Object.keys(k)))];
console.log(`${keys} keys, CPU ${cpu}×, DPR ${dpr}, load average ${loadavg()[0].toFixed(1)}: ${(frames / keys).toFixed(1)} app frames per key`);
const slow = [...timing].sort((a, b) => b.duration - a.duration).slice(0, Math.max(1, Math.ceil(keys / 10)));
for (const [name, list] of [['all keys', timing], ['slowest tenth', slow]]) {
  console.log(`${name.padEnd(14)} Event Timing (keydown, ≥ 16 ms: ${timing.length} of ${keys}): duration ${med(list.map((t) => t.duration)).toFixed(0)} ms, ` +
    `input delay ${med(list.map((t) => t.delay)).toFixed(0)}, processing ${med(list.map((t) => t.processing)).toFixed(0)}, presentation ${med(list.map((t) => t.presentation)).toFixed(0)}`);
}
const dispatches = new Map();  // the input events' handlers and default actions, by type
for (const e of mainEvents) if (e.name === 'EventDispatch' && e.ts >= keydowns[0].ts) {
  const type = e.args?.data?.type || '?';
  dispatches.set(type, (dispatches.get(type) || 0) + e.dur / 1000 / keys);
}
console.log(`input events per key (mean ms): ${[...dispatches].filter(([, ms]) => ms >= 0.1).sort((a, b) => b[1] - a[1]).map(([t, ms]) => `${t} ${ms.toFixed(1)}`).join(', ')}`);
console.log('main thread per key (median ms; mean ms):');
for (const k of kinds) {
  const v = perKey.map((p) => p[k] || 0);
  console.log(`  ${k.padEnd(36)}${med(v).toFixed(1).padStart(7)}${(v.reduce((s, x) => s + x, 0) / v.length).toFixed(1).padStart(8)}`);
}
await context.close();
await browser.close();
await server.close();
process.exit(0);
