#include "sha256.hpp"

namespace sipprep {

Sha256::Sha256() { crypto_hash_sha256_init(&state_); }

void Sha256::update(std::string_view data) {
    crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(data.data()), data.size());
}

std::string Sha256::hex_digest() {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state_, digest);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * sizeof digest);
    for (unsigned char c : digest) {
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
    return out;
}

std::string sha256_hex(std::string_view data) {
    Sha256 h;
    h.update(data);
    return h.hex_digest();
}

}  // namespace sipprep
