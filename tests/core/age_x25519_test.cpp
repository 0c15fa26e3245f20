// age v1 with X25519 keys (the locked draft's key): round trips, refusals, Bech32, and interop
// both ways with Debian's `age` and `age-keygen` when they are installed.
#include <gtest/gtest.h>
#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "core/age/age.hpp"

using namespace sipprep;

namespace {

std::string recipient_of(const age::Identity& id) { return age::recipient_string(id.public_key); }

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

// The standard output of a shell command, and whether it exited with 0.
bool run(const std::string& command, std::string* out = nullptr) {
    FILE* p = popen(command.c_str(), "r");
    if (!p) return false;
    std::string text;
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
    if (out) *out = text;
    return pclose(p) == 0;
}

bool have_age() { return run("command -v age >/dev/null && command -v age-keygen >/dev/null"); }

std::string temp_dir() {
    char tmpl[] = "/tmp/sipprep-age-XXXXXX";
    const char* d = mkdtemp(tmpl);
    return d ? d : "";
}

}  // namespace

TEST(AgeX25519, RoundTripsAcrossChunkEdgesAndSavesAgainToTheSameRecipient) {
    const age::Identity id = age::generate_identity();
    ASSERT_TRUE(id.ok());
    for (std::size_t size : {std::size_t(0), std::size_t(1), std::size_t(65536), std::size_t(65537)}) {
        const std::string text(size, 'x');
        const std::string file = age::encrypt_to(text, recipient_of(id));
        ASSERT_EQ(file.rfind("age-encryption.org/v1\n-> X25519 ", 0), 0u);
        const age::Decrypted d = age::decrypt_with(file, id);
        ASSERT_TRUE(d.ok()) << size << ": " << age::error_key(d.error);
        EXPECT_EQ(d.plaintext, text);
        // The sealer it gives back seals to the same key (the draft's saves after unlocking).
        const age::Decrypted again = age::decrypt_with(age::seal(d.sealer, "sen"), id);
        ASSERT_TRUE(again.ok());
        EXPECT_EQ(again.plaintext, "sen");
    }
}

TEST(AgeX25519, AnotherKeyAPassphraseFileAndDamageAreRefused) {
    const age::Identity id = age::generate_identity(), other = age::generate_identity();
    const std::string file = age::encrypt_to("hemligt", recipient_of(id));
    const age::Decrypted wrong = age::decrypt_with(file, other);
    EXPECT_EQ(wrong.error, age::Error::NotForThisKey);
    EXPECT_TRUE(wrong.plaintext.empty());
    EXPECT_EQ(age::decrypt_with(age::encrypt("hemligt", "pw", 10), id).error, age::Error::NotForThisKey);
    EXPECT_EQ(age::decrypt(file, "pw").error, age::Error::NotPassphrase);
    std::string damaged = file;
    damaged.back() ^= 1;
    EXPECT_EQ(age::decrypt_with(damaged, id).error, age::Error::Damaged);
    std::string header = file;
    header[header.find("X25519 ") + 8] ^= 1;  // another ephemeral share: the wrap does not open
    EXPECT_FALSE(age::decrypt_with(header, id).ok());
    EXPECT_FALSE(age::make_sealer_to("age1notakey").ok());
    EXPECT_TRUE(age::encrypt_to("x", "AGE-SECRET-KEY-1" + recipient_of(id).substr(4)).empty());
}

TEST(AgeX25519, KeysAreBech32AsAgeWritesThem) {
    const age::Identity id = age::generate_identity();
    const std::string r = recipient_of(id), s = age::identity_string(id);
    EXPECT_EQ(r.rfind("age1", 0), 0u);
    EXPECT_EQ(r.size(), 62u);
    EXPECT_EQ(s.rfind("AGE-SECRET-KEY-1", 0), 0u);
    EXPECT_EQ(s.size(), 74u);
    const age::Identity back = age::parse_identity("# created: 2026-12-04\n# public key: " + r + "\n" + s + "\n");
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back.public_key, id.public_key);
    EXPECT_EQ(back.secret, id.secret);
    std::array<unsigned char, 32> pk{};
    ASSERT_TRUE(age::parse_recipient(r, &pk));
    EXPECT_EQ(pk, id.public_key);
    std::string bad = r;
    bad[10] = bad[10] == 'q' ? 'p' : 'q';  // one character off: the checksum does not hold
    EXPECT_FALSE(age::parse_recipient(bad, &pk));
    std::string mixed = r;
    mixed[5] = static_cast<char>(std::toupper(static_cast<unsigned char>(mixed[5])));
    if (mixed != r) {
        EXPECT_FALSE(age::parse_recipient(mixed, &pk));
    }
    EXPECT_FALSE(age::parse_identity("# only a comment\n").ok());
    EXPECT_FALSE(age::parse_identity(r).ok());
}

