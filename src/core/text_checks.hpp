// Which strings of a bundle are exact values and which are people's words, and what a hidden
// character (hidden_text.hpp) means in each.
// Exact values — ids and the references to them, personnummer, phone numbers, dates and times,
// checksums, the app's name and version — may not hold one: an error naming the field. People's
// words keep them (nothing typed is lost) with a warning, and the professional sees each one
// written out ("‹U+202E›") and every such text isolated so it cannot reorder the text around it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "issue.hpp"
#include "model.hpp"

namespace sipprep {

// `pointer` (a JSON Pointer into a bundle, "/content/owner/phone") names an exact value.
bool is_exact_value(std::string_view pointer);

// An error for each exact value, a warning for each text of people's words, that holds a hidden
// character; `path` is the pointer of `value` (restored on return).
void check_hidden_characters(const nlohmann::json& value, std::string* path, std::vector<Issue>* out);
// The same over the preparation's content ("/content/…") without writing it out as JSON (what
// the rules run after each keystroke), in the form's order: the field tables'.
void check_hidden_characters(const Preparation& p, std::vector<Issue>* out);

// The preparation as a professional is shown it: each hidden character written out (in exact
// values too, which hold one only in a file that is in error), and each text of people's words
// that needs it isolated (hidden_text.hpp).
Preparation shown_to_professional(const Preparation& p);

}  // namespace sipprep
