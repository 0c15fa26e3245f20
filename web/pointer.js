// Pointer input on the canvas (keyboard and text go through the a11y layer, a11y.js), and what
// asks for a new picture without input: a new size, another devicePixelRatio, the window's blur.
import { app } from './bridge.js';

var canvas = document.getElementById('canvas');

function watchPixelRatio() {
  // Browser zoom and moving to another screen change devicePixelRatio.
  var query = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
  query.addEventListener('change', function () { app.wake(); watchPixelRatio(); }, { once: true });
}

function modifiers(e) {
  return (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
}

export function installInput() {
  function pointerPos(e) {
    var r = canvas.getBoundingClientRect();
    app.mouse_pos(e.clientX - r.left, e.clientY - r.top);
  }
  var BUTTONS = [0, 2, 1];  // DOM left, middle, right -> ImGui left, right, middle
  // Touch: a drag scrolls (the canvas has no scrolling of its own), a tap clicks.
  var touch = null;  // { id, x, y, lastY, scrolling }
  var TAP_SLOP = 8;
  var PX_PER_WHEEL_STEP = 90;  // what one wheel step scrolls in the app (5 lines of text)
  canvas.addEventListener('pointermove', function (e) {
    if (touch && e.pointerId === touch.id) {
      if (!touch.scrolling && Math.abs(e.clientY - touch.y) + Math.abs(e.clientX - touch.x) > TAP_SLOP) touch.scrolling = true;
      if (touch.scrolling) {
        app.wheel(0, (e.clientY - touch.lastY) / PX_PER_WHEEL_STEP);
        touch.lastY = e.clientY;
      }
      return;
    }
    pointerPos(e);
  });
  canvas.addEventListener('pointerdown', function (e) {
    e.preventDefault();  // focus stays where the app puts it (the a11y layer), no text selection
    canvas.setPointerCapture(e.pointerId);
    if (e.pointerType === 'touch') {
      touch = { id: e.pointerId, x: e.clientX, y: e.clientY, lastY: e.clientY, scrolling: false };
      pointerPos(e);  // the app scrolls what is under the finger
      return;
    }
    pointerPos(e);
    if (e.button >= 0 && e.button < 3) app.mouse_button(BUTTONS[e.button], 1, modifiers(e));
  });
  canvas.addEventListener('pointerup', function (e) {
    if (touch && e.pointerId === touch.id) {
      var tapped = !touch.scrolling;
      touch = null;
      if (tapped) {
        pointerPos(e);
        app.mouse_button(0, 1, 0);
        app.mouse_button(0, 0, 0);
      }
      return;
    }
    pointerPos(e);
    if (e.button >= 0 && e.button < 3) app.mouse_button(BUTTONS[e.button], 0, modifiers(e));
  });
  canvas.addEventListener('pointercancel', function (e) { if (touch && e.pointerId === touch.id) touch = null; });
  canvas.addEventListener('pointerleave', function (e) {
    if (e.pointerType === 'mouse' && !e.buttons) app.mouse_pos(-3.4e38, -3.4e38);
  });
  canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
  canvas.addEventListener('wheel', function (e) {
    if (e.ctrlKey) return;  // pinch and Ctrl+wheel zoom the page
    var unit = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 3 : 1 / 100;
    app.wheel(-e.deltaX * unit, -e.deltaY * unit);
    e.preventDefault();
  }, { passive: false });

  window.addEventListener('resize', function () { app.wake(); });
  window.addEventListener('blur', function () { app.blur(); });
  if (window.ResizeObserver) new ResizeObserver(function () { app.wake(); }).observe(canvas);
  watchPixelRatio();
}

export function setCursor(css) { canvas.style.cursor = css; }
