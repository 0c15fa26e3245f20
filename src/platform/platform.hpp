// What the UI may ask of the platform. One implementation per platform, chosen by CMake
// (src/platform/web/ for the browser). Kept tiny on purpose.
#pragma once

#include <string>

namespace sipprep::platform {

// Offers `contents` to the person as a file download.
void download_file(const std::string& filename, const std::string& mime_type, const std::string& contents);

// Asks for `count` more frames (animations, messages that must show). Input wakes the app itself.
void request_frames(int count);

}  // namespace sipprep::platform
