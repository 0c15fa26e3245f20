// The passphrase module of the web app: age v1 (src/core/age) on libsodium, built as a second,
// small WebAssembly that web/age-worker.js loads in a worker the first time a file is protected
// or unlocked. People who never use a passphrase never download it.
#include <emscripten/emscripten.h>

#include <algorithm>
#include <string>

#include "core/age/age.hpp"

namespace {
std::string g_output;  // the last result, read by the worker and then cleared
}

extern "C" {

// Both return "" on success (the result is then in sipprep_age_output) or a catalog key.
EMSCRIPTEN_KEEPALIVE const char* sipprep_age_encrypt(const char* data, int length, const char* passphrase,
                                                     int passphrase_length, int work_factor) {
    g_output =
        sipprep::age::encrypt(std::string_view(data, static_cast<std::size_t>(length)),
                              std::string_view(passphrase, static_cast<std::size_t>(passphrase_length)), work_factor);
    return g_output.empty() ? sipprep::age::error_key(sipprep::age::Error::TooLittleMemory) : "";
}

EMSCRIPTEN_KEEPALIVE const char* sipprep_age_decrypt(const char* data, int length, const char* passphrase,
                                                     int passphrase_length, int max_work_factor) {
    sipprep::age::Decrypted d = sipprep::age::decrypt(
        std::string_view(data, static_cast<std::size_t>(length)),
        std::string_view(passphrase, static_cast<std::size_t>(passphrase_length)), max_work_factor);
    g_output = std::move(d.plaintext);
    return d.ok() ? "" : sipprep::age::error_key(d.error);
}

EMSCRIPTEN_KEEPALIVE const char* sipprep_age_output() { return g_output.data(); }
EMSCRIPTEN_KEEPALIVE int sipprep_age_output_size() { return static_cast<int>(g_output.size()); }
EMSCRIPTEN_KEEPALIVE void sipprep_age_clear() {
    std::fill(g_output.begin(), g_output.end(), '\0');
    g_output.clear();
    g_output.shrink_to_fit();
}
}
