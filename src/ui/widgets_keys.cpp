// Keys of texts and groups in the accessibility tree (widgets_parts.hpp).
// Text and headings have no ImGui ID. Their keys come from where they are drawn, never from
// their words: the control, group or cached region drawn just before them (the anchor) and how
// many texts came after it. A text whose words change ("Sparat 14:32", "Steg 2 av 9", an error
// under a field) keeps its node, and the a11y layer changes it in place instead of replacing it.
#include <cstdio>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ui/frame_table.hpp"
#include "ui/widgets.hpp"
#include "ui/widgets_parts.hpp"

namespace sipprep::ui {
namespace {

std::string g_anchor = "top";
// A cached region's anchor ("r<hash of its id>", "/" after it) is written out only when a text
// needs it: a long list of regions out of view sets one per region and draws no text.
bool g_anchor_pending = false;
std::size_t g_region_hash = 0;
bool g_after_region = false;
std::unordered_map<std::string, int> g_anchor_counts;  // texts after each anchor this frame
std::vector<std::string> g_group_keys;                 // the open groups (begin_group)

const std::string& anchor() {
    if (std::exchange(g_anchor_pending, false)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, g_after_region ? "r%zx/" : "r%zx", g_region_hash);
        g_anchor = buf;
    }
    return g_anchor;
}

void set_anchor(std::string key) {
    g_anchor = std::move(key);
    g_anchor_pending = false;
}

void set_region_anchor(const std::string& id, bool after) {
    g_region_hash = std::hash<std::string>{}(id);
    g_after_region = after;
    g_anchor_pending = true;
}

}  // namespace

namespace detail {

std::string text_key(const char* prefix) {
    const std::string& a = anchor();
    const int n = g_anchor_counts[a]++;
    return prefix + a + "." + std::to_string(n);
}

void anchor_texts_after(const std::string& key) { set_anchor(key); }

void begin_key_frame() {
    set_anchor("top");
    clear_for_next_frame(g_anchor_counts);
    g_group_keys.clear();
}

}  // namespace detail

void push_text_scope(const std::string& id) { set_region_anchor(id, false); }
void pop_text_scope(const std::string& id) { set_region_anchor(id, true); }

void begin_group(Role role, const std::string& id, const std::string& name) {
    g_group_keys.push_back("g-" + id);
    set_anchor(g_group_keys.back());
    a11y().push(role, g_group_keys.back(), name);
}

void end_group() {
    if (!g_group_keys.empty()) {
        set_anchor(g_group_keys.back() + "/");
        g_group_keys.pop_back();
    }
    a11y().pop();
}

}  // namespace sipprep::ui
