#include "validation.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "consent_status.hpp"
#include "fields.hpp"
#include "ics.hpp"
#include "labels.hpp"
#include "model_json.hpp"
#include "personal_id.hpp"
#include "schema_check.hpp"
#include "text_checks.hpp"

namespace sipprep {
namespace {

class Checker {
public:
    // Ids are looked up by hash, built once: a crafted bundle with tens of thousands of
    // contributors and authors costs linear time, not their product.
    Checker(const Preparation& p, const Date& today) : p_(p), today_(today) {
        for (const Contributor& c : p_.contributors) contributors_.insert(c.id);
        for (const Invitee& a : p_.invitations.actors) invitees_.insert(a.id);
        for (const Representative& r : p_.representatives) representatives_.emplace(r.id, &r);
    }

    std::vector<Issue> run() {
        check_hidden();
        check_ids();
        const bool contribution = p_.kind == PreparationKind::Contribution;
        check_personal_id(content_path(&P::owner, &PlanOwner::personal_id), p_.owner.personal_id, !contribution);
        for (std::size_t i = 0; i < p_.representatives.size(); ++i)
            check_personal_id(content_path(&P::representatives, i, &Representative::personal_id),
                              p_.representatives[i].personal_id, false);
        check_authors();
        check_invitations();
        check_participation();
        check_consents();
        check_agreement();
        // A relative's contribution holds their view only: the plan's to-do list is not theirs.
        if (contribution)
            check_contribution();
        else
            check_recommendations();
        return std::move(issues_);
    }

private:
    using P = Preparation;

    void error(std::string path, std::string code, std::vector<std::string> args = {}) {
        issues_.push_back(Issue{Severity::Error, std::move(path), std::move(code), std::move(args)});
    }
    void warning(std::string path, std::string code, std::vector<std::string> args = {}) {
        issues_.push_back(Issue{Severity::Warning, std::move(path), std::move(code), std::move(args)});
    }

    template <typename T>
    void unique_ids(const std::vector<T>& items, const std::string& base, std::string T::*id) {
        std::vector<std::string_view> ids(items.size());
        for (std::size_t i = 0; i < items.size(); ++i) ids[i] = items[i].*id;
        report_ids(ids, base, field_name(id));
    }
    // An empty id, or one an earlier item has. The ids seen are kept in one open-addressed
    // table of item numbers (no allocation per item: this runs on every keystroke's frame), and
    // a path is written only for an error.
    void report_ids(const std::vector<std::string_view>& ids, const std::string& base, const char* member) {
        std::size_t size = 2;
        while (size < ids.size() * 2) size *= 2;
        constexpr std::size_t kFree = ~std::size_t{0};
        std::vector<std::size_t> table(size, kFree);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            bool repeated = false;
            if (!ids[i].empty()) {
                std::size_t at = std::hash<std::string_view>{}(ids[i]) & (size - 1);
                for (;; at = (at + 1) & (size - 1)) {
                    if (table[at] == kFree) {
                        table[at] = i;
                        break;
                    }
                    if (ids[table[at]] == ids[i]) {
                        repeated = true;
                        break;
                    }
                }
            }
            if (!ids[i].empty() && !repeated) continue;
            const std::string path = base + "/" + std::to_string(i) + "/" + member;
            if (ids[i].empty())
                error(path, "id.missing");
            else
                error(path, "id.duplicate", {std::string(ids[i])});
        }
    }

    // Direction controls and zero-width characters: refused in ids, numbers and dates, noted in
    // words (text_checks.hpp). Over the content as the file writes it, so every member is seen.
    void check_hidden() {
        check_limits(p_, &issues_);
        check_hidden_characters(p_, &issues_);
        if (!p_.follows.saved.empty() && !is_utc_instant(p_.follows.saved))
            warning(content_path(&P::follows, &FollowsFrom::saved), "bundle.bad_time");
    }

