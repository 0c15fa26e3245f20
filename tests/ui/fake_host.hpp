// The host for headless UI tests: records what the app asks for, and saves the draft the way
// the browser does (when asked, not per change).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "ui/host.hpp"

namespace sipprep::test {

struct FakeHost final : ui::Host {
    std::vector<std::pair<std::string, std::string>> downloads;
    std::string printed, copied, kept;
    int picks = 0;
    int draft_changes = 0;
    bool cleared = false;
    std::vector<ui::MirrorUpdate> mirror;

    void download(const std::string& name, const std::string&, const std::string& contents) override {
        downloads.push_back({name, contents});
    }
    void pick_file() override { ++picks; }
    void copy_text(const std::string& text) override { copied = text; }
    void print_html(const std::string&, const std::string& html) override { printed = html; }
    void draft_changed() override {
        ++draft_changes;
        cleared = false;
    }
    int clears = 0;
    void clear_draft() override {
        ++clears;
        cleared = true;
        draft_changes = 0;
    }
    void keep_unreadable_draft(const std::string& text) override { kept = text; }
    void request_frames(int) override {}
    std::vector<std::string> versions_kept;
    int version_lists = 0;
    int restored = -1;
    void keep_version(const std::string& kind) override { versions_kept.push_back(kind); }
    void list_versions() override { ++version_lists; }
    void restore_version(int id) override { restored = id; }
    int auto_erase_days = -1;
    void set_auto_erase(int days) override { auto_erase_days = days; }
    int take_overs = 0;
    void take_over_editing() override { ++take_overs; }
    void update_mirror(const ui::MirrorUpdate& u) override { mirror.push_back(u); }
    // Passphrase work is asynchronous in the browser: recorded here, answered by the test.
    struct AgeRequest {
        bool unlock = false;
        std::string filename, bytes, passphrase;
    };
    std::vector<AgeRequest> age_requests;
    void download_protected(const std::string& filename, const std::string& contents,
                            const std::string& passphrase) override {
        age_requests.push_back({false, filename, contents, passphrase});
    }
    void unlock_file(const std::string& bytes, const std::string& passphrase) override {
        age_requests.push_back({true, {}, bytes, passphrase});
    }
    std::vector<std::string> draft_locks, draft_unlocks;  // the passphrases asked with
    int lock_removals = 0;
    void lock_draft(const std::string& passphrase) override { draft_locks.push_back(passphrase); }
    void unlock_draft(const std::string& passphrase) override { draft_unlocks.push_back(passphrase); }
    void remove_draft_lock() override { ++lock_removals; }
    int update_reloads = 0;
    void reload_for_update() override { ++update_reloads; }
    struct Spoken {
        std::string text, lang;
        float rate = 1.0f;
        bool network_ok = false;
    };
    std::vector<Spoken> spoken;
    int speech_stops = 0;
    void speak(const std::string& text, const std::string& lang, float rate, bool network_ok) override {
        spoken.push_back({text, lang, rate, network_ok});
    }
    void stop_speaking() override { ++speech_stops; }
    std::vector<std::string> languages_fetched;
    void load_language(const std::string& code) override { languages_fetched.push_back(code); }
};

}  // namespace sipprep::test
