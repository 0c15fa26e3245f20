// What the UI may ask of the platform. One implementation per platform, chosen by CMake
// (src/platform/web/ for the browser). Kept tiny on purpose.
#pragma once

#include <string>

namespace sipprep::platform {

// Offers `contents` to the person as a file download.
void download_file(const std::string& filename, const std::string& mime_type, const std::string& contents);

// Asks for `count` more frames (animations, messages that must show). Input wakes the app itself.
void request_frames(int count);

// The draft on this device: saved within a second of a change and when the page is hidden.
void save_draft(const std::string& draft_json);
void clear_draft();  // also removes a kept unreadable draft
// Keeps a saved draft that could not be read beside the new one, so it is not overwritten.
void keep_unreadable_draft(const std::string& text);

// Opens the system's file picker; the chosen file comes back through App::open_file.
void pick_file();

// Puts `text` on the system clipboard.
void copy_text(const std::string& text);

// Opens `html` in a print view (the browser's print dialog).
void print_html(const std::string& title, const std::string& html);

}  // namespace sipprep::platform
