// Pointer input waits here until the next frame. Dear ImGui (versions.json) reads button
// *state* per frame, so a press and a release that arrive between two frames would be lost (automation,
// quick taps). Each frame takes events only until one would undo a change made in the same
// frame, or move the pointer after a button changed (a release counts where it happened: WebKit
// sends pointerleave right after a captured pointer's pointerup); the rest wait for the next
// frame. (Keys and text go to the a11y layer, not here.)
#pragma once

struct ImGuiIO;

namespace sipprep::web {

enum Modifier { ModCtrl = 1, ModShift = 2, ModAlt = 4, ModSuper = 8 };

void input_mouse_pos(float x, float y);
void input_mouse_button(int button, bool down, int modifiers);
void input_wheel(float dx, float dy);
void input_release_all();  // the page lost focus: no button stays held

// Applies one frame's worth of events to `io`. Returns true when events are left for later frames.
bool input_apply_frame(ImGuiIO& io);

}  // namespace sipprep::web
