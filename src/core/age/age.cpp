#include "age.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace sipprep::age {
namespace {

constexpr std::string_view kScryptLabel = "age-encryption.org/v1/scrypt";
constexpr std::string_view kX25519Label = "age-encryption.org/v1/X25519";
constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kTag = crypto_aead_chacha20poly1305_IETF_ABYTES;
constexpr std::size_t kFileKey = 16;

using Key = std::array<unsigned char, 32>;

const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

bool ready() { return sodium_init() >= 0; }

// Wipes a secret when it goes out of scope, on every way out of a function.
struct Wipe {
    void* at;
    std::size_t size;
    ~Wipe() { sodium_memzero(at, size); }
};

Key hmac_sha256(std::string_view key, std::string_view message) {
    crypto_auth_hmacsha256_state st;
    const Wipe wipe_state{&st, sizeof st};
    crypto_auth_hmacsha256_init(&st, bytes(key), key.size());
    crypto_auth_hmacsha256_update(&st, bytes(message), message.size());
    Key out;
    crypto_auth_hmacsha256_final(&st, out.data());
    return out;
}

// HKDF-SHA-256 (RFC 5869) with 32 bytes of output: one HMAC to extract, one to expand.
Key hkdf(std::string_view ikm, std::string_view salt, std::string_view info) {
    Key prk = hmac_sha256(salt, ikm);
    const Wipe wipe_prk{prk.data(), prk.size()};
    std::string t(info);
    t += '\x01';
    return hmac_sha256(std::string_view(reinterpret_cast<const char*>(prk.data()), prk.size()), t);
}

std::string_view view(const Key& k) { return std::string_view(reinterpret_cast<const char*>(k.data()), k.size()); }

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

namespace {

// An age header: its stanzas, where "---" starts, and the MAC; `payload` is where the payload begins.
struct Header {
    std::vector<Stanza> stanzas;
    std::size_t mac_start = 0;
    std::string mac;
    std::size_t payload = 0;
};

Error read_header(std::string_view file, Header* h) {
    if (!ready()) return Error::Malformed;
    if (file.substr(0, kArmorBegin.size()) == kArmorBegin) return Error::Armored;
    if (file.substr(0, kVersionLine.size()) != kVersionLine) return Error::NotAge;
    std::size_t pos = kVersionLine.size();
    std::string_view line;
    for (;;) {
        const std::size_t line_start = pos;
        if (!next_line(file, &pos, &line)) return Error::Malformed;
        if (line.substr(0, 4) == "--- ") {
            h->mac_start = line_start;
            if (line.size() != 4 + 43 || !base64_decode(line.substr(4), &h->mac) || h->mac.size() != 32)
                return Error::Malformed;
            break;
        }
        if (line.substr(0, 3) != "-> ") return Error::Malformed;
        Stanza s;
        std::size_t a = 3;
        while (a <= line.size()) {
            std::size_t b = line.find(' ', a);
            if (b == std::string_view::npos) b = line.size();
            if (b == a) return Error::Malformed;  // an empty argument
            // The spec: arguments are printable ASCII (VCHAR); nothing else reaches a message.
            for (std::size_t k = a; k < b; ++k)
                if (line[k] < 0x21 || line[k] > 0x7E) return Error::Malformed;
            s.args.emplace_back(line.substr(a, b - a));
            a = b + 1;
        }
        std::string encoded;
        for (;;) {
            if (!next_line(file, &pos, &line) || line.size() > 64) return Error::Malformed;
            encoded += line;
            if (line.size() < 64) break;
        }
        if (!base64_decode(encoded, &s.body)) return Error::Malformed;
        h->stanzas.push_back(std::move(s));
    }
    if (h->stanzas.empty()) return Error::Malformed;
    h->payload = pos;
    return Error::None;
}

bool has_stanza(const Header& h, std::string_view type) {
    for (const Stanza& s : h.stanzas)
        if (!s.args.empty() && s.args[0] == type) return true;
    return false;
}

// With the file key unwrapped from a stanza: the header MAC, then the payload into r->plaintext.
Error open_payload(std::string_view file, const Header& h, const unsigned char* file_key, Decrypted* r) {
    Key mac_key{}, payload_key{};
    const Wipe wipe_mac{mac_key.data(), mac_key.size()}, wipe_payload{payload_key.data(), payload_key.size()};
    const std::string_view fk(reinterpret_cast<const char*>(file_key), kFileKey);
    // The MAC covers the header up to and including "---".
    mac_key = hkdf(fk, {}, "header");
    const Key expected = hmac_sha256(view(mac_key), file.substr(0, h.mac_start + 3));
    if (sodium_memcmp(expected.data(), h.mac.data(), 32) != 0) return Error::Damaged;

    // ---- payload: a 16-byte nonce, then 64 KiB chunks
    if (file.size() - h.payload < 16) return Error::Damaged;
    const std::string_view nonce = file.substr(h.payload, 16);
    payload_key = hkdf(fk, nonce, "payload");
    std::string_view rest = file.substr(h.payload + 16);
    std::uint64_t counter = 0;
    unsigned long long n = 0;
    for (;;) {
        const bool last = rest.size() <= kChunk + kTag;
        const std::string_view chunk = rest.substr(0, last ? rest.size() : kChunk + kTag);
        if (chunk.size() < kTag) return Error::Damaged;
        if (last && chunk.size() == kTag && counter > 0) return Error::Damaged;  // empty last chunk
        const auto cn = chunk_nonce(counter, last);
        const std::size_t at = r->plaintext.size();
        r->plaintext.resize(at + chunk.size() - kTag);
        if (crypto_aead_chacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(r->plaintext.data()) + at, &n,
                                                      nullptr, bytes(chunk), chunk.size(), nullptr, 0, cn.data(),
                                                      payload_key.data()) != 0)
            return Error::Damaged;
        if (last) break;
        rest.remove_prefix(chunk.size());
        ++counter;
    }
    r->sealer.header = std::string(file.substr(0, h.payload));
    std::copy(file_key, file_key + kFileKey, r->sealer.file_key.begin());
    return Error::None;
}

// A failure returns no plaintext and no key.
Decrypted& failed(Decrypted& r, Error e) {
    r.error = e;
    sodium_memzero(r.plaintext.data(), r.plaintext.size());
    r.plaintext.clear();
    sodium_memzero(r.sealer.file_key.data(), r.sealer.file_key.size());
    r.sealer.header.clear();
    return r;
}

// Wraps (or unwraps) a file key with ChaCha20-Poly1305 under `key` and a zero nonce, as both
// stanzas do.
void wrap_file_key(const unsigned char* file_key, const Key& key, unsigned char* body) {
    const unsigned char zero_nonce[12] = {};
    unsigned long long n = 0;
    crypto_aead_chacha20poly1305_ietf_encrypt(body, &n, file_key, kFileKey, nullptr, 0, nullptr, zero_nonce,
                                              key.data());
}
bool unwrap_file_key(std::string_view body, const Key& key, unsigned char* file_key) {
    const unsigned char zero_nonce[12] = {};
    unsigned long long n = 0;
    return body.size() == kFileKey + kTag &&
           crypto_aead_chacha20poly1305_ietf_decrypt(file_key, &n, nullptr, bytes(body), body.size(), nullptr, 0,
                                                     zero_nonce, key.data()) == 0;
}

// The header after its stanzas: "---", the MAC under the file key, and the newline.
void finish_header(std::string* out, const std::array<unsigned char, 16>& file_key) {
    *out += "---";
    const std::string_view fk(reinterpret_cast<const char*>(file_key.data()), kFileKey);
    Key mac_key = hkdf(fk, {}, "header");
    const Wipe wipe_mac{mac_key.data(), mac_key.size()};
    const Key mac = hmac_sha256(view(mac_key), *out);
    *out += " " + base64_encode(view(mac)) + "\n";
}

}  // namespace

