#define IMGUI_DEFINE_MATH_OPERATORS
#include "widgets.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <unordered_map>
#include <utility>

#include "base/utf8.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/bidi.hpp"
#include "ui/theme.hpp"

namespace sipprep::ui {
namespace {

Fonts g_fonts;
float g_column_right = 0;  // 0: the window's own edge

ImU32 u32(const ImVec4& c) { return ImGui::ColorConvertFloat4ToU32(c); }

// Text and headings have no ImGui ID. Their keys come from where they are drawn, never from
// their words: the control, group or cached region drawn just before them (the anchor) and how
// many texts came after it. A text whose words change ("Sparat 14:32", "Steg 2 av 9", an error
// under a field) keeps its node, and the mirror changes it in place instead of replacing it.
std::string g_anchor = "top";
std::unordered_map<std::string, int> g_anchor_counts;  // texts after each anchor this frame
std::vector<std::string> g_group_keys;                 // the open groups (begin_group, radio_group)

std::string region_anchor(const std::string& id) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "r%zx", std::hash<std::string>{}(id));
    return buf;
}

std::string text_key(const char* prefix) {
    const int n = g_anchor_counts[g_anchor]++;
    return prefix + g_anchor + "." + std::to_string(n);
}

void focus_ring_if_focused(const std::string& key) {
    if (!a11y().is_focused(key) || !a11y().focus_visible()) return;
    const float pad = 3.0f;
    ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin() - ImVec2(pad, pad),
                                        ImGui::GetItemRectMax() + ImVec2(pad, pad), u32(palette().focus_ring),
                                        ImGui::GetStyle().FrameRounding + pad, 0, 3.0f);
}

// Brings the last item into view when DOM focus has just arrived there (Tab, screen reader).
void scroll_to_if_focus_arrived(const std::string& key) {
    if (!a11y().focus_arrived(key)) return;
    ImGuiContext& g = *GImGui;
    ImGui::ScrollToBringRectIntoView(g.CurrentWindow, g.LastItemData.Rect);
}

A11yNode& item_node(Role role, const std::string& key, const std::string& name, ImGuiID id) {
    g_anchor = key;  // the texts that follow are keyed after this control
    A11yNode& n = a11y().add(role, key, name);
    a11y().attach_item(n, id);
    return n;
}

// Focus asked for before the control or heading exists: taken by the first one drawn that matches,
// within a few frames (after that the screen has moved on).
std::string g_focus_id;
bool g_focus_heading = false;  // the next frame's first level-2 heading (this frame's were drawn before the change)
bool g_focus_heading_armed = false;
std::string g_focus_heading_text;  // a heading of any level, asked for by its text
int g_focus_frames_left = 0;
bool g_typed = false;  // a text field changed this frame
std::string g_reveal;  // a message to bring into view where it is drawn next

void take_pending_focus(const std::string& id, const std::string& key) {
    if (g_focus_id.empty() || id != g_focus_id) return;
    g_focus_id.clear();
    a11y().request_dom_focus(key);
    ImGuiContext& g = *GImGui;
    ImGui::ScrollToBringRectIntoView(g.CurrentWindow, g.LastItemData.Rect);
}

// Fields typed in since they got focus: their errors and notes wait until the person leaves.
struct Held {
    bool message = false;  // an error or a note is held back
    bool error = false;    // … an error
    unsigned frame = 0;    // when the field was last drawn: a field gone (another step) is forgotten
};
unsigned g_frame = 0;
std::unordered_map<std::string, Held> g_typing;

void text_node(Role role, const std::string& text, int level, const std::string& spoken = {}) {
    const std::string key = text_key(role == Role::Heading ? "h" : "t");
    if (role == Role::Heading && level == 2 && g_focus_heading && g_focus_heading_armed) {
        g_focus_heading = false;
        a11y().request_dom_focus(key);
    }
    if (role == Role::Heading && !g_focus_heading_text.empty() && text == g_focus_heading_text) {
        g_focus_heading_text.clear();
        a11y().request_dom_focus(key);
        ImGuiContext& g = *GImGui;
        ImGui::ScrollToBringRectIntoView(g.CurrentWindow, g.LastItemData.Rect);
    }
    if (!g_reveal.empty() && text.find(g_reveal) != std::string::npos) {
        g_reveal.clear();
        ImGuiContext& g = *GImGui;
        ImGui::ScrollToBringRectIntoView(g.CurrentWindow, g.LastItemData.Rect);
    }
    A11yNode& n = a11y().add(role, key, spoken.empty() ? text : spoken);
    n.level = level;
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    A11y::set_rect(n, a.x, a.y, b.x - a.x, b.y - a.y);
}

