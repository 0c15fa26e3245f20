// Typing while the screen changes around the field (issue 25, items 1 and 2): the clock minute of
// "Sparat HH:MM" changes, an update line appears at the top, an error line appears under another
// field, a choice renames the step. The mirror must change those nodes in place: the field being
// typed in, and everything holding it, is never taken out of the page (Firefox drops focus then,
// and a screen reader reads the whole field again), and a patch from a frame that is behind the
// keys never writes an older value into the field. Run beside a CPU load (stress-ng, when it is
// installed; SIPPREP_NO_STRESS=1 leaves it out) so that frames lag behind the keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { openApp, startNew, useBrowser } from './harness.mjs';

const env = useBrowser();

// Watches every patch the app sends to the mirror: per patch, how many elements already in the
// page were moved (taken out and put back), and how many times the focused field or one of its
// ancestors was taken out or put in.
function watchPatches() {
  const root = document.getElementById('a11y-root');
  const observer = new MutationObserver(() => {});
  observer.observe(root, { childList: true, subtree: true });
  const stats = { patches: 0, moves: 0, maxMoves: 0, focusMoves: 0, focusLost: 0 };
  window.__patchStats = stats;
  const sync = window.SipprepMirror.sync;
  window.SipprepMirror.sync = function (patch, ...rest) {
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

function startLoad() {
  if (process.env.SIPPREP_NO_STRESS === '1') return null;
  if (spawnSync('sh', ['-c', 'command -v stress-ng']).status !== 0) return null;
  const child = spawn('stress-ng', ['--cpu', '2', '--timeout', '300s', '--quiet'], { stdio: 'ignore' });
  child.on('error', () => {});
  return child;
}

test('typing key by key while texts around the field change: every letter arrives, the field is never moved', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  const load = startLoad();
  try {
    await startNew(page);  // "Om dig"
    await page.evaluate(watchPatches);
    const field = page.getByRole('textbox', { name: 'Varför behövs mötet?' });
    await field.focus();
    const sentence = 'Jag vill kunna bo kvar hemma – även på vintern, med hjälp av hemtjänsten och min dotter Åsa.';
    for (let i = 0; i < sentence.length; i++) {
      await page.keyboard.type(sentence[i]);
      if (i % 9 === 4) {
        // A save a minute later: "Sparat HH:MM" gets new words.
        await page.evaluate(() => { window.__clockOffset += 61000; window.Module._sipprep_draft_saved(); window.Module._sipprep_wake(); });
      }
      if (i === 20) await page.evaluate(() => { window.Module._sipprep_update_available(); });  // a status line appears
      if (i === 35) {
        // An error line appears under another field (the personnummer, written elsewhere: not focused).
        await page.evaluate(() => {
          const pnr = [...document.querySelectorAll('#a11y-root input')].find((el) => el.labels?.[0]?.textContent === 'Personnummer');
          pnr.value = '19121212-1213';
          pnr.dispatchEvent(new InputEvent('input', { bubbles: true }));
        });
      }
      if (i === 60) {
        // A choice that renames the step and its texts ("a child's plan").
        await page.evaluate(() => {
          const box = [...document.querySelectorAll('#a11y-root input[type=checkbox]')]
            .find((el) => el.parentElement.textContent.startsWith('Planen gäller ett barn'));
          box.click();
        });
      }
    }
    await page.waitForFunction((t) => window.sipprep.state().content.reason?.[0]?.text === t, sentence, { timeout: 20000 })
      .catch(() => {});
    const stats = await page.evaluate(() => window.__patchStats);
    console.log(`typing-around: ${stats.patches} patches, ${stats.moves} element moves (at most ${stats.maxMoves} in one patch), `
      + `${stats.focusMoves} removals/insertions of the focused field or its ancestors, focus lost ${stats.focusLost} times`
      + (load ? ' (beside stress-ng --cpu 2)' : ''));
    assert.equal((await page.evaluate(() => window.sipprep.state())).content.reason?.[0]?.text, sentence, 'every letter reaches the app');
    assert.equal(await field.inputValue(), sentence, 'the field shows every letter');
    assert.equal(await page.evaluate(() => window.sipprep.state()).then((s) => s.content.owner.personal_id), '19121212-1213');
    assert.equal(stats.focusMoves, 0, 'the focused field and its ancestors stay in the page');
    assert.equal(stats.focusLost, 0, 'focus never leaves the field');
    assert.equal(stats.maxMoves, 0, 'texts change in place: no element is moved');
    assert.deepEqual(problems, []);
  } finally {
    if (load) load.kill();
    await context.close();
  }
});
