#include "step_context.hpp"

#include <string_view>
#include <unordered_set>

#include "base/utf8.hpp"
#include "core/follow_up.hpp"
#include "core/labels.hpp"
#include "imgui.h"

namespace sipprep::ui {

std::string StepContext::field_error(const std::string& path) const {
    for (const Issue& i : issues)
        if (i.severity == Severity::Error && i.path == path) return format_text(tr(lang, "msg." + i.code), i.args);
    return {};
}

std::string StepContext::field_message(const std::string& path, const char* code) const {
    for (const Issue& i : issues)
        if (i.code == code && i.path == path) return format_text(tr(lang, "msg." + i.code), i.args);
    return {};
}

std::string StepContext::new_id(const char* prefix) const { return ui::new_id(prep, prefix); }

std::string add_representative(Preparation& prep, RepresentativeKind kind) {
    Representative r;
    r.id = new_id(prep, "r");
    r.kind = kind;
    prep.representatives.push_back(r);
    const std::string writer = representative_writer_id(r.id);
    prep.contributors.push_back(Contributor{
        writer, "", kind == RepresentativeKind::Guardian ? ContributorRole::Guardian : ContributorRole::Representative,
        ""});
    return writer;
}

std::string new_id(const Preparation& prep, const char* prefix) {
    std::unordered_set<std::string> used;
    for (const Contributor& c : prep.contributors) used.insert(c.id);
    for (const Representative& r : prep.representatives) used.insert(r.id);
    for (const Question& q : prep.questions) used.insert(q.id);
    for (const Invitee& a : prep.invitations.actors) used.insert(a.id);
    for (const Consent& c : prep.consents) used.insert(c.id);
    for (std::size_t n = 1;; ++n) {
        std::string id = std::string(prefix) + "-" + std::to_string(n);
        // Nor an id whose voice is still there: a representative writes under their own writer
        // id, and one removed leaves their words; a new one would take them over.
        if (!used.count(id) && !used.count(representative_writer_id(id))) return id;
    }
}

std::string StepContext::prompt(const char* key) const {
    const std::string k(key);
    if (author != kPersonId && has_text(lang, k + ".other")) {
        std::string name = owner_first_name(prep);
        if (name.empty()) name = tr(lang, child ? "prompt.owner.child" : "prompt.owner");
        return trf(lang, k + ".other", {name});
    }
    if (child && has_text(lang, k + ".child")) return tr(lang, k + ".child");
    if (prep.kind == PreparationKind::Discharge && has_text(lang, k + ".discharge")) return tr(lang, k + ".discharge");
    return tr(lang, k);
}

std::string StepContext::author_name(const std::string& id) const { return author_label(prep, id, lang); }

bool StepContext::remove_button(const std::string& label, const std::string& id, const std::string& ask,
                                std::string& pending) {
    if (pending == id && !ask.empty()) return confirm_remove(id, ask, pending, id + "-remove");
    if (!button(label, id + "-remove", ButtonStyle::Quiet)) return false;
    if (ask.empty()) return true;
    pending = id;
    focus_control(id + "-remove-no");
    return false;
}

bool StepContext::confirm_remove(const std::string& id, const std::string& ask, std::string& pending,
                                 const std::string& back) {
    if (pending != id) return false;
    // The question is each answer's description: focus lands on "Nej, behåll", and a screen
    // reader says the question with it (a paragraph before it would not be read).
    group_label(ask);  // drawn; the tree has it in the answers
    if (button(t("needs.remove.yes"), id + "-remove-yes", ButtonStyle::Danger, ask)) {
        pending.clear();
        return true;
    }
    same_line();
    if (button(t("needs.remove.no"), id + "-remove-no", ButtonStyle::Normal, ask)) {
        pending.clear();
        focus_control(back);
    }
    return false;
}

void StepContext::earlier_voices(const std::string& id, const Voices* then, Voices& now) {
    if (!earlier || !then || then->entries.empty()) return;
    indent();
    muted(t("earlier.situation"));
    for (std::size_t i = 0; i < then->entries.size(); ++i) {
        const Entry& e = then->entries[i];
        if (e.text.empty()) continue;
        paragraph(author_label(*earlier, e.author, lang) + ": " + e.text);
        const std::string* written = find_text(now, e.author);
        if (written && !written->empty()) continue;
        if (keep_button(id + "-keep-" + std::to_string(i), e.text)) mark(keep_earlier_entry(now, e));
    }
    unindent();
}

int StepContext::earlier_items(const std::string& id, const std::vector<const std::string*>& then,
                               const std::vector<const std::string*>& now) {
    std::unordered_set<std::string_view> present;  // one pass each: long lists cost the same per frame
    for (const std::string* s : now) present.insert(*s);
    int taken = -1;
    for (std::size_t i = 0; i < then.size(); ++i) {
        if (then[i]->empty() || present.count(*then[i])) continue;
        muted(t("earlier.situation") + ": " + *then[i]);
        if (keep_button(id + "-keep-" + std::to_string(i), *then[i])) taken = static_cast<int>(i);
    }
    return taken;
}

bool StepContext::keep_button(const std::string& id, const std::string& text) {
    if (!button(trf(lang, "earlier.keep.item", {utf8_excerpt(text, 40)}), id, ButtonStyle::Quiet)) return false;
    announce(t("earlier.kept"));
    return true;
}

// A relative's view never replaces the person's: each contributor edits their own words.
bool StepContext::voices_field(const std::string& label, const std::string& id, Voices& voices, FieldOptions o) {
    o.multiline = true;
    const std::string* mine = find_text(voices, author);
    std::string text = mine ? *mine : std::string();
    std::string field_label = label;
    if (author != kPersonId) field_label += " – " + trf(lang, "voices.written_by", {author_name(author)});
    const bool edited = text_field(field_label, id + "-" + author, &text, o);
    if (edited) set_text(voices, author, std::move(text));
    for (const Entry& e : voices.entries) {
        if (e.author == author || e.text.empty()) continue;
        indent();
        muted(trf(lang, "voices.other", {author_name(e.author)}));
        paragraph(e.text);
        unindent();
    }
    mark(edited);
    return edited;
}

void StepContext::about_link(const char* section) {
    const std::string title = tr(lang, std::string("about.") + section + ".title");
    if (button(trf(lang, "about.link", {title}), std::string("about-link-") + section, ButtonStyle::Quiet))
        requests.about_section = section;
}

void guardians_answer_again(StepContext& c, Consent& k) {
    std::string names;
    auto& answers = k.guardian_approvals;
    for (auto a = answers.begin(); a != answers.end();) {
        if (representative_writer_id(a->representative_id) == c.author) {
            ++a;
            continue;
        }
        const auto g = std::find_if(c.prep.representatives.begin(), c.prep.representatives.end(),
                                    [&](const Representative& r) { return r.id == a->representative_id; });
        const std::string name = g == c.prep.representatives.end() || g->name.empty() ? c.t("reps.unnamed") : g->name;
        names += (names.empty() ? "" : ", ") + name;
        a = answers.erase(a);
    }
    if (!names.empty()) announce(trf(c.lang, "consent.guardian.ask_again", {names}));
}

}  // namespace sipprep::ui
