// Text laid out in lines (widgets_parts.hpp): a text field's wrapped lines and caret offsets,
// the dots of a passphrase field, and labels broken to fit; right-to-left and mixed text laid
// out by bidi.cpp. Layouts are cached: a frame does not lay out again what it drew before.
#include <algorithm>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/widgets.hpp"
#include "ui/widgets_parts.hpp"

namespace sipprep::ui::detail {
namespace {

std::unordered_map<std::string, Layout> g_layouts;

// A passphrase field draws "•" (3 bytes of UTF-8) for each character of the value.
constexpr std::string_view kDot = "\xE2\x80\xA2";

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// A label wider than `width` broken into lines at spaces: on a phone a long choice or button
// text wraps instead of running past the screen's edge (Dear ImGui draws each '\n' as a line).
// The accessibility tree keeps the label as written. `label_width`: the label measured on one line.
std::string fit_label(const std::string& label, float label_width, float width) {
    if (width <= 1 || label_width <= width) return label;
    const ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    std::string lines;
    const char* s = label.c_str();
    const char* end = s + label.size();
    while (s < end) {
        const char* brk = font->CalcWordWrapPositionA(scale, s, end, width);
        if (brk == s) {  // one character wider than the width: it gets a line of its own
            ++brk;
            while (brk < end && continuation(*brk)) ++brk;
        }
        const char* line_end = brk;
        while (line_end > s && line_end[-1] == ' ') --line_end;
        lines.append(s, line_end);
        s = brk;
        while (s < end && *s == ' ') ++s;
        if (s < end) lines += '\n';
    }
    return lines;
}

// A frame does not lay out again what it drew before: the key is everything the layout depends on.
struct CachedBidi {
    std::string text;
    BidiBlock block;
};
std::unordered_map<std::size_t, CachedBidi> g_bidi;

}  // namespace

const Layout& layout_text(const std::string& key, const std::string& text, float width) {
    Layout& l = g_layouts[key];
    const std::size_t h = std::hash<std::string>{}(text);
    const float font_size = ImGui::GetFontSize();
    if (l.text_hash == h && l.text_size == text.size() && l.width == width && l.font_size == font_size) return l;
    l.text_hash = h;
    l.text_size = text.size();
    l.width = width;
    l.font_size = font_size;
    l.lines.clear();
    ImFont* font = ImGui::GetFont();
    const float scale = font_size / font->FontSize;
    const char* base = text.c_str();
    const char* end = base + text.size();
    const char* s = base;
    while (true) {
        const char* nl = static_cast<const char*>(std::memchr(s, '\n', static_cast<std::size_t>(end - s)));
        const char* para_end = nl ? nl : end;
        // Wrap this paragraph at word boundaries.
        const char* p = s;
        if (p == para_end) l.lines.push_back(Line{static_cast<int>(p - base), static_cast<int>(p - base)});
        while (p < para_end) {
            const char* brk = font->CalcWordWrapPositionA(scale, p, para_end, width);
            if (brk == p) {  // a single glyph wider than the field: take the whole UTF-8 sequence
                unsigned int c = 0;
                brk = p + std::max(1, ImTextCharFromUtf8(&c, p, para_end));
            }
            l.lines.push_back(Line{static_cast<int>(p - base), static_cast<int>(brk - base)});
            p = brk;
            while (p < para_end && *p == ' ' && l.lines.back().end == static_cast<int>(p - base)) {
                ++p;  // the wrapping space belongs to the line it ends
                l.lines.back().end = static_cast<int>(p - base);
            }
        }
        if (!nl) break;
        s = nl + 1;
    }
    if (l.lines.empty()) l.lines.push_back(Line{0, 0});
    return l;
}

float text_width(const char* b, const char* e) {
    return ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, 0.0f, b, e).x;
}

std::string dots_for(const std::string& value) {
    std::string out;
    for (char c : value)
        if (!continuation(c)) out += kDot;
    return out;
}

int dots_offset(const std::string& value, int offset) {
    int chars = 0;
    for (int i = 0; i < offset && i < static_cast<int>(value.size()); ++i)
        if (!continuation(value[static_cast<std::size_t>(i)])) ++chars;
    return chars * static_cast<int>(kDot.size());
}

int value_offset(const std::string& value, int dots) {
    int chars = dots / static_cast<int>(kDot.size());
    int i = 0;
    while (i < static_cast<int>(value.size())) {
        if (!continuation(value[static_cast<std::size_t>(i)]) && chars-- == 0) break;
        ++i;
    }
    return i;
}

// The byte offset nearest to x on `line`.
int offset_at_x(const std::string& text, const Line& line, float x) {
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    const char* base = text.c_str();
    const char* p = base + line.begin;
    const char* e = base + line.end;
    float pos = 0;
    while (p < e) {
        unsigned int c = 0;
        const int len = ImTextCharFromUtf8(&c, p, e);
        const float adv = font->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
        if (pos + adv * 0.5f > x) break;
        pos += adv;
        p += len > 0 ? len : 1;
    }
    // A line that wrapped ends in a space: the caret goes before it, not onto the next line.
    if (p == e && e > base + line.begin && *(e - 1) == ' ' && line.end < static_cast<int>(text.size()) &&
        text[line.end] != '\n')
        --p;
    return static_cast<int>(p - base);
}

bool needs_bidi(const std::string& text) { return layout_rtl() || has_rtl(text); }

float char_advance(char32_t c) {
    const ImFont* font = ImGui::GetFont();
    return font->GetCharAdvance(static_cast<ImWchar>(c)) * ImGui::GetFontSize() / font->FontSize;
}

const BidiBlock& bidi_block(const std::string& text, BaseDirection base, float width) {
    std::size_t key = std::hash<std::string>{}(text);
    float font_size = ImGui::GetFontSize();
    for (std::size_t v : {static_cast<std::size_t>(base), static_cast<std::size_t>(layout_rtl()),
                          std::hash<float>{}(width), std::hash<float>{}(font_size),
                          std::hash<const void*>{}(ImGui::GetFont()), static_cast<std::size_t>(bidi_generation())})
        key = hash_combine(key, v);
    auto found = g_bidi.find(key);
    if (found != g_bidi.end() && found->second.text == text) return found->second.block;
    if (g_bidi.size() > 20000) g_bidi.clear();  // texts long gone (typing makes one per key)
    CachedBidi& c = g_bidi[key];
    c.text = text;
    c.block = bidi_layout(text, base, width, char_advance);
    return c.block;
}

bool row_beside();

// A control's label as Dear ImGui draws it: broken into lines no wider than `width`, and each
// line in visual order where the text needs it.
std::string display_label(const std::string& label, float label_width, float width) {
    if (!needs_bidi(label)) return fit_label(label, label_width, width);
    const BidiBlock& b = bidi_block(label, layout_base(), width > 1 ? width : 0);
    std::string out;
    for (const BidiLine& line : b.lines) {
        if (!out.empty()) out += '\n';
        out += line.utf8;
    }
    return out;
}

}  // namespace sipprep::ui::detail
