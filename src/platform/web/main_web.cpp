// The browser platform's entry: Emscripten's html5 API gives the WebGL2 context; web/pointer.js
// feeds pointer input, web/frames.js asks for frames only when something happened (an idle page
// draws nothing). The page's events reach the app through the exports generated from
// src/platform/seam.def (seam_web.cpp), its requests the page through WebHost; this file knows
// the app only as ui::HostEvents. No app logic lives here.
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
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "web_host.hpp"

namespace {

// Outside State, which a constructor makes at start: the host has no constructor code to run
// (its vtable pointers are data), one per role.
sipprep::web::WebHost g_host;

struct State {
    sipprep::ui::HostEvents* app = nullptr;  // made by main(), never destroyed
    sipprep::ui::Fonts fonts;
    ImFontAtlas* atlases[sipprep::ui::kFontSizeCount] = {};  // one per size (the body's: io.Fonts)
    int fonts_built = 0;                                     // sizes built for fonts_ratio and fonts_scale
    std::vector<unsigned char> font_ttf;
    std::vector<unsigned char> rtl_font_ttf;  // app-font-rtl.ttf, once right-to-left text was drawn
    float fonts_ratio = 0.0f;                 // devicePixelRatio and text scale the atlases are for
    float fonts_scale = 0.0f;
    bool fonts_contrast = false;
    bool font_builder_warm = false;  // warm_font_builder ran
    bool themed = false;             // the theme is for fonts_ratio, fonts_scale and fonts_contrast
    int cursor = -2;
    bool first_laid_out = false;  // the first frame has had its extra layout pass
    std::string speech_langs;     // handed to JS, valid until the next call
} s;

// Today's date by the page's clock. The C library's localtime() first reads the time zone's names
// (Emscripten's tzset: Date.toTimeString()), a third of main() at start; the first "Sparat 14:32"
// pays for that later, in a task of its own.
sipprep::Date today_by_the_page() {
    const int ymd = EM_ASM_INT({
        var d = new Date();
        return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
    });
    return {ymd / 10000, ymd / 100 % 100, ymd % 100};
}

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
        if (!s.font_builder_warm) {
            s.font_builder_warm = true;
            EM_ASM(performance.mark('sipprep:font-code'));
            sipprep::ui::warm_font_builder(s.font_ttf);
            EM_ASM(performance.measure('sipprep:font builder code', 'sipprep:font-code'));
            return true;
        }
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

// A scroll asked for in this frame (focus kept in view) is done by the next one.
bool scroll_pending() {
    const ImGuiWindow* w = ImGui::FindWindowByName("##main");
    return w && w->ScrollTarget.y != FLT_MAX;
}

}  // namespace

namespace sipprep::web {
ui::HostEvents* app_events() { return s.app; }
// Not inlined: every export ends with it.
__attribute__((noinline)) void wake() { g_host.request_frames(3); }
// A change of what the app shows, not of pointer input: one frame draws it and one more finds the
// picture still (drawing nothing), not the settling frames of wake(), each tens of ms on a slow
// phone (issue 30: typing). The table's `once`.
__attribute__((noinline)) void show_change() { g_host.request_frames(1); }
}  // namespace sipprep::web

using sipprep::web::wake;

extern "C" {

// One frame at the given canvas size (CSS pixels) and devicePixelRatio. Returns 1 when more
// frames are wanted (ImGui settling after input, queued input), 0 when the app can sleep, 2 when
// the first frame was laid out but not drawn: web/frames.js calls again in a task of its own, so
// that the two halves of the first frame are two shorter tasks (issue 30: no long task at start).
int sipprep_frame(float css_width, float css_height, float pixel_ratio) {
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::GetFrameCount() == 0 && !sipprep::web::renderer_ready()) {
        sipprep_js_fatal("webgl2-shaders");
        return 0;
    }
    // What was asked for before the first frame (the font, the stored draft, the storage answer)
    // is in it, laid out until it holds still: no frames to settle in after it.
    if (ImGui::GetFrameCount() == 0)
        while (g_host.take_frame_wanted()) {
        }
    ensure_fonts(pixel_ratio);
    s.app->set_today(today_by_the_page());  // a tab left open past midnight is in the new day
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
    const bool frame_wanted = g_host.take_frame_wanted();
    const bool style_changed = s.fonts_scale != s.app->text_scale() || s.fonts_contrast != s.app->high_contrast();
    return (more_input || frame_wanted || style_changed || scroll_pending()) ? 1 : 0;
}

// Pointer input from web/pointer.js. Each wakes the app for a few frames (ImGui needs two or three
// to settle hover and activation after a change).
void sipprep_mouse_pos(float x, float y) {
    sipprep::web::input_mouse_pos(x, y);
    wake();
}
void sipprep_mouse_button(int button, int down, int modifiers) {
    sipprep::web::input_mouse_button(button, down != 0, modifiers);
    wake();
}
void sipprep_wheel(float dx, float dy) {
    sipprep::web::input_wheel(dx, dy);
    wake();
}
void sipprep_blur() {
    sipprep::web::input_release_all();
    wake();
}
void sipprep_wake() { wake(); }
void sipprep_repaint() {
    sipprep::web::renderer_forget_picture();
    sipprep::web::show_change();
}

// One size's font atlas for this devicePixelRatio: web/load.js asks for them one task each before
// the first frame, so that start-up has no long task (the first frame builds them otherwise).
// Returns 1 while a size remains.
int sipprep_build_fonts(float pixel_ratio) { return build_next_font(pixel_ratio); }
void sipprep_check() {
    if (s.app) s.app->check();
}

// The app font (web/load.js fetches app-font.ttf while the WebAssembly loads).
void sipprep_set_font(const char* data, int length) {
    s.font_ttf.assign(data, data + length);
    s.fonts_ratio = 0;  // rebuild the atlas with it
    wake();
}

// The Hebrew and Arabic glyphs (browser.js fetches app-font-rtl.ttf on the first right-to-left text).
void sipprep_set_rtl_font(const char* data, int length) {
    s.rtl_font_ttf.assign(data, data + length);
    s.fonts_ratio = 0;
    wake();
}

// web/files.js: the largest file it copies (core/bundle.hpp), so that the number lives in one place.
int sipprep_max_file_bytes() { return static_cast<int>(sipprep::kMaxFileBytes); }
// web/speech.js: the language tags it reports voices for (space-separated).
const char* sipprep_speech_langs() {
    std::string& tags = s.speech_langs;
    tags.clear();
    for (sipprep::Lang lang : sipprep::built_langs()) {
        const std::string tag(sipprep::lang_text_tag(lang));
        if ((" " + tags + " ").find(" " + tag + " ") != std::string::npos) continue;
        if (!tags.empty()) tags += ' ';
        tags += tag;
    }
    return tags.c_str();
}

}  // extern "C"

int main() {
    // Only the WebGL2 context comes from here: the a11y layer owns the keyboard and text,
    // pointer.js sends pointer input and sizes the canvas. (An SDL2 window used to make the
    // context; its keyboard, mouse and touch handlers had to be silenced, and it cost a tenth
    // of the download.) web/load.js made the context already, with its attributes; the browser
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
    s.app = sipprep::ui::make_app(g_host).release();
    s.app->set_today(today_by_the_page());
    sipprep::web::tell_facts(*s.app);
    sipprep_js_start();
    return 0;
}