    void check_ids() {
        unique_ids(p_.contributors, content_path(&P::contributors), &Contributor::id);
        unique_ids(p_.representatives, content_path(&P::representatives), &Representative::id);
        unique_ids(p_.questions, content_path(&P::questions), &Question::id);
        unique_ids(p_.invitations.actors, content_path(&P::invitations, &Invitations::actors), &Invitee::id);
        unique_ids(p_.consents, content_path(&P::consents), &Consent::id);
        bool has_person = false;
        for (std::size_t i = 0; i < p_.contributors.size(); ++i) {
            const Contributor& c = p_.contributors[i];
            has_person = has_person || c.id == kPersonId;
            // Only the person writes as the person: anyone else with that role would speak in their name.
            if ((c.id == kPersonId) != (c.role == ContributorRole::Person))
                error(content_path(&P::contributors, i, &Contributor::role), "contributor.not_the_person");
        }
        if (!has_person) error(content_path(&P::contributors), "contributors.no_person");
    }

    void check_personal_id(const std::string& path, const std::string& value, bool owner) {
        if (value.empty()) {
            if (owner) warning(path, "pnr.missing");
            return;
        }
        PersonalIdResult r = parse_personal_id(value, today_.year);
        if (!r.ok()) {
            error(path, personal_id_error_code(r.error));
            return;
        }
        if (today_ < r.id.birth) {
            error(path, "pnr.future", {format_iso_date(r.id.birth)});
            return;
        }
        // "+" in a 10-digit number means over 100 years old: more often a slip for "-".
        if (value.find('+') != std::string::npos)
            warning(path, "pnr.over_100", {std::to_string(r.id.birth.year)});
        else if (r.id.digits != value)
            warning(path, "pnr.not_12_digits", {r.id.digits});
    }

    bool known_contributor(const std::string& id) const { return contributors_.count(id) > 0; }

    void check_voices(const Voices& v, const std::string& path) {
        for (std::size_t i = 0; i < v.entries.size(); ++i)
            check_author(v.entries[i].author, path + "/" + std::to_string(i) + "/" + field_name(&Entry::author));
    }

    // A known writer; in a relative's contribution, never the person: it holds the relative's words.
    void check_author(const std::string& a, const std::string& path) {
        if (!known_contributor(a))
            error(path, "author.unknown", {a});
        else if (a == kPersonId && p_.kind == PreparationKind::Contribution)
            error(path, "contribution.person_words");
    }

    void check_authors() {
        check_voices(p_.goals.long_term, content_path(&P::goals, &Goals::long_term));
        check_voices(Voices{p_.goals.short_term}, content_path(&P::goals, &Goals::short_term));
        check_voices(p_.situation.now, content_path(&P::situation, &Situation::now));
        check_voices(p_.situation.works_well, content_path(&P::situation, &Situation::works_well));
        check_voices(p_.situation.strengths, content_path(&P::situation, &Situation::strengths));
        check_voices(p_.follow_up.how_it_went, content_path(&P::follow_up, &FollowUp::how_it_went));
        check_voices(p_.follow_up.what_changed, content_path(&P::follow_up, &FollowUp::what_changed));
        check_voices(p_.follow_up.efforts_done, content_path(&P::follow_up, &FollowUp::efforts_done));
        check_voices(p_.follow_up.efforts_helped, content_path(&P::follow_up, &FollowUp::efforts_helped));
        check_voices(p_.follow_up.other_needed, content_path(&P::follow_up, &FollowUp::other_needed));
        check_voices(p_.participation.topics_to_avoid,
                     content_path(&P::participation, &Participation::topics_to_avoid));
        for (std::size_t i = 0; i < p_.needs.size(); ++i) {
            check_voices(p_.needs[i].can_do_myself, content_path(&P::needs, i, &AreaNeeds::can_do_myself));
            check_voices(p_.needs[i].need_help_with, content_path(&P::needs, i, &AreaNeeds::need_help_with));
            if (p_.needs[i].area == LifeArea::Other && p_.needs[i].other_label.empty())
                warning(content_path(&P::needs, i, &AreaNeeds::other_label), "needs.other_unnamed");
        }
        for (std::size_t i = 0; i < p_.questions.size(); ++i) {
            const Question& q = p_.questions[i];
            check_author(q.author, content_path(&P::questions, i, &Question::author));
            if (q.text.empty()) warning(content_path(&P::questions, i, &Question::text), "question.empty");
        }
    }

