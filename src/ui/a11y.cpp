#include "a11y.hpp"

#include <algorithm>
#include <functional>

#include <cmath>
#include <cstdio>
#include <iterator>
#include <unordered_set>
#include <utility>

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/frame_table.hpp"

namespace sipprep::ui {

const char* role_name(Role r) {
    switch (r) {
        case Role::Group:
            return "group";
        case Role::Heading:
            return "heading";
        case Role::Text:
            return "text";
        case Role::TextBox:
            return "textbox";
        case Role::TextArea:
            return "textarea";
        case Role::Button:
            return "button";
        case Role::Checkbox:
            return "checkbox";
        case Role::RadioGroup:
            return "radiogroup";
        case Role::Radio:
            return "radio";
        case Role::List:
            return "list";
        case Role::ListItem:
            return "listitem";
        case Role::Status:
            return "status";
        case Role::Alert:
            return "alert";
        case Role::Navigation:
            return "navigation";
        case Role::Run:
            return "run";
    }
    return "group";
}

bool is_container(Role r) {
    switch (r) {
        case Role::Group:
        case Role::RadioGroup:
        case Role::List:
        case Role::ListItem:
        case Role::Status:
        case Role::Alert:
        case Role::Navigation:
        case Role::Run:
            return true;
        default:
            return false;
    }
}

namespace {
A11y* g_current = nullptr;
}  // namespace

A11y& a11y() { return *g_current; }
void set_current_a11y(A11y* a) { g_current = a; }

namespace {
void add_sentence(std::string& out, const std::string& text) {
    if (text.empty()) return;
    if (!out.empty()) out += '\n';
    out += text;
    const char last = text.back();
    if (last != '.' && last != '?' && last != '!' && last != ':') out += '.';
}
}  // namespace

std::string spoken_text(const A11yNode& n) {
    std::string out;
    std::function<void(const A11yNode&)> walk = [&](const A11yNode& node) {
        switch (node.role) {
            case Role::Heading:
            case Role::Text:
                add_sentence(out, node.name);
                return;
            case Role::TextBox:
            case Role::TextArea:
                if (node.secret) return;  // a passphrase is never read out
                add_sentence(out, node.value.empty() ? node.name : node.name + ": " + node.value);
                return;
            case Role::Checkbox:
                if (node.checked) add_sentence(out, node.name);
                return;
            case Role::RadioGroup:
                for (const A11yNode& option : node.kids())
                    if (option.checked) add_sentence(out, node.name + ": " + option.name);
                return;
            case Role::Button:
            case Role::Radio:
                return;
            default:
                for (const A11yNode& c : node.kids()) walk(c);
        }
    };
    walk(n);
    return out;
}

std::string item_key(unsigned int id) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "i%08x", id);
    return buf;
}

void A11y::begin_frame() {
    root_ = A11yNode{};
    root_.key = "root";
    root_.role = Role::Group;
    stack_.assign(1, &root_);
    clear_for_next_frame(item_rects_);
    if (ImGuiContext* ctx = ImGui::GetCurrentContext()) ctx->TestEngineHookItems = true;
}

void A11y::end_frame() {
    patch_.clear();
    reused_now_.clear();
    root_.y = scroll_y_;  // the root's own property: a new scroll is a record for the root
    diff(root_, patch_, false);
    std::sort(reused_now_.begin(), reused_now_.end());
    std::swap(reused_now_, reused_before_);
    if (!patch_.empty()) patch_ = "[" + patch_ + "]";
    // Activations for items that did not appear this frame are dropped, not kept for later.
    activations_.clear();
    focus_arrived_.clear();
    wanted_stale_ = true;
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
    // As many children as the frame before: a long list's nodes are not moved again and again
    // while its vector grows.
    if (auto it = previous_.find(n.key); it != previous_.end()) n.children.reserve(it->second.children.size());
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
    const ImGuiContext* g = ImGui::GetCurrentContext();
    node.y = y + (g && g->CurrentWindow ? g->CurrentWindow->Scroll.y : 0.0f);
    node.w = w;
    node.h = h;
}

void A11y::hook_item(unsigned int id, float x, float y, float w, float h) { item_rects_[id] = Rect{x, y, w, h}; }

void A11y::on_focus(const std::string& key, bool visible) {
    if (focused_ != key) focus_arrived_ = key;
    moving_to_.clear();
    focused_ = key;
    focus_visible_ = visible;
    wanted_stale_ = true;
}

void A11y::on_blur(const std::string& key) {
    if (focused_ == key) focused_.clear();
    wanted_stale_ = true;
}

