// Characters that change how the text around them is shown without being seen themselves:
// direction controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and zero-width
// characters (U+200B–U+200D, U+2060–U+2064, U+FEFF …). A phone number "\u202e99 88 77-0150"
// reads "0510-77 88 99" on screen. Exact values (ids, numbers, dates) may not hold them; in
// people's words they are kept, but shown to the professional as "‹U+202E›" (glyphs the app's font has).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sipprep {

// The hidden character at byte `i` of well-formed UTF-8 `text`: its length in bytes (its code
// point in *code), else 0. A zero-width joiner between two emoji (👨‍👩‍👧) is part of the
// emoji, not hidden.
std::size_t hidden_character_at(std::string_view text, std::size_t i, char32_t* code = nullptr);

// The first hidden character in `text`, or 0.
char32_t first_hidden_character(std::string_view text);

// "U+202E".
std::string code_point_name(char32_t code);

// `text` with each hidden character, and each control character (utf8.hpp), written out
// visibly as "‹U+202E›".
std::string with_hidden_characters_shown(std::string_view text);

// `text` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE when it holds right-to-left
// letters or direction controls, so that it cannot reorder the text around it (a PDI also
// ends every embedding the text left open). Text without either is returned as it is: in a
// left-to-right page it cannot move anything.
std::string isolated(std::string_view text);

}  // namespace sipprep
