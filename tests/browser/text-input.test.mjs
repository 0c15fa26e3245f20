// Text reaches the app the way people type it: insertText (IME, mobile keyboards, Playwright),
// AltGr, compositions, emoji, the system clipboard, and never twice.
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

test('insertText: Swedish letters, dashes, quotes and emoji arrive once', async () => {
  const page = await freshGoalField();
  const text = 'Åsa räknar öre – ”bra” é 😀';
  await page.keyboard.type(text);
  await expectGoal(page, text);
  assert.deepEqual(app.problems, []);
  await app.context.close();
});

test('Backspace and Enter edit in order with typed text', async () => {
  const page = await freshGoalField();
  await page.keyboard.type('abx');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('c');
  await page.keyboard.press('Enter');
  await page.keyboard.type('rad två');
  await expectGoal(page, 'abc\nrad två');
  await app.context.close();
});

test('AltGr (Ctrl+Alt on Windows) gives @ once', async () => {
  const page = await freshGoalField();
  await page.keyboard.type('anna');
  await page.keyboard.down('Control');
  await page.keyboard.down('Alt');
  await page.keyboard.insertText('@');
  await page.keyboard.up('Alt');
  await page.keyboard.up('Control');
  await page.keyboard.type('exempel.se');
  await expectGoal(page, 'anna@exempel.se');
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

test('copy and paste go through the system clipboard', async () => {
  const page = await freshGoalField(['clipboard-read', 'clipboard-write']);
  await page.keyboard.type('kopiera mig');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  await page.waitForFunction(async () => (await navigator.clipboard.readText()) === 'kopiera mig', null,
    { timeout: 5000 });
  await page.evaluate(() => navigator.clipboard.writeText(' – inklistrat'));
  await page.keyboard.press('End');
  await page.keyboard.press('Control+V');
  await expectGoal(page, 'kopiera mig – inklistrat');
  await app.context.close();
});

test('Ctrl +, Ctrl − and Ctrl 0 are left to the browser (zoom); Tab moves to the next control', async () => {
  const page = await freshGoalField();
  await page.evaluate(() => {
    window.__prevented = {};
    window.addEventListener('keydown', (e) => { window.__prevented[e.key] = e.defaultPrevented; });
  });
  for (const key of ['Control+Equal', 'Control+Minus', 'Control+Digit0', 'Tab']) await page.keyboard.press(key);
  const prevented = await page.evaluate(() => window.__prevented);
  assert.equal(prevented['='], false);
  assert.equal(prevented['-'], false);
  assert.equal(prevented['0'], false);
  assert.equal(prevented.Tab, false);
  const focused = await page.evaluate(() => document.activeElement.id);
  assert.notEqual(focused, await goalField(page).getAttribute('id'), 'Tab left the goal field');
  await app.context.close();
});
