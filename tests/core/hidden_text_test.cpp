// Text that lies about itself (issue 27): direction controls and zero-width characters, refused
// in exact values and shown in people's words; the members outside the content checked too.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/bundle.hpp"
#include "core/fhir.hpp"
#include "core/hidden_text.hpp"
#include "core/model_json.hpp"
#include "core/summary.hpp"
#include "core/text_checks.hpp"
#include "core/validation.hpp"

using namespace sipprep;

namespace {

const Date kToday{2026, 11, 25};
const char* kRlo = "\u202E";

Preparation sample() {
    Preparation p = make_new_preparation();
    p.owner.name = "Elsa";
    set_text(p.goals.long_term, kPersonId, "Att kunna bo hemma");
    return p;
}

BundleMeta meta() {
    BundleMeta m;
    m.created = m.updated = "2026-11-20T10:00:00Z";
    return m;
}

bool has_issue(const std::vector<Issue>& issues, const std::string& path, const std::string& code, Severity s) {
    for (const Issue& i : issues)
        if (i.path == path && i.code == code && i.severity == s) return true;
    return false;
}

}  // namespace

TEST(HiddenText, FindsDirectionControlsAndZeroWidthCharacters) {
    for (const char* c :
         {"\u202A", "\u202E", "\u2066", "\u2069", "\u200E", "\u200F", "\u061C", "\u200B", "\u200D", "\u2060", "\uFEFF"})
        EXPECT_NE(first_hidden_character(std::string("12") + c + "34"), 0u) << c;
    EXPECT_EQ(first_hidden_character("Vanlig text – åäö"), 0u);
    // A zero-width joiner inside an emoji sequence is part of the emoji (family, rainbow flag).
    EXPECT_EQ(first_hidden_character("\U0001F468\u200D\U0001F469\u200D\U0001F467"), 0u);
    EXPECT_EQ(first_hidden_character("\U0001F3F3\uFE0F\u200D\U0001F308"), 0u);
    EXPECT_EQ(first_hidden_character("a\u200Db"), 0x200Du);
    // The zero-width non-joiner is how Persian, Urdu and the Indic scripts are spelt: "محمدرضا",
    // "می‌خواهم" and "क्‌ष" are writing, not a hidden character; between Latin letters it is one.
    EXPECT_EQ(first_hidden_character("محمد\u200Cرضا"), 0u);
    EXPECT_EQ(first_hidden_character("می\u200Cخواهم"), 0u);
    EXPECT_EQ(first_hidden_character("\u0915\u094D\u200C\u0937"), 0u);
    EXPECT_EQ(with_hidden_characters_shown("محمد\u200Cرضا"), "محمد\u200Cرضا");
    EXPECT_EQ(first_hidden_character("An\u200Cna"), 0x200Cu);
    EXPECT_EQ(first_hidden_character("\u200Cرضا"), 0x200Cu);
    EXPECT_EQ(code_point_name(0x202E), "U+202E");
}

// The scan skips eight bytes at a time: it finds what a look at every byte finds, wherever in
// a word the character starts and whatever surrounds it.
TEST(HiddenText, TheWordScanFindsWhatEveryByteFinds) {
    const auto every_byte = [](std::string_view text) -> char32_t {
        char32_t code = 0;
        for (std::size_t i = 0; i < text.size(); ++i)
            if (hidden_character_at(text, i, &code)) return code;
        return 0;
    };
    // U+05D0 and U+0627 (leads 0xD7, 0xD8), U+061C (0xD8, hidden), U+1680 and U+180E (0xE1),
    // emoji with and without a joiner, Swedish letters, a lone high byte at the end.
    const std::vector<std::string> pieces = {
        "a",          "Fråga ", "åäö",     "\u05D0", "\u0627", "\u061C", "\u1680",
        "\u180E",     "\u200B", "\u200D",  "\u202E", "\u2066", "\uFEFF", "\U0001F468\u200D\U0001F469",
        "\U0001F600", "\u2013", "12345678"};
    std::mt19937 random(7);
    for (int n = 0; n < 20000; ++n) {
        std::string text;
        const int parts = static_cast<int>(random() % 12);
        for (int k = 0; k < parts; ++k) text += pieces[random() % pieces.size()];
        if (random() % 8 == 0) text += static_cast<char>(0xE2);  // cut short
        ASSERT_EQ(first_hidden_character(text), every_byte(text)) << n;
    }
    // Each hidden character at every offset of a long clean text.
    for (const char* c : {"\u061C", "\u180E", "\u200B", "\u202E", "\uFEFF"})
        for (std::size_t at = 0; at < 40; ++at) {
            std::string text(48, 'x');
            text.insert(at, c);
            EXPECT_NE(first_hidden_character(text), 0u) << c << " at " << at;
        }
}

