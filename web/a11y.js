// The a11y layer of the canvas UI: a visually hidden tree of real headings, paragraphs, labelled
// fields, buttons, checkboxes, radio groups and lists, kept in step with each frame (changing
// only what changed). Screen readers read it; the keyboard and the browser's own text editing
// (IME, spelling, clipboard, undo) work on it; the C++ side draws what it holds.
import { app } from './bridge.js';

var root = document.getElementById('a11y-root');
var live = document.getElementById('a11y-live');
var entries = new Map();  // key -> { key, role, el, control, label, desc, err, text }
// The nodes sit in one layer that moves as the canvas scrolls: their places are in the window's
// content, so that a node out of view (a long list's) is where the canvas has it without a record.
var layer = document.createElement('div');
layer.id = 'a11y-layer';
root.appendChild(layer);
layer.dataset.k = 'root';
entries.set('root', { key: 'root', role: 'root', el: layer });
var keyboardUsed = false;
var composing = false;

function focusTo(key) { app.dom_focus(key, keyboardUsed); }
function blurFrom(key) { app.dom_blur(key); }
// The radio of `control`'s group that the app has checked, checked here too.
function appsChoice(control) {
  if (!control.name) return;
  Array.prototype.forEach.call(document.getElementsByName(control.name), function (c) {
    if (c.appChecked && !c.checked) c.checked = true;
  });
}
function activate(key) { app.dom_activate(key); }
// The field the person types in is the truth until the app has caught up. `sent` lists the
// values this field sent that the app has not shown yet, oldest first.
// The same text and selection twice in a row (the 'input' event, then the 'selectionchange'
// after it) is told once: each telling runs frames, tens of ms each on a slow phone.
function sendText(entry) {
  var c = entry.control;
  var told = [c.value, c.selectionStart, c.selectionEnd, c.selectionDirection].join('\u0000');
  if (entry.told === told) return;
  entry.told = told;
  if (!entry.sent) entry.sent = [];
  if (entry.sent[entry.sent.length - 1] !== c.value) entry.sent.push(c.value);
  if (entry.sent.length > 64) entry.sent.shift();
  app.dom_text(entry.key, c.value, c.selectionStart || 0, c.selectionEnd || 0, c.selectionDirection === 'backward');
}

var TEXT_ROLES = { textbox: 1, textarea: 1 };
var CONTAINERS = { root: 1, group: 1, radiogroup: 1, list: 1, listitem: 1, navigation: 1, status: 1, alert: 1, run: 1 };

function create(n) {
  var e = { key: n.k, role: n.r };
  var id = 'm-' + n.k;
  switch (n.r) {
    case 'heading':
      e.el = document.createElement('h' + Math.min(6, Math.max(1, n.l || 2)));
      e.el.tabIndex = -1;  // focus lands here when a new screen or step opens, so it is read out
      break;
    case 'text':
      e.el = document.createElement('p');
      break;
    case 'textbox':
    case 'textarea':
      e.el = document.createElement('div');
      e.el.className = 'field';
      e.label = document.createElement('label');
      e.label.htmlFor = id;
      e.control = document.createElement(n.r === 'textarea' ? 'textarea' : 'input');
      if (n.r === 'textbox') e.control.type = 'text';
      e.control.id = id;
      e.control.dir = 'auto';  // each field follows what is typed in it (an Arabic name in a Swedish form)
      e.control.spellcheck = true;
      e.desc = document.createElement('span');
      e.desc.id = id + '-d';
      e.note = document.createElement('span');
      e.note.id = id + '-m';
      e.err = document.createElement('span');
      e.err.id = id + '-e';
      e.el.append(e.label, e.control, e.desc, e.note, e.err);
      e.control.addEventListener('input', function () { sendText(e); });
      e.control.addEventListener('compositionstart', function () { composing = true; });
      e.control.addEventListener('compositionend', function () { composing = false; sendText(e); });
      if (n.r === 'textbox') {
        e.control.addEventListener('keydown', function (ev) {
          if (ev.key === 'Enter' && !ev.isComposing) { ev.preventDefault(); moveFocus(e.control, 1); }
        });
      }
      break;
    case 'button':
      e.el = e.control = document.createElement('button');
      e.control.type = 'button';
      e.control.addEventListener('click', function () { activate(e.key); });
      e.text = document.createElement('span');
      e.el.append(e.text, describer(e, id));
      break;
    case 'checkbox':
    case 'radio':
      e.el = document.createElement('label');
      e.control = document.createElement('input');
      e.control.type = n.r;
      e.control.id = id;
      // Named by aria-label; the label's own text is hidden from screen readers, so that
      // reading the page says "Jag själv, radio button, selected" once, not the words twice.
      e.text = document.createElement('span');
      e.text.setAttribute('aria-hidden', 'true');
      e.el.append(e.control, e.text, describer(e, id));
      e.control.addEventListener('change', function () { activate(e.key); });
      break;
    case 'list':
      e.el = document.createElement('ul');
      // Said outright: the items of a long list sit in runs (a div each, role "none"), which a
      // plain ul may not hold; and Safari drops the list of a ul whose bullets are not drawn.
      e.el.setAttribute('role', 'list');
      break;
    case 'listitem':
      e.el = document.createElement('li');
      break;
    case 'navigation':
      e.el = document.createElement('nav');
      break;
    default:
      e.el = document.createElement('div');
      if (DIVS[n.r]) e.el.setAttribute('role', divRole(n.r));
  }
  e.el.dataset.k = n.k;
  if (e.control) e.control.dataset.k = n.k;
  return e;
}

