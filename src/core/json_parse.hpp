// A JSON parser for whole documents in memory that builds the same nlohmann::json tree as
// nlohmann::json::parse, about twice as fast on bundles (long strings are copied in runs, not
// byte by byte). Strict RFC 8259: well-formed UTF-8, surrogate pairs in \u escapes, no
// trailing commas, no comments; nesting deeper than 256 is refused. On any error it returns false and the importer asks
// nlohmann's parser for the position and the message. tests/fuzz/fuzz_json_parse compares
// the two on arbitrary input.
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

bool parse_json(std::string_view text, nlohmann::json* out, JsonDuplicate* duplicate = nullptr);

}  // namespace sipprep
