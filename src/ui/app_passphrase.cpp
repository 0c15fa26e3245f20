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
    // By its id: after a field with an error, the last item drawn is the error's text.
    if (std::exchange(e.focus, false)) focus_control(id + "-passphrase");
    text_field(t("passphrase.label"), id + "-passphrase", &e.passphrase, o);
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
        files_.message = trf(settings_.lang, "open.failed", {arrival.name});
        files_.errors = {why};
        a11y_.announce(files_.message);
    };
    if (bytes.compare(0, age::kArmorBegin.size(), age::kArmorBegin) == 0) return refuse(t("age.armored"));
    // Refused before anything runs: scrypt would take the memory first and say "wrong" after.
    if (const int wf = age::scrypt_work_factor(bytes); wf > age::kMaxForeignWorkFactor)
        return refuse(trf(settings_.lang, "age.work_factor_memory",
                          {std::to_string(wf), scrypt_memory(wf), scrypt_memory(age::kMaxForeignWorkFactor),
                           std::to_string(age::kDefaultWorkFactor)}));
    files_.locked = FileFlow::Locked{arrival, bytes, {}, {}, false, true};
    a11y_.announce(trf(settings_.lang, "unlock.title", {arrival.name}));
}

void App::unlock_prompt() {
    if (!files_.locked) return;
    FileFlow::Locked& f = *files_.locked;
    const std::string title = trf(settings_.lang, "unlock.title", {f.arrival.name});
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
    if (button(t("unlock.cancel"), "unlock-cancel")) files_.locked.reset();
    ImGui::Separator();
}

void App::file_unlocked(const std::string& error_key, const std::string& plaintext) {
    host_.request_frames(1);
    if (!files_.locked || !files_.locked->busy) return;  // cancelled, or the screen changed meanwhile
    FileFlow::Locked& f = *files_.locked;
    f.busy = false;
    f.passphrase.clear();
    if (error_key.empty()) {
        const FileArrival arrival = f.arrival;
        files_.locked.reset();
        receive_file(arrival, plaintext);
        return;
    }
    if (retry_helps(error_key)) {
        f.error = t(error_key.c_str());
        f.focus = true;
        a11y_.announce(f.error);
        return;
    }
    files_.message = trf(settings_.lang, "open.failed", {f.arrival.name});
    files_.errors = {t(error_key.c_str())};
    files_.locked.reset();
    a11y_.announce(files_.message);
}

void App::export_protected() {
    StepStates::Summary& s = draft_.steps.summary;
    s.tried = true;
    if (!passphrase_long_enough(s.passphrase) || s.repeat != s.passphrase) {
        status_ = passphrase_long_enough(s.passphrase)
                      ? t("protect.mismatch")
                      : trf(settings_.lang, "protect.too_short", {std::to_string(kMinPassphraseChars)});
        a11y_.announce(status_);
        return;
    }
    if (files_.protecting) return;
    std::string name;
    const std::string bundle = bundle_now(&name);
    files_.protecting = true;
    status_ = t("protect.working");
    a11y_.announce(status_);
    host_.download_protected(name + ".age", bundle, s.passphrase);
    files_.protecting_sha = content_sha();
    changed();  // `created` is part of the draft
}

