#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/i18n.hpp"
#include "core/issue.hpp"
#include "core/model_json.hpp"
#include "random_preparation.hpp"

using namespace sipprep;

namespace {

namespace fs = std::filesystem;

fs::path i18n_dir() { return fs::path(SIPPREP_SOURCE_DIR) / "assets" / "i18n"; }

std::string read_file(const fs::path& path) {
    std::ifstream f(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

nlohmann::json read_json(const fs::path& path) { return nlohmann::json::parse(read_file(path)); }

// The catalog files present (not the .review.json beside them), by id.
std::map<std::string, fs::path> catalog_files() {
    std::map<std::string, fs::path> out;
    for (const auto& e : fs::directory_iterator(i18n_dir())) {
        const std::string name = e.path().filename().string();
        if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0 &&
            name.find(".review.") == std::string::npos)
            out[name.substr(0, name.size() - 5)] = e.path();
    }
    return out;
}

// "{0} av {1}" -> {"{0}", "{1}"}, sorted: the order may move, the count may not.
std::multiset<std::string> placeholders(const std::string& text) {
    std::multiset<std::string> out;
    for (std::size_t i = 0; i + 2 < text.size(); ++i)
        if (text[i] == '{' && text[i + 2] == '}' && text[i + 1] >= '0' && text[i + 1] <= '9')
            out.insert(text.substr(i, 3));
    return out;
}

// Every catalog file present (also those added later) has exactly sv.json's keys, each with the
// same placeholders, is a language the app knows, and is in this build.
TEST(I18n, EveryCatalogHasEveryKeyAndItsPlaceholders) {
    const auto files = catalog_files();
    ASSERT_TRUE(files.count("sv"));
    const nlohmann::json sv = read_json(files.at("sv"));
    ASSERT_GT(sv.size(), 100u);
    // Spelled out from the way they are built in (each after the key before), every key is sv.json's.
    std::vector<std::string> sv_keys;
    for (const auto& [key, text] : sv.items()) sv_keys.push_back(key);
    EXPECT_EQ(catalog_keys(Lang::Sv), sv_keys);
    for (const auto& [id, path] : files) {
        Lang lang;
        ASSERT_TRUE(lang_from_code(id, &lang)) << path << ": not a language the app knows (src/core/i18n.hpp)";
        EXPECT_TRUE(lang_built(lang)) << id;
        EXPECT_TRUE(lang_loaded(lang)) << id << ": natively every catalog is built in";
        const nlohmann::json cat = read_json(path);
        for (const auto& [key, text] : sv.items()) {
            if (!cat.contains(key)) {
                ADD_FAILURE() << id << ".json lacks " << key;
                continue;
            }
            ASSERT_TRUE(cat[key].is_string()) << id << " " << key;
            EXPECT_EQ(placeholders(cat[key].get<std::string>()), placeholders(text.get<std::string>()))
                << id << ".json " << key << ": \"" << cat[key].get<std::string>() << "\" has other {n} than \""
                << text.get<std::string>() << "\"";
            EXPECT_TRUE(has_text(lang, key)) << id << " " << key;
        }
        for (const auto& [key, text] : cat.items())
            EXPECT_TRUE(sv.contains(key)) << id << ".json has " << key << ", which sv.json does not";
    }
    for (Lang lang : kAllLangs)
        EXPECT_EQ(lang_built(lang), files.count(std::string(lang_code(lang))) == 1) << lang_code(lang);
}

TEST(I18n, LanguagesAndTheirTags) {
    for (Lang lang : kAllLangs) {
        Lang back;
        ASSERT_TRUE(lang_from_code(lang_code(lang), &back));
        EXPECT_EQ(back, lang);
    }
    Lang l;
    EXPECT_FALSE(lang_from_code("de", &l));
    EXPECT_EQ(lang_code(Lang::SvEasy), "sv-x-easy");
    EXPECT_EQ(lang_text_tag(Lang::SvEasy), "sv");
    EXPECT_EQ(lang_text_tag(Lang::Ar), "ar");
    EXPECT_TRUE(lang_is_rtl(Lang::Ar));
    EXPECT_FALSE(lang_is_rtl(Lang::Fi));
    EXPECT_TRUE(lang_reviewed(Lang::Sv));
    // Each language is named in the menu in its own words, from the Swedish catalog (built in).
    for (Lang lang : kAllLangs) EXPECT_TRUE(has_text(Lang::Sv, "lang." + std::string(lang_code(lang))));
}

// The web app's catalog files: made by tools/embed_catalogs.py --lazy, taken only when they
// belong to this build; a text a catalog lacks shows in Swedish, never as its key.
TEST(I18n, FetchedCatalogFiles) {
    const fs::path tmp = fs::temp_directory_path() / ("sipprep-i18n-" + std::to_string(::getpid()));
    fs::remove_all(tmp);
    fs::create_directories(tmp / "in");
    fs::copy_file(i18n_dir() / "sv.json", tmp / "in" / "sv.json");
    nlohmann::json so = read_json(i18n_dir() / "sv.json");
    for (auto& [key, text] : so.items()) text = "SO " + text.get<std::string>();
    so.erase("goal.question");
    std::ofstream(tmp / "in" / "so.json") << so.dump();
    const std::string tool = std::string(SIPPREP_SOURCE_DIR) + "/tools/embed_catalogs.py";
    ASSERT_EQ(std::system(("python3 '" + tool + "' '" + (tmp / "in").string() + "' '" + (tmp / "x.cpp").string() +
                           "' --lazy '" + (tmp / "out").string() + "'")
                              .c_str()),
              0);
    const std::string file = read_file(tmp / "out" / "i18n-so.cat");
    ASSERT_FALSE(file.empty());

    EXPECT_EQ(load_catalog(Lang::Fi, file), "lang.stale");  // another language's file
    std::string other_build = file;
    other_build[other_build.find('\0', 16) + 1] ^= 1;  // the key count of another build
    EXPECT_EQ(load_catalog(Lang::So, other_build), "lang.stale");
    EXPECT_EQ(load_catalog(Lang::So, file.substr(0, file.size() - 40)), "lang.stale");  // cut short
    EXPECT_EQ(load_catalog(Lang::So, "sipprep-catalog"), "lang.stale");

    ASSERT_EQ(load_catalog(Lang::So, file), "");
    EXPECT_TRUE(lang_loaded(Lang::So));
    EXPECT_EQ(tr(Lang::So, "app.title"), "SO " + tr(Lang::Sv, "app.title"));
    EXPECT_EQ(tr(Lang::So, "goal.question"), "Vad är viktigt för dig?");  // Swedish, not the key
    EXPECT_FALSE(has_text(Lang::So, "goal.question"));

    // The real Somali catalog again, when there is one (later tests in this process read it).
    if (fs::exists(i18n_dir() / "so.json")) {
        ASSERT_EQ(std::system(("python3 '" + tool + "' '" + i18n_dir().string() + "' '" + (tmp / "y.cpp").string() +
                               "' --lazy '" + (tmp / "real").string() + "'")
                                  .c_str()),
                  0);
        ASSERT_EQ(load_catalog(Lang::So, read_file(tmp / "real" / "i18n-so.cat")), "");
    }
    fs::remove_all(tmp);
}

}  // namespace

TEST(I18n, SwedishIsTheDefaultText) {
    EXPECT_EQ(tr(Lang::Sv, "app.title"), "Förbered din SIP");
    EXPECT_EQ(tr(Lang::Sv, "goal.question"), "Vad är viktigt för dig?");
    EXPECT_EQ(tr(Lang::En, "goal.question"), "What matters to you?");
}

TEST(I18n, MissingKeyShowsTheKey) { EXPECT_EQ(tr(Lang::Sv, "no.such.key"), "no.such.key"); }

TEST(I18n, FormatsPlaceholders) {
    EXPECT_EQ(format_text("{0} av {1}", {"3", "8"}), "3 av 8");
    EXPECT_EQ(format_text("{2} {x}", {"a"}), "{2} {x}");
}

TEST(Issue, DescribeNamesTheField) {
    Issue i{Severity::Error, "/version", "bundle.newer_version", {"2", "1"}};
    EXPECT_EQ(describe(i, Lang::Sv),
              "Formatversion: Filen har formatversion 2, men den här appen läser bara upp till version 1. "
              "Använd en nyare version av appen.");
}

// A message that tells the person what to do, in their words ("Skriv vad som är viktigt för
// dig"), says to the professional who opened the file what is missing, in every language: the
// professional's view, their printout and the CLI would otherwise tell them to write "för dig".
TEST(Issue, WhatThePersonIsToldIsSaidAboutThemToTheProfessional) {
    const auto to_the_person = [](std::string text) {
        for (std::size_t at; (at = text.find("Förbered din SIP")) != std::string::npos;) text.erase(at, 17);
        if (text.find("på steget") != std::string::npos) return true;
        std::string word;
        for (char c : text + " ") {
            if (std::string_view(" .,:;!?\"'()–-").find(c) == std::string_view::npos) {
                word += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
            } else {
                if (word == "du" || word == "dig" || word == "din" || word == "ditt" || word == "dina") return true;
                word.clear();
            }
        }
        return false;
    };
    int addressed = 0;
    for (const std::string& k : catalog_keys(Lang::Sv)) {
        if (k.rfind("msg.", 0) != 0) continue;
        if (!to_the_person(tr(Lang::Sv, k))) continue;
        ++addressed;
        for (Lang lang : kAllLangs) EXPECT_TRUE(has_text(lang, "pro." + k)) << lang_code(lang) << " pro." << k;
        const std::string about = tr(Lang::Sv, "pro." + k);
        EXPECT_FALSE(to_the_person(about)) << about;
    }
    EXPECT_GE(addressed, 10);

    const Issue goal{Severity::Warning, "/content/goals/long_term", "goal.missing", {}};
    EXPECT_NE(describe(goal, Lang::Sv).find("Skriv vad som är viktigt för dig"), std::string::npos);
    EXPECT_NE(
        describe(goal, Lang::Sv, Reader::Professional).find("Personen har inte skrivit vad som är viktigt för hen"),
        std::string::npos);
    // A message with nothing said to the person reads the same to both.
    const Issue date{Severity::Error, "/content/participation/wished_date", "date.invalid", {"32 maj"}};
    EXPECT_EQ(describe(date, Lang::Sv, Reader::Professional), describe(date, Lang::Sv));
}

// A member with no name for people is not shown as a JSON path (a printout for everyone at the
// meeting said "… › /content/sip_consent/guardians/1/agrees"); an unknown member keeps its path,
// the only thing that says which one.
TEST(Issue, APathIsShownOnlyWhereNothingElseSaysWhere) {
    const Issue no{
        Severity::Warning, "/content/sip_consent/guardians/1/agrees", "sip_consent.guardian_declines", {"Jonas"}};
    const std::string said = describe(no, Lang::Sv, Reader::Professional);
    EXPECT_EQ(said.find("/content"), std::string::npos) << said;
    EXPECT_EQ(said.rfind(field_label(Lang::Sv, "/content/sip_consent/guardians/1") + ": Jonas", 0), 0u) << said;
    const Issue unknown{Severity::Warning, "/content/questions/0/color", "bundle.unknown_field", {}};
    EXPECT_EQ(describe(unknown, Lang::Sv).rfind("/content/questions/0/color: ", 0), 0u);
}

// The members a hand-edited file gets wrong most (a kind that does not exist, a score of 7, a
// time of 25:61, the save time) are named in words, in every language, not as a JSON path.
TEST(Issue, TheFieldsAFileGetsWrongAreNamedInWords) {
    // Every member of the content, as random drafts fill them: a text too long, a value of the
    // wrong type in a hand-edited file, is named as the form asks for it.
    std::set<std::string> paths;
    std::function<void(const nlohmann::json&, const std::string&)> each = [&](const nlohmann::json& j,
                                                                              const std::string& path) {
        if (j.is_object())
            for (const auto& [k, v] : j.items()) each(v, path + "/" + k);
        else if (j.is_array())
            for (std::size_t i = 0; i < j.size(); ++i) each(j[i], path + "/" + std::to_string(i));
        else
            paths.insert(path);
    };
    test_data::RandomPreparation random(7, false);
    for (int i = 0; i < 300; ++i) each(to_json(random.make()), "/content");
    ASSERT_GT(paths.size(), 300u);
    for (const Lang lang : kAllLangs)
        for (const std::string& path : paths)
            EXPECT_EQ(field_label(lang, path).find('/'), std::string::npos) << path << " in " << lang_code(lang);
    for (const Lang lang : kAllLangs)
        for (const char* path : {"/content/kind", "/updated", "/created", "/content/agreed/follow_up_time",
                                 "/content/invitations/trusted_note", "/content/evaluation/listened_to",
                                 "/content/evaluation/understood", "/content/evaluation/started_from_me"}) {
            const std::string label = field_label(lang, path);
            EXPECT_EQ(label.find('/'), std::string::npos) << path << " in " << static_cast<int>(lang) << ": " << label;
        }
}

// Every problem the app reports reads as a sentence of its own, at the field or after its name.
TEST(I18n, MessagesAreSentences) {
    for (Lang lang : kAllLangs) {
        for (const std::string& k : catalog_keys(lang)) {
            if (k.rfind("msg.", 0) != 0 && k.rfind("pro.msg.", 0) != 0) continue;
            const std::string& v = tr(lang, k);
            ASSERT_FALSE(v.empty()) << k;
            const unsigned char first = static_cast<unsigned char>(v[0]);
            const bool capital = (first >= 'A' && first <= 'Z') || v.rfind("\u00c5", 0) == 0 ||
                                 v.rfind("\u00c4", 0) == 0 || v.rfind("\u00d6", 0) == 0 || first == '"' || first == '{';
            if (lang != Lang::Ar)
                EXPECT_TRUE(capital) << lang_code(lang) << " " << k << ": " << v;  // no capitals there
            const char last = v.back();
            const bool arabic_question = v.size() >= 2 && v.compare(v.size() - 2, 2, "\u061f") == 0;
            EXPECT_TRUE(last == '.' || last == '?' || last == '!' || arabic_question)
                << lang_code(lang) << " " << k << ": " << v;
        }
    }
}

// One word per thing, in both languages: "Spara fil" (not "Exportera"), "ta tillbaka" (not
// "återkalla"), "Framtidsfullmäktig" for the person (not the document's name).
TEST(I18n, OneWordPerThing) {
    const std::pair<Lang, std::vector<std::string>> forbidden[] = {
        // Taking a consent back is "dra tillbaka" (seed 001), never "ta tillbaka" beside it (issue 26).
        {Lang::Sv,
         {"xporter", "återkall", "Återkall", "ÅTERKALL", "UTGÅNGET", "ta tillbaka", "Ta tillbaka", "tar tillbaka",
          "togs tillbaka",
          // the seeds' words (issue 26): delmål, mötesledare, ersättare, långsiktigt mål,
          // huvudansvarig or samordningsansvarig
          "kortsiktig", "ordförande", "vikarie", "övergripande mål", "huvudmål", "samordnare"}},
        {Lang::En,
         {"xport", "withdr", "WITHDR", "revoke", "Revoke", "EXPIRED", "sub-goal", "subgoal", "interim goal", "chair",
          "stand-in", "overall goal", "main goal"}},
    };
    for (const auto& [lang, words] : forbidden)
        for (const std::string& k : catalog_keys(lang))
            for (const std::string& w : words)
                EXPECT_EQ(tr(lang, k).find(w), std::string::npos)
                    << lang_code(lang) << " " << k << " uses \"" << w << "\": " << tr(lang, k);
    EXPECT_EQ(tr(Lang::Sv, "export.button"), "Spara fil");
    EXPECT_EQ(tr(Lang::Sv, "step.participation"), tr(Lang::Sv, "summary.participation"));
    EXPECT_EQ(tr(Lang::Sv, "enum.rep.framtidsfullmakt"), "Framtidsfullmäktig");
    // Issue 26: what is typed at home is a wish; no status of a consent says it holds.
    for (const std::string& k : catalog_keys(Lang::Sv))
        if (k.rfind("consent.wish.", 0) == 0 || k.rfind("summary.sip_consent", 0) == 0 ||
            k.rfind("sip_consent.", 0) == 0)
            EXPECT_EQ(tr(Lang::Sv, k).find("Gäller"), std::string::npos) << k << ": " << tr(Lang::Sv, k);
    // The professional's view uses the seeds' terms.
    for (const char* term : {"långsiktiga mål", "fasta vårdkontakten", "mötesledare", "ersättare", "frågeställningar"})
        EXPECT_NE(tr(Lang::Sv, "pro.guide").find(term), std::string::npos) << term;
    EXPECT_EQ(tr(Lang::Sv, "enum.contact.care_contact"), "Fast vårdkontakt");
    EXPECT_EQ(tr(Lang::Sv, "enum.contact.doctor"), "Fast läkarkontakt");
    EXPECT_NE(tr(Lang::Sv, "agreed.lead.help").find("samordningsansvarig"), std::string::npos);
}

// A value put into a sentence written right to left is isolated, so that its punctuation and
// digits stay with it ("arabiska.json", "2026-11-21"); a left-to-right sentence is left as it is.
TEST(I18n, ValuesInARightToLeftSentenceAreIsolated) {
    EXPECT_NE(trf(Lang::Ar, "open.done", {"sip-2026-11-21.json"}).find("\u2068sip-2026-11-21.json\u2069"),
              std::string::npos);
    EXPECT_EQ(trf(Lang::Sv, "open.done", {"sip.json"}), "sip.json är öppnad. Du kan fortsätta där den slutade.");
}
