// Files protected with a passphrase (age v1): asking for the passphrase when one is opened, and
// saving one from the summary. The crypto runs in the host (a separately loaded module in the
// browser), so both answers arrive later as HostEvents.
#include <algorithm>
#include <string>
#include <utility>

#include "app.hpp"
#include "core/age/age.hpp"
#include "imgui.h"

namespace sipprep::ui {
namespace {

// Answers after which typing the passphrase again can help; any other leaves nothing to retry.
bool retry_helps(const std::string& error_key) {
    return error_key == "age.wrong_passphrase" || error_key == "passphrase.unavailable" ||
           error_key == "passphrase.failed" || error_key == "passphrase.timeout";
}

// scrypt's memory for a work factor: 2^N blocks of 1 KiB, in the unit people know.
std::string scrypt_memory(int work_factor) {
    if (work_factor >= 20) return std::to_string(1ULL << std::min(work_factor - 20, 63)) + " GiB";
    return std::to_string(1ULL << std::max(work_factor - 10, 0)) + " MiB";
}

}  // namespace

// The passphrase field and its button to open; true when the passphrase should be tried now.
bool App::passphrase_entry(const std::string& id, const std::string& open_label, PassphraseEntry e) {
    FieldOptions o;
    o.secret = true;
    o.error = e.error;
    text_field(t("passphrase.label"), id + "-passphrase", &e.passphrase, o);
    if (std::exchange(e.focus, false)) focus_last_control();
    if (!button(open_label, id + "-open", ButtonStyle::Primary)) return false;
    if (e.passphrase.empty()) {
        e.error = t("unlock.empty");
        e.focus = true;
        a11y_.announce(e.error);
        return false;
    }
    e.busy = true;
    e.error.clear();
    a11y_.announce(t("unlock.working"));
    return true;
}

void App::ask_passphrase(const FileArrival& arrival, const std::string& bytes) {
    auto refuse = [&](const std::string& why) {
        open_message_ = trf(lang_, "open.failed", {arrival.name});
        open_errors_ = {why};
        a11y_.announce(open_message_);
    };
    if (bytes.compare(0, age::kArmorBegin.size(), age::kArmorBegin) == 0) return refuse(t("age.armored"));
    // Refused before anything runs: scrypt would take the memory first and say "wrong" after.
    if (const int wf = age::scrypt_work_factor(bytes); wf > age::kMaxForeignWorkFactor)
        return refuse(trf(lang_, "age.work_factor_memory",
                          {std::to_string(wf), scrypt_memory(wf), scrypt_memory(age::kMaxForeignWorkFactor),
                           std::to_string(age::kDefaultWorkFactor)}));
    locked_file_ = LockedFile{arrival, bytes, {}, {}, false, true};
    a11y_.announce(trf(lang_, "unlock.title", {arrival.name}));
}

void App::unlock_prompt() {
    if (!locked_file_) return;
    LockedFile& f = *locked_file_;
    const std::string title = trf(lang_, "unlock.title", {f.arrival.name});
    Group group(Role::Alert, "unlock", title);
    heading(title, 2);
    if (f.busy) {
        paragraph(t("unlock.working"));
        ImGui::Separator();
        return;
    }
    paragraph(t("unlock.text"));
    if (passphrase_entry("unlock", t("unlock.open"), PassphraseEntry{f.passphrase, f.error, f.focus, f.busy}))
        host_.unlock_file(f.bytes, f.passphrase);
    same_line();
    if (button(t("unlock.cancel"), "unlock-cancel")) locked_file_.reset();
    ImGui::Separator();
}

void App::file_unlocked(const std::string& error_key, const std::string& plaintext) {
    host_.request_frames(1);
    if (!locked_file_ || !locked_file_->busy) return;  // cancelled, or the screen changed meanwhile
    LockedFile& f = *locked_file_;
    f.busy = false;
    f.passphrase.clear();
    if (error_key.empty()) {
        const FileArrival arrival = f.arrival;
        locked_file_.reset();
        receive_file(arrival, plaintext);
        return;
    }
    if (retry_helps(error_key)) {
        f.error = t(error_key.c_str());
        f.focus = true;
        a11y_.announce(f.error);
        return;
    }
    open_message_ = trf(lang_, "open.failed", {f.arrival.name});
    open_errors_ = {t(error_key.c_str())};
    locked_file_.reset();
    a11y_.announce(open_message_);
}

void App::export_protected() {
    StepStates::Summary& s = step_states_.summary;
    s.tried = true;
    if (!passphrase_long_enough(s.passphrase) || s.repeat != s.passphrase) {
        status_ = passphrase_long_enough(s.passphrase)
                      ? t("protect.mismatch")
                      : trf(lang_, "protect.too_short", {std::to_string(kMinPassphraseChars)});
        a11y_.announce(status_);
        return;
    }
    if (protecting_) return;
    std::string name;
    const std::string bundle = bundle_now(&name);
    protecting_ = true;
    status_ = t("protect.working");
    a11y_.announce(status_);
    host_.download_protected(name + ".age", bundle, s.passphrase);
    protecting_sha_ = content_sha();
    changed();  // `created` is part of the draft
}

void App::file_protected(const std::string& filename, const std::string& error_key) {
    host_.request_frames(1);
    protecting_ = false;
    StepStates::Summary& s = step_states_.summary;
    if (error_key.empty()) {
        status_ = trf(lang_, "protect.done", {filename});
        saved_sha_ = protecting_sha_;
        // Not kept for longer than it is needed, on a computer others may use.
        s.passphrase.clear();
        s.repeat.clear();
        s.tried = false;
    } else {
        status_ = t(error_key.c_str());
    }
    a11y_.announce(status_);
}

// ---- "Lås med lösenord": the stored draft kept only encrypted ----

void App::draft_locked(const std::string& saved_at) {
    lock_.waiting = true;
    lock_.on = true;
    lock_.saved_at = saved_at;
    lock_.focus = true;
    screen_ = Screen::Resume;
    host_.request_frames(1);
}

void App::unlock_draft_prompt() {
    Group group(Role::Group, "unlock-draft", t("lock.resume.title"));
    paragraph(t("lock.resume.text"));
    if (lock_.busy) {
        paragraph(t("unlock.working"));
        return;
    }
    if (passphrase_entry("unlock-draft", t("lock.resume.open"),
                         PassphraseEntry{lock_.passphrase, lock_.error, lock_.focus, lock_.busy}))
        host_.unlock_draft(lock_.passphrase);
    same_line();
}

void App::draft_unlocked(const std::string& error_key, const std::string& draft_json) {
    host_.request_frames(1);
    lock_.busy = false;
    lock_.passphrase.clear();
    if (!error_key.empty()) {
        lock_.error = t(error_key.c_str());
        lock_.focus = true;
        a11y_.announce(lock_.error);
        return;
    }
    lock_.waiting = false;
    lock_.error.clear();
    if (draft_json.empty()) {  // erased meanwhile, in another tab
        lock_ = DraftLock{};
        go_to(Screen::Start);
        return;
    }
    draft_loaded(draft_json);
    if (screen_ == Screen::Resume) continue_draft();
}

void App::discard_locked_draft() {
    if (!lock_.waiting) return;
    host_.clear_draft();
    lock_ = DraftLock{};
}

void App::lock_settings() {
    if (screen_ == Screen::Professional || lock_.waiting) return;
    if (lock_.on) {
        paragraph(t("lock.on"));
        if (button(t("lock.remove"), "lock-remove", ButtonStyle::Quiet, t("lock.remove.help"))) {
            host_.remove_draft_lock();
            lock_.busy = true;
        }
        // The form the person was in is gone: keyboard and screen reader land on what replaced it.
        if (std::exchange(lock_.focus, false)) focus_last_control();
        return;
    }
    if (!lock_.form) {
        if (button(t("lock.button"), "lock-open", ButtonStyle::Quiet, t("lock.help"))) {
            lock_.form = true;
            lock_.focus = true;
        } else if (std::exchange(lock_.focus, false)) {
            focus_last_control();
        }
        return;
    }
    Group group(Role::Group, "lock", t("lock.button"));
    heading(t("lock.button"), 3);
    paragraph(t("lock.help"));
    if (lock_.busy) {
        paragraph(t("lock.working"));
        return;
    }
    FieldOptions o;
    o.secret = true;
    o.help = trf(lang_, "protect.passphrase.help", {std::to_string(kMinPassphraseChars)});
    o.error = lock_.error;
    if (lock_.error.empty() && lock_.tried && !passphrase_long_enough(lock_.passphrase))
        o.error = trf(lang_, "protect.too_short", {std::to_string(kMinPassphraseChars)});
    text_field(t("passphrase.label"), "lock-passphrase", &lock_.passphrase, o);
    if (std::exchange(lock_.focus, false)) focus_last_control();
    FieldOptions again;
    again.secret = true;
    if (lock_.tried && lock_.repeat != lock_.passphrase) again.error = t("protect.mismatch");
    text_field(t("protect.repeat"), "lock-repeat", &lock_.repeat, again);
    if (button(t("lock.confirm"), "lock-confirm", ButtonStyle::Primary)) {
        lock_.tried = true;
        lock_.error.clear();
        if (!passphrase_long_enough(lock_.passphrase) || lock_.repeat != lock_.passphrase) {
            a11y_.announce(passphrase_long_enough(lock_.passphrase)
                               ? t("protect.mismatch")
                               : trf(lang_, "protect.too_short", {std::to_string(kMinPassphraseChars)}));
        } else {
            lock_.busy = true;
            a11y_.announce(t("lock.working"));
            host_.lock_draft(lock_.passphrase);
        }
    }
    same_line();
    if (button(t("unlock.cancel"), "lock-cancel")) lock_ = DraftLock{};
}

void App::draft_lock_changed(bool locked, const std::string& error_key) {
    host_.request_frames(1);
    const bool was_on = lock_.on;
    lock_ = DraftLock{};
    if (!error_key.empty()) {
        lock_.form = true;
        lock_.focus = true;
        lock_.error = t(error_key.c_str());
        a11y_.announce(lock_.error);
        return;
    }
    lock_.on = locked;
    lock_.focus = true;             // on "Ta bort låset", or on "Lås utkastet med lösenord" again
    if (locked) versions_.reset();  // they were removed with the lock
    status_ = locked ? t("lock.done") : (was_on ? t("lock.removed") : std::string());
    if (!status_.empty()) a11y_.announce(status_);
}

}  // namespace sipprep::ui