void A11y::append_reused(const A11yNode& n, std::uint64_t drawing) {
    // Made in its place, not moved there: a long list out of view makes one a region each frame.
    A11yNode& stub = stack_.back()->children.emplace_back();
    stub.role = n.role;
    stub.key = n.key;
    stub.name = n.name;
    stub.value = n.value;
    stub.description = n.description;
    stub.error = n.error;
    stub.note = n.note;
    stub.placeholder = n.placeholder;
    stub.level = n.level;
    stub.checked = n.checked;
    stub.current = n.current;
    stub.expanded = n.expanded;
    stub.disabled = n.disabled;
    stub.personal = n.personal;
    stub.secret = n.secret;
    stub.has_rect = n.has_rect;
    stub.x = n.x;
    stub.y = n.y;
    stub.w = n.w;
    stub.h = n.h;
    stub.reused = &n.kids();
    stub.reused_drawing = drawing;
}

bool A11y::wants(const std::string& key) const {
    if (focused_ == key || focus_arrived_ == key || dom_text_.count(key)) return true;
    for (const std::string& k : activations_)
        if (k == key) return true;
    return false;
}

const std::vector<std::size_t>& A11y::wanted_hashes() const {
    if (!wanted_stale_) return wanted_hashes_;
    const std::hash<std::string_view> hash;
    wanted_hashes_.clear();
    for (const std::string* k : {&focused_, &focus_arrived_})
        if (!k->empty()) wanted_hashes_.push_back(hash(*k));
    for (const auto& [k, text] : dom_text_) wanted_hashes_.push_back(hash(k));
    for (const std::string& k : activations_) wanted_hashes_.push_back(hash(k));
    wanted_stale_ = false;
    return wanted_hashes_;
}

void A11y::on_activate(const std::string& key) {
    activations_.push_back(key);
    wanted_stale_ = true;
}

void A11y::on_text(const std::string& key, DomText text) {
    dom_text_[key] = std::move(text);
    wanted_stale_ = true;
}

bool A11y::take_activation(const std::string& key) {
    for (auto it = activations_.begin(); it != activations_.end(); ++it)
        if (*it == key) {
            activations_.erase(it);
            wanted_stale_ = true;
            return true;
        }
    return false;
}

bool A11y::take_dom_text(const std::string& key, DomText* out) {
    auto it = dom_text_.find(key);
    if (it == dom_text_.end()) return false;
    *out = std::move(it->second);
    dom_text_.erase(it);
    wanted_stale_ = true;
    return true;
}

void A11y::push_selection(const std::string& key, int start16, int end16, bool backward) {
    selection_json_ = nlohmann::json{{"key", key}, {"start", start16}, {"end", end16}, {"backward", backward}}.dump();
}

namespace {

float rounded(float v) { return std::round(v); }

bool same_props(const A11yNode& a, const A11yNode& b) {
    return a.role == b.role && a.name == b.name && a.value == b.value && a.description == b.description &&
           a.error == b.error && a.note == b.note && a.placeholder == b.placeholder && a.level == b.level &&
           a.checked == b.checked && a.current == b.current && a.expanded == b.expanded && a.disabled == b.disabled &&
           a.personal == b.personal && a.secret == b.secret && a.has_rect == b.has_rect &&
           rounded(a.x) == rounded(b.x) && rounded(a.y) == rounded(b.y) && rounded(a.w) == rounded(b.w) &&
           rounded(a.h) == rounded(b.h);
}

// One node's own properties, in the short names of docs/a11y-protocol.md.
nlohmann::json props_json(const A11yNode& n) {
    nlohmann::json j;
    j["k"] = n.key;
    j["r"] = role_name(n.role);
    if (!n.name.empty()) j["n"] = n.name;
    if (!n.value.empty() || n.role == Role::TextBox || n.role == Role::TextArea) j["v"] = n.value;
    if (!n.description.empty()) j["d"] = n.description;
    if (!n.error.empty()) j["e"] = n.error;
    if (!n.note.empty()) j["m"] = n.note;
    if (!n.placeholder.empty()) j["ph"] = n.placeholder;
    if (n.level) j["l"] = n.level;
    if (n.checked) j["c"] = true;
    if (n.current) j["cur"] = true;
    if (n.expanded >= 0) j["ex"] = n.expanded == 1;
    if (n.disabled) j["dis"] = true;
    if (n.personal) j["pd"] = true;
    if (n.secret) j["pw"] = true;
    if (n.has_rect) j["b"] = {rounded(n.x), rounded(n.y), rounded(n.w), rounded(n.h)};
    if (n.key == "root") j["sy"] = rounded(n.y);  // the scroll of the window (A11y::end_frame)
    return j;
}

nlohmann::json tree_node_json(const A11yNode& n) {
    nlohmann::json j = props_json(n);
    if (!n.kids().empty()) {
        nlohmann::json kids = nlohmann::json::array();
        for (const A11yNode& c : n.kids()) kids.push_back(tree_node_json(c));
        j["ch"] = std::move(kids);
    }
    return j;
}

void copy_props(const A11yNode& from, A11yNode& to) {
    to.key = from.key;
    to.role = from.role;
    to.name = from.name;
    to.value = from.value;
    to.description = from.description;
    to.error = from.error;
    to.note = from.note;
    to.placeholder = from.placeholder;
    to.level = from.level;
    to.checked = from.checked;
    to.current = from.current;
    to.expanded = from.expanded;
    to.disabled = from.disabled;
    to.personal = from.personal;
    to.secret = from.secret;
    to.has_rect = from.has_rect;
    to.x = from.x;
    to.y = from.y;
    to.w = from.w;
    to.h = from.h;
}

std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

}  // namespace

