// What a consent means on the day it is read, in words — the one rule behind the summary, the
// professional's view, the print and the FHIR status.
#include <gtest/gtest.h>

#include "core/consent_form.hpp"
#include "core/consent_status.hpp"
#include "core/fhir.hpp"
#include "core/labels.hpp"
#include "core/model_json.hpp"
#include "core/summary.hpp"
#include "core/validation.hpp"

#include <algorithm>

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

std::string words(const Preparation& p) { return consent_status_text(p, p.consents[0], kToday, Lang::Sv); }

}  // namespace

std::string you(const Preparation& p) {
    return consent_status_text(p, p.consents[0], kToday, Lang::Sv, ConsentVoice::You);
}

std::string fhir_consent_status(const Preparation& p) {
    const auto fhir = to_fhir_bundle(p, BundleMeta{}, kToday, Lang::Sv);
    for (const auto& e : fhir["entry"])
        if (e["resource"]["resourceType"] == "Consent" && e["resource"]["scope"]["coding"][0]["code"] != "treatment")
            return e["resource"]["status"];
    return "";
}

// Issue 26: everything typed at home is a wish; no status says it holds ("Gäller"), and FHIR never
// says "active" for a preparation.
TEST(ConsentStatus, EverythingTypedAtHomeIsAWish) {
    Preparation p = with_one_consent();
    EXPECT_EQ(words(p), "Inte besvarat än") << "nothing is chosen for the person";
    EXPECT_EQ(fhir_consent_status(p), "draft");
    Consent& c = p.consents[0];
    c.decision = ConsentDecision::Permit;
    EXPECT_EQ(words(p), "Inte klart: det står inte vilka uppgifter som får delas") << "never general";
    c.information = "Mediciner";
    EXPECT_EQ(words(p), "Inte klart: det står inte från när till när");
    c.until_plan_ends = true;
    c.valid_from = "2026-12-01";
    EXPECT_EQ(you(p), "Du vill samtycka från 1 december tills SIP:en avslutas");
    EXPECT_EQ(words(p), "Vill samtycka från 1 december 2026 tills SIP:en avslutas");
    EXPECT_EQ(fhir_consent_status(p), "proposed") << "a complete wish is proposed, never active";
    c.valid_from = "2026-01-01";
    EXPECT_EQ(fhir_consent_status(p), "proposed") << "not active even within its period";
    c.until_plan_ends = false;
    c.valid_to = "2027-06-30";
    EXPECT_EQ(words(p), "Vill samtycka från 1 januari 2026 till 30 juni 2027");
    c.valid_to = "2026-06-30";
    EXPECT_EQ(words(p), "Tiden gick ut 30 juni 2026 – ett samtycke med slutdatum måste förnyas för att fortsätta")
        << "a time-limited consent must be renewed (seed 001)";
    // Carried over from the last plan and run out meanwhile: said as run out, not only "to confirm".
    c.review = true;
    EXPECT_EQ(words(p), "Tiden gick ut 30 juni 2026 – ett samtycke med slutdatum måste förnyas för att fortsätta");
    c.valid_to = "2027-06-30";
    EXPECT_NE(words(p).find("Från förra planen"), std::string::npos) << words(p);
    c.valid_to = "2026-06-30";
    c.review = false;
    c.revoked_on = "2026-11-23";
    EXPECT_EQ(words(p), "Drog tillbaka sin vilja 23 november 2026");
    EXPECT_EQ(you(p),
              "Du drog tillbaka din vilja 23 november – säg det till den som har huvudansvaret eller till "
              "verksamheten, det är då det gäller");
    EXPECT_EQ(fhir_consent_status(p), "inactive");
    c.revoked_on.clear();
    c.decision = ConsentDecision::Deny;
    EXPECT_EQ(words(p), "Vill inte att Vårdcentralen, Vårdcentralen Ryd får uppgifter");
    EXPECT_EQ(fhir_consent_status(p), "rejected");
    // A no carried over into a follow-up is still said as a no, not as something to confirm.
    c.review = true;
    EXPECT_EQ(words(p), "Vill inte att Vårdcentralen, Vårdcentralen Ryd får uppgifter");
    EXPECT_EQ(fhir_consent_status(p), "rejected");
    c.review = false;
    // No status text and no line of the summary says that something holds.
    for (const std::string& k : catalog_keys(Lang::Sv))
        if (k.rfind("consent.wish.", 0) == 0) {
            EXPECT_EQ(tr(Lang::Sv, k).find("Gäller"), std::string::npos) << k;
            EXPECT_EQ(tr(Lang::En, k).find("In force"), std::string::npos) << k;
        }
}

