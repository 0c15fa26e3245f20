// age's X25519 keys as text: Bech32 (BIP 173) with "age" for a recipient and "AGE-SECRET-KEY-"
// for an identity, as age-keygen writes them (age lifts Bech32's 90-character limit).
#include <sodium.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "age.hpp"

namespace sipprep::age {
namespace {

constexpr char kCharset[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
constexpr std::string_view kRecipientPrefix = "age";
constexpr std::string_view kIdentityPrefix = "age-secret-key-";

std::uint32_t polymod(const std::vector<unsigned char>& values) {
    constexpr std::uint32_t kGen[5] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    std::uint32_t chk = 1;
    for (unsigned char v : values) {
        const std::uint32_t top = chk >> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ v;
        for (int i = 0; i < 5; ++i)
            if ((top >> i) & 1) chk ^= kGen[i];
    }
    return chk;
}

std::vector<unsigned char> expand_hrp(std::string_view hrp) {
    std::vector<unsigned char> out;
    for (char c : hrp) out.push_back(static_cast<unsigned char>(c) >> 5);
    out.push_back(0);
    for (char c : hrp) out.push_back(static_cast<unsigned char>(c) & 31);
    return out;
}

// Regroups bits (8 → 5 to encode, 5 → 8 to decode); decoding refuses leftover bits that are not zero.
bool regroup(const unsigned char* in, std::size_t n, int from, int to, bool pad, std::vector<unsigned char>* out) {
    unsigned acc = 0;
    int bits = 0;
    const unsigned max = (1u << to) - 1;
    for (std::size_t i = 0; i < n; ++i) {
        acc = (acc << from) | in[i];
        bits += from;
        while (bits >= to) {
            bits -= to;
            out->push_back(static_cast<unsigned char>((acc >> bits) & max));
        }
    }
    if (pad) {
        if (bits > 0) out->push_back(static_cast<unsigned char>((acc << (to - bits)) & max));
    } else if (bits >= from || ((acc << (to - bits)) & max) != 0) {
        return false;
    }
    return true;
}

// Lowercase Bech32 of 32 bytes under `hrp`.
std::string encode(std::string_view hrp, const unsigned char* data) {
    std::vector<unsigned char> five;
    regroup(data, 32, 8, 5, true, &five);
    std::vector<unsigned char> values = expand_hrp(hrp);
    values.insert(values.end(), five.begin(), five.end());
    values.insert(values.end(), 6, 0);
    const std::uint32_t mod = polymod(values) ^ 1;
    std::string out(hrp);
    out += '1';
    for (unsigned char v : five) out += kCharset[v];
    for (int i = 0; i < 6; ++i) out += kCharset[(mod >> (5 * (5 - i))) & 31];
    return out;
}

// 32 bytes from Bech32 text under `hrp` (all lowercase or all uppercase).
bool decode(std::string_view text, std::string_view hrp, std::array<unsigned char, 32>* out) {
    bool lower = false, upper = false;
    std::string s;
    for (char c : text) {
        if (c < 0x21 || c > 0x7E) return false;
        lower = lower || (c >= 'a' && c <= 'z');
        upper = upper || (c >= 'A' && c <= 'Z');
        s += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    if (lower && upper) return false;
    const std::size_t sep = s.rfind('1');
    if (sep == std::string::npos || std::string_view(s).substr(0, sep) != hrp || s.size() - sep - 1 < 6) return false;
    std::vector<unsigned char> values = expand_hrp(hrp);
    std::vector<unsigned char> five;
    for (std::size_t i = sep + 1; i < s.size(); ++i) {
        const char* at = std::char_traits<char>::find(kCharset, 32, s[i]);
        if (!at) return false;
        values.push_back(static_cast<unsigned char>(at - kCharset));
    }
    if (polymod(values) != 1) return false;
    five.assign(values.end() - static_cast<long>(s.size() - sep - 1), values.end() - 6);
    std::vector<unsigned char> eight;
    if (!regroup(five.data(), five.size(), 5, 8, false, &eight) || eight.size() != 32) return false;
    std::copy(eight.begin(), eight.end(), out->begin());
    sodium_memzero(eight.data(), eight.size());
    return true;
}

}  // namespace

bool Identity::ok() const {
    unsigned char zero = 0;
    for (unsigned char c : public_key) zero |= c;
    return zero != 0;
}

Identity generate_identity() {
    Identity id;
    if (sodium_init() < 0) return Identity{};
    randombytes_buf(id.secret.data(), id.secret.size());
    crypto_scalarmult_base(id.public_key.data(), id.secret.data());
    return id;
}

std::string recipient_string(const std::array<unsigned char, 32>& public_key) {
    return encode(kRecipientPrefix, public_key.data());
}

std::string identity_string(const Identity& identity) {
    std::string s = encode(kIdentityPrefix, identity.secret.data());
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

bool parse_recipient(std::string_view text, std::array<unsigned char, 32>* public_key) {
    return decode(text, kRecipientPrefix, public_key);
}

Identity parse_identity(std::string_view text) {
    Identity id;
    while (!text.empty()) {
        std::size_t end = text.find('\n');
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(0, end);
        text.remove_prefix(std::min(text.size(), end + 1));
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line[0] == '#') continue;
        if (sodium_init() < 0 || !decode(line, kIdentityPrefix, &id.secret)) return Identity{};
        crypto_scalarmult_base(id.public_key.data(), id.secret.data());
        return id;
    }
    return Identity{};
}

}  // namespace sipprep::age
