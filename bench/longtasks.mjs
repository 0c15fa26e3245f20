// Every main-thread task longer than 50 ms after the first paint, and what it was, as on a slow
// phone: headless Chromium (WebGL on SwiftShader), CPU 4× slower (CDP
// Emulation.setCPUThrottlingRate), the phone screen Lighthouse's mobile preset uses (412×823 CSS
// px, DPR 1.75). Tasks come from PerformanceObserver('longtask'); what each was comes from the
// page's 'sipprep:*' measures inside it (web/shell.js, src/platform/web/main_web.cpp) and from a
// Chromium trace of the same load (the task's largest parts: script, Commit — where the page
// waits for the GPU process —, Paint, …). Prints each load's list, then medians over the loads.
//   node bench/longtasks.mjs [--web build/web] [--runs 3] [--cpu 4] [--dpr 1.75] [--before DIR]
// --before DIR: another build (a copy of build/web before a change), loaded in turn with this one.
import { resolve } from 'node:path';
import { loadavg, cpus } from 'node:os';
import { serve, launch, WEB } from '../tests/browser/harness.mjs';

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const web = resolve(arg('--web', WEB));
const runs = Number(arg('--runs', 3));
const cpu = Number(arg('--cpu', 4));
const dpr = Number(arg('--dpr', 1.75));
const LONG = 50;
const before = arg('--before', null);

// Trace events that say what a task did (the rest is the task's own overhead).
const PARTS = {
  FunctionCall: 'script', TimerFire: 'script', FireAnimationFrame: 'script', EventDispatch: 'script',
  EvaluateScript: 'script', 'v8.compile': 'script', 'v8.compileModule': 'script', 'v8.wasm.compiledModule': 'wasm compile',
  'v8.wasm.streamFromResponseCallback': 'wasm compile', ParseHTML: 'parse HTML', ParseAuthorStyleSheet: 'parse CSS',
  UpdateLayoutTree: 'style', Layout: 'layout', PrePaint: 'paint', Paint: 'paint', Layerize: 'paint',
  UpdateLayer: 'paint', Commit: 'commit (waits for the GPU process)', 'GPUTask': 'GPU', MajorGC: 'GC', MinorGC: 'GC',
  'BlinkGC.AtomicPhase': 'GC', 'V8.GC_MC_BACKGROUND_MARKING': 'GC',
  // V8 compiles each wasm function on its first call (lazy compilation), on the calling thread.
  'wasm.CompileLazy': 'wasm compile (first calls)',
};

function mainThreadTasks(events, markName) {
  const mark = events.find((e) => e.name === markName && e.cat.includes('blink.user_timing'));
  if (!mark) return null;
  const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === mark.pid && e.args.name === 'CrRendererMain');
  const tid = names.length ? names[0].tid : mark.tid;
  const mine = events.filter((e) => e.pid === mark.pid && e.tid === tid && e.ph === 'X');
  const tasks = mine.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const parts = mine.filter((e) => PARTS[e.name]);
  return { markTs: mark.ts, tasks, parts };
}

// The largest parts of a trace task, outermost only (a FunctionCall inside a TimerFire counts once).
function partsOf(task, parts) {
  const inside = parts.filter((p) => p.ts >= task.ts && p.ts + p.dur <= task.ts + task.dur + 1)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const byKind = new Map();
  let coveredUntil = -1;
  for (const p of inside) {
    if (p.ts < coveredUntil) continue;
    coveredUntil = p.ts + p.dur;
    byKind.set(PARTS[p.name], (byKind.get(PARTS[p.name]) || 0) + p.dur / 1000);
  }
  // Lazy wasm compilation runs inside the script that first calls a function: counted apart.
  const lazy = inside.filter((p) => p.name === 'wasm.CompileLazy').reduce((sum, p) => sum + p.dur / 1000, 0);
  byKind.delete(PARTS['wasm.CompileLazy']);
  if (lazy) byKind.set('of which wasm compile (first calls)', lazy);
  return [...byKind].sort((a, b) => b[1] - a[1]).filter(([, ms]) => ms >= 5);
}

