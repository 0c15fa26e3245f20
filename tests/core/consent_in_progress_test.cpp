// A child's consents half answered, as a coordinator found them in a family's file: what the home
// wrote is a wish, a guardian's missing answer is neither a yes nor a no, and a child's consent
// needs both guardians (seed 001 "Samtycke för barn och unga under 18 år"). The summary, the rules
// and the printable consent form must all say the same, from the one reading of the answers.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/bundle.hpp"
#include "core/consent_form.hpp"
#include "core/consent_status.hpp"
#include "core/summary.hpp"
#include "core/validation.hpp"

using namespace sipprep;

namespace {

const Date kToday{2026, 11, 23};

// Elsa, 13, from the example: the tester's file sip-elsa-2026-11-16.json, made here.
Preparation elsa() {
    std::ifstream f(std::filesystem::path(SIPPREP_SOURCE_DIR) / "assets/examples/barn-skolfranvaro.json",
                    std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    Preparation p = import_bundle(text, kToday).preparation;
    std::vector<Consent>& cs = p.consents;
    EXPECT_EQ(cs.size(), 4u);
    const Consent school = cs[0];
    cs[0].guardian_approvals.resize(1);            // c-1: Jonas has not answered
    cs[1].guardian_approvals[1].agrees = false;    // c-2: Jonas says no
    cs[2].decision = ConsentDecision::Unanswered;  // c-3: no choice made, both guardians' yes left
    cs[2].form = ConsentForm::Unanswered;
    cs[3].decision = ConsentDecision::Deny;  // c-4: a no, both guardians' yes left
    p.invitations.actors.push_back(Invitee{"a-5", ActorKind::Other, "Fritidsgården", "Fritidsgården Lyan", ""});
    Consent own;  // c-5: the child's own, oral, no dates
    own.id = "c-5";
    own.actor = "a-5";
    own.decision = ConsentDecision::Permit;
    own.form = ConsentForm::Oral;
    own.given_by = ConsentGiver::Person;
    own.categories = {InfoCategory::School};
    own.information = "Att jag har svårt i skolan.";
    cs.push_back(own);
    Consent expired = school;  // c-6: run out
    expired.id = "c-6";
    expired.actor = "a-2";
    expired.valid_from = "2026-01-01";
    expired.valid_to = "2026-06-30";
    cs.push_back(expired);
    Consent revoked = school;  // c-7: taken back
    revoked.id = "c-7";
    revoked.actor = "a-4";
    revoked.revoked_on = "2026-11-20";
    cs.push_back(revoked);
    p.sip_consent.guardians.resize(1);  // only Maria answered about the SIP
    return p;
}

std::string professional_text(const Preparation& p) {
    return render_text(build_summary(p, Lang::Sv, kToday, validate(p, kToday), Reader::Professional));
}

// The lines of `text` from the one starting with `start`, up to (not with) the next bullet.
std::string entry(const std::string& text, const std::string& start) {
    const auto at = text.find("- " + start, text.find("Vem som får dela uppgifter:"));
    if (at == std::string::npos) return "(no entry " + start + ")";
    const auto end = text.find("\n- ", at + 1);
    return text.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

bool contains(const std::string& text, const std::string& words) { return text.find(words) != std::string::npos; }

}  // namespace

TEST(ConsentInProgress, TheSummaryNamesTheGuardianWhoHasNotAnsweredTheSip) {
    const std::string text = professional_text(elsa());
    const auto sip = text.find("Samtycke till SIP:");
    const auto sharing = text.find("Vem som får dela uppgifter:");
    ASSERT_NE(sip, std::string::npos) << text;
    const std::string section = text.substr(sip, sharing - sip);
    EXPECT_TRUE(contains(section, "Maria Nilsson vill att barnet får en SIP")) << section;
    EXPECT_TRUE(contains(section, "Jonas Nilsson har inte svarat om barnet ska få en SIP")) << section;
    // Beside theirs, Elsa's own answer says it is hers (it stood there with no name).
    EXPECT_TRUE(contains(section, "- Barnets eget svar: Vill ha en SIP")) << section;
}

TEST(ConsentInProgress, EachConsentShowsEveryGuardiansAnswerAsItStands) {
    const std::string text = professional_text(elsa());
    // c-1: a yes waiting for Jonas, said beside the consent, not only among the warnings.
    const std::string school = entry(text, "Skolan, Parkskolan, mentor Sara Ek");
    EXPECT_TRUE(contains(school, "Maria Nilsson vill samtycka")) << school;
    EXPECT_TRUE(contains(school, "Jonas Nilsson har inte svarat själv än")) << school;
    // c-3 and c-4: a guardian's yes beside no answer or a no is not "vill samtycka".
    for (const char* receiver : {"Psykiatrin, BUP Östersund", "Socialtjänsten, Barn och unga – Vill inte"}) {
        const std::string e = entry(text, receiver);
        EXPECT_FALSE(contains(e, "Nilsson vill samtycka")) << e;
        EXPECT_TRUE(contains(e, "Maria Nilsson har svarat att hen vill samtycka – det stämmer inte med svaret ovan"))
            << e;
        EXPECT_TRUE(contains(e, "Jonas Nilsson har svarat att hen vill samtycka – det stämmer inte med svaret ovan"))
            << e;
    }
}

TEST(ConsentInProgress, AGuardiansMissingAnswerIsAWarningForEveryConsentAlike) {
    const Preparation p = elsa();
    const std::vector<Issue> issues = validate(p, kToday);
    const auto find = [&](const std::string& code) {
        return std::find_if(issues.begin(), issues.end(), [&](const Issue& i) { return i.code == code; });
    };
    for (const char* code : {"consent.guardian_missing", "sip_consent.guardian_missing"}) {
        const auto it = find(code);
        ASSERT_NE(it, issues.end()) << code;
        EXPECT_EQ(it->severity, Severity::Warning) << code;
        EXPECT_EQ(it->args.at(0), "Jonas Nilsson") << code;
    }
    EXPECT_FALSE(has_errors(issues)) << "a consent being prepared is not a broken file";
    const std::string text = professional_text(p);
    EXPECT_FALSE(contains(text, "Fel i filen")) << text;
    // A guardian's yes beside no choice, or beside a no: the rules name the contradiction.
    const auto unanswered = find("consent.guardian_yes_unanswered");
    ASSERT_NE(unanswered, issues.end());
    EXPECT_EQ(unanswered->path, "/content/consents/2/guardian_approvals");
    EXPECT_EQ(unanswered->args.at(0), "Maria Nilsson, Jonas Nilsson");
    const auto to_no = find("consent.guardian_yes_to_no");
    ASSERT_NE(to_no, issues.end());
    EXPECT_EQ(to_no->path, "/content/consents/3/guardian_approvals");
    EXPECT_NE(describe(*to_no, Lang::Sv)
                  .find("valet är att de inte ska få uppgifter, men Maria Nilsson, Jonas Nilsson "
                        "har svarat ja till att samtycka"),
              std::string::npos)
        << describe(*to_no, Lang::Sv);
    // Taken back or expired: the guardians' earlier yes is no contradiction.
    EXPECT_EQ(std::count_if(issues.begin(), issues.end(),
                            [](const Issue& i) { return i.code.rfind("consent.guardian_yes_", 0) == 0; }),
              2);
}

TEST(ConsentInProgress, TheFormClaimsNothingThatWasNotAnswered) {
    const Preparation p = elsa();
    const std::string form = render_text(build_consent_forms(p, Lang::Sv, kToday));
    // Not "vi": only Maria has answered about the SIP.
    EXPECT_FALSE(contains(form, "Vi vill att barnet får")) << form;
    EXPECT_FALSE(contains(form, "med det vi vill samtycka till")) << form;
    EXPECT_TRUE(contains(form, "Maria Nilsson vill att barnet får en SIP")) << form;
    EXPECT_TRUE(contains(form, "Jonas Nilsson har inte svarat om barnet ska få en SIP")) << form;
    EXPECT_TRUE(contains(form, "Alla har inte svarat ja än.")) << form;
    // Nothing is complete, so nothing is under "får dela".
    EXPECT_FALSE(contains(form, "får dela uppgifter om barnet med varandra")) << form;
    const auto open = form.find("Det här skrivs inte under nu, och så här står det till:");
    ASSERT_NE(open, std::string::npos) << form;
    const std::string listed = form.substr(open);
    // c-1: named with the guardian whose answer is missing.
    EXPECT_TRUE(contains(listed,
                         "- Skolan, Parkskolan, mentor Sara Ek – Frånvaro, anpassningar och betyg; Skola – Inte klart: "
                         "Jonas Nilsson har inte svarat själv än (från 15 november 2026 till 15 juni 2027)"))
        << form;
    // c-2: a guardian's no, by name.
    EXPECT_TRUE(contains(listed, "Delas inte: Jonas Nilsson vill inte samtycka")) << form;
    // c-3: not answered, not left out.
    EXPECT_TRUE(
        contains(listed, "- Psykiatrin, BUP Östersund – Remiss och bedömning; Hälsa och vård – Inte besvarat än"))
        << form;
    // c-5: the child's own, not under the guardians' words, with what is missing.
    EXPECT_TRUE(contains(listed,
                         "- Fritidsgården, Fritidsgården Lyan – Att jag har svårt i skolan; Skola – Inte klart: "
                         "det står inte från när till när"))
        << form;
    // c-7: taken back.
    EXPECT_TRUE(contains(listed, "Drog tillbaka sin vilja 20 november 2026")) << form;
    // c-4 and c-6 as before: a no, and one run out.
    EXPECT_TRUE(contains(form, "De här ska inte få uppgifter om barnet: Socialtjänsten, Barn och unga")) << form;
    EXPECT_TRUE(contains(form,
                         "Har gått ut och gäller inte längre, om det inte ges på nytt med ett nytt datum: "
                         "Elevhälsan, Elevhälsan Parkskolan"))
        << form;
    // Still a form to sign: each guardian signs for the SIP; the child signs nothing complete.
    EXPECT_TRUE(contains(form, "Vårdnadshavare: Maria Nilsson")) << form;
    EXPECT_TRUE(contains(form, "Vårdnadshavare: Jonas Nilsson")) << form;
    EXPECT_FALSE(contains(form, "Jag själv: Elsa Nilsson")) << form;
}

TEST(ConsentInProgress, TheFormSaysVionlyWhenEveryGuardianAgreesAndKeepsTheChildsOwnApart) {
    Preparation p = elsa();
    p.sip_consent.guardians.push_back(GuardianApproval{"g-2", "", true});
    p.consents[0].guardian_approvals.push_back(GuardianApproval{"g-2", "", true});
    p.consents[4].until_plan_ends = true;  // the child's own, now complete
    const std::string form = render_text(build_consent_forms(p, Lang::Sv, kToday));
    EXPECT_TRUE(contains(form, "Vi vill att barnet får en samordnad individuell plan (SIP).")) << form;
    EXPECT_FALSE(contains(form, "Alla har inte svarat ja än.")) << form;
    const auto sharing = form.find("De här verksamheterna och personerna får dela uppgifter om barnet med varandra:");
    const auto own = form.find("Det här vill Elsa Nilsson samtycka till själv.");
    ASSERT_NE(sharing, std::string::npos) << form;
    ASSERT_NE(own, std::string::npos) << form;
    const std::string guardians_part = form.substr(sharing, own - sharing);
    EXPECT_TRUE(contains(guardians_part, "- Skolan, Parkskolan, mentor Sara Ek – Frånvaro")) << form;
    EXPECT_FALSE(contains(guardians_part, "Fritidsgården")) << "the child's own is not the guardians' list";
    EXPECT_TRUE(contains(form.substr(own),
                         "- Fritidsgården, Fritidsgården Lyan – Att jag har svårt i skolan; Skola – "
                         "tills SIP:en avslutas"))
        << form;
    EXPECT_TRUE(contains(form, "Jag själv: Elsa Nilsson")) << form;
}
