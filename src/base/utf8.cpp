#include "utf8.hpp"

namespace sipprep {

bool is_valid_utf8(std::string_view s, std::size_t* bad_offset) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    std::size_t n = s.size(), i = 0;
    auto fail = [&] {
        if (bad_offset) *bad_offset = i;
        return false;
    };
    while (i < n) {
        unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if (c == 0xE0) {
            len = 3;
            lo = 0xA0;
        } else if (c == 0xED) {
            len = 3;
            hi = 0x9F;
        } else if (c >= 0xE1 && c <= 0xEF)
            len = 3;
        else if (c == 0xF0) {
            len = 4;
            lo = 0x90;
        } else if (c >= 0xF1 && c <= 0xF3)
            len = 4;
        else if (c == 0xF4) {
            len = 4;
            hi = 0x8F;
        } else
            return fail();
        if (i + len > n) return fail();
        if (p[i + 1] < lo || p[i + 1] > hi) return fail();
        for (std::size_t k = 2; k < len; ++k)
            if (p[i + k] < 0x80 || p[i + k] > 0xBF) return fail();
        i += len;
    }
    return true;
}

namespace {
int sequence_length(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }
}  // namespace

std::string sanitize_utf8(std::string_view text) {
    std::string out;
    std::size_t bad = 0;
    while (!is_valid_utf8(text, &bad)) {
        out.append(text.substr(0, bad));
        out += "\xEF\xBF\xBD";
        text.remove_prefix(bad + 1);
    }
    if (out.empty()) return std::string(text);
    out.append(text);
    return out;
}

int utf8_to_utf16_offset(std::string_view text, int byte_offset) {
    int units = 0;
    const int n = static_cast<int>(text.size());
    for (int i = 0; i < byte_offset && i < n;) {
        const int len = sequence_length(static_cast<unsigned char>(text[static_cast<std::size_t>(i)]));
        units += len == 4 ? 2 : 1;
        i += len;
    }
    return units;
}

int utf16_to_utf8_offset(std::string_view text, int unit_offset) {
    int units = 0, i = 0;
    const int n = static_cast<int>(text.size());
    while (i < n && units < unit_offset) {
        const int len = sequence_length(static_cast<unsigned char>(text[static_cast<std::size_t>(i)]));
        units += len == 4 ? 2 : 1;
        i += len;
    }
    return i > n ? n : i;
}

std::size_t control_character_at(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return 1;
    if (c == 0xC2 && i + 1 < text.size()) {
        const auto d = static_cast<unsigned char>(text[i + 1]);
        if (d >= 0x80 && d <= 0x9F) return 2;
    }
    return 0;
}

std::string without_control_characters(std::string_view text, int* offset_a, int* offset_b) {
    std::string out;
    out.reserve(text.size());
    int units = 0, removed_a = 0, removed_b = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t control = control_character_at(text, i);
        const std::size_t len =
            control ? control : static_cast<std::size_t>(sequence_length(static_cast<unsigned char>(text[i])));
        if (control) {
            if (units < *offset_a) ++removed_a;  // control characters are one UTF-16 unit each
            if (units < *offset_b) ++removed_b;
        } else {
            out.append(text.substr(i, len));
        }
        units += len == 4 ? 2 : 1;
        i += len;
    }
    *offset_a -= removed_a;
    *offset_b -= removed_b;
    return out;
}

std::size_t utf8_character_number(std::string_view text, std::size_t byte_offset) {
    std::size_t starts = 0;  // characters that start at or before the offset
    const std::size_t end = std::min(byte_offset + 1, text.size());
    for (std::size_t i = 0; i < end; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++starts;
    return std::max<std::size_t>(starts, 1);
}

std::string utf8_excerpt(std::string_view text, std::size_t max_chars) {
    std::string out;
    std::size_t chars = 0, i = 0;
    for (; i < text.size() && chars < max_chars; ++chars) {
        std::size_t n = 1;
        while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
        const char c = text[i];
        out += (c == '\n' || c == '\r' || c == '\t') ? std::string(" ") : std::string(text.substr(i, n));
        i += n;
    }
    if (i < text.size()) out += "\u2026";
    return out;
}

std::string lower_first_letter(std::string_view text) {
    std::string out(text);
    if (out.empty()) return out;
    const auto b0 = static_cast<unsigned char>(out[0]);
    if (b0 >= 'A' && b0 <= 'Z') {
        out[0] = static_cast<char>(b0 + ('a' - 'A'));
    } else if (b0 == 0xC3 && out.size() > 1) {  // U+00C0..U+00DE, except U+00D7 (×)
        const auto b1 = static_cast<unsigned char>(out[1]);
        if (b1 >= 0x80 && b1 <= 0x9E && b1 != 0x97) out[1] = static_cast<char>(b1 + 0x20);
    }
    return out;
}

}  // namespace sipprep
