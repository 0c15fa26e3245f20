// The a11y protocol (docs/a11y-protocol.md) on the JS side: patches applied by the real
// web/a11y.js build the DOM, change only what they name, move and remove nodes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, useBrowser } from './harness.mjs';

const env = useBrowser();

// web/a11y.js alone, as a classic script: its one import (the app, bridge.js) is whatever
// window.SipprepApp the test set, and its sync is where the page's asks are (window.SipprepAsks).
async function loadA11yLayer(page) {
  const source = (await readFile(join(ROOT, 'web/a11y.js'), 'utf8'))
    .replace("import { app } from './bridge.js';", 'const app = window.SipprepApp;')
    .replace(/^export /gm, '');
  assert.ok(!/^(import|export)\b/m.test(source), 'web/a11y.js has imports or exports this test does not provide');
  await page.addScriptTag({ content: `(function () {\n${source}\nwindow.SipprepAsks = { update_a11y: sync };\n})();` });
}

// An empty page with the a11y layer, and `sync(patch)`: the app's update_a11y with only a patch.
async function patchPage() {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.setContent('<a id="skip-link" href="#">x</a><div id="a11y-root"></div><div id="a11y-live"></div>');
  await loadA11yLayer(page);
  const sync = (patch) => page.evaluate((p) => window.SipprepAsks.update_a11y(JSON.stringify(p), '', '', '', ''), patch);
  return { context, page, sync };
}

test('patches build, update, reorder and remove nodes of the a11y layer', async () => {
  const { context, page, sync } = await patchPage();
  const html = () => page.evaluate(() => document.getElementById('a11y-layer').innerHTML);

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

  // A button's or a choice's description (the question "Nej, behåll" answers) is read with it,
  // from an element aria-describedby points to (not only aria-description, which Firefox before
  // 119 and older Safari do not read), and is not part of its name.
  await sync([
    { k: 'i2', r: 'button', n: 'Spara', cur: true, d: 'Vill du spara?' },
    { k: 'i3', r: 'radio', n: 'Svenska', c: true, d: 'Appens språk' },
  ]);
  const description = (role, name) => page.getByRole(role, { name, exact: true }).evaluate((el) =>
    (el.getAttribute('aria-describedby') || '').split(' ').filter(Boolean)
      .map((id) => document.getElementById(id).textContent).join(' '));
  assert.equal(await description('button', 'Spara'), 'Vill du spara?');
  assert.equal(await description('radio', 'Svenska'), 'Appens språk');
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const spara = nodes.find((n) => n.role?.value === 'button' && n.name?.value === 'Spara');
  assert.equal(spara?.description?.value, 'Vill du spara?');
  await sync([{ k: 'i2', r: 'button', n: 'Spara', cur: true }]);
  assert.equal(await description('button', 'Spara'), '');

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
    [...document.getElementById('a11y-layer').querySelectorAll('[data-k]')].map((e) => e.dataset.k)
      .filter((k, i, a) => a.indexOf(k) === i));
  assert.deepEqual(order, ['g-form', 'g-lang', 'i3', 'i1', 'h1', 'i2']);
  assert.equal(await page.getByRole('radio', { name: 'English' }).count(), 0);
  await context.close();
});

// A run of a long list (summary items, issues) is a plain container: its paragraphs are read as
// if it were not there, and it adds no role of its own.
test('a run is a container without a role of its own', async () => {
  const { context, page, sync } = await patchPage();
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
  assert.deepEqual(run, { tag: 'DIV', role: 'none', texts: '1. Vem ringer jag?2. När blir det av?' });
  const snapshot = await page.locator('#a11y-root').ariaSnapshot();
  assert.equal(snapshot, '- group "Frågor":\n  - paragraph: 1. Vem ringer jag?\n  - paragraph: 2. När blir det av?');
  await context.close();
});

