// FHIR R4 export: identifiers, consent states and performers, answers under the published
// Questionnaire's linkIds, and our checks of what FHIR requires but its schema does not enforce.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <set>

#include "core/bundle.hpp"
#include "core/fhir.hpp"
#include "core/sections.hpp"

using namespace sipprep;
namespace fs = std::filesystem;
using J = nlohmann::json;

namespace {

const Date kToday{2026, 11, 23};

ImportResult example(const char* name) {
    std::ifstream f(fs::path(SIPPREP_SOURCE_DIR) / "assets/examples" / name, std::ios::binary);
    return import_bundle(std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()), kToday);
}

std::vector<J> resources(const J& bundle, const std::string& type) {
    std::vector<J> out;
    for (const J& e : bundle["entry"])
        if (e["resource"]["resourceType"] == type) out.push_back(e["resource"]);
    return out;
}

// The consents about sharing information (the wish to have a SIP at all has scope "treatment").
std::vector<J> sharing_consents(const J& bundle) {
    std::vector<J> out;
    for (const J& c : resources(bundle, "Consent"))
        if (c["scope"]["coding"][0]["code"] == "patient-privacy") out.push_back(c);
    return out;
}

void collect_link_ids(const J& items, std::set<std::string>* out) {
    for (const J& i : items) {
        out->insert(i["linkId"].get<std::string>());
        if (i.contains("item")) collect_link_ids(i["item"], out);
    }
}

}  // namespace

TEST(Fhir, PatientHasTheSwedishIdentifier) {
    ImportResult r = example("barn-skolfranvaro.json");
    J b = to_fhir_bundle(r.preparation, r.meta, kToday, Lang::Sv);
    auto patients = resources(b, "Patient");
    ASSERT_EQ(patients.size(), 1u);
    EXPECT_EQ(patients[0]["identifier"][0]["system"], kPersonnummerSystem);
    EXPECT_EQ(patients[0]["identifier"][0]["value"], "201309052841");
    EXPECT_EQ(resources(b, "RelatedPerson").size(), 2u);  // the two guardians, who also write
}

TEST(Fhir, SamordningsnummerUsesItsOwnSystem) {
    Preparation p = make_new_preparation();
    p.owner.personal_id = "197010632391";
    J b = to_fhir_bundle(p, BundleMeta{}, kToday, Lang::Sv);
    EXPECT_EQ(resources(b, "Patient")[0]["identifier"][0]["system"], kSamordningsnummerSystem);
}

TEST(Fhir, ConsentStatesPerformersAndPeriods) {
    ImportResult child = example("barn-skolfranvaro.json");
    J b = to_fhir_bundle(child.preparation, child.meta, kToday, Lang::Sv);
    auto consents = sharing_consents(b);
    ASSERT_EQ(consents.size(), 4u);
    for (const J& c : consents) {
        EXPECT_EQ(c["status"], "proposed") << "typed at home: a wish, never active (issue 26)";
        EXPECT_EQ(c["performer"].size(), 2u);  // each guardian
        EXPECT_EQ(c["provision"]["type"], "permit");
    }
    // BUP's consent holds until the SIP is closed: no end date is invented.
    EXPECT_FALSE(consents[2]["provision"]["period"].contains("end"));
    EXPECT_EQ(consents[0]["provision"]["period"]["end"], "2027-06-15");
    ImportResult older = example("aldre-uppfoljning.json");
    auto old_consents = sharing_consents(to_fhir_bundle(older.preparation, older.meta, kToday, Lang::Sv));
    std::vector<std::string> states;
    for (const J& c : old_consents) states.push_back(c["status"]);
    // A follow-up's carried-over consents stay wishes until confirmed; expired and withdrawn are inactive.
    EXPECT_EQ(states, (std::vector<std::string>{"proposed", "inactive", "inactive", "proposed"}));
    EXPECT_EQ(old_consents[2]["provision"]["period"]["end"], "2026-09-14");
    ImportResult rel = example("narstaende-tillsammans.json");
    auto rel_consents = sharing_consents(to_fhir_bundle(rel.preparation, rel.meta, kToday, Lang::Sv));
    EXPECT_EQ(rel_consents.back()["status"], "rejected");
    EXPECT_EQ(rel_consents.back()["provision"]["type"], "deny");
}

// The guardians' answers are read as everywhere else (guardian_answers): a guardian's later yes
// counts over an earlier no, and an answer from someone who is no longer a guardian is no answer.
TEST(Fhir, AGuardiansAnswerIsReadAsTheSummaryReadsIt) {
    ImportResult child = example("barn-skolfranvaro.json");
    Preparation& p = child.preparation;
    ASSERT_GE(p.representatives.size(), 2u);
    const std::string first = p.representatives[0].id;
    p.sip_consent.wants = YesNo::Yes;
    p.sip_consent.guardians = {GuardianApproval{first, "2026-11-01", false},
                               GuardianApproval{first, "2026-11-02", true},
                               GuardianApproval{"gone-guardian", "2026-11-02", false}};
    J sip;
    for (const J& c : resources(to_fhir_bundle(p, child.meta, kToday, Lang::Sv), "Consent"))
        if (c["scope"]["coding"][0]["code"] == "treatment") sip = c;
    ASSERT_FALSE(sip.is_null());
    EXPECT_EQ(sip["status"], "proposed");
    EXPECT_EQ(sip["provision"]["type"], "permit");
    EXPECT_EQ(sip["performer"].size(), 2u);  // the child and the guardian who said yes

    Consent& c = p.consents[0];
    c.guardian_approvals = {GuardianApproval{first, "2026-10-30", true},
                            GuardianApproval{"gone-guardian", "2026-11-20", true}};
    const J consent = sharing_consents(to_fhir_bundle(p, child.meta, kToday, Lang::Sv))[0];
    EXPECT_EQ(consent["performer"].size(), 1u);
    EXPECT_NE(consent.value("dateTime", ""), "2026-11-20");
}

