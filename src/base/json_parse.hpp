// The app's JSON parser for whole documents in memory: it builds the same nlohmann::json tree
// as nlohmann::json::parse and accepts the same texts (tests/fuzz/fuzz_json_parse checks both
// ways on arbitrary input), about twice as fast on bundles (long strings are copied in runs, not
// byte by byte). Strict RFC 8259: well-formed UTF-8, surrogate pairs in \u escapes, no
// trailing commas, no comments; a byte order mark at the start is skipped; nesting deeper than
// 256 is refused (nlohmann would recurse on), and so is anything after a NUL byte (nlohmann
// takes a NUL as the end of the text). The web app has no other JSON parser.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace sipprep {

// The first key an object repeats (the last value counts, as in nlohmann), and where.
struct JsonDuplicate {
    std::string key;
    std::size_t offset = 0;  // bytes from the start of the text
};

// On failure `error_at` (if given) is the byte offset where the text stopped being JSON.
bool parse_json(std::string_view text, nlohmann::json* out, JsonDuplicate* duplicate = nullptr,
                std::size_t* error_at = nullptr);

}  // namespace sipprep