// A long list of questions is drawn in runs too. The browser's own accessibility tree must have
// every item as the list's item, so a screen reader says "3 of 30", not "3 of 25".
test('list items kept in runs are the list\'s own items', async () => {
  const { context, page, sync } = await patchPage();
  const items = Array.from({ length: 30 }, (_, i) => `g-q-${i}`);
  await sync([
    { k: 'root', r: 'group', ch: ['g-questions'] },
    { k: 'g-questions', r: 'list', n: 'Frågor', ch: ['g-qr-0', 'g-qr-25'] },
    { k: 'g-qr-0', r: 'run', ch: items.slice(0, 25) },
    { k: 'g-qr-25', r: 'run', ch: items.slice(25) },
    ...items.map((k, i) => ({ k, r: 'listitem', ch: [`t${i}`] })),
    ...items.map((k, i) => ({ k: `t${i}`, r: 'text', n: `Fråga ${i + 1}` })),
  ]);
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const list = nodes.filter((n) => !n.ignored && n.role?.value === 'list');
  assert.equal(list.length, 1);
  const kids = (n) => (n.childIds || []).map((id) => byId.get(id)).flatMap((c) => (c.ignored ? kids(c) : [c]));
  assert.deepEqual(kids(list[0]).map((n) => n.role.value), Array(30).fill('listitem'));
  const snapshot = await page.locator('#a11y-root').ariaSnapshot();
  assert.match(snapshot, /^- list "Frågor":\n  - listitem:/);
  assert.equal((snapshot.match(/- listitem/g) || []).length, 30);
  await context.close();
});

async function a11yPage() {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.setContent('<a id="skip-link" href="#">x</a><div id="a11y-root"></div><div id="a11y-live"></div>');
  // The app's side of the text calls: what the a11y layer sent, in order.
  await page.evaluate(() => {
    window.__sent = [];
    window.SipprepApp = {
      dom_focus() {}, dom_blur() {}, dom_activate() {},
      dom_text(k, v) { window.__sent.push(v); },
    };
  });
  await loadA11yLayer(page);
  const sync = (patch) => page.evaluate((p) => window.SipprepAsks.update_a11y(JSON.stringify(p), '', '', '', ''), patch);
  return { context, page, sync };
}