TEST(HiddenText, IsShownAndIsolated) {
    EXPECT_EQ(with_hidden_characters_shown(std::string(kRlo) + "99 88 77-0150\u202C"),
              "\u2039U+202E\u203A99 88 77-0150\u2039U+202C\u203A");
    EXPECT_EQ(isolated("bara svenska"), "bara svenska");
    EXPECT_EQ(isolated("\u05E9\u05DC\u05D5\u05DD 12"), "\u2068\u05E9\u05DC\u05D5\u05DD 12\u2069");
    EXPECT_EQ(isolated(std::string("a") + kRlo + "b"), std::string("\u2068a") + kRlo + "b\u2069");
}

TEST(HiddenText, ExactValuesAreNamed) {
    EXPECT_TRUE(is_exact_value("/content/owner/phone"));
    EXPECT_TRUE(is_exact_value("/content/representatives/0/personal_id"));
    EXPECT_TRUE(is_exact_value("/content/consents/1/valid_to"));
    EXPECT_TRUE(is_exact_value("/content/participation/adaptations/interpreters/0/who"));
    EXPECT_TRUE(is_exact_value("/updated"));
    EXPECT_TRUE(is_exact_value("/app/version"));
    EXPECT_FALSE(is_exact_value("/content/agreed/efforts/0/who"));  // words: "Hemtjänsten"
    EXPECT_FALSE(is_exact_value("/content/goals/long_term/0/text"));
    EXPECT_FALSE(is_exact_value("/content/owner/name"));
}

// Every member the schema constrains to a date or a pattern is an exact value, so a member added
// later (the plan's "starts", "closed_on") cannot slip through as words.
TEST(HiddenText, EveryDateOrPatternMemberOfTheSchemaIsExact) {
    std::ifstream f(std::string(SIPPREP_SOURCE_DIR) + "/schema/sipprep-bundle-v1.schema.json");
    const nlohmann::json schema = nlohmann::json::parse(f);
    int checked = 0;
    std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& n) {
        if (n.is_object()) {
            if (auto props = n.find("properties"); props != n.end() && props->is_object())
                for (auto it = props->begin(); it != props->end(); ++it) {
                    const nlohmann::json& d = it.value();
                    const bool date = d.value("$ref", "") == "#/definitions/date" || d.value("format", "") == "date";
                    if (date || d.contains("pattern")) {
                        EXPECT_TRUE(is_exact_value("/content/x/" + it.key())) << it.key();
                        ++checked;
                    }
                }
            for (const auto& v : n) walk(v);
        } else if (n.is_array()) {
            for (const auto& v : n) walk(v);
        }
    };
    walk(schema);
    EXPECT_GE(checked, 12);
    EXPECT_TRUE(is_exact_value("/content/agreed/contacts/0/reach"));
    EXPECT_TRUE(is_exact_value("/content/agreed/follow_up_time"));
}

