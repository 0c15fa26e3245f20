// The app's widgets: Dear ImGui drawing plus an accessibility node for each (a11y.hpp), focus
// and activation from the page's a11y layer, a visible focus ring, and text fields whose editing is
// done by the browser (IME, spelling, clipboard, undo) and shown by ImGui.
// Every screen uses these instead of raw ImGui calls.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "ui/a11y.hpp"
#include "ui/fonts.hpp"

namespace sipprep::ui {

void set_widget_fonts(const Fonts& fonts);
// The right edge of the content column (window-local x); widgets and text stay left of it.
void set_column_right(float x);
float column_avail();  // width from the cursor to the column's right edge

// Instead of ImGui::SameLine: the next control or text goes beside the last one, after it in
// reading order (at its right left to right, at its left right to left), or on a line of its
// own where it does not fit. Every widget here starts at the inline start: right to left, a
// row fills from the right. The a11y tree and Tab keep the order the items are drawn in.
void same_line(float spacing = -1.0f);
// Instead of ImGui::Indent/Unindent: indents by the inline start (the right edge right to left).
void indent();
void unindent();

// ---- text ----
// `spoken`, if given, is the a11y tree's words for the heading ("Steg 2 av 9: Vad är viktigt för dig?").
void heading(const std::string& text, int level, const std::string& spoken = {});
void paragraph(const std::string& text);
void muted(const std::string& text);  // help texts, secondary lines
void error_text(const std::string& text);
// Drawn, not in the a11y tree: a hint only for those who see the screen and use a pointer ("Du kan
// också dra en fil hit"), or words the a11y tree already has elsewhere.
void drawn_text(const std::string& text, bool is_error = false);
// Drawn, not in the a11y tree: a group's visible name, in the text colour (the tree names the group).
void group_label(const std::string& text);

// ---- controls; `id` makes the control unique and stable; labels may change with the language ----
enum class ButtonStyle { Normal, Primary, Danger, Quiet };
// `current`: the page's current item among its siblings (aria-current), e.g. the step shown.
// `spoken`, if given, is the a11y tree's name where the label has symbols ("1. Om dig ✓" is read
// "1. Om dig, klart").
bool button(const std::string& label, const std::string& id, ButtonStyle style = ButtonStyle::Normal,
            const std::string& description = {}, bool current = false, const std::string& spoken = {});
// A button that shows or hides a part of the screen: `open` says which (aria-expanded), so its
// `spoken` name needs no arrow.
bool disclosure_button(const std::string& label, const std::string& id, bool open, const std::string& description = {},
                       const std::string& spoken = {});
bool checkbox(const std::string& label, const std::string& id, bool* value, const std::string& description = {});

// One choice of several; returns true when *selected changed. Horizontal when it fits.
// `spoken`, if given, is each option's name in the a11y tree where the drawn label differs (a label
// drawn pre-shaped, see App::language_choice).
bool radio_group(const std::string& label, const std::string& id, const std::vector<std::string>& options,
                 int* selected, const std::string& description = {}, const std::vector<std::string>& spoken = {});

struct FieldOptions {
    bool multiline = false;
    int min_lines = 3;        // multi-line: grows with the text from here
    std::string help;         // shown under the label, read as the field's description
    std::string error;        // shown under the field in red, aria-invalid (once the person has left the field)
    std::string note;         // a question about the value ("+ means over 100"), under the field, read with it
    std::string placeholder;  // example text or format shown while empty (not a label; the field's placeholder)
    bool label_visible = true;
    // Names, personnummer, addresses, phone numbers: the browser must not send them to a cloud
    // spell-checker (Chrome's enhanced spell check, Edge's editor do). Long free texts keep the
    // browser's spelling, which helps people who write with difficulty.
    bool personal = false;
    // A passphrase: drawn as one dot per character, a password field in the DOM (no spell-check,
    // nothing shown to someone looking over the shoulder).
    bool secret = false;
    float width = -1.0f;  // -1: the whole row
};
bool text_field(const std::string& label, const std::string& id, std::string* value, const FieldOptions& options = {});

// Moves DOM focus (keyboard, screen reader) to the control drawn last, e.g. after the control
// that had focus has gone.
void focus_last_control();
// After an action that changes the screen: DOM focus goes to the control with this `id` (as given
// to button, text_field …; a radio option is "<id>-<index>") when it is next drawn, and it is
// scrolled into view. A new screen or step: its level-2 heading takes focus and is read out.
void focus_control(const std::string& id);
void focus_next_heading();
// Moves focus to the heading with this text when it is drawn (this frame or the next few), at
// any level: "Om SIP" opened at one of its sections.
void focus_heading(const std::string& text);
// Scrolls the next text drawn that contains `text` (a message that just appeared) into view,
// without moving focus.
void reveal_text(const std::string& text);
// True when a text field changed this frame (typing), as opposed to a button, box or choice.
bool typed_this_frame();
// Errors held back in the field being typed in: a field's error is shown, and read
// out, when the person leaves it, not at the first key. The step list leaves them out too.
int held_errors();
// Once per frame, before drawing: a focus asked for that nothing took in a few frames is dropped.
void begin_widget_frame();

// ---- structure ----
void begin_group(Role role, const std::string& id, const std::string& name);
void end_group();

// A group that ends with its scope, on every path out of it (break, return, continue).
class Group {
public:
    Group(Role role, const std::string& id, const std::string& name) { begin_group(role, id, name); }
    ~Group() { end_group(); }
    Group(const Group&) = delete;
    Group& operator=(const Group&) = delete;
};

// A part of the screen drawn only while it can be seen, or while the page has focus or input
// for one of its controls. Out of view, the accessibility nodes it made when last drawn are
// used again and its height is skipped: a long list costs about the same per frame at any
// length. `signature` must change whenever anything the region shows changes.
class CachedRegion {
public:
    CachedRegion(const std::string& id, std::size_t signature);
    ~CachedRegion();
    bool draw() const { return draw_; }
    CachedRegion(const CachedRegion&) = delete;
    CachedRegion& operator=(const CachedRegion&) = delete;

private:
    std::string id_;
    std::size_t signature_;
    std::size_t index_ = 0;  // where the region's last drawing is kept
    bool draw_ = true;
    float start_y_ = 0;
    std::size_t first_child_ = 0;
};

// How many items of a long list are kept together in one CachedRegion (a Role::Run in the
// accessibility tree): out of view, a run costs one node, so 10 000 items cost about what 400 do.
constexpr std::size_t kRunLength = 25;

// Texts drawn between these are keyed within `id` (CachedRegion's, so that a skipped region's
// text nodes keep their keys), and the texts after pop_text_scope after the region, whether it
// was drawn or skipped.
void push_text_scope(const std::string& id);
void pop_text_scope(const std::string& id);

// Combines hashes for CachedRegion signatures.
inline std::size_t hash_combine(std::size_t seed, std::size_t value) {
    return seed ^ (value + 0x9e3779b97f4a7c15ull + (seed << 6) + (seed >> 2));
}

// Items [0, count) of a long list in runs of kRunLength, each run a CachedRegion and a Role::Run
// group (id `id_prefix` + its first item's index): out of view a run is one node of the
// accessibility tree and one region per frame. `signature(i)` is everything item i shows (it
// must change whenever that does); `draw(i, signature)` draws item i, in a CachedRegion of its own.
template <class Signature, class Draw>
void draw_in_runs(std::size_t count, const std::string& id_prefix, Signature&& signature, Draw&& draw) {
    std::size_t signatures[kRunLength];
    for (std::size_t begin = 0; begin < count; begin += kRunLength) {
        const std::size_t end = std::min(count, begin + kRunLength);
        std::size_t run_signature = end - begin;
        for (std::size_t i = begin; i < end; ++i)
            run_signature = hash_combine(run_signature, signatures[i - begin] = signature(i));
        const std::string run_id = id_prefix + std::to_string(begin);
        CachedRegion region(run_id, run_signature);
        if (!region.draw()) continue;
        Group run(Role::Run, run_id, "");
        for (std::size_t i = begin; i < end; ++i) draw(i, signatures[i - begin]);
    }
}

// A polite live message ("Sparat", "Filen är sparad"), shown in the status line and read out.
void announce(const std::string& text);

}  // namespace sipprep::ui
