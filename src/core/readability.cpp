#include "core/readability.hpp"

#include <cstdint>

namespace sipprep {
namespace {

// The code point starting at text[i] and its length; malformed bytes count as one letter-like unit
// (the catalogs are checked as UTF-8 elsewhere).
std::uint32_t decode(std::string_view text, std::size_t i, std::size_t* len) {
    const auto b = static_cast<unsigned char>(text[i]);
    int n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (i + n > text.size()) n = 1;
    std::uint32_t cp = n == 1 ? b : b & (0x7F >> n);
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    *len = static_cast<std::size_t>(n);
    return cp;
}

bool is_space(std::uint32_t cp) { return cp == ' ' || cp == '\t' || cp == '\r' || cp == 0xA0 || cp == 0x202F; }

// Letters and digits: ASCII ones, and beyond Latin-1's signs every code point outside the
// punctuation, arrow and shape blocks (å, ä, ö, é, and other scripts' letters).
bool is_letter_or_digit(std::uint32_t cp) {
    if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // dashes, quotes, "…", "‹›", arrows, "▾"
    if (cp >= 0x3000 && cp <= 0x303F) return false;
    return true;
}

class Counter {
public:
    LixCounts counts;

    void letter() { ++letters_; }
    void placeholder() { has_placeholder_ = true; }
    void end_word() {
        if (letters_ == 0 && !has_placeholder_) return;
        ++counts.words;
        ++words_in_sentence_;
        if (!has_placeholder_ && letters_ > 6) ++counts.long_words;
        letters_ = 0;
        has_placeholder_ = false;
    }
    void end_sentence() {
        end_word();
        if (words_in_sentence_ > 0) ++counts.sentences;
        if (words_in_sentence_ > counts.longest_sentence) counts.longest_sentence = words_in_sentence_;
        words_in_sentence_ = 0;
    }

private:
    int letters_ = 0;
    bool has_placeholder_ = false;
    int words_in_sentence_ = 0;
};

bool is_placeholder_at(std::string_view text, std::size_t i, std::size_t* len) {
    if (text[i] != '{') return false;
    std::size_t j = i + 1;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
    if (j == i + 1 || j >= text.size() || text[j] != '}') return false;
    *len = j + 1 - i;
    return true;
}

}  // namespace

LixCounts lix_counts(std::string_view text) {
    Counter c;
    bool line_start = true;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t len = 1;
        if (is_placeholder_at(text, i, &len)) {
            c.placeholder();
            line_start = false;
            i += len;
            continue;
        }
        const std::uint32_t cp = decode(text, i, &len);
        const std::size_t next = i + len;
        const bool before_space_or_end =
            next >= text.size() || text[next] == ' ' || text[next] == '\n' || text[next] == '\t' || text[next] == '\r';
        if (cp == '\n') {
            c.end_sentence();
            line_start = true;
        } else if (is_space(cp)) {
            c.end_word();
        } else if (cp == 0x2022 || (line_start && (cp == '-' || cp == '*') && before_space_or_end)) {
            c.end_sentence();  // a bullet opens a new item
            line_start = false;
        } else if ((cp == '.' || cp == '!' || cp == '?' || cp == ':') && before_space_or_end) {
            c.end_sentence();
            line_start = false;
        } else {
            if (is_letter_or_digit(cp)) c.letter();
            if (!is_space(cp)) line_start = false;
        }
        i = next;
    }
    c.end_sentence();
    return c.counts;
}

double lix(const LixCounts& c) {
    if (c.words == 0) return 0.0;
    const int sentences = c.sentences > 0 ? c.sentences : 1;
    return static_cast<double>(c.words) / sentences + 100.0 * c.long_words / c.words;
}

bool is_running_text(std::string_view text) {
    const std::size_t end = text.find_last_not_of(" \t\r\n");
    if (end == std::string_view::npos) return false;
    const char last = text[end];
    return last == '.' || last == '!' || last == '?';
}

}  // namespace sipprep
