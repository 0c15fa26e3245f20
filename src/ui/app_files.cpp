// A file arriving: in the professional's view it is read, never kept; otherwise it becomes the
// draft (or the earlier plan of a follow-up) — and when that would replace what someone has
// written, the app asks first, whatever way the file came (picker, drop).
#include "app.hpp"
#include "core/age/age.hpp"
#include "core/bundle.hpp"
#include "core/follow_up.hpp"
#include "imgui.h"

namespace sipprep::ui {

void App::file_opened(const std::string& name, const std::string& bytes, FileOrigin origin) {
    host_.request_frames(1);
    if (elsewhere_) {
        // This tab does not edit: a file taken here would be lost on "Fortsätt här".
        elsewhere_note_ = trf(lang_, "elsewhere.file_not_opened", {name});
        a11y_.announce(elsewhere_note_);
        return;
    }
    // Only a file from the picker the earlier-plan button opened is the earlier plan.
    FileArrival arrival{name, screen_ == Screen::Professional,
                        origin == FileOrigin::Picker ? picking_for_ : FileUse::Draft};
    picking_for_ = FileUse::Draft;
    if (age::looks_like_age(bytes)) {
        ask_passphrase(arrival, bytes);
        return;
    }
    receive_file(arrival, bytes);
}

void App::file_refused(const std::string& name, const std::string& reason_key) {
    host_.request_frames(1);
    open_message_ = trf(lang_, "open.failed", {name});
    open_details_.clear();
    open_errors_ = {reason_key == "open.too_large"
                        ? trf(lang_, "open.too_large", {std::to_string(kMaxFileBytes / 1024 / 1024)})
                        : t("open.memory")};
    a11y_.announce(open_message_ + " " + open_errors_.front());
}

void App::receive_file(const FileArrival& arrival, const std::string& bytes) {
    const std::string& name = arrival.name;
    ImportResult r = import_bundle(bytes, today_);
    if (arrival.professional) {
        // The professional reads files; they never become the draft on this computer.
        ProfessionalState::Opened opened;
        opened.name = name;
        opened.result = std::move(r);
        professional_.opened.push_back(std::move(opened));
        professional_.index = static_cast<int>(professional_.opened.size()) - 1;
        a11y_.announce(trf(lang_, "pro.opened", {name}));
        return;
    }
    open_errors_.clear();
    open_details_.clear();
    if (!r.readable) {
        // Words the person can act on; what exactly is wrong only on request (the professional's
        // view and the CLI show it at once).
        open_message_ = trf(lang_, "open.unreadable", {name});
        for (const Issue& i : r.issues) open_details_.push_back(describe(i, lang_));
        a11y_.announce(open_message_);
        return;
    }
    // A relative's views join the person's draft item by item; they never replace it. A stored
    // draft not yet opened ("Fortsätt", or its passphrase) is not shown beside them: on a shared
    // computer it may not be the dropper's.
    if (arrival.use == FileUse::Draft && r.preparation.kind == PreparationKind::Contribution &&
        prep_.kind != PreparationKind::Contribution) {
        if (screen_ == Screen::Resume || lock_.waiting) {
            open_message_ = trf(lang_, "contribution.open_draft_first", {name});
            a11y_.announce(open_message_);
            return;
        }
        contribution_arrived(name, std::move(r));
        return;
    }
    // A draft that is exactly what was last saved to a file loses nothing: no question (it is
    // kept among the earlier versions all the same).
    const bool replaces =
        arrival.use == FileUse::Earlier ? earlier_.has_value() : draft_has_content() && !saved_as_file();
    if (replaces) {
        pending_file_ = PendingFile{name, std::move(r), arrival.use};
        a11y_.announce(t("open.replace.title"));
        return;
    }
    take_file(name, std::move(r), arrival.use);
}

void App::take_file(const std::string& name, ImportResult r, FileUse use) {
    std::vector<std::string> errors;
    for (const Issue& i : r.issues)
        if (i.severity == Severity::Error) errors.push_back(describe(i, lang_));
    if (use == FileUse::Earlier) {
        earlier_ = std::move(r.preparation);
        ++revision_;
        if (prep_.kind == PreparationKind::FollowUp && carry_agreed_efforts(prep_, *earlier_)) changed();
        open_message_ = trf(lang_, "open.earlier_done", {name});
    } else if (use == FileUse::FollowUpFrom) {
        // The follow-up starts from the earlier plan; the draft it replaces is kept as a version.
        if (draft_has_content()) host_.keep_version("open");
        discard_locked_draft();
        prep_ = start_follow_up(r.preparation, r.meta.updated);
        earlier_ = std::move(r.preparation);
        ++revision_;
        created_.clear();
        follow_language(r.meta.language);
        author_ = kPersonId;
        step_states_ = StepStates{};
        go_to(Screen::Steps, StepId::AboutYou);
        open_message_ = trf(lang_, "followup.opened", {name});
    } else {
        if (draft_has_content()) host_.keep_version("open");
        discard_locked_draft();
        prep_ = std::move(r.preparation);
        created_ = r.meta.created;
        follow_language(r.meta.language);
        author_ = kPersonId;
        step_states_ = StepStates{};
        go_to(Screen::Steps, StepId::AboutYou);
        open_message_ = trf(lang_, "open.done", {name});
    }
    // Still read: the person can mend what is wrong. The problems are listed, not hidden.
    open_errors_ = std::move(errors);
    changed();
    a11y_.announce(open_message_);
}

void App::replace_file_confirm() {
    if (!pending_file_) return;
    const std::string& name = pending_file_->name;
    Group group(Role::Alert, "replace-file", t("open.replace.title"));
    error_text(t("open.replace.title"));
    if (pending_file_->use == FileUse::Earlier) {
        paragraph(trf(lang_, "open.earlier_replace.text", {name}));
    } else {
        paragraph(trf(lang_, "open.replace.text", {name}));
        if (button(t("storage.save_file_now"), "replace-file-export", ButtonStyle::Primary)) export_file();
        same_line();
    }
    const std::string yes = pending_file_->use == FileUse::Earlier ? trf(lang_, "open.earlier_replace.yes", {name})
                                                                   : trf(lang_, "open.replace.yes", {name});
    if (button(yes, "replace-file-yes", ButtonStyle::Danger)) {
        PendingFile f = std::move(*pending_file_);
        pending_file_.reset();
        take_file(f.name, std::move(f.result), f.use);
        return;
    }
    same_line();
    if (button(t("erase.no"), "replace-file-no")) pending_file_.reset();
    ImGui::Separator();
}

}  // namespace sipprep::ui
