// Samtycke: first the wish to have a SIP at all, then one entry per receiver, said back as a plain
// sentence. All of it is a wish (the consent is taken by the one who offers the SIP); for a child
// each guardian answers for themselves, as the one who writes; taking a wish back keeps the date.
#include <algorithm>

#include "base/utf8.hpp"
#include "core/consent_form.hpp"
#include "core/consent_status.hpp"
#include "core/enum_names.hpp"
#include "core/fields.hpp"
#include "core/labels.hpp"
#include "imgui.h"
#include "ui/steps/step_context.hpp"

namespace sipprep::ui {
namespace {

// Each guardian's own answer: only the guardian who writes now can give it (the writer chooser
// says who that is); the others' answers are shown as they stand. Nothing fills in a date.
// With `no_key` the answer is yes or no; without it, a box to tick ("vill också samtycka").
// `yes_possible`: a yes means something (a consent answered yes): under a no, or before an answer,
// a guardian's "vill också samtycka" is not offered (one already given can still be taken back).
void guardian_answers(StepContext& c, const std::string& gid, const std::vector<const Representative*>& guardians,
                      std::vector<GuardianApproval>& answers, const char* yes_key, const char* no_key,
                      const char* wants_key, const char* declines_key, bool yes_possible = true) {
    bool someone_else = false;
    for (const Representative* g : guardians) {
        auto ap = std::find_if(answers.begin(), answers.end(),
                               [&](const GuardianApproval& a) { return a.representative_id == g->id; });
        const std::string name = g->name.empty() ? c.t("reps.unnamed") : g->name;
        if (c.author != representative_writer_id(g->id)) {
            someone_else = true;
            muted(trf(c.lang,
                      ap == answers.end() ? "consent.guardian.not_yet"
                      : ap->agrees        ? wants_key
                                          : declines_key,
                      {name}));
            continue;
        }
        if (no_key) {
            int answer = ap == answers.end() ? -1 : ap->agrees ? 0 : 1;
            if (radio_group(trf(c.lang, "sip_consent.guardian.question", {name}), gid + "-" + g->id,
                            {c.t(yes_key), c.t(no_key)}, &answer)) {
                if (ap == answers.end())
                    answers.push_back(GuardianApproval{g->id, "", answer == 0});
                else
                    ap->agrees = answer == 0;
                c.mark(true);
            }
            continue;
        }
        bool agrees = ap != answers.end() && ap->agrees;
        if (!yes_possible && !agrees) {
            muted(trf(c.lang, "consent.guardian.after_yes", {name}));
            continue;
        }
        if (checkbox(trf(c.lang, yes_key, {name}), gid + "-" + g->id, &agrees)) {
            if (!agrees)
                answers.erase(ap);
            else if (ap == answers.end())
                answers.push_back(GuardianApproval{g->id, "", true});
            else
                ap->agrees = true;
            c.mark(true);
        }
    }
    if (someone_else) muted(c.t("consent.guardian.self_only"));
}

// A guardian who chooses yes or no for the child says it for themselves too: one answer, not a yes
// and then "vill också samtycka" ticked. The other guardian still answers for themselves.
void answer_as_the_writing_guardian(StepContext& c, const std::vector<const Representative*>& guardians, Consent& k) {
    for (const Representative* g : guardians) {
        if (c.author != representative_writer_id(g->id)) continue;
        auto ap = std::find_if(k.guardian_approvals.begin(), k.guardian_approvals.end(),
                               [&](const GuardianApproval& a) { return a.representative_id == g->id; });
        const bool agrees = k.decision == ConsentDecision::Permit;
        if (ap == k.guardian_approvals.end())
            k.guardian_approvals.push_back(GuardianApproval{g->id, "", agrees});
        else
            ap->agrees = agrees;
    }
}

// "Vem ger samtycket?": the person, the guardians or a representative.
void choose_giver(StepContext& c, Consent& k, const std::string& gid) {
    int giver = static_cast<int>(k.given_by);
    if (radio_group(c.t("consent.given_by"), gid + "-giver",
                    {enum_label(c.lang, ConsentGiver::Person), enum_label(c.lang, ConsentGiver::Guardians),
                     enum_label(c.lang, ConsentGiver::Representative)},
                    &giver)) {
        k.given_by = static_cast<ConsentGiver>(giver);
        c.mark(true);
    }
}

// A relative who writes helps with the words but cannot say yes or no for the person: the file
// would say the person had. The person answers, or one who speaks for them by law or mandate (a
// guardian, a representative). The answer stands as text with who gives it.
bool relative_writes(const StepContext& c) {
    return std::any_of(c.prep.contributors.begin(), c.prep.contributors.end(),
                       [&](const Contributor& w) { return w.id == c.author && w.role == ContributorRole::Relative; });
}

// The guardians give this consent and the one who writes is not one of them (the child, in a
// child's plan): the guardians take it back, not the child with one press.
bool guardian_consent_not_yours(const StepContext& c, const Consent& k) {
    if (k.given_by != ConsentGiver::Guardians) return false;
    return std::none_of(c.prep.representatives.begin(), c.prep.representatives.end(), [&](const Representative& r) {
        return r.kind == RepresentativeKind::Guardian && c.author == representative_writer_id(r.id);
    });
}

// A child's plan with guardians, and the child writes: the guardians answer who may share what
// (seed 001); the child says what she thinks in her own box. Her yes or no here replaced a
// guardian's answer and read as theirs.
bool guardians_answer_for_child(const StepContext& c, const std::vector<const Representative*>& guardians) {
    return c.child && c.author == kPersonId && !guardians.empty();
}

void answered_by_guardians(StepContext& c, const std::string& answer_now) {
    muted(answer_now);
    muted(c.t("consent.guardians_answer"));
}

void answered_by_person(StepContext& c, const std::string& answer_now) {
    const std::string& name = c.prep.owner.name;
    muted(answer_now);
    muted(trf(c.lang, "consent.person_answers",
              {name.empty() ? c.t(c.child ? "prompt.owner.child" : "prompt.owner") : name}));
}

// "Jag vill ha en SIP": the consent to the SIP itself, before who may share what (seed 001).
void sip_consent(StepContext& c, const std::vector<const Representative*>& guardians) {
    Group group(Role::Group, "sip-consent", c.t("sip_consent.title"));
    heading(c.t("sip_consent.title"), 3);
    muted(c.t("sip_consent.intro"));
    SipConsent& sip = c.prep.sip_consent;
    // "Vill du ha en SIP?" is the child's own wish: a guardian who writes answers for themselves
    // below, and sees the child's answer as it stands (else a parent's "no" became the child's).
    const bool guardian_writes =
        c.child && std::any_of(guardians.begin(), guardians.end(),
                               [&](const Representative* g) { return c.author == representative_writer_id(g->id); });
    int wants = sip.wants == YesNo::Yes ? 0 : sip.wants == YesNo::No ? 1 : -1;
    const auto answer = [&](const char* none_key) {
        return c.t(wants == 0 ? "summary.sip_consent.yes" : wants == 1 ? "summary.sip_consent.no" : none_key);
    };
    if (guardian_writes) {
        muted(trf(c.lang, "sip_consent.child_answer", {answer("sip_consent.child_answer.none")}));
    } else if (relative_writes(c)) {
        answered_by_person(c, trf(c.lang, "consent.answer_now", {answer("consent.decision.none")}));
    } else if (radio_group(c.t("sip_consent.question"), "sip-consent-wants",
                           {c.t("sip_consent.yes"), c.t("sip_consent.no")}, &wants)) {
        sip.wants = wants == 0 ? YesNo::Yes : YesNo::No;
        c.mark(true);
    }
    if (sip.wants == YesNo::No) paragraph(c.t("sip_consent.no.note"));
    if (c.child && !guardians.empty()) {
        muted(c.t("sip_consent.child"));
        guardian_answers(c, "sip-consent-g", guardians, sip.guardians, "sip_consent.guardian.yes",
                         "sip_consent.guardian.no", "summary.sip_consent.guardian_yes",
                         "summary.sip_consent.guardian_no");
    }
    ImGui::Separator();
}

// One consent (`index`) to `actor_name`, its controls' ids from `gid`: true when it was removed.
bool consent_body(StepContext& c, std::size_t index, const std::string& gid, const std::string& actor_name,
                  const std::vector<const Representative*>& guardians) {
    Consent& k = c.prep.consents[index];
    using P = Preparation;

    // The consent in one sentence, as the person would say it, and what the wish is.
    paragraph(consent_sentence(c.prep, k, c.lang));
    const bool relative = relative_writes(c);
    const bool child_writes = k.given_by == ConsentGiver::Guardians && guardians_answer_for_child(c, guardians);
    // The person's own consent: a god man or a guardian who writes sees it and does not change
    // it (their changes stood in the file as the person's own); one who is to give it chooses so.
    const bool persons_own = k.given_by == ConsentGiver::Person && c.author != kPersonId && !relative;
    if (!k.revoked_on.empty()) {
        // Who took it back, once (the status would say it again), and only they undo it: another
        // writer on the same computer was told "Du drog tillbaka din vilja" and could undo a
        // guardian's withdrawal without a trace.
        const std::string& revoker = k.revoked_by.empty() ? kPersonId : k.revoked_by;
        const bool by_writer = revoker == c.author;
        const std::string when = consent_date_words(k.revoked_on, c.lang, c.today);
        const std::string who = revoker != kPersonId        ? author_label(c.prep, revoker, c.lang)
                                : c.prep.owner.name.empty() ? c.t("summary.the_person")
                                                            : c.prep.owner.name;
        error_text(by_writer ? trf(c.lang, "consent.revoked_on", {when})
                             : trf(c.lang, "consent.wish.withdrawn_by", {who, when}) + ".");
        paragraph(c.t("consent.revoked.next"));
        if (by_writer &&
            button(c.t("consent.unrevoke"), gid + "-unrevoke", ButtonStyle::Quiet, c.t("consent.unrevoke.help"))) {
            k.revoked_on.clear();
            k.revoked_by.clear();
            // To the answer that holds again, not to "Dra tillbaka" (a second Enter took it back again).
            focus_control(gid + (k.decision == ConsentDecision::Deny ? "-decision-1" : "-decision-0"));
            c.mark(true);
        }
        ImGui::Separator();
        return false;
    }
    const std::string status = consent_status_text(c.prep, k, c.today, c.lang, ConsentVoice::You);
    if (consent_status(c.prep, k, c.today).complete())
        paragraph(status);
    else
        muted(status);
    if (k.review) {
        // Carried over from the earlier plan: it holds only when the person says it still does.
        muted(c.t("consent.review.note"));
        if (!relative && !child_writes && !persons_own && button(c.t("consent.review.ok"), gid + "-review-ok")) {
            k.review = false;
            announce(c.t("consent.review.ok"));
            focus_control(gid + "-decision-0");
            c.mark(true);
        }
    }

    int decision = k.decision == ConsentDecision::Unanswered ? -1 : static_cast<int>(k.decision);
    const std::vector<std::string> choices = {trf(c.lang, "consent.permit", {actor_name}),
                                              trf(c.lang, "consent.deny", {actor_name})};
    const std::string answer_now = trf(c.lang, "consent.answer_now",
                                       {decision < 0 ? c.t("consent.decision.none") : choices[std::size_t(decision)]});
    if (relative) {
        answered_by_person(c, answer_now);
    } else if (child_writes) {
        answered_by_guardians(c, answer_now);
    } else if (persons_own) {
        muted(answer_now);
        const std::string& name = c.prep.owner.name;
        muted(trf(c.lang, "consent.persons_own",
                  {name.empty() ? c.t(c.child ? "prompt.owner.child" : "prompt.owner") : name}));
        choose_giver(c, k, gid);
        ImGui::Separator();
        return false;
    } else if (radio_group(c.prompt("consent.decision"), gid + "-decision", choices, &decision)) {
        k.decision = static_cast<ConsentDecision>(decision);
        if (k.given_by == ConsentGiver::Guardians) answer_as_the_writing_guardian(c, guardians, k);
        c.mark(true);
    }
    // What may be shared, when and how are the terms the person answers to: a relative sees them
    // in the sentence above and does not change them (typed by a sister, they stood in the file
    // as the person's own consent).
    if (relative || child_writes) {
        ImGui::Separator();
        return false;
    }
    FieldOptions info;
    info.multiline = true;
    info.min_lines = 2;
    info.help = c.t("consent.information.help");
    c.mark(text_field(c.t("consent.information"), gid + "-info", &k.information, info));
    begin_group(Role::Group, gid + "-categories", c.t("consent.categories"));
    group_label(c.t("consent.categories"));
    for (std::size_t n = 0; n < enum_count<InfoCategory>(); ++n) {
        const InfoCategory cat = static_cast<InfoCategory>(n);
        bool on = std::find(k.categories.begin(), k.categories.end(), cat) != k.categories.end();
        if (checkbox(enum_label(c.lang, cat), gid + "-cat-" + std::string(enum_name(cat)), &on)) {
            if (on)
                k.categories.push_back(cat);
            else
                k.categories.erase(std::remove(k.categories.begin(), k.categories.end(), cat), k.categories.end());
            std::sort(k.categories.begin(), k.categories.end());
            c.mark(true);
        }
    }
    end_group();

    FieldOptions date;
    date.help = c.t("date.help");
    date.error = c.field_error(content_path(&P::consents, index, &Consent::valid_from));
    c.mark(text_field(c.t("consent.valid_from"), gid + "-from", &k.valid_from, date));
    // Never open-ended by leaving a field empty: an end date, or "until the SIP is closed".
    // An end date shown once stays chosen while it is emptied to be written again (a draft
    // opened again has none in the step's state).
    if (!k.valid_to.empty() && !k.until_plan_ends) c.state.consent.by_date.insert(k.id);
    const bool by_date = c.state.consent.by_date.count(k.id) > 0;
    int period = k.until_plan_ends ? 1 : by_date ? 0 : -1;
    if (radio_group(c.t("consent.period"), gid + "-period", {c.t("consent.period.date"), c.t("consent.period.plan")},
                    &period)) {
        k.until_plan_ends = period == 1;
        if (period == 1) {
            k.valid_to.clear();
            c.state.consent.by_date.erase(k.id);
        } else {
            c.state.consent.by_date.insert(k.id);
            focus_control(gid + "-to");
        }
        c.mark(true);
    }
    if (!k.until_plan_ends && (by_date || period == 0)) {
        date.error = c.field_error(content_path(&P::consents, index, &Consent::valid_to));
        date.help = c.t("consent.valid_to.help");
        c.mark(text_field(c.t("consent.valid_to"), gid + "-to", &k.valid_to, date));
    }

    // Written, oral or in another way (seed 001), e.g. with AKK.
    constexpr ConsentForm forms[] = {ConsentForm::Written, ConsentForm::Oral, ConsentForm::Other};
    int form = -1;
    for (int i = 0; i < 3; ++i)
        if (k.form == forms[i]) form = i;
    if (radio_group(c.t("consent.form"), gid + "-form",
                    {enum_label(c.lang, ConsentForm::Written), enum_label(c.lang, ConsentForm::Oral),
                     enum_label(c.lang, ConsentForm::Other)},
                    &form, c.t("consent.form.help"))) {
        k.form = forms[form];
        c.mark(true);
    }
    choose_giver(c, k, gid);
    if (k.given_by == ConsentGiver::Guardians) {
        if (guardians.empty()) error_text(c.t("msg.consent.no_guardians"));
        guardian_answers(c, gid + "-g", guardians, k.guardian_approvals, "consent.guardian_agrees", nullptr,
                         "consent.guardian.wants", "consent.guardian.declines", k.decision == ConsentDecision::Permit);
        const std::string missing = c.field_error(content_path(&P::consents, index, &Consent::guardian_approvals));
        if (!missing.empty()) error_text(missing);
    } else if (k.given_by == ConsentGiver::Representative) {
        std::vector<std::string> names;
        int selected = -1;
        for (std::size_t i = 0; i < c.prep.representatives.size(); ++i) {
            const Representative& r = c.prep.representatives[i];
            names.push_back((r.name.empty() ? c.t("reps.unnamed") : r.name) + " (" +
                            lower_first_letter(enum_label(c.lang, r.kind)) + ")");
            if (r.id == k.representative_id) selected = static_cast<int>(i);
        }
        if (names.empty()) {
            error_text(c.t("consent.no_reps"));
        } else if (radio_group(c.t("consent.representative"), gid + "-rep", names, &selected)) {
            k.representative_id = c.prep.representatives[static_cast<std::size_t>(selected)].id;
            c.mark(true);
        }
        FieldOptions basis;
        basis.help = c.t("consent.basis.help");
        c.mark(text_field(c.t("consent.basis"), gid + "-basis", &k.representative_basis, basis));
    } else if (c.child) {
        muted(c.t("msg.consent.child_by_person"));
    }

    // "Dra tillbaka min vilja" is for one who wants it: a guardian without a yes of their own here
    // had taken back a wish they never gave.
    const bool own_yes =
        k.given_by != ConsentGiver::Guardians ||
        std::any_of(k.guardian_approvals.begin(), k.guardian_approvals.end(), [&](const GuardianApproval& a) {
            return a.agrees && representative_writer_id(a.representative_id) == c.author;
        });
    if (guardian_consent_not_yours(c, k)) {
        muted(c.t("consent.revoke.guardians_only"));
    } else if (own_yes &&
               button(c.t("consent.revoke"), gid + "-revoke", ButtonStyle::Danger, c.t("consent.revoke.help"))) {
        k.revoked_on = format_iso_date(c.today);
        k.revoked_by = c.author == kPersonId ? std::string() : c.author;
        announce(trf(c.lang, "consent.revoked_on", {consent_date_words(k.revoked_on, c.lang, c.today)}) + " " +
                 c.t("consent.revoked.next"));
        focus_control(gid + "-unrevoke");
        c.mark(true);
    }
    same_line();
    if (button(c.t("consent.remove"), gid + "-remove", ButtonStyle::Quiet, c.t("consent.remove.help"))) {
        const std::string actor = k.actor;
        c.prep.consents.erase(c.prep.consents.begin() + static_cast<std::ptrdiff_t>(index));
        // To the actor's consent that is left (the first has the actor's ids), else "Lägg till".
        const auto left = std::find_if(c.prep.consents.begin(), c.prep.consents.end(),
                                       [&](const Consent& o) { return o.actor == actor; });
        const std::string base = "consent-" + actor;
        focus_control(left == c.prep.consents.end() ? base + "-add"
                      : left->revoked_on.empty()    ? base + "-decision-0"
                                                    : base + "-unrevoke");
        c.mark(true);
        return true;
    }
    ImGui::Separator();
    return false;
}

// One organisation or person who may receive information: each consent to it in one sentence,
// what holds today, and the person's choices.
void consent_entry(StepContext& c, const std::string& actor_id, const std::string& actor_name,
                   const std::vector<const Representative*>& guardians) {
    const std::string gid = "consent-" + actor_id;
    Group group(Role::Group, gid, actor_name);
    heading(actor_name, 3);
    // Each consent to it: a follow-up can hold one revoked last time beside a newer one, and each
    // needs its own answer ("Jag vill fortfarande det").
    std::size_t shown = 0;
    for (std::size_t i = 0; i < c.prep.consents.size(); ++i) {
        if (c.prep.consents[i].actor != actor_id) continue;
        // The first keeps the actor's ids (what focus and tests name); a later one adds its own.
        // Only a consent with guardians' answers is kept to compare: not a copy of each every frame.
        const bool answered = !c.prep.consents[i].guardian_approvals.empty();
        const Consent before = answered ? c.prep.consents[i] : Consent{};
        if (consent_body(c, i, shown == 0 ? gid : gid + "-" + c.prep.consents[i].id, actor_name, guardians)) return;
        if (answered && !same_consent_terms(before, c.prep.consents[i])) guardians_answer_again(c, c.prep.consents[i]);
        ++shown;
    }
    if (shown == 0 && relative_writes(c)) {
        answered_by_person(c, trf(c.lang, "consent.answer_now", {c.t("consent.decision.none")}));
        ImGui::Separator();
    } else if (shown == 0 && guardians_answer_for_child(c, guardians)) {
        answered_by_guardians(c, trf(c.lang, "consent.answer_now", {c.t("consent.decision.none")}));
        ImGui::Separator();
    } else if (shown == 0) {
        if (button(trf(c.lang, "consent.add", {actor_name}), gid + "-add")) {
            // An active choice: nothing is chosen for the person (decision, period and form start open).
            Consent k;
            k.id = c.new_id("c");
            k.actor = actor_id;
            k.given_by = c.child && !guardians.empty() ? ConsentGiver::Guardians : ConsentGiver::Person;
            c.prep.consents.push_back(k);
            focus_control(gid + "-decision-0");
            c.mark(true);
        }
        ImGui::Separator();
    }
}

}  // namespace

void draw_consent(StepContext& c) {
    paragraph(c.child ? c.t("consent.intro.child") : c.t("consent.intro"));
    muted(c.t("consent.revocable"));
    if (c.child) {
        // The child's own say: it counts more with age and maturity, there is no fixed age.
        // Asked of the child who writes: "Vad tycker du …", not "Vad tycker barnet …".
        const bool self = c.author == kPersonId;
        FieldOptions view;
        view.help = c.t(self ? "consent.child_view.self.help" : "consent.child_view.help");
        c.voices_field(c.t(self ? "consent.child_view.self" : "consent.child_view"), "consent-child-view",
                       c.prep.child_consent_view, view);
    }
    std::vector<const Representative*> guardians;
    for (const Representative& r : c.prep.representatives)
        if (r.kind == RepresentativeKind::Guardian) guardians.push_back(&r);
    sip_consent(c, guardians);
    // A child's form is there once a guardian has said yes to the SIP, the child's own answer or not.
    const auto& sip_answers = c.prep.sip_consent.guardians;
    const bool any_to_sign = c.prep.sip_consent.wants == YesNo::Yes ||
                             (c.child && std::any_of(sip_answers.begin(), sip_answers.end(),
                                                     [](const GuardianApproval& g) { return g.agrees; })) ||
                             std::any_of(c.prep.consents.begin(), c.prep.consents.end(), to_be_signed);
    if (any_to_sign &&
        button(c.t("print.consent_forms"), "consent-print-forms", ButtonStyle::Normal, c.t("print.consent_forms.help")))
        c.requests.print_consent_forms = true;
    if (c.prep.invitations.actors.empty()) {
        paragraph(c.t("consent.no_actors"));
        if (button(c.t("consent.go_invite"), "consent-go-invite")) c.requests.go_to_step = StepId::Invite;
        return;
    }

    for (const Invitee& actor : c.prep.invitations.actors)
        consent_entry(c, actor.id, invitee_label(actor, c.lang), guardians);
    // A consent can be to a person too, for example a relative who is to hear what is said.
    bool relatives = false;
    for (const Contributor& w : c.prep.contributors) relatives = relatives || w.role == ContributorRole::Relative;
    if (relatives) {
        ImGui::Spacing();
        heading(c.t("consent.people.title"), 3);
        muted(c.t("consent.people.help"));
        for (const Contributor& w : c.prep.contributors)
            if (w.role == ContributorRole::Relative)
                consent_entry(c, w.id, author_label(c.prep, w.id, c.lang), guardians);
    }
}

}  // namespace sipprep::ui
