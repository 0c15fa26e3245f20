// The platform for headless UI tests: records what the app asks for.
#include "fake_platform.hpp"

namespace sipprep::platform {

FakePlatform& fake() {
    static FakePlatform f;
    return f;
}

void download_file(const std::string& filename, const std::string&, const std::string& contents) {
    fake().downloads.push_back({filename, contents});
}
void request_frames(int) {}
void save_draft(const std::string& draft_json) { fake().draft = draft_json; }
void clear_draft() { fake().draft.clear(); }
void keep_unreadable_draft(const std::string& text) { fake().kept = text; }
void pick_file() { ++fake().picks; }
void copy_text(const std::string& text) { fake().copied = text; }
void print_html(const std::string&, const std::string& html) { fake().printed = html; }

}  // namespace sipprep::platform
