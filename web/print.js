// Printing: a page the app made, in a sandboxed frame of its own, through the browser's print
// dialog.
export function printHtml(title, html) {
  // A new print replaces one still waiting to be removed: one print frame at a time.
  Array.prototype.forEach.call(document.querySelectorAll('iframe.print-frame'), function (f) { f.remove(); });
  // The a11y layer's "Skriv ut": focus goes into the frame for the dialog, and comes back here
  // after it, not to the page's top (a screen reader would lose its place).
  var pressed = document.activeElement;
  var pressedId = pressed && pressed.id;
  var frame = document.createElement('iframe');
  frame.title = title;
  frame.className = 'print-frame';
  // As tight as printing allows: no scripts, no forms, no navigation; same origin only so that
  // this page can call print() on it, modals for the print dialog.
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.srcdoc = html;
  function focusBack() {
    var now = document.activeElement;
    if (now && now !== document.body && now !== frame) return;  // the person has moved on
    var back = pressed && pressed.isConnected ? pressed : pressedId ? document.getElementById(pressedId) : null;
    if (back) back.focus({ preventScroll: true });
  }
  frame.onload = function () {
    frame.contentWindow.focus();
    frame.contentWindow.print();
    focusBack();  // where print() waits for the dialog to close
    setTimeout(function () {
      frame.remove();
      focusBack();
    }, 1000);
  };
  document.body.appendChild(frame);
}
