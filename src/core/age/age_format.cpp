// The parts of age v1 that need no cryptography: recognising a file, naming errors, and the
// format's base64. In the core (the app's first download); the crypto is in age.cpp.
#include "age.hpp"

namespace sipprep::age {
namespace {

const unsigned char* u(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int b64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

}  // namespace

std::string base64_encode(std::string_view in) {
    std::string out;
    std::size_t i = 0;
    for (; i + 3 <= in.size(); i += 3) {
        const unsigned v = (unsigned(u(in)[i]) << 16) | (unsigned(u(in)[i + 1]) << 8) | u(in)[i + 2];
        for (int k = 3; k >= 0; --k) out += kAlphabet[(v >> (6 * k)) & 63];
    }
    const std::size_t rest = in.size() - i;
    if (rest == 1) {
        const unsigned v = unsigned(u(in)[i]) << 16;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
    } else if (rest == 2) {
        const unsigned v = (unsigned(u(in)[i]) << 16) | (unsigned(u(in)[i + 1]) << 8);
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
    return b.substr(0, kVersionLine.size()) == kVersionLine || b.substr(0, kArmorBegin.size()) == kArmorBegin;
}

int scrypt_work_factor(std::string_view b) {
    if (b.substr(0, kVersionLine.size()) != kVersionLine) return 0;
    b.remove_prefix(kVersionLine.size());
    constexpr std::string_view kStanza = "-> scrypt ";
    const std::size_t end = b.find('\n');
    if (b.substr(0, kStanza.size()) != kStanza || end == std::string_view::npos) return 0;
    const std::string_view line = b.substr(0, end);
    const std::string_view wf = line.substr(line.rfind(' ') + 1);
    if (wf.empty() || wf.size() > 2 || wf[0] < '1' || wf[0] > '9') return 0;
    if (wf.size() == 2 && (wf[1] < '0' || wf[1] > '9')) return 0;
    return wf.size() == 1 ? wf[0] - '0' : (wf[0] - '0') * 10 + (wf[1] - '0');
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
        // Only the draft store opens files with a key, the one stored beside them: when it does not
        // open them, what is stored was changed or damaged.
        case Error::NotForThisKey:
            return "age.damaged";
        case Error::Malformed:
            return "age.malformed";
        case Error::WorkFactorTooHigh:
            return "age.work_factor";
        case Error::WrongPassphrase:
            return "age.wrong_passphrase";
        case Error::Damaged:
            return "age.damaged";
        case Error::TooLittleMemory:
            return "age.memory";
    }
    return "age.malformed";
}

}  // namespace sipprep::age