// Issue 26: once the SIP is marked closed, "tills SIP:en avslutas" has ended, and so has every
// wish to share for it.
TEST(ConsentStatus, AClosedSipEndsTheWishesForIt) {
    Preparation p = with_one_consent();
    Consent& c = p.consents[0];
    c.decision = ConsentDecision::Permit;
    c.information = "Mediciner";
    c.until_plan_ends = true;
    c.valid_from = "2026-01-01";
    p.agreed.closed = true;
    EXPECT_EQ(words(p), "Upphörde när SIP:en avslutades");
    p.agreed.closed_on = "2026-11-20";
    EXPECT_EQ(words(p), "Upphörde när SIP:en avslutades 20 november 2026");
    EXPECT_EQ(fhir_consent_status(p), "inactive");
    c.decision = ConsentDecision::Deny;
    EXPECT_EQ(words(p), "Vill inte att Vårdcentralen, Vårdcentralen Ryd får uppgifter") << "a no stays a no";
}

// Issue 26: the professional's view and the CLI summary say whose wish it is and who takes it.
TEST(ConsentStatus, TheProfessionalReadsTheWishesAndTakesTheConsent) {
    Preparation p = with_one_consent();
    const std::string pro = summary(p, Lang::Sv, kToday, {}, SummaryFormat::Text, Reader::Professional);
    EXPECT_NE(pro.find("Personens önskemål om samtycke – samtycket tas när SIP:en erbjuds och dokumenteras hos er."),
              std::string::npos)
        << pro;
    const std::string own = summary_text(p, Lang::Sv, kToday, {});
    EXPECT_EQ(own.find("dokumenteras hos er"), std::string::npos);
    EXPECT_NE(own.find("Samtycket tar den som erbjuder SIP:en"), std::string::npos) << own;
    // The texts no longer send the person to each organisation with their own form.
    for (const std::string& k : catalog_keys(Lang::Sv))
        EXPECT_EQ(tr(Lang::Sv, k).find("till varje verksamhet"), std::string::npos) << k;
    EXPECT_NE(tr(Lang::Sv, "consent.intro").find("den som erbjuder dig SIP:en"), std::string::npos);
    EXPECT_NE(tr(Lang::Sv, "consent.intro").find("mall för samtycke"), std::string::npos);
}

// Issue 26: a guardian's answer counts without a date (nothing fills one in), and each one who has
// not answered is named.
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
    c.guardian_approvals.push_back(GuardianApproval{"r-2", "", true});
    EXPECT_EQ(words(p), "Inte klart: Mehmet har inte svarat själv än (till 30 juni 2027)");
    const std::string summary = summary_text(p, Lang::Sv, kToday, validate(p, kToday));
    EXPECT_NE(summary.find("Vårdcentralen, Vårdcentralen Ryd – Inte klart: Mehmet har inte svarat själv än"),
              std::string::npos)
        << summary;
    EXPECT_NE(summary.find("Sara vill samtycka"), std::string::npos) << summary;
    EXPECT_EQ(fhir_consent_status(p), "proposed");
    c.guardian_approvals.push_back(GuardianApproval{"r-1", "", true});
    EXPECT_EQ(words(p), "Vill samtycka till 30 juni 2027");
    const auto issues = validate(p, kToday);
    EXPECT_FALSE(std::any_of(issues.begin(), issues.end(), [](const Issue& i) {
        return i.code == "consent.guardian_missing" || i.code == "date.invalid";
    })) << "a guardian's wish needs no date";
}

