// Emscripten JS library: the C++ side's calls into the page. The page logic itself lives in
// web/shell.js (window.SipprepShell), web/draft.js (SipprepDraft), web/age.js
// (SipprepPassphrase) and web/mirror.js (SipprepMirror); these functions only convert arguments.
mergeInto(LibraryManager.library, {
  sipprep_js_start: function () { window.SipprepShell.start(); },
  sipprep_js_fatal: function (reason) { window.SipprepShell.fatal(UTF8ToString(reason)); },
  sipprep_js_request_frames: function () { window.SipprepShell.requestFrame(); },
  sipprep_js_frame_drawn: function () { window.SipprepShell.frameDrawn(); },
  sipprep_js_download: function (name, mime, data, length) {
    window.SipprepShell.download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(data, data + length));
  },
  sipprep_js_download_protected: function (name, data, length, passphrase) {
    window.SipprepPassphrase.downloadProtected(UTF8ToString(name), HEAPU8.slice(data, data + length),
                                               UTF8ToString(passphrase));
  },
  sipprep_js_unlock_file: function (data, length, passphrase) {
    window.SipprepPassphrase.unlock(HEAPU8.slice(data, data + length), UTF8ToString(passphrase));
  },
  sipprep_js_lock_draft: function (passphrase) { window.SipprepDraft.lock(UTF8ToString(passphrase)); },
  sipprep_js_unlock_draft: function (passphrase) { window.SipprepDraft.unlock(UTF8ToString(passphrase)); },
  sipprep_js_remove_draft_lock: function () { window.SipprepDraft.removeLock(); },
  sipprep_js_reload_for_update: function () { window.SipprepShell.reloadForUpdate(); },
  sipprep_js_speak: function (text, length, lang, rate, networkOk) {
    window.SipprepSpeech.speak(new TextDecoder().decode(HEAPU8.subarray(text, text + length)), UTF8ToString(lang), rate,
      networkOk !== 0);
  },
  sipprep_js_stop_speaking: function () { window.SipprepSpeech.stop(); },
  sipprep_js_mirror: function (patch, focus, selection, announcement, lang, rtl) {
    window.SipprepMirror.sync(UTF8ToString(patch), UTF8ToString(focus), UTF8ToString(selection),
                              UTF8ToString(announcement), UTF8ToString(lang), rtl !== 0);
  },
  // Right-to-left text: FriBidi in a module of its own (sipprep-bidi.wasm) and the Hebrew and
  // Arabic glyphs (app-font-rtl.ttf), fetched on the first request (src/platform/web/bidi_web.cpp);
  // the module is then called synchronously, the text copied into its memory and back.
  $SipprepBidi: {},
  sipprep_js_bidi_load__deps: ['$SipprepBidi', 'malloc', 'free'],
  sipprep_js_bidi_load: function () {
    var get = function (file) {
      return fetch(file).then(function (r) {
        if (!r.ok) throw new Error(file + ': HTTP ' + r.status);
        return r.arrayBuffer();
      });
    };
    get('sipprep-bidi.wasm').then(function (bytes) {
      return WebAssembly.instantiate(bytes, { env: { emscripten_notify_memory_growth: function () {} } });
    }).then(function (r) {
      r.instance.exports._initialize();
      SipprepBidi.x = r.instance.exports;
      Module['_sipprep_bidi_ready']();
      Module['_sipprep_wake']();
    }).catch(function (e) { console.warn('right-to-left text stays unshaped: ' + e.message); });
    get('app-font-rtl.ttf').then(function (buffer) {
      var bytes = new Uint8Array(buffer), ptr = _malloc(bytes.length);
      if (!ptr) throw new Error('no memory for app-font-rtl.ttf');
      HEAPU8.set(bytes, ptr);
      Module['_sipprep_set_rtl_font'](ptr, bytes.length);
      _free(ptr);
    }).catch(function (e) { console.warn('no Hebrew and Arabic glyphs: ' + e.message); });
  },
  sipprep_js_bidi_shape__deps: ['$SipprepBidi'],
  sipprep_js_bidi_shape: function (text, length, base, levels) {
    var x = SipprepBidi.x, at = x.sipprep_bidi_buffer(length), from = text >> 2;
    if (!at) return -1;
    new Uint32Array(x.memory.buffer, at, length).set(HEAPU32.subarray(from, from + length));
    var dir = x.sipprep_bidi_run(length, base);
    if (dir >= 0) {
      HEAPU32.set(new Uint32Array(x.memory.buffer, at, length), from);
      HEAPU8.set(new Uint8Array(x.memory.buffer, x.sipprep_bidi_levels(), length), levels);
    }
    return dir;
  },
  sipprep_js_load_language: function (code) { window.SipprepLanguages.load(UTF8ToString(code)); },
  sipprep_js_cursor: function (cursor) { window.SipprepShell.setCursor(UTF8ToString(cursor)); },
  sipprep_js_draft_changed: function () { window.SipprepDraft.changed(); },
  sipprep_js_take_over: function () { window.SipprepDraft.takeOver(); },
  sipprep_js_set_auto_erase: function (days) { window.SipprepDraft.setAutoErase(days); },
  sipprep_js_keep_version: function (kind) { window.SipprepDraft.keepVersion(UTF8ToString(kind)); },
  sipprep_js_list_versions: function () { window.SipprepDraft.listVersions(); },
  sipprep_js_restore_version: function (id) { window.SipprepDraft.restoreVersion(id); },
  sipprep_js_clear_draft: function () { window.SipprepDraft.clear(); },
  sipprep_js_keep_unreadable_draft: function (text) { window.SipprepDraft.keepUnreadable(UTF8ToString(text)); },
  sipprep_js_load_draft: function () {
    var text = window.SipprepDraft.load();
    if (!text) return 0;
    var size = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(size);
    // No memory for the stored draft: the app does not start (starting empty could end with an
    // empty draft stored over it). The page says why; the draft stays where it is.
    if (!ptr) {
      window.SipprepShell.fatal('no-memory');
      return 0;
    }
    stringToUTF8(text, ptr, size);
    return ptr;
  },
  sipprep_js_load_draft__deps: ['malloc'],
  sipprep_js_pick_file: function () { window.SipprepShell.pickFile(); },
  // Long texts cross with their length, not up to a NUL byte.
  sipprep_js_print_html: function (title, html, length) {
    window.SipprepShell.printHtml(UTF8ToString(title), new TextDecoder().decode(HEAPU8.subarray(html, html + length)));
  },
  sipprep_js_copy_text: function (text, length) {
    window.SipprepShell.copyText(new TextDecoder().decode(HEAPU8.subarray(text, text + length)));
  },
  sipprep_js_prefers_contrast: function () {
    return window.matchMedia && window.matchMedia('(prefers-contrast: more)').matches ? 1 : 0;
  },
});