// The rules look at the model, not at the file it would write (no copy of the content per
// keystroke): the same issues as the file's walk, in the form's order, up to the same limit.
TEST(HiddenText, TheModelsWalkFindsWhatTheWrittenFilesWalkFinds) {
    int compared = 0;
    for (const auto& e : std::filesystem::directory_iterator(std::string(SIPPREP_SOURCE_DIR) + "/assets/examples")) {
        std::ifstream f(e.path());
        const nlohmann::json bundle = nlohmann::json::parse(f);
        for (int every : {1, 3, 7, 19, 1000}) {
            // A hidden character in every `every`-th text of the content (enums lose theirs on reading).
            nlohmann::json content = bundle["content"];
            int n = 0;
            std::function<void(nlohmann::json&)> plant = [&](nlohmann::json& v) {
                if (v.is_string() && n++ % every == 0) v = v.get<std::string>() + (n % 2 ? kRlo : "\u200B");
                if (v.is_structured())
                    for (auto& c : v) plant(c);
            };
            plant(content);
            const Preparation p = preparation_from_json(content);
            std::vector<Issue> from_file, from_model;
            std::string path = "/content";
            check_hidden_characters(to_json(p), &path, &from_file);
            check_hidden_characters(p, &from_model);
            ASSERT_EQ(from_model.size(), from_file.size()) << e.path() << " every " << every;
            if (from_file.size() == 20) continue;  // the limit: the first twenty of two orders
            auto by_path = [](const Issue& a, const Issue& b) { return a.path < b.path; };
            std::sort(from_file.begin(), from_file.end(), by_path);
            std::sort(from_model.begin(), from_model.end(), by_path);
            for (std::size_t i = 0; i < from_file.size(); ++i) {
                EXPECT_EQ(from_model[i].path, from_file[i].path) << e.path() << " every " << every << " #" << i;
                EXPECT_EQ(from_model[i].code, from_file[i].code) << from_file[i].path;
                EXPECT_EQ(from_model[i].args, from_file[i].args) << from_file[i].path;
            }
            compared += static_cast<int>(from_file.size());
        }
    }
    EXPECT_GT(compared, 40);
}

// Issues come in the order the form asks (about the person before their goals), not in the
// file's alphabetical one.
TEST(HiddenText, TheModelsWalkTellsInTheFormsOrder) {
    Preparation p = sample();
    p.goals.long_term.entries.push_back(Entry{kPersonId, std::string("Bo hemma") + kRlo});
    p.owner.name = std::string("Anna") + kRlo;
    std::vector<Issue> issues;
    check_hidden_characters(p, &issues);
    ASSERT_EQ(issues.size(), 2u);
    EXPECT_EQ(issues[0].path, "/content/owner/name");
    EXPECT_EQ(issues[1].path,
              "/content/goals/long_term/" + std::to_string(p.goals.long_term.entries.size() - 1) + "/text");
}

TEST(HiddenText, AReversedPhoneNumberIsAnErrorNamingTheField) {
    Preparation p = sample();
    p.owner.phone = std::string(kRlo) + "99 88 77-0150\u202C";
    const ImportResult r = import_bundle(export_bundle(p, meta()), kToday);
    ASSERT_TRUE(r.readable);
    EXPECT_FALSE(r.valid());
    EXPECT_TRUE(has_issue(r.issues, "/content/owner/phone", "text.hidden_exact", Severity::Error));
    for (const Issue& i : r.issues) {
        if (i.code == "text.hidden_exact") {
            EXPECT_NE(describe(i, Lang::Sv).find("U+202E"), std::string::npos);
        }
    }
    // Read anyway (it is an error, not unreadable), it is never shown reversed.
    p.representatives.push_back(Representative{"r-1", "Karin", RepresentativeKind::GodMan, "", p.owner.phone, ""});
    const std::string shown = summary(p, Lang::Sv, kToday, {}, SummaryFormat::Html);
    EXPECT_EQ(shown.find(kRlo), std::string::npos);
    EXPECT_NE(shown.find("\u2039U+202E\u203A99 88 77-0150"), std::string::npos);
    EXPECT_EQ(to_fhir_bundle(p, meta(), kToday, Lang::Sv).dump().find(kRlo), std::string::npos);
    p.representatives.clear();
    // Typed in the app, the same rule.
    EXPECT_TRUE(has_issue(validate(p, kToday), "/content/owner/phone", "text.hidden_exact", Severity::Error));
    p.owner.phone.clear();
    p.consents.push_back(Consent{});
    p.consents[0].valid_to = std::string("2027-01-01") + "\u200B";
    EXPECT_TRUE(has_issue(validate(p, kToday), "/content/consents/0/valid_to", "text.hidden_exact", Severity::Error));
    // The messages that quote the value ("… is not a date") show it too.
    const std::string listed = summary(p, Lang::Sv, kToday, validate(p, kToday), SummaryFormat::Text);
    EXPECT_EQ(listed.find("\u200B"), std::string::npos);
    EXPECT_NE(listed.find("2027-01-01\u2039U+200B\u203A"), std::string::npos);
}