// A control's description (a question its answer belongs to: "Vill du ta bort …?") in a hidden
// element its aria-describedby points to: read with the control, also where aria-description is
// not (Firefox before 119, older Safari). Hidden, it is not read a second time on its own.
function describer(e, id) {
  e.desc = document.createElement('span');
  e.desc.id = id + '-d';
  e.desc.hidden = true;
  return e.desc;
}
function describe(e, text) {
  setText(e.desc, text);
  setAttr(e.control, 'aria-describedby', text ? e.desc.id : '');
}

function setText(el, text) { if (el.textContent !== text) el.textContent = text; }
function setAttr(el, name, value) {
  if (value === null || value === undefined || value === false || value === '') {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== String(value)) {
    el.setAttribute(name, value);
  }
}

function place(el, b) {
  if (!b) { if (el.classList.contains('placed')) el.classList.remove('placed'); return; }
  if (!el.classList.contains('placed')) el.classList.add('placed');
  var s = el.style;
  var l = b[0] + 'px', t = b[1] + 'px', w = Math.max(1, b[2]) + 'px', h = Math.max(1, b[3]) + 'px';
  if (s.left !== l) s.left = l;
  if (s.top !== t) s.top = t;
  if (s.width !== w) s.width = w;
  if (s.height !== h) s.height = h;
}

// A patch's value for a text field. While the person is in the field, a value it sent
// earlier is the app behind the keys (a slow frame): the field keeps what is typed, and the
// app's next frame brings the newer value. A value the field never sent is the app's own
// change (a personnummer written as 12 digits, a field emptied) and is shown, except in the
// middle of an IME composition.
function setValue(e, v) {
  var c = e.control;
  var sent = e.sent || [];
  e.sent = [];
  if (c.value === v) return;
  if (document.activeElement === c) {
    var at = sent.lastIndexOf(v);
    if (at >= 0) { e.sent = sent.slice(at + 1); return; }
    if (composing) return;
  }
  c.value = v;
  e.told = null;
}