// Issue 25, item 1: a patch removes before it reorders, and moves only what is out of order;
// the focused control and its ancestors are never taken out of the page.
test('a patch never moves the focused field or its ancestors', async () => {
  const { context, page, sync } = await a11yPage();
  await sync([
    { k: 'root', r: 'group', ch: ['h1', 't-saved', 'g-nav', 'g-step', 'g-settings'] },
    { k: 'h1', r: 'heading', n: 'Förbered din SIP', l: 1 },
    { k: 't-saved', r: 'text', n: 'Sparat 14:31' },
    { k: 'g-nav', r: 'navigation', n: 'Steg', ch: ['i1'] },
    { k: 'i1', r: 'button', n: '1. Om dig' },
    { k: 'g-step', r: 'group', n: 'Om dig', ch: ['t-intro', 'i2', 't-after'] },
    { k: 't-intro', r: 'text', n: 'Berätta om dig.' },
    { k: 'i2', r: 'textarea', n: 'Varför behövs mötet?', v: '' },
    { k: 't-after', r: 'text', n: 'Hjälptext' },
    { k: 'g-settings', r: 'group', n: 'Inställningar', ch: [] },
  ]);
  await page.getByRole('textbox', { name: 'Varför behövs mötet?' }).focus();
  const count = (patch) => page.evaluate((p) => {
    const root = document.getElementById('a11y-layer');
    const active = document.activeElement;
    const observer = new MutationObserver(() => {});
    observer.observe(root, { childList: true, subtree: true });
    window.SipprepAsks.update_a11y(JSON.stringify(p), '', '', '', '');
    const records = observer.takeRecords();
    observer.disconnect();
    const removed = new Set(), added = new Set();
    for (const r of records) {
      for (const n of r.removedNodes) if (n.nodeType === 1) removed.add(n);
      for (const n of r.addedNodes) if (n.nodeType === 1) added.add(n);
    }
    return {
      moves: [...added].filter((n) => removed.has(n)).length,
      focus: [...removed, ...added].filter((n) => n.contains(active)).length,
      stillFocused: document.activeElement === active,
    };
  }, patch);

  // A text with a new key before the step (the way "Sparat 14:32" was keyed by its words), and a
  // new status line at the top: the step group, which holds the field, stays where it is.
  assert.deepEqual(await count([
    { k: 'root', r: 'group', ch: ['g-update', 'h1', 't-saved2', 'g-nav', 'g-step', 'g-settings'] },
    { k: 'g-update', r: 'status', n: 'Ny version', ch: [] },
    { k: 't-saved2', r: 'text', n: 'Sparat 14:32' },
  ]), { moves: 0, focus: 0, stillFocused: true });
  // An error line appears beside the field, and a text before it is replaced.
  assert.deepEqual(await count([
    { k: 'g-step', r: 'group', n: 'Om dig', ch: ['t-intro2', 'i2', 't-error', 't-after'] },
    { k: 't-intro2', r: 'text', n: 'Berätta om ditt barn.' },
    { k: 't-error', r: 'text', n: 'Fel i personnumret' },
  ]), { moves: 0, focus: 0, stillFocused: true });
  // Siblings reordered around the focused group: only they move.
  const reorder = await count([{ k: 'root', r: 'group', ch: ['g-nav', 'h1', 'g-update', 't-saved2', 'g-step', 'g-settings'] }]);
  assert.equal(reorder.focus, 0);
  assert.equal(reorder.moves, 2, 'two moves: the navigation first, and the heading or the status line');
  const order = await page.evaluate(() => [...document.getElementById('a11y-layer').children].map((e) => e.dataset.k));
  assert.deepEqual(order, ['g-nav', 'h1', 'g-update', 't-saved2', 'g-step', 'g-settings']);
  // A container whose role changes (a status that becomes an alert) stays the same element.
  await sync([{ k: 'g-update', r: 'alert', n: 'Ny version', ch: [] }]);
  assert.equal(await page.locator('[data-k="g-update"]').getAttribute('role'), 'alert');
  await context.close();
});

// Issue 25, item 2: the field the person types in is the truth until the app has caught up.
test('a patch from a frame behind the keys never writes an older value into the field being typed in', async () => {
  const { context, page, sync } = await a11yPage();
  await sync([
    { k: 'root', r: 'group', ch: ['i1'] },
    { k: 'i1', r: 'textarea', n: 'Mål', v: '' },
  ]);
  const field = page.getByRole('textbox', { name: 'Mål' });
  await field.focus();
  await page.keyboard.type('hjälp');
  assert.deepEqual(await page.evaluate(() => window.__sent.filter((v, i, a) => v && v !== a[i - 1])),
    ['h', 'hj', 'hjä', 'hjäl', 'hjälp']);
  // The app's frames are three letters behind: their values are not written back.
  await sync([{ k: 'i1', r: 'textarea', n: 'Mål', v: 'hj' }]);
  assert.equal(await field.inputValue(), 'hjälp');
  await page.keyboard.type('!');
  await sync([{ k: 'i1', r: 'textarea', n: 'Mål', v: 'hjäl' }]);
  assert.equal(await field.inputValue(), 'hjälp!');
  await sync([{ k: 'i1', r: 'textarea', n: 'Mål', v: 'hjälp!' }]);
  assert.equal(await field.inputValue(), 'hjälp!');
  // A value the field never sent is the app's own change (a number written as 12 digits): shown.
  await sync([{ k: 'i1', r: 'textarea', n: 'Mål', v: 'Hjälp!' }]);
  assert.equal(await field.inputValue(), 'Hjälp!');
  // Out of the field, the app's value is always shown.
  await page.evaluate(() => document.activeElement.blur());
  await sync([{ k: 'i1', r: 'textarea', n: 'Mål', v: 'hjä' }]);
  assert.equal(await field.inputValue(), 'hjä');
  await context.close();
});

