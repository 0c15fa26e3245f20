// What a consent means on the day it is read, in words — the one rule behind the summary, the
// professional's view, the print and the FHIR status.
#include <gtest/gtest.h>

#include "core/consent_form.hpp"
#include "core/consent_status.hpp"
#include "core/fhir.hpp"
#include "core/labels.hpp"
#include "core/summary.hpp"
#include "core/validation.hpp"

using namespace sipprep;

namespace {

const Date kToday{2026, 11, 23};

Preparation with_one_consent() {
    Preparation p = make_new_preparation();
    p.owner.name = "Kerstin";
    p.invitations.actors.push_back(Invitee{"a-1", ActorKind::PrimaryCare, "", "Vårdcentralen Ryd", ""});
    Consent c;
    c.id = "c-1";
    c.actor = "a-1";
    p.consents.push_back(c);
    return p;
}

std::string words(const Preparation& p) {
    return consent_status_text(consent_status(p, p.consents[0], kToday), Lang::Sv);
}

}  // namespace

TEST(ConsentStatus, EachDayInWords) {
    Preparation p = with_one_consent();
    EXPECT_EQ(words(p), "Inte besvarat än") << "nothing is chosen for the person";
    Consent& c = p.consents[0];
    c.decision = ConsentDecision::Permit;
    EXPECT_EQ(words(p), "Gäller inte än: det står inte vilka uppgifter som får delas") << "never general";
    c.information = "Mediciner";
    EXPECT_EQ(words(p), "Gäller inte än: det står inte hur länge det ska gälla");
    c.until_plan_ends = true;
    EXPECT_EQ(words(p), "Gäller");
    c.valid_from = "2026-12-01";
    EXPECT_EQ(words(p), "Gäller först från 2026-12-01");
    c.valid_from = "2026-01-01";
    c.until_plan_ends = false;
    c.valid_to = "2026-06-30";
    EXPECT_EQ(words(p), "Har gått ut (2026-06-30)");
    c.revoked_on = "2026-11-23";
    EXPECT_EQ(words(p), "Togs tillbaka 2026-11-23 – får inte dela längre");
    c.revoked_on.clear();
    c.decision = ConsentDecision::Deny;
    EXPECT_EQ(words(p), "Får inte dela uppgifter");
}

TEST(ConsentStatus, AChildsConsentWaitsForEachGuardianByName) {
    Preparation p = with_one_consent();
    p.owner.child = true;  // no personnummer yet
    p.representatives.push_back(Representative{"r-1", "Mehmet", RepresentativeKind::Guardian, "pappa", "", ""});
    p.representatives.push_back(Representative{"r-2", "Sara", RepresentativeKind::Guardian, "mamma", "", ""});
    Consent& c = p.consents[0];
    c.decision = ConsentDecision::Permit;
    c.information = "Skolfrånvaro";
    c.valid_to = "2027-06-30";
    c.given_by = ConsentGiver::Guardians;
    c.guardian_approvals.push_back(GuardianApproval{"r-2", "2026-11-20", true});
    EXPECT_EQ(words(p), "Gäller inte än: Mehmet har inte samtyckt");
    // Never "Får dela" for a consent that is not in force: not in the summary, not in FHIR.
    const std::string summary = summary_text(p, Lang::Sv, kToday, validate(p, kToday));
    EXPECT_NE(summary.find("Vårdcentralen, Vårdcentralen Ryd – Gäller inte än: Mehmet har inte samtyckt"),
              std::string::npos)
        << summary;
    EXPECT_EQ(summary.find("Får dela"), std::string::npos);
    BundleMeta meta;
    const auto fhir = to_fhir_bundle(p, meta, kToday, Lang::Sv);
    bool found = false;
    for (const auto& e : fhir["entry"])
        if (e["resource"]["resourceType"] == "Consent") {
            EXPECT_EQ(e["resource"]["status"], "proposed");
            found = true;
        }
    EXPECT_TRUE(found);
    c.guardian_approvals.push_back(GuardianApproval{"r-1", "2026-11-21", true});
    EXPECT_EQ(words(p), "Gäller");
}

TEST(ConsentStatus, TheToDoListNamesWhatIsOpen) {
    Preparation p = with_one_consent();
    p.invitations.actors.push_back(Invitee{"a-2", ActorKind::School, "", "", ""});
    p.participation.wished_date = "2026-11-01";
    const std::vector<Issue> issues = validate(p, kToday);
    auto has = [&](const char* code) {
        return std::any_of(issues.begin(), issues.end(), [&](const Issue& i) { return i.code == code; });
    };
    EXPECT_TRUE(has("invite.no_consent")) << "two invited, no choice made for either";
    EXPECT_TRUE(has("consent.unanswered"));
    EXPECT_TRUE(has("meeting.past"));
}