TEST(HiddenText, WordsKeepThemButTheProfessionalSeesThem) {
    Preparation p = sample();
    set_text(p.goals.long_term, kPersonId, std::string("Ring ") + kRlo + "0150" + "\u202C");
    const ImportResult r = import_bundle(export_bundle(p, meta()), kToday);
    ASSERT_TRUE(r.readable);
    EXPECT_TRUE(r.valid());  // nothing lost: a warning
    EXPECT_TRUE(has_issue(r.issues, "/content/goals/long_term/0/text", "text.hidden_words", Severity::Warning));
    EXPECT_EQ(r.preparation.goals.long_term.entries[0].text, p.goals.long_term.entries[0].text);
    for (SummaryFormat f : {SummaryFormat::Text, SummaryFormat::Markdown, SummaryFormat::Html}) {
        const std::string s = summary(r.preparation, Lang::Sv, kToday, r.issues, f);
        EXPECT_EQ(s.find(kRlo), std::string::npos);
        EXPECT_NE(s.find("\u2039U+202E\u203A0150"), std::string::npos);
        EXPECT_NE(s.find("osynligt tecken"), std::string::npos);  // the note saying so
    }
    const std::string fhir = to_fhir_bundle(r.preparation, r.meta, kToday, Lang::Sv).dump();
    EXPECT_EQ(fhir.find(kRlo), std::string::npos);
    EXPECT_NE(fhir.find("\u2039U+202E\u203A"), std::string::npos);
}

TEST(HiddenText, RightToLeftWordsAreIsolatedInEveryRendering) {
    Preparation p = sample();
    const std::string hebrew = "\u05E9\u05DC\u05D5\u05DD 12";
    set_text(p.goals.long_term, kPersonId, hebrew);
    for (SummaryFormat f : {SummaryFormat::Text, SummaryFormat::Markdown, SummaryFormat::Html})
        EXPECT_NE(summary(p, Lang::Sv, kToday, {}, f).find("\u2068" + hebrew + "\u2069"), std::string::npos);
    EXPECT_NE(to_fhir_bundle(p, meta(), kToday, Lang::Sv).dump().find("\u2068" + hebrew + "\u2069"), std::string::npos);
}

