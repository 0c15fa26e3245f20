#include "age.hpp"

#include <sodium.h>

#include <array>
#include <cstdint>
#include <vector>

namespace sipprep::age {
namespace {

constexpr std::string_view kVersionLine = "age-encryption.org/v1\n";
constexpr std::string_view kScryptLabel = "age-encryption.org/v1/scrypt";
constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kTag = crypto_aead_chacha20poly1305_IETF_ABYTES;
constexpr std::size_t kFileKey = 16;

using Key = std::array<unsigned char, 32>;

const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

bool ready() { return sodium_init() >= 0; }

Key hmac_sha256(std::string_view key, std::string_view message) {
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, bytes(key), key.size());
    crypto_auth_hmacsha256_update(&st, bytes(message), message.size());
    Key out;
    crypto_auth_hmacsha256_final(&st, out.data());
    return out;
}

// HKDF-SHA-256 (RFC 5869) with 32 bytes of output: one HMAC to extract, one to expand.
Key hkdf(std::string_view ikm, std::string_view salt, std::string_view info) {
    const Key prk = hmac_sha256(salt, ikm);
    std::string t(info);
    t += '\x01';
    return hmac_sha256(std::string_view(reinterpret_cast<const char*>(prk.data()), prk.size()), t);
}

std::string_view view(const Key& k) { return std::string_view(reinterpret_cast<const char*>(k.data()), k.size()); }

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int b64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

bool scrypt_key(std::string_view passphrase, std::string_view salt16, int log_n, Key* out) {
    std::string salt(kScryptLabel);
    salt += salt16;
    return crypto_pwhash_scryptsalsa208sha256_ll(bytes(passphrase), passphrase.size(), bytes(salt), salt.size(),
                                                 std::uint64_t(1) << log_n, 8, 1, out->data(), out->size()) == 0;
}

// The 12-byte STREAM nonce: an 11-byte big-endian counter and the last-chunk flag.
std::array<unsigned char, 12> chunk_nonce(std::uint64_t counter, bool last) {
    std::array<unsigned char, 12> n{};
    for (int i = 0; i < 8; ++i) n[10 - i] = static_cast<unsigned char>(counter >> (8 * i));
    n[11] = last ? 1 : 0;
    return n;
}

struct Stanza {
    std::vector<std::string> args;
    std::string body;  // decoded
};

// Reads one LF-terminated line at `pos`; false at the end of the input.
bool next_line(std::string_view s, std::size_t* pos, std::string_view* line) {
    const std::size_t end = s.find('\n', *pos);
    if (end == std::string_view::npos) return false;
    *line = s.substr(*pos, end - *pos);
    *pos = end + 1;
    return true;
}

}  // namespace

std::string base64_encode(std::string_view in) {
    std::string out;
    std::size_t i = 0;
    for (; i + 3 <= in.size(); i += 3) {
        const unsigned v = (unsigned(bytes(in)[i]) << 16) | (unsigned(bytes(in)[i + 1]) << 8) | bytes(in)[i + 2];
        for (int k = 3; k >= 0; --k) out += kAlphabet[(v >> (6 * k)) & 63];
    }
    const std::size_t rest = in.size() - i;
    if (rest == 1) {
        const unsigned v = unsigned(bytes(in)[i]) << 16;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
    } else if (rest == 2) {
        const unsigned v = (unsigned(bytes(in)[i]) << 16) | (unsigned(bytes(in)[i + 1]) << 8);
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
    }
    return out;
}

bool base64_decode(std::string_view text, std::string* out) {
    out->clear();
    if (text.size() % 4 == 1) return false;
    unsigned acc = 0;
    int bits = 0;
    for (char c : text) {
        const int v = b64_value(c);
        if (v < 0) return false;  // '=' padding included
        acc = (acc << 6) | unsigned(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            *out += static_cast<char>((acc >> bits) & 0xFF);
        }
    }
    return (acc & ((1u << bits) - 1)) == 0;  // canonical: the unused bits are zero
}

