// SHA-256 (FIPS 180-4), for the bundle's integrity field: libsodium's, which the passphrase code
// already brings (docs/architecture.md has what our own cost and why it went).
#pragma once

#include <string>
#include <string_view>

#include <sodium/crypto_hash_sha256.h>

namespace sipprep {

// Incremental hashing, for data that is produced piece by piece (the bundle's canonical content).
class Sha256 {
public:
    Sha256();
    void update(std::string_view data);
    std::string hex_digest();  // lower-case hex; call once

private:
    crypto_hash_sha256_state state_;
};

// Lower-case hex digest of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace sipprep
