// Dear ImGui code the app never runs, left out of the web build: the link wraps each of these
// symbols to the function here (CMakeLists.txt, --wrap), so the library's own is dropped. The app
// draws one undecorated window (ui/app.cpp) with its own colours (ui/theme.cpp): no popups or
// tooltips, no columns, no tables, no title bar, no log, no software mouse cursor, no window
// list (Ctrl+Tab). Measured in the first load: about 1.5 KB gzip (README, nineteenth round),
// 0.9 KB more in the twentieth.
#include "imgui.h"

struct ImGuiWindow;
struct ImRect;
struct ImGuiContext;
struct ImGuiTable;
struct ImGuiTableTempData;

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
// A title bar's collapse and close buttons (the window has no title bar).
bool __wrap__ZN5ImGui14CollapseButtonEjRK6ImVec2(unsigned int, const ImVec2&) { return false; }
bool __wrap__ZN5ImGui11CloseButtonEjRK6ImVec2(unsigned int, const ImVec2&) { return false; }
// The arrows of tree nodes, combo boxes, menus and the collapse button (none are drawn; the app's
// disclosure buttons draw their own).
void __wrap__ZN5ImGui11RenderArrowEP10ImDrawList6ImVec2jif(ImDrawList*, ImVec2, unsigned int, int, float) {}
// Tables (none: the app lays out its own rows), with their .ini settings (no .ini is kept) and
// the clean-up of their buffers.
void __wrap__ZN5ImGui27TableSettingsInstallHandlerEP12ImGuiContext(ImGuiContext*) {}
void __wrap__ZN5ImGui22TableGcCompactSettingsEv() {}
void __wrap__ZN5ImGui30TableGcCompactTransientBuffersEP10ImGuiTable(ImGuiTable*) {}
void __wrap__ZN5ImGui30TableGcCompactTransientBuffersEP18ImGuiTableTempData(ImGuiTableTempData*) {}
void __wrap__ZN5ImGui11TableEndRowEP10ImGuiTable(ImGuiTable*) {}
void __wrap__ZN5ImGui8EndTableEv() {}
// ImGui's own keyboard-navigation frame: the keys are the page's (the a11y layer), and the app
// draws its own focus ring (widgets.cpp: focus_ring_if_focused).
void __wrap__ZN5ImGui18RenderNavHighlightERK6ImRectji(const ImRect&, unsigned int, int) {}
}
