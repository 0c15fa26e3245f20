// A phone (390 × 844 CSS pixels, touch, device pixel ratio 3): the start screen, one step and the
// summary, tapped with a finger — in every engine (WebKit is Safari's engine on iPhone and iPad).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS } from '../harness.mjs';
import { ENGINES, useEngine } from '../engines/index.mjs';

const PHONE = { width: 390, height: 844, deviceScaleFactor: 3, touch: true };

for (const engine of ENGINES) {
  describe(engine, { timeout: 600000 }, () => {
    const env = useEngine(engine);

    test('on a phone: start, one step and the summary, sharp and within the screen', async () => {
      const s = await env.open(PHONE);
      const canvas = await s.eval(() => {
        const c = document.getElementById('canvas');
        const r = c.getBoundingClientRect();
        return { w: c.width, h: c.height, cssW: r.width, dpr: window.devicePixelRatio, inner: window.innerWidth };
      });
      assert.equal(canvas.cssW, canvas.inner, 'the canvas fills the width');
      assert.ok(canvas.inner <= 400, `a phone-wide page (${canvas.inner} CSS px)`);
      assert.equal(canvas.w, Math.round(canvas.cssW * canvas.dpr), 'one canvas pixel per device pixel');
      await s.screenshot(join(ARTIFACTS, `${engine}-phone-start.png`));

      await s.tap({ role: 'button', name: 'Om SIP – vad är det?' });
      await s.waitFor(() => window.sipprep.state().screen === 'about');
      await s.press('Till startsidan');
      await s.tap({ role: 'button', name: 'Ny förberedelse' });
      await s.goToStep('Vad är viktigt för dig?');
      await s.typeInto('Vad är viktigt för dig?', 'Att orka gå till affären själv');
      const field = await s.eval(() => {
        const r = [...document.querySelectorAll('#a11y-root textarea, #a11y-root input[type=text]')]
          .find((e) => e.labels?.[0]?.textContent === 'Vad är viktigt för dig?').getBoundingClientRect();
        return { right: r.right, width: window.innerWidth };
      });
      assert.ok(field.right <= field.width, `the goal field ends at ${field.right}, past the ${field.width} px screen`);
      await s.screenshot(join(ARTIFACTS, `${engine}-phone-step.png`));
      await s.goToStep('Sammanfattning');
      await s.waitForText('Att orka gå till affären själv').catch(async (e) => {
        const st = await s.state();
        const a11y = await s.eval(() => document.getElementById('a11y-root').innerText);
        throw new Error(`${e.message}; screen ${st.screen}, step ${st.step}, goal ${JSON.stringify(st.content.goals.long_term)}; a11y layer: ${a11y.slice(0, 1500)}`);
      });
      await s.screenshot(join(ARTIFACTS, `${engine}-phone-summary.png`));
      assert.deepEqual(await s.takeProblems(), []);
      await s.close();
    });
  });
}
