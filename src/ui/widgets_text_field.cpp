// The text field (widgets.hpp: text_field): the browser's editor holds the text and the caret
// while the person types (IME, spelling, clipboard, undo: the a11y layer's DOM field), ImGui draws
// them; the mouse places the caret here. Errors and notes wait while the person types.
#define IMGUI_DEFINE_MATH_OPERATORS
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/utf8.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "ui/widgets_parts.hpp"

namespace sipprep::ui {

using namespace detail;

namespace {

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

// Fields typed in since they got focus: their errors and notes wait until the person leaves.
struct Held {
    bool error = false;  // an error is held back
    unsigned frame = 0;  // when the field was last drawn: a field gone (another step) is forgotten
};
unsigned g_frame = 0;
std::unordered_map<std::string, Held> g_typing;
bool g_typed = false;  // a text field changed this frame

}  // namespace

namespace detail {

void begin_field_frame() {
    g_typed = false;
    ++g_frame;
    for (auto it = g_typing.begin(); it != g_typing.end();)
        it = it->second.frame + 1 < g_frame ? g_typing.erase(it) : std::next(it);
}

}  // namespace detail

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
    // once, when they leave it. Under the field they are drawn; the a11y layer has them once, in the
    // field's description (aria-describedby), not again as a paragraph. Read out, they name the
    // field: a screen reader says them after the control focus has moved to.
    const bool message = !o.error.empty() || !o.note.empty();
    if (!focused) {
        auto t = g_typing.find(key);
        // Text that came with the leaving (fast typing, a text expander: the app behind the keys)
        // is checked in the next frame: `o.error` is still about the text before it.
        if (t != g_typing.end() && !changed) {
            if (message) announce(label + ": " + (o.error.empty() ? o.note : o.error));
            g_typing.erase(t);
        } else if (changed) {
            g_typing.emplace(key, Held{});
        }
    } else if (changed) {
        g_typing.emplace(key, Held{});
    }
    auto typing = g_typing.find(key);
    const bool hold = typing != g_typing.end();
    if (hold) typing->second = Held{!o.error.empty(), g_frame};
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

bool typed_this_frame() { return g_typed; }

int held_errors() {
    int n = 0;
    for (const auto& [key, held] : g_typing) n += held.error && a11y().is_focused(key) ? 1 : 0;
    return n;
}

}  // namespace sipprep::ui
