// Lätt svenska (assets/i18n/sv-x-easy.json, issue 29): every screen reads at LIX 30 or below,
// sentences are short, and the catalog has exactly sv.json's keys and placeholders.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "core/readability.hpp"
#include "core/screen_keys.hpp"

using namespace sipprep;

namespace {

std::map<std::string, std::string> read_catalog(const char* id) {
    const auto path = std::filesystem::path(SIPPREP_SOURCE_DIR) / "assets" / "i18n" / (std::string(id) + ".json");
    std::ifstream f(path);
    EXPECT_TRUE(f) << "cannot read " << path;
    std::map<std::string, std::string> out;
    if (!f) return out;
    const nlohmann::json j = nlohmann::json::parse(f);
    for (const auto& [k, v] : j.items()) out[k] = v.get<std::string>();
    return out;
}

std::vector<std::string> placeholders(const std::string& text) {
    static const std::regex kPlaceholder(R"(\{[0-9]+\})");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), kPlaceholder); it != std::sregex_iterator(); ++it)
        out.push_back(it->str());
    std::sort(out.begin(), out.end());
    return out;
}

constexpr double kMaxLix = 30.0;

}  // namespace

TEST(EasySwedish, HasExactlyTheKeysAndPlaceholdersOfSwedish) {
    const auto sv = read_catalog("sv");
    const auto easy = read_catalog("sv-x-easy");
    ASSERT_FALSE(sv.empty());
    for (const auto& [k, text] : sv) {
        const auto it = easy.find(k);
        if (it == easy.end()) {
            ADD_FAILURE() << "missing in sv-x-easy.json: " << k;
            continue;
        }
        EXPECT_EQ(placeholders(it->second), placeholders(text)) << k << ": " << it->second;
        EXPECT_EQ(it->second.empty(), text.empty()) << k;
    }
    for (const auto& [k, text] : easy) EXPECT_TRUE(sv.count(k)) << "not in sv.json: " << k;
}

// The table in core/screen_keys.cpp places every text, so a new key has to be put on a screen.
TEST(EasySwedish, EveryTextBelongsToAScreen) {
    for (const auto& [k, text] : read_catalog("sv")) EXPECT_NE(screen_of_key(k), nullptr) << k;
}

std::map<std::string_view, LixCounts> lix_per_screen(const char* id, bool running_text_only = false) {
    std::map<std::string_view, LixCounts> out;
    for (const auto& [k, text] : read_catalog(id))
        if (const Screen* s = screen_of_key(k); s && (!running_text_only || is_running_text(text)))
            out[s->name] += lix_counts(text);
    return out;
}

TEST(EasySwedish, EveryScreenReadsAtLix30OrBelow) {
    auto per_screen = lix_per_screen("sv-x-easy");
    for (const Screen& s : screens()) {
        const LixCounts& c = per_screen[s.name];
        EXPECT_GT(c.words, 0) << s.name << " has no text";
        EXPECT_LE(lix(c), kMaxLix) << s.name << ": LIX " << lix(c) << " (" << c.words << " words, " << c.sentences
                                   << " sentences, " << c.long_words << " long words)";
    }
}

// Without the labels, which are short sentences of one to five words, too.
TEST(EasySwedish, EveryScreensRunningTextReadsAtLix30OrBelow) {
    auto per_screen = lix_per_screen("sv-x-easy", true);
    for (const Screen& s : screens())
        EXPECT_LE(lix(per_screen[s.name]), kMaxLix) << s.name << ": LIX " << lix(per_screen[s.name]);
}

// The standard catalog is plain already on some screens; the easy one is never harder.
TEST(EasySwedish, NoScreenReadsHarderThanStandardSwedish) {
    for (bool running_text_only : {false, true}) {
        auto easy = lix_per_screen("sv-x-easy", running_text_only);
        auto standard = lix_per_screen("sv", running_text_only);
        for (const Screen& s : screens())
            EXPECT_LE(lix(easy[s.name]), lix(standard[s.name]))
                << s.name << (running_text_only ? ", running text" : "");
    }
}

// One thing per sentence: no sentence longer than this many words.
TEST(EasySwedish, SentencesAreShort) {
    constexpr int kMaxWords = 16;
    for (const auto& [k, text] : read_catalog("sv-x-easy"))
        EXPECT_LE(lix_counts(text).longest_sentence, kMaxWords) << k << ": " << text;
}

// Easy-to-read Swedish writes words out: no "t.ex.", "bl.a.", "dvs." …
TEST(EasySwedish, NoAbbreviations) {
    static const std::regex kAbbreviation(
        R"((^|[^A-Za-zÅÄÖåäö])(t\.ex|bl\.a|dvs|osv|m\.m|s\.k|ca|kap|ev|resp|fr\.o\.m|t\.o\.m)\.)");
    for (const auto& [k, text] : read_catalog("sv-x-easy"))
        EXPECT_FALSE(std::regex_search(text, kAbbreviation)) << k << ": " << text;
}