// ---- text field layout: wrapped lines of a UTF-8 text ----

struct Line {
    int begin, end;  // byte offsets; end excludes the '\n'
};

struct Layout {
    std::vector<Line> lines;
    std::size_t text_hash = 0;
    std::size_t text_size = 0;
    float width = -1;
    float font_size = 0;
};

std::unordered_map<std::string, Layout> g_layouts;

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

// A passphrase field draws "•" (3 bytes of UTF-8) for each character of the value; the caret
// and selection move between offsets of the value and of the dots.
constexpr std::string_view kDot = "\xE2\x80\xA2";

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

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

struct Selection {
    int start = 0, end = 0;  // bytes, start <= end
    bool backward = false;
    int anchor = 0;  // where a mouse drag began
    int caret() const { return backward ? start : end; }
};

std::unordered_map<std::string, Selection> g_selections;

void push_selection(const std::string& key, const std::string& text, const Selection& s) {
    a11y().push_selection(key, utf8_to_utf16_offset(text, s.start), utf8_to_utf16_offset(text, s.end), s.backward);
}

// A label wider than `width` broken into lines at spaces: on a phone a long choice or button
// text wraps instead of running past the screen's edge (Dear ImGui draws each '\n' as a line).
// The mirror keeps the label as written. `label_width`: the label measured on one line.
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

// ---- right-to-left and mixed text: laid out by bidi.cpp, cached per text ----

bool needs_bidi(const std::string& text) { return layout_rtl() || has_rtl(text); }

float char_advance(char32_t c) {
    const ImFont* font = ImGui::GetFont();
    return font->GetCharAdvance(static_cast<ImWchar>(c)) * ImGui::GetFontSize() / font->FontSize;
}

// A frame does not lay out again what it drew before: the key is everything the layout depends on.
struct CachedBidi {
    std::string text;
    BidiBlock block;
};
std::unordered_map<std::size_t, CachedBidi> g_bidi;

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
float row_avail(float width);
void row_place(float width);

// Wrapped text at the cursor, as TextUnformatted within PushTextWrapPos draws it, for text that
// needs reordering or a right-to-left layout: each line in visual order, shaped, aligned to its
// paragraph's start (right for right to left).
void bidi_text(const std::string& text, float width) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return;
    const BidiBlock& b = bidi_block(text, layout_base(), width);
    row_place(b.width);
    const float line_h = ImGui::GetTextLineHeight();
    const ImVec2 pos = window->DC.CursorPos;
    const ImRect bb(pos, pos + ImVec2(b.width, line_h * static_cast<float>(b.lines.size())));
    ImGui::ItemSize(bb.GetSize(), 0.0f);
    if (!ImGui::ItemAdd(bb, 0)) return;
    ImDrawList* dl = window->DrawList;
    const ImU32 color = ImGui::GetColorU32(ImGuiCol_Text);
    const float clip_top = window->ClipRect.Min.y, clip_bottom = window->ClipRect.Max.y;
    for (std::size_t i = 0; i < b.lines.size(); ++i) {
        const float y = pos.y + line_h * static_cast<float>(i);
        if (y + line_h < clip_top || y > clip_bottom) continue;
        const BidiLine& line = b.lines[i];
        const float x = b.lines[i].rtl ? bb.Max.x - line.width : pos.x;
        dl->AddText(ImVec2(x, y), color, line.utf8.c_str(), line.utf8.c_str() + line.utf8.size());
    }
}

// Text wrapped at the column's edge (or beside the last item, where it fits there): Dear
// ImGui's own drawing unless the text needs reordering.
void wrapped_text(const std::string& text) {
    const float width = row_avail(row_beside() ? ImGui::CalcTextSize(text.c_str()).x : 0.0f);
    if (needs_bidi(text)) return bidi_text(text, width);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
}

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

