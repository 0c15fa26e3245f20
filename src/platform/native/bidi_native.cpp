// The shaper natively: Debian's libfribidi, linked in (always there).
#include "platform/bidi/fribidi_shape.h"
#include "ui/bidi_shaper.hpp"

namespace sipprep::ui::bidi_shaper {

int shape(char32_t* text, int length, int base, std::uint8_t* levels) {
    return sipprep_fribidi_shape(reinterpret_cast<std::uint32_t*>(text), length, base, levels);
}

void request() {}

unsigned generation() { return 1; }

}  // namespace sipprep::ui::bidi_shaper
