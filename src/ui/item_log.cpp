#include "item_log.hpp"

#include <unordered_map>

#include "core/model_json.hpp"
#include "imgui.h"
#include "imgui_internal.h"

namespace sipprep::ui {
namespace {

std::vector<LoggedItem> building, last;
std::unordered_map<ImGuiID, std::size_t> index_of;

}  // namespace

void item_log_begin_frame() {
    building.clear();
    index_of.clear();
    ImGui::GetCurrentContext()->TestEngineHookItems = true;
}

void item_log_end_frame() { last.swap(building); }

const std::vector<LoggedItem>& item_log_last_frame() { return last; }

std::string item_log_json() {
    Json a = Json::array();
    for (const LoggedItem& i : last)
        a.push_back(Json{{"id", i.id}, {"label", i.label}, {"key", i.key}, {"x", i.x}, {"y", i.y}, {"w", i.w},
                         {"h", i.h}, {"status", i.status}});
    return a.dump();
}

}  // namespace sipprep::ui

// ---- Dear ImGui's hooks (IMGUI_ENABLE_TEST_ENGINE) ----
using sipprep::ui::building;
using sipprep::ui::index_of;

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect& bb, ImGuiID id) {
    if (id == 0) return;
    sipprep::ui::LoggedItem item;
    item.id = id;
    item.x = bb.Min.x;
    item.y = bb.Min.y;
    item.w = bb.GetWidth();
    item.h = bb.GetHeight();
    index_of[id] = building.size();
    building.push_back(std::move(item));
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    auto it = index_of.find(id);
    if (it == index_of.end() || !label) return;
    sipprep::ui::LoggedItem& item = building[it->second];
    std::string full(label);
    std::size_t hashes = full.find("##");
    item.label = full.substr(0, hashes);
    item.key = hashes == std::string::npos ? std::string() : full.substr(hashes + 2);
    item.status = flags;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