std::string a11y_tree_json(const A11yNode& n) { return dump(tree_node_json(n)); }

std::string A11y::tree_json() const { return a11y_tree_json(root_); }

// Pre-order, so that a parent's record comes before its new children's. A node leaves the tree
// only when its parent's list of children changes; then it is forgotten with all under it.
void A11y::diff(const A11yNode& n, std::string& out, bool same_place) {
    if (n.reused) {
        reused_now_.push_back(n.reused_drawing);
        // The same drawing of a region as the frame before, in the same place among the same
        // siblings: it and all under it are as the a11y layer has them. A long list out of view
        // costs a number lookup per region, not a comparison of its nodes.
        if (same_place && std::binary_search(reused_before_.begin(), reused_before_.end(), n.reused_drawing)) return;
    }
    auto it = previous_.find(n.key);
    const bool is_new = it == previous_.end();
    Flat& flat = is_new ? previous_[n.key] : it->second;
    const std::vector<A11yNode>& kids = n.kids();
    const bool props_changed = is_new || !same_props(flat.props, n);
    bool children_changed = is_new || flat.children.size() != kids.size();
    for (std::size_t i = 0; !children_changed && i < kids.size(); ++i)
        children_changed = flat.children[i] != kids[i].key;
    if (props_changed || children_changed) {
        nlohmann::json j = props_json(n);
        if (is_container(n.role) && children_changed) {
            nlohmann::json keys = nlohmann::json::array();
            for (const A11yNode& c : kids) keys.push_back(c.key);
            j["ch"] = std::move(keys);
        }
        if (!out.empty()) out += ',';
        out += dump(j);
        if (props_changed) copy_props(n, flat.props);
        if (children_changed) {
            std::vector<std::string> old = std::move(flat.children);
            flat.children.clear();
            for (const A11yNode& c : kids) flat.children.push_back(c.key);
            std::unordered_set<std::string> now(flat.children.begin(), flat.children.end());
            for (const std::string& k : old)
                if (!now.count(k)) forget(k);  // `flat` stays valid: only other keys are erased
        }
    }
    // A reused region is as it was when last drawn, and the a11y layer has it so already.
    if (n.reused && !children_changed) return;
    for (const A11yNode& c : kids) diff(c, out, !children_changed);
}

void A11y::forget(const std::string& key) {
    auto it = previous_.find(key);
    if (it == previous_.end()) return;
    const std::vector<std::string> children = std::move(it->second.children);
    previous_.erase(it);
    for (const std::string& k : children) forget(k);
}

std::string A11y::take_patch() { return std::exchange(patch_, std::string()); }

std::string A11y::take_focus_request() { return std::exchange(focus_request_, std::string()); }
std::string A11y::take_selection_json() { return std::exchange(selection_json_, std::string()); }
std::string A11y::take_announcement() { return std::exchange(announcement_, std::string()); }

}  // namespace sipprep::ui

// ---- Dear ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE): every item's rectangle ----

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect& bb, ImGuiID id) {
    if (id != 0 && sipprep::ui::g_current)
        sipprep::ui::g_current->hook_item(id, bb.Min.x, bb.Min.y, bb.GetWidth(), bb.GetHeight());
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID, const char*, ImGuiItemStatusFlags) {}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
