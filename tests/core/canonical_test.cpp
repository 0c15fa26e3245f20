// The canonical form is nlohmann's compact dump, byte for byte (docs/bundle-format.md): our
// faster writer must give the same text and hash for every kind of value and string.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "base/sha256.hpp"
#include "base/utf8.hpp"
#include "core/bundle.hpp"
#include "core/canonical.hpp"
#include "core/model_json.hpp"
#include "random_preparation.hpp"

using namespace sipprep;

TEST(Canonical, SameBytesAsNlohmannsCompactDump) {
    nlohmann::json v = {
        {"text", "Å ä ö – ”citat” 😀 \\ / \" \b\f\n\r\t \x01\x1f \x7f"},
        {"b", {true, false, nullptr}},
        {"n", {0, -1, 42, 9007199254740993LL, 18446744073709551615ULL, 1.5, -0.25, 1e300}},
        {"nested", {{"z", nlohmann::json::object()}, {"a", nlohmann::json::array()}, {"", ""}}},
        {"ämne", "nycklar sorteras bytevis"},
    };
    const std::string expected = v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    EXPECT_EQ(canonical_text(v), expected);
    Sha256 h;
    h.update(expected);
    EXPECT_EQ(canonical_sha256(v), h.hex_digest());
}

// The canonical writer assumes valid UTF-8; text from the page is made valid first.
TEST(Canonical, TextFromThePageIsMadeValidFirst) {
    const std::string bad = "ok \xC3\x28 \xED\xA0\x80 end";  // a broken pair and a lone surrogate
    const std::string clean = sanitize_utf8(bad);
    EXPECT_TRUE(is_valid_utf8(clean));
    EXPECT_EQ(clean, "ok \xEF\xBF\xBD( \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD end");
    EXPECT_EQ(sanitize_utf8("Å ä ö 😀"), "Å ä ö 😀");
    nlohmann::json v = {{"s", clean}};
    EXPECT_EQ(canonical_text(v), v.dump());
}

TEST(Canonical, LongStringsAcrossChunks) {
    std::string s;
    for (int i = 0; i < 20000; ++i) s += "åäö\n\"";
    nlohmann::json v = {{"s", s}, {"t", s}};
    const std::string expected = v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    EXPECT_EQ(canonical_text(v), expected);
    Sha256 h;
    h.update(expected);
    EXPECT_EQ(canonical_sha256(v), h.hex_digest());
}

// The canonical text of random preparations with every field filled or left out is the tree's
// compact dump, byte for byte (the draft is written this way, and the content checksum covers it).
TEST(Canonical, RandomPreparationsGiveTheDumpsBytes) {
    test_data::RandomPreparation random(20261205);
    for (int i = 0; i < 200; ++i) {
        const Preparation p = i == 0 ? Preparation{} : random.make();
        const nlohmann::json tree = to_json(p);
        ASSERT_EQ(canonical_text(tree), tree.dump()) << "preparation " << i;
        ASSERT_EQ(canonical_content(p), tree.dump()) << "preparation " << i;
    }
}