TEST(Fhir, AnswersUseTheQuestionnairesLinkIds) {
    std::set<std::string> known;
    collect_link_ids(fhir_questionnaire(Lang::Sv)["item"], &known);
    for (const char* name : {"vuxen-efter-sjukhusvistelse.json", "barn-skolfranvaro.json", "aldre-uppfoljning.json",
                             "narstaende-tillsammans.json"}) {
        ImportResult r = example(name);
        J b = to_fhir_bundle(r.preparation, r.meta, kToday, Lang::Sv);
        auto qr = resources(b, "QuestionnaireResponse");
        ASSERT_EQ(qr.size(), 1u);
        EXPECT_EQ(qr[0]["status"], "completed");
        std::set<std::string> used;
        collect_link_ids(qr[0]["item"], &used);
        for (const std::string& id : used) EXPECT_TRUE(known.count(id)) << name << ": " << id;
        EXPECT_TRUE(check_fhir_required(b).empty()) << name;
    }
}

TEST(Fhir, RequiredElementsTheSchemaMisses) {
    J b = {{"resourceType", "Bundle"},
           {"type", "collection"},
           {"entry", J::array({J{{"fullUrl", "urn:uuid:1"},
                                 {"resource", {{"resourceType", "Consent"}, {"scope", {{"text", "x"}}}}}}})}};
    auto missing = check_fhir_required(b);
    ASSERT_EQ(missing.size(), 3u);
    EXPECT_NE(missing[0].find("status"), std::string::npos);
}

TEST(Fhir, SameInputSameOutput) {
    ImportResult r = example("vuxen-efter-sjukhusvistelse.json");
    EXPECT_EQ(to_fhir_bundle(r.preparation, r.meta, kToday, Lang::Sv).dump(),
              to_fhir_bundle(r.preparation, r.meta, kToday, Lang::Sv).dump());
}

TEST(Fhir, TheAgreementAndWhetherItWasDoneAreAnswered) {
    auto answers = [](const char* name) {
        ImportResult r = example(name);
        J qr = resources(to_fhir_bundle(r.preparation, r.meta, kToday, Lang::Sv), "QuestionnaireResponse")[0];
        std::set<std::string> used;
        collect_link_ids(qr["item"], &used);
        return std::make_pair(qr, used);
    };
    auto [after, used] = answers("vuxen-efter-sjukhusvistelse.json");
    for (const char* id : {"agreed", "agreed.effort", "agreed.effort.what", "agreed.effort.who",
                           "agreed.effort.by-when", "agreed.lead", "agreed.follow-up", "agreed.contact"})
        EXPECT_TRUE(used.count(id)) << id;
    auto [follow, fu_used] = answers("aldre-uppfoljning.json");
    EXPECT_TRUE(fu_used.count("follow-up.agreed-effort.done"));
    EXPECT_NE(follow.dump().find("Delvis"), std::string::npos);
}

// What the person marked for the convener only (topics not to raise) never goes into the export
// meant for a record, as the professional's copy and print leave it out.
TEST(Fhir, TopicsNotToRaiseStayOutOfTheExport) {
    Preparation p = make_new_preparation();
    p.owner.name = "Kerstin";
    p.participation.topics_to_avoid.entries.push_back(Entry{"person", "Min sons skulder"});
    const std::string dump = to_fhir_bundle(p, BundleMeta{}, Date{2026, 11, 23}, Lang::Sv).dump();
    EXPECT_EQ(dump.find("Min sons skulder"), std::string::npos);
}

// Everyone's words in every section reach the record, each under a linkId of the Questionnaire,
// except the topics not to raise, which are for the convener only.
TEST(Fhir, EveryFreeTextQuestionIsAnswered) {
    std::set<std::string> known;
    collect_link_ids(fhir_questionnaire(Lang::Sv)["item"], &known);
    Preparation base = make_new_preparation();
    base.kind = PreparationKind::FollowUp;
    for (const Section& s : plan_sections()) {
        for (const WordsPart<Preparation>& w : s.words) {
            Preparation p = base;
            const std::string words = "Egna ord i " + w.path();
            const_cast<std::vector<Entry>&>(w.entries(p)).push_back(Entry{kPersonId, words});
            const std::string qr =
                resources(to_fhir_bundle(p, BundleMeta{}, kToday, Lang::Sv), "QuestionnaireResponse")[0].dump();
            if (s.id == SectionId::Convener) {
                EXPECT_EQ(qr.find(words), std::string::npos);
                continue;
            }
            EXPECT_NE(qr.find(words), std::string::npos) << w.path();
            ASSERT_TRUE(w.link_id) << w.path();
            EXPECT_TRUE(known.count(w.link_id)) << w.link_id;
        }
    }
}

// The Questionnaire is published: version 1's items keep their places, and what version 2 added
// comes last.
TEST(Fhir, QuestionnaireVersionTwoAddsTheChildsViewLast) {
    const J q = fhir_questionnaire(Lang::Sv);
    EXPECT_EQ(q["version"], "2");
    EXPECT_EQ(q["item"].back()["linkId"], "consents.child-view");
    EXPECT_EQ(q["item"][0]["linkId"], "kind");
    ImportResult r = example("barn-skolfranvaro.json");
    const J qr = resources(to_fhir_bundle(r.preparation, r.meta, kToday, Lang::Sv), "QuestionnaireResponse")[0];
    EXPECT_EQ(qr["questionnaire"], std::string(kQuestionnaireUrl) + "|2");
}