void App::file_protected(const std::string& filename, const std::string& error_key) {
    host_.request_frames(1);
    files_.protecting = false;
    StepStates::Summary& s = draft_.steps.summary;
    if (error_key.empty()) {
        status_ = trf(settings_.lang, "protect.done", {filename});
        draft_.saved_sha = files_.protecting_sha;
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
    storage_.lock.waiting = true;
    storage_.lock.on = true;
    storage_.lock.saved_at = saved_at;
    storage_.lock.focus = true;
    screen_ = Screen::Resume;
    host_.request_frames(1);
}

void App::unlock_draft_prompt() {
    Group group(Role::Group, "unlock-draft", t("lock.resume.title"));
    paragraph(t("lock.resume.text"));
    if (storage_.lock.busy) {
        paragraph(t("unlock.working"));
        return;
    }
    if (passphrase_entry(
            "unlock-draft", t("lock.resume.open"),
            PassphraseEntry{storage_.lock.passphrase, storage_.lock.error, storage_.lock.focus, storage_.lock.busy}))
        host_.unlock_draft(storage_.lock.passphrase);
    same_line();
}

void App::draft_unlocked(const std::string& error_key, const std::string& draft_json) {
    host_.request_frames(1);
    storage_.lock.busy = false;
    storage_.lock.passphrase.clear();
    if (!error_key.empty()) {
        // The draft on this computer is no file that could be damaged: only the passphrase is wrong.
        storage_.lock.error = t(error_key == "age.wrong_passphrase" ? "lock.wrong_passphrase" : error_key.c_str());
        storage_.lock.focus = true;
        a11y_.announce(storage_.lock.error);
        return;
    }
    storage_.lock.waiting = false;
    storage_.lock.error.clear();
    if (draft_json.empty()) {  // erased meanwhile, in another tab
        storage_.lock = DraftLock{};
        go_to(Screen::Start);
        return;
    }
    // Said, so that "Låser upp …" does not stay the last thing the live region holds.
    a11y_.announce(t("lock.unlocked"));
    draft_loaded(draft_json);
    if (screen_ == Screen::Resume) continue_draft();
}

void App::discard_locked_draft() {
    if (!storage_.lock.waiting) return;
    host_.clear_draft();
    storage_.lock = DraftLock{};
}

void App::lock_settings() {
    if (screen_ == Screen::Professional || storage_.lock.waiting) return;
    if (storage_.lock.on) {
        // The form the person was in is gone: keyboard and screen reader land on what replaced it,
        // its heading, not "Ta bort låset" (Enter pressed once more would have unlocked it again).
        heading(t("lock.resume.title"), 3);
        if (std::exchange(storage_.lock.focus, false)) focus_heading(t("lock.resume.title"));
        paragraph(t("lock.on"));
        if (button(t("lock.remove"), "lock-remove", ButtonStyle::Quiet, t("lock.remove.help"))) {
            host_.remove_draft_lock();
            storage_.lock.busy = true;
        }
        return;
    }
    if (!storage_.lock.form) {
        if (button(t("lock.button"), "lock-open", ButtonStyle::Quiet, t("lock.help"))) {
            storage_.lock.form = true;
            storage_.lock.focus = true;
        } else if (std::exchange(storage_.lock.focus, false)) {
            focus_last_control();
        }
        return;
    }
    Group group(Role::Group, "lock", t("lock.button"));
    heading(t("lock.button"), 3);
    paragraph(t("lock.help"));
    if (storage_.lock.busy) {
        paragraph(t("lock.working"));
        return;
    }
    FieldOptions o;
    o.secret = true;
    o.help = trf(settings_.lang, "protect.passphrase.help", {std::to_string(kMinPassphraseChars)});
    o.error = storage_.lock.error;
    if (storage_.lock.error.empty() && storage_.lock.tried && !passphrase_long_enough(storage_.lock.passphrase))
        o.error = trf(settings_.lang, "protect.too_short", {std::to_string(kMinPassphraseChars)});
    text_field(t("passphrase.label"), "lock-passphrase", &storage_.lock.passphrase, o);
    if (std::exchange(storage_.lock.focus, false)) focus_last_control();
    FieldOptions again;
    again.secret = true;
    if (storage_.lock.tried && storage_.lock.repeat != storage_.lock.passphrase) again.error = t("protect.mismatch");
    text_field(t("protect.repeat"), "lock-repeat", &storage_.lock.repeat, again);
    if (button(t("lock.confirm"), "lock-confirm", ButtonStyle::Primary)) {
        storage_.lock.tried = true;
        storage_.lock.error.clear();
        if (!passphrase_long_enough(storage_.lock.passphrase) || storage_.lock.repeat != storage_.lock.passphrase) {
            a11y_.announce(passphrase_long_enough(storage_.lock.passphrase)
                               ? t("protect.mismatch")
                               : trf(settings_.lang, "protect.too_short", {std::to_string(kMinPassphraseChars)}));
        } else {
            storage_.lock.busy = true;
            a11y_.announce(t("lock.working"));
            host_.lock_draft(storage_.lock.passphrase);
        }
    }
    same_line();
    if (button(t("unlock.cancel"), "lock-cancel")) storage_.lock = DraftLock{};
}

void App::draft_lock_changed(bool locked, const std::string& error_key) {
    host_.request_frames(1);
    const bool was_on = storage_.lock.on;
    storage_.lock = DraftLock{};
    if (!error_key.empty()) {
        storage_.lock.form = true;
        storage_.lock.focus = true;
        storage_.lock.error = t(error_key.c_str());
        a11y_.announce(storage_.lock.error);
        return;
    }
    storage_.lock.on = locked;
    storage_.lock.focus = true;             // on "Ta bort låset", or on "Lås utkastet med lösenord" again
    if (locked) storage_.versions.reset();  // they were removed with the lock
    status_ = locked ? t("lock.done") : (was_on ? t("lock.removed") : std::string());
    if (!status_.empty()) a11y_.announce(status_);
}

}  // namespace sipprep::ui
