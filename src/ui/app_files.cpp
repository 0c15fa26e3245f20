// A file arriving: in the professional's view it is read, never kept; otherwise it becomes the
// draft (or the earlier plan of a follow-up) — and when that would replace what someone has
// written, the app asks first, whatever way the file came (picker, drop).
#include <algorithm>
#include <utility>

#include "app.hpp"
#include "core/age/age.hpp"
#include "core/bundle.hpp"
#include "core/follow_up.hpp"
#include "imgui.h"

namespace sipprep::ui {

void App::file_opened(const std::string& name, const std::string& bytes, FileOrigin origin) {
    host_.request_frames(1);
    if (storage_.elsewhere) {
        // This tab does not edit: a file taken here would be lost on "Fortsätt här".
        storage_.elsewhere_note = trf(settings_.lang, "elsewhere.file_not_opened", {name});
        a11y_.announce(storage_.elsewhere_note);
        return;
    }
    // What reading a file says is among the texts fetched after the first frame (tools/
    // embed_catalogs.py: AFTER_A_FILE): a file that comes before them waits for them, and one that
    // comes after they could not be fetched asks for them once more before it is read.
    if (!has_text(Lang::Sv, "msg.bundle.not_object") && !files_.reading_held) {
        files_.held.push_back(FileFlow::Held{name, bytes, origin});
        files_.message = trf(settings_.lang, "open.waiting", {name});  // not a silent drop
        a11y_.announce(files_.message);
        if (settings_.later_texts != Settings::LaterTexts::Fetching) {
            settings_.later_texts = Settings::LaterTexts::Fetching;
            host_.load_language(std::string(lang_code(Lang::Sv)));
        }
        return;
    }
    // The picker's answer is for what its button asked, wherever the person is now; a dropped
    // file for what the screen it was dropped on takes.
    FileArrival arrival{name, screen_info(screen_).dropped};
    if (origin == FileOrigin::Picker && files_.picking) arrival.purpose = *std::exchange(files_.picking, std::nullopt);
    // A file asked for in the professional's view is read there: the person is taken back to it.
    if (arrival.purpose == FilePurpose::Read && screen_info(screen_).dropped != FilePurpose::Read)
        go_to(Screen::Professional);
    if (age::looks_like_age(bytes)) {
        ask_passphrase(arrival, bytes);
        return;
    }
    receive_file(arrival, bytes);
}

// Files that came before the texts that say what reading them found: read now, in order, once
// the texts are here.
void App::read_held_files() {
    std::vector<FileFlow::Held> held = std::exchange(files_.held, {});
    if (!held.empty()) files_.message.clear();  // "Öppnar …": what reading them found replaces it
    files_.reading_held = true;
    for (FileFlow::Held& f : held) file_opened(f.name, f.bytes, f.origin);
    files_.reading_held = false;
}

// The texts could not be fetched (offline before the app was kept for offline use): read without
// them, the file would be said in the catalog's keys. It waits, and the person is told, with a way
// to try again (banners()).
void App::held_files_wait() {
    if (files_.held.empty()) return;
    files_.message = trf(settings_.lang, "open.texts_failed", {files_.held.front().name});
    a11y_.announce(files_.message);
    host_.request_frames(1);
}

void App::held_files_retry() {
    files_.message = trf(settings_.lang, "open.waiting", {files_.held.front().name});
    a11y_.announce(files_.message);
    settings_.later_texts = Settings::LaterTexts::Fetching;
    host_.load_language(std::string(lang_code(Lang::Sv)));
}

int App::files_dropped(int count) {
    if (count < 2 || screen_info(screen_).dropped == FilePurpose::Read) return count;
    // A draft, a contribution or an earlier plan is one file: the first is taken, and the note
    // says the others were not (they were left without a word).
    files_.dropped_note = trf(settings_.lang, "open.one_at_a_time", {std::to_string(count - 1)});
    a11y_.announce(files_.dropped_note);
    host_.request_frames(1);
    return 1;
}

void App::pick_file(FilePurpose purpose) {
    files_.picking = purpose;
    host_.pick_file();
}

void App::file_refused(const std::string& name, const std::string& reason_key) {
    host_.request_frames(1);
    files_.message = trf(settings_.lang, "open.failed", {name});
    files_.details.clear();
    files_.errors = {reason_key == "open.too_large"
                         ? trf(settings_.lang, "open.too_large", {std::to_string(kMaxFileBytes / 1024 / 1024)})
                         : t("open.memory")};
    a11y_.announce(files_.message + " " + files_.errors.front());
}

void App::receive_file(const FileArrival& arrival, const std::string& bytes) {
    const std::string& name = arrival.name;
    ImportResult r = import_bundle(bytes, today_);
    if (arrival.purpose == FilePurpose::Read) {
        // The professional reads files; they never become the draft on this computer. Two with
        // one name (sent twice, or two families' "sip-2026-11-21.json") are told apart by a
        // number, as a download folder does: "… (2).json".
        const auto taken = [&](const std::string& n) {
            return std::any_of(professional_.opened.begin(), professional_.opened.end(),
                               [&](const ProfessionalState::Opened& o) { return o.name == n; });
        };
        std::string shown_name = name;
        const std::size_t dot = name.rfind('.');
        const std::string stem = dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
        const std::string ext = stem.size() == name.size() ? "" : name.substr(stem.size());
        for (int n = 2; taken(shown_name); ++n) shown_name = stem + " (" + std::to_string(n) + ")" + ext;
        // Said with what the file is: "opened" alone, for a file that could not be read or was
        // changed after it was saved, left a screen reader's user thinking all was well.
        std::string said = trf(settings_.lang, "pro.opened", {shown_name});
        if (!r.readable) {
            said += " " + t("pro.unreadable");
            if (!r.issues.empty()) said += " " + describe(r.issues.front(), settings_.lang, Reader::Professional);
        } else {
            if (r.integrity == Integrity::Changed) said += " " + t("pro.integrity.changed");
            if (!r.valid()) said += " " + t("pro.invalid");
        }
        ProfessionalState::Opened opened;
        opened.name = shown_name;
        opened.result = std::move(r);
        professional_.opened.push_back(std::move(opened));
        professional_.index = static_cast<int>(professional_.opened.size()) - 1;
        a11y_.announce(said);
        return;
    }
    files_.errors.clear();
    files_.details.clear();
    if (!r.readable) {
        // Words the person can act on; what exactly is wrong only on request (the professional's
        // view and the CLI show it at once).
        files_.message = trf(settings_.lang, "open.unreadable", {name});
        for (const Issue& i : r.issues) files_.details.push_back(describe(i, settings_.lang));
        a11y_.announce(files_.message);
        return;
    }
    // A relative's views join the person's draft item by item; they never replace it. A stored
    // draft not yet opened ("Fortsätt", or its passphrase) is not shown beside them: on a shared
    // computer it may not be the dropper's.
    if (arrival.purpose == FilePurpose::Draft && r.preparation.kind == PreparationKind::Contribution &&
        draft_.prep.kind != PreparationKind::Contribution) {
        if (screen_ == Screen::Resume || storage_.lock.waiting) {
            files_.message = trf(settings_.lang, "contribution.open_draft_first", {name});
            a11y_.announce(files_.message);
            return;
        }
        contribution_arrived(name, std::move(r));
        return;
    }
    // A relative's views are not a plan: taken as the earlier one, their words went unseen and a
    // consent in them became the person's own wish to look at again.
    if ((arrival.purpose == FilePurpose::Earlier || arrival.purpose == FilePurpose::FollowUpFrom) &&
        r.preparation.kind == PreparationKind::Contribution) {
        files_.message = trf(settings_.lang, "open.not_a_plan", {name, t("start.open")});
        a11y_.announce(files_.message);
        return;
    }
    // A draft that is exactly what was last saved to a file loses nothing: no question (it is
    // kept among the earlier versions all the same).
    const bool replaces =
        arrival.purpose == FilePurpose::Earlier ? draft_.earlier.has_value() : draft_has_content() && !saved_as_file();
    if (replaces) {
        files_.pending = FileFlow::Pending{name, std::move(r), arrival.purpose};
        a11y_.announce(t("open.replace.title"));
        return;
    }
    take_file(name, std::move(r), arrival.purpose);
}

void App::take_file(const std::string& name, ImportResult r, FilePurpose purpose) {
    std::vector<std::string> errors;
    for (const Issue& i : r.issues)
        if (i.severity == Severity::Error) errors.push_back(describe(i, settings_.lang));
    // Words in parts a newer app wrote: this one cannot keep them, and says which before anything
    // is saved over them.
    std::vector<std::string> unknown;
    for (const Issue& i : r.issues)
        if (i.code == "bundle.unknown_words") unknown.push_back(describe(i, settings_.lang));
    if (!unknown.empty()) {
        errors.push_back(t("open.unknown_words"));
        errors.insert(errors.end(), unknown.begin(), unknown.end());
    }
    if (purpose == FilePurpose::Earlier) {
        draft_.earlier = std::move(r.preparation);
        ++revision_;
        if (draft_.prep.kind == PreparationKind::FollowUp && carry_agreed_efforts(draft_.prep, *draft_.earlier))
            changed();
        files_.message = trf(settings_.lang, "open.earlier_done", {name});
    } else if (purpose == FilePurpose::FollowUpFrom) {
        // The follow-up starts from the earlier plan; the draft it replaces is kept as a version.
        if (draft_has_content()) host_.keep_version("open");
        discard_locked_draft();
        DraftSession follow_up;
        follow_up.prep = start_follow_up(r.preparation, r.meta.updated);
        follow_up.earlier = std::move(r.preparation);
        begin_draft(std::move(follow_up));
        follow_language(r.meta.language);
        go_to(Screen::Steps, StepId::AboutYou);
        files_.message = trf(settings_.lang, "followup.opened", {name});
        ask_who_writes(true);
    } else {
        if (draft_has_content()) host_.keep_version("open");
        discard_locked_draft();
        DraftSession opened;
        opened.prep = std::move(r.preparation);
        opened.created = r.meta.created;
        begin_draft(std::move(opened));
        follow_language(r.meta.language);
        go_to(Screen::Steps, StepId::AboutYou);
        files_.message = trf(settings_.lang, "open.done", {name});
        ask_who_writes(true);
    }
    // Still read: the person can mend what is wrong. The problems are listed, not hidden.
    files_.errors = std::move(errors);
    changed();
    a11y_.announce(files_.message);
}

void App::replace_file_confirm() {
    if (!files_.pending) return;
    const std::string& name = files_.pending->name;
    Group group(Role::Alert, "replace-file", t("open.replace.title"));
    error_text(t("open.replace.title"));
    if (files_.pending->purpose == FilePurpose::Earlier) {
        paragraph(trf(settings_.lang, "open.earlier_replace.text", {name}));
    } else {
        paragraph(trf(settings_.lang, "open.replace.text", {name}));
        if (button(t("storage.save_file_now"), "replace-file-export", ButtonStyle::Primary)) export_file();
        same_line();
    }
    const std::string yes = files_.pending->purpose == FilePurpose::Earlier
                                ? trf(settings_.lang, "open.earlier_replace.yes", {name})
                                : trf(settings_.lang, "open.replace.yes", {name});
    if (button(yes, "replace-file-yes", ButtonStyle::Danger)) {
        FileFlow::Pending f = std::move(*files_.pending);
        files_.pending.reset();
        take_file(f.name, std::move(f.result), f.purpose);
        return;
    }
    same_line();
    if (button(t("erase.no"), "replace-file-no")) files_.pending.reset();
    ImGui::Separator();
}

}  // namespace sipprep::ui
