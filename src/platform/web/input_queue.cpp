#include "input_queue.hpp"

#include <deque>

#include "imgui.h"

namespace sipprep::web {
namespace {

struct Event {
    enum Kind { MousePos, MouseButton, Wheel, Key, Text, ReleaseAll } kind = MousePos;
    float x = 0, y = 0;
    int code = 0;
    bool down = false;
    int modifiers = 0;
    std::string text;
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
    e.kind = Event::MousePos;
    e.x = x;
    e.y = y;
    queue.push_back(e);
}

void input_mouse_button(int button, bool down) {
    Event e;
    e.kind = Event::MouseButton;
    e.code = button;
    e.down = down;
    queue.push_back(e);
}

void input_wheel(float dx, float dy) {
    Event e;
    e.kind = Event::Wheel;
    e.x = dx;
    e.y = dy;
    queue.push_back(e);
}

void input_key(int key, bool down, int modifiers) {
    Event e;
    e.kind = Event::Key;
    e.code = key;
    e.down = down;
    e.modifiers = modifiers;
    queue.push_back(e);
}

void input_text(const char* utf8) {
    if (!utf8 || !*utf8) return;
    if (!queue.empty() && queue.back().kind == Event::Text) {
        queue.back().text += utf8;
        return;
    }
    Event e;
    e.kind = Event::Text;
    e.text = utf8;
    queue.push_back(e);
}

void input_release_all() { Event e;
    e.kind = Event::ReleaseAll;
    queue.push_back(e); }

bool input_pending() { return !queue.empty(); }

bool input_apply_frame(ImGuiIO& io) {
    bool keys_changed[512] = {};
    bool buttons_changed[5] = {};
    bool had_text = false, had_key = false;
    while (!queue.empty()) {
        Event& e = queue.front();
        switch (e.kind) {
        case Event::MousePos:
            io.MousePos = ImVec2(e.x, e.y);
            break;
        case Event::MouseButton:
            if (e.code < 0 || e.code >= 5) break;
            if (buttons_changed[e.code]) return true;
            buttons_changed[e.code] = true;
            io.MouseDown[e.code] = e.down;
            break;
        case Event::Wheel:
            io.MouseWheelH += e.x;
            io.MouseWheel += e.y;
            break;
        case Event::Key:
            // Text and keys keep their order: an Enter, a Backspace or a modifier change after typed
            // text waits a frame (ImGui drops text typed while Ctrl is held).
            if (had_text) return true;
            had_key = true;
            if (e.code < 0) {  // a modifier alone went down or up
                apply_modifiers(io, e.modifiers);
                break;
            }
            if (e.code >= 512) break;
            if (keys_changed[e.code]) return true;
            keys_changed[e.code] = true;
            io.KeysDown[e.code] = e.down;
            apply_modifiers(io, e.modifiers);
            break;
        case Event::Text:
            if (had_key) return true;
            had_text = true;
            io.AddInputCharactersUTF8(e.text.c_str());
            break;
        case Event::ReleaseAll:
            for (bool& k : io.KeysDown) k = false;
            for (bool& b : io.MouseDown) b = false;
            apply_modifiers(io, 0);
            break;
        }
        queue.pop_front();
    }
    return false;
}

}  // namespace sipprep::web
