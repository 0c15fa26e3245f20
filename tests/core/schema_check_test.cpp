// Our reader of the bundle's JSON Schema agrees with valijson (a full draft-7 validator, used
// here only) on every example and on thousands of mutations of them; the format's limits are
// enforced before a model is built, with messages that name the list or field.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "core/bundle.hpp"
#include "core/issue.hpp"
#include "core/schema_check.hpp"
#include "core/validation.hpp"
#include "random_preparation.hpp"

using namespace sipprep;
namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

std::string read(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

const fs::path kRoot = SIPPREP_SOURCE_DIR;

bool valijson_accepts(const Json& doc) {
    static valijson::Schema schema;
    static const bool parsed = [] {
        static Json s = Json::parse(read(kRoot / "schema/sipprep-bundle-v1.schema.json"));
        valijson::SchemaParser(valijson::SchemaParser::kDraft7)
            .populateSchema(valijson::adapters::NlohmannJsonAdapter(s), schema);
        return true;
    }();
    (void)parsed;
    valijson::Validator v(valijson::Validator::kStrongTypes);
    return v.validate(schema, valijson::adapters::NlohmannJsonAdapter(doc), nullptr);
}

// Every value in the document, by pointer, to pick one to change.
void leaves(const Json& v, const std::string& path, std::vector<std::string>* out) {
    out->push_back(path);
    if (v.is_object())
        for (auto it = v.begin(); it != v.end(); ++it) leaves(*it, path + "/" + it.key(), out);
    if (v.is_array())
        for (std::size_t i = 0; i < v.size(); ++i) leaves(v[i], path + "/" + std::to_string(i), out);
}

Json mutate(Json doc, std::mt19937& rng) {
    std::vector<std::string> paths;
    leaves(doc, "", &paths);
    const std::string path = paths[rng() % paths.size()];
    if (path.empty()) return doc;
    Json& v = doc[Json::json_pointer(path)];
    switch (rng() % 9) {
        case 0:
            v = 42;
            break;
        case 1:
            v = "text";
            break;
        case 2:
            v = nullptr;
            break;
        case 3:
            v = Json::array();
            break;
        case 4:
            v = Json::object();
            break;
        case 5:
            v = std::string(rng() % 3000, 'x');
            break;
        case 6:
            v = -1.5;
            break;
        case 7: {  // remove it
            const auto slash = path.rfind('/');
            Json& parent = doc[Json::json_pointer(path.substr(0, slash))];
            if (parent.is_object()) parent.erase(path.substr(slash + 1));
            break;
        }
        default:  // a list grown past any limit
            if (v.is_array() && !v.empty()) {
                const Json first = v[0];
                while (v.size() < 12000) v.push_back(first);
            } else {
                v = true;
            }
    }
    return doc;
}

}  // namespace

TEST(SchemaCheck, AgreesWithValijsonOnExamplesAndMutations) {
    std::mt19937 rng(20261123);
    int checked = 0, invalid = 0;
    for (const auto& entry : fs::directory_iterator(kRoot / "assets/examples")) {
        if (entry.path().extension() != ".json") continue;
        const Json doc = Json::parse(read(entry.path()));
        EXPECT_TRUE(check_schema(doc).empty()) << entry.path();
        EXPECT_TRUE(valijson_accepts(doc)) << entry.path();
        for (int i = 0; i < 300; ++i) {
            const Json m = mutate(doc, rng);
            const bool ours = check_schema(m).empty();
            ASSERT_EQ(ours, valijson_accepts(m))
                << entry.path() << " mutation " << i << ": " << m.dump().substr(0, 400);
            ++checked;
            invalid += ours ? 0 : 1;
        }
    }
    EXPECT_GT(checked, 1000);
    EXPECT_GT(invalid, checked / 3);  // the mutations do break things
}

