// Helpers of the shared flows (run in every engine through ../engines).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, ARTIFACTS } from '../harness.mjs';

export const SIPPREP = join(ROOT, 'build', 'native', 'sipprep');
export const EXAMPLES = join(ROOT, 'assets', 'examples');

// A personnummer with the right check digit, for a made-up person.
export function pnr(yyyymmdd, nnn) {
  const nine = yyyymmdd.slice(2) + nnn;
  let sum = 0;
  for (let i = 0; i < 9; i++) { let v = +nine[i] * (i % 2 ? 1 : 2); if (v > 9) v -= 9; sum += v; }
  return yyyymmdd + nnn + ((10 - (sum % 10)) % 10);
}

// "Spara fil" on the summary; the saved file lands in build/test-artifacts/<engine>-<name>.
// Another language passes its button's name and its way to the summary.
export async function saveBundle(s, name, button = 'Spara fil', toSummary = () => s.goToStep('Sammanfattning')) {
  await toSummary();
  const saved = await s.download(() => s.press(button));
  const file = join(ARTIFACTS, `${s.engine}-${name}`);
  await writeFile(file, saved.text);
  return { ...saved, file };
}

// The native CLI's check of a saved file.
export function validate(file) {
  try {
    return { code: 0, out: execFileSync(SIPPREP, ['validate', file]).toString() };
  } catch (e) {
    return { code: e.status, out: e.stdout.toString() };
  }
}

// Runs in the page (issue 25): watches every patch the app sends to the a11y layer, and counts per
// patch the elements already in the page that were moved (taken out and put back) and how many
// times the focused field or one of its ancestors was taken out or put in (window.__patchStats).
// Also lets a test move the clock on (window.__clockOffset, in ms).
export function watchPatches() {
  const root = document.getElementById('a11y-root');
  const observer = new MutationObserver(() => {});
  observer.observe(root, { childList: true, subtree: true });
  const stats = { patches: 0, moves: 0, maxMoves: 0, focusMoves: 0, focusLost: 0 };
  window.__patchStats = stats;
  const sync = window.SipprepAsks.update_a11y;
  window.SipprepAsks.update_a11y = function (patch, ...rest) {
    const active = document.activeElement;
    observer.takeRecords();
    const result = sync.call(this, patch, ...rest);
    if (!patch) return result;
    const removed = new Set(), added = new Set();
    for (const r of observer.takeRecords()) {
      for (const n of r.removedNodes) if (n.nodeType === 1) removed.add(n);
      for (const n of r.addedNodes) if (n.nodeType === 1) added.add(n);
    }
    let moves = 0;
    for (const n of added) if (removed.has(n)) moves++;
    let focusMoves = 0;
    for (const n of [...removed, ...added]) if (active && active !== document.body && n.contains(active)) focusMoves++;
    stats.patches++;
    stats.moves += moves;
    stats.maxMoves = Math.max(stats.maxMoves, moves);
    stats.focusMoves += focusMoves;
    if (active && document.activeElement !== active) stats.focusLost++;
    return result;
  };
  // The clock, moved a minute on request: "Sparat HH:MM" changes at the next save.
  const now = Date.now.bind(Date);
  window.__clockOffset = 0;
  Date.now = () => now() + window.__clockOffset;
}

// A CPU load beside the browser (stress-ng --cpu 2, when installed; SIPPREP_NO_STRESS=1 leaves it
// out), so that frames lag behind the keys. Kill the returned child when done.
export function startLoad() {
  if (process.env.SIPPREP_NO_STRESS === '1') return null;
  if (spawnSync('sh', ['-c', 'command -v stress-ng']).status !== 0) return null;
  const child = spawn('stress-ng', ['--cpu', '2', '--timeout', '300s', '--quiet'], { stdio: 'ignore' });
  child.on('error', () => {});
  return child;
}
