// The shaper in the browser: FriBidi in a WebAssembly module of its own (sipprep-bidi.wasm),
// which browser.js fetches on the first request and calls synchronously once it is there.
#include <emscripten.h>

#include "ui/bidi_shaper.hpp"

extern "C" {
// browser.js: -1 until the module is there.
int sipprep_js_bidi_shape(char32_t* text, int length, int base, std::uint8_t* levels);
void sipprep_js_bidi_load();
}

namespace {
unsigned g_generation = 0;
bool g_requested = false;
}  // namespace

namespace sipprep::ui::bidi_shaper {

int shape(char32_t* text, int length, int base, std::uint8_t* levels) {
    return g_generation ? sipprep_js_bidi_shape(text, length, base, levels) : -1;
}

void request() {
    if (g_requested) return;
    g_requested = true;
    sipprep_js_bidi_load();
}

unsigned generation() { return g_generation; }

}  // namespace sipprep::ui::bidi_shaper

// browser.js: the module is instantiated; texts laid out without it are laid out again.
extern "C" void sipprep_bidi_ready() { ++g_generation; }
