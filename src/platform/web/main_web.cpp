// The browser platform's entry: Emscripten's html5 API gives the WebGL2 context; web/shell.js
// feeds pointer input and asks for frames only when something happened (an idle page draws
// nothing). The page's events go to the app through HostEvents; the app's requests come back
// through WebHost. No app logic lives here.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/bundle.hpp"
#include "core/date.hpp"
#include "core/i18n.hpp"
#include "gl_renderer.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "input_queue.hpp"
#include "ui/app.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "web_host.hpp"

extern "C" {
// Implemented in browser.js (the JS library), which forwards to web/shell.js and web/mirror.js.
void sipprep_js_start();
void sipprep_js_fatal(const char* reason);
void sipprep_js_frame_drawn();
void sipprep_js_cursor(const char* css_cursor);
char* sipprep_js_load_draft();  // malloc'd UTF-8, or null
int sipprep_js_prefers_contrast();
}

namespace {

struct State {
    sipprep::web::WebHost host;
    sipprep::ui::App* app = nullptr;
    sipprep::ui::Fonts fonts;
    ImFontAtlas* atlases[sipprep::ui::kFontSizeCount] = {};  // one per size (the body's: io.Fonts)
    int fonts_built = 0;                                     // sizes built for fonts_ratio and fonts_scale
    std::vector<unsigned char> font_ttf;
    std::vector<unsigned char> rtl_font_ttf;  // app-font-rtl.ttf, once right-to-left text was drawn
    float fonts_ratio = 0.0f;                 // devicePixelRatio and text scale the atlases are for
    float fonts_scale = 0.0f;
    bool fonts_contrast = false;
    bool themed = false;  // the theme is for fonts_ratio, fonts_scale and fonts_contrast
    int cursor = -2;
    bool first_laid_out = false;  // the first frame has had its extra layout pass
    std::string buffer;           // strings handed to JS stay valid until the next call
    // What the page said before main() made the app and must not be lost: a storage failure and a
    // new version (main() runs as the module starts, so the page has nothing else to say before it;
    // any other event then is dropped by its `if (!s.app)`).
    bool early_storage_failed = false;
    std::string early_storage_reason;
    bool early_update = false;
} s;

// Builds the next size's atlas for this pixel ratio and the app's text size (all of them again
// after a change); returns whether a size remains to be built.
bool build_next_font(float pixel_ratio) {
    const float scale = s.app->text_scale();
    if (pixel_ratio != s.fonts_ratio || scale != s.fonts_scale) {
        s.fonts_built = 0;
        s.fonts_ratio = pixel_ratio;
        s.fonts_scale = scale;
        s.themed = false;
    }
    if (s.fonts_built < sipprep::ui::kFontSizeCount) {
        // The first atlas's task is the first after main(): the link's answer is there, and the
        // GPU process warms up while the atlases are built (sipprep_frame says if it failed).
        sipprep::web::renderer_ready();
        const int size = s.fonts_built++;
        ImFontAtlas*& atlas = s.atlases[size];
        if (!atlas) atlas = size == 0 ? ImGui::GetIO().Fonts : IM_NEW(ImFontAtlas)();
        EM_ASM(performance.mark('sipprep:fonts-start'));
        sipprep::ui::build_font(*atlas, size, s.fonts, s.font_ttf, pixel_ratio, scale, s.rtl_font_ttf);
        EM_ASM(performance.measure('sipprep:font atlas', 'sipprep:fonts-start');
               performance.mark('sipprep:fonts-built'));
        sipprep::web::renderer_upload_font_atlas(*atlas);
        EM_ASM(performance.measure('sipprep:font upload', 'sipprep:fonts-built'));
    }
    return s.fonts_built < sipprep::ui::kFontSizeCount;
}

void ensure_fonts(float pixel_ratio) {
    while (build_next_font(pixel_ratio)) {
    }
    const bool contrast = s.app->high_contrast();
    if (s.themed && contrast == s.fonts_contrast) return;
    s.fonts_contrast = contrast;
    s.themed = true;
    sipprep::ui::apply_theme(s.fonts_scale, pixel_ratio, contrast);
}

const char* css_cursor(int imgui_cursor) {
    switch (imgui_cursor) {
        case ImGuiMouseCursor_TextInput:
            return "text";
        case ImGuiMouseCursor_Hand:
            return "pointer";
        case ImGuiMouseCursor_ResizeNS:
            return "ns-resize";
        case ImGuiMouseCursor_ResizeEW:
            return "ew-resize";
        case ImGuiMouseCursor_NotAllowed:
            return "not-allowed";
        default:
            return "default";
    }
}

// ImGui sizes the window's scrollbar (and its scroll limit) from the frame before's content:
// whether this frame's content has another height, so that the next frame would look different.
bool content_height_changed() {
    const ImGuiWindow* w = ImGui::FindWindowByName("##main");  // ui/app.cpp: the one window
    return w && IM_FLOOR(w->DC.CursorMaxPos.y - w->DC.CursorStartPos.y) != w->ContentSize.y;
}

}  // namespace

