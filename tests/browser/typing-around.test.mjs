// Typing while the screen changes around the field (issue 25, items 1 and 2): the clock minute of
// "Sparat HH:MM" changes, an update line appears at the top, an error line appears under another
// field, a choice renames the step. The a11y layer must change those nodes in place: the field being
// typed in, and everything holding it, is never taken out of the page (Firefox drops focus then,
// and a screen reader reads the whole field again), and a patch from a frame that is behind the
// keys never writes an older value into the field. Run beside a CPU load (stress-ng, when it is
// installed; SIPPREP_NO_STRESS=1 leaves it out) so that frames lag behind the keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, startNew, useBrowser } from './harness.mjs';
import { watchPatches, startLoad } from './shared/common.mjs';

const env = useBrowser();

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
        await page.evaluate(() => { window.__clockOffset += 61000; window.SipprepApp.draft_saved(); window.SipprepApp.wake(); });
      }
      if (i === 20) await page.evaluate(() => { window.SipprepApp.update_available(); });  // a status line appears
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
