// CachedRegion (widgets.hpp): long lists cost the same per frame at any length.
#include <string>
#include <unordered_map>
#include <vector>

#include "imgui.h"
#include "ui/widgets.hpp"

namespace sipprep::ui {

namespace {

struct Region {
    std::size_t signature = 0;
    float width = 0, font_size = 0, height = 0;
    std::vector<A11yNode> nodes;
    bool cacheable = false;
};
std::unordered_map<std::string, Region> g_regions;

bool wanted_by_page(const A11yNode& n) {
    if (a11y().wants(n.key)) return true;
    for (const A11yNode& c : n.kids())
        if (wanted_by_page(c)) return true;
    return false;
}

}  // namespace

CachedRegion::CachedRegion(const std::string& id, std::size_t signature) : id_(id), signature_(signature) {
    const float width = column_avail();
    const float font_size = ImGui::GetFontSize();
    auto it = g_regions.find(id);
    start_y_ = ImGui::GetCursorPosY();
    if (it != g_regions.end()) {
        const Region& r = it->second;
        const float top = ImGui::GetScrollY(), bottom = top + ImGui::GetWindowHeight();
        const float margin = ImGui::GetWindowHeight();
        const bool fresh = r.cacheable && r.signature == signature && r.width == width && r.font_size == font_size;
        const bool out_of_view = start_y_ + r.height < top - margin || start_y_ > bottom + margin;
        bool wanted = false;
        for (const A11yNode& n : r.nodes) wanted = wanted || wanted_by_page(n);
        if (fresh && out_of_view && !wanted) {
            draw_ = false;
            ImGui::Dummy(ImVec2(0, r.height - ImGui::GetStyle().ItemSpacing.y));
            for (const A11yNode& n : r.nodes) a11y().append_reused(n);
            return;
        }
    }
    first_child_ = a11y().open_children().size();
    push_text_scope(id_);
}

CachedRegion::~CachedRegion() {
    if (!draw_) return;
    pop_text_scope();
    Region& r = g_regions[id_];
    r.signature = signature_;
    r.width = column_avail();
    r.font_size = ImGui::GetFontSize();
    r.height = ImGui::GetCursorPosY() - start_y_;
    const std::vector<A11yNode>& children = a11y().open_children();
    r.nodes.assign(children.begin() + static_cast<long>(first_child_), children.end());
    r.cacheable = true;
}

}  // namespace sipprep::ui
