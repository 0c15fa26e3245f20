#include "input_queue.hpp"

#include <deque>

#include "imgui.h"

namespace sipprep::web {
namespace {

struct Event {
    enum Kind { MousePos, MouseButton, Wheel, ReleaseAll } kind = MousePos;
    float x = 0, y = 0;
    int button = 0;
    bool down = false;
    int modifiers = 0;
};

std::deque<Event> queue;

void apply_modifiers(ImGuiIO& io, int m) {
    io.KeyCtrl = m & ModCtrl;
    io.KeyShift = m & ModShift;
    io.KeyAlt = m & ModAlt;
    io.KeySuper = m & ModSuper;
}

}  // namespace

void input_mouse_pos(float x, float y) {
    if (!queue.empty() && queue.back().kind == Event::MousePos) {
        queue.back().x = x;
        queue.back().y = y;
        return;
    }
    Event e;
    e.x = x;
    e.y = y;
    queue.push_back(e);
}

void input_mouse_button(int button, bool down, int modifiers) {
    Event e;
    e.kind = Event::MouseButton;
    e.button = button;
    e.down = down;
    e.modifiers = modifiers;
    queue.push_back(e);
}

void input_wheel(float dx, float dy) {
    Event e;
    e.kind = Event::Wheel;
    e.x = dx;
    e.y = dy;
    queue.push_back(e);
}

void input_release_all() {
    Event e;
    e.kind = Event::ReleaseAll;
    queue.push_back(e);
}

bool input_apply_frame(ImGuiIO& io) {
    bool changed[5] = {};
    bool any_changed = false;
    while (!queue.empty()) {
        const Event& e = queue.front();
        switch (e.kind) {
            case Event::MousePos:
                if (any_changed) return true;
                io.MousePos = ImVec2(e.x, e.y);
                break;
            case Event::MouseButton:
                if (e.button < 0 || e.button >= 5) break;
                if (changed[e.button]) return true;
                changed[e.button] = any_changed = true;
                io.MouseDown[e.button] = e.down;
                apply_modifiers(io, e.modifiers);
                break;
            case Event::Wheel:
                io.MouseWheelH += e.x;
                io.MouseWheel += e.y;
                break;
            case Event::ReleaseAll:
                for (bool& b : io.MouseDown) b = false;
                apply_modifiers(io, 0);
                break;
        }
        queue.pop_front();
    }
    return false;
}

}  // namespace sipprep::web
