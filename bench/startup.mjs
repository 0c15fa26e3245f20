// Where the start-up time goes: the page's own marks (performance.mark 'sipprep:*'), the
// measures between them, and every main-thread task longer than 50 ms (PerformanceObserver
// 'longtask'), relative to navigation start, in headless Chromium without throttling (or with
// `--cpu 4`: CDP Emulation.setCPUThrottlingRate). Prints one load in detail and the longest
// task after the first paint over `--runs` fresh loads.
//   node bench/startup.mjs [--web build/web] [--runs 5] [--cpu 1]
import { resolve } from 'node:path';
import { loadavg } from 'node:os';
import { serve, launch, WEB } from '../tests/browser/harness.mjs';

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const web = resolve(arg('--web', WEB));
const runs = Number(arg('--runs', 5));
const cpu = Number(arg('--cpu', 1));

const server = await serve(web, { gzip: true });
const browser = await launch();
const loads = [];
const worst = [];
for (let run = 0; run < runs; run++) {
  loads.push(loadavg()[0]);
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await page.goto(server.url);
  await page.waitForFunction(() => window.__appReady === true || window.__appFailed, null, { timeout: 120000 });
  await page.waitForTimeout(2000);  // what runs after the first frame (voices, service worker)
  const r = await page.evaluate(() => ({
    fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime,
    marks: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('sipprep:')).map((m) => ({ name: m.name, t: m.startTime })),
    measures: performance.getEntriesByType('measure').filter((m) => m.name.startsWith('sipprep:')).map((m) => ({ name: m.name, t: m.startTime, d: m.duration })),
    longTasks: window.__longTasks,
  }));
  const after = r.longTasks.filter((t) => t.start >= r.fcp);
  worst.push(after.length ? Math.max(...after.map((t) => t.duration)) : 0);
  if (run === 0) {
    console.log(`one load of ${web} (412×823 CSS px, DPR 1.75, CPU ${cpu}×): first contentful paint ${r.fcp.toFixed(0)} ms`);
    const events = [
      ...r.marks.map((m) => ({ t: m.t, text: `mark     ${m.name}` })),
      ...r.measures.map((m) => ({ t: m.t, text: `measure  ${m.name} ${m.d.toFixed(1)} ms` })),
      ...r.longTasks.map((t) => ({ t: t.start, text: `LONG TASK ${t.duration.toFixed(0)} ms (until ${(t.start + t.duration).toFixed(0)})` })),
    ].sort((a, b) => a.t - b.t);
    for (const e of events) console.log(`${e.t.toFixed(0).padStart(7)} ms  ${e.text}`);
  }
  await context.close();
}
await browser.close();
await server.close();
console.log(`longest task after the first paint, ${runs} loads: ${worst.map((w) => w.toFixed(0)).join(', ')} ms (budget 50 ms without throttling); load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`);
