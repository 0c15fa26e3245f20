// libFuzzer: the bundle importer must never crash, hang or leak on any input, and whatever it
// reads must export and re-import to the same bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/bundle.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    const sipprep::Date today{2026, 11, 23};
    sipprep::ImportResult r = sipprep::import_bundle(text, today);
    if (r.readable) {
        std::string once = sipprep::export_bundle(r.preparation, r.meta);
        sipprep::ImportResult again = sipprep::import_bundle(once, today);
        if (!again.readable || sipprep::export_bundle(again.preparation, again.meta) != once) std::abort();
    }
    return 0;
}
