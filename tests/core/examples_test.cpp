// The example bundles in assets/examples/ are part of the public contract: they must stay
// valid, canonical (export(import(x)) == x) and unchanged since export.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/bundle.hpp"
#include "core/model_json.hpp"
#include "core/summary.hpp"

using namespace sipprep;
namespace fs = std::filesystem;

namespace {

const Date kToday{2026, 11, 23};

std::string read(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

std::vector<fs::path> examples() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(fs::path(SIPPREP_SOURCE_DIR) / "assets" / "examples"))
        if (e.path().extension() == ".json") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST(Examples, AtLeastTheFourCases) {
    auto files = examples();
    ASSERT_GE(files.size(), 4u);
    for (const char* name :
         {"vuxen-efter-sjukhusvistelse", "barn-skolfranvaro", "aldre-uppfoljning", "narstaende-tillsammans"})
        EXPECT_TRUE(fs::exists(fs::path(SIPPREP_SOURCE_DIR) / "assets" / "examples" / (std::string(name) + ".json")))
            << name;
}

TEST(Examples, ValidUnchangedAndCanonical) {
    for (const fs::path& file : examples()) {
        SCOPED_TRACE(file.filename().string());
        std::string text = read(file);
        ImportResult r = import_bundle(text, kToday);
        ASSERT_TRUE(r.readable);
        for (const Issue& i : r.issues)
            if (i.severity == Severity::Error) ADD_FAILURE() << i.path << ": " << describe(i, Lang::En);
        EXPECT_EQ(r.integrity, Integrity::Unchanged);
        EXPECT_EQ(export_bundle(r.preparation, r.meta), text);
        EXPECT_FALSE(summary_text(r.preparation, Lang::Sv, kToday, r.issues).empty());
    }
}

TEST(Examples, ChildCaseHasBothGuardiansConsent) {
    ImportResult r =
        import_bundle(read(fs::path(SIPPREP_SOURCE_DIR) / "assets/examples/barn-skolfranvaro.json"), kToday);
    ASSERT_TRUE(r.valid());
    for (const Consent& c : r.preparation.consents) {
        EXPECT_EQ(c.given_by, ConsentGiver::Guardians);
        EXPECT_EQ(c.guardian_approvals.size(), 2u);
    }
    // Removing one guardian's agreement leaves a consent not yet answered by that guardian: a
    // warning naming them, not a broken file (seed 001: both are to consent before it holds).
    Json j = Json::parse(read(fs::path(SIPPREP_SOURCE_DIR) / "assets/examples/barn-skolfranvaro.json"));
    j["content"]["consents"][0]["guardian_approvals"].erase(1);
    ImportResult changed = import_bundle(j.dump(), kToday);
    EXPECT_TRUE(changed.valid());
    EXPECT_EQ(changed.integrity, Integrity::Changed);
    const auto missing = std::find_if(changed.issues.begin(), changed.issues.end(),
                                      [](const Issue& i) { return i.code == "consent.guardian_missing"; });
    ASSERT_NE(missing, changed.issues.end());
    EXPECT_EQ(missing->severity, Severity::Warning);
    EXPECT_EQ(missing->args.at(0), "Jonas Nilsson");
}

TEST(Examples, SummaryInBothLanguages) {
    ImportResult r =
        import_bundle(read(fs::path(SIPPREP_SOURCE_DIR) / "assets/examples/aldre-uppfoljning.json"), kToday);
    std::string sv = summary_text(r.preparation, Lang::Sv, kToday, r.issues);
    std::string en = summary_text(r.preparation, Lang::En, kToday, r.issues);
    EXPECT_NE(sv.find("Uppföljning av tidigare SIP"), std::string::npos);
    EXPECT_NE(sv.find("Tolk: finska"), std::string::npos);
    EXPECT_NE(sv.find("Drog tillbaka sin vilja 14 september 2026"), std::string::npos) << sv;
    EXPECT_NE(sv.find("Tiden gick ut 1 november 2026 – ett samtycke med slutdatum måste förnyas"), std::string::npos);
    EXPECT_EQ(sv.find("ÅTERKALLAT"), std::string::npos);
    EXPECT_NE(en.find("Follow-up of the earlier SIP"), std::string::npos);
    EXPECT_NE(en.find("Took back their wish on 14 September 2026"), std::string::npos) << en;
}

// The professional reads about the person, not instructions meant for them ("Säg till …").
TEST(Examples, TheProfessionalIsNotToldWhatThePersonShouldSay) {
    ImportResult r =
        import_bundle(read(fs::path(SIPPREP_SOURCE_DIR) / "assets/examples/aldre-uppfoljning.json"), kToday);
    const std::string pro = render_text(opened_file_summary(r, Lang::Sv, kToday));
    EXPECT_EQ(pro.find("Säg till"), std::string::npos) << pro;
    EXPECT_EQ(pro.find("säg det till"), std::string::npos) << pro;
    EXPECT_NE(pro.find("ska en avvikelse skrivas"), std::string::npos) << pro;
    const std::string own = summary_text(r.preparation, Lang::Sv, kToday, r.issues);
    EXPECT_NE(own.find("Säg till den som har huvudansvaret"), std::string::npos) << own;
}

// The consents to share have a heading of their own: under "Samtycke till SIP" they read as part
// of the wish to have a SIP.
TEST(Examples, TheConsentsToShareAreNotUnderTheWishForASip) {
    ImportResult r =
        import_bundle(read(fs::path(SIPPREP_SOURCE_DIR) / "assets/examples/barn-skolfranvaro.json"), kToday);
    const std::string sv = summary_text(r.preparation, Lang::Sv, kToday, r.issues);
    const std::size_t wish = sv.find("Samtycke till SIP"), sharing = sv.find("Vem som får dela uppgifter"),
                      school = sv.find("Skolan, Parkskolan, mentor Sara Ek – Vill samtycka");
    ASSERT_NE(sharing, std::string::npos) << sv;
    EXPECT_LT(wish, sharing);
    EXPECT_LT(sharing, school);
}

// A consent given by a representative says which one: "En företrädare" alone did not, where more
// than one could have given it.
TEST(Examples, AConsentGivenByARepresentativeNamesThem) {
    ImportResult r =
        import_bundle(read(fs::path(SIPPREP_SOURCE_DIR) / "assets/examples/narstaende-tillsammans.json"), kToday);
    const std::string sv = summary_text(r.preparation, Lang::Sv, kToday, r.issues);
    EXPECT_NE(
        sv.find("Så lämnas det: Skriftligt, En företrädare – Samira Hassan, framtidsfullmäktig (Framtidsfullmakt"),
        std::string::npos)
        << sv;
}

TEST(Migration, VersionZeroBecomesVersionOne) {
    ImportResult r = import_bundle(read(fs::path(SIPPREP_SOURCE_DIR) / "tests/data/v0-preview.json"), kToday);
    ASSERT_TRUE(r.readable);
    EXPECT_TRUE(r.valid());
    EXPECT_EQ(r.source_version, 0);
    EXPECT_EQ(r.integrity, Integrity::Missing);
    ASSERT_NE(find_text(r.preparation.goals.long_term, kPersonId), nullptr);
    EXPECT_EQ(*find_text(r.preparation.goals.long_term, kPersonId), "Att kunna bo kvar hemma");
    ASSERT_EQ(r.preparation.questions.size(), 2u);  // the empty one is dropped
    EXPECT_EQ(r.preparation.questions[1].text, "Kan jag få hjälp med duschen?");
    EXPECT_EQ(r.meta.created, "2026-10-01T08:00:00Z");
    bool told = false;
    for (const Issue& i : r.issues) told = told || i.code == "bundle.migrated";
    EXPECT_TRUE(told);
    // Exported again it is a current, canonical bundle.
    ImportResult again = import_bundle(export_bundle(r.preparation, r.meta), kToday);
    EXPECT_EQ(again.source_version, kBundleVersion);
    EXPECT_EQ(again.integrity, Integrity::Unchanged);
}

// "version": 1 changed to 0 by hand over a version 1 file: read as the file it is (as version 0,
// everything in it was left out and the plan read as empty), and said.
TEST(Migration, AVersionOneFileMarkedZeroIsReadAsVersionOne) {
    Json doc = Json::parse(read(fs::path(SIPPREP_SOURCE_DIR) / "assets/examples/vuxen-efter-sjukhusvistelse.json"));
    doc["version"] = 0;
    ImportResult r = import_bundle(doc.dump(), kToday);
    ASSERT_TRUE(r.readable);
    EXPECT_EQ(r.preparation.owner.name, "Kerstin Lund");
    EXPECT_EQ(r.integrity, Integrity::Changed) << "its checksum is read (and says it was changed), not dropped";
    bool told = false;
    for (const Issue& i : r.issues) told = told || i.code == "bundle.version_zero_of_one";
    EXPECT_TRUE(told);
}

// What version 0 had besides the goal and the questions has no place in version 1: its words are
// quoted in a warning, not dropped unseen.
TEST(Migration, VersionZerosOtherWordsAreQuotedNotDropped) {
    Json v0 = Json::parse(read(fs::path(SIPPREP_SOURCE_DIR) / "tests/data/v0-preview.json"));
    v0["content"]["notes"] = "Min dotter Anna följer med";
    v0["content"]["questions"].push_back(Json{{"text", "Vem ringer jag?"}});
    v0["content"]["goal"] = Json::array({"Bo kvar"});
    ImportResult r = import_bundle(v0.dump(), kToday);
    ASSERT_TRUE(r.readable);
    std::map<std::string, std::string> quoted;
    for (const Issue& i : r.issues)
        if (i.code == "bundle.unknown_words") quoted[i.path] = i.args.at(0);
    EXPECT_EQ(quoted["/content/notes"], "Min dotter Anna följer med");
    EXPECT_EQ(quoted["/content/questions/3"], "Vem ringer jag?");
    EXPECT_EQ(quoted["/content/goal"], "Bo kvar");
    EXPECT_EQ(r.preparation.questions.size(), 2u);
}

TEST(Schema, WrongShapesAreErrorsWithPaths) {
    Json j = Json::parse(read(fs::path(SIPPREP_SOURCE_DIR) / "assets/examples/vuxen-efter-sjukhusvistelse.json"));
    j["content"]["questions"][1]["priority"] = "urgent";
    j["content"]["evaluation"]["understood"] = 9;
    j["content"]["owner"]["name"] = 42;
    ImportResult r = import_bundle(j.dump(), kToday);
    ASSERT_TRUE(r.readable);  // still readable for the professional, but not valid
    EXPECT_FALSE(r.valid());
    std::map<std::string, std::string> codes;  // path -> code
    for (const Issue& i : r.issues)
        if (i.code.rfind("schema.", 0) == 0) codes[i.path] = i.code;
    EXPECT_EQ(codes["/content/questions/1/priority"], "schema.value");
    EXPECT_EQ(codes["/content/evaluation/understood"], "schema.too_large");
    EXPECT_EQ(codes["/content/owner/name"], "schema.type.string");
}

TEST(Schema, MissingRequiredSection) {
    ImportResult r = import_bundle(R"({"format":"sipprep-bundle","version":1,"content":{"kind":"new"}})", kToday);
    EXPECT_FALSE(r.valid());
}

// Issue 26 (format 1.2): a file from before the consent to the SIP itself and before consents were
// read as wishes still imports unchanged — nothing unknown, the same bytes on export — with "Jag vill
// ha en SIP" unanswered and each guardian's earlier answer (with its date) kept as their wish.
TEST(Examples, ABundleFromBeforeOnePointTwoStillImports) {
    const std::string text =
        read(fs::path(SIPPREP_SOURCE_DIR) / "tests" / "data" / "v1.1-child-before-sip-consent.json");
    ImportResult r = import_bundle(text, kToday);
    ASSERT_TRUE(r.readable);
    for (const Issue& i : r.issues) EXPECT_NE(i.severity, Severity::Error) << i.path << ": " << describe(i, Lang::En);
    EXPECT_EQ(r.integrity, Integrity::Unchanged);
    EXPECT_EQ(r.preparation.sip_consent.wants, YesNo::Unanswered);
    EXPECT_EQ(export_bundle(r.preparation, r.meta), text) << "no new member is written for an older file";
    const std::string s = summary_text(r.preparation, Lang::Sv, kToday, r.issues);
    EXPECT_NE(s.find("Skolan, Parkskolan, mentor Sara Ek – Vill samtycka från 15 november 2026 till 15 juni 2027"),
              std::string::npos)
        << s;
    EXPECT_NE(s.find("Maria Nilsson vill samtycka"), std::string::npos);
    EXPECT_EQ(s.find("Gäller"), std::string::npos) << "nothing typed at home is said to hold";
}

// A relative's contribution, printed or copied, says what it is and speaks of the person, not as
// them; any opened file's summary says when it was saved, so two printed copies are told apart.
TEST(Examples, AContributionsSummarySaysWhoseWordsItHolds) {
    const ImportResult r =
        import_bundle(read(fs::path(SIPPREP_SOURCE_DIR) / "assets/examples/synpunkter-fran-dotter.json"), kToday);
    const std::string text = render_text(opened_file_summary(r, Lang::Sv, kToday));
    EXPECT_EQ(text.rfind("Synpunkter inför SIP\n", 0), 0u) << text;
    EXPECT_NE(text.find("om Kerstin Lund"), std::string::npos);
    EXPECT_NE(text.find("De blir en del av förberedelsen först när personen tar med dem."), std::string::npos);
    EXPECT_NE(text.find("Det här tror närstående är viktigt för Kerstin Lund"), std::string::npos);
    EXPECT_EQ(text.find("Det här är viktigt för mig"), std::string::npos) << text;
    EXPECT_NE(text.find("Sparad 17 november 2026"), std::string::npos) << text;

    const ImportResult own =
        import_bundle(read(fs::path(SIPPREP_SOURCE_DIR) / "assets/examples/aldre-uppfoljning.json"), kToday);
    const std::string plan = render_text(opened_file_summary(own, Lang::Sv, kToday));
    EXPECT_EQ(plan.rfind("SIP-förberedelse\n", 0), 0u) << plan;
    EXPECT_EQ(plan.find("först när personen tar med dem"), std::string::npos);
}
