// After the meeting: the person's own copy of what was agreed (the long-term goal and delmål, the
// efforts, who has the overall responsibility, the follow-up, the contacts, whether the SIP has
// ended), and how it was to take part.
#include <functional>
#include <string>
#include <vector>

#include "core/enum_names.hpp"
#include "core/fields.hpp"
#include "core/ics.hpp"
#include "core/labels.hpp"
#include "core/validation.hpp"
#include "imgui.h"
#include "ui/steps/step_context.hpp"

namespace sipprep::ui {
namespace {

using P = Preparation;

std::string effort_id(std::size_t i) { return "effort-" + std::to_string(i); }

FieldOptions date_options(const StepContext& c, const std::string& error = "") {
    FieldOptions o;
    o.help = c.t("date.help");
    o.placeholder = "2027-03-01";
    o.error = error;
    return o;
}

// The rules' messages an effort shows, each under its field.
struct EffortErrors {
    std::string what, starts, by_when;
};
EffortErrors effort_errors(const StepContext& c, std::size_t i) {
    return {c.field_message(content_path(&P::agreed, &Agreement::efforts, i, &Effort::what), "effort.no_what"),
            c.field_error(content_path(&P::agreed, &Agreement::efforts, i, &Effort::starts)),
            c.field_error(content_path(&P::agreed, &Agreement::efforts, i, &Effort::by_when))};
}

// Everything effort `i` shows: out of view and unchanged, it is not drawn again.
std::size_t effort_signature(const StepContext& c, std::size_t i) {
    const Effort& e = c.prep.agreed.efforts[i];
    const EffortErrors errors = effort_errors(c, i);
    const std::hash<std::string> h;
    std::size_t signature = h(e.what);
    for (const std::string* text :
         {&e.who, &e.starts, &e.how_often, &e.where, &e.by_when, &errors.what, &errors.starts, &errors.by_when})
        signature = hash_combine(signature, h(*text));
    return list_item_signature(signature, c, i, c.prep.agreed.efforts.size(),
                               c.state.after_meeting.remove_pending == effort_id(i));
}

void remove_effort(StepContext& c, std::size_t i, const std::string&) {
    remove_list_item(
        c, c.prep.agreed.efforts, i, "agreed.removed", [](std::size_t j) { return effort_id(j) + "-remove"; },
        "effort-add");
}

void draw_effort(StepContext& c, std::size_t i, std::size_t signature) {
    Effort& e = c.prep.agreed.efforts[i];
    const std::string id = effort_id(i);
    CachedRegion region(id + "-region", signature);
    if (!region.draw()) return;
    const EffortErrors errors = effort_errors(c, i);
    const std::string title = trf(c.lang, "agreed.effort_n", {std::to_string(i + 1)});
    Group group(Role::Group, id, title);
    heading(title, 4);
    FieldOptions what;
    what.multiline = true;
    what.min_lines = 2;
    what.error = errors.what;
    c.mark(text_field(c.t("agreed.what"), id + "-what", &e.what, what));
    FieldOptions who;
    who.placeholder = c.t("agreed.who.example");
    c.mark(text_field(c.t("agreed.who"), id + "-who", &e.who, who));
    c.mark(text_field(c.t("agreed.starts"), id + "-starts", &e.starts, date_options(c, errors.starts)));
    FieldOptions often;
    often.placeholder = c.t("agreed.how_often.example");
    c.mark(text_field(c.t("agreed.how_often"), id + "-often", &e.how_often, often));
    FieldOptions where;
    where.placeholder = c.t("agreed.where.example");
    c.mark(text_field(c.t("agreed.where"), id + "-where", &e.where, where));
    c.mark(text_field(c.t("agreed.by_when"), id + "-by", &e.by_when, date_options(c, errors.by_when)));
    const bool has_text = !(e == Effort{});
    if (c.remove_button(trf(c.lang, "agreed.remove", {std::to_string(i + 1)}), id,
                        has_text ? c.t("agreed.remove.confirm") : "", c.state.after_meeting.remove_pending))
        c.change_list(remove_effort, i);
}

void efforts(StepContext& c) {
    Agreement& a = c.prep.agreed;
    heading(c.t("agreed.efforts"), 3);
    // In runs of cached regions (widgets.hpp): a long list costs about the same per frame at any length.
    draw_in_runs(
        a.efforts.size(), "effortr-", [&](std::size_t i) { return effort_signature(c, i); },
        [&](std::size_t i, std::size_t signature) { draw_effort(c, i, signature); });
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
        if (const std::string m = c.field_error(path); !m.empty()) error_text(m);
    }
    FieldOptions person;
    person.personal = true;
    c.mark(text_field(c.t("agreed.lead_person"), "agreed-lead-person", &a.lead_person, person));
}

std::string sub_goal_id(std::size_t i) { return "agreed-subgoal-" + std::to_string(i); }

std::size_t sub_goal_signature(const StepContext& c, std::size_t i) {
    return list_item_signature(std::hash<std::string>{}(c.prep.agreed.sub_goals[i]), c, i,
                               c.prep.agreed.sub_goals.size(), c.state.after_meeting.remove_pending == sub_goal_id(i));
}

void remove_sub_goal(StepContext& c, std::size_t i, const std::string&) {
    Agreement& a = c.prep.agreed;
    a.sub_goals.erase(a.sub_goals.begin() + static_cast<long>(i));
    focus_control("agreed-subgoal-add");
    c.mark(true);
}

void draw_sub_goal(StepContext& c, std::size_t i, std::size_t signature) {
    Agreement& a = c.prep.agreed;
    const std::string id = sub_goal_id(i);
    CachedRegion region(id + "-region", signature);
    if (!region.draw()) return;
    const std::string n = std::to_string(i + 1);
    c.mark(text_field(trf(c.lang, "agreed.sub_goal_n", {n}), id, &a.sub_goals[i]));
    if (c.remove_button(trf(c.lang, "agreed.sub_goal.remove", {n}), id,
                        a.sub_goals[i].empty() ? "" : c.t("agreed.sub_goal.remove.confirm"),
                        c.state.after_meeting.remove_pending))
        c.change_list(remove_sub_goal, i);
}

// The long-term goal and the delmål as the meeting wrote them down.
void goals(StepContext& c) {
    Agreement& a = c.prep.agreed;
    FieldOptions goal;
    goal.multiline = true;
    goal.min_lines = 2;
    goal.help = c.t("agreed.long_term_goal.help");
    c.mark(text_field(c.t("agreed.long_term_goal"), "agreed-goal", &a.long_term_goal, goal));
    draw_in_runs(
        a.sub_goals.size(), "agreed-subgoalr-", [&](std::size_t i) { return sub_goal_signature(c, i); },
        [&](std::size_t i, std::size_t signature) { draw_sub_goal(c, i, signature); });
    if (button(c.t("agreed.sub_goal.add"), "agreed-subgoal-add")) {
        a.sub_goals.emplace_back();
        focus_control(sub_goal_id(a.sub_goals.size() - 1));
        c.mark(true);
    }
    ImGui::Spacing();
}

// Date, time and place, and the follow-up as a calendar file.
void follow_up(StepContext& c) {
    Agreement& a = c.prep.agreed;
    heading(c.t("agreed.follow_up"), 3);
    c.mark(text_field(c.t("agreed.follow_up_on"), "agreed-follow-up", &a.follow_up_on,
                      date_options(c, c.field_error(content_path(&P::agreed, &Agreement::follow_up_on)))));
    FieldOptions time;
    time.placeholder = "13:30";
    time.help = c.t("agreed.follow_up_time.help");
    time.error = c.field_error(content_path(&P::agreed, &Agreement::follow_up_time));
    c.mark(text_field(c.t("agreed.follow_up_time"), "agreed-follow-up-time", &a.follow_up_time, time));
    c.mark(text_field(c.t("agreed.follow_up_place"), "agreed-follow-up-place", &a.follow_up_place));
    if (parse_iso_date(a.follow_up_on) && (a.follow_up_time.empty() || parse_hhmm(a.follow_up_time))) {
        if (button(c.t("agreed.calendar"), "agreed-calendar", ButtonStyle::Normal, c.t("agreed.calendar.help")))
            c.requests.save_calendar = true;
    } else {
        muted(c.t("agreed.calendar.needs_date"));
    }
    ImGui::Spacing();
}

// Whom to call, and the other contacts the plan names (fast läkarkontakt, fasta vårdkontakter, school).
void contacts(StepContext& c) {
    Agreement& a = c.prep.agreed;
    heading(c.t("agreed.contacts"), 3);
    FieldOptions contact;
    contact.personal = true;
    contact.help = c.t("agreed.contact.help");
    c.mark(text_field(c.t("agreed.contact"), "agreed-contact", &a.contact, contact));
    std::vector<std::string> kinds;
    for (std::size_t k = 0; k < enum_count<PlanContactKind>(); ++k)
        kinds.push_back(enum_label(c.lang, static_cast<PlanContactKind>(k)));
    for (std::size_t i = 0; i < a.contacts.size(); ++i) {
        PlanContact& pc = a.contacts[i];
        const std::string id = "agreed-contact-" + std::to_string(i);
        const std::string title = trf(c.lang, "agreed.contact_n", {std::to_string(i + 1)});
        Group group(Role::Group, id, title);
        heading(title, 4);
        int kind = static_cast<int>(pc.kind);
        if (radio_group(c.t("agreed.contact.kind"), id + "-kind", kinds, &kind)) {
            pc.kind = static_cast<PlanContactKind>(kind);
            c.mark(true);
        }
        FieldOptions personal;
        personal.personal = true;
        c.mark(text_field(c.t("agreed.contact.name"), id + "-name", &pc.name, personal));
        c.mark(text_field(c.t("agreed.contact.reach"), id + "-reach", &pc.reach, personal));
        const bool has_text = !pc.name.empty() || !pc.reach.empty();
        if (c.remove_button(trf(c.lang, "agreed.contact.remove", {std::to_string(i + 1)}), id,
                            has_text ? c.t("agreed.contact.remove.confirm") : "",
                            c.state.after_meeting.remove_pending)) {
            c.change_list(
                [](StepContext& c, std::size_t i, const std::string&) {
                    Agreement& a = c.prep.agreed;
                    a.contacts.erase(a.contacts.begin() + static_cast<long>(i));
                    focus_control("agreed-contact-add");
                    c.mark(true);
                },
                i);
        }
    }
    if (button(c.t("agreed.contact.add"), "agreed-contact-add")) {
        a.contacts.push_back(PlanContact{});
        focus_control("agreed-contact-" + std::to_string(a.contacts.size() - 1) + "-name");
        c.mark(true);
    }
    ImGui::Spacing();
}

// The SIP has ended: everyone is to know (seed 000 "6. Avsluta").
void closing(StepContext& c) {
    Agreement& a = c.prep.agreed;
    heading(c.t("agreed.closed.title"), 3);
    c.mark(checkbox(c.t("agreed.closed"), "agreed-closed", &a.closed, c.t("agreed.closed.help")));
    c.about_link("followup");
    if (a.closed)
        c.mark(text_field(c.t("agreed.closed_on"), "agreed-closed-on", &a.closed_on,
                          date_options(c, c.field_error(content_path(&P::agreed, &Agreement::closed_on)))));
    ImGui::Spacing();
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
    goals(c);
    efforts(c);
    lead(c);
    follow_up(c);
    contacts(c);
    closing(c);
    evaluation(c);
}

}  // namespace sipprep::ui
