// Keys of texts and groups in the accessibility tree (widgets_parts.hpp).
// Text and headings have no ImGui ID. Their keys come from where they are drawn, never from
// their words: the control, group or cached region drawn just before them (the anchor) and how
// many texts came after it. A text whose words change ("Sparat 14:32", "Steg 2 av 9", an error
// under a field) keeps its node, and the a11y layer changes it in place instead of replacing it.
#include <cstdio>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ui/widgets.hpp"
#include "ui/widgets_parts.hpp"

namespace sipprep::ui {
namespace {

std::string g_anchor = "top";
std::unordered_map<std::string, int> g_anchor_counts;  // texts after each anchor this frame
std::vector<std::string> g_group_keys;                 // the open groups (begin_group)

std::string region_anchor(const std::string& id) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "r%zx", std::hash<std::string>{}(id));
    return buf;
}

}  // namespace

namespace detail {

std::string text_key(const char* prefix) {
    const int n = g_anchor_counts[g_anchor]++;
    return prefix + g_anchor + "." + std::to_string(n);
}

void anchor_texts_after(const std::string& key) { g_anchor = key; }

void begin_key_frame() {
    g_anchor = "top";
    g_anchor_counts.clear();
    g_group_keys.clear();
}

}  // namespace detail

void push_text_scope(const std::string& id) { g_anchor = region_anchor(id); }
void pop_text_scope(const std::string& id) { g_anchor = region_anchor(id) + "/"; }

void begin_group(Role role, const std::string& id, const std::string& name) {
    g_group_keys.push_back("g-" + id);
    g_anchor = g_group_keys.back();
    a11y().push(role, g_group_keys.back(), name);
}

void end_group() {
    if (!g_group_keys.empty()) {
        g_anchor = g_group_keys.back() + "/";
        g_group_keys.pop_back();
    }
    a11y().pop();
}

}  // namespace sipprep::ui
