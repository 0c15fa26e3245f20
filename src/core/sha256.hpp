// SHA-256 (FIPS 180-4), for the bundle's integrity field.
#pragma once

#include <string>
#include <string_view>

namespace sipprep {

// Lower-case hex digest of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace sipprep
