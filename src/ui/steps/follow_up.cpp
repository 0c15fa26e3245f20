// Follow-up only: how it went since the last plan, and whether what was agreed was done.
#include <functional>
#include <string>
#include <vector>

#include "core/changes.hpp"
#include "core/enum_names.hpp"
#include "core/labels.hpp"
#include "imgui.h"
#include "ui/steps/step_context.hpp"
#include "ui/summary_view.hpp"

namespace sipprep::ui {
namespace {

// Everything outcome `i` shows: out of view and unchanged, it is not drawn again.
std::size_t outcome_signature(const StepContext& c, std::size_t i) {
    const EffortOutcome& o = c.prep.follow_up.agreed_efforts[i];
    const std::hash<std::string> h;
    std::size_t words = h(o.note);
    for (const std::string* text :
         {&o.effort.what, &o.effort.who, &o.effort.starts, &o.effort.how_often, &o.effort.where, &o.effort.by_when})
        words = hash_combine(words, h(*text));
    words = hash_combine(words, static_cast<std::size_t>(o.done));
    return list_item_signature(words, c, i, c.prep.follow_up.agreed_efforts.size(), false);
}

void draw_outcome(StepContext& c, std::size_t i, std::size_t signature, const std::vector<std::string>& options) {
    EffortOutcome& o = c.prep.follow_up.agreed_efforts[i];
    const std::string id = "fu-effort-" + std::to_string(i);
    CachedRegion region(id + "-region", signature);
    if (!region.draw()) return;
    const std::string line = effort_text(o.effort, c.lang);
    Group group(Role::Group, id, line);
    paragraph(line);
    int done = static_cast<int>(o.done);
    if (radio_group(c.t("followup.efforts.title"), id + "-done", options, &done)) {
        o.done = static_cast<EffortDone>(done);
        c.mark(true);
    }
    // Something agreed that was not done is a deviation (seed 000 "Avvikelser").
    if (o.done == EffortDone::No) paragraph(c.t("followup.deviation"));
    FieldOptions note;
    note.multiline = true;
    note.min_lines = 2;
    c.mark(text_field(c.t("followup.efforts.note"), id + "-note", &o.note, note));
}

// "Blev det gjort?" for each effort agreed last time (copied into this plan when it was started
// from, or given, the earlier file), in runs of cached regions (widgets.hpp).
void agreed_efforts(StepContext& c) {
    std::vector<EffortOutcome>& outcomes = c.prep.follow_up.agreed_efforts;
    if (outcomes.empty()) return;
    heading(c.t("followup.efforts.title"), 3);
    muted(c.t("followup.efforts.intro"));
    std::vector<std::string> options;
    for (std::size_t k = 0; k < enum_count<EffortDone>(); ++k)
        options.push_back(enum_label(c.lang, static_cast<EffortDone>(k)));
    draw_in_runs(
        outcomes.size(), "fu-effortr-", [&](std::size_t i) { return outcome_signature(c, i); },
        [&](std::size_t i, std::size_t signature) { draw_outcome(c, i, signature, options); });
    ImGui::Spacing();
}

// How the person found the last meeting, beside this one.
void earlier_evaluation(StepContext& c) {
    if (!c.earlier) return;
    const Evaluation& ev = c.earlier->evaluation;
    if (!ev.listened_to && !ev.understood && !ev.started_from_me && ev.comment.empty()) return;
    Group group(Role::Group, "fu-earlier-eval", c.t("followup.earlier_eval"));
    heading(c.t("followup.earlier_eval"), 3);
    if (ev.listened_to) muted(trf(c.lang, "summary.eval.listened_to", {std::to_string(ev.listened_to)}));
    if (ev.understood) muted(trf(c.lang, "summary.eval.understood", {std::to_string(ev.understood)}));
    if (ev.started_from_me) muted(trf(c.lang, "summary.eval.started_from_me", {std::to_string(ev.started_from_me)}));
    if (!ev.comment.empty()) muted(ev.comment);
    ImGui::Spacing();
}

// "Vad har ändrats?": the earlier plan against this one, in words; built when opened and again
// only after a change.
void changes(StepContext& c) {
    if (!c.earlier) return;
    StepStates::FollowUp& s = c.state.follow_up;
    if (button(s.show_changes ? c.t("followup.changes.hide") : c.t("followup.changes"), "fu-changes"))
        s.show_changes = !s.show_changes;
    if (!s.show_changes) return;
    if (!s.changes || s.changes_revision != c.revision || s.changes_lang != c.lang) {
        s.changes = compare_preparations(*c.earlier, c.prep, c.lang, c.today);
        s.changes_revision = c.revision;
        s.changes_lang = c.lang;
    }
    Group group(Role::Group, "fu-changes-view", c.t("changes.title"));
    summary_view(*s.changes, "fu-changes-view");
    ImGui::Spacing();
}

}  // namespace

void draw_follow_up(StepContext& c) {
    paragraph(c.t("followup.intro"));
    changes(c);
    agreed_efforts(c);
    earlier_evaluation(c);
    FieldOptions o;
    c.voices_field(c.t("followup.how_it_went"), "fu-how", c.prep.follow_up.how_it_went, o);
    c.voices_field(c.t("followup.what_changed"), "fu-changed", c.prep.follow_up.what_changed, o);
    c.voices_field(c.t("followup.efforts_done"), "fu-done", c.prep.follow_up.efforts_done, o);
    c.voices_field(c.t("followup.efforts_helped"), "fu-helped", c.prep.follow_up.efforts_helped, o);
    c.voices_field(c.t("followup.other_needed"), "fu-other", c.prep.follow_up.other_needed, o);
}

}  // namespace sipprep::ui
