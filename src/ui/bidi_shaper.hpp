// The seam to FriBidi, one backend per platform, chosen by CMake: natively Debian's libfribidi
// linked in (src/platform/native/bidi_native.cpp); in the browser a WebAssembly module of its
// own, fetched the first time right-to-left text is to be drawn (src/platform/web/bidi_web.cpp,
// src/platform/web/browser.js), so the first download does not grow.
#pragma once

#include <cstdint>

namespace sipprep::ui::bidi_shaper {

// One paragraph (no line breaks), as src/platform/bidi/fribidi_shape.h: shaped in place, levels
// out; base 0 LTR, 1 RTL, 2 auto. Returns the paragraph's direction (0/1), or -1 when the
// shaper is not there (yet): the caller then draws the text in logical order, unshaped.
int shape(char32_t* text, int length, int base, std::uint8_t* levels);

// Asks for the shaper and the right-to-left glyphs (once; the web starts loading them).
void request();

// Counts up each time the shaper became usable.
unsigned generation();

}  // namespace sipprep::ui::bidi_shaper
