// A relative's own step when they write to someone else's SIP from elsewhere: who they are,
// whose SIP, their view in their own words, their questions and the practical things. The
// summary step then saves it as a file for the person.
#include <algorithm>

#include "core/fields.hpp"
#include "core/labels.hpp"
#include "imgui.h"
#include "ui/steps/step_context.hpp"

namespace sipprep::ui {

void draw_contribution(StepContext& c) {
    paragraph(c.t("contribution.intro"));
    auto me = std::find_if(c.prep.contributors.begin(), c.prep.contributors.end(),
                           [&](const Contributor& k) { return k.id == c.author && k.id != kPersonId; });
    if (me == c.prep.contributors.end()) return;  // the writer is always there (start_contribution)
    const std::size_t index = static_cast<std::size_t>(me - c.prep.contributors.begin());
    // What is missing is said once saving the file was tried: on arrival, an empty form in red
    // (and "ogiltig" read out for both fields) said the person had done something wrong.
    const bool say_missing = c.state.summary.save_tried;
    FieldOptions name;
    name.personal = true;
    if (say_missing)
        name.error = c.field_message(content_path(&Preparation::contributors, index, &Contributor::name),
                                     "contribution.no_name");
    c.mark(text_field(c.t("contribution.your_name"), "contrib-name", &me->name, name));
    c.mark(text_field(c.t("writers.new_relation"), "contrib-relation", &me->relation));
    FieldOptions whose;
    whose.personal = true;
    whose.help = c.t("contribution.whose.help");
    if (say_missing)
        whose.error = c.field_message(content_path(&Preparation::owner, &PlanOwner::name), "contribution.no_person");
    c.mark(text_field(c.t("contribution.whose"), "contrib-whose", &c.prep.owner.name, whose));

    heading(c.t("contribution.views"), 3);
    c.voices_field(c.prompt("reason.question"), "reason", c.prep.reason);
    c.voices_field(c.prompt("goal.question"), "goal", c.prep.goals.long_term);
    c.voices_field(c.prompt("now.situation"), "now", c.prep.situation.now);
    c.voices_field(c.prompt("now.can_help"), "can-help", c.prep.can_help);

    heading(c.t("step.questions"), 3);
    draw_questions(c);

    heading(c.t("contribution.practical"), 3);
    int attends = static_cast<int>(me->attends);
    if (radio_group(
            c.t("contribution.attends"), "contrib-attends",
            {c.t("contribution.attends.unknown"), enum_label(c.lang, YesNo::Yes), enum_label(c.lang, YesNo::No)},
            &attends)) {
        me->attends = static_cast<YesNo>(attends);
        c.mark(true);
    }
    auto& needs = c.prep.participation.adaptations.interpreters;
    auto mine = std::find_if(needs.begin(), needs.end(), [&](const InterpreterNeed& n) { return n.who == c.author; });
    bool interpreter = mine != needs.end();
    if (checkbox(c.t("contribution.interpreter"), "contrib-interpreter", &interpreter)) {
        if (interpreter)
            needs.push_back(InterpreterNeed{c.author, ""});
        else
            needs.erase(mine);
        c.mark(true);
        mine = std::find_if(needs.begin(), needs.end(), [&](const InterpreterNeed& n) { return n.who == c.author; });
    }
    if (mine != needs.end()) c.mark(text_field(c.t("contribution.language"), "contrib-language", &mine->language));
    ImGui::Spacing();
    muted(c.t("contribution.next"));
}

}  // namespace sipprep::ui