bool looks_like_age(std::string_view b) {
    return b.substr(0, kVersionLine.size()) == kVersionLine || b.substr(0, 34) == "-----BEGIN AGE ENCRYPTED FILE-----";
}

const char* error_key(Error e) {
    switch (e) {
        case Error::None:
            return "age.ok";
        case Error::NotAge:
            return "age.not_age";
        case Error::Armored:
            return "age.armored";
        case Error::NotPassphrase:
            return "age.not_passphrase";
        case Error::Malformed:
            return "age.malformed";
        case Error::WorkFactorTooHigh:
            return "age.work_factor";
        case Error::WrongPassphrase:
            return "age.wrong_passphrase";
        case Error::Damaged:
            return "age.damaged";
    }
    return "age.malformed";
}

Decrypted decrypt(std::string_view file, std::string_view passphrase, int max_work_factor) {
    Decrypted r;
    auto fail = [&](Error e) {
        r.error = e;
        r.plaintext.clear();
        return r;
    };
    if (!ready()) return fail(Error::Malformed);
    if (file.substr(0, 34) == "-----BEGIN AGE ENCRYPTED FILE-----") return fail(Error::Armored);
    if (file.substr(0, kVersionLine.size()) != kVersionLine) return fail(Error::NotAge);

    // ---- header: stanzas, then "--- MAC"
    std::size_t pos = kVersionLine.size();
    std::vector<Stanza> stanzas;
    std::string_view line;
    std::size_t mac_start = 0;
    std::string mac;
    for (;;) {
        const std::size_t line_start = pos;
        if (!next_line(file, &pos, &line)) return fail(Error::Malformed);
        if (line.substr(0, 4) == "--- ") {
            mac_start = line_start;
            if (line.size() != 4 + 43 || !base64_decode(line.substr(4), &mac) || mac.size() != 32)
                return fail(Error::Malformed);
            break;
        }
        if (line.substr(0, 3) != "-> ") return fail(Error::Malformed);
        Stanza s;
        std::size_t a = 3;
        while (a <= line.size()) {
            std::size_t b = line.find(' ', a);
            if (b == std::string_view::npos) b = line.size();
            if (b == a) return fail(Error::Malformed);  // an empty argument
            s.args.emplace_back(line.substr(a, b - a));
            a = b + 1;
        }
        std::string encoded;
        for (;;) {
            if (!next_line(file, &pos, &line) || line.size() > 64) return fail(Error::Malformed);
            encoded += line;
            if (line.size() < 64) break;
        }
        if (!base64_decode(encoded, &s.body)) return fail(Error::Malformed);
        stanzas.push_back(std::move(s));
    }
    if (stanzas.empty()) return fail(Error::Malformed);
    bool any_scrypt = false;
    for (const Stanza& s : stanzas) any_scrypt = any_scrypt || (!s.args.empty() && s.args[0] == "scrypt");
    if (!any_scrypt) return fail(Error::NotPassphrase);
    if (stanzas.size() != 1) return fail(Error::Malformed);  // scrypt must be alone
    const Stanza& s = stanzas[0];
    std::string salt;
    if (s.args.size() != 3 || !base64_decode(s.args[1], &salt) || salt.size() != 16) return fail(Error::Malformed);
    const std::string& wf = s.args[2];
    if (wf.empty() || wf.size() > 2 || wf[0] < '1' || wf[0] > '9') return fail(Error::Malformed);
    for (char c : wf)
        if (c < '0' || c > '9') return fail(Error::Malformed);
    const int log_n = std::stoi(wf);
    if (log_n > max_work_factor) return fail(Error::WorkFactorTooHigh);
    if (s.body.size() != kFileKey + kTag) return fail(Error::Malformed);

    Key wrap;
    if (!scrypt_key(passphrase, salt, log_n, &wrap)) return fail(Error::Malformed);
    unsigned char file_key[kFileKey];
    const unsigned char zero_nonce[12] = {};
    unsigned long long n = 0;
    if (crypto_aead_chacha20poly1305_ietf_decrypt(file_key, &n, nullptr, bytes(s.body), s.body.size(), nullptr, 0,
                                                  zero_nonce, wrap.data()) != 0)
        return fail(Error::WrongPassphrase);
    const std::string_view fk(reinterpret_cast<const char*>(file_key), kFileKey);

    // The MAC covers the header up to and including "---".
    const Key mac_key = hkdf(fk, {}, "header");
    const Key expected = hmac_sha256(view(mac_key), file.substr(0, mac_start + 3));
    if (sodium_memcmp(expected.data(), mac.data(), 32) != 0) return fail(Error::Damaged);

    // ---- payload: a 16-byte nonce, then 64 KiB chunks
    if (file.size() - pos < 16) return fail(Error::Damaged);
    const std::string_view nonce = file.substr(pos, 16);
    const Key payload_key = hkdf(fk, nonce, "payload");
    std::string_view rest = file.substr(pos + 16);
    std::uint64_t counter = 0;
    for (;;) {
        const bool last = rest.size() <= kChunk + kTag;
        const std::string_view chunk = rest.substr(0, last ? rest.size() : kChunk + kTag);
        if (chunk.size() < kTag) return fail(Error::Damaged);
        if (last && chunk.size() == kTag && counter > 0) return fail(Error::Damaged);  // empty last chunk
        const auto cn = chunk_nonce(counter, last);
        const std::size_t at = r.plaintext.size();
        r.plaintext.resize(at + chunk.size() - kTag);
        if (crypto_aead_chacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(r.plaintext.data()) + at, &n,
                                                      nullptr, bytes(chunk), chunk.size(), nullptr, 0, cn.data(),
                                                      payload_key.data()) != 0)
            return fail(Error::Damaged);
        if (last) break;
        rest.remove_prefix(chunk.size());
        ++counter;
    }
    sodium_memzero(file_key, sizeof file_key);
    return r;
}

