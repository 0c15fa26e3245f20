// "Om dig": the person, who noticed the need, guardians and representatives, and who writes.
#include <algorithm>
#include <utility>

#include "core/contribution.hpp"
#include "core/enum_names.hpp"
#include "core/fields.hpp"
#include "core/labels.hpp"
#include "core/personal_id.hpp"
#include "core/validation.hpp"
#include "core/written_language.hpp"
#include "imgui.h"
#include "ui/steps/enum_widgets.hpp"
#include "ui/steps/step_context.hpp"

namespace sipprep::ui {

namespace {

// A writer with no words, no answer about coming, no interpreter need, no choice of how the person
// takes part and no consent taken back: removing them loses nothing (words never go with a
// writer: they would be no one's; nor an answer, which would name no one).
bool said_nothing(const Preparation& p, const Contributor& w) {
    const auto& needs = p.participation.adaptations.interpreters;
    const auto& answered = p.participation.answered_by;
    return !has_words_by(p, w.id) && w.attends == YesNo::Unanswered &&
           std::none_of(needs.begin(), needs.end(), [&](const InterpreterNeed& n) { return n.who == w.id; }) &&
           std::find(answered.begin(), answered.end(), w.id) == answered.end() &&
           std::none_of(p.consents.begin(), p.consents.end(), [&](const Consent& k) { return k.revoked_by == w.id; });
}

}  // namespace

void draw_about_you(StepContext& c) {
    paragraph(c.child ? c.t("about_you.intro.child") : c.t("about_you.intro"));
    FieldOptions o;
    o.personal = true;
    // What the rules say about a field (an invisible character pasted from a phone's contacts, say)
    // is said at the field, not only in the step list's count and the summary.
    const auto at = [&](FieldOptions f, const std::string& path) {
        f.error = c.field_error(path);
        return f;
    };
    using P = Preparation;
    c.mark(text_field(c.child ? c.t("owner.name.child") : c.t("owner.name"), "owner-name", &c.prep.owner.name,
                      at(o, content_path(&P::owner, &PlanOwner::name))));
    FieldOptions pnr;
    pnr.personal = true;
    pnr.help = c.t("owner.personal_id.help");
    pnr.placeholder = c.t("owner.personal_id.placeholder");
    pnr.error = c.field_error(content_path(&Preparation::owner, &PlanOwner::personal_id));
    // "+" means over 100 years old: asked at the field, since it is usually a slip for "-".
    pnr.note = c.field_message(content_path(&Preparation::owner, &PlanOwner::personal_id), "pnr.over_100");
    if (text_field(c.t("owner.personal_id"), "owner-pnr", &c.prep.owner.personal_id, pnr)) {
        // Store a valid number as 12 digits, the way the format wants it; keep anything else as typed.
        const PersonalIdResult r = parse_personal_id(c.prep.owner.personal_id, c.today.year);
        if (r.ok() && c.prep.owner.personal_id.size() >= 12) c.prep.owner.personal_id = r.id.digits;
        c.mark(true);
    }
    c.mark(checkbox(c.t("owner.child"), "owner-child", &c.prep.owner.child, c.t("owner.child.help")));
    if (is_child(c.prep, c.today)) muted(c.t("owner.is_child"));
    c.mark(text_field(c.t("owner.address"), "owner-address", &c.prep.owner.address,
                      at(o, content_path(&P::owner, &PlanOwner::address))));
    c.mark(text_field(c.t("owner.phone"), "owner-phone", &c.prep.owner.phone,
                      at(o, content_path(&P::owner, &PlanOwner::phone))));

    ImGui::Spacing();
    heading(c.t("reason.question"), 3);
    FieldOptions reason;
    reason.help = c.t("reason.help");
    reason.min_lines = 2;
    c.voices_field(c.t("reason.question"), "reason", c.prep.reason, reason);

    ImGui::Spacing();
    // Asked of the person ("Jag själv"); about them when someone else writes ("Alva själv").
    const std::string noticed = c.prompt("noticed.title");
    heading(noticed, 3);
    begin_group(Role::Group, "noticed", noticed);
    c.mark(enum_set("noticed", c.prep.need_noticed.by, [&](NoticedBy n) {
        if (n != NoticedBy::Person) return enum_label(c.lang, n);
        // Before the name is typed: "Barnet själv", "Personen själv" (as the writer chooser says).
        if (c.author != kPersonId && owner_first_name(c.prep).empty())
            return c.t(c.child ? "who.child" : "summary.the_person");
        return c.prompt("enum.noticed.person");
    }));
    if (std::find(c.prep.need_noticed.by.begin(), c.prep.need_noticed.by.end(), NoticedBy::Other) !=
        c.prep.need_noticed.by.end())
        c.mark(text_field(c.t("noticed.other"), "noticed-other", &c.prep.need_noticed.other));
    end_group();

    ImGui::Spacing();
    heading(c.child ? c.t("reps.title.child") : c.t("reps.title"), 3);
    muted(c.child ? c.t("reps.help.child") : c.t("reps.help"));
    for (std::size_t i = 0; i < c.prep.representatives.size(); ++i) {
        Representative& r = c.prep.representatives[i];
        const std::string id = "rep-" + r.id;
        Group group(Role::Group, id, r.name.empty() ? c.t("reps.unnamed") : r.name);
        FieldOptions personal;
        personal.personal = true;
        c.mark(text_field(c.t("reps.name"), id + "-name", &r.name,
                          at(personal, content_path(&P::representatives, i, &Representative::name))));
        c.mark(enum_radio(c.lang, c.t("reps.kind"), id + "-kind", &r.kind));
        c.mark(text_field(c.t("reps.relation"), id + "-relation", &r.relation,
                          at({}, content_path(&P::representatives, i, &Representative::relation))));
        c.mark(text_field(c.t("reps.phone"), id + "-phone", &r.phone,
                          at(personal, content_path(&P::representatives, i, &Representative::phone))));
        FieldOptions rp;
        rp.personal = true;
        rp.help = c.t("reps.personal_id.help");
        rp.error = c.field_error(content_path(&Preparation::representatives, i, &Representative::personal_id));
        c.mark(text_field(c.t("owner.personal_id"), id + "-pnr", &r.personal_id, rp));
        bool used = false;
        for (const Consent& k : c.prep.consents) {
            used = used || k.representative_id == r.id;
            for (const GuardianApproval& g : k.guardian_approvals) used = used || g.representative_id == r.id;
        }
        // Someone named is removed only when the one writing says so (a guardian went with one press,
        // and the consent then looked complete with one guardian).
        const std::string who = r.name.empty() ? c.t("reps.unnamed") : r.name;
        const std::string ask = r.name.empty() && r.phone.empty() && r.personal_id.empty()
                                    ? std::string()
                                    : trf(c.lang, "reps.remove.confirm", {who});
        if (used && button(trf(c.lang, "reps.remove", {who}), id + "-remove")) {
            c.notes.assign(1, c.t("reps.in_use"));
            announce(c.notes.front());  // said where the person is, not only below the list
        } else if (!used &&
                   c.remove_button(trf(c.lang, "reps.remove", {who}), id, ask, c.state.about_you.remove_pending)) {
            // Their words stay, attributed to them as one who writes.
            c.change_list(
                [](StepContext& c, std::size_t i, const std::string&) {
                    // Their answer about the SIP itself goes with them: kept, it named no one, an
                    // error on the consent step with nothing there to change.
                    std::vector<GuardianApproval>& answers = c.prep.sip_consent.guardians;
                    const std::string& gone = c.prep.representatives[i].id;
                    answers.erase(
                        std::remove_if(answers.begin(), answers.end(),
                                       [&](const GuardianApproval& a) { return a.representative_id == gone; }),
                        answers.end());
                    // Their line among the writers goes too when they wrote nothing (a guardian
                    // added by mistake stayed as "Vårdnadshavare 2", with no way to remove it).
                    const std::string writer = representative_writer_id(gone);
                    auto& writers = c.prep.contributors;
                    if (writer != c.author)
                        writers.erase(std::remove_if(writers.begin(), writers.end(),
                                                     [&](const Contributor& w) {
                                                         return w.id == writer && said_nothing(c.prep, w);
                                                     }),
                                      writers.end());
                    const std::string name = c.prep.representatives[i].name;
                    c.prep.representatives.erase(c.prep.representatives.begin() + static_cast<long>(i));
                    announce(trf(c.lang, "reps.removed", {name.empty() ? c.t("reps.unnamed") : name}));
                    focus_control("rep-add");
                    c.mark(true);
                },
                i);
        }
        ImGui::Separator();
    }
    if (button(c.child ? c.t("reps.add.child") : c.t("reps.add"), "rep-add")) {
        // An adult's: which kind (god man, förvaltare …) is the person's to say, not ours to guess.
        add_representative(c.prep, c.child || c.mode == FillMode::GuardianOfChild ? RepresentativeKind::Guardian
                                                                                  : RepresentativeKind::Unanswered);
        // Into the new one's name: left on the button, the space in "Daniel Lund" pressed it again.
        focus_control("rep-" + c.prep.representatives.back().id + "-name");
        c.mark(true);
    }
    for (const std::string& n : c.notes) error_text(n);

    ImGui::Spacing();
    heading(c.t("writers.title"), 3);
    muted(c.t("writers.help"));
    for (std::size_t i = 0; i < c.prep.contributors.size(); ++i) {
        Contributor& w = c.prep.contributors[i];
        if (w.id == kPersonId) continue;
        const std::string id = "writer-" + w.id;
        Group group(Role::Group, id, w.name.empty() ? c.t("writers.unnamed") : w.name);
        // Guardians' names follow the guardian list; relatives are named here.
        const bool from_rep = w.id.rfind(kRepresentativeWriterPrefix, 0) == 0;
        if (from_rep) {
            for (const Representative& r : c.prep.representatives)
                if (representative_writer_id(r.id) == w.id && (w.name != r.name || w.relation != r.relation)) {
                    w.name = r.name;
                    w.relation = r.relation;
                    c.mark(true);
                }
            paragraph(c.author_name(w.id));
        } else {
            FieldOptions personal;
            personal.personal = true;
            if (other_writer_named(c.prep, w.name, w.id)) personal.error = trf(c.lang, "writers.same_name", {w.name});
            c.mark(text_field(c.t("writers.name"), id + "-name", &w.name, personal));
            c.mark(text_field(c.t("writers.relation"), id + "-relation", &w.relation));
            // One who has said nothing (no words, no answer about coming, no interpreter) can go:
            // added twice, or by mistake. Words never go with a writer: they would be no one's.
            if (said_nothing(c.prep, w) && w.id != c.author &&
                button(trf(c.lang, "writers.remove", {w.name.empty() ? c.t("writers.unnamed") : w.name}),
                       id + "-remove", ButtonStyle::Quiet)) {
                const std::string gone = w.name;
                c.prep.contributors.erase(c.prep.contributors.begin() + static_cast<std::ptrdiff_t>(i));
                announce(trf(c.lang, "writers.removed", {gone.empty() ? c.t("writers.unnamed") : gone}));
                focus_control("writer-new-name");
                c.mark(true);
                return;
            }
        }
    }
    FieldOptions nr;
    nr.label_visible = true;
    nr.personal = true;
    // Kept with the draft until added.
    c.mark(text_field(c.t("writers.new_name"), "writer-new-name", &c.state.unadded.writer_name, nr));
    c.mark(text_field(c.t("writers.new_relation"), "writer-new-relation", &c.state.unadded.writer_relation, nr));
    if (button(c.t("writers.add"), "writer-add")) {
        // One person once: the name already there is said, and what was typed stays.
        if (const Contributor* there = other_writer_named(c.prep, c.state.unadded.writer_name, "")) {
            announce(trf(c.lang, "writers.exists", {there->name}));
            focus_control("writer-new-name");
            return;
        }
        const std::string added = add_typed_writer(c.prep, c.state.unadded, c.lang);
        if (!added.empty()) {
            announce(added);
            c.mark(true);
        } else if (c.state.unadded.writer_name.empty()) {
            announce(c.t("writers.name_first"));  // the button did nothing, without a word
            focus_control("writer-new-name");
        }
    }
}

std::string add_typed_writer(Preparation& prep, UnaddedTexts& unadded, Lang lang) {
    if (unadded.writer_name.empty()) return {};                        // a relation alone names no one: it stays typed
    if (other_writer_named(prep, unadded.writer_name, "")) return {};  // there already: it stays typed
    const std::string said = trf(lang, "writers.added", {unadded.writer_name});
    prep.contributors.push_back(Contributor{new_id(prep, "rel"), std::exchange(unadded.writer_name, {}),
                                            ContributorRole::Relative, std::exchange(unadded.writer_relation, {})});
    return said;
}

}  // namespace sipprep::ui
