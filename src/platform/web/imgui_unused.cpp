// Dear ImGui code the app never runs, left out of the web build: the link wraps each of these
// symbols to the function here (CMakeLists.txt, --wrap), so the library's own is dropped. The app
// draws one undecorated window (ui/app.cpp) with its own colours (ui/theme.cpp): no popups or
// tooltips, no columns, no log, no software mouse cursor, no window list (Ctrl+Tab). Measured in
// the first load: about 1.5 KB gzip (README, nineteenth round).
#include "imgui.h"

struct ImGuiWindow;

extern "C" {
// ImGuiStyle's constructor starts every style dark (55 colours, 2.5 KB of code); the app sets
// every colour it draws with, and the others stay transparent.
void __wrap__ZN5ImGui15StyleColorsDarkEP10ImGuiStyle(ImGuiStyle*) {}
// Where a popup or tooltip window would go.
ImVec2 __wrap__ZN5ImGui25FindBestWindowPosForPopupEP11ImGuiWindow(ImGuiWindow*) { return ImVec2(0, 0); }
// A software cursor (io.MouseDrawCursor, never set).
void __wrap__ZN5ImGui17RenderMouseCursorEP10ImDrawList6ImVec2fijjj(ImDrawList*, ImVec2, float, ImGuiMouseCursor, ImU32,
                                                                   ImU32, ImU32) {}
// Old-style columns, ended by End() only where BeginColumns() was called.
void __wrap__ZN5ImGui10EndColumnsEv() {}
// The Ctrl+Tab window list's entries.
bool __wrap__ZN5ImGui10SelectableEPKcbiRK6ImVec2(const char*, bool, ImGuiSelectableFlags, const ImVec2&) {
    return false;
}
// Text logging (LogToTTY and the like, never started).
void __wrap__ZN5ImGui15LogRenderedTextEPK6ImVec2PKcS4_(const ImVec2*, const char*, const char*) {}
}