// Fixed vectors, independent of our encoder: the bytes 0…31 in Bech32 (from BIP 173's reference
// code), and the recipient Debian's `age-keygen -y` gives for that secret key.
TEST(AgeX25519, FixedVectors) {
    std::array<unsigned char, 32> bytes{};
    for (int i = 0; i < 32; ++i) bytes[i] = static_cast<unsigned char>(i);
    EXPECT_EQ(age::recipient_string(bytes), "age1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnzs23v9ccrydpk8qarc0savhh7m");
    const age::Identity id =
        age::parse_identity("AGE-SECRET-KEY-1QQQSYQCYQ5RQWZQFPG9SCRGWPUGPZYSNZS23V9CCRYDPK8QARC0SWRYDWG");
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(id.secret, bytes);
    EXPECT_EQ(age::identity_string(id), "AGE-SECRET-KEY-1QQQSYQCYQ5RQWZQFPG9SCRGWPUGPZYSNZS23V9CCRYDPK8QARC0SWRYDWG");
    EXPECT_EQ(recipient_of(id), "age13aqvttdk3ujkyjh9kg2w5an6dmy5mq5a84a4uxk3hfhnugfc9p0sy5p2wh");
}

TEST(AgeX25519, OurFileOpensWithAgeAndAgesFileOpensWithOurIdentity) {
    if (!have_age()) GTEST_SKIP() << "age / age-keygen not installed";
    const std::string dir = temp_dir();
    ASSERT_FALSE(dir.empty());
    // Sealed here to a key made by age-keygen, opened by `age -d -i`.
    ASSERT_TRUE(run("age-keygen -o " + dir + "/key.txt 2>/dev/null"));
    std::string their_recipient;
    ASSERT_TRUE(run("age-keygen -y " + dir + "/key.txt", &their_recipient));
    while (!their_recipient.empty() && their_recipient.back() == '\n') their_recipient.pop_back();
    // Our reading of their identity file gives the same recipient as age-keygen -y.
    EXPECT_EQ(recipient_of(age::parse_identity(read_file(dir + "/key.txt"))), their_recipient);
    std::string text = "Förbered din SIP – ";
    text += std::string(70000, 'a');  // more than one chunk
    write_file(dir + "/ours.age", age::encrypt_to(text, their_recipient));
    std::string opened;
    ASSERT_TRUE(run("age -d -i " + dir + "/key.txt " + dir + "/ours.age", &opened));
    EXPECT_EQ(opened, text);

    // Sealed by `age -r` to our recipient, opened here with our identity.
    const age::Identity ours = age::generate_identity();
    write_file(dir + "/plain.txt", text);
    ASSERT_TRUE(run("age -r " + recipient_of(ours) + " -o " + dir + "/theirs.age " + dir + "/plain.txt"));
    const age::Decrypted d = age::decrypt_with(read_file(dir + "/theirs.age"), ours);
    ASSERT_TRUE(d.ok()) << age::error_key(d.error);
    EXPECT_EQ(d.plaintext, text);
    // Our identity as text opens it with `age -d -i` too (the key is age's own format).
    write_file(dir + "/our-key.txt", age::identity_string(ours) + "\n");
    ASSERT_TRUE(run("age -d -i " + dir + "/our-key.txt " + dir + "/theirs.age", &opened));
    EXPECT_EQ(opened, text);
    // A file for two recipients (theirs first) opens with ours.
    ASSERT_TRUE(run("age -r " + their_recipient + " -r " + recipient_of(ours) + " -o " + dir + "/both.age " + dir +
                    "/plain.txt"));
    EXPECT_TRUE(age::decrypt_with(read_file(dir + "/both.age"), ours).ok());
    run("rm -rf " + dir);
}