function update(e, n) {
  var name = n.n || '';
  switch (e.role) {
    case 'heading':
    case 'text':
      setText(e.el, name);
      break;
    case 'textbox':
    case 'textarea':
      setText(e.label, name);
      setValue(e, n.v || '');
      setText(e.desc, n.d || '');
      setText(e.note, n.m || '');
      setText(e.err, n.e || '');
      setAttr(e.control, 'aria-invalid', n.e ? 'true' : '');
      setAttr(e.control, 'placeholder', n.ph || '');  // a format ("ÅÅÅÅMMDDNNNN") is read while empty
      if (e.control.spellcheck !== !n.pd) e.control.spellcheck = !n.pd;  // personal data: no spell-check
      setAttr(e.control, 'autocomplete', n.pd ? 'off' : '');
      if (e.role === 'textbox' && e.control.type !== (n.pw ? 'password' : 'text')) e.control.type = n.pw ? 'password' : 'text';
      setAttr(e.control, 'aria-describedby',
        [n.d ? e.desc.id : '', n.m ? e.note.id : '', n.e ? e.err.id : ''].filter(Boolean).join(' '));
      break;
    case 'button':
      setText(e.text, name);
      setAttr(e.el, 'aria-current', n.cur ? 'step' : '');
      setAttr(e.el, 'aria-expanded', n.ex === undefined ? '' : String(n.ex));
      describe(e, n.d || '');
      setAttr(e.el, 'aria-disabled', n.dis ? 'true' : '');
      break;
    case 'checkbox':
    case 'radio':
      setText(e.text, name);
      setAttr(e.control, 'aria-label', name);
      e.control.appChecked = !!n.c;
      if (e.control.checked !== !!n.c) e.control.checked = !!n.c;
      // A patch names the radios that changed; the browser unchecks the others of a group
      // when one is checked. Unchecking one gives the check back to the one the app has.
      if (e.control.type === 'radio' && !n.c) appsChoice(e.control);
      describe(e, n.d || '');
      break;
    default:
      setAttr(e.el, 'aria-label', name);
      // A group without a name (a step, the settings: their heading names them) is no group
      // for a screen reader: nothing to read twice, no "panel".
      if (e.role === 'group') setAttr(e.el, 'role', name ? 'group' : '');
  }
  place(e.el, n.b);
}

// Removes a node and everything under it, except what a parent lists now (`listed`): that
// is taken out first, to be put where its new parent wants it.
function removeEntry(el, listed) {
  if (listed) {
    el.querySelectorAll('[data-k]').forEach(function (d) {
      if (listed.has(d.dataset.k) && d.dataset.k !== (d.parentElement && d.parentElement.dataset.k)) d.remove();
    });
  }
  el.querySelectorAll('[data-k]').forEach(function (d) { entries.delete(d.dataset.k); });
  entries.delete(el.dataset.k);
  el.remove();
}

// Kept in place, never re-created, when a container's role changes (a status that becomes an
// alert): its element and everything in it stay attached.
var DIVS = { group: 1, radiogroup: 1, status: 1, alert: 1, run: 1 };
// A run of a long list is no part of its meaning: in a list, its items stay the list's own
// items in every engine ("3 of 1 000", not "3 of 25").
function divRole(role) { return role === 'run' ? 'none' : role; }
function setContainerRole(e, role) {
  e.role = role;
  setAttr(e.el, 'role', divRole(role));
}

// The longest run of `items` (indices into the old order, -1 for new) that is already in
// order: those stay where they are and only the others move. `pin`, if given, is an index of
// `items` that must be in the run (the child holding focus).
function stableSet(items, pin) {
  function lis(idx) {  // idx: positions in `items`, with increasing old indices wanted
    var tails = [], prev = [], tailPos = [];
    idx.forEach(function (p, n) {
      var v = items[p];
      var lo = 0, hi = tails.length;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (tails[mid] < v) lo = mid + 1; else hi = mid; }
      tails[lo] = v;
      tailPos[lo] = n;
      prev[n] = lo > 0 ? tailPos[lo - 1] : -1;
    });
    var out = [];
    for (var n = tails.length ? tailPos[tails.length - 1] : -1; n >= 0; n = prev[n]) out.push(idx[n]);
    return out;
  }
  var all = [];
  items.forEach(function (v, p) { if (v >= 0) all.push(p); });
  var keep;
  if (pin === undefined || pin < 0 || items[pin] < 0) {
    keep = lis(all);
  } else {
    var at = items[pin];
    keep = lis(all.filter(function (p) { return p < pin && items[p] < at; }))
      .concat([pin], lis(all.filter(function (p) { return p > pin && items[p] > at; })));
  }
  return new Set(keep);
}

