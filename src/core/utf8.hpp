#pragma once

#include <cstddef>
#include <string_view>

namespace sipprep {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF).
// On failure, *bad_offset is the byte offset of the first bad sequence.
bool is_valid_utf8(std::string_view text, std::size_t* bad_offset = nullptr);

}  // namespace sipprep
