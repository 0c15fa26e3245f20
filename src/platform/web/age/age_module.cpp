// The passphrase module of the web app: age v1 (src/core/age) on libsodium, built as a second,
// small WebAssembly that web/age-worker.js loads in a worker the first time a file is protected
// or unlocked, or the draft is locked. People who never use a passphrase never download it.
// Every call returns "" on success (its result, if any, in sipprep_age_output) or a catalog key.
#include <emscripten/emscripten.h>

#include <algorithm>
#include <string>

#include "core/age/age.hpp"

namespace {

using sipprep::age::Decrypted;
using sipprep::age::Error;
using sipprep::age::Sealer;

std::string g_output;  // the last result, read by the worker and then cleared
// The locked draft's file key and header while this tab has it open: each save is sealed with
// it in milliseconds instead of a second of scrypt.
Sealer g_draft;
// A new key for the locked draft (docs/draft-store.md): its recipient, stored in plain beside the
// draft, and its identity as an age file under the passphrase. Read by the worker, then cleared.
std::string g_recipient;
std::string g_identity_file;

std::string_view view(const char* data, int length) { return {data, static_cast<std::size_t>(length)}; }

void wipe(Sealer& s) {
    std::fill(s.file_key.begin(), s.file_key.end(), 0);
    s.header.clear();
}

void wipe(std::string& s) {
    std::fill(s.begin(), s.end(), '\0');
    s.clear();
}

// A new identity for the draft: g_draft seals to it from now on; its recipient and the identity
// under `passphrase` go to the worker (g_recipient, g_identity_file). False when scrypt failed.
bool new_draft_key(std::string_view passphrase) {
    sipprep::age::Identity id = sipprep::age::generate_identity();
    const std::string recipient = sipprep::age::recipient_string(id.public_key);
    std::string secret = "# public key: " + recipient + "\n" + sipprep::age::identity_string(id) + "\n";
    std::fill(id.secret.begin(), id.secret.end(), 0);
    g_identity_file = sipprep::age::encrypt(secret, passphrase);
    wipe(secret);
    wipe(g_draft);
    if (g_identity_file.empty()) return false;
    g_draft = sipprep::age::make_sealer_to(recipient);
    g_recipient = recipient;
    return g_draft.ok();
}

const char* finish(Decrypted& d, bool keep_key) {
    g_output = std::move(d.plaintext);
    if (d.ok() && keep_key) {
        wipe(g_draft);
        g_draft = std::move(d.sealer);
    }
    wipe(d.sealer);
    return d.ok() ? "" : sipprep::age::error_key(d.error);
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* sipprep_age_encrypt(const char* data, int length, const char* passphrase,
                                                     int passphrase_length) {
    g_output = sipprep::age::encrypt(view(data, length), view(passphrase, passphrase_length));
    return g_output.empty() ? sipprep::age::error_key(Error::TooLittleMemory) : "";
}

EMSCRIPTEN_KEEPALIVE const char* sipprep_age_decrypt(const char* data, int length, const char* passphrase,
                                                     int passphrase_length) {
    Decrypted d = sipprep::age::decrypt(view(data, length), view(passphrase, passphrase_length),
                                        sipprep::age::kMaxForeignWorkFactor);
    return finish(d, false);
}

// "Lås med lösenord": a new X25519 key for the stored draft, its identity sealed with `passphrase`.
EMSCRIPTEN_KEEPALIVE const char* sipprep_age_lock_draft(const char* passphrase, int passphrase_length) {
    return new_draft_key(view(passphrase, passphrase_length)) ? "" : sipprep::age::error_key(Error::TooLittleMemory);
}

// Opens the stored, locked draft and keeps its key for the saves that follow: the identity file
// with the passphrase, then the draft with the identity. A draft locked before there was a key
// (`identity_length` 0: its file key wrapped for the passphrase itself) is opened with the
// passphrase (also when a key is stored but the draft is still sealed the old way), and gets a
// new key: the next save is sealed to it and stores its recipient.
EMSCRIPTEN_KEEPALIVE const char* sipprep_age_unlock_draft(const char* data, int length, const char* passphrase,
                                                          int passphrase_length, const char* identity_file,
                                                          int identity_length) {
    const std::string_view pass = view(passphrase, passphrase_length);
    if (identity_length == 0 || sipprep::age::scrypt_work_factor(view(data, length)) > 0) {
        Decrypted d = sipprep::age::decrypt(view(data, length), pass, sipprep::age::kBrowserMaxWorkFactor);
        const char* error = finish(d, false);
        if (*error) return error;
        return new_draft_key(pass) ? "" : sipprep::age::error_key(Error::TooLittleMemory);
    }
    Decrypted key =
        sipprep::age::decrypt(view(identity_file, identity_length), pass, sipprep::age::kBrowserMaxWorkFactor);
    if (!key.ok()) return finish(key, false);
    sipprep::age::Identity id = sipprep::age::parse_identity(key.plaintext);
    wipe(key.plaintext);
    wipe(key.sealer);
    Decrypted d = sipprep::age::decrypt_with(view(data, length), id);
    std::fill(id.secret.begin(), id.secret.end(), 0);
    return finish(d, true);
}

// Words of a tab without the key (it lost the draft to another tab, which locked it meanwhile),
// sealed to the locked draft's recipient: a new file key each time.
EMSCRIPTEN_KEEPALIVE const char* sipprep_age_seal_to(const char* data, int length, const char* recipient,
                                                     int recipient_length) {
    g_output = sipprep::age::encrypt_to(view(data, length), view(recipient, recipient_length));
    return g_output.empty() ? sipprep::age::error_key(Error::NotForThisKey) : "";
}

// The draft as it is now, as an age file under the kept key.
EMSCRIPTEN_KEEPALIVE const char* sipprep_age_seal_draft(const char* data, int length) {
    if (!g_draft.ok()) return "passphrase.unavailable";
    g_output = sipprep::age::seal(g_draft, view(data, length));
    return "";
}

EMSCRIPTEN_KEEPALIVE void sipprep_age_forget_draft_key() { wipe(g_draft); }

EMSCRIPTEN_KEEPALIVE const char* sipprep_age_output() { return g_output.data(); }
EMSCRIPTEN_KEEPALIVE int sipprep_age_output_size() { return static_cast<int>(g_output.size()); }
EMSCRIPTEN_KEEPALIVE const char* sipprep_age_recipient() { return g_recipient.c_str(); }
EMSCRIPTEN_KEEPALIVE const char* sipprep_age_identity_file() { return g_identity_file.data(); }
EMSCRIPTEN_KEEPALIVE int sipprep_age_identity_file_size() { return static_cast<int>(g_identity_file.size()); }
EMSCRIPTEN_KEEPALIVE void sipprep_age_clear() {
    std::fill(g_output.begin(), g_output.end(), '\0');
    g_output.clear();
    g_output.shrink_to_fit();
    g_recipient.clear();
    wipe(g_identity_file);
}
}
