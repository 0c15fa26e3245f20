// SHA-256 (FIPS 180-4), for the bundle's integrity field.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace sipprep {

// Incremental hashing, for data that is produced piece by piece (the bundle's canonical content).
class Sha256 {
public:
    explicit Sha256(bool allow_hardware = true);
    void update(std::string_view data);
    std::string hex_digest();  // lower-case hex; call once

private:
    std::array<std::uint32_t, 8> h_;
    unsigned char buffer_[64] = {};
    std::size_t buffered_ = 0;
    std::uint64_t length_ = 0;
    bool allow_hardware_;
};

// Lower-case hex digest of `data`.
std::string sha256_hex(std::string_view data);

namespace detail {
// The portable code path, even where the CPU has SHA instructions (for tests).
std::string sha256_hex_portable(std::string_view data);
}  // namespace detail

}  // namespace sipprep
