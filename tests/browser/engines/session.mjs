// What a test may do with a page, the same in every engine. Each engine (chromium.mjs,
// firefox.mjs, webkit.mjs) implements the primitives at the bottom; everything a test uses is
// built here on top of them, so a flow is written once and runs in all three.
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { within } from './deadline.mjs';
import { findInA11y, textInA11y } from './find.mjs';

const FIND = findInA11y.toString();
// How long a test waits for something the app will show or do. Only an upper bound: every wait
// ends as soon as the thing is there. On a busy 2-core machine a phone-sized canvas on the
// software renderer can take seconds per frame, so the bound is generous (a flow failed in CI
// when a summary took longer than the 5 s it used to be).
export const WAIT = Number(process.env.SIPPREP_WAIT_MS || 30000);
// The most one primitive of an engine (below: a script, a navigation, keys, a file chosen, a new
// tab, ...) may take before its test fails saying which one it waited for. Their own waits are
// shorter (WAIT, WebDriver's 60 s per command); this bounds what has none, as Playwright's and
// puppeteer's evaluate, and what an engine may add.
export const STEP = Number(process.env.SIPPREP_STEP_MS || 120000);
const TEXT = `(text, exact, within) => { const findInA11y = ${FIND}; return (${textInA11y})(text, exact, within); }`;

export class Session {
  constructor(engine) {
    this.engine = engine;      // 'chromium' | 'firefox' | 'webkit'
    this.problems = [];        // console errors and page errors seen so far
  }

  // Runs fn(...args) in the page (fn must be self-contained; arguments and result are JSON).
  eval(fn, ...args) { return this.evalSource(fn.toString(), args); }

