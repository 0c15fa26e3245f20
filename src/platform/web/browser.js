// Emscripten JS library: the C++ side's calls into the page. The page logic itself lives in
// web/shell.js (window.SipprepShell) and web/mirror.js (window.SipprepMirror); these functions
// only convert arguments.
mergeInto(LibraryManager.library, {
  sipprep_js_start: function () { window.SipprepShell.start(); },
  sipprep_js_fatal: function (reason) { window.SipprepShell.fatal(UTF8ToString(reason)); },
  sipprep_js_request_frames: function () { window.SipprepShell.requestFrame(); },
  sipprep_js_frame_drawn: function () { window.SipprepShell.frameDrawn(); },
  sipprep_js_download: function (name, mime, data, length) {
    window.SipprepShell.download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(data, data + length));
  },
  sipprep_js_mirror: function (tree, focus, selection, announcement, lang) {
    window.SipprepMirror.sync(UTF8ToString(tree), UTF8ToString(focus), UTF8ToString(selection),
                              UTF8ToString(announcement), UTF8ToString(lang));
  },
  sipprep_js_cursor: function (cursor) { window.SipprepShell.setCursor(UTF8ToString(cursor)); },
});
