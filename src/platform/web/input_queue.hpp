// Browser input waits here until the next frame. Dear ImGui 1.86 reads key and button *state*
// per frame, so a press and release that arrive between two frames would be lost (automation
// and fast typists do this). Each frame takes events only until one would undo a change made in
// the same frame; the rest wait for the next frame.
#pragma once

#include <string>

struct ImGuiIO;

namespace sipprep::web {

enum Modifier { ModCtrl = 1, ModShift = 2, ModAlt = 4, ModSuper = 8 };

void input_mouse_pos(float x, float y);
void input_mouse_button(int button, bool down);
void input_wheel(float dx, float dy);
void input_key(int key, bool down, int modifiers);  // key: an ImGuiKey_ value (browser.js), -1: modifiers only
void input_text(const char* utf8);
void input_release_all();  // the page lost focus: no key or button stays held

// Applies one frame's worth of events to `io`. Returns true when events are left for later frames.
bool input_apply_frame(ImGuiIO& io);
bool input_pending();

}  // namespace sipprep::web
