// Right-to-left and mixed text in the canvas: the Unicode bidirectional algorithm and Arabic
// shaping (FriBidi, behind bidi_shaper.hpp), line breaking on the logical text, then each line
// reordered for drawing. Text without right-to-left characters in a left-to-right layout never
// comes here (widgets.cpp draws it with Dear ImGui as before).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sipprep::ui {

enum class TextDirection { Ltr, Rtl };

// The layout's direction, set by the App from the language each frame: right to left mirrors
// the layout and sets the base direction of every UI text.
void set_text_direction(TextDirection direction);
TextDirection text_direction();
inline bool layout_rtl() { return text_direction() == TextDirection::Rtl; }

// True when `utf8` holds a character of a right-to-left script (Hebrew, Arabic, Syriac, Thaana,
// N'Ko, their presentation forms, …): such text needs reordering even in a left-to-right layout.
bool has_rtl(std::string_view utf8);

// The paragraph direction: left to right, right to left, or (typed text, like dir="auto") the
// first strong character's, falling back to the layout's.
enum class BaseDirection { Ltr, Rtl, Auto };
inline BaseDirection layout_base() { return layout_rtl() ? BaseDirection::Rtl : BaseDirection::Ltr; }

using Advance = float (*)(char32_t);  // a character's width

struct BidiLine {
    int begin = 0, end = 0;              // byte offsets into the logical text; `end` excludes a '\n'
    std::vector<char32_t> visual;        // shaped characters in drawing order, left to right
    std::vector<int> byte;               // for each visual character: its byte offset in the logical text
    std::vector<std::uint8_t> rtl_char;  // … and whether it runs right to left (an odd level)
    float width = 0;
    bool rtl = false;  // its paragraph runs right to left (aligned right)
    std::string utf8;  // `visual` as UTF-8, for drawing
};

struct BidiBlock {
    std::vector<BidiLine> lines;
    float width = 0;  // the widest line
};

// `text` broken into lines no wider than `wrap_width` (≤ 0: only at '\n'), at spaces where it
// can, each line reordered and shaped. `advance` gives a character's width.
BidiBlock bidi_layout(std::string_view text, BaseDirection base, float wrap_width, Advance advance);

// The visual x of the caret at byte `offset` on `line` (0 … line.width); and back: the byte
// offset nearest to visual x.
float bidi_caret_x(const BidiLine& line, int offset, Advance advance);
int bidi_offset_at_x(const BidiLine& line, float x, Advance advance);

// Changes when the shaper becomes available (the web loads it on first need): cached layouts
// made without it are made again.
unsigned bidi_generation();

}  // namespace sipprep::ui