    bool known_invitee(const std::string& id) const { return invitees_.count(id) > 0; }

    const Representative* representative(const std::string& id) const {
        auto it = representatives_.find(id);
        return it == representatives_.end() ? nullptr : it->second;
    }

    void check_invitations() {
        const Invitations& inv = p_.invitations;
        for (std::size_t i = 0; i < inv.actors.size(); ++i)
            if (inv.actors[i].kind == ActorKind::Other && inv.actors[i].other_label.empty())
                warning(content_path(&P::invitations, &Invitations::actors, i, &Invitee::other_label),
                        "invite.other_unnamed");
        if (!inv.trusted_most.empty() && !known_invitee(inv.trusted_most))
            error(content_path(&P::invitations, &Invitations::trusted_most), "invite.unknown", {inv.trusted_most});
        if (p_.need_noticed.other.empty())
            for (NoticedBy b : p_.need_noticed.by)
                if (b == NoticedBy::Other)
                    warning(content_path(&P::need_noticed, &NeedNoticed::other), "noticed.other_unnamed");
    }

    void check_date(const std::string& path, const std::string& value) {
        if (!value.empty() && !parse_iso_date(value)) error(path, "date.invalid", {value});
    }

    void check_participation() {
        const Participation& part = p_.participation;
        check_date(content_path(&P::participation, &Participation::wished_date), part.wished_date);
        if (part.adaptations.interpreter && part.adaptations.interpreter_language.empty())
            warning(content_path(&P::participation, &Participation::adaptations, &Adaptations::interpreter_language),
                    "adapt.interpreter_language");
        for (std::size_t i = 0; i < part.adaptations.interpreters.size(); ++i) {
            const InterpreterNeed& n = part.adaptations.interpreters[i];
            auto at = [&](auto member) {
                return content_path(&P::participation, &Participation::adaptations, &Adaptations::interpreters, i,
                                    member);
            };
            if (!known_contributor(n.who)) error(at(&InterpreterNeed::who), "author.unknown", {n.who});
            if (n.language.empty()) warning(at(&InterpreterNeed::language), "adapt.interpreter_language");
        }
        for (std::size_t i = 0; i < part.answered_by.size(); ++i)
            if (!known_contributor(part.answered_by[i]))
                error(content_path(&P::participation, &Participation::answered_by, i), "author.unknown",
                      {part.answered_by[i]});
        bool through_rep = false;
        for (ParticipationMode m : part.modes)
            through_rep = through_rep || m == ParticipationMode::ThroughRepresentative;
        if (through_rep && p_.representatives.empty() && p_.invitations.support_person.name.empty())
            warning(content_path(&P::participation, &Participation::modes), "participation.no_representative");
    }

