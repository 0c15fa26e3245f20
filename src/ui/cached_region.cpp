// CachedRegion (widgets.hpp): long lists cost the same per frame at any length.
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "imgui.h"
#include "ui/widgets.hpp"

namespace sipprep::ui {

namespace {

// A set of key hashes in 256 bits, two bits per key: a region out of view answers "none of my
// keys is wanted" without a hash-set lookup, on every frame, for each of a long list's items.
struct KeyFilter {
    std::uint64_t bits[4] = {};
    void add(std::size_t h) {
        set(h);
        set(h >> 8);
    }
    bool may_have(std::size_t h) const { return has(h) && has(h >> 8); }

private:
    void set(std::size_t h) { bits[(h >> 6) & 3] |= std::uint64_t{1} << (h & 63); }
    bool has(std::size_t h) const { return (bits[(h >> 6) & 3] >> (h & 63)) & 1; }
};

struct Region {
    std::string id;
    std::size_t signature = 0;
    float width = 0, font_size = 0, height = 0;
    std::vector<A11yNode> nodes;
    std::unordered_set<std::size_t> keys;  // the hash of every node's key in `nodes`, for wanted_by_page
    KeyFilter filter;                      // the same hashes, asked first
    std::uint64_t drawing = 0;             // which drawing `nodes` are (A11yNode::reused_drawing)
    bool cacheable = false;
};

// The regions side by side, in the order they were first drawn, which is the order a frame asks
// for them: the next one asked for is most often the one after the last, found without a hash
// and read from memory already near (a list of 1 000 out of view asks for 1 000 each frame).
class Regions {
public:
    // The region `id`, made if new; its index stays its own.
    std::size_t find(const std::string& id) {
        if (next_ < list_.size() && list_[next_].id == id) return next_++;
        auto [it, made] = index_.try_emplace(id, list_.size());
        if (made) list_.emplace_back().id = id;
        next_ = it->second + 1;
        return it->second;
    }
    Region& operator[](std::size_t i) { return list_[i]; }

private:
    std::deque<Region> list_;  // a deque: a region stays where it is while others are added
    std::unordered_map<std::string, std::size_t> index_;
    std::size_t next_ = 0;
};
Regions g_regions;
std::uint64_t g_drawings = 0;

void collect_keys(const A11yNode& n, Region* r) {
    const std::size_t h = std::hash<std::string_view>{}(n.key);
    r->keys.insert(h);
    r->filter.add(h);
    for (const A11yNode& c : n.kids()) collect_keys(c, r);
}

// Focus, text or a click from the page for one of the region's nodes: a few lookups of numbers,
// not a walk. Two keys with one hash only make a region drawn that need not be.
bool wanted_by_page(const Region& r) {
    for (std::size_t h : a11y().wanted_hashes())
        if (r.filter.may_have(h) && r.keys.count(h)) return true;
    return false;
}

}  // namespace

CachedRegion::CachedRegion(const std::string& id, std::size_t signature) : id_(id), signature_(signature) {
    const float width = column_avail();
    const float font_size = ImGui::GetFontSize();
    index_ = g_regions.find(id);
    start_y_ = ImGui::GetCursorPosY();
    if (const Region& r = g_regions[index_]; r.cacheable) {
        const float top = ImGui::GetScrollY(), bottom = top + ImGui::GetWindowHeight();
        const float margin = ImGui::GetWindowHeight();
        const bool fresh = r.signature == signature && r.width == width && r.font_size == font_size;
        const bool out_of_view = start_y_ + r.height < top - margin || start_y_ > bottom + margin;
        if (fresh && out_of_view && !wanted_by_page(r)) {
            draw_ = false;
            ImGui::Dummy(ImVec2(0, r.height - ImGui::GetStyle().ItemSpacing.y));
            for (const A11yNode& n : r.nodes) a11y().append_reused(n, r.drawing);
            pop_text_scope(id_);  // the texts after it keep their keys
            return;
        }
    }
    first_child_ = a11y().open_children().size();
    push_text_scope(id_);
}

CachedRegion::~CachedRegion() {
    if (!draw_) return;
    pop_text_scope(id_);
    Region& r = g_regions[index_];
    r.signature = signature_;
    r.width = column_avail();
    r.font_size = ImGui::GetFontSize();
    r.height = ImGui::GetCursorPosY() - start_y_;
    const std::vector<A11yNode>& children = a11y().open_children();
    r.nodes.assign(children.begin() + static_cast<long>(first_child_), children.end());
    r.keys.clear();
    r.filter = KeyFilter{};
    for (const A11yNode& n : r.nodes) collect_keys(n, &r);
    r.drawing = ++g_drawings;
    r.cacheable = true;
}

}  // namespace sipprep::ui