Decrypted decrypt(std::string_view file, std::string_view passphrase, int max_work_factor) {
    Decrypted r;
    Key wrap{};
    unsigned char file_key[kFileKey] = {};
    const Wipe wipe_wrap{wrap.data(), wrap.size()}, wipe_file_key{file_key, sizeof file_key};
    Header h;
    const Error e = read_header(file, &h);
    if (e != Error::None) return failed(r, e);
    if (!has_stanza(h, "scrypt")) return failed(r, Error::NotPassphrase);
    if (h.stanzas.size() != 1) return failed(r, Error::Malformed);  // scrypt must be alone
    const Stanza& s = h.stanzas[0];
    std::string salt;
    if (s.args.size() != 3 || !base64_decode(s.args[1], &salt) || salt.size() != 16) return failed(r, Error::Malformed);
    const std::string& wf = s.args[2];
    if (wf.empty() || wf.size() > 2 || wf[0] < '1' || wf[0] > '9') return failed(r, Error::Malformed);
    for (char c : wf)
        if (c < '0' || c > '9') return failed(r, Error::Malformed);
    int log_n = 0;  // one or two digits, checked above
    for (char c : wf) log_n = log_n * 10 + (c - '0');
    if (log_n > max_work_factor) return failed(r, Error::WorkFactorTooHigh);
    if (s.body.size() != kFileKey + kTag) return failed(r, Error::Malformed);

    if (!scrypt_key(passphrase, salt, log_n, &wrap)) return failed(r, Error::TooLittleMemory);
    if (!unwrap_file_key(s.body, wrap, file_key)) return failed(r, Error::WrongPassphrase);
    const Error p = open_payload(file, h, file_key, &r);
    return p == Error::None ? r : failed(r, p);
}

