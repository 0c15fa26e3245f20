// "Kopiera": text to the clipboard, through the older command where the Clipboard API is missing
// or refuses.
export function copyText(text) {
  function fallback() {
    var area = document.createElement('textarea');
    area.value = text;
    area.className = 'print-frame';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } finally { area.remove(); }
  }
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(fallback);
  else fallback();
}