TEST(SchemaCheck, ListsAndTextsBeyondTheLimitsAreNotReadAndTheMessageNamesThem) {
    Json doc = Json::parse(read(kRoot / "assets/examples/narstaende-tillsammans.json"));
    doc.erase("integrity");
    const Json q = doc["content"]["questions"][0];
    while (doc["content"]["questions"].size() < 10001) doc["content"]["questions"].push_back(q);
    ImportResult r = import_bundle(doc.dump(), Date{2026, 11, 23});
    EXPECT_FALSE(r.readable);
    ASSERT_FALSE(r.issues.empty());
    EXPECT_EQ(r.issues[0].code, "schema.too_many");
    EXPECT_EQ(r.issues[0].path, "/content/questions");
    EXPECT_NE(describe(r.issues[0], Lang::Sv).find("har 10001 poster, men får ha högst 10000"), std::string::npos)
        << describe(r.issues[0], Lang::Sv);

    Json long_text = Json::parse(read(kRoot / "assets/examples/narstaende-tillsammans.json"));
    long_text["content"]["owner"]["name"] = std::string(2500, 'a');
    ImportResult t = import_bundle(long_text.dump(), Date{2026, 11, 23});
    EXPECT_FALSE(t.readable);
    bool named = false;
    for (const Issue& i : t.issues)
        named = named || (i.code == "schema.too_long" && i.path == "/content/owner/name" && i.args.at(0) == "2500");
    EXPECT_TRUE(named);
}

// The rules check the format's limits on the draft after each keystroke (check_limits, without
// writing it out): what they find is exactly what the schema finds in the file the app would
// save, so a file the app saves is one it opens (a helper's 2 412-character "Vilket stöd?" was
// saved without a word and then refused).
TEST(SchemaCheck, TheRulesFindTheLimitsTheFileWouldBreak) {
    auto beyond = [](std::vector<Issue> issues) {
        std::vector<std::string> out;
        for (const Issue& i : issues)
            if (beyond_limits(i)) out.push_back(i.path + " " + i.code + " " + i.args.at(0) + " " + i.args.at(1));
        std::sort(out.begin(), out.end());
        return out;
    };
    test_data::RandomPreparation random(20261206, false);
    int found = 0;
    for (int i = 0; i < 300; ++i) {
        Preparation p = random.make();
        if (i == 1) p.participation.modes.assign(11, ParticipationMode::InPerson);
        if (i == 2) p.questions.resize(10001);
        std::vector<Issue> rules;
        check_limits(p, &rules);
        const std::vector<std::string> from_rules = beyond(rules);
        const nlohmann::json doc = nlohmann::json::parse(export_bundle(p, BundleMeta{}));
        ASSERT_EQ(from_rules, beyond(check_schema(doc))) << "preparation " << i;
        found += from_rules.empty() ? 0 : 1;
        if (i == 1)
            EXPECT_NE(
                std::find(from_rules.begin(), from_rules.end(), "/content/participation/modes schema.too_many 11 10"),
                from_rules.end());
    }
    EXPECT_GT(found, 20) << "the random drafts go beyond the limits often enough to compare";

    Preparation p;
    p.participation.adaptations.aac = true;
    p.participation.adaptations.aac_note = std::string(2412, 'a');
    const std::vector<Issue> issues = validate(p, Date{2026, 12, 6});
    const auto it = std::find_if(issues.begin(), issues.end(), [](const Issue& i) { return beyond_limits(i); });
    ASSERT_NE(it, issues.end());
    EXPECT_EQ(it->severity, Severity::Error);
    EXPECT_EQ(describe(*it, Lang::Sv), "Vilket stöd?: Texten är 2412 tecken lång, men får vara högst 2000 tecken.");

    // A file read as far as it goes (the draft on the device) says it once, not once from the
    // schema and once more from the rules.
    const ImportResult read = import_bundle(export_bundle(p, BundleMeta{}), Date{2026, 12, 6}, Limits::Report);
    EXPECT_EQ(std::count_if(read.issues.begin(), read.issues.end(), [](const Issue& i) { return beyond_limits(i); }),
              1);
}
