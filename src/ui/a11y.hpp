// The accessibility tree: what each frame shows, as roles, names, values, descriptions and
// errors, so that the platform can keep a DOM mirror of the canvas for screen readers,
// keyboard users, the browser's translate and read-aloud, and tests.
//
// Items come from Dear ImGui's test-engine hooks (every item's ID and rectangle); the widgets
// in widgets.hpp add what a hook cannot know (role, name, value, help and error text). Text
// and headings, which are not ImGui items, are added by the widgets directly.
//
// The mirror is also the input surface: DOM focus, activation (Enter, Space, click by a screen
// reader) and text editing (the browser's own editor, IME and clipboard) come back through
// the on_*() calls and are applied by the widgets in the next frame.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace sipprep::ui {

enum class Role {
    Group,       // a labelled region (a step, a section)
    Heading,
    Text,
    TextBox,     // single line
    TextArea,    // multi-line
    Button,
    Link,        // moves to another step
    Checkbox,
    RadioGroup,
    Radio,
    List,
    ListItem,
    Status,      // aria-live polite: "Sparat", results of actions
    Alert,       // aria-live assertive: errors that block
    Navigation,  // the step list
};

const char* role_name(Role r);

struct A11yNode {
    std::string key;  // stable across frames: "i" + ImGui ID, or derived from text for text nodes
    Role role = Role::Text;
    std::string name;
    std::string value;
    std::string description;
    std::string error;
    int level = 0;          // heading level
    bool checked = false;   // checkbox, radio
    bool current = false;   // the current step in a navigation list
    bool disabled = false;
    bool has_rect = false;
    float x = 0, y = 0, w = 0, h = 0;  // CSS pixels in the canvas
    std::vector<A11yNode> children;
};

// Editing state of the focused text field as the DOM has it (offsets in UTF-16 code units).
struct DomText {
    std::string value;
    int selection_start = 0;
    int selection_end = 0;
    bool backward = false;
};

class A11y {
public:
    // ---- building, once per frame (the widgets call these) ----
    void begin_frame();
    void end_frame();
    A11yNode& add(Role role, std::string key, std::string name);  // appended to the open group
    void push(Role role, std::string key, std::string name);       // opens a group
    void pop();
    // Attaches the rectangle ImGui's hooks reported for item `id` this frame to `node`.
    void attach_item(A11yNode& node, unsigned int id);
    // A rectangle for nodes that are not ImGui items (text, headings, groups).
    static void set_rect(A11yNode& node, float x, float y, float w, float h);

    // ---- the page's input, applied in the next frame ----
    void on_focus(const std::string& key, bool visible);
    void on_blur(const std::string& key);
    void on_activate(const std::string& key);
    void on_text(const std::string& key, DomText text);

    bool take_activation(const std::string& key);
    bool is_focused(const std::string& key) const { return !focused_.empty() && focused_ == key; }
    bool focus_visible() const { return focus_visible_; }
    bool focus_arrived(const std::string& key) const { return !focus_arrived_.empty() && focus_arrived_ == key; }
    // DOM focus left `key` since the last frame (moved elsewhere, or out of the page).
    bool focus_left(const std::string& key) const;
    // The DOM's newer text for `key`, if the person typed since the last frame.
    bool take_dom_text(const std::string& key, DomText* out);

    // ---- what the widgets ask of the page ----
    void request_dom_focus(const std::string& key) { focus_request_ = key; }
    void push_selection(const std::string& key, int start16, int end16, bool backward);
    void announce(std::string text) { announcement_ = std::move(text); }

    // ---- for the platform, after a frame ----
    const A11yNode& root() const { return root_; }
    bool tree_changed() const { return tree_changed_; }
    std::string tree_json() const;
    std::string take_focus_request();
    std::string take_selection_json();  // {"key":…,"start":…,"end":…,"backward":…} or ""
    std::string take_announcement();

    // ---- item rectangles from ImGui's hooks ----
    void hook_item(unsigned int id, float x, float y, float w, float h);

private:
    A11yNode root_;
    std::vector<A11yNode*> stack_;
    std::string previous_json_;
    bool tree_changed_ = false;

    struct Rect { float x, y, w, h; };
    std::map<unsigned int, Rect> item_rects_;  // this frame's items, from the hooks

    std::string focused_;
    bool focus_visible_ = false;
    std::string focus_arrived_;
    std::vector<std::string> focus_left_;
    std::vector<std::string> activations_;
    std::map<std::string, DomText> dom_text_;
    std::string focus_request_;
    std::string selection_json_;
    std::string announcement_;
};

A11y& a11y();

// "i" + hex of the ImGui ID: the key of an item node.
std::string item_key(unsigned int id);

// UTF-8 byte offset <-> UTF-16 code unit offset within `text`.
int utf8_to_utf16_offset(const std::string& text, int byte_offset);
int utf16_to_utf8_offset(const std::string& text, int unit_offset);

}  // namespace sipprep::ui
