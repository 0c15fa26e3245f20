// The accessibility tree: what each frame shows, as roles, names, values, descriptions and
// errors, so that the host can keep the page's a11y layer (a DOM copy of the canvas) for screen
// readers, keyboard users, the browser's translate and read-aloud, and tests.
//
// Items come from Dear ImGui's test-engine hooks (every item's ID and rectangle); the widgets
// in widgets.hpp add what a hook cannot know (role, name, value, help and error text). Text
// and headings, which are not ImGui items, are added by the widgets directly.
//
// The a11y layer is also the input surface: DOM focus, activation (Enter, Space, click by a screen
// reader) and text editing (the browser's own editor, IME and clipboard) come back through
// the on_*() calls and are applied by the widgets in the next frame.
//
// After each frame only what changed crosses to the page: take_patch() compares the tree with
// the previous frame's, node by node (format: docs/a11y-protocol.md).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ui/host.hpp"

namespace sipprep::ui {

// Editing state of a text field as the a11y layer has it (offsets in UTF-16 code units).
struct DomText {
    std::string value;
    int selection_start = 0;
    int selection_end = 0;
    bool backward = false;
};

// What the page's a11y layer (web/a11y.js) needs after a frame. Each part is empty when unchanged;
// the message format is written down in docs/a11y-protocol.md.
struct A11yUpdate {
    std::string patch;         // changed nodes of the accessibility tree (JSON), or ""
    std::string focus_key;     // move DOM focus to this node
    std::string selection;     // caret/selection for the focused text field (JSON), or ""
    std::string announcement;  // polite live-region text
    std::string lang;          // the UI language's BCP 47 tag ("sv", "en", "ar" …) when it changed
    bool rtl = false;          // with `lang`: the language is written right to left
    bool empty() const {
        return patch.empty() && focus_key.empty() && selection.empty() && announcement.empty() && lang.empty();
    }
};

enum class Role {
    Group,  // a labelled region (a step, a section)
    Heading,
    Text,
    TextBox,   // single line
    TextArea,  // multi-line
    Button,
    Checkbox,
    RadioGroup,
    Radio,
    List,
    ListItem,
    Status,      // aria-live polite: "Sparat", results of actions
    Alert,       // aria-live assertive: errors that block
    Navigation,  // the step list
    Run,         // a run of a long list, kept together so that out of view it is reused as one
                 // node; no meaning for assistive technology (a plain div)
};

const char* role_name(Role r);
bool is_container(Role r);

struct A11yNode;
// What "Läs upp" reads of a part of the screen: its headings and texts, each field's question
// and what has been written in it, the chosen option of each choice; not the buttons. One
// sentence per line.
std::string spoken_text(const A11yNode& n);

struct A11yNode {
    std::string key;  // stable across frames: "i" + ImGui ID, or derived from text for text nodes
    Role role = Role::Text;
    std::string name;
    std::string value;
    std::string description;
    std::string error;
    std::string note;           // a question about a field's value, read with it (not an error)
    std::string placeholder;    // a field's example or format ("ÅÅÅÅMMDDNNNN")
    int level = 0;              // heading level
    bool checked = false;       // checkbox, radio
    bool current = false;       // the current step in a navigation list (aria-current)
    signed char expanded = -1;  // a button that shows or hides a part: 1 shown, 0 hidden (aria-expanded)
    bool disabled = false;
    bool personal = false;  // a text field holding personal data: no spell-check
    bool secret = false;    // a passphrase: a password field
    bool has_rect = false;
    // CSS pixels in the window's content: y as if it were not scrolled (the root's y says how far
    // it is), so that a node out of view (a cached region's) stays where it is while the page scrolls.
    float x = 0, y = 0, w = 0, h = 0;
    std::vector<A11yNode> children;
    // A cached region out of view (widgets.hpp, CachedRegion): its children as they were when
    // last drawn, shared rather than copied. Read children through kids().
    const std::vector<A11yNode>* reused = nullptr;
    // Which drawing of the region that was (a new number each time a region is drawn again).
    std::uint64_t reused_drawing = 0;
    const std::vector<A11yNode>& kids() const { return reused ? *reused : children; }
};

class A11y {
public:
    // ---- building, once per frame (the widgets call these) ----
    void begin_frame();
    void end_frame();
    A11yNode& add(Role role, std::string key, std::string name);  // appended to the open group
    void push(Role role, std::string key, std::string name);      // opens a group
    void pop();
    // The open group's children so far (a cached region records what it added).
    const std::vector<A11yNode>& open_children() const { return stack_.back()->children; }
    // The node added last, to give it what its widget's call has no place for.
    A11yNode& last_added() { return stack_.back()->children.back(); }
    // True when the page has focus, an activation or new text waiting for `key`: its widget
    // must be drawn this frame.
    bool wants(const std::string& key) const;
    // The hashes (std::hash<std::string_view>) of every key wants() is true for (a handful: focus,
    // text and clicks from the page), worked out again only after the page's input changed: a
    // cached region asks for them once per frame.
    const std::vector<std::size_t>& wanted_hashes() const;
    // Appends `n` to the open group with its children shared, not copied (what a cached
    // region shows while it is out of view), from the region's drawing number `drawing`. `n`
    // must outlive the frame.
    void append_reused(const A11yNode& n, std::uint64_t drawing);
    // Attaches the rectangle ImGui's hooks reported for item `id` this frame to `node`.
    void attach_item(A11yNode& node, unsigned int id);
    // A rectangle for nodes that are not ImGui items (text, headings, groups), on the screen.
    static void set_rect(A11yNode& node, float x, float y, float w, float h);
    // How far the window is scrolled this frame (CSS pixels): the page moves the whole layer by it
    // (the root node's y).
    void set_scroll(float y) { scroll_y_ = y; }

