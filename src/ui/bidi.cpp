#include "ui/bidi.hpp"

#include <algorithm>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/bidi_shaper.hpp"

namespace sipprep::ui {
namespace {

TextDirection g_direction = TextDirection::Ltr;

bool rtl_char(char32_t c) {
    return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFE) ||
           (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF) || c == 0x200F || c == 0x202B ||
           c == 0x202E || c == 0x2067;
}

bool is_space(char32_t c) { return c == ' ' || c == '\t'; }

bool is_digit(char32_t c) {
    return (c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);
}

// A higher-level protocol (UAX #9 allows them): exact values stay as written. Digits joined by
// '-', '+', '/', ':' or '.' (a personnummer, a date, a time) are one left-to-right unit, also
// after Arabic letters, where the algorithm alone makes each number an Arabic number and the
// hyphens between them neutral: "19121212-1212" would be drawn "1212-19121212".
void keep_numbers_whole(const std::vector<char32_t>& chars, std::vector<std::uint8_t>& levels) {
    auto separator = [](char32_t c) { return c == '-' || c == '+' || c == '/' || c == ':' || c == '.'; };
    const std::size_t n = chars.size();
    std::size_t i = 0;
    while (i < n) {
        if (!is_digit(chars[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        bool joined = false;
        std::uint8_t level = 0;
        while (j < n && (is_digit(chars[j]) || (separator(chars[j]) && j + 1 < n && is_digit(chars[j + 1])))) {
            joined = joined || separator(chars[j]);
            level = std::max(level, levels[j]);
            ++j;
        }
        if (joined)
            std::fill(levels.begin() + static_cast<long>(i), levels.begin() + static_cast<long>(j), level + level % 2);
        i = j;
    }
}

// Rule L2 of the bidirectional algorithm: from the highest level down to 1, every run at that
// level or higher is reversed (as fribidi_reorder_line does). `order` holds logical indices.
void reorder(std::vector<int>& order, std::vector<std::uint8_t> levels) {
    std::uint8_t highest = 0;
    for (std::uint8_t l : levels) highest = std::max(highest, l);
    for (int level = highest; level > 0; --level) {
        std::size_t i = 0;
        while (i < levels.size()) {
            if (levels[i] < level) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < levels.size() && levels[j] >= level) ++j;
            std::reverse(order.begin() + static_cast<long>(i), order.begin() + static_cast<long>(j));
            std::reverse(levels.begin() + static_cast<long>(i), levels.begin() + static_cast<long>(j));
            i = j;
        }
    }
}

void layout_paragraph(std::string_view text, int offset, BaseDirection base, float wrap_width, Advance advance,
                      BidiBlock* out) {
    std::vector<char32_t> chars;
    std::vector<int> bytes;  // each character's byte offset in the whole text
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        unsigned int c = 0;
        const int n = std::max(1, ImTextCharFromUtf8(&c, p, end));
        bytes.push_back(offset + static_cast<int>(p - text.data()));
        chars.push_back(c);
        p += n;
    }
    const int count = static_cast<int>(chars.size());
    std::vector<std::uint8_t> levels(chars.size(), 0);
    const int base_code = base == BaseDirection::Ltr ? 0 : base == BaseDirection::Rtl ? 1 : layout_rtl() ? 3 : 2;
    int dir = count ? bidi_shaper::shape(chars.data(), count, base_code, levels.data()) : -1;
    if (dir < 0) {  // empty, or no shaper yet: logical order, aligned by the layout's direction
        // Asked for by a right-to-left layout, typed text, or people's words in a script written
        // right to left (a file opened in the professional view): a Swedish page that merely names
        // Arabic in its language menu, pre-shaped (Arabic presentation forms), loads nothing.
        const bool words = std::any_of(chars.begin(), chars.end(),
                                       [](char32_t c) { return rtl_char(c) && !(c >= 0xFB50 && c <= 0xFEFE); });
        if (count && (layout_rtl() || base == BaseDirection::Auto || words)) bidi_shaper::request();
        dir = base == BaseDirection::Rtl || (base == BaseDirection::Auto && layout_rtl()) ? 1 : 0;
    } else {
        keep_numbers_whole(chars, levels);
    }
    auto add_line = [&](int from, int to) {
        BidiLine line;
        line.rtl = dir == 1;
        line.begin = from < count ? bytes[static_cast<std::size_t>(from)] : offset + static_cast<int>(text.size());
        line.end = to < count ? bytes[static_cast<std::size_t>(to)] : offset + static_cast<int>(text.size());
        std::vector<int> order;
        std::vector<std::uint8_t> line_levels;
        for (int i = from; i < to; ++i) {
            order.push_back(i);
            line_levels.push_back(levels[static_cast<std::size_t>(i)]);
        }
        // Rule L1: spaces at the line's end take the paragraph's level.
        for (int i = to - from - 1; i >= 0 && is_space(chars[static_cast<std::size_t>(from + i)]); --i)
            line_levels[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(dir);
        const std::vector<std::uint8_t> logical_levels = line_levels;
        reorder(order, line_levels);
        for (int i : order) {
            const char32_t c = chars[static_cast<std::size_t>(i)];
            line.visual.push_back(c);
            line.byte.push_back(bytes[static_cast<std::size_t>(i)]);
            line.rtl_char.push_back(logical_levels[static_cast<std::size_t>(i - from)] % 2);
            line.width += advance(c);
            char buf[5];
            line.utf8 += ImTextCharToUtf8(buf, static_cast<unsigned int>(c));
        }
        out->width = std::max(out->width, line.width);
        out->lines.push_back(std::move(line));
    };
    if (count == 0) add_line(0, 0);
    int i = 0;
    while (i < count) {
        const int start = i;
        int last_space = -1;
        float w = 0;
        while (i < count) {
            const char32_t c = chars[static_cast<std::size_t>(i)];
            const float a = advance(c);
            if (wrap_width > 0 && w + a > wrap_width && i > start && !is_space(c)) break;
            w += a;
            if (is_space(c)) last_space = i;
            ++i;
        }
        if (i < count && last_space >= start) i = last_space + 1;  // the space ends its line
        while (i < count && is_space(chars[static_cast<std::size_t>(i)])) ++i;
        add_line(start, i);
    }
}

}  // namespace

void set_text_direction(TextDirection direction) {
    if (direction == TextDirection::Rtl && g_direction != direction) bidi_shaper::request();
    g_direction = direction;
}

TextDirection text_direction() { return g_direction; }

bool has_rtl(std::string_view utf8) {
    const char* p = utf8.data();
    const char* end = p + utf8.size();
    while (p < end) {
        // Every right-to-left character is U+0590 or above: its first byte is 0xD6 or more.
        if (static_cast<unsigned char>(*p) < 0xD6) {
            ++p;
            continue;
        }
        unsigned int c = 0;
        p += std::max(1, ImTextCharFromUtf8(&c, p, end));
        if (rtl_char(c)) return true;
    }
    return false;
}

BidiBlock bidi_layout(std::string_view text, BaseDirection base, float wrap_width, Advance advance) {
    BidiBlock block;
    std::size_t start = 0;
    while (true) {
        const std::size_t nl = text.find('\n', start);
        const std::size_t stop = nl == std::string_view::npos ? text.size() : nl;
        layout_paragraph(text.substr(start, stop - start), static_cast<int>(start), base, wrap_width, advance, &block);
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return block;
}

float bidi_caret_x(const BidiLine& line, int offset, Advance advance) {
    // At a character: its leading edge (the right one for a right-to-left character). After the
    // line's last character in logical order: that character's trailing edge.
    int previous = -1;
    float x = 0, previous_x = line.rtl ? 0 : line.width;
    for (std::size_t k = 0; k < line.visual.size(); ++k) {
        const float a = advance(line.visual[k]);
        if (line.byte[k] == offset) return line.rtl_char[k] ? x + a : x;
        if (line.byte[k] < offset && line.byte[k] > previous) {
            previous = line.byte[k];
            previous_x = line.rtl_char[k] ? x : x + a;
        }
        x += a;
    }
    return previous_x;
}

int bidi_offset_at_x(const BidiLine& line, float x, Advance advance) {
    auto after = [&](int byte) {  // the logical offset after the character at `byte`
        int next = line.end;
        for (int b : line.byte)
            if (b > byte) next = std::min(next, b);
        return next;
    };
    if (x <= 0) return line.rtl ? line.end : line.begin;
    float left = 0;
    for (std::size_t k = 0; k < line.visual.size(); ++k) {
        const float a = advance(line.visual[k]);
        if (x < left + a) {
            const bool left_half = x < left + a / 2;
            return left_half != (line.rtl_char[k] != 0) ? line.byte[k] : after(line.byte[k]);
        }
        left += a;
    }
    return line.rtl ? line.begin : line.end;
}

unsigned bidi_generation() { return bidi_shaper::generation(); }

}  // namespace sipprep::ui
