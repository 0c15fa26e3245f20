// Focus asked for before the control or heading exists (widgets.hpp: focus_control,
// focus_next_heading, focus_heading, reveal_text): taken by the first one drawn that matches,
// within a few frames (after that the screen has moved on).
#include <algorithm>
#include <string>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/widgets.hpp"
#include "ui/widgets_parts.hpp"

namespace sipprep::ui {
namespace {

std::string g_focus_id;
bool g_focus_heading = false;  // the next frame's first level-2 heading (this frame's were drawn before the change)
bool g_focus_heading_armed = false;
std::string g_focus_heading_text;  // a heading of any level, asked for by its text
int g_focus_frames_left = 0;
std::string g_reveal;  // a message to bring into view where it is drawn next

void scroll_to_last_item() {
    ImGuiContext& g = *GImGui;
    ImGui::ScrollToBringRectIntoView(g.CurrentWindow, g.LastItemData.Rect);
}

}  // namespace

namespace detail {

void take_pending_focus(const std::string& id, const std::string& key) {
    if (g_focus_id.empty() || id != g_focus_id) return;
    g_focus_id.clear();
    a11y().request_dom_focus(key);
    scroll_to_last_item();
}

void text_drawn(Role role, const std::string& text, int level, const std::string& key) {
    if (role == Role::Heading && level == 2 && g_focus_heading && g_focus_heading_armed) {
        g_focus_heading = false;
        a11y().request_dom_focus(key);
        scroll_to_last_item();  // below an open panel ("Skriver: …"), it would be out of sight
    }
    if (role == Role::Heading && !g_focus_heading_text.empty() && text == g_focus_heading_text) {
        g_focus_heading_text.clear();
        a11y().request_dom_focus(key);
        scroll_to_last_item();
    }
    if (!g_reveal.empty() && text.find(g_reveal) != std::string::npos) {
        g_reveal.clear();
        scroll_to_last_item();
    }
}

bool focus_moving() {
    return g_focus_heading || !g_focus_id.empty() || !g_focus_heading_text.empty() || a11y().focus_moving();
}

void begin_focus_frame() {
    g_focus_heading_armed = g_focus_heading;
    if (g_focus_frames_left > 0 && --g_focus_frames_left == 0) {
        g_focus_id.clear();
        g_focus_heading = false;
        g_focus_heading_text.clear();
        g_reveal.clear();
    }
}

}  // namespace detail

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

void focus_last_control() {
    if (!detail::g_last_control.empty()) a11y().request_dom_focus(detail::g_last_control);
}

}  // namespace sipprep::ui