Sealer make_sealer(std::string_view passphrase, int work_factor) {
    if (work_factor < 1 || work_factor > 30) return Sealer{};  // age allows 1…30; 2^31 blocks fit no memory
    Sealer sealer;
    if (!ready()) return sealer;
    Key wrap{};
    const Wipe wipe_wrap{wrap.data(), wrap.size()}, wipe_key{sealer.file_key.data(), sealer.file_key.size()};
    unsigned char salt[16];
    randombytes_buf(sealer.file_key.data(), sealer.file_key.size());
    randombytes_buf(salt, sizeof salt);
    const std::string_view salt_v(reinterpret_cast<const char*>(salt), sizeof salt);

    if (!scrypt_key(passphrase, salt_v, work_factor, &wrap)) return Sealer{};
    unsigned char body[kFileKey + kTag];
    wrap_file_key(sealer.file_key.data(), wrap, body);
    std::string& out = sealer.header;
    out = kVersionLine;
    // The work factor is 1…30: two digits at most (std::to_string would bring printf into the module).
    out += "-> scrypt " + base64_encode(salt_v) + " ";
    if (work_factor >= 10) out += static_cast<char>('0' + work_factor / 10);
    out += static_cast<char>('0' + work_factor % 10);
    out += "\n";
    out += base64_encode(std::string_view(reinterpret_cast<const char*>(body), sizeof body)) + "\n";  // 43 < 64
    finish_header(&out, sealer.file_key);
    Sealer made = sealer;  // a copy: `sealer`'s own key is wiped on the way out
    return made;
}

std::string seal(const Sealer& sealer, std::string_view plaintext) {
    if (!sealer.ok() || !ready()) return {};
    unsigned char nonce[16];
    randombytes_buf(nonce, sizeof nonce);
    const std::string_view fk(reinterpret_cast<const char*>(sealer.file_key.data()), kFileKey);
    const std::string_view nonce_v(reinterpret_cast<const char*>(nonce), sizeof nonce);
    std::string out = sealer.header;
    out.reserve(out.size() + 16 + plaintext.size() + (plaintext.size() / kChunk + 1) * kTag);
    out += nonce_v;
    Key payload_key = hkdf(fk, nonce_v, "payload");
    const Wipe wipe_payload{payload_key.data(), payload_key.size()};
    std::uint64_t counter = 0;
    std::size_t pos = 0;
    unsigned long long n = 0;
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
    return out;
}

std::string encrypt(std::string_view plaintext, std::string_view passphrase, int work_factor) {
    Sealer sealer = make_sealer(passphrase, work_factor);
    std::string out = seal(sealer, plaintext);
    sodium_memzero(sealer.file_key.data(), sealer.file_key.size());
    return out;
}