void wake() { s.host.request_frames(3); }
// A change of what the app shows, not of pointer input: one frame draws it and one more finds the
// picture still (drawing nothing), not the settling frames of wake(), each tens of ms on a slow
// phone (issue 30: typing).
void show_change() { s.host.request_frames(1); }

extern "C" {

// One frame at the given canvas size (CSS pixels) and devicePixelRatio. Returns 1 when more
// frames are wanted (ImGui settling after input, queued input), 0 when the app can sleep, 2 when
// the first frame was laid out but not drawn: web/shell.js calls again in a task of its own, so
// that the two halves of the first frame are two shorter tasks (issue 30: no long task at start).
EMSCRIPTEN_KEEPALIVE int sipprep_frame(float css_width, float css_height, float pixel_ratio) {
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::GetFrameCount() == 0 && !sipprep::web::renderer_ready()) {
        sipprep_js_fatal("webgl2-shaders");
        return 0;
    }
    // What was asked for before the first frame (the font, the stored draft, the storage answer)
    // is in it, laid out until it holds still: no frames to settle in after it.
    if (ImGui::GetFrameCount() == 0)
        while (s.host.take_frame_wanted()) {
        }
    ensure_fonts(pixel_ratio);
    io.DisplaySize = ImVec2(css_width, css_height);
    io.DisplayFramebufferScale = ImVec2(pixel_ratio, pixel_ratio);
    const bool more_input = sipprep::web::input_apply_frame(io);
    static double last = 0;
    const double now = emscripten_get_now() / 1000.0;
    io.DeltaTime = last > 0 && now > last ? static_cast<float>(now - last) : 1.0f / 60.0f;
    if (io.DeltaTime > 0.25f) io.DeltaTime = 0.25f;  // ImGui's timers must not jump after a long sleep
    last = now;

    // A frame whose content changed height (the first one, a new line while typing) is laid out
    // once more before it is drawn: drawn at once, its scrollbar would change in the next frame,
    // and each drawn frame costs the page tens of ms where WebGL runs in software.
    for (int pass = 0; pass < 2; ++pass) {
        ImGui::NewFrame();
        s.app->frame(s.fonts);
        ImGui::Render();
        if (!content_height_changed()) break;
        if (!s.first_laid_out) {
            s.first_laid_out = true;
            return 2;
        }
    }
    s.first_laid_out = true;
    sipprep::web::renderer_draw(ImGui::GetDrawData(), static_cast<int>(css_width * pixel_ratio + 0.5f),
                                static_cast<int>(css_height * pixel_ratio + 0.5f));
    if (ImGui::GetMouseCursor() != s.cursor) {
        s.cursor = ImGui::GetMouseCursor();
        sipprep_js_cursor(css_cursor(s.cursor));
    }
    sipprep_js_frame_drawn();
    const bool frame_wanted = s.host.take_frame_wanted();
    const bool style_changed = s.fonts_scale != s.app->text_scale() || s.fonts_contrast != s.app->high_contrast();
    return (more_input || frame_wanted || style_changed) ? 1 : 0;
}