  async waitFor(fn, args = [], { timeout = WAIT, interval = 50 } = {}) {
    const until = Date.now() + timeout;
    let last;
    for (;;) {
      last = await this.evalSource(fn.toString(), args);
      if (last) return last;
      if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for ${fn.toString().slice(0, 120)}`);
      await this.sleep(interval);
    }
  }

  sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }

  // Waits for the app's first frame (or its start-up failure) after a navigation.
  async ready() {
    await this.waitFor(() => window.__appReady === true || !!window.__appFailed, [], { timeout: 30000 });
    const failed = await this.eval(() => window.__appFailed || null);
    if (failed) throw new Error(`app failed to start in ${this.engine}: ${failed}`);
    await this.watchErrors();
  }

  async open(url) {
    this.url = url;
    await this.goto(url);
    await this.ready();
  }

  state() { return this.eval(() => window.sipprep.state()); }

  // --- the a11y layer, by role and name --------------------------------------------------------
  // A query: { role, name, within } (see find.mjs); `name` may be a RegExp.
  static query(q) {
    const name = q.name instanceof RegExp ? { re: q.name.source, flags: q.name.flags } : q.name;
    return { ...q, name, within: q.within ? Session.query(q.within) : undefined };
  }

  async exists(q) {
    return this.evalSource(`(q) => !!(${FIND})(q)`, [Session.query(q)]);
  }

  async waitForControl(q, timeout = WAIT) {
    await this.waitFor(new Function('q', `return !!(${FIND})(q);`), [Session.query(q)], { timeout })
      .catch(() => { throw new Error(`no ${q.role} "${q.name}" in the a11y layer`); });
  }

  // Focuses a control, waiting (up to WAIT) for the frame that shows it: engines draw the frame
  // after an action at different moments.
  async focus(q) {
    const source = `(q) => { const el = (${FIND})(q); if (!el) return false; el.focus(); return document.activeElement === el; }`;
    const until = Date.now() + WAIT;
    while (!(await this.evalSource(source, [Session.query(q)]))) {
      if (Date.now() > until) throw new Error(`cannot focus ${q.role} "${q.name}" in ${this.engine}`);
      await this.sleep(50);
    }
  }

  // Reads a control: value of a field, checked of a box, text otherwise.
  read(q) {
    return this.evalSource(`(q) => { const el = (${FIND})(q); if (!el) return null;
      if (el.matches('input[type=checkbox], input[type=radio]')) return el.checked;
      if (el.matches('input, textarea')) return el.value; return el.matches('button') ? el.firstChild.textContent : el.textContent; }`, [Session.query(q)]);
  }

  // Lets the app finish what an action started: a short wait, then until no frame has been drawn
  // for 80 ms (the app draws only while something changes). Engines, and big phone canvases on a
  // software renderer, differ in how long those frames take.
  async settle(ms = 120) {
    await this.sleep(ms);
    const until = Date.now() + 3000;
    let frames = await this.eval(() => window.__frames);
    while (Date.now() < until) {
      await this.sleep(80);
      const now = await this.eval(() => window.__frames);
      if (now === frames) return;
      frames = now;
    }
  }

  // Text shown in the a11y layer: { exact, within } as for controls.
  hasText(text, { exact = false, within } = {}) {
    return this.evalSource(TEXT, [text, exact, within ? Session.query(within) : null]);
  }

  async waitForText(text, { exact = false, within, timeout = WAIT } = {}) {
    const args = [text, exact, within ? Session.query(within) : null];
    await this.waitFor(new Function('t', 'e', 'w', `return (${TEXT})(t, e, w);`), args, { timeout })
      .catch(() => { throw new Error(`"${text}" is not shown (${this.engine})`); });
  }

  // How many radios of a group are chosen.
  checkedIn(group) {
    return this.evalSource(`(q) => { const g = (${FIND})(q); return g ? g.querySelectorAll('input:checked').length : -1; }`,
      [Session.query(group)]);
  }

  // The text of the print document the app handed to the browser (web/shell.js printHtml).
  async printed(timeout = WAIT) {
    return this.waitFor(() => {
      const frame = document.querySelector('iframe.print-frame');
      return frame && frame.contentDocument && frame.contentDocument.body
        && frame.contentDocument.body.textContent.trim() ? frame.contentDocument.body.innerText : null;
    }, [], { timeout, interval: 20 });
  }

  // A keyboard user: focus, then Enter (buttons) or Space (boxes and radios).
  async press(name, within) {
    await this.focus({ role: 'button', name, within });
    await this.key('Enter');
    await this.settle();
  }

  async tick(role, name, within) {
    await this.focus({ role, name, within });
    await this.key('Space');
    await this.settle();
  }

  // Types into a field with the engine's own key events.
  async typeInto(name, text, within) {
    await this.focus({ role: 'textbox', name, within });
    await this.type(text);
    await this.settle();
  }

  // Sets a field's text the way a paste or autofill does: the value, then one input event.
  async fill(name, text, within) {
    const ok = await this.evalSource(`(q, text) => { const el = (${FIND})(q); if (!el) return false; el.focus();
      el.value = text; el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: text }));
      return true; }`, [Session.query({ role: 'textbox', name, within }), text]);
    if (!ok) throw new Error(`no field "${name}" in ${this.engine}`);
    await this.settle(80);
  }

  async goToStep(title) {
    const q = { role: 'button', name: new RegExp('^\\d+\\. ' + title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      within: { role: 'navigation' } };
    const showAll = { role: 'button', name: 'Visa alla steg' };  // phones show the list on request
    await this.waitFor(new Function('a', 'b', `const f = ${FIND}; return !!(f(a) || f(b));`),
      [Session.query(q), showAll], { timeout: WAIT });
    if (!(await this.exists(q))) await this.press('Visa alla steg');
    await this.focus(q);
    await this.key('Enter');
    await this.settle();
  }

  // A finger's tap on the control (brought into view first, as the app does for focus).
  async tap(q) {
    await this.focus(q);
    await this.settle(150);
    const box = await this.evalSource(`(q) => { const r = (${FIND})(q).getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; }`, [Session.query(q)]);
    await this.tapAt(Math.round(box.x), Math.round(box.y));
    await this.settle();
  }

  // '@' and the like typed with AltGr: on Windows the browser sees Ctrl+Alt held.
  altGr(text) { return this.typeWithModifiers(['Control', 'Alt'], text); }

  // Drops a file on the page the way a file dragged from the desktop arrives.
  async drop(name, text) {
    await this.eval((n, t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, name, text);
    await this.settle(300);
  }

  // Page errors after start: uncaught errors and console.error, collected in the page (classic
  // WebDriver has no console events) and read with takeProblems().
  async watchErrors() {
    await this.eval(() => {
      if (window.__problems) return;
      window.__problems = [];
      window.addEventListener('error', (e) => window.__problems.push(`page error: ${e.message}`));
      window.addEventListener('unhandledrejection', (e) => window.__problems.push(`unhandled: ${e.reason}`));
      const error = console.error.bind(console);
      console.error = (...a) => { window.__problems.push(`console: ${a.join(' ')}`); error(...a); };
    });
  }

  async takeProblems() {
    const inPage = await this.eval(() => window.__problems || []);
    return [...this.problems, ...inPage];
  }

  // --- primitives each engine implements ---------------------------------------------------------
  // evalSource(source, args)  source: text of a function expression; awaits a returned promise
  // goto(url), reload()       navigation (reload keeps storage)
  // key(combo)                'Enter', 'Space', 'Tab', 'Shift+Tab', 'Control+A', 'End', ...
  // type(text)                the engine's own key events for each character
  // typeWithModifiers(mods, text)  text typed while modifiers are held (AltGr on Windows is Ctrl+Alt)
  // chooseFile(action, path) runs action (which opens the app's file picker), then chooses path
  // download(action)          runs action, returns { name, text } of the file the page saved
  // tapAt(x, y)               a touch tap at page coordinates (touch profiles)
  // screenshot(path), close()  close() ends the profile: every tab of it
  // Tabs of one profile (the same storage, Web Locks and BroadcastChannel):
  // newTab()                  another tab of this profile, opened on the app and ready (a Session)
  // use()                     the person goes to this tab: it is the one shown (engines with real
  //                           tabs draw only the tab in front; a tab in the back gets 'hidden')
  // closeTab()                closes this tab as a person does: the page's pagehide/unload run
  // kill()                    ends this tab without pagehide or unload, as a crash does; the other
  //                           tabs go on. What each engine really does (see its file):
  //                           chromium: the tab's renderer crashes (CDP Page.crash), the browser lets go
  //                             of its Web Lock; firefox: the tab's own content process is killed
  //                             (SIGKILL; every tab has its own process there), the lock is let go;
  //                           webkit: the tab's web process is stopped for good (SIGSTOP): it never
  //                             runs again, but holds its Web Lock until another tab takes it (a killed
  //                             web process makes WebKitWebDriver end the whole session, and a session's
  //                             storage is ephemeral, so nothing could be looked at afterwards)
}

function argument(a) {
  if (typeof a === 'function') return 'fn';
  try { return (JSON.stringify(a) ?? String(a)).slice(0, 100); } catch { return typeof a; }
}

const PRIMITIVES = ['evalSource', 'goto', 'reload', 'key', 'type', 'typeWithModifiers', 'chooseFile', 'download',
  'tapAt', 'screenshot', 'close', 'newTab', 'use', 'closeTab', 'kill', 'printedFile'];

// Gives each primitive of an engine's Session class the upper bound `ms` (each engine file calls
// it on its class): a browser that stops answering then fails its test in minutes, not the run.
export function bounded(SessionClass, ms = STEP) {
  const proto = SessionClass.prototype;
  for (const name of PRIMITIVES) {
    const fn = proto[name];
    if (typeof fn !== 'function') continue;
    proto[name] = function (...args) {
      const shown = args.map(argument).join(', ');
      return within(fn.apply(this, args), ms, `${this.engine}: ${name}(${shown})`);
    };
  }
  return SessionClass;
}

// Ends the profile after fn(s), also when fn throws: a failed test never leaves a browser
// session behind (WebKitWebDriver allows one at a time).
export async function using(opening, fn) {
  const s = await opening;
  try {
    return await fn(s);
  } finally {
    await s.close().catch(() => {});
  }
}

// For engines that save downloads into a folder: runs action, then waits for a new file there
// that is complete (not `partial(name)`, no partial file beside it, a size that stays put).
export async function newFileIn(dir, action, { partial = () => false, ignore = () => false, engine } = {}) {
  const list = async () => (existsSync(dir) ? readdir(dir) : []);
  const before = new Set(await list());
  await action();
  const until = Date.now() + 30000;
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  while (Date.now() < until) {
    const names = await list();
    for (const name of names) {
      if (before.has(name) || partial(name) || ignore(name) || names.some((n) => n !== name && n.startsWith(name) && partial(n))) continue;
      const file = join(dir, name);
      const size = (await stat(file)).size;
      await sleep(100);
      if ((await stat(file)).size === size && size > 0) return { name, text: await readFile(file, 'utf8') };
    }
    await sleep(100);
  }
  throw new Error(`${engine}: no download within 30 s`);
}

// Key names the engines share; each engine maps them to its own codes.
export function parseCombo(combo) {
  const parts = combo === '+' ? ['+'] : combo.split('+');
  return { key: parts.pop(), modifiers: parts };
}