// Issue 26 (seed 001 "ingen fast åldersgräns"): a young person's own consent is allowed, marked as
// needing an assessment of age and maturity, instead of waiting for guardians forever.
TEST(ConsentStatus, AMatureYoungPersonMayWishToConsentThemselves) {
    Preparation p = with_one_consent();
    p.owner.child = true;
    p.representatives.push_back(Representative{"r-1", "Mehmet", RepresentativeKind::Guardian, "pappa", "", ""});
    Consent& c = p.consents[0];
    c.decision = ConsentDecision::Permit;
    c.information = "Skolfrånvaro";
    c.until_plan_ends = true;
    c.given_by = ConsentGiver::Person;
    const ConsentStatus s = consent_status(p, c, kToday);
    EXPECT_TRUE(s.complete());
    EXPECT_TRUE(s.needs_assessment);
    EXPECT_EQ(words(p),
              "Vill samtycka tills SIP:en avslutas – under 18 och samtycker själv: ålder och mognad bedöms i det "
              "enskilda fallet");
    const auto issues = validate(p, kToday);
    const auto it =
        std::find_if(issues.begin(), issues.end(), [](const Issue& i) { return i.code == "consent.child_by_person"; });
    ASSERT_NE(it, issues.end());
    EXPECT_EQ(it->severity, Severity::Warning) << "allowed, not an error";
    EXPECT_NE(describe(*it, Lang::Sv).find("båda om det finns två"), std::string::npos);
    EXPECT_NE(tr(Lang::Sv, "consent.intro.child").find("ingen fast åldersgräns"), std::string::npos);
}

// Issue 26 (seed 001): the consent to the SIP itself comes first; for a child both guardians answer;
// a no is respected and the right to coordinated support stays.
TEST(ConsentStatus, TheWishToHaveASipComesFirst) {
    Preparation p = with_one_consent();
    auto has = [&](const char* code) {
        const auto issues = validate(p, kToday);
        return std::any_of(issues.begin(), issues.end(), [&](const Issue& i) { return i.code == code; });
    };
    EXPECT_TRUE(has("sip_consent.unanswered"));
    std::string text = summary_text(p, Lang::Sv, kToday, {});
    const auto sip_at = text.find("Samtycke till SIP");
    ASSERT_NE(sip_at, std::string::npos) << text;
    EXPECT_LT(sip_at, text.find("Vårdcentralen, Vårdcentralen Ryd –")) << "before who may share what";
    p.sip_consent.wants = YesNo::No;
    EXPECT_FALSE(has("sip_consent.unanswered"));
    text = summary_text(p, Lang::Sv, kToday, {});
    EXPECT_NE(text.find("Vill inte ha en SIP – det ska respekteras, och rätten att få stödet samordnat finns kvar"),
              std::string::npos)
        << text;
    p.sip_consent.wants = YesNo::Yes;
    p.owner.child = true;
    p.representatives.push_back(Representative{"r-1", "Mehmet", RepresentativeKind::Guardian, "pappa", "", ""});
    p.representatives.push_back(Representative{"r-2", "Sara", RepresentativeKind::Guardian, "mamma", "", ""});
    p.sip_consent.guardians.push_back(GuardianApproval{"r-2", "", true});
    auto issues = validate(p, kToday);
    auto missing = std::find_if(issues.begin(), issues.end(),
                                [](const Issue& i) { return i.code == "sip_consent.guardian_missing"; });
    ASSERT_NE(missing, issues.end());
    EXPECT_EQ(describe(*missing, Lang::Sv),
              "Vårdnadshavarnas svar: Mehmet har inte svarat själv om barnet ska få en SIP.");
    p.sip_consent.guardians.push_back(GuardianApproval{"r-1", "", true});
    EXPECT_FALSE(has("sip_consent.guardian_missing"));
    EXPECT_FALSE(has("sip_consent.guardian_declines"));
    // A guardian's "no": a SIP for a child needs the guardians' consent (seeds 001 and 003).
    p.sip_consent.guardians.back().agrees = false;
    issues = validate(p, kToday);
    const auto declines = std::find_if(issues.begin(), issues.end(),
                                       [](const Issue& i) { return i.code == "sip_consent.guardian_declines"; });
    ASSERT_NE(declines, issues.end());
    EXPECT_EQ(declines->severity, Severity::Warning);
    EXPECT_EQ(declines->path, "/content/sip_consent/guardians/1/agrees");
    EXPECT_NE(describe(*declines, Lang::Sv)
                  .find("Mehmet har svarat nej till en SIP för barnet. En SIP kan bara "
                        "göras när vårdnadshavarna samtycker till den."),
              std::string::npos)
        << describe(*declines, Lang::Sv);
    p.sip_consent.guardians.back().agrees = true;
    // The round trip keeps it; an older file without it reads as unanswered.
    const Json j = to_json(p);
    EXPECT_EQ(j["sip_consent"]["wants"], "yes");
    EXPECT_EQ(preparation_from_json(j).sip_consent, p.sip_consent);
    Json old = j;
    old.erase("sip_consent");
    EXPECT_EQ(preparation_from_json(old).sip_consent.wants, YesNo::Unanswered);
    // FHIR: one more Consent, the wish to have a SIP, proposed.
    const auto fhir = to_fhir_bundle(p, BundleMeta{}, kToday, Lang::Sv);
    bool found = false;
    for (const auto& e : fhir["entry"])
        if (e["resource"]["resourceType"] == "Consent" && e["resource"]["scope"]["coding"][0]["code"] == "treatment") {
            found = true;
            EXPECT_EQ(e["resource"]["status"], "proposed");
            EXPECT_EQ(e["resource"]["performer"].size(), 3u) << "the child and both guardians";
        }
    EXPECT_TRUE(found);
}