// Pointer input from web/shell.js. Each wakes the app for a few frames (ImGui needs two or three
// to settle hover and activation after a change).
EMSCRIPTEN_KEEPALIVE void sipprep_mouse_pos(float x, float y) {
    sipprep::web::input_mouse_pos(x, y);
    wake();
}
EMSCRIPTEN_KEEPALIVE void sipprep_mouse_button(int button, int down, int modifiers) {
    sipprep::web::input_mouse_button(button, down != 0, modifiers);
    wake();
}
EMSCRIPTEN_KEEPALIVE void sipprep_wheel(float dx, float dy) {
    sipprep::web::input_wheel(dx, dy);
    wake();
}
EMSCRIPTEN_KEEPALIVE void sipprep_blur() {
    sipprep::web::input_release_all();
    wake();
}
EMSCRIPTEN_KEEPALIVE void sipprep_wake() { wake(); }

// The DOM mirror (web/mirror.js): focus, activation and text editing by the browser.
EMSCRIPTEN_KEEPALIVE void sipprep_a11y_focus(const char* key, int visible) {
    if (!s.app) return;  // before main() made the app (or when it could not): nothing to tell
    s.app->dom_focus(key, visible != 0);
    wake();
}
EMSCRIPTEN_KEEPALIVE void sipprep_a11y_blur(const char* key) {
    if (!s.app) return;  // before main() made the app (or when it could not): nothing to tell
    s.app->dom_blur(key);
    wake();
}
EMSCRIPTEN_KEEPALIVE void sipprep_a11y_activate(const char* key) {
    if (!s.app) return;  // before main() made the app (or when it could not): nothing to tell
    s.app->dom_activate(key);
    wake();
}
EMSCRIPTEN_KEEPALIVE void sipprep_a11y_text(const char* key, const char* value, int start, int end, int backward) {
    if (!s.app) return;  // before main() made the app (or when it could not): nothing to tell
    s.app->dom_text(key, sipprep::ui::DomText{value, start, end, backward != 0});
    show_change();
}

// One size's font atlas for this devicePixelRatio: web/shell.js asks for them one task each before
// the first frame, so that start-up has no long task (the first frame builds them otherwise).
// Returns 1 while a size remains.
EMSCRIPTEN_KEEPALIVE int sipprep_build_fonts(float pixel_ratio) { return build_next_font(pixel_ratio); }

// The app font (web/shell.js fetches app-font.ttf while the WebAssembly loads).
EMSCRIPTEN_KEEPALIVE void sipprep_set_font(const unsigned char* data, int length) {
    s.font_ttf.assign(data, data + length);
    s.fonts_ratio = 0;  // rebuild the atlas with it
    wake();
}

// The Hebrew and Arabic glyphs (browser.js fetches app-font-rtl.ttf on the first right-to-left text).
EMSCRIPTEN_KEEPALIVE void sipprep_set_rtl_font(const unsigned char* data, int length) {
    s.rtl_font_ttf.assign(data, data + length);
    s.fonts_ratio = 0;
    wake();
}

