// Every screen and step, at a laptop size and a phone size: screenshots for people to look at,
// and axe-core on the a11y layer (no serious or critical violations).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { openApp, press, goToStep, settle, ROOT, ARTIFACTS, useBrowser } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

const env = useBrowser();

const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
const STEPS = ['Om dig', 'Vad är viktigt för dig?', 'Hur är det nu?', 'Vad behöver du?', 'Frågor till mötet',
  'Vilka ska vara med?', 'Så vill jag vara med', 'Samtycke', 'Sammanfattning'];

async function axe(page, where) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${where}: ${JSON.stringify(bad, null, 1)}`);
  return result;
}

for (const [size, viewport] of Object.entries(SIZES)) {
  test(`every screen at ${viewport.width}×${viewport.height}: screenshot and axe-core`, async () => {
    await mkdir(join(ARTIFACTS, 'steps'), { recursive: true });
    const { context, page, problems } = await openApp(env.browser, env.server.url, { viewport, bypassCSP: true });
    const shot = (name) => page.screenshot({ path: join(ARTIFACTS, 'steps', `${size}-${name}.png`) });
    await shot('00-start');
    await axe(page, 'start');
    await press(page, 'Om SIP – vad är det?');
    await shot('01-om-sip');
    await axe(page, 'Om SIP');
    await press(page, 'Till startsidan');
    const chooser = page.waitForEvent('filechooser');
    await press(page, 'Öppna en fil');
    await (await chooser).setFiles(join(ROOT, 'assets', 'examples', 'narstaende-tillsammans.json'));
    await settle(page, 300);
    for (let i = 0; i < STEPS.length; i++) {
      await goToStep(page, STEPS[i]);
      await shot(`${String(i + 2).padStart(2, '0')}-steg-${i + 1}`);
      await axe(page, STEPS[i]);
    }
    await press(page, 'Efter mötet: det här kom vi överens om');
    await press(page, 'Lägg till något som ska göras');
    await shot('11-efter-motet');
    await axe(page, 'Efter mötet');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// "Nästa" is at the foot of a step, and the next step has one at its foot too (the same control):
// pressed with the keyboard, the next step opens at its top, with its focused heading in view —
// not scrolled to its own "Nästa", with focus out of sight. Likewise "Föregående", and a step
// chosen from the list while the writer's panel is open above it.
test('the step opened with the keyboard shows its focused heading', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url, { viewport: { width: 1366, height: 768 } });
  await press(page, 'Ny förberedelse');
  const focusedInView = async (title) => {
    await page.waitForFunction((t) => document.activeElement?.textContent?.includes(t), title);
    await settle(page);
    const box = await page.evaluate(() => {
      const r = document.activeElement.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: window.innerHeight };
    });
    assert.ok(box.top >= 0 && box.bottom <= box.height, `${title}: the focused heading at ${box.top}..${box.bottom} of ${box.height}`);
  };
  for (const [button, title] of [['Nästa', 'Steg 2 av 9'], ['Nästa', 'Steg 3 av 9'], ['Föregående', 'Steg 2 av 9']]) {
    await press(page, button);
    await focusedInView(title);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

// A long summary read with the keyboard alone: Page Down, End, Home and the arrows on its heading
// scroll it, as a web page scrolls (the canvas's page did not move: the goals, needs and
// questions below the screen were out of reach without a mouse). In a field they move the caret.
test('Page Down, End, Home and the arrows scroll a long screen from its heading', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url, { viewport: { width: 1024, height: 600 } });
  await press(page, 'Ny förberedelse');
  await goToStep(page, 'Sammanfattning');
  const heading = page.getByRole('heading', { name: /^Steg 9 av 9/ });
  await heading.focus();
  await settle(page);
  const top = () => heading.evaluate((el) => el.getBoundingClientRect().top);
  const start = await top();
  const scrolled = async (key, moved) => {
    const before = await top();
    await page.keyboard.press(key);
    await page.waitForFunction(([b]) => {
      const el = [...document.querySelectorAll('#a11y-root h2')].find((h) => h.textContent.startsWith('Steg 9 av 9'));
      return el && el.getBoundingClientRect().top !== b;
    }, [before]).catch(() => {});
    await settle(page);
    return moved(before, await top());
  };
  assert.ok(await scrolled('PageDown', (b, a) => a < b - 300), 'Page Down: most of a screen');
  assert.ok(await scrolled('ArrowUp', (b, a) => a > b && a < b + 200), 'Arrow Up: a little');
  assert.ok(await scrolled('End', (b, a) => a < b), 'End: to the foot');
  assert.ok(await scrolled('Home', (b, a) => a === start), 'Home: back to the top');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H2', 'focus stays');
  assert.deepEqual(problems, []);
  await context.close();
});
