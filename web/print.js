// Printing: a page the app made, in a sandboxed frame of its own, through the browser's print
// dialog.
export function printHtml(title, html) {
  // A new print replaces one still waiting to be removed: one print frame at a time.
  Array.prototype.forEach.call(document.querySelectorAll('iframe.print-frame'), function (f) { f.remove(); });
  var frame = document.createElement('iframe');
  frame.title = title;
  frame.className = 'print-frame';
  // As tight as printing allows: no scripts, no forms, no navigation; same origin only so that
  // this page can call print() on it, modals for the print dialog.
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.srcdoc = html;
  frame.onload = function () {
    frame.contentWindow.focus();
    frame.contentWindow.print();
    setTimeout(function () { frame.remove(); }, 1000);
  };
  document.body.appendChild(frame);
}