    void check_consents() {
        const bool child = is_child(p_, today_);
        const Date meeting = meeting_date(p_, today_);
        std::vector<const Representative*> guardians;
        for (const Representative& r : p_.representatives)
            if (r.kind == RepresentativeKind::Guardian) guardians.push_back(&r);

        for (std::size_t i = 0; i < p_.consents.size(); ++i) {
            const Consent& c = p_.consents[i];
            auto at = [&](auto... rest) { return content_path(&P::consents, i, rest...); };
            if (c.actor.empty())
                error(at(&Consent::actor), "consent.no_actor");
            else if (!known_invitee(c.actor) && (c.actor == kPersonId || !known_contributor(c.actor)))
                error(at(&Consent::actor), "consent.unknown_actor", {c.actor});
            check_date(at(&Consent::valid_from), c.valid_from);
            check_date(at(&Consent::valid_to), c.valid_to);
            check_date(at(&Consent::revoked_on), c.revoked_on);
            if (!c.revoked_by.empty() && !known_contributor(c.revoked_by))
                error(at(&Consent::revoked_by), "author.unknown", {c.revoked_by});
            auto from = parse_iso_date(c.valid_from), to = parse_iso_date(c.valid_to);
            if (from && to && *to < *from) error(at(&Consent::valid_to), "consent.range", {c.valid_from, c.valid_to});
            if (c.decision == ConsentDecision::Unanswered && c.revoked_on.empty())
                warning(at(&Consent::decision), "consent.unanswered");
            if (c.decision == ConsentDecision::Permit && c.information.empty() && c.categories.empty())
                warning(at(&Consent::information), "consent.no_information");
            if (c.decision == ConsentDecision::Permit && c.valid_to.empty() && !c.until_plan_ends)
                warning(at(&Consent::valid_to), "consent.no_period");
            const bool revoked = !c.revoked_on.empty();
            if (c.review && !revoked) warning(at(&Consent::review), "consent.review");
            if (!revoked && c.decision == ConsentDecision::Permit && to) {
                if (*to < today_)
                    warning(at(&Consent::valid_to), "consent.expired", {c.valid_to});
                else if (*to < meeting)
                    warning(at(&Consent::valid_to), "consent.ends_before_meeting",
                            {c.valid_to, format_iso_date(meeting)});
            }
            // Sharing that begins only after the meeting cannot prepare it.
            const auto wished = parse_iso_date(p_.participation.wished_date);
            if (!revoked && c.decision == ConsentDecision::Permit && from && wished && *wished < *from)
                warning(at(&Consent::valid_from), "consent.starts_after_meeting",
                        {c.valid_from, p_.participation.wished_date});
            // Both ends chosen (a file made by hand): which one holds is not for the reader to guess.
            if (c.until_plan_ends && to) warning(at(&Consent::valid_to), "consent.two_ends", {c.valid_to});
            // One answer per receiver: a yes and a no to the same one, neither taken back.
            for (std::size_t j = 0; j < i; ++j) {
                const Consent& o = p_.consents[j];
                if (o.actor == c.actor && !c.actor.empty() && o.revoked_on.empty() && !revoked &&
                    o.decision != ConsentDecision::Unanswered && c.decision != ConsentDecision::Unanswered &&
                    o.decision != c.decision) {
                    warning(at(&Consent::decision), "consent.yes_and_no");
                    break;
                }
            }
            for (std::size_t g = 0; g < c.guardian_approvals.size(); ++g) {
                const GuardianApproval& a = c.guardian_approvals[g];

                const Representative* r = representative(a.representative_id);
                if (!r || r->kind != RepresentativeKind::Guardian)
                    error(at(&Consent::guardian_approvals, g, &GuardianApproval::representative_id),
                          "consent.unknown_guardian", {a.representative_id});
                check_date(at(&Consent::guardian_approvals, g, &GuardianApproval::date), a.date);
            }
            switch (c.given_by) {
                case ConsentGiver::Person:
                    if (child) warning(at(&Consent::given_by), "consent.child_by_person");
                    break;
                case ConsentGiver::Guardians: {
                    if (guardians.empty()) error(at(&Consent::given_by), "consent.no_guardians");
                    // A consent being prepared, not a broken file: a missing answer is said, as the
                    // SIP consent's is (seed 001: both guardians are to consent before it holds).
                    // A no is an answer: said, as the consent's status says it.
                    const bool permit = c.decision == ConsentDecision::Permit && !revoked;
                    std::string agreeing;
                    for (const GuardianAnswerOf& g : guardian_answers(p_, c.guardian_approvals)) {
                        const std::string name = guardian_label(*g.guardian);
                        if (g.answer == GuardianAnswer::None && permit)
                            warning(at(&Consent::guardian_approvals), "consent.guardian_missing", {name});
                        else if (g.answer == GuardianAnswer::Declines && permit)
                            warning(at(&Consent::guardian_approvals), "consent.guardian_declines", {name});
                        else if (g.answer == GuardianAnswer::Agrees && !permit && !revoked)
                            agreeing += (agreeing.empty() ? "" : ", ") + name;
                    }
                    // A guardian's yes to a receiver the answer says no to, or has no answer for:
                    // which holds is not for the reader to guess.
                    if (!agreeing.empty())
                        warning(at(&Consent::guardian_approvals),
                                c.decision == ConsentDecision::Deny ? "consent.guardian_yes_to_no"
                                                                    : "consent.guardian_yes_unanswered",
                                {agreeing});
                    break;
                }
                case ConsentGiver::Representative:
                    if (c.representative_id.empty() || !representative(c.representative_id))
                        error(at(&Consent::representative_id), "consent.no_representative");
                    if (c.representative_basis.empty()) warning(at(&Consent::representative_basis), "consent.no_basis");
                    break;
            }
        }
        if (child && guardians.empty()) warning(content_path(&P::representatives), "owner.child_no_guardian");
        const SipConsent& sip = p_.sip_consent;
        for (std::size_t g = 0; g < sip.guardians.size(); ++g) {
            const std::string& id = sip.guardians[g].representative_id;
            const Representative* r = representative(id);
            if (!r || r->kind != RepresentativeKind::Guardian)
                error(content_path(&P::sip_consent, &SipConsent::guardians, g, &GuardianApproval::representative_id),
                      "consent.unknown_guardian", {id});
            check_date(content_path(&P::sip_consent, &SipConsent::guardians, g, &GuardianApproval::date),
                       sip.guardians[g].date);
        }
    }

