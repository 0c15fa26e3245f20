// What a screen reader hears (issue 25, items 3, 4, 5 and 7), read from the a11y layer's DOM and its
// accessibility tree in Chromium: a field's error comes when the person leaves the field, once,
// and through the live region; a step is entered with "Steg N av 9: …"; names are words, said
// once; hints for the mouse are not read; a format and a question belong to their field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, startNew, press, settle, useBrowser } from './harness.mjs';

const env = useBrowser();

const PNR = { name: 'Personnummer', exact: true };

test('a personnummer is checked when the person leaves the field, and the error is said once', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await startNew(page);
  const field = page.getByRole('textbox', PNR);
  assert.equal(await field.getAttribute('placeholder'), 'ÅÅÅÅMMDDNNNN', 'the format is exposed');
  await field.focus();
  await page.locator('#a11y-live').evaluate((el) => { el.textContent = ''; });
  for (const ch of '19450312-1235') {
    await page.keyboard.type(ch);
    await settle(page, 30);
    assert.equal(await field.getAttribute('aria-invalid'), null, `no error while typing (after "${ch}")`);
  }
  assert.equal(await page.getByRole('navigation').getByRole('button', { name: /^1\. Om dig/ }).innerText(), '1. Om dig',
    'the step list says nothing while the person types');
  assert.equal(await page.locator('#a11y-live').textContent(), '');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => [...document.querySelectorAll('#a11y-root input')]
    .find((el) => el.labels?.[0]?.textContent === 'Personnummer')?.getAttribute('aria-invalid') === 'true');
  const error = await page.evaluate(() => {
    const el = [...document.querySelectorAll('#a11y-root input')].find((e) => e.labels?.[0]?.textContent === 'Personnummer');
    return el.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id).textContent).pop();
  });
  assert.match(error, /kontrollsiffra|stämmer inte|fel/i);
  // Announced after focus has moved on, so it names the field it is about.
  assert.equal(await page.locator('#a11y-live').textContent(), `Personnummer: ${error}`, 'the new problem is announced, naming the field');
  assert.equal(await page.locator('#a11y-root p', { hasText: error }).count(), 0, 'not said again as a paragraph');
  await page.getByRole('button', { name: '1. Om dig, 1 fel', exact: true }).waitFor({ state: 'attached' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the "+" question is tied to the personnummer field', async () => {
  const { context, page } = await openApp(env.browser, env.server.url);
  await startNew(page);
  await page.getByRole('textbox', PNR).fill('811218+9876');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => /över 100 år/.test([...document.querySelectorAll('#a11y-root input')]
    .find((el) => el.labels?.[0]?.textContent === 'Personnummer')?.getAttribute('aria-describedby')
    ?.split(' ').map((id) => document.getElementById(id)?.textContent).join(' ') ?? ''));
  assert.equal(await page.locator('#a11y-root p', { hasText: 'över 100 år' }).count(), 0);
  await context.close();
});

test('a step is entered with its place, names are words said once, no empty status bar', async () => {
  const { context, page } = await openApp(env.browser, env.server.url);
  assert.equal(await page.locator('#a11y-root').getByText('Du kan också dra en fil hit.').count(), 0,
    'the drop hint is for the mouse, not read to keyboard users');
  await startNew(page);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Steg 1 av 9: Om dig');
  await page.getByRole('textbox', { name: 'Ditt namn', exact: true }).fill('Elsa Lind');
  await press(page, 'Nästa');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Steg 2 av 9: Vad är viktigt för dig?');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H2');
  // The step list: words, not symbols.
  await page.getByRole('button', { name: '1. Om dig, klart', exact: true }).waitFor({ state: 'attached' });
  const nav = await page.getByRole('navigation').ariaSnapshot();
  assert.doesNotMatch(nav, /✓|!/, nav);
  // The step and the settings are named by their headings, not by a group around them as well.
  const snapshot = await page.locator('#a11y-root').ariaSnapshot();
  assert.doesNotMatch(snapshot, /group "Inställningar"/, snapshot);
  assert.doesNotMatch(snapshot, /group "Vad är viktigt för dig\?"/, snapshot);
  // A radio is read once: its name, not its label's text beside it.
  assert.match(snapshot, /radiogroup "Språk":\n\s+- radio "Svenska" \[checked\]\n(\s+- radio "[^"\n]+"\n)*\s+- radio "English \(inte granskad\)"\n/, snapshot);
  assert.doesNotMatch(snapshot, /text: Svenska/, snapshot);
  // The live region is not a status bar (read as an empty "statusbar" at the end).
  assert.equal(await page.locator('#a11y-live').getAttribute('role'), null);
  assert.equal(await page.getByRole('status').count(), 0);
  await context.close();
});