// ---- X25519 (C2SP age, "X25519 recipient type")
namespace {

using Point = Key;  // a curve point or scalar: 32 bytes too

// The wrapping key: HKDF-SHA-256 of the shared secret, salt = ephemeral share || recipient.
Key x25519_wrap_key(const Point& shared, const Point& share, const Point& recipient) {
    std::string salt(view(share));
    salt += view(recipient);
    return hkdf(view(shared), salt, kX25519Label);
}

}  // namespace

Sealer make_sealer_to(std::string_view recipient_text) {
    Point recipient{};
    if (!ready() || !parse_recipient(recipient_text, &recipient)) return Sealer{};
    Sealer sealer;
    Point ephemeral{}, share{}, shared{};
    Key wrap{};
    const Wipe wipe_eph{ephemeral.data(), ephemeral.size()}, wipe_shared{shared.data(), shared.size()},
        wipe_wrap{wrap.data(), wrap.size()}, wipe_key{sealer.file_key.data(), sealer.file_key.size()};
    randombytes_buf(sealer.file_key.data(), sealer.file_key.size());
    randombytes_buf(ephemeral.data(), ephemeral.size());
    crypto_scalarmult_base(share.data(), ephemeral.data());
    // A low-order recipient gives an all-zero secret (libsodium refuses it): nothing to seal to.
    if (crypto_scalarmult(shared.data(), ephemeral.data(), recipient.data()) != 0) return Sealer{};
    wrap = x25519_wrap_key(shared, share, recipient);
    unsigned char body[kFileKey + kTag];
    wrap_file_key(sealer.file_key.data(), wrap, body);
    std::string& out = sealer.header;
    out = kVersionLine;
    out += "-> X25519 " + base64_encode(view(share)) + "\n";
    out += base64_encode(std::string_view(reinterpret_cast<const char*>(body), sizeof body)) + "\n";  // 43 < 64
    finish_header(&out, sealer.file_key);
    Sealer made = sealer;  // a copy: `sealer`'s own key is wiped on the way out
    return made;
}

std::string encrypt_to(std::string_view plaintext, std::string_view recipient) {
    Sealer sealer = make_sealer_to(recipient);
    std::string out = seal(sealer, plaintext);
    sodium_memzero(sealer.file_key.data(), sealer.file_key.size());
    return out;
}

Decrypted decrypt_with(std::string_view file, const Identity& identity) {
    Decrypted r;
    Header h;
    const Error e = read_header(file, &h);
    if (e != Error::None) return failed(r, e);
    if (has_stanza(h, "scrypt")) return failed(r, h.stanzas.size() == 1 ? Error::NotForThisKey : Error::Malformed);
    if (!identity.ok() || !ready()) return failed(r, Error::NotForThisKey);
    unsigned char file_key[kFileKey] = {};
    Point share{}, shared{};
    Key wrap{};
    const Wipe wipe_file_key{file_key, sizeof file_key}, wipe_shared{shared.data(), shared.size()},
        wipe_wrap{wrap.data(), wrap.size()};
    for (const Stanza& s : h.stanzas) {
        if (s.args.empty() || s.args[0] != "X25519") continue;  // other recipients' stanzas are skipped
        std::string share_bytes;
        if (s.args.size() != 2 || !base64_decode(s.args[1], &share_bytes) || share_bytes.size() != 32 ||
            s.body.size() != kFileKey + kTag)
            return failed(r, Error::Malformed);
        std::copy(share_bytes.begin(), share_bytes.end(), share.begin());
        if (crypto_scalarmult(shared.data(), identity.secret.data(), share.data()) != 0)
            return failed(r, Error::Malformed);
        wrap = x25519_wrap_key(shared, share, identity.public_key);
        if (!unwrap_file_key(s.body, wrap, file_key)) continue;  // for another key
        const Error p = open_payload(file, h, file_key, &r);
        return p == Error::None ? r : failed(r, p);
    }
    return failed(r, Error::NotForThisKey);
}

}  // namespace sipprep::age
