// Interaction to Next Paint while typing, as on a slow phone: Chromium's CPU slowed down
// `--cpu` times (CDP Emulation.setCPUThrottlingRate), typing into a question of a draft with
// 100 questions, beside the same typing into SurveyJS's text area (../shared/bench/peers, a
// copy with its packages as bench/lighthouse.mjs makes). INP from the Event Timing API: the
// longest event of each interaction (keydown to the next paint), then the 98th percentile of
// those, as Chromium reports it. Also where each slow interaction's time went (the Event Timing
// parts: input delay until its handlers ran, processing in them, presentation until the next
// paint) and how many app frames and drawn pictures (WebGL clears) each keystroke caused.
//   node bench/inp.mjs [--cpu 4] [--keys 40] [--runs 3] [--dpr 1.75] [--web build/web] [--peers DIR] [--before DIR]
// --before DIR: another build (a copy of build/web before a change), typed into in turn with this one.
import { existsSync } from 'node:fs';
import { homedir, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, launch, WEB } from '../tests/browser/harness.mjs';
import { largeDraft, openOnQuestions } from './drafts.mjs';

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const cpu = Number(arg('--cpu', 4));
const keys = Number(arg('--keys', 40));
const runs = Number(arg('--runs', 3));
const dpr = Number(arg('--dpr', 1.75));
const web = resolve(arg('--web', WEB));
const peers = resolve(arg('--peers', join(homedir(), '.cache/sipprep/peers')));
const before = arg('--before', null);

function observe() {
  window.__interactions = new Map();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.interactionId) continue;
      const had = window.__interactions.get(e.interactionId);
      if (had && had.duration >= e.duration) continue;
      window.__interactions.set(e.interactionId, {
        duration: e.duration, delay: e.processingStart - e.startTime, processing: e.processingEnd - e.processingStart,
        presentation: e.startTime + e.duration - e.processingEnd,
      });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  window.__pictures = 0;
  if (window.WebGL2RenderingContext) {
    const clear = WebGL2RenderingContext.prototype.clear;
    let frame = -1;  // a picture clears once per run of changed rows (src/platform/web/gl_renderer.cpp)
    WebGL2RenderingContext.prototype.clear = function (...args) {
      if (window.__frames !== frame) { frame = window.__frames; window.__pictures++; }
      return clear.apply(this, args);
    };
  }
}

const ours = (name, dir) => ({
  name,
  dir,
  open: (context, url) => openOnQuestions(context, url, largeDraft({ questions: 100 })),
});
const targets = [...(before ? [ours('us before (100 questions)', resolve(before))] : []), ours('us (100 questions)', web)];
if (existsSync(join(peers, 'node_modules/survey-core'))) {
  targets.push({
    name: 'SurveyJS (26 fields)',
    dir: peers,
    async open(context, url) {
      const page = await context.newPage();
      await page.goto(url + 'surveyjs.html');
      const field = page.locator('textarea').first();
      await field.waitFor({ state: 'visible', timeout: 120000 });
      return { page, field };
    },
  });
} else {
  console.error(`no peers at ${peers} (run bench/lighthouse.mjs once, it makes the copy): only our app`);
}

const browser = await launch();
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
console.log(`INP while typing ${keys} keys, CPU ${cpu}× slower (CDP), headless Chromium (SwiftShader), 412×823 CSS px at DPR ${dpr}, ${runs} runs; load average ${loadavg()[0].toFixed(1)}`);
console.log(`${'page'.padEnd(24)}${'INP (p98), ms per run'.padEnd(26)}median`);
// Interleaved (run 1 of every page, then run 2, …): the pages see the same load.
for (const t of targets) Object.assign(t, { server: await serve(t.dir, { gzip: true }), inps: [], all: [], worst: [], frames: [], pictures: [] });
for (let run = 0; run < runs; run++) {
  for (const t of targets) {
    const { server, inps, all, worst, frames, pictures } = t;
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: dpr, hasTouch: false });
    await context.addInitScript(observe);
    const { page, field } = await t.open(context, server.url);
    await field.focus();
    await page.waitForTimeout(1000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    const counts = () => page.evaluate(() => ({ frames: window.__frames || 0, pictures: window.__pictures }));
    await page.evaluate(() => window.__interactions.clear());
    const before = await counts();
    for (let i = 0; i < keys; i++) {
      await page.keyboard.type(String.fromCharCode(97 + (i % 26)));
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(1000);
    const after = await counts();
    frames.push((after.frames - before.frames) / keys);
    pictures.push((after.pictures - before.pictures) / keys);
    const parts = await page.evaluate(() => [...window.__interactions.values()]);
    worst.push(...parts);
    const durations = parts.map((p) => p.duration);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    // Chromium's INP: the worst interaction, ignoring one in every 50. Interactions under 16 ms
    // are not reported (the observer's least threshold): they count as the fastest.
    const sorted = [...durations].sort((a, b) => b - a);
    inps.push(sorted[Math.floor(Math.max(keys, sorted.length) / 50)] || 0);
    all.push(...durations);
    await context.close();
  }
}
for (const t of targets) {
  const { server, inps, all, worst, frames, pictures } = t;
  await server.close();
  console.log(`${t.name.padEnd(24)}${inps.map((v) => v.toFixed(0)).join(', ').padEnd(26)}${String(pct(inps, 0.5).toFixed(0)).padStart(6)}   ${all.length} of ${keys * runs} keys took ≥ 16 ms${all.length ? `, longest ${Math.max(...all).toFixed(0)} ms` : ''}`);
  // The typical keystroke beside the worst (INP is the worst of 40, which the machine's load
  // moves most): keys under 16 ms are not reported and count as 0.
  const every = [...all, ...Array(Math.max(0, keys * runs - all.length)).fill(0)];
  console.log(`${''.padEnd(24)}every keystroke: median ${pct(every, 0.5).toFixed(0)} ms, p90 ${pct(every, 0.9).toFixed(0)} ms`);
  // The slowest tenth of the keystrokes: the median of each part.
  const slow = [...worst].sort((a, b) => b.duration - a.duration).slice(0, Math.max(1, Math.ceil(worst.length / 10)));
  const med = (k) => pct(slow.map((p) => p[k]), 0.5).toFixed(0);
  if (worst.length) console.log(`${''.padEnd(24)}slowest tenth: input delay ${med('delay')} ms, processing ${med('processing')} ms, presentation ${med('presentation')} ms (medians)`);
  console.log(`${''.padEnd(24)}per keystroke: ${pct(frames, 0.5).toFixed(1)} app frames, ${pct(pictures, 0.5).toFixed(1)} pictures drawn (medians of the runs)`);
}
await browser.close();
process.exit(0);