    // "Jag vill ha en SIP" before any choice about sharing; for a child each guardian answers too.
    void check_sip_consent() {
        const SipConsent& sip = p_.sip_consent;
        if (sip.wants == YesNo::Unanswered)
            warning(content_path(&P::sip_consent, &SipConsent::wants), "sip_consent.unanswered");
        if (!is_child(p_, today_)) return;
        for (const GuardianAnswerOf& g : guardian_answers(p_, sip.guardians))
            if (g.answer == GuardianAnswer::None)
                warning(content_path(&P::sip_consent, &SipConsent::guardians), "sip_consent.guardian_missing",
                        {guardian_label(*g.guardian)});
        // A SIP for a child is made only with the guardians' consent (seed 003; both of two, seed
        // 001): a "no" is the person's answer to respect, and what the meeting has to know first.
        for (std::size_t g = 0; g < sip.guardians.size(); ++g) {
            const GuardianApproval& a = sip.guardians[g];
            const Representative* r = representative(a.representative_id);
            if (a.agrees || !r || r->kind != RepresentativeKind::Guardian) continue;
            warning(content_path(&P::sip_consent, &SipConsent::guardians, g, &GuardianApproval::agrees),
                    "sip_consent.guardian_declines", {guardian_label(*r)});
        }
    }

    void check_agreement() {
        const Agreement& a = p_.agreed;
        for (std::size_t i = 0; i < a.efforts.size(); ++i) {
            const Effort& e = a.efforts[i];
            auto at = [&](auto member) { return content_path(&P::agreed, &Agreement::efforts, i, member); };
            check_date(at(&Effort::by_when), e.by_when);
            check_date(at(&Effort::starts), e.starts);
            if (e.what.empty() && (!e.who.empty() || !e.by_when.empty())) warning(at(&Effort::what), "effort.no_what");
        }
        check_date(content_path(&P::agreed, &Agreement::follow_up_on), a.follow_up_on);
        if (!a.follow_up_time.empty() && !parse_hhmm(a.follow_up_time))
            error(content_path(&P::agreed, &Agreement::follow_up_time), "time.invalid", {a.follow_up_time});
        check_date(content_path(&P::agreed, &Agreement::closed_on), a.closed_on);
        // Who may hold the overall responsibility is the meeting's choice (seed 001); only one
        // region's older manual (seed 003) limits it, so it is no rule here.
        if (!a.lead.empty()) {
            if (!find_invitee(p_, a.lead))
                error(content_path(&P::agreed, &Agreement::lead), "invite.unknown", {a.lead});
        } else if (!a.efforts.empty()) {
            warning(content_path(&P::agreed, &Agreement::lead), "agreed.no_lead");
        }
        if (!a.efforts.empty() && a.follow_up_on.empty())
            warning(content_path(&P::agreed, &Agreement::follow_up_on), "agreed.no_follow_up");
        if (const auto day = parse_iso_date(a.follow_up_on);
            day && *day < today_ && p_.kind != PreparationKind::FollowUp && !a.closed)
            warning(content_path(&P::agreed, &Agreement::follow_up_on), "agreed.follow_up_passed", {a.follow_up_on});
        const auto& outcomes = p_.follow_up.agreed_efforts;
        std::size_t open = 0;
        for (const EffortOutcome& o : outcomes) open += o.done == EffortDone::Unanswered ? 1 : 0;
        if (p_.kind == PreparationKind::FollowUp && open > 0)
            warning(content_path(&P::follow_up, &FollowUp::agreed_efforts), "followup.effort_unanswered",
                    {std::to_string(open)});
    }

