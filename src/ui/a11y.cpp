#include "a11y.hpp"

#include <cmath>
#include <cstdio>
#include <utility>

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "imgui_internal.h"

namespace sipprep::ui {

const char* role_name(Role r) {
    switch (r) {
    case Role::Group: return "group";
    case Role::Heading: return "heading";
    case Role::Text: return "text";
    case Role::TextBox: return "textbox";
    case Role::TextArea: return "textarea";
    case Role::Button: return "button";
    case Role::Link: return "link";
    case Role::Checkbox: return "checkbox";
    case Role::RadioGroup: return "radiogroup";
    case Role::Radio: return "radio";
    case Role::List: return "list";
    case Role::ListItem: return "listitem";
    case Role::Status: return "status";
    case Role::Alert: return "alert";
    case Role::Navigation: return "navigation";
    }
    return "group";
}

A11y& a11y() {
    static A11y instance;
    return instance;
}

std::string item_key(unsigned int id) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "i%08x", id);
    return buf;
}

int utf8_to_utf16_offset(const std::string& text, int byte_offset) {
    int units = 0;
    for (int i = 0; i < byte_offset && i < static_cast<int>(text.size());) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        units += len == 4 ? 2 : 1;
        i += len;
    }
    return units;
}

int utf16_to_utf8_offset(const std::string& text, int unit_offset) {
    int units = 0, i = 0;
    const int n = static_cast<int>(text.size());
    while (i < n && units < unit_offset) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        units += len == 4 ? 2 : 1;
        i += len;
    }
    return i > n ? n : i;
}

void A11y::begin_frame() {
    root_ = A11yNode{};
    root_.key = "root";
    root_.role = Role::Group;
    stack_.assign(1, &root_);
    item_rects_.clear();
    if (ImGuiContext* ctx = ImGui::GetCurrentContext()) ctx->TestEngineHookItems = true;
}

void A11y::end_frame() {
    const std::string json = tree_json();
    tree_changed_ = json != previous_json_;
    if (tree_changed_) previous_json_ = json;
    // Activations for items that did not appear this frame are dropped, not kept for later.
    activations_.clear();
    focus_arrived_.clear();
    focus_left_.clear();
}

A11yNode& A11y::add(Role role, std::string key, std::string name) {
    A11yNode n;
    n.role = role;
    n.key = std::move(key);
    n.name = std::move(name);
    stack_.back()->children.push_back(std::move(n));
    return stack_.back()->children.back();
}

void A11y::push(Role role, std::string key, std::string name) {
    A11yNode& n = add(role, std::move(key), std::move(name));
    stack_.push_back(&n);
}

void A11y::pop() {
    if (stack_.size() > 1) stack_.pop_back();
}

void A11y::attach_item(A11yNode& node, unsigned int id) {
    auto it = item_rects_.find(id);
    if (it == item_rects_.end()) return;
    set_rect(node, it->second.x, it->second.y, it->second.w, it->second.h);
}

void A11y::set_rect(A11yNode& node, float x, float y, float w, float h) {
    node.has_rect = true;
    node.x = x;
    node.y = y;
    node.w = w;
    node.h = h;
}

void A11y::hook_item(unsigned int id, float x, float y, float w, float h) { item_rects_[id] = Rect{x, y, w, h}; }

void A11y::on_focus(const std::string& key, bool visible) {
    if (focused_ != key) {
        focus_arrived_ = key;
        if (!focused_.empty()) focus_left_.push_back(focused_);
    }
    focused_ = key;
    focus_visible_ = visible;
}

void A11y::on_blur(const std::string& key) {
    if (focused_ == key) focused_.clear();
    focus_left_.push_back(key);
}

bool A11y::focus_left(const std::string& key) const {
    for (const std::string& k : focus_left_)
        if (k == key) return true;
    return false;
}

void A11y::on_activate(const std::string& key) { activations_.push_back(key); }

void A11y::on_text(const std::string& key, DomText text) { dom_text_[key] = std::move(text); }

bool A11y::take_activation(const std::string& key) {
    for (auto it = activations_.begin(); it != activations_.end(); ++it)
        if (*it == key) {
            activations_.erase(it);
            return true;
        }
    return false;
}

bool A11y::take_dom_text(const std::string& key, DomText* out) {
    auto it = dom_text_.find(key);
    if (it == dom_text_.end()) return false;
    *out = std::move(it->second);
    dom_text_.erase(it);
    return true;
}

void A11y::push_selection(const std::string& key, int start16, int end16, bool backward) {
    selection_json_ = nlohmann::json{{"key", key}, {"start", start16}, {"end", end16}, {"backward", backward}}.dump();
}

namespace {

nlohmann::json node_json(const A11yNode& n) {
    nlohmann::json j;
    j["k"] = n.key;
    j["r"] = role_name(n.role);
    if (!n.name.empty()) j["n"] = n.name;
    if (!n.value.empty() || n.role == Role::TextBox || n.role == Role::TextArea) j["v"] = n.value;
    if (!n.description.empty()) j["d"] = n.description;
    if (!n.error.empty()) j["e"] = n.error;
    if (n.level) j["l"] = n.level;
    if (n.checked) j["c"] = true;
    if (n.current) j["cur"] = true;
    if (n.disabled) j["dis"] = true;
    if (n.has_rect) j["b"] = {std::round(n.x), std::round(n.y), std::round(n.w), std::round(n.h)};
    if (!n.children.empty()) {
        nlohmann::json kids = nlohmann::json::array();
        for (const A11yNode& c : n.children) kids.push_back(node_json(c));
        j["ch"] = std::move(kids);
    }
    return j;
}

}  // namespace

std::string A11y::tree_json() const { return node_json(root_).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

std::string A11y::take_focus_request() { return std::exchange(focus_request_, std::string()); }
std::string A11y::take_selection_json() { return std::exchange(selection_json_, std::string()); }
std::string A11y::take_announcement() { return std::exchange(announcement_, std::string()); }

}  // namespace sipprep::ui

// ---- Dear ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE): every item's rectangle ----

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect& bb, ImGuiID id) {
    if (id != 0) sipprep::ui::a11y().hook_item(id, bb.Min.x, bb.Min.y, bb.GetWidth(), bb.GetHeight());
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID, const char*, ImGuiItemStatusFlags) {}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
