// Files protected with a passphrase (age v1): asking for the passphrase when one is opened, and
// saving one from the summary. The crypto runs in the host (a separately loaded module in the
// browser), so both answers arrive later as HostEvents.
#include <utility>

#include "app.hpp"
#include "core/age/age.hpp"
#include "imgui.h"

namespace sipprep::ui {
namespace {

// Answers after which typing the passphrase again can help; any other leaves nothing to retry.
bool retry_helps(const std::string& error_key) {
    return error_key == "age.wrong_passphrase" || error_key == "passphrase.unavailable";
}

}  // namespace

void App::ask_passphrase(const FileArrival& arrival, const std::string& bytes) {
    if (bytes.compare(0, age::kArmorBegin.size(), age::kArmorBegin) == 0) {
        open_message_ = trf(lang_, "open.failed", {arrival.name});
        open_errors_ = {t("age.armored")};
        a11y_.announce(open_message_);
        return;
    }
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
    FieldOptions o;
    o.secret = true;
    o.error = f.error;
    text_field(t("passphrase.label"), "unlock-passphrase", &f.passphrase, o);
    if (std::exchange(f.focus, false)) focus_last_control();
    if (button(t("unlock.open"), "unlock-open", ButtonStyle::Primary)) {
        if (f.passphrase.empty()) {
            f.error = t("unlock.empty");
            f.focus = true;
            a11y_.announce(f.error);
        } else {
            f.busy = true;
            f.error.clear();
            a11y_.announce(t("unlock.working"));
            host_.unlock_file(f.bytes, f.passphrase);
        }
    }
    ImGui::SameLine();
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
        status_ = passphrase_long_enough(s.passphrase) ? t("protect.mismatch") : t("protect.too_short");
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
    changed();  // `created` is part of the draft
}

void App::file_protected(const std::string& filename, const std::string& error_key) {
    host_.request_frames(1);
    protecting_ = false;
    StepStates::Summary& s = step_states_.summary;
    if (error_key.empty()) {
        status_ = trf(lang_, "protect.done", {filename});
        // Not kept for longer than it is needed, on a computer others may use.
        s.passphrase.clear();
        s.repeat.clear();
        s.tried = false;
    } else {
        status_ = t(error_key.c_str());
    }
    a11y_.announce(status_);
}

}  // namespace sipprep::ui
