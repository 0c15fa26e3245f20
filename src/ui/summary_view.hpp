// Draws a core Summary (core/summary.hpp) as headings, paragraphs and lists: the structure
// itself, the same one the text, Markdown and print renderers use.
#pragma once

#include <string>
#include <vector>

#include "core/summary.hpp"

namespace sipprep::ui {

// `id` keeps the groups' keys apart when two summaries could be on one screen.
void summary_view(const Summary& s, const std::string& id);

// A bulleted list (in the error colour when `errors`), drawn in cached runs: thousands of lines
// cost per frame about what a few do.
void text_list(const std::vector<std::string>& lines, bool errors, const std::string& id);

}  // namespace sipprep::ui
