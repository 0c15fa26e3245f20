// Files in and out: downloads, the file picker the app opens, a file dropped on the page.
import { app } from './bridge.js';
import { askToKeepStorage } from './storage.js';

export function download(name, mime, bytes) {
  var url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  var a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 30000);
  askToKeepStorage();
}

// `dropped`: the file came by drag and drop, not from the picker the app opened.
// A file larger than any the app opens (core/bundle.hpp: kMaxFileBytes) is not read at all,
// and one the module has no memory for is not copied: the app says which, and nothing of the
// draft changes.
export function openFile(file, dropped) {
  if (!file) return Promise.resolve();
  if (file.size > app.max_file_bytes()) {
    refuseFile(file.name, 'open.too_large');
    return Promise.resolve();
  }
  var origin = dropped ? 1 : 0;  // ui/host.hpp: FileOrigin
  return file.arrayBuffer().then(function (buffer) {
    if (!app.file_opened(file.name, new Uint8Array(buffer), origin)) refuseFile(file.name, 'open.memory');
  }, function (e) {
    if (e && e.name === 'RangeError') {  // the browser had no memory to read it into
      refuseFile(file.name, 'open.memory');
      return;
    }
    app.file_opened(file.name, new Uint8Array(0), origin);
  });
}

function refuseFile(name, reason) { app.file_refused(name, reason); }

var picker = null;
export function pickFile() {
  if (!picker) {
    picker = document.createElement('input');
    picker.type = 'file';
    picker.accept = '.json,.age,application/json';  // .age: a file protected with a passphrase
    picker.hidden = true;
    // A file from the picker always answers the app's latest request: Firefox may report
    // 'cancel' first and the chosen file after it, so a cancel forgets nothing. A dropped file
    // is never taken for the one the picker was for (the app knows where each came from).
    picker.addEventListener('change', function () {
      if (picker.files[0]) openFile(picker.files[0], false);
      picker.value = '';
    });
    document.body.appendChild(picker);
  }
  picker.click();
}

// Several dropped files: as many as the screen takes (the professional's view reads them all), in
// the order they were dropped.
export function installDrop() {
  window.addEventListener('dragover', function (e) { e.preventDefault(); });
  window.addEventListener('drop', function (e) {
    e.preventDefault();
    var files = e.dataTransfer ? Array.prototype.slice.call(e.dataTransfer.files) : [];
    if (!files.length) return;
    var taken = files.length > 1 ? app.files_dropped(files.length) : 1;
    files.slice(0, taken || 1).reduce(function (before, file) {
      return before.then(function () { return openFile(file, true); });
    }, Promise.resolve());
  });
}