// Right to left, a check box or radio button has its box at the right of its label (Dear ImGui
// draws it at the left): drawn here as ImGui::Checkbox/RadioButton would, mirrored. `label` is
// the display label (visual lines).
bool mirrored_box(bool radio, const std::string& label, ImGuiID id, bool on) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float sq = ImGui::GetFrameHeight();
    const ImVec2 label_size = ImGui::CalcTextSize(label.c_str());
    const ImVec2 pos = window->DC.CursorPos;
    const ImRect total(pos, pos + ImVec2(sq + (label_size.x > 0 ? style.ItemInnerSpacing.x + label_size.x : 0),
                                         std::max(sq, label_size.y + style.FramePadding.y * 2)));
    ImGui::ItemSize(total, style.FramePadding.y);
    if (!ImGui::ItemAdd(total, id)) return false;
    bool hovered = false, held = false;
    const bool pressed = ImGui::ButtonBehavior(total, id, &hovered, &held);
    if (pressed) ImGui::MarkItemEdited(id);
    const ImRect box(ImVec2(total.Max.x - sq, pos.y), ImVec2(total.Max.x, pos.y + sq));
    const ImU32 bg = ImGui::GetColorU32(held && hovered ? ImGuiCol_FrameBgActive
                                        : hovered       ? ImGuiCol_FrameBgHovered
                                                        : ImGuiCol_FrameBg);
    ImDrawList* dl = window->DrawList;
    const float pad = std::max(1.0f, IM_FLOOR(sq / 6.0f));
    if (radio) {
        const ImVec2 c(IM_ROUND(box.GetCenter().x), IM_ROUND(box.GetCenter().y));
        const float r = (sq - 1.0f) * 0.5f;
        dl->AddCircleFilled(c, r, bg, 16);
        if (on) dl->AddCircleFilled(c, r - pad, ImGui::GetColorU32(ImGuiCol_CheckMark), 16);
        if (style.FrameBorderSize > 0)
            dl->AddCircle(c, r, ImGui::GetColorU32(ImGuiCol_Border), 16, style.FrameBorderSize);
    } else {
        ImGui::RenderFrame(box.Min, box.Max, bg, true, style.FrameRounding);
        if (on)
            ImGui::RenderCheckMark(dl, box.Min + ImVec2(pad, pad), ImGui::GetColorU32(ImGuiCol_CheckMark),
                                   sq - pad * 2);
    }
    // Each line of the label ends at the box.
    const float right = box.Min.x - style.ItemInnerSpacing.x;
    float y = pos.y + style.FramePadding.y;
    std::size_t start = 0;
    while (start <= label.size()) {
        const std::size_t nl = std::min(label.find('\n', start), label.size());
        const char* b = label.c_str() + start;
        const char* e = label.c_str() + nl;
        dl->AddText(ImVec2(right - ImGui::CalcTextSize(b, e).x, y), ImGui::GetColorU32(ImGuiCol_Text), b, e);
        y += ImGui::GetTextLineHeight();
        start = nl + 1;
    }
    return pressed;
}

// ---- rows: items side by side, each placed from the inline start ----
// same_line() says the next item goes beside the last one, after it in reading order. Each
// widget asks for its line with the width it would like (row_avail: beside the last item if it
// fits there, else a line of its own) and, once it knows its width, for its place (row_place).
// Left to right, Dear ImGui's SameLine places it. Right to left, an item beside another ends
// where that one starts (less the spacing), and an item on a line of its own ends at the
// column's right edge. Items are drawn, and so read and reached by Tab, in logical order.
struct Beside {
    bool on = false;
    ImVec2 cursor;    // where SameLine left the cursor: anything drawn since ends the row
    float start = 0;  // the last item's left edge (screen x)
    float spacing = 0;
};
Beside g_beside;
float g_item_min = 0, g_item_end = 0;  // right to left: the bounds of the item being placed (screen x)
std::vector<float> g_indents;          // right to left: the column's right edge before each indent()

float column_right_x() {
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    float right = ImGui::GetContentRegionMaxAbs().x;
    if (g_column_right > 0) right = std::min(right, window->Pos.x - window->Scroll.x + g_column_right);
    return right;
}

float line_start_x() {
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    return IM_FLOOR(window->Pos.x + window->DC.Indent.x + window->DC.ColumnsOffset.x);
}

bool row_beside() {
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    return g_beside.on && window->DC.CursorPos.x == g_beside.cursor.x && window->DC.CursorPos.y == g_beside.cursor.y;
}

float row_avail(float width) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const bool beside = row_beside();
    g_beside.on = false;
    if (!layout_rtl()) {
        if (beside && width > column_avail()) ImGui::NewLine();
        return column_avail();
    }
    if (beside) {
        g_item_min = line_start_x();
        g_item_end = g_beside.start - g_beside.spacing;
        if (width <= g_item_end - g_item_min) return g_item_end - g_item_min;
        ImGui::NewLine();
    }
    g_item_min = window->DC.CursorPos.x;
    g_item_end = column_right_x();
    return std::max(1.0f, g_item_end - g_item_min);
}

