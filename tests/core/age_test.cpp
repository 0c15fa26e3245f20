// age v1 with a passphrase: round trips, every refusal the specification asks for, and the
// layout (checked against Debian's `age` in tests/cli/age_interop.py).
#include <gtest/gtest.h>

#include <string>

#include "core/age/age.hpp"
#include "core/bundle.hpp"
#include "core/i18n.hpp"

using namespace sipprep;

namespace {
constexpr int kFast = 10;  // a low work factor keeps the tests quick; the format is the same
}

TEST(Age, RoundTripsAnySizeAcrossChunkEdges) {
    for (std::size_t size : {std::size_t(0), std::size_t(1), std::size_t(65535), std::size_t(65536), std::size_t(65537),
                             std::size_t(200000), std::size_t(131072)}) {
        std::string text(size, '\0');
        for (std::size_t i = 0; i < size; ++i) text[i] = static_cast<char>('a' + i % 26);
        const std::string file = age::encrypt(text, "lösenord – åäö", kFast);
        ASSERT_TRUE(age::looks_like_age(file));
        const age::Decrypted d = age::decrypt(file, "lösenord – åäö");
        ASSERT_TRUE(d.ok()) << size << ": " << age::error_key(d.error);
        EXPECT_EQ(d.plaintext, text) << size;
    }
}

// The file limit (what the page and the CLI refuse before reading) leaves room for a bundle at
// the format's limit protected with a passphrase, and is no larger than that needs.
TEST(Age, ABundleAtTheFormatsLimitProtectedFitsTheFileLimit) {
    const std::string bundle(kMaxBundleBytes, 'a');
    const std::string file = age::encrypt(bundle, "lösenord", kFast);
    ASSERT_FALSE(file.empty());
    EXPECT_GT(file.size(), kMaxBundleBytes);
    EXPECT_LE(file.size(), kMaxFileBytes);
    EXPECT_LE(kMaxFileBytes - kMaxBundleBytes, std::size_t(2) * 1024 * 1024);
}

TEST(Age, HeaderIsAsTheSpecificationLaysItOut) {
    const std::string file = age::encrypt("{}", "pw", kFast);
    const std::size_t end = file.find("\n--- ");
    ASSERT_NE(end, std::string::npos);
    const std::string header = file.substr(0, end);
    EXPECT_EQ(header.rfind("age-encryption.org/v1\n-> scrypt ", 0), 0u) << header;
    EXPECT_NE(header.find(" 10\n"), std::string::npos) << header;
    const std::size_t mac_end = file.find('\n', end + 1);
    EXPECT_EQ(mac_end - (end + 5), 43u);  // "--- " + 43 base64 characters
    // Two files of the same text differ (fresh file key, salt and nonce).
    EXPECT_NE(file, age::encrypt("{}", "pw", kFast));
}

TEST(Age, WrongPassphraseDamageAndTruncationAreRefused) {
    const std::string text(100000, 'x');
    const std::string file = age::encrypt(text, "rätt", kFast);
    EXPECT_EQ(age::decrypt(file, "fel").error, age::Error::WrongPassphrase);

    std::string flipped = file;
    flipped[flipped.size() - 20] ^= 1;  // in the last chunk
    EXPECT_EQ(age::decrypt(flipped, "rätt").error, age::Error::Damaged);

    std::string header_changed = file;
    header_changed[header_changed.find(" 10\n") + 1] = '9';  // another work factor: the MAC no longer fits
    EXPECT_NE(age::decrypt(header_changed, "rätt").error, age::Error::None);

    EXPECT_EQ(age::decrypt(file.substr(0, file.size() - 1), "rätt").error, age::Error::Damaged);
    // Cut exactly after the first full chunk: the last chunk is missing.
    const std::size_t payload = file.find('\n', file.find("\n--- ") + 1) + 1 + 16;
    EXPECT_EQ(age::decrypt(file.substr(0, payload + 65536 + 16), "rätt").error, age::Error::Damaged);
}

TEST(Age, StanzasTheSpecificationForbidsAreRefused) {
    const std::string file = age::encrypt("{}", "pw", kFast);
    const std::size_t stanza_end = file.find('\n', file.find("-> scrypt"));
    // An scrypt stanza must be alone.
    std::string mixed = file;
    mixed.insert(stanza_end + 1 + 44, "-> X25519 abc\nAAAA\n");
    EXPECT_EQ(age::decrypt(mixed, "pw").error, age::Error::Malformed);
    // A work factor with a leading zero, or beyond the limit.
    std::string zero = file;
    zero.replace(zero.find(" 10\n"), 4, " 010\n");
    EXPECT_EQ(age::decrypt(zero, "pw").error, age::Error::Malformed);
    EXPECT_EQ(age::decrypt(age::encrypt("{}", "pw", 12), "pw", 11).error, age::Error::WorkFactorTooHigh);
    // Not age at all, the armored form, and a key-locked file.
    EXPECT_EQ(age::decrypt("{\"format\":\"sipprep-bundle\"}", "pw").error, age::Error::NotAge);
    EXPECT_EQ(age::decrypt("-----BEGIN AGE ENCRYPTED FILE-----\n", "pw").error, age::Error::Armored);
    EXPECT_EQ(age::decrypt("age-encryption.org/v1\n-> X25519 AAAA\nAAAA\n--- "
                           "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
                           "pw")
                  .error,
              age::Error::NotPassphrase);
}

