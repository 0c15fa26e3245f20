#include <gtest/gtest.h>

#include "core/canonical.hpp"
#include "core/sha256.hpp"

using namespace sipprep;

TEST(Canonical, SameAsSortedCompactDump) {
    const char* docs[] = {
        R"({"b":1,"a":[true,null,{"y":"å\n\"x\"","x":-3}],"é":"\u0001 tab\t","A":{}})",
        R"([])",
        R"({"text":"emoji 😀 – ”quote” \\ /"})",
    };
    for (const char* text : docs) {
        nlohmann::json sorted = nlohmann::json::parse(text);
        const std::string expected = sorted.dump();
        EXPECT_EQ(canonical_text(sorted), expected);
        EXPECT_EQ(canonical_sha256(sorted), sha256_hex(expected));
    }
}
