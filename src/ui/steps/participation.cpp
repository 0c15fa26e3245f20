// How the person takes part: ways, adaptations, when and where, what must not be raised.
#include <algorithm>

#include "core/enum_names.hpp"
#include "core/fields.hpp"
#include "core/labels.hpp"
#include "imgui.h"
#include "ui/steps/enum_widgets.hpp"
#include "ui/steps/step_context.hpp"

namespace sipprep::ui {
namespace {

// An interpreter belongs to the one who needs it: a guardian may need Turkish while the child does not.
void others_need_interpreters(StepContext& c, Adaptations& a) {
    bool others = false;
    for (const Contributor& w : c.prep.contributors) others = others || w.id != kPersonId;
    if (!others) return;
    muted(c.t("adapt.interpreter_others"));
    indent();
    for (const Contributor& w : c.prep.contributors) {
        if (w.id == kPersonId) continue;
        const std::string name = c.author_name(w.id);
        auto it = std::find_if(a.interpreters.begin(), a.interpreters.end(),
                               [&](const InterpreterNeed& n) { return n.who == w.id; });
        bool on = it != a.interpreters.end();
        if (checkbox(trf(c.lang, "adapt.interpreter_for", {name}), "adapt-interpreter-" + w.id, &on)) {
            if (on)
                a.interpreters.push_back(InterpreterNeed{w.id, ""});
            else
                a.interpreters.erase(it);
            if (on) focus_control("adapt-language-" + w.id);
            c.mark(true);
            it = std::find_if(a.interpreters.begin(), a.interpreters.end(),
                              [&](const InterpreterNeed& n) { return n.who == w.id; });
        }
        if (it != a.interpreters.end())
            c.mark(text_field(trf(c.lang, "adapt.interpreter_language_for", {name}), "adapt-language-" + w.id,
                              &it->language));
    }
    unindent();
}

void note_answered_by(Participation& p, const std::string& author) {
    if (std::find(p.answered_by.begin(), p.answered_by.end(), author) == p.answered_by.end())
        p.answered_by.push_back(author);
}

}  // namespace

void draw_participation(StepContext& c) {
    Participation& p = c.prep.participation;
    // Everything here but the topics (which are each writer's own words) is answered once for the
    // plan: who chose it is kept, so that a guardian's choice is not printed as the child's.
    const bool changed_before = c.changed;
    paragraph(c.t("participation.intro"));
    if (std::string by = answered_by_words(c.prep, c.lang); !by.empty()) muted(by);
    if (c.child) c.about_link("child");
    heading(c.t("participation.modes"), 3);
    begin_group(Role::Group, "modes", c.t("participation.modes"));
    c.mark(enum_set(c.lang, "mode", p.modes));
    end_group();

    heading(c.t("participation.adaptations"), 3);
    begin_group(Role::Group, "adaptations", c.t("participation.adaptations"));
    Adaptations& a = p.adaptations;
    c.mark(checkbox(c.t("adapt.interpreter"), "adapt-interpreter", &a.interpreter));
    if (a.interpreter) {
        FieldOptions o;
        o.error = c.field_error(
            content_path(&Preparation::participation, &Participation::adaptations, &Adaptations::interpreter_language));
        c.mark(text_field(c.t("adapt.interpreter_language"), "adapt-language", &a.interpreter_language, o));
    }
    others_need_interpreters(c, a);
    c.mark(checkbox(c.t("adapt.sign_language"), "adapt-sign", &a.sign_language));
    c.mark(checkbox(c.t("adapt.speech_to_text"), "adapt-speech-to-text", &a.speech_to_text));
    c.mark(checkbox(c.t("adapt.hearing_loop"), "adapt-hearing-loop", &a.hearing_loop));
    c.mark(checkbox(c.t("adapt.speak_slowly"), "adapt-speak-slowly", &a.speak_slowly));
    c.mark(checkbox(c.t("adapt.accessible_documents"), "adapt-documents", &a.accessible_documents));
    c.mark(checkbox(c.t("adapt.guide"), "adapt-guide", &a.guide));
    c.mark(checkbox(c.t("adapt.aac"), "adapt-aac", &a.aac));
    if (a.aac) c.mark(text_field(c.t("adapt.aac_note"), "adapt-aac-note", &a.aac_note));
    c.mark(checkbox(c.t("adapt.easy_language"), "adapt-easy", &a.easy_language));
    c.mark(checkbox(c.t("adapt.physical_access"), "adapt-access", &a.physical_access));
    c.mark(checkbox(c.t("adapt.breaks"), "adapt-breaks", &a.breaks));
    FieldOptions other;
    other.multiline = true;
    other.min_lines = 2;
    c.mark(text_field(c.t("adapt.other"), "adapt-other", &a.other, other));
    end_group();

    heading(c.t("participation.when"), 3);
    FieldOptions date;
    date.help = c.t("date.help");
    date.placeholder = "2026-12-24";
    date.error = c.field_error(content_path(&Preparation::participation, &Participation::wished_date));
    c.mark(text_field(c.t("participation.wished_date"), "wished-date", &p.wished_date, date));
    c.mark(text_field(c.t("participation.wished_time"), "wished-time", &p.wished_time));
    c.mark(text_field(c.t("participation.wished_place"), "wished-place", &p.wished_place));
    if (c.changed && !changed_before) note_answered_by(p, c.author);

    heading(c.t("participation.avoid"), 3);
    FieldOptions avoid;
    avoid.help = c.t("participation.avoid.help");
    c.voices_field(c.t("participation.avoid.field"), "avoid", p.topics_to_avoid, avoid);

    int pre = static_cast<int>(p.pre_meeting_allowed);
    if (radio_group(
            c.t("participation.pre_meeting"), "pre-meeting",
            {enum_label(c.lang, YesNo::Unanswered), enum_label(c.lang, YesNo::Yes), enum_label(c.lang, YesNo::No)},
            &pre, c.t("participation.pre_meeting.help"))) {
        p.pre_meeting_allowed = static_cast<YesNo>(pre);
        note_answered_by(p, c.author);
        c.mark(true);
    }
}

}  // namespace sipprep::ui
