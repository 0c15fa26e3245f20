#include "consent_status.hpp"

#include <algorithm>

#include "labels.hpp"
#include "validation.hpp"

namespace sipprep {

std::string consent_date_words(const std::string& iso, Lang lang, const Date& today, bool with_year) {
    const auto d = parse_iso_date(iso);
    if (!d) return iso;
    return with_year ? date_words(*d, lang) : date_words(*d, lang, today);
}

std::string consent_period_words(const Consent& c, Lang lang, const Date& today, bool with_year) {
    const std::string from = consent_date_words(c.valid_from, lang, today, with_year);
    const std::string to = consent_date_words(c.valid_to, lang, today, with_year);
    if (c.until_plan_ends)
        return from.empty() ? tr(lang, "consent.period_words.plan")
                            : trf(lang, "consent.period_words.from_plan", {from});
    if (to.empty()) return from.empty() ? "" : trf(lang, "consent.period_words.from", {from});
    return from.empty() ? trf(lang, "consent.period_words.to", {to})
                        : trf(lang, "consent.period_words.from_to", {from, to});
}

bool consent_run_out(const Consent& c, const Date& today) {
    const auto to = parse_iso_date(c.valid_to);
    return to && *to < today;
}

bool same_consent_terms(const Consent& a, const Consent& b) {
    return a.actor == b.actor && a.decision == b.decision && a.information == b.information &&
           a.categories == b.categories && a.valid_from == b.valid_from && a.valid_to == b.valid_to &&
           a.until_plan_ends == b.until_plan_ends;
}

std::string guardian_label(const Representative& r) { return r.name.empty() ? r.id : r.name; }

std::vector<GuardianAnswerOf> guardian_answers(const Preparation& p, const std::vector<GuardianApproval>& answers) {
    std::vector<GuardianAnswerOf> out;
    for (const Representative& r : p.representatives) {
        if (r.kind != RepresentativeKind::Guardian) continue;
        GuardianAnswerOf counted{&r, GuardianAnswer::None, {}};
        for (const GuardianApproval& g : answers)
            if (g.representative_id == r.id && counted.answer != GuardianAnswer::Agrees)
                counted = {&r, g.agrees ? GuardianAnswer::Agrees : GuardianAnswer::Declines, g.date};
        out.push_back(std::move(counted));
    }
    return out;
}

bool all_guardians_agree(const std::vector<GuardianAnswerOf>& answers) {
    return !answers.empty() && std::all_of(answers.begin(), answers.end(), [](const GuardianAnswerOf& g) {
        return g.answer == GuardianAnswer::Agrees;
    });
}

ConsentStatus consent_status(const Preparation& p, const Consent& c, const Date& today) {
    using S = ConsentState;
    if (!c.revoked_on.empty()) return {S::Withdrawn, c.revoked_on};
    if (c.decision == ConsentDecision::Unanswered) return {S::Unanswered, {}};
    // A no stays a no, carried over or not: nothing is shared, and the record says so.
    if (c.decision == ConsentDecision::Deny) return {S::Denied, {}};
    // Carried over and run out meanwhile: confirming it would not make it hold again.
    if (c.review && consent_run_out(c, today)) return {S::Expired, c.valid_to};
    if (c.review) return {S::ToConfirm, {}};
    // Sharing is for the SIP: once it is closed, what was wished for it has ended (seed 000 "6. Avsluta").
    if (p.agreed.closed) return {S::Ended, p.agreed.closed_on};
    // As a rule both guardians of a child; each answers for themselves (no date needed for a wish).
    // A guardian's no is an answer: nothing is shared (seed 001: both are to consent).
    std::string missing, declined;
    bool any_guardian = false;
    if (c.given_by == ConsentGiver::Guardians) {
        for (const GuardianAnswerOf& g : guardian_answers(p, c.guardian_approvals)) {
            any_guardian = true;
            if (g.answer == GuardianAnswer::Agrees) continue;
            std::string& list = g.answer == GuardianAnswer::Declines ? declined : missing;
            list += (list.empty() ? "" : ", ") + guardian_label(*g.guardian);
        }
        if (!declined.empty()) return {S::GuardianDeclines, declined};
    }
    if (c.information.empty() && c.categories.empty()) return {S::NoInformation, {}};
    const auto to = parse_iso_date(c.valid_to);
    if (!to && !c.until_plan_ends) return {S::NoPeriod, {}};
    ConsentStatus out{S::Wished, {}};
    if (c.given_by == ConsentGiver::Guardians) {
        if (!any_guardian) return {S::WaitingForGuardian, {}};
        if (!missing.empty()) return {S::WaitingForGuardian, missing};
    } else if (c.given_by == ConsentGiver::Person && is_child(p, today)) {
        out.needs_assessment = true;
    }
    if (consent_run_out(c, today)) return {S::Expired, c.valid_to};
    return out;
}

std::string consent_status_text(const Preparation& p, const Consent& c, const Date& today, Lang lang,
                                ConsentVoice voice) {
    const ConsentStatus s = consent_status(p, c, today);
    const bool you = voice == ConsentVoice::You;
    // The record (a printout, the professional's view) is read later and elsewhere: every date
    // has its year ("1 november" on a page read next year says another day).
    const bool with_year = !you;
    auto key = [&](const char* k) { return std::string("consent.wish.") + k + (you ? "" : ".record"); };
    // A yes not yet complete still says for when it is meant: the period is part of what a
    // guardian is asked to agree to.
    auto with_period = [&](std::string text) {
        if (const std::string period = consent_period_words(c, lang, today, with_year); !period.empty())
            text += " (" + period + ")";
        return text;
    };
    switch (s.state) {
        case ConsentState::Unanswered:
            return tr(lang, key("unanswered"));
        case ConsentState::Denied:
            return trf(lang, key("denied"), {consent_receiver_label(p, c.actor, lang)});
        case ConsentState::Withdrawn:
            // A guardian or a representative who took it back is named: "Drog tillbaka sin vilja"
            // under two guardians' names said neither who nor that the others' yes no longer holds.
            if (!c.revoked_by.empty() && c.revoked_by != kPersonId)
                return trf(lang, "consent.wish.withdrawn_by",
                           {author_label(p, c.revoked_by, lang), consent_date_words(s.detail, lang, today, with_year)});
            return trf(lang, key("withdrawn"), {consent_date_words(s.detail, lang, today, with_year)});
        case ConsentState::ToConfirm:
            return with_period(tr(lang, key("to_confirm")));
        case ConsentState::NoInformation:
            return with_period(tr(lang, "consent.wish.no_information"));
        case ConsentState::NoPeriod:
            return tr(lang, "consent.wish.no_period");
        case ConsentState::GuardianDeclines:
            return trf(lang, "consent.wish.guardian_declines", {s.detail});
        case ConsentState::WaitingForGuardian:
            return with_period(s.detail.empty() ? tr(lang, "consent.wish.no_guardians")
                                                : trf(lang, "consent.wish.waiting", {s.detail}));
        case ConsentState::Expired:
            return trf(lang, "consent.wish.expired", {consent_date_words(s.detail, lang, today, with_year)});
        case ConsentState::Ended:
            return parse_iso_date(s.detail)
                       ? trf(lang, "consent.wish.ended_on", {consent_date_words(s.detail, lang, today, with_year)})
                       : tr(lang, "consent.wish.ended");
        case ConsentState::Wished: {
            std::string text = trf(lang, key("wished"), {consent_period_words(c, lang, today, with_year)});
            if (s.needs_assessment) text += " \u2013 " + tr(lang, key("assessment"));
            return text;
        }
    }
    return {};
}

}  // namespace sipprep