// A patch (docs/a11y-protocol.md) lists the nodes that are new or changed, parents before
// children; a container's "ch" (its children's keys, in order) comes when that list changed.
// Nodes not in the patch are as they were.
//
// Elements are moved as little as possible: a moved element loses focus in some browsers
// (Firefox), and a screen reader then reads the field again. So what no parent lists any more
// goes first, then each parent's children are ordered by moving only those not already in
// order, and never the child that holds focus (or holds the focused control).
//
// `hold`, if given, is the element that has focus while a new one is named for it: when the patch
// takes it away, that removal waits until focus has moved (the returned function does it). A
// screen reader told of focus arriving from an element already gone may keep quiet (Orca did).
function applyPatch(records, hold) {
  records.forEach(function (n) {
    if (n.k === 'root') {  // the page's own element: only its children change, and the scroll
      layer.style.transform = n.sy ? 'translateY(' + -n.sy + 'px)' : '';
      return;
    }
    var e = entries.get(n.k);
    if (e && e.role !== n.r && DIVS[e.role] && DIVS[n.r]) {
      setContainerRole(e, n.r);
    } else if (e && e.role !== n.r) {
      var old = e;
      e = create(n);
      if (CONTAINERS[old.role] && CONTAINERS[n.r]) while (old.el.firstChild) e.el.appendChild(old.el.firstChild);
      else old.el.querySelectorAll('[data-k]').forEach(function (d) { entries.delete(d.dataset.k); });
      old.el.replaceWith(e.el);
      entries.set(n.k, e);
    } else if (!e) {
      e = create(n);
      entries.set(n.k, e);
    }
    update(e, n);
  });
  var parents = records.filter(function (n) { return n.ch; });
  // Every key some parent lists now: a child that moved to another parent is not removed.
  var listed = new Set();
  parents.forEach(function (n) { n.ch.forEach(function (k) { listed.add(k); }); });
  var held = [];
  parents.forEach(function (n) {
    Array.prototype.slice.call(entries.get(n.k).el.children).forEach(function (child) {
      if (!child.dataset.k || listed.has(child.dataset.k)) return;
      if (hold && child.contains(hold)) held.push(child);
      else removeEntry(child, listed);
    });
  });
  var focused = document.activeElement;
  parents.forEach(function (n) {
    var parent = entries.get(n.k).el;
    var kids = [];
    n.ch.forEach(function (k) {
      var c = entries.get(k);
      if (!c) return;
      if (c.role === 'radio') c.control.name = 'm-' + n.k;
      kids.push(c.el);
    });
    var old = new Map();
    Array.prototype.forEach.call(parent.children, function (el, i) { old.set(el, i); });
    var items = kids.map(function (el) { return old.has(el) ? old.get(el) : -1; });
    var pin = -1;
    kids.forEach(function (el, i) { if (focused && el.contains(focused)) pin = i; });
    var stay = stableSet(items, pin);
    // From the end: each child goes before the one that follows it, unless it stays.
    var next = null;
    for (var i = kids.length - 1; i >= 0; i--) {
      var el = kids[i];
      if (!stay.has(i)) {
        var want = next || null;
        if (el.parentNode !== parent || el.nextSibling !== want) parent.insertBefore(el, want);
      }
      next = el;
    }
  });
  return held.length ? function () { held.forEach(function (el) { removeEntry(el, listed); }); } : null;
}

function focusables() {
  return Array.prototype.filter.call(root.querySelectorAll('input, textarea, button'), function (el) {
    return !el.disabled;
  });
}

function moveFocus(from, step) {
  var list = focusables();
  var i = list.indexOf(from);
  if (i >= 0 && list[i + step]) list[i + step].focus();
}

var skip = document.getElementById('skip-link');
var SKIP_TEXT = { sv: 'Hoppa till innehållet', en: 'Skip to content' };
skip.addEventListener('click', function (ev) {
  ev.preventDefault();
  // The current step (or screen) first; its first control gets focus.
  var step = root.querySelector('[data-k="g-step"]') || root;
  var first = step.querySelector('input, textarea, button') || root.querySelector('input, textarea, button');
  if (first) first.focus();
});

