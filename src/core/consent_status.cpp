#include "consent_status.hpp"

#include "validation.hpp"

namespace sipprep {

ConsentStatus consent_status(const Preparation& p, const Consent& c, const Date& today) {
    using S = ConsentState;
    if (!c.revoked_on.empty()) return {S::Withdrawn, c.revoked_on};
    if (c.decision == ConsentDecision::Unanswered) return {S::Unanswered, {}};
    if (c.decision == ConsentDecision::Deny) return {S::Denied, {}};
    if (c.information.empty() && c.categories.empty()) return {S::NoInformation, {}};
    const auto to = parse_iso_date(c.valid_to);
    if (!to && !c.until_plan_ends) return {S::NoPeriod, {}};
    if (c.given_by == ConsentGiver::Guardians || (is_child(p, today) && c.given_by == ConsentGiver::Person)) {
        // As a rule both guardians of a child; each one who has not agreed with a date is named.
        std::string missing;
        bool any_guardian = false;
        for (const Representative& r : p.representatives) {
            if (r.kind != RepresentativeKind::Guardian) continue;
            any_guardian = true;
            bool agreed = false;
            for (const GuardianApproval& g : c.guardian_approvals)
                agreed = agreed || (g.representative_id == r.id && g.agrees && parse_iso_date(g.date));
            if (!agreed) missing += (missing.empty() ? "" : ", ") + (r.name.empty() ? r.id : r.name);
        }
        if (!any_guardian) return {S::WaitingForGuardian, {}};
        if (!missing.empty()) return {S::WaitingForGuardian, missing};
    }
    if (const auto from = parse_iso_date(c.valid_from); from && today < *from) return {S::NotYet, c.valid_from};
    if (to && *to < today) return {S::Expired, c.valid_to};
    return {S::InForce, {}};
}

std::string consent_status_text(const ConsentStatus& s, Lang lang) {
    switch (s.state) {
        case ConsentState::Unanswered:
            return tr(lang, "consent.state.unanswered");
        case ConsentState::Denied:
            return tr(lang, "consent.state.denied");
        case ConsentState::Withdrawn:
            return trf(lang, "consent.state.withdrawn", {s.detail});
        case ConsentState::NoInformation:
            return tr(lang, "consent.state.no_information");
        case ConsentState::NoPeriod:
            return tr(lang, "consent.state.no_period");
        case ConsentState::WaitingForGuardian:
            return s.detail.empty() ? tr(lang, "consent.state.no_guardians")
                                    : trf(lang, "consent.state.waiting", {s.detail});
        case ConsentState::NotYet:
            return trf(lang, "consent.state.not_yet", {s.detail});
        case ConsentState::Expired:
            return trf(lang, "consent.state.expired", {s.detail});
        case ConsentState::InForce:
            return tr(lang, "consent.state.in_force");
    }
    return {};
}

}  // namespace sipprep
