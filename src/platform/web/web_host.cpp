#include "web_host.hpp"

extern "C" {
// Implemented in browser.js (the JS library), which forwards to web/shell.js and web/mirror.js.
void sipprep_js_request_frames();
void sipprep_js_download(const char* name, const char* mime, const char* data, int length);
void sipprep_js_download_protected(const char* name, const char* data, int length, const char* passphrase);
void sipprep_js_unlock_file(const char* data, int length, const char* passphrase);
void sipprep_js_lock_draft(const char* passphrase);
void sipprep_js_unlock_draft(const char* passphrase);
void sipprep_js_remove_draft_lock();
void sipprep_js_reload_for_update();
void sipprep_js_speak(const char* text, int length, const char* lang, float rate, int network_ok);
void sipprep_js_stop_speaking();
void sipprep_js_mirror(const char* patch, const char* focus_key, const char* selection_json, const char* announcement,
                       const char* lang, int rtl);
void sipprep_js_load_language(const char* code);
void sipprep_js_draft_changed();
void sipprep_js_clear_draft();
void sipprep_js_keep_unreadable_draft(const char* text);
void sipprep_js_pick_file();
void sipprep_js_print_html(const char* title, const char* html, int length);
void sipprep_js_copy_text(const char* text, int length);
void sipprep_js_take_over();
void sipprep_js_set_auto_erase(int days);
void sipprep_js_keep_version(const char* kind);
void sipprep_js_list_versions();
void sipprep_js_restore_version(int id);
}

namespace sipprep::web {

void WebHost::download(const std::string& filename, const std::string& mime_type, const std::string& contents) {
    sipprep_js_download(filename.c_str(), mime_type.c_str(), contents.data(), static_cast<int>(contents.size()));
}
void WebHost::download_protected(const std::string& filename, const std::string& contents,
                                 const std::string& passphrase) {
    sipprep_js_download_protected(filename.c_str(), contents.data(), static_cast<int>(contents.size()),
                                  passphrase.c_str());
}
void WebHost::unlock_file(const std::string& bytes, const std::string& passphrase) {
    sipprep_js_unlock_file(bytes.data(), static_cast<int>(bytes.size()), passphrase.c_str());
}
void WebHost::lock_draft(const std::string& passphrase) { sipprep_js_lock_draft(passphrase.c_str()); }
void WebHost::unlock_draft(const std::string& passphrase) { sipprep_js_unlock_draft(passphrase.c_str()); }
void WebHost::remove_draft_lock() { sipprep_js_remove_draft_lock(); }
void WebHost::reload_for_update() { sipprep_js_reload_for_update(); }
void WebHost::speak(const std::string& text, const std::string& lang, float rate, bool network_ok) {
    sipprep_js_speak(text.data(), static_cast<int>(text.size()), lang.c_str(), rate, network_ok ? 1 : 0);
}
void WebHost::stop_speaking() { sipprep_js_stop_speaking(); }
void WebHost::pick_file() { sipprep_js_pick_file(); }
void WebHost::copy_text(const std::string& text) { sipprep_js_copy_text(text.data(), static_cast<int>(text.size())); }
void WebHost::print_html(const std::string& title, const std::string& html) {
    sipprep_js_print_html(title.c_str(), html.data(), static_cast<int>(html.size()));
}
void WebHost::draft_changed() { sipprep_js_draft_changed(); }
void WebHost::clear_draft() { sipprep_js_clear_draft(); }
void WebHost::keep_unreadable_draft(const std::string& text) { sipprep_js_keep_unreadable_draft(text.c_str()); }

void WebHost::take_over_editing() { sipprep_js_take_over(); }
void WebHost::set_auto_erase(int days) { sipprep_js_set_auto_erase(days); }
void WebHost::keep_version(const std::string& kind) { sipprep_js_keep_version(kind.c_str()); }
void WebHost::list_versions() { sipprep_js_list_versions(); }
void WebHost::restore_version(int id) { sipprep_js_restore_version(id); }

void WebHost::request_frames(int count) {
    if (count > frames_wanted_) frames_wanted_ = count;
    sipprep_js_request_frames();
}

void WebHost::update_mirror(const ui::MirrorUpdate& u) {
    sipprep_js_mirror(u.patch.c_str(), u.focus_key.c_str(), u.selection.c_str(), u.announcement.c_str(), u.lang.c_str(),
                      u.rtl ? 1 : 0);
}

void WebHost::load_language(const std::string& code) { sipprep_js_load_language(code.c_str()); }

bool WebHost::take_frame_wanted() {
    if (frames_wanted_ <= 0) return false;
    --frames_wanted_;
    return true;
}

}  // namespace sipprep::web