// A check box's or radio button's box and the space between it and its label.
float box_width() { return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x; }

void row_place(float width) {
    if (layout_rtl()) ImGui::GetCurrentWindow()->DC.CursorPos.x = std::max(g_item_min, g_item_end - width);
}

// A button as ImGui::Button draws it, but each line of a label that wraps starts at the inline
// start (Dear ImGui aligns every line left). `shown`: the display label, visual lines.
bool button_frame(const std::string& shown, const std::string& id) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 text = ImGui::CalcTextSize(shown.c_str());
    const bool pressed = ImGui::ButtonEx(("###" + id).c_str(), text + style.FramePadding * 2);
    if (!ImGui::IsItemVisible()) return pressed;
    const ImVec2 min = ImGui::GetItemRectMin() + style.FramePadding;
    const float right = ImGui::GetItemRectMax().x - style.FramePadding.x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 color = ImGui::GetColorU32(ImGuiCol_Text);
    float y = min.y;
    std::size_t start = 0;
    while (start <= shown.size()) {
        const std::size_t nl = std::min(shown.find('\n', start), shown.size());
        const char* b = shown.c_str() + start;
        const char* e = shown.c_str() + nl;
        const float x = layout_rtl() ? right - ImGui::CalcTextSize(b, e).x : min.x;
        dl->AddText(ImVec2(x, y), color, b, e);
        y += ImGui::GetTextLineHeight();
        start = nl + 1;
    }
    return pressed;
}

}  // namespace

void set_widget_fonts(const Fonts& fonts) {
    g_fonts = fonts;
    g_anchor = "top";  // a new frame starts with the fonts
    g_anchor_counts.clear();
    g_group_keys.clear();
    g_indents.clear();
}

void set_column_right(float x) { g_column_right = x; }

float column_avail() {
    const float avail = ImGui::GetContentRegionAvail().x;
    if (g_column_right <= 0) return avail;
    return std::max(1.0f, std::min(avail, g_column_right - ImGui::GetCursorPosX()));
}

void indent() {
    if (!layout_rtl()) return ImGui::Indent();
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    g_indents.push_back(g_column_right);
    g_column_right = column_right_x() - window->Pos.x + window->Scroll.x - ImGui::GetStyle().IndentSpacing;
}

void unindent() {
    if (!layout_rtl()) return ImGui::Unindent();
    if (g_indents.empty()) return;
    g_column_right = g_indents.back();
    g_indents.pop_back();
}

void same_line(float spacing) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return;
    g_beside.on = true;
    g_beside.start = ImGui::GetItemRectMin().x;
    g_beside.spacing = spacing < 0 ? ImGui::GetStyle().ItemSpacing.x : spacing;
    ImGui::SameLine(0, g_beside.spacing);
    g_beside.cursor = window->DC.CursorPos;
}

void heading(const std::string& text, int level, const std::string& spoken) {
    ImFont* font = level <= 1 ? g_fonts.heading : g_fonts.subheading;
    if (font) ImGui::PushFont(font);
    wrapped_text(text);
    if (font) ImGui::PopFont();
    text_node(Role::Heading, text, level, spoken);
}

void paragraph(const std::string& text) {
    wrapped_text(text);
    text_node(Role::Text, text, 0);
}

void muted(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    paragraph(text);
    ImGui::PopStyleColor();
}

void error_text(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().error);
    paragraph(text);
    ImGui::PopStyleColor();
}

