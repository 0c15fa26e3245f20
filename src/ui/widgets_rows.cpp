// Rows: items side by side, each placed from the inline start (widgets.hpp: same_line, indent).
// same_line() says the next item goes beside the last one, after it in reading order. Each
// widget asks for its line with the width it would like (row_avail: beside the last item if it
// fits there, else a line of its own) and, once it knows its width, for its place (row_place).
// Left to right, Dear ImGui's SameLine places it. Right to left, an item beside another ends
// where that one starts (less the spacing), and an item on a line of its own ends at the
// column's right edge. Items are drawn, and so read and reached by Tab, in logical order.
#define IMGUI_DEFINE_MATH_OPERATORS
#include <algorithm>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/bidi.hpp"
#include "ui/widgets.hpp"
#include "ui/widgets_parts.hpp"

namespace sipprep::ui {
namespace {

float g_column_right = 0;  // 0: the window's own edge

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

}  // namespace

namespace detail {

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

void begin_row_frame() { g_indents.clear(); }

}  // namespace detail

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

}  // namespace sipprep::ui
