// libFuzzer, differential: whatever our JSON parser accepts, nlohmann's parser accepts too and
// builds the same tree (the importer relies on it: see src/core/json_parse.hpp).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/json_parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    nlohmann::json ours;
    if (!sipprep::parse_json(text, &ours)) return 0;
    const nlohmann::json theirs = nlohmann::json::parse(text, nullptr, false);
    if (theirs.is_discarded() || theirs != ours) std::abort();
    // Same kinds of numbers, not only equal values (1 and 1.0 compare equal).
    if (theirs.dump() != ours.dump()) std::abort();
    return 0;
}
