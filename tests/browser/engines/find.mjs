// Runs inside the page: finds a control of the app's a11y layer (web/a11y.js) the way a person
// or a screen reader names it — role and accessible name — so a test is written once for every
// engine. `query`: { role, name, within?: query, nth? }; `name` is a string (exact) or
// { re: source, flags } (a regular expression). Returns the element to focus or read, or null.
export function findInA11y(query) {
  const SELECTORS = {
    button: 'button',
    textbox: 'input[type=text], input[type=password], textarea',
    checkbox: 'input[type=checkbox]',
    radio: 'input[type=radio]',
    heading: 'h1, h2, h3, h4, h5, h6',
    text: 'p',
    navigation: 'nav',
    group: '[role=group]',
    radiogroup: '[role=radiogroup]',
    status: '[role=status]',
    alert: '[role=alert]',
    list: 'ul',
  };
  // An element's own words: not a hidden description inside it (web/a11y.js: describer).
  const shown = (el) => [...el.childNodes].map((n) => (n.nodeType === 3 ? n.data : n.nodeType === 1 && !n.hidden ? shown(n) : '')).join('');
  const nameOf = (el) => {
    if (el.matches('input[type=checkbox], input[type=radio]')) return el.getAttribute('aria-label') ?? shown(el.parentElement);
    // Its <label for>, found without el.labels: WebKitGTK 2.50.6's web process aborts (SIGABRT in
    // CheckedPtr's decrementCheckedPtrCount) when its garbage collector destroys such a live list
    // of a document that has gone — after a reload, 1 run in 3 under load (docs/draft-store.md).
    if (el.matches('input, textarea')) return (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`))?.textContent ?? '';
    if (el.hasAttribute('aria-label')) return el.getAttribute('aria-label');
    return shown(el);
  };
  const matches = (el, name) => {
    if (name === undefined) return true;
    const text = nameOf(el).trim();
    return typeof name === 'string' ? text === name : new RegExp(name.re, name.flags || '').test(text);
  };
  const one = (q, scope) => {
    const selector = SELECTORS[q.role];
    if (!selector) throw new Error(`unknown role ${q.role}`);
    const all = [...scope.querySelectorAll(selector)].filter((el) => matches(el, q.name));
    return all[q.nth || 0] || null;
  };
  const root = document.getElementById('a11y-root');
  const scope = query.within ? findInA11y(query.within) : root;
  return scope ? one(query, scope) : null;
}

// Runs inside the page: is `text` shown in the a11y layer (or inside the control `within`)?
// exact: some element's whole text is `text`; otherwise some element's text contains it.
export function textInA11y(text, exact, within) {
  const scope = within ? findInA11y(within) : document.getElementById('a11y-root');
  if (!scope) return false;
  const shown = (el) => [...el.childNodes].map((n) => (n.nodeType === 3 ? n.data : n.nodeType === 1 && !n.hidden ? shown(n) : '')).join('');
  const own = (el) => (el.matches('input, textarea') ? '' : el.getAttribute('aria-label') || shown(el) || '').trim();
  return [scope, ...scope.querySelectorAll('*')].some((el) => (exact ? own(el) === text
    || (el.getAttribute('aria-label') || '').trim() === text : own(el).includes(text)));
}

// Runs inside the page: what a person can do next in a tab of a profile where other tabs may
// edit (web/draft-store.js). 'done': this tab edits and shows the steps; 'takeOver': the notice
// that another tab edits, with "Fortsätt här"; 'continue': the neutral screen with "Fortsätt" (a
// tab given the draft without asking, when the editing tab closed); null: not settled yet.
export function tabNextStep() {
  const s = window.sipprep.storage();
  const screen = window.sipprep.state().screen;
  const root = document.getElementById('a11y-root');
  const button = (name) => [...root.querySelectorAll('button')].some((b) => b.firstChild?.textContent.trim() === name);
  const notice = [...root.querySelectorAll('[role=alert]')].some((a) => (a.getAttribute('aria-label') || a.textContent).includes('annan flik'));
  if (s.editing && !notice && screen === 'steps') return 'done';
  if (s.state === 'follower' && notice && button('Fortsätt här')) return 'takeOver';
  if (s.editing && !notice && screen === 'resume' && button('Fortsätt')) return 'continue';
  return null;
}

// Runs inside the page: focuses the a11y layer's button named exactly `name` if it is there now
// (the screen may change as a person presses); true when it has the focus.
export function focusButton(name) {
  const b = [...document.getElementById('a11y-root').querySelectorAll('button')].find((e) => e.textContent.trim() === name);
  if (b) b.focus();
  return !!b && document.activeElement === b;
}