void drawn_text(const std::string& text, bool is_error) {
    ImGui::PushStyleColor(ImGuiCol_Text, is_error ? palette().error : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    wrapped_text(text);
    ImGui::PopStyleColor();
}

void group_label(const std::string& text) { wrapped_text(text); }

bool button(const std::string& label, const std::string& id, ButtonStyle style, const std::string& description,
            bool current, const std::string& spoken) {
    const ImGuiID iid = ImGui::GetID(("###" + id).c_str());  // the ID ignores the label
    const std::string key = item_key(iid);
    const float label_width = ImGui::CalcTextSize(label.c_str()).x;
    const float pad = ImGui::GetStyle().FramePadding.x * 2;
    const std::string shown = display_label(label, label_width, row_avail(label_width + pad) - pad);
    row_place(ImGui::CalcTextSize(shown.c_str()).x + pad);
    int colors = 0;
    auto push = [&](ImGuiCol c, ImVec4 v) {
        ImGui::PushStyleColor(c, v);
        ++colors;
    };
    switch (style) {
        case ButtonStyle::Primary:
            push(ImGuiCol_Text, palette().primary_text);
            break;
        case ButtonStyle::Danger:
            push(ImGuiCol_Text, palette().primary_text);
            push(ImGuiCol_Button, palette().danger_button);
            push(ImGuiCol_ButtonHovered, palette().danger_button);
            push(ImGuiCol_ButtonActive, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
            break;
        case ButtonStyle::Normal:
        case ButtonStyle::Quiet:
            push(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_Text));
            push(ImGuiCol_Button, style == ButtonStyle::Quiet ? ImVec4(0, 0, 0, 0) : palette().normal_button);
            push(ImGuiCol_ButtonHovered, ImGui::GetStyleColorVec4(ImGuiCol_FrameBgHovered));
            push(ImGuiCol_ButtonActive, palette().selection);
            break;
    }
    bool pressed = button_frame(shown, id);
    ImGui::PopStyleColor(colors);
    if (ImGui::IsItemActivated()) a11y().request_dom_focus(key);
    pressed = a11y().take_activation(key) || pressed;
    take_pending_focus(id, key);
    scroll_to_if_focus_arrived(key);
    focus_ring_if_focused(key);
    A11yNode& n = item_node(Role::Button, key, spoken.empty() ? label : spoken, iid);
    n.description = description;
    n.current = current;
    return pressed;
}

bool checkbox(const std::string& label, const std::string& id, bool* value, const std::string& description) {
    const ImGuiID iid = ImGui::GetID(("###" + id).c_str());  // the ID ignores the label
    const std::string key = item_key(iid);
    const float label_width = ImGui::CalcTextSize(label.c_str()).x;
    const std::string shown = display_label(label, label_width, row_avail(label_width + box_width()) - box_width());
    row_place(ImGui::CalcTextSize(shown.c_str()).x + box_width());
    bool changed = false;
    if (layout_rtl()) {
        if (mirrored_box(false, shown, iid, *value)) {
            *value = !*value;
            changed = true;
        }
    } else {
        changed = ImGui::Checkbox((shown + "###" + id).c_str(), value);
    }
    if (ImGui::IsItemActivated()) a11y().request_dom_focus(key);
    if (a11y().take_activation(key)) {
        *value = !*value;
        changed = true;
    }
    take_pending_focus(id, key);
    scroll_to_if_focus_arrived(key);
    focus_ring_if_focused(key);
    A11yNode& n = item_node(Role::Checkbox, key, label, iid);
    n.checked = *value;
    n.description = description;
    return changed;
}

bool radio_group(const std::string& label, const std::string& id, const std::vector<std::string>& options,
                 int* selected, const std::string& description, const std::vector<std::string>& spoken) {
    // The visible label is the group's name in the mirror, not a paragraph of its own.
    if (!label.empty()) wrapped_text(label);
    if (!description.empty()) muted(description);
    const std::string group_key = "g" + std::to_string(ImGui::GetID(("##group-" + id).c_str()));
    a11y().push(Role::RadioGroup, group_key, label);
    g_anchor = group_key;
    bool changed = false;
    for (std::size_t i = 0; i < options.size(); ++i) {
        const std::string imgui_id = "###" + id + "-" + std::to_string(i);
        const ImGuiID iid = ImGui::GetID(imgui_id.c_str());
        const std::string key = item_key(iid);
        const float label_width = ImGui::CalcTextSize(options[i].c_str()).x;
        if (i > 0) same_line(ImGui::GetStyle().ItemSpacing.x * 2);
        const std::string shown =
            display_label(options[i], label_width, row_avail(label_width + box_width()) - box_width());
        row_place(ImGui::CalcTextSize(shown.c_str()).x + box_width());
        const bool pressed = layout_rtl()
                                 ? mirrored_box(true, shown, iid, *selected == static_cast<int>(i))
                                 : ImGui::RadioButton((shown + imgui_id).c_str(), *selected == static_cast<int>(i));
        if (pressed) {
            changed = *selected != static_cast<int>(i);
            *selected = static_cast<int>(i);
        }
        if (ImGui::IsItemActivated()) a11y().request_dom_focus(key);
        if (a11y().take_activation(key)) {
            changed = changed || *selected != static_cast<int>(i);
            *selected = static_cast<int>(i);
        }
        take_pending_focus(id + "-" + std::to_string(i), key);
        scroll_to_if_focus_arrived(key);
        focus_ring_if_focused(key);
        A11yNode& n = item_node(Role::Radio, key, i < spoken.size() ? spoken[i] : options[i], iid);
        n.checked = *selected == static_cast<int>(i);
    }
    a11y().pop();
    g_anchor = group_key + "/";
    return changed;
}

bool text_field(const std::string& label, const std::string& id, std::string* value, const FieldOptions& o) {
    A11y& a = a11y();
    if (o.label_visible && !label.empty()) wrapped_text(label);
    if (!o.help.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        wrapped_text(o.help);
        ImGui::PopStyleColor();
    }

    const ImGuiID iid = ImGui::GetID(("##field-" + id).c_str());
    const std::string key = item_key(iid);
    Selection& sel = g_selections[key];
    bool changed = false;

    // The browser's editor is the truth for the text and the caret while the person types.
    DomText dom;
    if (a.take_dom_text(key, &dom)) {
        if (dom.value != *value) {
            *value = dom.value;
            changed = true;
        }
        sel.start = utf16_to_utf8_offset(*value, std::min(dom.selection_start, dom.selection_end));
        sel.end = utf16_to_utf8_offset(*value, std::max(dom.selection_start, dom.selection_end));
        sel.backward = dom.backward;
    }
    sel.start = std::min<int>(sel.start, static_cast<int>(value->size()));
    sel.end = std::min<int>(sel.end, static_cast<int>(value->size()));

    const ImGuiStyle& style = ImGui::GetStyle();
    const float avail = row_avail(o.width > 0 ? o.width : 0);
    const float width = o.width > 0 ? std::min(o.width, avail) : avail;
    row_place(width);
    const float inner = std::max(20.0f, width - style.FramePadding.x * 2);
    const std::string dots = o.secret ? dots_for(*value) : std::string();
    const std::string& shown = o.secret ? dots : *value;
    auto to_shown = [&](int off) { return o.secret ? dots_offset(*value, off) : off; };
    auto from_shown = [&](int off) { return o.secret ? value_offset(*value, off) : off; };
    // Right-to-left or mixed text (dir="auto", as the DOM field): lines in visual order, each
    // aligned to its paragraph's start; the caret and mouse go through the logical↔visual map.
    const BidiBlock* bidi = needs_bidi(shown) ? &bidi_block(shown, BaseDirection::Auto, inner) : nullptr;
    std::vector<Line> bidi_lines;
    if (bidi)
        for (const BidiLine& bl : bidi->lines) bidi_lines.push_back(Line{bl.begin, bl.end});
    static const Layout no_layout;
    const Layout& lay = bidi ? no_layout : layout_text(key, shown, inner);
    const std::vector<Line>& lines = bidi ? bidi_lines : lay.lines;
    auto line_x0 = [&](std::size_t i) { return bidi && bidi->lines[i].rtl ? inner - bidi->lines[i].width : 0.0f; };
    auto x_at = [&](std::size_t i, int offset) {
        if (!bidi) return text_width(shown.c_str() + lines[i].begin, shown.c_str() + offset);
        return line_x0(i) + bidi_caret_x(bidi->lines[i], offset, char_advance);
    };
    auto offset_at = [&](std::size_t i, float x) {
        if (!bidi) return offset_at_x(shown, lines[i], x);
        return bidi_offset_at_x(bidi->lines[i], x - line_x0(i), char_advance);
    };
    const float line_h = ImGui::GetTextLineHeight();
    const int min_lines = o.multiline ? std::max(1, o.min_lines) : 1;
    const int shown_lines = std::max<int>(min_lines, static_cast<int>(lines.size()) + (o.multiline ? 1 : 0));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImRect bb(pos, pos + ImVec2(width, line_h * static_cast<float>(shown_lines) + style.FramePadding.y * 2));
    ImGui::ItemSize(bb, style.FramePadding.y);
    const bool visible = ImGui::ItemAdd(bb, iid);
    const bool focused = a.is_focused(key);

    // Mouse: place the caret or select, and give the DOM field the focus.
    bool hovered = false, held = false;
    const bool pressed = ImGui::ButtonBehavior(bb, iid, &hovered, &held, ImGuiButtonFlags_PressedOnClick);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    auto offset_at_mouse = [&]() {
        const ImVec2 m = ImGui::GetIO().MousePos;
        const float rel_y = m.y - bb.Min.y - style.FramePadding.y;
        int li = static_cast<int>(rel_y / line_h);
        li = std::clamp(li, 0, static_cast<int>(lines.size()) - 1);
        return from_shown(offset_at(static_cast<std::size_t>(li), m.x - bb.Min.x - style.FramePadding.x));
    };
    if (pressed) {
        const int at = offset_at_mouse();
        if (ImGui::GetIO().KeyShift && focused) {
            sel.start = std::min(sel.anchor, at);
            sel.end = std::max(sel.anchor, at);
            sel.backward = at < sel.anchor;
        } else {
            sel = Selection{at, at, false, at};
        }
        push_selection(key, *value, sel);
        if (!focused) a.request_dom_focus(key);
    } else if (held && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
        const int at = offset_at_mouse();
        const Selection before = sel;
        sel.start = std::min(sel.anchor, at);
        sel.end = std::max(sel.anchor, at);
        sel.backward = at < sel.anchor;
        if (sel.start != before.start || sel.end != before.end) push_selection(key, *value, sel);
    }

    if (visible) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(bb.Min, bb.Max, ImGui::GetColorU32(ImGuiCol_FrameBg), style.FrameRounding);
        const bool invalid = !o.error.empty();
        dl->AddRect(bb.Min, bb.Max,
                    invalid   ? u32(palette().error)
                    : focused ? u32(palette().field_focused)
                              : ImGui::GetColorU32(ImGuiCol_Border),
                    style.FrameRounding, 0, focused || invalid ? 2.0f : 1.0f);
        const ImVec2 origin = bb.Min + style.FramePadding;
        const char* base = shown.c_str();
        const int sel_start = to_shown(sel.start), sel_end = to_shown(sel.end);
        const float clip_top = ImGui::GetWindowPos().y, clip_bottom = clip_top + ImGui::GetWindowHeight();
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const Line& ln = lines[i];
            const float y = origin.y + line_h * static_cast<float>(i);
            if (y + line_h < clip_top || y > clip_bottom) continue;  // long texts: draw what shows
            if (focused && sel_start != sel_end && sel_end >= ln.begin && sel_start <= ln.end && bidi) {
                // Mixed text: the selected characters may lie apart on the line.
                const BidiLine& bl = bidi->lines[i];
                float x = origin.x + line_x0(i);
                for (std::size_t k = 0; k < bl.visual.size(); ++k) {
                    const float a = char_advance(bl.visual[k]);
                    if (bl.byte[k] >= sel_start && bl.byte[k] < sel_end)
                        dl->AddRectFilled(ImVec2(x, y), ImVec2(x + a, y + line_h), u32(palette().selection));
                    x += a;
                }
            } else if (focused && sel_start != sel_end && sel_end >= ln.begin && sel_start <= ln.end) {
                const int s = std::max(sel_start, ln.begin), e = std::min(sel_end, ln.end);
                float x0 = text_width(base + ln.begin, base + s);
                float x1 = text_width(base + ln.begin, base + e);
                if (sel_end > ln.end) x1 += ImGui::GetFontSize() * 0.3f;  // the selection goes on
                dl->AddRectFilled(ImVec2(origin.x + x0, y), ImVec2(origin.x + x1, y + line_h),
                                  u32(palette().selection));
            }
            if (bidi) {
                const std::string& t = bidi->lines[i].utf8;
                dl->AddText(ImVec2(origin.x + line_x0(i), y), ImGui::GetColorU32(ImGuiCol_Text), t.c_str(),
                            t.c_str() + t.size());
            } else {
                dl->AddText(ImVec2(origin.x, y), ImGui::GetColorU32(ImGuiCol_Text), base + ln.begin, base + ln.end);
            }
        }
        if (value->empty() && !o.placeholder.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            if (needs_bidi(o.placeholder)) {
                const BidiBlock& pb = bidi_block(o.placeholder, layout_base(), 0);
                const float px = pb.lines[0].rtl ? origin.x + inner - pb.lines[0].width : origin.x;
                dl->AddText(ImVec2(px, origin.y), ImGui::GetColorU32(ImGuiCol_Text), pb.lines[0].utf8.c_str());
            } else {
                dl->AddText(origin, ImGui::GetColorU32(ImGuiCol_Text), o.placeholder.c_str());
            }
            ImGui::PopStyleColor();
        }
        if (focused && sel.start == sel.end) {
            // The caret: on the last line that contains it (a wrapped line's end is the next line's start).
            const int c = to_shown(sel.caret());
            std::size_t li = 0;
            for (std::size_t i = 0; i < lines.size(); ++i)
                if (lines[i].begin <= c) li = i;
            const float x = origin.x + x_at(li, c);
            const float y = origin.y + line_h * static_cast<float>(li);
            dl->AddLine(ImVec2(x, y), ImVec2(x, y + line_h), ImGui::GetColorU32(ImGuiCol_Text), 2.0f);
            if (changed) {  // typing: keep the caret line in view
                ImGuiContext& g = *GImGui;
                ImGui::ScrollToBringRectIntoView(g.CurrentWindow, ImRect(x, y - line_h, x + 1, y + line_h * 2));
            }
        }
    }
    take_pending_focus(id, key);
    scroll_to_if_focus_arrived(key);
    focus_ring_if_focused(key);

    // Errors and notes wait while the person types in the field, and are shown, and read out
    // once, when they leave it. Under the field they are drawn; the mirror has them once, in the
    // field's description (aria-describedby), not again as a paragraph. Read out, they name the
    // field: a screen reader says them after the control focus has moved to.
    const bool message = !o.error.empty() || !o.note.empty();
    if (!focused) {
        auto t = g_typing.find(key);
        if (t != g_typing.end()) {
            if (t->second.message && message) announce(label + ": " + (o.error.empty() ? o.note : o.error));
            g_typing.erase(t);
        }
    } else if (changed) {
        g_typing.emplace(key, Held{});
    }
    auto typing = g_typing.find(key);
    const bool hold = typing != g_typing.end();
    if (hold) typing->second = Held{message, !o.error.empty(), g_frame};
    A11yNode& n = item_node(o.multiline ? Role::TextArea : Role::TextBox, key, label, iid);
    n.value = *value;
    n.description = o.help;
    n.placeholder = o.placeholder;
    if (!hold) {
        n.error = o.error;
        n.note = o.note;
        if (!o.note.empty()) drawn_text(o.note, true);
        if (!o.error.empty()) drawn_text(o.error, true);
    }
    n.personal = o.personal || o.secret;
    n.secret = o.secret;
    g_typed = g_typed || changed;
    return changed;
}