    void check_contribution() {
        if (p_.owner.name.empty()) warning(content_path(&P::owner, &PlanOwner::name), "contribution.no_person");
        for (std::size_t i = 0; i < p_.contributors.size(); ++i)
            if (p_.contributors[i].id != kPersonId && p_.contributors[i].name.empty())
                warning(content_path(&P::contributors, i, &Contributor::name), "contribution.no_name");
    }

    void check_recommendations() {
        if (p_.goals.long_term.entries.empty())
            warning(content_path(&P::goals, &Goals::long_term), "goal.missing");
        else if (!find_text(p_.goals.long_term, kPersonId))
            warning(content_path(&P::goals, &Goals::long_term), "goal.not_own_words");
        if (p_.questions.empty()) warning(content_path(&P::questions), "questions.none");
        if (p_.invitations.actors.empty()) warning(content_path(&P::invitations, &Invitations::actors), "invite.none");
        check_sip_consent();
        if (p_.consents.empty()) {
            warning(content_path(&P::consents), "consent.none");
        } else {
            // Everyone invited needs a choice, yes or no; an invitee with none is on the to-do list.
            std::unordered_set<std::string> decided;
            for (const Consent& c : p_.consents)
                if (c.decision != ConsentDecision::Unanswered) decided.insert(c.actor);
            std::size_t open = 0;
            for (const Invitee& a : p_.invitations.actors) open += decided.count(a.id) ? 0 : 1;
            if (open > 0) warning(content_path(&P::consents), "invite.no_consent", {std::to_string(open)});
        }
        // Once the meeting's decisions are written down, a date in the past is simply when it was.
        const bool met = !(p_.agreed == Agreement{});
        if (const auto day = parse_iso_date(p_.participation.wished_date); day && *day < today_ && !met)
            warning(content_path(&P::participation, &Participation::wished_date), "meeting.past",
                    {p_.participation.wished_date});
        if (p_.kind == PreparationKind::FollowUp) {
            const FollowUp& f = p_.follow_up;
            if (f.how_it_went.entries.empty() && f.what_changed.entries.empty() && f.efforts_done.entries.empty() &&
                f.efforts_helped.entries.empty() && f.other_needed.entries.empty() && f.agreed_efforts.empty())
                warning(content_path(&P::follow_up), "followup.empty");
        }
    }

    const Preparation& p_;
    Date today_;
    std::vector<Issue> issues_;
    std::unordered_set<std::string_view> contributors_, invitees_;
    std::unordered_map<std::string_view, const Representative*> representatives_;
};

}  // namespace

std::optional<Date> owner_birth_date(const Preparation& p, const Date& today) {
    PersonalIdResult r = parse_personal_id(p.owner.personal_id, today.year);
    // A birth after today is a number typed in the wrong century (the rules say so): it does not
    // make the person a child, with a child's consent rules, on top of that error.
    if (!r.ok() || today < r.id.birth) return std::nullopt;
    return r.id.birth;
}

Date meeting_date(const Preparation& p, const Date& today) {
    auto wished = parse_iso_date(p.participation.wished_date);
    return wished ? *wished : today;
}

bool is_child(const Preparation& p, const Date& today) {
    auto birth = owner_birth_date(p, today);
    if (birth) return age_on(*birth, meeting_date(p, today)) < 18;
    return p.owner.child;  // marked as a child, before (or without) a personnummer
}

std::vector<Issue> validate(const Preparation& p, const Date& today) { return Checker(p, today).run(); }

}  // namespace sipprep
