// What a consent in a preparation is, in words. Everything typed at home is a wish: the consent
// itself is taken by the one who offers the SIP and documented there (seed 001 "Samtycke"), so no
// status here says that anything holds ("gäller"). "Du vill samtycka från 1 december tills SIP:en
// avslutas", "Vill inte att Försäkringskassan får uppgifter", "Drog tillbaka sin vilja 23 november
// – säg det till den som har huvudansvaret". The step screen, the summary, the professional's view,
// the print and the FHIR status all use this one rule.
#pragma once

#include <string>
#include <vector>

#include "date.hpp"
#include "i18n.hpp"
#include "model.hpp"

namespace sipprep {

enum class ConsentState {
    Unanswered,          // no choice made yet
    Denied,              // does not want them to have information
    Withdrawn,           // took the wish back (detail: the date)
    ToConfirm,           // carried over from the earlier plan of a follow-up, not confirmed again
    NoInformation,       // yes, but not which information: a consent is never general
    NoPeriod,            // yes, but not for how long
    GuardianDeclines,    // a guardian said no, so nothing is shared (detail: who)
    WaitingForGuardian,  // detail: the guardians who have not answered for themselves
    Expired,             // the end date has passed: to be renewed (detail: the last day)
    Ended,               // the SIP was closed, and every wish for it with it (detail: the day, if known)
    Wished,              // a complete wish
};

struct ConsentStatus {
    ConsentState state = ConsentState::Unanswered;
    std::string detail;
    // A young person under 18 who wants to consent on their own: allowed, but the one who takes
    // the consent assesses age and maturity in each case (seed 001: "ingen fast åldersgräns").
    bool needs_assessment = false;
    bool complete() const { return state == ConsentState::Wished; }
};

ConsentStatus consent_status(const Preparation& p, const Consent& c, const Date& today);

// A guardian's answer to a consent or to the SIP itself: each answers for themselves, and a
// missing answer is neither a yes nor a no (seed 001: "Finns två vårdnadshavare ska båda ge sitt
// samtycke").
enum class GuardianAnswer { Agrees, Declines, None };
struct GuardianAnswerOf {
    const Representative* guardian;
    GuardianAnswer answer;
    std::string date;  // the counted answer's date, as written (may be empty)
};
// Every guardian among the representatives, in their order, with their answer in `answers` (a
// yes among several entries of theirs counts). The one reading of the answers: the consent's
// status, the rules, the summary, the consent form.
std::vector<GuardianAnswerOf> guardian_answers(const Preparation& p, const std::vector<GuardianApproval>& answers);
// The guardian's name, or their id when it is empty.
std::string guardian_label(const Representative& r);
// Whether every guardian of `p` agrees (and there is at least one).
bool all_guardians_agree(const std::vector<GuardianAnswerOf>& answers);

// Whether two versions of a consent ask for the same thing: to whom, yes or no, what, from when
// to when. A guardian's answer is to these terms; when they change, it no longer answers them.
bool same_consent_terms(const Consent& a, const Consent& b);

// The person's own screens say "Du vill …"; the summary, the professional's view and the CLI
// say "Vill …" about the person.
enum class ConsentVoice { You, Record };
// The status of `c` as a sentence start; catalog "consent.wish.*" (and "consent.wish.*.record").
std::string consent_status_text(const Preparation& p, const Consent& c, const Date& today, Lang lang,
                                ConsentVoice voice = ConsentVoice::Record);
// "från 1 december tills SIP:en avslutas", "till 30 juni 2027": the period of a consent in words,
// the year left out when it is this year.
// Its end date has passed.
bool consent_run_out(const Consent& c, const Date& today);
// `with_year`: every date with its year (a form to sign, read later), not only another year's.
std::string consent_period_words(const Consent& c, Lang lang, const Date& today, bool with_year = false);
// "1 december" (this year) or "30 juni 2027"; text that is not a date is returned as it is.
std::string consent_date_words(const std::string& iso, Lang lang, const Date& today, bool with_year = false);

}  // namespace sipprep
