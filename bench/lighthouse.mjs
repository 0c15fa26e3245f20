// Lighthouse 12.2.3 (bench/package.json), mobile preset — simulated slow 4G, 4× slower CPU, a
// phone-sized screen — on our build and on the peer pages (../shared/bench/peers: SurveyJS,
// LHC-Forms), in one run, each served by the same local static server (gzip, as a web server
// would). Prints the medians of `--runs` runs per page, and the machine's load.
//   cd bench && npm ci     (once)
//   node bench/lighthouse.mjs [--runs 3] [--web build/web] [--before DIR] [--peers DIR] [--only us,SurveyJS]
// --before DIR: another build of ours (a copy of build/web before a change), measured in the same
// run as the row "us (before)".
// DIR: a copy of the peers folder with its npm packages installed (`npm ci` there); by default
// ~/.cache/sipprep/peers, made from ../shared/bench/peers when missing.
// --report DIR: each run's whole Lighthouse result kept as DIR/<page>-<run>.json (the LCP element,
// the long tasks, the main thread's work by kind).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, homedir } from 'node:os';
import { join, resolve } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serve, ROOT, WEB } from '../tests/browser/harness.mjs';

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const runs = Number(arg('--runs', 3));
const web = resolve(arg('--web', WEB));
const peers = resolve(arg('--peers', join(homedir(), '.cache/sipprep/peers')));
const before = arg('--before', null);
const report = arg('--report', null);
if (report) mkdirSync(report, { recursive: true });
const only = arg('--only', 'us,SurveyJS,LHC-Forms').split(',').concat(before ? ['us (before)'] : []);

function preparePeers() {
  if (existsSync(join(peers, 'node_modules/survey-core')) && existsSync(join(peers, 'node_modules/lforms'))) return;
  const shared = join(ROOT, '../shared/bench/peers');
  mkdirSync(peers, { recursive: true });
  for (const f of ['.npmrc', 'package.json', 'package-lock.json', 'sip-form.js', 'surveyjs.html', 'lforms.html'])
    cpSync(join(shared, f), join(peers, f));
  console.error(`npm ci in ${peers} (the peer pages' packages, once)`);
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: peers, stdio: 'inherit' });
}

const targets = [...(before ? [{ name: 'us (before)', dir: resolve(before), page: '' }] : []), { name: 'us', dir: web, page: '' }, { name: 'SurveyJS', dir: peers, page: 'surveyjs.html' },
  { name: 'LHC-Forms', dir: peers, page: 'lforms.html' }].filter((t) => only.includes(t.name));
if (targets.some((t) => t.dir === peers)) preparePeers();

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
  // Headless Chromium draws WebGL with SwiftShader, as the browser tests do.
  chromeFlags: ['--headless=new', '--no-sandbox', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic'],
});
const AUDITS = {
  FCP: 'first-contentful-paint', LCP: 'largest-contentful-paint', TBT: 'total-blocking-time',
  FID: 'max-potential-fid', CLS: 'cumulative-layout-shift', bytes: 'total-byte-weight',
};
const median = (a) => { const s = a.filter((x) => x !== null && !Number.isNaN(x)).sort((x, y) => x - y); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };
const rows = [];
const loads = [];
// Interleaved (run 1 of every page, then run 2, …): on a shared machine whose load drifts, the
// pages and the two builds see the same load.
const servers = new Map();
for (const t of targets) if (!servers.has(t.dir)) servers.set(t.dir, await serve(t.dir, { gzip: true }));
const samplesOf = new Map(targets.map((t) => [t.name, []]));
for (let i = 0; i < runs; i++) {
  for (const t of targets) {
    const server = servers.get(t.dir);
    const samples = samplesOf.get(t.name);
    loads.push(loadavg()[0]);
    const { lhr } = await lighthouse(server.url + t.page, {
      port: chrome.port, output: 'json', logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    if (report) writeFileSync(join(report, `${t.name.replace(/[^A-Za-z0-9]+/g, '-')}-${i + 1}.json`), JSON.stringify(lhr));
    const sample = { perf: lhr.categories.performance.score, a11y: lhr.categories.accessibility.score,
      bp: lhr.categories['best-practices'].score, errors: [] };
    for (const [k, id] of Object.entries(AUDITS)) {
      const a = lhr.audits[id];
      sample[k] = a && a.numericValue !== undefined ? a.numericValue : null;
      if (a && a.errorMessage) sample.errors.push(`${id}: ${a.errorMessage}`);
    }
    if (lhr.runtimeError) sample.errors.push(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    console.error(`${t.name} run ${i + 1}: performance ${sample.perf === null ? '–' : Math.round(sample.perf * 100)}` +
      `, LCP ${sample.LCP === null ? '–' : Math.round(sample.LCP)} ms, TBT ${sample.TBT === null ? '–' : Math.round(sample.TBT)} ms` +
      (sample.errors.length ? ` (${[...new Set(sample.errors)].join('; ')})` : ''));
    samples.push(sample);
  }
}
for (const server of servers.values()) await server.close();
for (const t of targets) {
  const samples = samplesOf.get(t.name);
  const pick = (k) => median(samples.map((s) => s[k]));
  const failed = samples.map((s, i) => (s.errors.length ? `run ${i + 1}: ${[...new Set(s.errors.map((e) => e.split(':')[1].trim()))].join(', ')}` : '')).filter(Boolean);
  rows.push({ name: t.name, failed, ...Object.fromEntries(['perf', 'a11y', 'bp', ...Object.keys(AUDITS)].map((k) => [k, pick(k)])) });
}
await chrome.kill();

const score = (v) => (v === null ? '–' : String(Math.round(v * 100)));
const sec = (v) => (v === null ? '–' : `${(v / 1000).toFixed(1)} s`);
const ms = (v) => (v === null ? '–' : `${Math.round(v)} ms`);
const cols = [
  ['page', (r) => r.name], ['performance', (r) => score(r.perf)], ['FCP', (r) => sec(r.FCP)], ['LCP', (r) => sec(r.LCP)],
  ['TBT', (r) => ms(r.TBT)], ['max potential FID', (r) => ms(r.FID)], ['CLS', (r) => (r.CLS === null ? '–' : r.CLS.toFixed(3))],
  ['bytes', (r) => (r.bytes === null ? '–' : `${Math.round(r.bytes / 1024)} KiB`)],
  ['accessibility', (r) => score(r.a11y)], ['best practices', (r) => score(r.bp)],
];
console.log(`Lighthouse ${lighthouse.version || '12.2.3'} mobile (simulated slow 4G, 4× CPU), medians of ${runs} runs, headless ${execFileSync(process.env.CHROMIUM || '/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim()}, gzip`);
console.log(`load average (1 min) during the runs: ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)} on ${execFileSync('nproc').toString().trim()} cores`);
console.log(`| ${cols.map((c) => c[0]).join(' | ')} |`);
console.log(`|${cols.map((c, i) => (i ? '--:' : '---')).join('|')}|`);
for (const r of rows) console.log(`| ${cols.map((c) => c[1](r)).join(' | ')} |`);
for (const r of rows) if (r.failed.length) console.log(`${r.name}: medians of the runs that measured; ${r.failed.join('; ')}`);
process.exit(0);
