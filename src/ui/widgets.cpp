// The controls and texts of widgets.hpp: each drawn with Dear ImGui and given its node in the
// accessibility tree; their parts are in the widgets_*.cpp files (widgets_parts.hpp).
#define IMGUI_DEFINE_MATH_OPERATORS
#include "widgets.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/bidi.hpp"
#include "ui/theme.hpp"
#include "ui/widgets_parts.hpp"

namespace sipprep::ui {

using namespace detail;

namespace {

Fonts g_fonts;

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

namespace detail {

ImU32 u32(const ImVec4& c) { return ImGui::ColorConvertFloat4ToU32(c); }

// The keyboard's item stays in view when the layout moves it (a representative added above
// "Lägg till företrädare", a larger text size). One the person scrolled away from stays where it
// is: a line appearing above does not pull the page back to it.
void keep_in_view_when_moved(const std::string& key) {
    static std::string last_key;
    static float last_y = 0.0f;  // in the window's content, not on the screen
    static bool was_in_view = false;
    ImGuiContext& g = *GImGui;
    const ImGuiWindow* w = g.CurrentWindow;
    const float y = g.LastItemData.Rect.Min.y - w->Pos.y + w->Scroll.y;
    const bool in_view = w->ClipRect.Contains(g.LastItemData.Rect);
    // A new screen keeps a control's key ("Nästa"), not its place: following it there would
    // scroll the new step to its bottom, away from the heading that takes focus.
    const bool moved_out = key == last_key && y != last_y && was_in_view && !in_view && !focus_moving();
    last_key = key;
    last_y = y;
    was_in_view = in_view || moved_out;  // on its way back into view
    if (moved_out) ImGui::ScrollToBringRectIntoView(g.CurrentWindow, g.LastItemData.Rect);
}

void focus_ring_if_focused(const std::string& key) {
    if (!a11y().is_focused(key) || !a11y().focus_visible()) return;
    keep_in_view_when_moved(key);
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

std::string g_last_control;

A11yNode& item_node(Role role, const std::string& key, const std::string& name, ImGuiID id) {
    g_last_control = key;  // not ImGui's last item: a field's error or help text is drawn after it
    anchor_texts_after(key);
    A11yNode& n = a11y().add(role, key, name);
    a11y().attach_item(n, id);
    return n;
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

}  // namespace detail

namespace {

void text_node(Role role, const std::string& text, int level, const std::string& spoken = {}) {
    const std::string key = text_key(role == Role::Heading ? "h" : "t");
    text_drawn(role, text, level, key);
    A11yNode& n = a11y().add(role, key, spoken.empty() ? text : spoken);
    n.level = level;
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    A11y::set_rect(n, a.x, a.y, b.x - a.x, b.y - a.y);
}

}  // namespace

void set_widget_fonts(const Fonts& fonts) {
    g_fonts = fonts;
    begin_key_frame();  // a new frame starts with the fonts
    begin_row_frame();
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

bool disclosure_button(const std::string& label, const std::string& id, bool open, const std::string& description,
                       const std::string& spoken) {
    const bool pressed = button(label, id, ButtonStyle::Quiet, description, false, spoken);
    a11y().last_added().expanded = open ? 1 : 0;
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
    // The visible label is the group's name in the accessibility tree, not a paragraph of its own.
    if (!label.empty()) wrapped_text(label);
    if (!description.empty()) muted(description);
    const std::string group_key = "g" + std::to_string(ImGui::GetID(("##group-" + id).c_str()));
    a11y().push(Role::RadioGroup, group_key, label);
    anchor_texts_after(group_key);
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
    anchor_texts_after(group_key + "/");
    return changed;
}

void begin_widget_frame() {
    begin_field_frame();
    begin_focus_frame();
}

void announce(const std::string& text) { a11y().announce(text); }

}  // namespace sipprep::ui