// The code a professional registers matches the kind of SIP (seed 004: hand-picked codes made the
// statistics unreliable). Suggested in FHIR, never registered.
TEST(Kva, TheSuggestedCodeFollowsTheKindOfSip) {
    EXPECT_STREQ(kva_code(PreparationKind::NewPlan).code, "AU124");
    EXPECT_STREQ(kva_code(PreparationKind::Discharge).code, "AU125");
    EXPECT_STREQ(kva_code(PreparationKind::FollowUp).code, "AW010");
    Preparation p = with_one_consent();
    p.kind = PreparationKind::Discharge;
    p.agreed.lead_person = "Anna Berg";  // the meeting has been held (no code before it)
    const auto fhir = to_fhir_bundle(p, BundleMeta{}, kToday, Lang::Sv);
    bool found = false;
    for (const auto& e : fhir["entry"])
        if (e["resource"]["resourceType"] == "QuestionnaireResponse") {
            const auto& ext = e["resource"]["extension"][0];
            EXPECT_EQ(ext["valueCoding"]["code"], "AU125");
            EXPECT_EQ(ext["valueCoding"]["display"], "upprättande av samordnad individuell plan (SIP) vid utskrivning");
            found = true;
        }
    EXPECT_TRUE(found);
}

// "Skriv ut samtyckesblankett": a page per organisation the person wants to consent to, with the
// person's choices and lines for each one who signs.
TEST(ConsentForm, OnePagePerOrganisationWithLinesForEachGuardian) {
    Preparation p = with_one_consent();
    p.owner.name = "Alva Nilsson";
    p.owner.child = true;
    p.representatives.push_back(Representative{"r-1", "Mehmet", RepresentativeKind::Guardian, "pappa", "", ""});
    p.representatives.push_back(Representative{"r-2", "Sara", RepresentativeKind::Guardian, "mamma", "", ""});
    p.invitations.actors.push_back(Invitee{"a-2", ActorKind::School, "", "", ""});
    Consent& c = p.consents[0];
    c.decision = ConsentDecision::Permit;
    c.information = "Mediciner";
    c.until_plan_ends = true;
    c.given_by = ConsentGiver::Guardians;
    Consent no;
    no.id = "c-2";
    no.actor = "a-2";
    no.decision = ConsentDecision::Deny;
    p.consents.push_back(no);
    const Summary forms = build_consent_forms(p, Lang::Sv, kToday);
    ASSERT_EQ(forms.sections.size(), 1u) << "nothing to sign for a no";
    const std::string html = render_html(forms, Lang::Sv);
    EXPECT_NE(html.find("Samtycke för Vårdcentralen, Vårdcentralen Ryd"), std::string::npos);
    EXPECT_NE(html.find("Vårdnadshavare: Mehmet"), std::string::npos);
    EXPECT_NE(html.find("Vårdnadshavare: Sara"), std::string::npos);
    EXPECT_NE(html.find("tills SIP:en avslutas"), std::string::npos);
    EXPECT_NE(html.find("class=\"page\""), std::string::npos);
    EXPECT_NE(html.find("Underskrift:"), std::string::npos);
}

// Consent can be to a person as well as to an organisation (a relative who is to be told).
TEST(ConsentStatus, AConsentCanBeToARelative) {
    Preparation p = with_one_consent();
    p.contributors.push_back(Contributor{"rel-1", "Karin", ContributorRole::Relative, "dotter"});
    Consent c;
    c.id = "c-2";
    c.actor = "rel-1";
    c.decision = ConsentDecision::Permit;
    c.information = "Hur det går med rehabiliteringen";
    c.until_plan_ends = true;
    p.consents.push_back(c);
    for (const Issue& i : validate(p, kToday)) EXPECT_NE(i.code, "consent.unknown_actor") << i.path;
    EXPECT_EQ(
        consent_sentence(p, p.consents[1], Lang::Sv),
        "Karin (dotter) får ta del av uppgifter om mig: Hur det går med rehabiliteringen. Gäller från i dag tills "
        "SIP:en avslutas.");
    const std::string summary = summary_text(p, Lang::Sv, kToday, {});
    EXPECT_NE(summary.find("Karin (dotter) – Gäller"), std::string::npos) << summary;
}
