// age v1 files (C2SP age): protected with a passphrase (the scrypt recipient, what Debian's
// `age -p` reads and writes), and, for the locked draft, sealed to an X25519 key (`age -r`,
// `age -d -i`). No crypto of our own: scrypt, X25519, ChaCha20-Poly1305 and HMAC-SHA-256 are
// libsodium's; these files only lay them out as the specification says.
// Only binary files (not the armored PEM form).
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace sipprep::age {

inline constexpr std::string_view kVersionLine = "age-encryption.org/v1\n";
inline constexpr std::string_view kArmorBegin = "-----BEGIN AGE ENCRYPTED FILE-----";

// log2 of scrypt's N, as `age -p` uses. In the browser (Chromium, 2-core laptop) unlocking then
// takes about a second (0.7–1.2 s measured) and 256 MiB of memory.
// scrypt (r = 8) needs 2^N KiB of memory: 18 → 256 MiB, 19 → 512 MiB, 20 → 1 GiB,
// 21 → 2 GiB, 22 → 4 GiB; the time doubles with each step too.
inline constexpr int kDefaultWorkFactor = 18;
// The most a file from elsewhere may demand unless the reader asks for more (the CLI's
// --max-work-factor): what `age -p` writes plus one step, 512 MiB. A crafted file cannot make
// the reader spend gigabytes and half a minute before "Wrong passphrase". The web app reads
// foreign files with this cap too.
inline constexpr int kMaxForeignWorkFactor = kDefaultWorkFactor + 1;
inline constexpr int kMaxWorkFactor = 22;         // never more, even when asked: 4 GiB, minutes
inline constexpr int kBrowserMaxWorkFactor = 20;  // 1 GiB of scrypt memory; more and a tab runs out

// True when `bytes` start as an age v1 file.
bool looks_like_age(std::string_view bytes);

enum class Error {
    None,
    NotAge,         // not an age v1 file
    Armored,        // the PEM form ("-----BEGIN AGE ENCRYPTED FILE-----"), not read here
    NotPassphrase,  // made for a key (X25519 …), not a passphrase
    NotForThisKey,  // no stanza opens with this X25519 identity (or made for a passphrase)
    Malformed,      // a header or payload that breaks the format (a stanza argument that is not printable ASCII)
    WorkFactorTooHigh,
    WrongPassphrase,  // or a file key wrapped for another passphrase
    Damaged,          // the header MAC or a payload chunk does not verify, or the end is missing
    TooLittleMemory,  // scrypt could not get the memory the work factor needs (2^N × 1 KiB)
};

// The work factor (log2 of scrypt's N) a passphrase file's stanza asks for, read without any
// crypto so that a file can be refused before scrypt takes its memory (2^N KiB); 0 when the
// file has no such stanza. decrypt() checks the whole header; this only reads the number.
int scrypt_work_factor(std::string_view bytes);

// The catalog key of the person-facing message ("age.wrong_passphrase" …).
const char* error_key(Error e);

// A file key and its header (the scrypt stanza and the MAC): the slow part of making a file,
// done once. A draft that is saved every few seconds is sealed again with it in milliseconds.
// Reusing the file key is safe because each seal draws a new random 16-byte payload nonce and
// the format derives the payload key from the file key and that nonce (HKDF): each file is
// encrypted under its own key, so the STREAM chunk nonces, which start at zero in every file,
// never meet the same key twice (two saves share a payload key only if two 128-bit random
// nonces collide). What the saves share is the header, so they can be told to be under the
// same passphrase — which the draft's saves are anyway. Each is a complete age file.
struct Sealer {
    std::string header;  // "age-encryption.org/v1" … "--- MAC\n"
    std::array<unsigned char, 16> file_key{};
    bool ok() const { return !header.empty(); }
};

struct Decrypted {
    Error error = Error::None;
    std::string plaintext;
    Sealer sealer;  // to save the file again under the same passphrase
    bool ok() const { return error == Error::None; }
};

// Keys, and the plaintext read so far, are wiped on every way out; a failure returns no plaintext.
// Damage inside the scrypt stanza cannot be told from another passphrase: both are WrongPassphrase.
Decrypted decrypt(std::string_view file, std::string_view passphrase, int max_work_factor = kMaxForeignWorkFactor);

// A new file key and salt from libsodium's CSPRNG (crypto.getRandomValues in the browser).
// Not ok() when scrypt could not run (memory).
Sealer make_sealer(std::string_view passphrase, int work_factor = kDefaultWorkFactor);
std::string seal(const Sealer& sealer, std::string_view plaintext);

// make_sealer and seal in one: a new file key, salt and nonce each time. "" when scrypt failed.
std::string encrypt(std::string_view plaintext, std::string_view passphrase, int work_factor = kDefaultWorkFactor);

// ---- X25519 (age's own keys): a recipient "age1…" anyone may seal to, and its identity
// "AGE-SECRET-KEY-1…" that opens what was sealed to it. Bech32 as age writes them.
struct Identity {
    std::array<unsigned char, 32> secret{};
    std::array<unsigned char, 32> public_key{};
    bool ok() const;
};
// A new identity from libsodium's CSPRNG.
Identity generate_identity();
std::string recipient_string(const std::array<unsigned char, 32>& public_key);  // "age1…"
std::string identity_string(const Identity& identity);                          // "AGE-SECRET-KEY-1…"
// "age1…"; false for anything else (another kind of recipient, a bad checksum, mixed case).
bool parse_recipient(std::string_view text, std::array<unsigned char, 32>* public_key);
// An identity file as age-keygen writes it (comment lines starting with '#', blank lines, one
// "AGE-SECRET-KEY-1…" line) or the key alone. Not ok() when there is no valid key.
Identity parse_identity(std::string_view text);

// A new file key wrapped for `recipient` (an X25519 stanza): each seal() is an age file that
// `age -d -i` opens with its identity. Not ok() when the recipient is not an "age1…" key.
Sealer make_sealer_to(std::string_view recipient);
// make_sealer_to and seal in one. "" for a bad recipient.
std::string encrypt_to(std::string_view plaintext, std::string_view recipient);
// Opens a file with an X25519 stanza for `identity`; the sealer saves again to the same recipient.
Decrypted decrypt_with(std::string_view file, const Identity& identity);

// Raw (unpadded, canonical) standard base64, as the format uses it. Exposed for tests.
std::string base64_encode(std::string_view bytes);
bool base64_decode(std::string_view text, std::string* out);

}  // namespace sipprep::age
