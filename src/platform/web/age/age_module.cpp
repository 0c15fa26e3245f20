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

std::string_view view(const char* data, int length) { return {data, static_cast<std::size_t>(length)}; }

void wipe(Sealer& s) {
    std::fill(s.file_key.begin(), s.file_key.end(), 0);
    s.header.clear();
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

// "Lås med lösenord": a new file key for the stored draft, wrapped for `passphrase`, kept.
EMSCRIPTEN_KEEPALIVE const char* sipprep_age_lock_draft(const char* passphrase, int passphrase_length) {
    wipe(g_draft);
    g_draft = sipprep::age::make_sealer(view(passphrase, passphrase_length));
    return g_draft.ok() ? "" : sipprep::age::error_key(Error::TooLittleMemory);
}

// Opens the stored, locked draft and keeps its key for the saves that follow.
EMSCRIPTEN_KEEPALIVE const char* sipprep_age_unlock_draft(const char* data, int length, const char* passphrase,
                                                          int passphrase_length) {
    Decrypted d = sipprep::age::decrypt(view(data, length), view(passphrase, passphrase_length),
                                        sipprep::age::kBrowserMaxWorkFactor);
    return finish(d, true);
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
EMSCRIPTEN_KEEPALIVE void sipprep_age_clear() {
    std::fill(g_output.begin(), g_output.end(), '\0');
    g_output.clear();
    g_output.shrink_to_fit();
}
}
