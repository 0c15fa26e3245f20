#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "core/bundle.hpp"
#include "core/canonical.hpp"
#include "core/clock.hpp"
#include "core/issue.hpp"
#include "core/model_json.hpp"

using namespace sipprep;

namespace {

Preparation sample() {
    Preparation p = make_new_preparation();
    p.contributors.push_back(Contributor{"rel-1", "Anna", ContributorRole::Relative, "dotter"});
    set_text(p.goals.long_term, "rel-1", "Att mamma känner sig trygg");
    set_text(p.goals.long_term, kPersonId, "Att kunna bo hemma – åäö ÅÄÖ é");
    p.questions.push_back(Question{"q-1", kPersonId, "Vem ringer jag när det krånglar?", Priority::High, "alla"});
    return p;
}

BundleMeta meta() {
    BundleMeta m;
    m.created = "2026-11-20T10:00:00Z";
    m.updated = "2026-11-23T12:30:00Z";
    return m;
}

}  // namespace

TEST(Voices, PersonFirstAndEmptyRemoves) {
    Preparation p = sample();
    ASSERT_EQ(p.goals.long_term.entries.size(), 2u);
    EXPECT_EQ(p.goals.long_term.entries[0].author, kPersonId);
    set_text(p.goals.long_term, "rel-1", "");
    EXPECT_EQ(p.goals.long_term.entries.size(), 1u);
}

TEST(Bundle, ExportHasEnvelopeAndIntegrity) {
    std::string text = export_bundle(sample(), meta());
    Json j = Json::parse(text);
    EXPECT_EQ(j["format"], "sipprep-bundle");
    EXPECT_EQ(j["version"], 1);
    EXPECT_EQ(j["language"], "sv");
    EXPECT_EQ(j["app"]["name"], "sipprep");
    EXPECT_EQ(j["app"]["version"], SIPPREP_APP_VERSION);  // CMakeLists.txt's project() version
    EXPECT_EQ(j["integrity"]["sha256"].get<std::string>().size(), 64u);
}

TEST(Bundle, RoundTripGivesIdenticalBytes) {
    std::string first = export_bundle(sample(), meta());
    ImportResult r = import_bundle(first);
    ASSERT_TRUE(r.readable);
    EXPECT_EQ(r.integrity, Integrity::Unchanged);
    EXPECT_EQ(export_bundle(r.preparation, r.meta), first);
}

TEST(Bundle, HandEditIsDetected) {
    std::string text = export_bundle(sample(), meta());
    auto at = text.find("Vem ringer jag");
    text.replace(at, 3, "Vad");
    ImportResult r = import_bundle(text);
    ASSERT_TRUE(r.readable);
    EXPECT_EQ(r.integrity, Integrity::Changed);
}

// A tool that writes every number with a decimal point: "version": 1.0 is version 1 (JSON Schema
// says so too), not "the format version is missing or wrong". 1.5 is no version.
TEST(Bundle, AVersionWrittenAsOnePointZeroIsOne) {
    std::string text = export_bundle(sample(), meta());
    const auto at = text.find("\"version\": 1");
    ASSERT_NE(at, std::string::npos);
    text.insert(at + 12, ".0");
    ImportResult r = import_bundle(text);
    ASSERT_TRUE(r.readable);
    EXPECT_TRUE(r.valid()) << (r.issues.empty() ? "" : r.issues[0].code);
    EXPECT_EQ(r.source_version, 1);
    text.replace(at + 12, 2, ".5");
    EXPECT_FALSE(import_bundle(text).readable);

    // Any whole number written so is read as the number, not dropped: a score of 4.0 is 4.
    Preparation scored = sample();
    scored.evaluation.listened_to = 4;
    std::string file = export_bundle(scored, meta());
    const auto score = file.find("\"listened_to\": 4");
    ASSERT_NE(score, std::string::npos);
    file.insert(score + 16, ".0");
    const ImportResult read = import_bundle(file);
    ASSERT_TRUE(read.readable);
    EXPECT_EQ(read.preparation.evaluation.listened_to, 4);
}

