// The browser's side of the seam (ui/host.hpp): each request goes to web/shell.js or
// web/mirror.js through the JS library src/platform/web/browser.js.
#pragma once

#include "ui/host.hpp"

namespace sipprep::web {

class WebHost final : public ui::Host {
public:
    void download(const std::string& filename, const std::string& mime_type, const std::string& contents) override;
    void download_protected(const std::string& filename, const std::string& contents,
                            const std::string& passphrase) override;
    void unlock_file(const std::string& bytes, const std::string& passphrase) override;
    void lock_draft(const std::string& passphrase) override;
    void unlock_draft(const std::string& passphrase) override;
    void remove_draft_lock() override;
    void reload_for_update() override;
    void speak(const std::string& text, const std::string& lang, float rate, bool network_ok) override;
    void stop_speaking() override;
    void load_language(const std::string& code) override;
    void pick_file() override;
    void copy_text(const std::string& text) override;
    void print_html(const std::string& title, const std::string& html) override;
    void draft_changed() override;
    void clear_draft() override;
    void keep_unreadable_draft(const std::string& text) override;
    void take_over_editing() override;
    void set_auto_erase(int days) override;
    void keep_version(const std::string& kind) override;
    void list_versions() override;
    void restore_version(int id) override;
    void request_frames(int count) override;
    void update_mirror(const ui::MirrorUpdate& update) override;

    // Frames still wanted (ImGui settling after input, messages to show); counted down per frame.
    bool take_frame_wanted();

private:
    int frames_wanted_ = 0;
};

}  // namespace sipprep::web