std::string encrypt(std::string_view plaintext, std::string_view passphrase, int work_factor) {
    if (!ready()) return {};
    unsigned char file_key[kFileKey];
    unsigned char salt[16];
    unsigned char nonce[16];
    randombytes_buf(file_key, sizeof file_key);
    randombytes_buf(salt, sizeof salt);
    randombytes_buf(nonce, sizeof nonce);
    const std::string_view fk(reinterpret_cast<const char*>(file_key), kFileKey);
    const std::string_view salt_v(reinterpret_cast<const char*>(salt), sizeof salt);

    Key wrap;
    if (!scrypt_key(passphrase, salt_v, work_factor, &wrap)) return {};
    unsigned char body[kFileKey + kTag];
    const unsigned char zero_nonce[12] = {};
    unsigned long long n = 0;
    crypto_aead_chacha20poly1305_ietf_encrypt(body, &n, file_key, kFileKey, nullptr, 0, nullptr, zero_nonce,
                                              wrap.data());
    std::string out(kVersionLine);
    out += "-> scrypt " + base64_encode(salt_v) + " " + std::to_string(work_factor) + "\n";
    out += base64_encode(std::string_view(reinterpret_cast<const char*>(body), sizeof body)) + "\n";  // 43 < 64
    out += "---";
    const Key mac = hmac_sha256(view(hkdf(fk, {}, "header")), out);
    out += " " + base64_encode(view(mac)) + "\n";

    const std::string_view nonce_v(reinterpret_cast<const char*>(nonce), sizeof nonce);
    out += nonce_v;
    const Key payload_key = hkdf(fk, nonce_v, "payload");
    std::uint64_t counter = 0;
    std::size_t pos = 0;
    do {
        const std::size_t len = std::min(kChunk, plaintext.size() - pos);
        const bool last = pos + len == plaintext.size();
        const auto cn = chunk_nonce(counter++, last);
        const std::size_t at = out.size();
        out.resize(at + len + kTag);
        crypto_aead_chacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char*>(out.data()) + at, &n,
                                                  bytes(plaintext) + pos, len, nullptr, 0, nullptr, cn.data(),
                                                  payload_key.data());
        pos += len;
    } while (pos < plaintext.size());
    sodium_memzero(file_key, sizeof file_key);
    return out;
}

}  // namespace sipprep::age