// A file the person chose or dropped on the page (raw bytes: the core says what is wrong with them).
// `dropped`: 1 when the file was dropped on the page, 0 when it came from the file picker.
EMSCRIPTEN_KEEPALIVE void sipprep_open_file(const char* name, const char* data, int length, int dropped) {
    if (!s.app) return;  // before main() made the app (or when it could not): nothing to tell
    s.app->file_opened(name, std::string(data, static_cast<std::size_t>(length)),
                       dropped ? sipprep::ui::FileOrigin::Drop : sipprep::ui::FileOrigin::Picker);
    wake();
}
// web/shell.js: a file refused before it was copied here ("open.too_large", "open.memory"), and
// the largest file it copies (core/bundle.hpp), so that the number lives in one place.
EMSCRIPTEN_KEEPALIVE void sipprep_file_refused(const char* name, const char* reason_key) {
    if (!s.app) return;  // before main() made the app (or when it could not): nothing to tell
    s.app->file_refused(name, reason_key);
    wake();
}
EMSCRIPTEN_KEEPALIVE int sipprep_max_file_bytes() { return static_cast<int>(sipprep::kMaxFileBytes); }
// The page could not copy something into this module's memory (malloc gave nothing): what it
// was is lost, the app says so. Takes nothing that would need memory.
EMSCRIPTEN_KEEPALIVE void sipprep_memory_short() {
    if (!s.app) return;  // before main() made the app (or when it could not): nothing to tell
    s.app->memory_short();
    wake();
}
// web/age.js: a protected download started (error "") or not; an age file unlocked or not.
EMSCRIPTEN_KEEPALIVE void sipprep_file_protected(const char* name, const char* error_key) {
    if (!s.app) return;  // before main() made the app (or when it could not): nothing to tell
    s.app->file_protected(name, error_key);
    wake();
}
EMSCRIPTEN_KEEPALIVE void sipprep_file_unlocked(const char* error_key, const char* data, int length) {
    if (!s.app) return;  // before main() made the app (or when it could not): nothing to tell
    std::string plaintext(data, static_cast<std::size_t>(length));
    s.app->file_unlocked(error_key, plaintext);
    std::fill(plaintext.begin(), plaintext.end(), '\0');
    wake();
}
// web/shell.js: the stored draft is locked with a passphrase; it was opened or not; the lock
// was set or removed (or could not be).
EMSCRIPTEN_KEEPALIVE void sipprep_draft_locked(const char* saved_at) {
    if (!s.app) return;  // before main() made the app (or when it could not): nothing to tell
    s.app->draft_locked(saved_at);
    wake();
}
EMSCRIPTEN_KEEPALIVE void sipprep_draft_unlocked(const char* error_key, const char* draft_json) {
    if (!s.app) return;  // before main() made the app (or when it could not): nothing to tell
    s.app->draft_unlocked(error_key, draft_json);
    wake();
}
EMSCRIPTEN_KEEPALIVE void sipprep_draft_lock_changed(int locked, const char* error_key) {
    if (!s.app) return;  // before main() made the app (or when it could not): nothing to tell
    s.app->draft_lock_changed(locked != 0, error_key);
    wake();
}
// web/shell.js: a new version of the app is ready; it is used after the next reload.
// web/speech.js: the language tags it reports voices for (space-separated), which voice a
// language has; reading aloud ended.
EMSCRIPTEN_KEEPALIVE const char* sipprep_speech_langs() {
    s.buffer.clear();
    for (sipprep::Lang lang : sipprep::built_langs()) {
        const std::string tag(sipprep::lang_text_tag(lang));
        if ((" " + s.buffer + " ").find(" " + tag + " ") != std::string::npos) continue;
        if (!s.buffer.empty()) s.buffer += ' ';
        s.buffer += tag;
    }
    return s.buffer.c_str();
}
EMSCRIPTEN_KEEPALIVE void sipprep_speech_available(const char* lang, int voice) {
    if (!s.app) return;  // before main() made the app (or when it could not): nothing to tell
    s.app->speech_available(lang, static_cast<sipprep::ui::SpeechVoice>(voice));  // asks for frames if it changed
}
// web/languages.js: a language's catalog file (its bytes), or that it could not be fetched.
EMSCRIPTEN_KEEPALIVE void sipprep_language_loaded(const char* code, const char* data, int length) {
    if (!s.app) return;  // before main() made the app (or when it could not): nothing to tell
    s.app->language_loaded(code, std::string(data, static_cast<std::size_t>(length)));
    wake();
}
EMSCRIPTEN_KEEPALIVE void sipprep_language_failed(const char* code) {
    if (!s.app) return;  // before main() made the app (or when it could not): nothing to tell
    s.app->language_failed(code);
    wake();
}
EMSCRIPTEN_KEEPALIVE void sipprep_speech_ended() {
    if (!s.app) return;  // before main() made the app (or when it could not): nothing to tell
    s.app->speech_ended();
    wake();
}
EMSCRIPTEN_KEEPALIVE void sipprep_storage_kept(int kept) {
    if (!s.app) return;  // before main() made the app (or when it could not): nothing to tell
    s.app->storage_kept(kept != 0);
    wake();
}
EMSCRIPTEN_KEEPALIVE void sipprep_update_available() {
    if (!s.app) {  // before main() made the app: told once it exists
        s.early_update = true;
        return;
    }
    s.app->update_available();
    wake();
}
// Only one tab edits (web/draft-store.js).
EMSCRIPTEN_KEEPALIVE void sipprep_editing_elsewhere(int elsewhere) {
    if (!s.app) return;  // before main() made the app (or when it could not): nothing to tell
    s.app->editing_elsewhere(elsewhere != 0);
    wake();
}
EMSCRIPTEN_KEEPALIVE void sipprep_draft_reloaded(const char* draft_json, int go_on) {
    if (!s.app) return;  // before main() made the app (or when it could not): nothing to tell
    s.app->draft_reloaded(draft_json, go_on != 0);
    wake();
}
EMSCRIPTEN_KEEPALIVE void sipprep_auto_erase_status(int days, int erased_now) {
    if (!s.app) return;  // before main() made the app (or when it could not): nothing to tell
    s.app->auto_erase_status(days, erased_now != 0);
    wake();
}
EMSCRIPTEN_KEEPALIVE void sipprep_versions_listed(const char* json) {
    if (!s.app) return;  // before main() made the app (or when it could not): nothing to tell
    s.app->versions_listed(json);
    wake();
}
EMSCRIPTEN_KEEPALIVE void sipprep_draft_saved() {
    if (!s.app) return;  // before main() made the app (or when it could not): nothing to tell
    s.app->draft_saved();
    show_change();  // while the person types
}
EMSCRIPTEN_KEEPALIVE void sipprep_storage_failed(const char* reason) {
    if (!s.app) {  // before main() made the app: told once it exists, not lost
        s.early_storage_failed = true;
        s.early_storage_reason = reason;
        return;
    }
    s.app->storage_failed(reason);
    wake();
}

