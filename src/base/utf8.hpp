#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sipprep {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF).
// On failure, *bad_offset is the byte offset of the first bad sequence.
bool is_valid_utf8(std::string_view text, std::size_t* bad_offset = nullptr);

// `text` with each byte that does not start a well-formed sequence replaced by U+FFFD. Text from
// the page goes through this: a JS string may hold a lone surrogate, which is not UTF-8.
std::string sanitize_utf8(std::string_view text);

// A control character at byte `i` of well-formed UTF-8 `text` — C0 other than tab and newline,
// DEL, or C1 (U+0080–U+009F): its length in bytes (1 or 2), else 0. No text of the format holds
// one (the importer refuses them, the page's text drops them).
std::size_t control_character_at(std::string_view text, std::size_t i);

// `text` without control characters; the two offsets (UTF-16 units, a caret or selection) move
// back by what was removed before them.
std::string without_control_characters(std::string_view text, int* offset_a, int* offset_b);

// The first `max_chars` characters of `text` on one line, with "…" when something was left out.
std::string utf8_excerpt(std::string_view text, std::size_t max_chars);

// Offsets within UTF-8 `text`: a byte offset as UTF-16 code units (what the DOM counts), and
// back. Offsets inside a character round down to its start.
int utf8_to_utf16_offset(std::string_view text, int byte_offset);
int utf16_to_utf8_offset(std::string_view text, int unit_offset);

// Which character, counted from 1 as a text editor does, byte `byte_offset` of UTF-8 `text` is in
// (the last one for an offset at or past the end): what a message about a place in a file says.
std::size_t utf8_character_number(std::string_view text, std::size_t byte_offset);

// `text` with its first letter small, for a label that stands inside running text ("Maria
// (vårdnadshavare)"): A–Z and the Latin-1 capitals (Å, Ä, Ö, É …); any other first character
// (a digit, Arabic, a capital outside Latin-1) is left as it is.
std::string lower_first_letter(std::string_view text);

}  // namespace sipprep