void push_text_scope(const std::string& id) { g_anchor = region_anchor(id); }
void pop_text_scope(const std::string& id) { g_anchor = region_anchor(id) + "/"; }

void begin_group(Role role, const std::string& id, const std::string& name) {
    g_group_keys.push_back("g-" + id);
    g_anchor = g_group_keys.back();
    a11y().push(role, g_group_keys.back(), name);
}

void end_group() {
    if (!g_group_keys.empty()) {
        g_anchor = g_group_keys.back() + "/";
        g_group_keys.pop_back();
    }
    a11y().pop();
}

bool typed_this_frame() { return g_typed; }

int held_errors() {
    int n = 0;
    for (const auto& [key, held] : g_typing) n += held.error && a11y().is_focused(key) ? 1 : 0;
    return n;
}

void begin_widget_frame() {
    g_typed = false;
    ++g_frame;
    for (auto it = g_typing.begin(); it != g_typing.end();)
        it = it->second.frame + 1 < g_frame ? g_typing.erase(it) : std::next(it);
    g_focus_heading_armed = g_focus_heading;
    if (g_focus_frames_left > 0 && --g_focus_frames_left == 0) {
        g_focus_id.clear();
        g_focus_heading = false;
        g_focus_heading_text.clear();
        g_reveal.clear();
    }
}

void focus_control(const std::string& id) {
    g_focus_id = id;
    g_focus_heading = false;
    g_focus_frames_left = 3;
}

void reveal_text(const std::string& text) {
    g_reveal = text;
    g_focus_frames_left = std::max(g_focus_frames_left, 3);
}

void focus_next_heading() {
    g_focus_heading = true;
    g_focus_heading_armed = false;
    g_focus_id.clear();
    g_focus_frames_left = 3;
}

void focus_heading(const std::string& text) {
    g_focus_heading_text = text;
    g_focus_frames_left = 3;
}

void focus_last_control() { a11y().request_dom_focus(item_key(GImGui->LastItemData.ID)); }

void announce(const std::string& text) { a11y().announce(text); }

}  // namespace sipprep::ui