// Issue 26 (seed 001): written, oral, or in another way — such as with AKK.
TEST(ConsentStatus, AConsentCanBeGivenInAnotherWay) {
    Preparation p = with_one_consent();
    p.consents[0].form = ConsentForm::Other;
    const Json j = to_json(p);
    EXPECT_EQ(j["consents"][0]["form"], "other");
    EXPECT_EQ(preparation_from_json(j).consents[0].form, ConsentForm::Other);
    EXPECT_NE(summary_text(p, Lang::Sv, kToday, {}).find("På annat sätt, till exempel med AKK"), std::string::npos);
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

// Issue 26: "Skriv ut samtyckesblankett" is one form: the SIP itself, everyone who may share with
// each other (by name), which information, from when to when, that only what is needed is shared,
// who may not, and a line to sign for each one who gives the consent.
TEST(ConsentForm, OneFormNamingEveryReceiverWithLinesForEachGuardian) {
    Preparation p = with_one_consent();
    p.owner.name = "Alva Nilsson";
    p.owner.child = true;
    p.sip_consent.wants = YesNo::Yes;
    p.representatives.push_back(Representative{"r-1", "Mehmet", RepresentativeKind::Guardian, "pappa", "", ""});
    p.representatives.push_back(Representative{"r-2", "Sara", RepresentativeKind::Guardian, "mamma", "", ""});
    p.invitations.actors.push_back(Invitee{"a-2", ActorKind::School, "", "", ""});
    p.invitations.actors.push_back(Invitee{"a-3", ActorKind::SocialInsurance, "", "", ""});
    Consent& c = p.consents[0];
    c.decision = ConsentDecision::Permit;
    c.information = "Mediciner.";
    c.valid_from = "2026-12-01";
    c.until_plan_ends = true;
    c.given_by = ConsentGiver::Guardians;
    Consent school;
    school.id = "c-2";
    school.actor = "a-2";
    school.decision = ConsentDecision::Permit;
    school.categories = {InfoCategory::School};
    school.valid_to = "2027-06-30";
    school.given_by = ConsentGiver::Guardians;
    p.consents.push_back(school);
    Consent no;
    no.id = "c-3";
    no.actor = "a-3";
    no.decision = ConsentDecision::Deny;
    p.consents.push_back(no);
    // Each guardian's own answer: "vi" only once both have said yes (seed 001).
    for (const char* g : {"r-1", "r-2"}) {
        p.sip_consent.guardians.push_back(GuardianApproval{g, "", true});
        for (Consent& k : p.consents)
            if (k.given_by == ConsentGiver::Guardians) k.guardian_approvals.push_back(GuardianApproval{g, "", true});
    }
    const Summary forms = build_consent_forms(p, Lang::Sv, kToday);
    ASSERT_EQ(forms.sections.size(), 1u) << "one form, not a page per organisation";
    EXPECT_FALSE(forms.sections[0].own_page);
    const std::string html = render_html(forms, Lang::Sv);
    // A child's form is signed by the guardians: it speaks of the child, not "mig".
    EXPECT_NE(html.find("Vi vill att barnet får en samordnad individuell plan (SIP)."), std::string::npos);
    EXPECT_EQ(html.find(" mig"), std::string::npos) << html;
    // Every date with its year: a signed form is read later, in another year too.
    EXPECT_NE(html.find("Vårdcentralen, Vårdcentralen Ryd – Mediciner – från 1 december 2026 tills SIP:en avslutas"),
              std::string::npos)
        << html;
    EXPECT_NE(html.find("Skolan – Skola – till 30 juni 2027"), std::string::npos) << html;
    EXPECT_NE(html.find("De här ska inte få uppgifter om barnet: Försäkringskassan"), std::string::npos) << html;
    EXPECT_NE(
        html.find("Delningen gäller bara de uppgifter som behövs för att planera och utföra insatserna för barnet."),
        std::string::npos);
    // One signature block per guardian, once — not once per organisation.
    auto count = [&](const std::string& w) {
        std::size_t n = 0;
        for (auto at = html.find(w); at != std::string::npos; at = html.find(w, at + 1)) ++n;
        return n;
    };
    EXPECT_EQ(count("Vårdnadshavare: Mehmet"), 1u);
    EXPECT_EQ(count("Vårdnadshavare: Sara"), 1u);
    EXPECT_EQ(count("Underskrift:"), 2u);
    EXPECT_EQ(html.find("Samtycke för "), std::string::npos);
    // What the template asks of each who consents (seed 000): personnummer and phone, left to
    // fill in where the file has none.
    EXPECT_EQ(count("Personnummer: ______"), 2u);
    EXPECT_EQ(count("Telefon: ______"), 2u);

    // A relative is told, and shares with no one: not among those who share with each other.
    p.contributors.push_back(Contributor{"rel-1", "Per Berg", ContributorRole::Relative, "morbror"});
    Consent told = p.consents[1];  // the school's, with both guardians' yes
    told.id = "c-4";
    told.actor = "rel-1";
    p.consents.push_back(told);
    const std::string with_relative = render_html(build_consent_forms(p, Lang::Sv, kToday), Lang::Sv);
    const auto sharing = with_relative.find("får dela uppgifter om barnet med varandra:");
    const auto receiving = with_relative.find("De här närstående får ta del av uppgifter om barnet:");
    const auto per = with_relative.find("Per Berg (morbror) – Skola");
    ASSERT_NE(receiving, std::string::npos) << with_relative;
    EXPECT_LT(sharing, receiving);
    EXPECT_GT(per, receiving) << "under the relatives' own heading";
    p.consents.pop_back();
    p.representatives[0].phone = "073-111 22 33";
    p.representatives[0].personal_id = "191212121212";
    const std::string filled = render_html(build_consent_forms(p, Lang::Sv, kToday), Lang::Sv);
    EXPECT_NE(filled.find("Telefon: 073-111 22 33"), std::string::npos) << filled;
    EXPECT_NE(filled.find("Personnummer: 19121212-1212"), std::string::npos) << filled;

    // A guardian who said no to the school: it is not on the list to sign for, but among those
    // who may not have information.
    Preparation declined = p;
    declined.consents[1].guardian_approvals[0].agrees = false;
    const std::string without = render_html(build_consent_forms(declined, Lang::Sv, kToday), Lang::Sv);
    EXPECT_EQ(without.find("Skolan – Skola – till 30 juni 2027"), std::string::npos) << without;
    EXPECT_NE(without.find("<li>Skolan – Skola – Delas inte: Mehmet vill inte samtycka</li>"), std::string::npos)
        << without;
    EXPECT_NE(without.find("De här ska inte få uppgifter om barnet: Försäkringskassan"), std::string::npos) << without;

    // One whose end date has passed is not printed as if it held; it is named as run out.
    p.consents[1].valid_to = "2026-11-01";
    const std::string later = render_html(build_consent_forms(p, Lang::Sv, kToday), Lang::Sv);
    EXPECT_EQ(later.find("Skolan – Skola –"), std::string::npos) << later;
    EXPECT_NE(later.find("Har gått ut och gäller inte längre, om det inte ges på nytt med ett nytt datum: Skolan"),
              std::string::npos)
        << later;
}

// A yes waiting for the other guardian still says for when it is meant.
TEST(ConsentStatus, AWishNotYetCompleteSaysItsPeriod) {
    Preparation p = with_one_consent();
    p.owner.child = true;
    p.representatives.push_back(Representative{"r-1", "Lina", RepresentativeKind::Guardian});
    p.representatives.push_back(Representative{"r-2", "Johan", RepresentativeKind::Guardian});
    Consent& c = p.consents[0];
    c.decision = ConsentDecision::Permit;
    c.categories = {InfoCategory::School};
    c.valid_from = "2026-12-07";
    c.valid_to = "2027-06-30";
    c.given_by = ConsentGiver::Guardians;
    c.guardian_approvals.push_back(GuardianApproval{"r-1", "", true});
    EXPECT_EQ(words(p), "Inte klart: Johan har inte svarat själv än (från 7 december 2026 till 30 juni 2027)");
}