TEST(HiddenText, MemberNamesAndTopLevelMembersAreChecked) {
    const std::string good = export_bundle(sample(), meta());
    auto with = [&](const std::string& from, const std::string& to) {
        std::string t = good;
        const std::size_t at = t.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        return t.replace(at, from.size(), to);
    };
    // A control character in a member name, or in `created` (outside the content): not read.
    ImportResult r = import_bundle(with("\"format\"", "\"x\\u001b]0;Allt ser bra ut\\u0007\": 1, \"format\""), kToday);
    EXPECT_FALSE(r.readable);
    ASSERT_FALSE(r.issues.empty());
    EXPECT_EQ(r.issues[0].code, "bundle.control_char");
    EXPECT_EQ(r.issues[0].path.find('\x1b'), std::string::npos);
    r = import_bundle(with("\"format\"", "\"a\\u202eb\": 1, \"format\""), kToday);
    EXPECT_FALSE(r.readable);
    r = import_bundle(with("\"2026-11-20T10:00:00Z\"", "\"2026\\u001b[2J\""), kToday);
    EXPECT_FALSE(r.readable);
    // A hidden character in the app's version: an exact value.
    r = import_bundle(with("\"version\": \"0.1.0\"", "\"version\": \"0.1\\u202e.0\""), kToday);
    EXPECT_TRUE(has_issue(r.issues, "/app/version", "text.hidden_exact", Severity::Error));
    // The duplicate-key message shows a name's control characters, never the characters.
    r = import_bundle("{\"a\\u001b[2J\": 1, \"a\\u001b[2J\": 2}", kToday);
    ASSERT_EQ(r.issues.size(), 1u);
    EXPECT_EQ(r.issues[0].args[0].find('\x1b'), std::string::npos);
    EXPECT_NE(r.issues[0].args[0].find("U+001B"), std::string::npos);
}

TEST(HiddenText, AnUnparsableTimeIsFlaggedNeverShownOrPassedOn) {
    EXPECT_TRUE(is_utc_instant("2026-11-23T12:30:00Z"));
    EXPECT_TRUE(is_utc_instant("2026-11-23T12:30:00.123Z"));
    EXPECT_FALSE(is_utc_instant("igår"));
    EXPECT_FALSE(is_utc_instant("2026-11-23T25:30:00Z"));
    EXPECT_FALSE(is_utc_instant("2026-11-23 12:30:00Z"));
    EXPECT_FALSE(is_utc_instant("2026-11-23T12:30:00+01:00"));
    BundleMeta m = meta();
    m.updated = "igår kväll";
    const ImportResult r = import_bundle(export_bundle(sample(), m), kToday);
    ASSERT_TRUE(r.readable);
    EXPECT_TRUE(r.meta.updated.empty());
    EXPECT_TRUE(has_issue(r.issues, "/updated", "bundle.bad_time", Severity::Warning));
    EXPECT_EQ(to_fhir_bundle(r.preparation, m, kToday, Lang::Sv).dump().find("igår"), std::string::npos);
}

// A name is one line wherever it stands. A line break in one (only a crafted file can have it)
// would print a line of its own under the heading: "Personnummer: …" that no one wrote there.
TEST(HiddenText, ALineBreakInANameIsSaidAndWrittenOut) {
    Preparation p = sample();
    p.owner.name = "Kerstin Lund\nPersonnummer: 19121212-1212";
    const ImportResult r = import_bundle(export_bundle(p, meta()), kToday);
    ASSERT_TRUE(r.readable);
    EXPECT_TRUE(has_issue(r.issues, "/content/owner/name", "text.line_break", Severity::Warning));
    EXPECT_TRUE(has_issue(validate(p, kToday), "/content/owner/name", "text.line_break", Severity::Warning));
    EXPECT_EQ(r.preparation.owner.name, p.owner.name);  // kept as it came
    const std::string shown = shown_to_professional(r.preparation).owner.name;
    EXPECT_EQ(shown.find('\n'), std::string::npos) << shown;
    EXPECT_NE(shown.find("Kerstin Lund\u2039U+000A\u203APersonnummer"), std::string::npos) << shown;
    for (SummaryFormat f : {SummaryFormat::Text, SummaryFormat::Markdown, SummaryFormat::Html}) {
        const std::string s = summary(r.preparation, Lang::Sv, kToday, r.issues, f);
        EXPECT_EQ(s.find("\nPersonnummer: 19121212-1212"), std::string::npos) << s;
    }
    // A question's words may have lines.
    Preparation lines = sample();
    lines.questions.push_back(Question{"q-1", kPersonId, "Två\nrader", Priority::None, ""});
    EXPECT_FALSE(has_issue(validate(lines, kToday), "/content/questions/0/text", "text.line_break", Severity::Warning));
}
