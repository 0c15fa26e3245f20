// The mirror protocol (docs/mirror-protocol.md) on the JS side: patches applied by the real
// web/mirror.js build the DOM, change only what they name, move and remove nodes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, useBrowser } from './harness.mjs';

const env = useBrowser();

test('patches build, update, reorder and remove mirror nodes', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.setContent('<a id="skip-link" href="#">x</a><div id="a11y-root"></div><div id="a11y-live"></div>');
  await page.addScriptTag({ content: await readFile(join(ROOT, 'web/mirror.js'), 'utf8') });
  const sync = (patch) => page.evaluate((p) => window.SipprepMirror.sync(JSON.stringify(p), '', '', '', ''), patch);
  const html = () => page.evaluate(() => document.getElementById('a11y-root').innerHTML);

  await sync([
    { k: 'root', r: 'group', ch: ['h1', 'g-form'] },
    { k: 'h1', r: 'heading', n: 'Förbered din SIP', l: 1 },
    { k: 'g-form', r: 'group', n: 'Formulär', ch: ['i1', 'i2', 'g-lang'] },
    { k: 'i1', r: 'textarea', n: 'Vad är viktigt för dig?', v: 'Bo kvar', d: 'Med egna ord' },
    { k: 'i2', r: 'button', n: 'Spara', cur: true },
    { k: 'g-lang', r: 'radiogroup', n: 'Språk', ch: ['i3', 'i4'] },
    { k: 'i3', r: 'radio', n: 'Svenska', c: true },
    { k: 'i4', r: 'radio', n: 'English' },
  ]);
  assert.equal(await page.getByRole('heading', { level: 1, name: 'Förbered din SIP' }).count(), 1);
  assert.equal(await page.getByRole('textbox', { name: 'Vad är viktigt för dig?' }).inputValue(), 'Bo kvar');
  assert.equal(await page.getByRole('button', { name: 'Spara' }).getAttribute('aria-current'), 'step');
  assert.equal(await page.getByRole('radio', { name: 'Svenska' }).isChecked(), true);
  assert.equal(await page.getByRole('radio', { name: 'English' }).getAttribute('name'), 'm-g-lang');

  // One changed value: only that record; the rest stays as it was.
  const before = await html();
  await sync([{ k: 'i1', r: 'textarea', n: 'Vad är viktigt för dig?', v: 'Bo kvar hemma', d: 'Med egna ord' }]);
  assert.equal(await page.getByRole('textbox', { name: 'Vad är viktigt för dig?' }).inputValue(), 'Bo kvar hemma');
  assert.equal((await html()).replace('Bo kvar hemma', 'Bo kvar'), before.replace(/value="[^"]*"/, ''));

  // Reorder within a parent, move a node to another parent, remove one.
  await sync([
    { k: 'root', r: 'group', ch: ['g-form', 'h1', 'i2'] },
    { k: 'g-form', r: 'group', n: 'Formulär', ch: ['g-lang', 'i1'] },
    { k: 'g-lang', r: 'radiogroup', n: 'Språk', ch: ['i3'] },
  ]);
  const order = await page.evaluate(() =>
    [...document.getElementById('a11y-root').querySelectorAll('[data-k]')].map((e) => e.dataset.k)
      .filter((k, i, a) => a.indexOf(k) === i));
  assert.deepEqual(order, ['g-form', 'g-lang', 'i3', 'i1', 'h1', 'i2']);
  assert.equal(await page.getByRole('radio', { name: 'English' }).count(), 0);
  await context.close();
});

// A run of a long list (summary items, issues) is a plain container: its paragraphs are read as
// if it were not there, and it adds no role of its own.
test('a run is a container without a role', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.setContent('<a id="skip-link" href="#">x</a><div id="a11y-root"></div><div id="a11y-live"></div>');
  await page.addScriptTag({ content: await readFile(join(ROOT, 'web/mirror.js'), 'utf8') });
  const sync = (patch) => page.evaluate((p) => window.SipprepMirror.sync(JSON.stringify(p), '', '', '', ''), patch);
  await sync([
    { k: 'root', r: 'group', ch: ['g-s'] },
    { k: 'g-s', r: 'group', n: 'Frågor', ch: ['g-run-0'] },
    { k: 'g-run-0', r: 'run', ch: ['t1', 't2'] },
    { k: 't1', r: 'text', n: '1. Vem ringer jag?' },
    { k: 't2', r: 'text', n: '2. När blir det av?' },
  ]);
  const run = await page.evaluate(() => {
    const el = document.querySelector('[data-k="g-run-0"]');
    return { tag: el.tagName, role: el.getAttribute('role'), texts: el.textContent };
  });
  assert.deepEqual(run, { tag: 'DIV', role: null, texts: '1. Vem ringer jag?2. När blir det av?' });
  const snapshot = await page.locator('#a11y-root').ariaSnapshot();
  assert.equal(snapshot, '- group "Frågor":\n  - paragraph: 1. Vem ringer jag?\n  - paragraph: 2. När blir det av?');
  await context.close();
});
