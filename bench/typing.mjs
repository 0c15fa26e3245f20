// Typing latency: the work of the frames that follow keystrokes (time inside the app's
// requestAnimationFrame callback), with drafts of 10, 100 and 1 000 questions (the largest
// also with 200 contributions and 50 consents). Prints the 50th and 90th percentiles.
// 120 keys, 240 frames a size: with 40 (80 frames) the 90th percentile is the 8th slowest frame,
// and two runs of one build differed by more than a millisecond (3.6 and 5.0 ms at 1 000).
//   node bench/typing.mjs [--web build/web] [--keys 120]
import { resolve } from 'node:path';
import { serve, launch, WEB } from '../tests/browser/harness.mjs';
import { largeDraft, openOnQuestions } from './drafts.mjs';

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const web = resolve(arg('--web', WEB));
const keys = Number(arg('--keys', 120));
const sizes = [
  { questions: 10 },
  { questions: 100 },
  { questions: 1000, contributions: 200, consents: 50 },
];

const server = await serve(web);
const browser = await launch();
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
console.log(`typing latency (${web}), ${keys} keystrokes each, ms of work per frame (headless Chromium, SwiftShader)`);
for (const size of sizes) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const draft = largeDraft(size);
  const { page, field } = await openOnQuestions(context, server.url, draft);
  await field.focus();
  await page.waitForTimeout(500);
  await page.evaluate(() => { window.__frameTimes = []; });
  for (let i = 0; i < keys; i++) {
    await page.keyboard.type(String.fromCharCode(97 + (i % 26)));
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(500);
  const times = await page.evaluate(() => window.__frameTimes);
  const label = `${size.questions} questions` + (size.contributions ? ` + ${size.contributions} contributions + ${size.consents} consents` : '');
  console.log(`${label.padEnd(52)} p50 ${pct(times, 0.5).toFixed(1).padStart(5)}  p90 ${pct(times, 0.9).toFixed(1).padStart(5)}  (${times.length} frames, draft ${(draft.length / 1024).toFixed(0)} KB)`);
  await context.close();
}
await browser.close();
await server.close();