// The draft as it should be stored now (shell.js asks when it saves: debounced, and when the
// page is hidden). The pointer stays valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* sipprep_draft_json() {
    s.buffer = s.app->draft_to_save();
    return s.buffer.c_str();
}

// For tests: the core's state as JSON. The pointer stays valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* sipprep_state_json() {
    s.buffer = s.app->state_json();
    return s.buffer.c_str();
}

}  // extern "C"

int main() {
    // Only the WebGL2 context comes from here: the DOM mirror owns the keyboard and text,
    // shell.js sends pointer input and sizes the canvas. (An SDL2 window used to make the
    // context; its keyboard, mouse and touch handlers had to be silenced, and it cost a tenth
    // of the download.) shell.js made the context already, with its attributes; the browser
    // gives that one again (or none, where WebGL2 is blocked).
    EmscriptenWebGLContextAttributes attributes;
    emscripten_webgl_init_context_attributes(&attributes);
    attributes.majorVersion = 2;
    const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context = emscripten_webgl_create_context("#canvas", &attributes);
    if (context <= 0 || emscripten_webgl_make_context_current(context) != EMSCRIPTEN_RESULT_SUCCESS) {
        sipprep_js_fatal("no-webgl2");  // blocked, or the GPU is lost or blocklisted
        return 1;
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep the page drawing
    io.BackendPlatformName = "sipprep_web";
    io.BackendRendererName = "sipprep_webgl2";
    io.ConfigMacOSXBehaviors = EM_ASM_INT({ return / Mac | iPhone | iPad /.test(navigator.platform) ? 1 : 0; }) != 0;

    sipprep::web::renderer_init();
    s.app = new sipprep::ui::App(s.host);
    s.app->set_today(sipprep::today_local());
    s.app->prefer_high_contrast(sipprep_js_prefers_contrast() != 0);
    if (char* draft = sipprep_js_load_draft()) {
        s.app->draft_loaded(draft);
        std::free(draft);
    }
    if (s.early_storage_failed) s.app->storage_failed(s.early_storage_reason.c_str());
    if (s.early_update) s.app->update_available();
    sipprep_js_start();
    return 0;
}