// Everything the professional is shown is covered: the dates, the app version and the language.
TEST(Bundle, TheChecksumCoversTheDatesTheAppAndTheLanguage) {
    const std::string text = export_bundle(sample(), meta());
    const Json j = Json::parse(text);
    Json without = j;
    without.erase("integrity");
    EXPECT_EQ(j["integrity"]["bundle_sha256"], canonical_sha256(without));
    EXPECT_EQ(j["integrity"]["sha256"], canonical_sha256(j["content"]));
    for (const auto& [key, value] : std::vector<std::pair<const char*, Json>>{
             {"updated", "2026-12-24T12:00:00Z"}, {"created", "2025-01-01T00:00:00Z"}, {"language", "en"}}) {
        Json edited = j;
        edited[key] = value;
        EXPECT_EQ(import_bundle(edited.dump(2)).integrity, Integrity::Changed) << key;
    }
    Json app = j;
    app["app"]["version"] = "9.9.9";
    EXPECT_EQ(import_bundle(app.dump(2)).integrity, Integrity::Changed);
}

// A file from before 1.1 has only the content's checksum: it is checked, and the app says what it
// does not cover. Saving it again (or `sipprep migrate`) writes both.
TEST(Bundle, AnOlderFileIsCheckedForItsContentAndMigrated) {
    std::ifstream f(std::string(SIPPREP_SOURCE_DIR) + "/tests/data/v1-content-checksum-only.json", std::ios::binary);
    const std::string old((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    ASSERT_EQ(Json::parse(old)["integrity"].count("bundle_sha256"), 0u);
    ImportResult r = import_bundle(old);
    ASSERT_TRUE(r.readable);
    EXPECT_EQ(r.integrity, Integrity::ContentOnly);
    EXPECT_STREQ(integrity_name(r.integrity), "content_only");
    Json edited_date = Json::parse(old);
    edited_date["updated"] = "2027-01-01T00:00:00Z";
    EXPECT_EQ(import_bundle(edited_date.dump(2)).integrity, Integrity::ContentOnly);  // not covered then
    Json edited_content = Json::parse(old);
    edited_content["content"]["goals"]["long_term"][0]["text"] = "Något annat";
    EXPECT_EQ(import_bundle(edited_content.dump(2)).integrity, Integrity::Changed);

    const std::string migrated = export_bundle(r.preparation, r.meta);
    EXPECT_EQ(import_bundle(migrated).integrity, Integrity::Unchanged);
    EXPECT_EQ(Json::parse(migrated)["integrity"]["sha256"], Json::parse(old)["integrity"]["sha256"]);
}

TEST(Bundle, RefusesBadInputWithMessages) {
    EXPECT_EQ(import_bundle("").issues.at(0).code, "bundle.empty");
    // Saved empty in Notepad: a byte order mark and a line end are still an empty file.
    EXPECT_EQ(import_bundle("\xEF\xBB\xBF\r\n").issues.at(0).code, "bundle.empty");
    EXPECT_EQ(import_bundle("  \n\t").issues.at(0).code, "bundle.empty");
    EXPECT_EQ(import_bundle("{\"a\":").issues.at(0).code, "bundle.not_json");
    EXPECT_EQ(import_bundle("{\"a\":").issues.at(0).args, std::vector<std::string>{"5"});  // where it stops
    // Counted in characters from 1, as a text editor shows them, not in bytes: "å" is two bytes.
    EXPECT_EQ(import_bundle("{\"å\":x}").issues.at(0).args, std::vector<std::string>{"6"});
    EXPECT_EQ(import_bundle("{\"åäö 👋\":").issues.at(0).args, std::vector<std::string>{"9"});  // the last
    EXPECT_EQ(import_bundle("[1]").issues.at(0).code, "bundle.not_object");
    EXPECT_EQ(import_bundle("{\"format\":\"x\"}").issues.at(0).code, "bundle.wrong_format");
    EXPECT_EQ(import_bundle("\xff\xfe{}").issues.at(0).code, "bundle.not_utf8");
    auto newer = import_bundle(R"({"format":"sipprep-bundle","version":7,"content":{}})");
    EXPECT_EQ(newer.issues.at(0).code, "bundle.newer_version");
    EXPECT_EQ(newer.issues.at(0).args.at(0), "7");
    EXPECT_FALSE(newer.readable);
}

TEST(Bundle, DeepNestingIsRefusedWithoutRecursion) {
    std::string deep(1000000, '[');
    ImportResult r = import_bundle(deep);
    EXPECT_FALSE(r.readable);
    EXPECT_EQ(r.issues.at(0).code, "bundle.too_deep");
}

TEST(Bundle, TooLargeIsRefused) {
    std::string big(kMaxBundleBytes + 1, ' ');
    EXPECT_EQ(import_bundle(big).issues.at(0).code, "bundle.too_large");
    EXPECT_EQ(describe(import_bundle(big).issues.at(0), Lang::Sv),
              "Filen är större än 5 MB, det mesta en förberedelse får vara.");
}

TEST(Bundle, UnknownFieldsAreWarnings) {
    Json j = Json::parse(export_bundle(sample(), meta()));
    j["content"]["owner"]["shoe_size"] = 42;
    ImportResult r = import_bundle(j.dump());
    ASSERT_TRUE(r.readable);
    EXPECT_TRUE(r.valid());
    int unknown = 0;
    for (const Issue& i : r.issues)
        if (i.code == "bundle.unknown_field") {
            ++unknown;
            EXPECT_EQ(i.severity, Severity::Warning);
            EXPECT_EQ(i.path, "/content/owner/shoe_size");
        }
    EXPECT_EQ(unknown, 1);
}

// A text edited in Notepad ends its lines with "\r\n": read as the app's own line breaks, with a
// word about it, not refused. Outside what people wrote, a carriage return is still refused.
TEST(Bundle, WindowsLineEndsInTextsAreReadAsLineBreaks) {
    std::string text = export_bundle(sample(), meta());
    const auto at = text.find("Vem ringer jag");
    ASSERT_NE(at, std::string::npos);
    text.insert(at + 3, "\\r\\n");
    text.insert(text.find("Att kunna bo") + 3, "\\r");
    ImportResult r = import_bundle(text);
    ASSERT_TRUE(r.readable);
    EXPECT_EQ(r.preparation.questions[0].text, "Vem\n ringer jag när det krånglar?");
    EXPECT_EQ(*find_text(r.preparation.goals.long_term, kPersonId), "Att\n kunna bo hemma – åäö ÅÄÖ é");
    EXPECT_EQ(r.integrity, Integrity::Changed);  // the hand edit still shows
    bool said = false;
    for (const Issue& i : r.issues) {
        EXPECT_NE(i.code, "bundle.control_char");
        if (i.code == "bundle.line_ends") said = i.severity == Severity::Warning && i.args.at(0) == "2";
    }
    EXPECT_TRUE(said);
    std::string outside = export_bundle(sample(), meta());
    outside.insert(outside.find("\"sipprep\"") + 4, "\\r");
    EXPECT_FALSE(import_bundle(outside).readable);
}

// Words in a member a newer app wrote are not read, but quoted: the professional sees them and
// the one who goes on writing knows what they would lose.
TEST(Bundle, AnUnknownMembersWordsAreQuoted) {
    nlohmann::json j = nlohmann::json::parse(export_bundle(sample(), meta()));
    j["content"]["goals"]["dreams"] =
        nlohmann::json::array({{{"author", "person"}, {"text", "Jag drömmer om att åka till havet."}},
                               {{"author", "rel-1"}, {"text", "Och\nfiska."}}});
    const ImportResult r = import_bundle(j.dump());
    ASSERT_TRUE(r.readable);
    const Issue* quoted = nullptr;
    for (const Issue& i : r.issues)
        if (i.code == "bundle.unknown_words") quoted = &i;
    ASSERT_NE(quoted, nullptr);
    EXPECT_EQ(quoted->path, "/content/goals/dreams");
    EXPECT_EQ(quoted->args.at(0), "Jag drömmer om att åka till havet. / Och fiska.");
    EXPECT_NE(describe(*quoted, Lang::Sv).find("Där står: ”Jag drömmer"), std::string::npos)
        << describe(*quoted, Lang::Sv);
}

TEST(Bundle, ARepeatedKeyIsAnErrorNamingTheKey) {
    std::string text = export_bundle(sample(), meta());
    const auto at = text.find("\"kind\"");
    ASSERT_NE(at, std::string::npos);
    text.insert(at, "\"kind\": \"follow_up\", ");  // two "kind": the last would silently win
    ImportResult r = import_bundle(text);
    EXPECT_FALSE(r.readable);
    ASSERT_EQ(r.issues.size(), 1u);
    EXPECT_EQ(r.issues[0].code, "bundle.duplicate_key");
    EXPECT_EQ(r.issues[0].args.at(0), "kind");
    EXPECT_EQ(describe(r.issues[0], Lang::Sv).find("Namnet \"kind\" står två gånger"), 0u)
        << describe(r.issues[0], Lang::Sv);
}

TEST(Bundle, ControlCharactersInTextsAreRefusedNamingTheField) {
    for (const char* bad : {"\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\u0085"}) {
        std::string text = export_bundle(sample(), meta());
        const auto at = text.find("Vem ringer jag");
        text.insert(at + 3, bad);
        ImportResult r = import_bundle(text);
        EXPECT_FALSE(r.readable) << bad;
        ASSERT_FALSE(r.issues.empty()) << bad;
        EXPECT_EQ(r.issues[0].code, "bundle.control_char") << bad;
        EXPECT_EQ(r.issues[0].path, "/content/questions/0/text") << bad;
    }
    // Newlines and tabs are text.
    Preparation p = sample();
    p.questions[0].text = "Rad ett\nrad\ttvå";
    ImportResult ok = import_bundle(export_bundle(p, meta()));
    EXPECT_TRUE(ok.readable);
    EXPECT_EQ(ok.preparation.questions[0].text, "Rad ett\nrad\ttvå");
}

// Notepad on Windows saves UTF-8 with a byte order mark: the file is still read.
TEST(Bundle, AFileWithAByteOrderMarkIsRead) {
    const std::string text = export_bundle(sample(), BundleMeta{});
    const ImportResult r = import_bundle("\xEF\xBB\xBF" + text);
    ASSERT_TRUE(r.readable);
    EXPECT_EQ(r.integrity, Integrity::Unchanged);
    EXPECT_EQ(export_bundle(r.preparation, r.meta), text);
}

// The draft on the device keeps its bundle as a document: read from it, the result is the same
// as from the bundle's text.
TEST(Bundle, ADocumentReadsAsItsText) {
    BundleMeta meta;
    meta.created = "2026-01-02T03:04:05Z";
    meta.updated = "2026-02-03T04:05:06Z";
    const ImportResult from_text = import_bundle(export_bundle(sample(), meta));
    const ImportResult from_doc = import_document(bundle_document(sample(), meta), today_local());
    ASSERT_TRUE(from_doc.readable);
    EXPECT_EQ(from_doc.integrity, Integrity::Unchanged);
    EXPECT_EQ(export_bundle(from_doc.preparation, from_doc.meta), export_bundle(from_text.preparation, from_text.meta));
    EXPECT_EQ(from_doc.issues.size(), from_text.issues.size());
    EXPECT_EQ(import_document(nlohmann::json::array(), today_local()).issues.at(0).code, "bundle.not_object");
}