TEST(Age, Base64IsRawAndCanonical) {
    std::string out;
    EXPECT_EQ(age::base64_encode("f"), "Zg");
    EXPECT_EQ(age::base64_encode("fo"), "Zm8");
    EXPECT_EQ(age::base64_encode("foo"), "Zm9v");
    EXPECT_TRUE(age::base64_decode("Zm8", &out));
    EXPECT_EQ(out, "fo");
    EXPECT_FALSE(age::base64_decode("Zm8=", &out));  // padding
    EXPECT_FALSE(age::base64_decode("Zm9", &out));   // non-canonical: unused bits set
    EXPECT_FALSE(age::base64_decode("Z", &out));
}

// The work factor goes into the header as decimal digits; age allows 1 to 30.
TEST(Age, TheWorkFactorIsWrittenAsAgeReadsIt) {
    for (int wf : {1, 9, 10, 12}) {
        const std::string file = age::encrypt("hej", "ett långt lösenord", wf);
        ASSERT_FALSE(file.empty()) << wf;
        EXPECT_NE(file.find(" " + std::to_string(wf) + "\n"), std::string::npos) << wf;
        EXPECT_EQ(age::decrypt(file, "ett långt lösenord", 12).plaintext, "hej") << wf;
    }
    EXPECT_FALSE(age::make_sealer("x", 0).ok());
    EXPECT_FALSE(age::make_sealer("x", 31).ok());
}

// A file from elsewhere may not make the reader spend more than age -p's work plus one step
// (512 MiB) unless the reader asks: the check comes before any scrypt work (issue 27).
TEST(Age, AForeignFilesWorkFactorIsCappedByDefault) {
    EXPECT_EQ(age::kMaxForeignWorkFactor, 19);
    const std::string file = age::encrypt("{}", "pw", kFast);
    std::string harder = file;
    harder.replace(harder.find(" 10\n"), 4, " 20\n");  // 1 GiB: refused before scrypt runs
    EXPECT_EQ(age::decrypt(harder, "pw").error, age::Error::WorkFactorTooHigh);
    // Up to the cap it is read: the edited header then fails its MAC or the key, never the cap.
    std::string within = file;
    within.replace(within.find(" 10\n"), 4, " 11\n");
    EXPECT_NE(age::decrypt(within, "pw").error, age::Error::WorkFactorTooHigh);
}

// Stanza arguments are printable ASCII as the spec says, whichever stanza holds them.
TEST(Age, StanzaArgumentsMustBePrintableAscii) {
    const std::string file = age::encrypt("{}", "pw", kFast);
    const std::size_t stanza = file.find("-> scrypt");
    for (const std::string& bad :
         {std::string("-> scrypt\t"), std::string("-> \x1b]0;x\x07 "), std::string("-> \xc3\xa5 ")}) {
        std::string edited = file;
        edited.replace(stanza, 3, bad);
        EXPECT_EQ(age::decrypt(edited, "pw").error, age::Error::Malformed) << bad;
    }
}

// Damage inside the scrypt stanza cannot be told from another passphrase: the message says both.
TEST(Age, DamageInTheStanzaReadsAsWrongPassphraseOrDamage) {
    const std::string file = age::encrypt("{}", "pw", kFast);
    std::string damaged = file;
    const std::size_t body = file.find('\n', file.find("-> scrypt")) + 1;
    damaged[body + 5] = damaged[body + 5] == 'A' ? 'B' : 'A';
    const age::Decrypted d = age::decrypt(damaged, "pw");
    EXPECT_EQ(d.error, age::Error::WrongPassphrase);
    EXPECT_TRUE(d.plaintext.empty());
    EXPECT_EQ(tr(Lang::Sv, age::error_key(d.error)), "Fel lösenord – eller så är filen skadad.");
    EXPECT_EQ(tr(Lang::En, age::error_key(d.error)), "Wrong passphrase – or the file is damaged.");
}

// A failure hands back neither plaintext nor a key to save with.
TEST(Age, AFailureLeavesNoPlaintextOrKey) {
    std::string file = age::encrypt(std::string(100000, 'x'), "pw", kFast);
    file.back() ^= 1;  // the last chunk fails after the first was decrypted
    const age::Decrypted d = age::decrypt(file, "pw");
    EXPECT_EQ(d.error, age::Error::Damaged);
    EXPECT_TRUE(d.plaintext.empty());
    EXPECT_FALSE(d.sealer.ok());
    for (unsigned char b : d.sealer.file_key) EXPECT_EQ(b, 0);
}
