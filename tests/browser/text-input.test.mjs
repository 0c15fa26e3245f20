// What only Chromium's DevTools protocol can drive: an IME composition, and emoji through
// insertText. Letters, editing keys, AltGr, the clipboard and browser keys are tested in every
// engine (shared/text.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, state, clickCanvasAt, goalField, startNew, goToStep, useBrowser } from './harness.mjs';

const env = useBrowser();
let app;

const goal = async (page) => (await state(page)).content.goals.long_term[0]?.text ?? '';

async function freshGoalField(permissions = []) {
  app = await openApp(env.browser, env.server.url, { permissions });
  await startNew(app.page);
  await goToStep(app.page, 'Vad är viktigt för dig?');
  await clickCanvasAt(goalField(app.page));
  await app.page.waitForTimeout(100);
  return app.page;
}

async function expectGoal(page, expected) {
  await page.waitForFunction((t) => window.sipprep.state().content.goals.long_term[0]?.text === t, expected,
    { timeout: 5000 }).catch(() => {});
  assert.equal(await goal(page), expected);
}

test('insertText (mobile keyboards) brings emoji once', async () => {
  const page = await freshGoalField();
  await page.keyboard.insertText('Glad 😀');
  await expectGoal(page, 'Glad 😀');
  await app.context.close();
});

test('an IME composition is committed once', async () => {
  const page = await freshGoalField();
  const cdp = await app.context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'か', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.imeSetComposition', { text: 'かん', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.insertText', { text: '漢' });
  await page.keyboard.type('!');
  await expectGoal(page, '漢!');
  await app.context.close();
});
