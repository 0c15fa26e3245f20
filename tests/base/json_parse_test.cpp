// The fast JSON parser builds what nlohmann's parser builds, and refuses what it refuses.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "base/json_parse.hpp"

using namespace sipprep;

TEST(JsonParse, SameTreeAsNlohmann) {
    for (const char* text : {
             R"({"a":[1,-2,3.5,-0,1e2,18446744073709551615,18446744073709551616,-9223372036854775809],"b":{"c":null}})",
             R"(  {"text":"Å ä ö – \u00e5 \ud83d\ude00 \" \\ \/ \b\f\n\r\t","":""}  )",
             R"({"same":1,"same":2})",
             R"([[],{},[{}],"",0,true,false,null])",
             "\"\\u0000\"",
         }) {
        nlohmann::json ours;
        ASSERT_TRUE(parse_json(text, &ours)) << text;
        const nlohmann::json theirs = nlohmann::json::parse(text);
        EXPECT_EQ(ours, theirs) << text;
        EXPECT_EQ(ours.dump(), theirs.dump()) << text;
    }
}

TEST(JsonParse, RefusesWhatIsNotJson) {
    for (const char* text :
         {"", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "-", "1e", "\"\x01\"", "\"\\x\"", "\"\\ud800\"",
          "\"\\udc00\"", "\"\xC3\x28\"", "1e999", "nul", "[1] x", "{'a':1}", "/* c */ 1"}) {
        nlohmann::json ours;
        EXPECT_FALSE(parse_json(text, &ours)) << text;
    }
}

// The parser recurses: nesting beyond its limit is refused instead of exhausting the stack (the
// fuzzer found 100 000 nested arrays; the importer already refuses more than 16 levels).
TEST(JsonParse, RefusesNestingDeeperThanItsLimit) {
    nlohmann::json out;
    const std::string deep(100000, '[');
    EXPECT_FALSE(parse_json(deep + std::string(100000, ']'), &out));
    EXPECT_TRUE(parse_json(std::string(256, '[') + std::string(256, ']'), &out));
    EXPECT_FALSE(parse_json(std::string(257, '[') + std::string(257, ']'), &out));
    EXPECT_FALSE(parse_json(std::string(300, '{'), &out));
}

// The web app has no other parser: where a text stops being JSON is ours to say, and a file an
// editor saved with a byte order mark is read as nlohmann reads it.
TEST(JsonParse, SaysWhereTheTextStopsBeingJson) {
    nlohmann::json out;
    std::size_t at = 99;
    EXPECT_FALSE(parse_json("{\"a\":", &out, nullptr, &at));
    EXPECT_EQ(at, 5u);
    EXPECT_FALSE(parse_json("[1, 2, x]", &out, nullptr, &at));
    EXPECT_EQ(at, 7u);
    EXPECT_FALSE(parse_json("{\"a\": 1}}", &out, nullptr, &at));
    EXPECT_EQ(at, 8u);
}

TEST(JsonParse, SkipsAByteOrderMarkAsNlohmannDoes) {
    const std::string text = "\xEF\xBB\xBF{\"a\": [1, \"\xC3\xA5\"]}";
    nlohmann::json ours;
    ASSERT_TRUE(parse_json(text, &ours));
    EXPECT_EQ(ours, nlohmann::json::parse(text));
    EXPECT_FALSE(parse_json("\xEF\xBB", &ours));
    EXPECT_FALSE(parse_json("x\xEF\xBB\xBF{}", &ours));
}

// nlohmann stops reading at a NUL byte; a file with one after its JSON is damaged, and ours says so.
TEST(JsonParse, RefusesWhatFollowsANulByte) {
    const std::string text("[1] \0 garbage", 13);
    nlohmann::json ours;
    std::size_t at = 0;
    EXPECT_FALSE(parse_json(text, &ours, nullptr, &at));
    EXPECT_EQ(at, 4u);
}
