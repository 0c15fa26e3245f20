// What a consent means on a given day, in words: "gäller", "gäller först från 2026-12-01",
// "har gått ut", "togs tillbaka 2026-11-23 – får inte dela längre", "gäller inte än: Mehmet har
// inte samtyckt". The summary, the professional's view, the print and the FHIR status all use
// this one rule; nothing reads "får dela" for a consent that is not in force that day.
#pragma once

#include <string>

#include "date.hpp"
#include "i18n.hpp"
#include "model.hpp"

namespace sipprep {

enum class ConsentState {
    Unanswered,          // no choice made yet
    Denied,              // the person said no
    Withdrawn,           // taken back (detail: the date)
    NoInformation,       // yes, but not which information: a consent is never general
    NoPeriod,            // yes, but not for how long
    WaitingForGuardian,  // detail: who has not agreed
    NotYet,              // detail: the first day
    Expired,             // detail: the last day
    InForce,
};

struct ConsentStatus {
    ConsentState state = ConsentState::Unanswered;
    std::string detail;
    bool in_force() const { return state == ConsentState::InForce; }
};

ConsentStatus consent_status(const Preparation& p, const Consent& c, const Date& today);
// "Gäller", "Gäller först från 2026-12-01" … (a sentence start; catalog "consent.state.*").
std::string consent_status_text(const ConsentStatus& s, Lang lang);

}  // namespace sipprep
