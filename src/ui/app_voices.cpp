// Who writes now, and answers in several voices: each contributor edits their own words and
// sees the others' words, attributed, beside them. A relative's view never replaces the person's.
#include <algorithm>

#include "app.hpp"
#include "core/labels.hpp"
#include "imgui.h"

namespace sipprep::ui {

std::string App::author_name(const std::string& id) const { return author_label(prep_, id, lang_); }

void App::contributor_selector() {
    std::vector<std::string> names;
    int selected = 0;
    for (std::size_t i = 0; i < prep_.contributors.size(); ++i) {
        const Contributor& c = prep_.contributors[i];
        names.push_back(c.id == kPersonId ? (child() ? t("who.child") : t("who.me")) : author_name(c.id));
        if (c.id == author_) selected = static_cast<int>(i);
    }
    if (radio_group(t("who.title"), "who-writes", names, &selected, t("who.help"))) {
        author_ = prep_.contributors[static_cast<std::size_t>(selected)].id;
        changed_ = true;
    }
}

bool App::voices_field(const std::string& label, const std::string& id, Voices& voices, FieldOptions o) {
    o.multiline = true;
    const std::string* mine = find_text(voices, author_);
    std::string text = mine ? *mine : std::string();
    std::string field_label = label;
    if (author_ != kPersonId) field_label += " – " + trf(lang_, "voices.written_by", {author_name(author_)});
    const bool changed = text_field(field_label, id + "-" + author_, &text, o);
    if (changed) set_text(voices, author_, std::move(text));
    for (const Entry& e : voices.entries) {
        if (e.author == author_ || e.text.empty()) continue;
        ImGui::Indent();
        muted(trf(lang_, "voices.other", {author_name(e.author)}));
        paragraph(e.text);
        ImGui::Unindent();
    }
    mark(changed);
    return changed;
}

}  // namespace sipprep::ui
