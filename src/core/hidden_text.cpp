#include "hidden_text.hpp"

#include <cstdint>
#include <cstring>

#include "base/utf8.hpp"

namespace sipprep {
namespace {

// The code point at byte `i` of well-formed UTF-8, and its length.
char32_t decode(std::string_view s, std::size_t i, std::size_t* len) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    if (c < 0x80 || i + 1 >= s.size()) {
        *len = 1;
        return c;
    }
    if (c < 0xE0) {
        *len = 2;
        return char32_t(c & 0x1F) << 6 | (b(1) & 0x3F);
    }
    if (c < 0xF0 || i + 3 >= s.size()) {
        *len = i + 2 < s.size() ? 3 : 1;
        return *len == 3 ? char32_t(c & 0x0F) << 12 | char32_t(b(1) & 0x3F) << 6 | (b(2) & 0x3F) : c;
    }
    *len = 4;
    return char32_t(c & 0x07) << 18 | char32_t(b(1) & 0x3F) << 12 | char32_t(b(2) & 0x3F) << 6 | (b(3) & 0x3F);
}

bool is_emoji(char32_t c) {
    return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) || (c >= 0x2B00 && c <= 0x2BFF) ||
           c == 0xFE0F || c == 0x20E3;
}

bool is_direction_control(char32_t c) {
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool is_hidden(char32_t c) {
    return is_direction_control(c) || (c >= 0x200B && c <= 0x200D) || (c >= 0x2060 && c <= 0x2064) ||
           (c >= 0x206A && c <= 0x206F) || c == 0xFEFF || c == 0x180E;
}

// Scripts whose spelling uses the zero-width (non-)joiner between letters: Persian "می‌خواهم",
// Kurdish, Urdu (Arabic script) and the Indic scripts, Myanmar, Khmer.
bool joins_with_joiners(char32_t c) {
    return (c >= 0x0600 && c <= 0x08FF && !is_direction_control(c)) || (c >= 0xFB50 && c <= 0xFDFF) ||
           (c >= 0xFE70 && c <= 0xFEFE) || (c >= 0x0900 && c <= 0x0DFF) || (c >= 0x1000 && c <= 0x109F) ||
           (c >= 0x1780 && c <= 0x17FF);
}

bool is_right_to_left(char32_t c) {
    return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFE) ||
           (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF);
}

}  // namespace

std::size_t hidden_character_at(std::string_view text, std::size_t i, char32_t* code) {
    // Every hidden character is three bytes long, starting 0xD8 (U+061C, two) or 0xE1/0xE2/0xEF.
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead != 0xD8 && lead != 0xE1 && lead != 0xE2 && lead != 0xEF) return 0;
    std::size_t len = 0;
    const char32_t c = decode(text, i, &len);
    if (!is_hidden(c)) return 0;
    // A joiner between the letters of a script spelt with it, or (ZWJ) between emoji, is writing.
    if ((c == 0x200C || c == 0x200D) && i > 0 && i + len < text.size()) {
        std::size_t start = i - 1, next_len = 0, prev_len = 0;
        while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
        const char32_t before = decode(text, start, &prev_len), after = decode(text, i + len, &next_len);
        if (joins_with_joiners(before) && joins_with_joiners(after)) return 0;
        if (c == 0x200D && is_emoji(before) && is_emoji(after)) return 0;
    }
    if (code) *code = c;
    return len;
}

char32_t first_hidden_character(std::string_view text) {
    // Every text of a draft is read here on each keystroke: eight bytes at a time, and byte by
    // byte only in a word with a byte from 0xD8 up (a hidden character's first byte is one).
    // Swedish letters (0xC3 …) and ASCII pass in whole words.
    constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full, kHigh = 0x8080808080808080ull;
    constexpr std::uint64_t kTo80 = 0x2828282828282828ull;  // a byte's low 7 bits + 0x28 reach 0x80 from 0x58
    char32_t code = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text.size() - i >= 8) {
            std::uint64_t w = 0;
            std::memcpy(&w, text.data() + i, 8);
            // Per byte: high bit set and low 7 bits >= 0x58, i.e. the byte is >= 0xD8; no carry
            // crosses bytes (at most 0x7F + 0x28).
            if ((((w & kLow7) + kTo80) & w & kHigh) == 0) {
                i += 8;
                continue;
            }
        }
        if (static_cast<unsigned char>(text[i]) >= 0xD8 && hidden_character_at(text, i, &code)) return code;
        ++i;
    }
    return 0;
}

std::string code_point_name(char32_t code) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string hex;
    for (char32_t c = code; c != 0 || hex.size() < 4; c >>= 4) hex.insert(hex.begin(), kHex[c & 0xF]);
    return "U+" + hex;
}

std::string with_hidden_characters_shown(std::string_view text) {
    std::string out;
    std::size_t done = 0;
    char32_t code = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        std::size_t len = control_character_at(text, i);
        if (len)
            code = len == 1 ? static_cast<unsigned char>(text[i]) : static_cast<unsigned char>(text[i + 1]);
        else
            len = hidden_character_at(text, i, &code);
        if (!len) continue;
        out.append(text.substr(done, i - done));
        out += "\u2039" + code_point_name(code) + "\u203A";
        done = i + len;
        i += len - 1;
    }
    if (done == 0) return std::string(text);
    out.append(text.substr(done));
    return out;
}

std::string isolated(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        std::size_t len = 1;
        const char32_t c = static_cast<unsigned char>(text[i]) < 0x80 ? text[i] : decode(text, i, &len);
        if (is_right_to_left(c) || is_direction_control(c)) return "\u2068" + std::string(text) + "\u2069";
        i += len;
    }
    return std::string(text);
}

}  // namespace sipprep
