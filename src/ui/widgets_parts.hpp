// The parts the widgets (widgets.hpp) are made of, each in a file of its own with the state it
// keeps: text keys (widgets_keys.cpp), focus asked for before its control exists
// (widgets_focus.cpp), rows placed from the inline start (widgets_rows.cpp), text laid out in
// lines with a caret (widgets_text_layout.cpp). Only the widgets' own files include this.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"
#include "ui/a11y.hpp"
#include "ui/bidi.hpp"

namespace sipprep::ui::detail {

// ---- what every control does (widgets.cpp) ----
ImU32 u32(const ImVec4& c);
extern std::string g_last_control;  // the key of the control drawn last (focus_last_control)
// The control's node in the tree; the texts drawn after it are keyed after it.
A11yNode& item_node(Role role, const std::string& key, const std::string& name, ImGuiID id);
void focus_ring_if_focused(const std::string& key);
void scroll_to_if_focus_arrived(const std::string& key);  // DOM focus just arrived (Tab, screen reader)
// Text wrapped at the column's edge (or beside the last item, where it fits there).
void wrapped_text(const std::string& text);

// ---- text fields (widgets_text_field.cpp) ----
void begin_field_frame();

// ---- text keys (widgets_keys.cpp) ----
// Text and headings have no ImGui ID; their keys come from where they are drawn.
std::string text_key(const char* prefix);
void anchor_texts_after(const std::string& key);  // the texts that follow are keyed after `key`
void begin_key_frame();

// ---- focus asked for before the control or heading exists (widgets_focus.cpp) ----
void take_pending_focus(const std::string& id, const std::string& key);
// A text or heading just drawn with `key`: focus or scroll to it when it was asked for.
void text_drawn(Role role, const std::string& text, int level, const std::string& key);
void begin_focus_frame();
// Focus is about to move (a new screen's heading, a control asked for): where the focused item
// went with the old layout is not to be followed.
bool focus_moving();

// ---- rows (widgets_rows.cpp) ----
bool row_beside();
// The width the next item may take: beside the last item when `width` fits there, else a line
// of its own. Then row_place(its width) puts the cursor where it starts.
float row_avail(float width);
void row_place(float width);
float box_width();  // a check box's or radio button's box and the space before its label
void begin_row_frame();

// ---- text in lines (widgets_text_layout.cpp) ----
struct Line {
    int begin, end;  // byte offsets; end excludes the '\n'
};
struct Layout {
    std::vector<Line> lines;
    std::size_t text_hash = 0;
    std::size_t text_size = 0;
    float width = -1;
    float font_size = 0;
};
// Wrapped at word boundaries to `width`, cached per field `key` while text and width stay.
const Layout& layout_text(const std::string& key, const std::string& text, float width);
float text_width(const char* b, const char* e);
// A passphrase field draws "•" for each character; offsets move between the value and the dots.
std::string dots_for(const std::string& value);
int dots_offset(const std::string& value, int offset);
int value_offset(const std::string& value, int dots);
int offset_at_x(const std::string& text, const Line& line, float x);  // the byte offset nearest x
bool needs_bidi(const std::string& text);
float char_advance(char32_t c);
const BidiBlock& bidi_block(const std::string& text, BaseDirection base, float width);
// A control's label broken into lines no wider than `width`, each in visual order.
std::string display_label(const std::string& label, float label_width, float width);

}  // namespace sipprep::ui::detail