// Enter on a button that opens a step: the patch takes the button away and names the step's
// heading for focus. Focus moves while the button is still there, and only then is the old screen
// removed: a screen reader told of focus coming from an element already gone may stay silent
// (Orca did, now and then, after "Ny förberedelse").
test('focus moves to the new screen before the old one, which held it, is removed', async () => {
  const { context, page } = await a11yPage();
  const sync = (patch, focusKey) => page.evaluate(([p, f]) =>
    window.SipprepAsks.update_a11y(JSON.stringify(p), f, '', '', ''), [patch, focusKey]);
  await sync([
    { k: 'root', r: 'group', ch: ['h1', 'g-start'] },
    { k: 'h1', r: 'heading', n: 'Förbered din SIP', l: 1 },
    { k: 'g-start', r: 'group', n: '', ch: ['t-welcome', 'i-new', 'i-open'] },
    { k: 't-welcome', r: 'text', n: 'Välkommen' },
    { k: 'i-new', r: 'button', n: 'Ny förberedelse' },
    { k: 'i-open', r: 'button', n: 'Öppna en fil' },
  ], '');
  await page.getByRole('button', { name: 'Ny förberedelse' }).focus();
  await page.evaluate(() => {
    window.__focus = [];
    const root = document.getElementById('a11y-root');
    root.addEventListener('focusin', (ev) => window.__focus.push({
      to: ev.target.dataset.k, from: ev.relatedTarget ? ev.relatedTarget.dataset.k : null,
      fromInPage: !!(ev.relatedTarget && ev.relatedTarget.isConnected),
      // The heading is in its place when focus comes: after the page's heading, in the step.
      toPlaced: ev.target.parentElement && ev.target.parentElement.dataset.k,
    }));
  });
  // The step's title moves from another parent (a listed node inside the removed screen is kept).
  await sync([
    { k: 'root', r: 'group', ch: ['h1', 'g-step'] },
    { k: 'g-step', r: 'group', n: '', ch: ['h-step', 'i-goal', 't-welcome'] },
    { k: 'h-step', r: 'heading', n: 'Steg 1 av 9: Om dig', l: 2 },
    { k: 'i-goal', r: 'textarea', n: 'Vad är viktigt för dig?', v: '' },
  ], 'h-step');
  const seen = await page.evaluate(() => ({
    focus: window.__focus,
    active: document.activeElement.dataset.k,
    keys: [...new Set([...document.getElementById('a11y-layer').querySelectorAll('[data-k]')].map((e) => e.dataset.k))],
  }));
  assert.deepEqual(seen.focus, [{ to: 'h-step', from: 'i-new', fromInPage: true, toPlaced: 'g-step' }]);
  assert.equal(seen.active, 'h-step');
  assert.deepEqual(seen.keys, ['h1', 'g-step', 'h-step', 'i-goal', 't-welcome'], 'the old screen is gone, what moved is kept');
  // The removed screen's keys are forgotten: a later patch naming one makes a new element.
  await sync([
    { k: 'g-step', r: 'group', n: '', ch: ['h-step', 'i-goal', 't-welcome', 'i-new'] },
    { k: 'i-new', r: 'button', n: 'Ny förberedelse' },
  ], '');
  assert.equal(await page.getByRole('button', { name: 'Ny förberedelse' }).count(), 1);
  // Without a focus named, a patch that takes the focused element away removes it at once.
  await page.getByRole('button', { name: 'Ny förberedelse' }).focus();
  await sync([{ k: 'g-step', r: 'group', n: '', ch: ['h-step', 'i-goal', 't-welcome'] }], '');
  assert.equal(await page.locator('[data-k="i-new"]').count(), 0);
  await context.close();
});