// The first frame is laid out in one task and drawn in the next (web/frames.js). What its layout
// tells this layer waits for the drawing: told at once, the browser laid the new elements out
// between the two tasks, before the picture (20-40 ms of the start on this machine).
var held = null;
export function holdUntilDrawn() { held = held || []; }
export function sendHeld() {
  var h = held;
  held = null;
  if (h) h.forEach(function (a) { sync.apply(null, a); });
}

// `lang`: the UI language's BCP 47 tag when it changed, `rtl` whether it is written right to
// left: the page, this layer and its fields follow it (caret, selection, screen readers' voice).
export function sync(patch, focusKey, selection, announcement, lang, rtl) {
  if (held) return void held.push(arguments);
  if (lang) {
    document.documentElement.lang = root.lang = lang;
    document.documentElement.dir = root.dir = rtl ? 'rtl' : 'ltr';
    skip.lang = SKIP_TEXT[lang] ? lang : 'sv';
    skip.textContent = SKIP_TEXT[skip.lang];
  }
  var removeHeld = null;  // the focused element a patch takes away, removed once focus has moved
  if (patch) {
    // Moving an element in the DOM can take focus from it: put focus back where it was.
    var active = entryOf(document.activeElement);
    removeHeld = applyPatch(JSON.parse(patch), focusKey && active ? document.activeElement : null);
    var activeEl = active && (active.control || active.el);  // a heading has no control
    if (activeEl && entries.get(active.key) === active && document.activeElement !== activeEl) {
      activeEl.focus({ preventScroll: true });
    }
  }
  if (focusKey) {
    var f = entries.get(focusKey);
    var target = f && (f.control || (f.role === 'heading' ? f.el : null));
    if (target && document.activeElement !== target) target.focus({ preventScroll: true });
  }
  if (removeHeld) removeHeld();
  if (selection) {
    var s = JSON.parse(selection);
    var se = entries.get(s.key);
    if (se && se.control && document.activeElement === se.control && TEXT_ROLES[se.role]) {
      se.control.setSelectionRange(s.start, s.end, s.backward ? 'backward' : 'forward');
    }
  }
  if (announcement) live.textContent = announcement;
}

function entryOf(target) {
  var k = target && target.dataset ? target.dataset.k : null;
  return k ? entries.get(k) : null;
}

root.addEventListener('focusin', function (ev) {
  var e = entryOf(ev.target);
  if (!e) return;
  focusTo(e.key);
  e.told = null;  // the app is told again what a field it comes back to holds
  if (TEXT_ROLES[e.role]) sendText(e);
});
root.addEventListener('focusout', function (ev) {
  var e = entryOf(ev.target);
  if (e) blurFrom(e.key);
});
document.addEventListener('selectionchange', function () {
  var e = entryOf(document.activeElement);
  if (e && TEXT_ROLES[e.role]) sendText(e);
});
// Focus moves the browser's scroll position in overflow:hidden boxes too; the canvas scrolls
// itself to the focused item instead.
root.addEventListener('scroll', function () { root.scrollTop = 0; root.scrollLeft = 0; });
document.addEventListener('keydown', function () { keyboardUsed = true; }, true);

// Page Down, Page Up, Home, End, Space and the up and down arrows scroll the page where they
// would in a web page: on a heading, a paragraph, a button or a box, not in a field (they move
// the caret there) nor on a radio (the arrows choose). The canvas's page does not scroll by
// itself: a long summary was out of reach with the keyboard alone.
var SCROLL_KEYS = { PageDown: 1, PageUp: -1, End: 2, Home: -2, ArrowDown: 3, ArrowUp: -3, ' ': 1 };
root.addEventListener('keydown', function (ev) {
  var toward = SCROLL_KEYS[ev.key];
  if (!toward || ev.defaultPrevented || ev.altKey || ev.ctrlKey || ev.metaKey || ev.isComposing) return;
  var t = ev.target;
  if (t.matches('input[type=text], input[type=password], textarea, input[type=radio]')) return;
  // Space presses a button or ticks a box: it scrolls only from a heading or text.
  if (ev.key === ' ' && t.matches('button, input')) return;
  if (ev.key === ' ' && ev.shiftKey) toward = -1;
  ev.preventDefault();
  app.scroll_page(toward);
});
document.addEventListener('pointerdown', function () { keyboardUsed = false; }, true);