const median = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.floor((s.length - 1) / 2)] : 0; };
const builds = [...(before ? [{ name: 'before', dir: resolve(before) }] : []), { name: before ? 'after' : '', dir: web }];
for (const b of builds) { b.server = await serve(b.dir, { gzip: true }); b.perRun = []; }
const server = builds[builds.length - 1].server;
const browser = await launch();
const loads = [];
for (let run = 0; run < runs; run++) for (const build of builds) {
  const perRun = build.perRun;
  loads.push(loadavg()[0]);
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: dpr, isMobile: true, hasTouch: true });
  await context.addInitScript(() => {
    // Each animation frame's callback (the app's frames after the first) as a measure.
    const raf = window.requestAnimationFrame;
    window.requestAnimationFrame = (callback) => raf((t) => {
      const t0 = performance.now();
      callback(t);
      performance.measure('sipprep:animation frame', { start: t0 });
    });
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8', 'toplevel', 'v8.wasm'] });
  await page.goto(build.server.url);
  await page.waitForFunction(() => window.__appReady === true || window.__appFailed, null, { timeout: 180000 });
  // What runs after the first frame (frames ImGui settles in, voices, the service worker): until
  // the page has been quiet for two seconds.
  await page.waitForFunction(() => {
    const last = window.__longTasks.reduce((m, t) => Math.max(m, t.start + t.duration), 0);
    return performance.now() - Math.max(last, performance.getEntriesByName('sipprep:first-frame')[0]?.startTime || 0) > 2000;
  }, null, { timeout: 180000, polling: 250 });
  const r = await page.evaluate(() => ({
    failed: window.__appFailed || '',
    fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime,
    firstFrame: (performance.getEntriesByName('sipprep:first-frame')[0] || {}).startTime,
    shell: (performance.getEntriesByName('sipprep:shell')[0] || {}).startTime,
    measures: performance.getEntriesByType('measure').filter((m) => m.name.startsWith('sipprep:')).map((m) => ({ name: m.name.slice(8), t: m.startTime, d: m.duration })),
    longTasks: window.__longTasks,
    frames: window.__frames,
  }));
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await context.close();
  if (r.failed) throw new Error(`the app did not start: ${r.failed}`);
  const tr = mainThreadTasks(trace.traceEvents, 'sipprep:shell');
  // Trace time (µs) → page time (ms), through the mark both have.
  const toPage = (ts) => (ts - tr.markTs) / 1000 + r.shell;
  const tasks = r.longTasks.filter((t) => t.start + t.duration > r.fcp).map((t) => {
    const inside = r.measures.filter((m) => m.t >= t.start - 1 && m.t + m.d <= t.start + t.duration + 1 && m.d >= 1);
    const traced = tr && tr.tasks.filter((e) => Math.abs(toPage(e.ts) - t.start) < 5 && e.dur / 1000 > LONG).sort((a, b) => b.dur - a.dur)[0];
    const parts = traced ? partsOf(traced, tr.parts) : [];
    const phase = inside.filter((m) => m.name !== 'animation frame').map((m) => `${m.name} ${m.d.toFixed(0)}`);
    const frames = inside.filter((m) => m.name === 'animation frame');
    if (frames.length) phase.push(`${frames.length} animation frame(s), ${frames.reduce((s, m) => s + m.d, 0).toFixed(0)} ms in their callbacks`);
    const label = inside.length ? [...new Set(inside.filter((m) => m.name !== 'compile').map((m) => m.name))].join(' + ') || 'compile' : (parts[0] ? parts[0][0] : 'other');
    return { start: t.start, duration: t.duration, label, phase: phase.join(', '), parts: parts.map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join(', ') };
  });
  const tbt = tasks.reduce((s, t) => s + Math.max(0, t.duration - LONG), 0);
  perRun.push({ tasks, tbt, fcp: r.fcp, firstFrame: r.firstFrame, frames: r.frames });
  console.log(`\n${build.name} load ${run + 1} (load average ${loads[loads.length - 1].toFixed(1)}): first paint ${r.fcp.toFixed(0)} ms, first app frame ${r.firstFrame.toFixed(0)} ms, ${r.frames} frames; ${tasks.length} long tasks after the first paint, blocking ${tbt.toFixed(0)} ms`);
  for (const t of tasks) console.log(`  ${t.start.toFixed(0).padStart(6)} ms  ${t.duration.toFixed(0).padStart(5)} ms  ${t.label.padEnd(28)} ${t.phase ? `[${t.phase}] ` : ''}${t.parts ? `trace: ${t.parts}` : ''}`);
}
// The font atlas alone (src/ui/fonts.cpp: three sizes rasterised for the pixel ratio), at DPR
// 1, 2 and 3, unthrottled and throttled: built again in a page that has started.
const atlas = [];
{
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: dpr });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.__appReady === true, null, { timeout: 180000 });
  const cdp = await context.newCDPSession(page);
  for (const rate of [1, cpu]) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const ms = await page.evaluate(() => {
      // Each call builds one size where the sizes have atlases of their own (returns 1 while one remains).
      const out = { 1: [], 2: [], 3: [] }, slice = { 1: [], 2: [], 3: [] };
      for (let i = 0; i < 3; i++) {
        for (const r of [1, 2, 3]) {
          let total = 0, longest = 0, more = true;
          while (more) {
            const t0 = performance.now();
            more = window.SipprepApp.build_fonts(r) === 1;
            const d = performance.now() - t0;
            total += d;
            longest = Math.max(longest, d);
          }
          out[r].push(total);
          slice[r].push(longest);
        }
      }
      return { out, slice };
    });
    atlas.push(`CPU ${rate}×: ${[1, 2, 3].map((r) => `DPR ${r} ${median(ms.out[r]).toFixed(0)} ms (longest call ${median(ms.slice[r]).toFixed(0)})`).join(', ')}`);
  }
  await context.close();
}
await browser.close();
for (const b of builds) await b.server.close();

for (const { name, dir, perRun } of builds) {
console.log(`\n${name ? `${name}: ` : ''}${dir}, 412×823 CSS px at DPR ${dpr}, CPU ${cpu}× slower, headless Chromium; ${runs} loads, medians; load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${cpus().length} cores`);
const labels = [...new Set(perRun.flatMap((r) => r.tasks.map((t) => t.label)))];
console.log(`${'long task (what it was)'.padEnd(34)}${'in loads'.padEnd(10)}median ms`);
for (const l of labels) {
  const d = perRun.map((r) => r.tasks.filter((t) => t.label === l).reduce((s, t) => s + t.duration, 0)).filter((x) => x > 0);
  console.log(`${l.padEnd(34)}${`${d.length}/${runs}`.padEnd(10)}${median(d).toFixed(0).padStart(9)}`);
}
console.log(`long tasks after the first paint: ${median(perRun.map((r) => r.tasks.length))}; longest ${median(perRun.map((r) => Math.max(0, ...r.tasks.map((t) => t.duration)))).toFixed(0)} ms; blocking time (sum of each task's time over 50 ms) ${median(perRun.map((r) => r.tbt)).toFixed(0)} ms`);
}
console.log(`font atlas build (median of 3): ${atlas.join('; ')}`);
process.exit(0);
