// libFuzzer, differential: our JSON parser and nlohmann's accept the same texts (apart from
// nesting beyond our limit of 256, and text after a NUL byte, where nlohmann stops reading) and
// build the same tree. The web app has only ours, so what it refuses must be what nlohmann
// refuses too (see src/base/json_parse.hpp).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/json_parse.hpp"

namespace {
// Deeper than our parser allows (brackets outside strings; only asked when the two disagree).
bool deeper_than_256(std::string_view text) {
    int depth = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > 256) return true;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    nlohmann::json ours;
    const bool ours_ok = sipprep::parse_json(text, &ours);
    const nlohmann::json theirs = nlohmann::json::parse(text, nullptr, false);
    if (!ours_ok) {
        // We refused JSON: only nesting beyond our limit may be the reason, or a NUL byte, which
        // nlohmann takes as the end of the text (ours refuses what follows, as RFC 8259 does).
        if (!theirs.is_discarded() && !deeper_than_256(text) && text.find('\0') == std::string_view::npos) std::abort();
        return 0;
    }
    if (theirs.is_discarded() || theirs != ours) std::abort();
    // Same kinds of numbers, not only equal values (1 and 1.0 compare equal).
    if (theirs.dump() != ours.dump()) std::abort();
    return 0;
}
