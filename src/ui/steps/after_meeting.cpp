// After the meeting: the person's own copy of what was agreed (efforts, who has the overall
// responsibility, the follow-up, whom to call), and how it was to take part.
#include <string>
#include <vector>

#include "core/fields.hpp"
#include "core/labels.hpp"
#include "core/validation.hpp"
#include "imgui.h"
#include "ui/steps/step_context.hpp"

namespace sipprep::ui {
namespace {

using P = Preparation;

std::string effort_id(std::size_t i) { return "effort-" + std::to_string(i); }

FieldOptions date_options(const StepContext& c, const std::string& path) {
    FieldOptions o;
    o.help = c.t("date.help");
    o.placeholder = "2027-03-01";
    o.error = c.field_error(path);
    return o;
}

void efforts(StepContext& c) {
    Agreement& a = c.prep.agreed;
    heading(c.t("agreed.efforts"), 3);
    for (std::size_t i = 0; i < a.efforts.size(); ++i) {
        Effort& e = a.efforts[i];
        const std::string id = effort_id(i);
        const std::string title = trf(c.lang, "agreed.effort_n", {std::to_string(i + 1)});
        Group group(Role::Group, id, title);
        heading(title, 4);
        FieldOptions what;
        what.multiline = true;
        what.min_lines = 2;
        what.error = c.field_message(content_path(&P::agreed, &Agreement::efforts, i, &Effort::what), "effort.no_what");
        c.mark(text_field(c.t("agreed.what"), id + "-what", &e.what, what));
        FieldOptions who;
        who.placeholder = c.t("agreed.who.example");
        c.mark(text_field(c.t("agreed.who"), id + "-who", &e.who, who));
        c.mark(text_field(c.t("agreed.by_when"), id + "-by", &e.by_when,
                          date_options(c, content_path(&P::agreed, &Agreement::efforts, i, &Effort::by_when))));
        const bool has_text = !(e == Effort{});
        if (c.remove_button(trf(c.lang, "agreed.remove", {std::to_string(i + 1)}), id,
                            has_text ? c.t("agreed.remove.confirm") : "", c.state.after_meeting.remove_pending)) {
            a.efforts.erase(a.efforts.begin() + static_cast<long>(i));
            announce(c.t("agreed.removed"));
            const std::size_t left = a.efforts.size();
            focus_control(i < left ? effort_id(i) + "-remove"
                          : i > 0  ? effort_id(i - 1) + "-remove"
                                   : std::string("effort-add"));
            c.mark(true);
            break;
        }
    }
    if (button(c.t("agreed.add"), "effort-add")) {
        a.efforts.push_back(Effort{});
        focus_control(effort_id(a.efforts.size() - 1) + "-what");
        c.mark(true);
    }
}

void lead(StepContext& c) {
    Agreement& a = c.prep.agreed;
    const std::vector<Invitee>& actors = c.prep.invitations.actors;
    ImGui::Spacing();
    if (actors.empty()) {
        heading(c.t("agreed.lead"), 3);
        muted(c.t("agreed.lead.no_actors"));
        if (button(trf(c.lang, "summary.go_to", {step_title(StepId::Invite, c.lang, c.child)}), "agreed-to-invite"))
            c.requests.go_to_step = StepId::Invite;
    } else {
        std::vector<std::string> options = {c.t("agreed.lead.none")};
        int selected = 0;
        for (std::size_t i = 0; i < actors.size(); ++i) {
            options.push_back(invitee_label(actors[i], c.lang));
            if (actors[i].id == a.lead) selected = static_cast<int>(i + 1);
        }
        if (radio_group(c.t("agreed.lead"), "agreed-lead", options, &selected, c.t("agreed.lead.help"))) {
            a.lead = selected == 0 ? std::string() : actors[static_cast<std::size_t>(selected - 1)].id;
            c.mark(true);
        }
        const std::string path = content_path(&P::agreed, &Agreement::lead);
        if (const std::string m = c.field_message(path, "agreed.lead_not_care"); !m.empty()) error_text(m);
        if (const std::string m = c.field_error(path); !m.empty()) error_text(m);
    }
    FieldOptions person;
    person.personal = true;
    c.mark(text_field(c.t("agreed.lead_person"), "agreed-lead-person", &a.lead_person, person));
}

void evaluation(StepContext& c) {
    heading(c.t("eval.section"), 3);
    paragraph(c.t("eval.intro"));
    const std::vector<std::string> scale = {c.t("eval.scale.0"), "1", "2", "3", "4", "5"};
    auto question = [&](const char* key, int* value) {
        c.mark(radio_group(c.t(key), key, scale, value, c.t("eval.scale.help")));
    };
    Evaluation& ev = c.prep.evaluation;
    question("eval.listened_to", &ev.listened_to);
    question("eval.understood", &ev.understood);
    question("eval.started_from_me", &ev.started_from_me);
    FieldOptions o;
    o.multiline = true;
    c.mark(text_field(c.t("eval.comment"), "eval-comment", &ev.comment, o));
}

}  // namespace

void draw_after_meeting(StepContext& c) {
    heading(c.t("agreed.title"), 3);
    paragraph(c.t("agreed.intro"));
    efforts(c);
    lead(c);
    Agreement& a = c.prep.agreed;
    c.mark(text_field(c.t("agreed.follow_up_on"), "agreed-follow-up", &a.follow_up_on,
                      date_options(c, content_path(&P::agreed, &Agreement::follow_up_on))));
    FieldOptions contact;
    contact.personal = true;
    contact.help = c.t("agreed.contact.help");
    c.mark(text_field(c.t("agreed.contact"), "agreed-contact", &a.contact, contact));
    ImGui::Spacing();
    evaluation(c);
}

}  // namespace sipprep::ui