    // ---- the page's input, applied in the next frame ----
    void on_focus(const std::string& key, bool visible);
    void on_blur(const std::string& key);
    void on_activate(const std::string& key);
    void on_text(const std::string& key, DomText text);

    bool take_activation(const std::string& key);
    bool is_focused(const std::string& key) const { return !focused_.empty() && focused_ == key; }
    const std::string& focused() const { return focused_; }  // the DOM's focused node's key, or ""
    bool focus_visible() const { return focus_visible_; }
    bool focus_arrived(const std::string& key) const { return !focus_arrived_.empty() && focus_arrived_ == key; }
    // The DOM's newer text for `key`, if the person typed since the last frame.
    bool take_dom_text(const std::string& key, DomText* out);

    // ---- what the widgets ask of the page ----
    void request_dom_focus(const std::string& key) {
        focus_request_ = key;
        if (key != focused_) moving_to_ = key;
    }
    // Focus was sent elsewhere and the page has not said it arrived: the focused item is leaving.
    bool focus_moving() const { return !moving_to_.empty(); }
    void push_selection(const std::string& key, int start16, int end16, bool backward);
    void announce(std::string text) { announcement_ = std::move(text); }

    // ---- for the app, after a frame ----
    const A11yNode& root() const { return root_; }
    bool tree_changed() const { return !patch_.empty(); }
    std::string tree_json() const;  // the whole tree (tests, debugging)
    std::string take_patch();       // this frame's changes for the a11y layer, or ""
    std::string take_focus_request();
    std::string take_selection_json();  // {"key":…,"start":…,"end":…,"backward":…} or ""
    std::string take_announcement();

    // ---- item rectangles from ImGui's hooks ----
    void hook_item(unsigned int id, float x, float y, float w, float h);

private:
    void diff(const A11yNode& n, std::string& out, bool same_place);
    void forget(const std::string& key);  // a node and everything under it left the tree

    A11yNode root_;
    std::vector<A11yNode*> stack_;

    // The previous frame, flattened: each node's own properties and its children's keys.
    struct Flat {
        A11yNode props;  // children left empty
        std::vector<std::string> children;
    };
    std::unordered_map<std::string, Flat> previous_;
    // The drawings of cached regions this frame (in the order met) and the frame before (sorted,
    // for a binary search): a sorted list asks less of a slow hash than a set, per list item.
    std::vector<std::uint64_t> reused_now_, reused_before_;
    std::string patch_;
    float scroll_y_ = 0.0f;

    struct Rect {
        float x, y, w, h;
    };
    std::unordered_map<unsigned int, Rect> item_rects_;  // this frame's items, from the hooks

    std::string focused_;
    bool focus_visible_ = false;
    std::string focus_arrived_;
    std::vector<std::string> activations_;
    std::map<std::string, DomText> dom_text_;
    mutable std::vector<std::size_t> wanted_hashes_;
    mutable bool wanted_stale_ = true;
    std::string focus_request_;
    std::string moving_to_;  // asked for, not yet arrived (on_focus)
    std::string selection_json_;
    std::string announcement_;
};

// The tree the widgets add to: the app's (or a test's), made current for the frame, the way
// Dear ImGui has a current context.
A11y& a11y();
void set_current_a11y(A11y* a);

// A node and everything under it, as the a11y protocol's records with their children nested
// (docs/a11y-protocol.md): what the page's a11y layer holds once every patch is applied.
std::string a11y_tree_json(const A11yNode& n);

// "i" + hex of the ImGui ID: the key of an item node.
std::string item_key(unsigned int id);

}  // namespace sipprep::ui
