// libFuzzer: the personnummer parser must never crash, and what it accepts must be 12 digits
// that it accepts again unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/personal_id.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto r = sipprep::parse_personal_id(text, 2026);
    if (r.ok()) {
        if (r.id.digits.size() != 12) std::abort();
        auto again = sipprep::parse_personal_id(r.id.digits, 2026);
        if (!again.ok() || again.id.digits != r.id.digits) std::abort();
    }
    return 0;
}
