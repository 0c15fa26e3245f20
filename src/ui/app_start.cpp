// The start screen, "Om SIP" and the evaluation after the meeting.
#include "app.hpp"
#include "core/clock.hpp"
#include "core/follow_up.hpp"
#include "core/model_json.hpp"
#include "imgui.h"

namespace sipprep::ui {

void App::start_screen() {
    heading(t("start.title"), 2);
    // What just happened to the stored draft ("raderades efter 7 dagar …") first, not below the
    // settings where a person with large text never scrolls.
    if (!status_.empty()) {
        Group group(Role::Status, "start-status", std::string());
        paragraph(status_);
    }
    paragraph(t("start.intro"));

    int mode = static_cast<int>(mode_);
    if (radio_group(t("start.who"), "who-fills-in",
                    {t("start.who.myself"), t("start.who.with_relative"), t("start.who.guardian"),
                     t("start.who.representative")},
                    &mode)) {
        mode_ = static_cast<FillMode>(mode);
        changed();
    }
    ImGui::Spacing();

    if (storage_.has_draft || storage_.lock.waiting) {
        if (button(t("start.continue"), "start-continue", ButtonStyle::Primary, t("start.continue.help")))
            go_to(storage_.lock.waiting ? Screen::Resume : Screen::Steps);
        ImGui::Spacing();
    }
    if (confirm_replace_ != Pending::None) {
        // Nothing the person typed goes away without them saying so.
        Group group(Role::Alert, "replace-confirm", t("start.replace.title"));
        if (storage_.lock.waiting) {
            paragraph(t("lock.replace"));  // locked, unopened: nothing to save a file of
        } else {
            paragraph(t("start.replace.text"));
            if (button(t("export.button"), "replace-export", ButtonStyle::Primary)) export_file();
            same_line();
        }
        if (button(t("start.replace.yes"), "replace-yes", ButtonStyle::Danger)) {
            const Pending action = confirm_replace_;
            confirm_replace_ = Pending::None;
            start_action(action);
        }
        same_line();
        if (button(t("erase.no"), "replace-no")) confirm_replace_ = Pending::None;
        return;
    }
    auto ask = [&](Pending action) {
        if (draft_has_content())
            confirm_replace_ = action;
        else
            start_action(action);
    };
    if (button(t("start.new"), "start-new", storage_.has_draft ? ButtonStyle::Normal : ButtonStyle::Primary,
               storage_.has_draft ? t("start.new.replaces") : std::string()))
        ask(Pending::New);
    if (button(t("start.follow_up"), "start-follow-up", ButtonStyle::Normal, t("start.follow_up.help"))) {
        follow_up_choice_ = true;
        // Asked once, not every frame the choice is open (it serialises the whole draft).
        follow_up_from_stored_ = !storage_.lock.waiting && draft_has_content();
        focus_control("follow-up-file");
    }
    if (follow_up_choice_ && follow_up_choice()) ask(Pending::FollowUp);
    if (button(t("start.discharge"), "start-discharge", ButtonStyle::Normal, t("start.discharge.help")))
        ask(Pending::Discharge);
    // Asked when the file has come, if at all: a relative's views join the draft, and a draft
    // just saved to a file loses nothing.
    if (button(t("start.open"), "start-open", ButtonStyle::Normal, t("start.open.help"))) pick_file(FilePurpose::Draft);
    if (button(t("start.contribute"), "start-contribute", ButtonStyle::Normal, t("start.contribute.help")))
        ask(Pending::Contribution);
    drawn_text(t("start.drop"));  // for a mouse; the keyboard has "Öppna fil"
    ImGui::Spacing();
    if (button(t("start.about"), "start-about", ButtonStyle::Quiet)) go_to(Screen::About);
    if (button(t("start.evaluation"), "start-evaluation", ButtonStyle::Quiet)) go_to(Screen::Evaluation);
    ImGui::Spacing();
    if (button(t("start.professional"), "start-professional", ButtonStyle::Normal, t("start.professional.help")))
        go_to(Screen::Professional);
    ImGui::Spacing();
    muted(t("start.privacy"));
}

// Anything written: a new preparation of the same kind has nothing to lose. A locked draft not
// yet opened counts as written: it goes only when the person says so.
bool App::draft_has_content() const {
    if (storage_.lock.waiting) return true;
    Preparation empty = make_new_preparation();
    empty.kind = draft_.prep.kind;
    empty.written_language = draft_.prep.written_language;  // choosing a language writes nothing
    return to_json(draft_.prep) != to_json(empty);
}

// "Följ upp en tidigare SIP": from the earlier file (carried over), from the preparation on this
// computer, or blank. True when the person chose to start blank.
bool App::follow_up_choice() {
    Group group(Role::Group, "follow-up-choice", t("followup.choice.title"));
    heading(t("followup.choice.title"), 3);
    paragraph(t("followup.choice.text"));
    if (button(t("followup.choice.file"), "follow-up-file", ButtonStyle::Primary)) {
        follow_up_choice_ = false;
        pick_file(FilePurpose::FollowUpFrom);
    }
    if (follow_up_from_stored_ &&
        button(t("followup.choice.stored"), "follow-up-stored", ButtonStyle::Normal,
               storage_.updated.empty()
                   ? std::string()
                   : trf(settings_.lang, "resume.when", {local_datetime_text(storage_.updated, settings_.lang)}))) {
        follow_up_choice_ = false;
        host_.keep_version("new");
        const std::string saved = storage_.updated;
        Preparation earlier = std::move(draft_.prep);
        reset(PreparationKind::FollowUp);
        draft_.prep = start_follow_up(earlier, saved);
        draft_.earlier = std::move(earlier);
        ++revision_;
        go_to(Screen::Steps, StepId::AboutYou);
        files_.message = t("followup.from_stored");
        a11y_.announce(files_.message);
    }
    bool blank = false;
    if (button(t("followup.choice.blank"), "follow-up-blank")) {
        follow_up_choice_ = false;
        blank = true;
    }
    if (button(t("erase.no"), "follow-up-cancel", ButtonStyle::Quiet)) {
        follow_up_choice_ = false;
        focus_control("start-follow-up");
    }
    return blank;
}

void App::start_action(Pending action) {
    if (action != Pending::None) discard_locked_draft();
    // The stored draft is replaced by the new, empty one (kept as a version first): a new one
    // with nothing in it is not stored by moving to its first step (go_to), and the old one would
    // be offered again at the next start.
    const bool replaces = storage_.has_draft;
    switch (action) {
        case Pending::New:
            if (draft_has_content()) host_.keep_version("new");
            reset(PreparationKind::NewPlan);
            go_to(Screen::Steps, StepId::AboutYou);
            break;
        case Pending::FollowUp:
            if (draft_has_content()) host_.keep_version("new");
            reset(PreparationKind::FollowUp);
            go_to(Screen::Steps, StepId::AboutYou);
            break;
        case Pending::Discharge:
            if (draft_has_content()) host_.keep_version("new");
            reset(PreparationKind::Discharge);
            go_to(Screen::Steps, StepId::AboutYou);
            break;
        case Pending::Contribution:
            if (draft_has_content()) host_.keep_version("new");
            reset(PreparationKind::Contribution);
            go_to(Screen::Steps, StepId::Contribution);
            break;
        case Pending::None:
            return;
    }
    if (replaces) changed();
}

void App::resume_screen() {
    heading(t("resume.title"), 2);
    const std::string& when = storage_.lock.waiting ? storage_.lock.saved_at : storage_.updated;
    if (!when.empty()) paragraph(trf(settings_.lang, "resume.when", {local_datetime_text(when, settings_.lang)}));
    muted(trf(settings_.lang, "resume.privacy", {t("resume.new"), t("resume.erase")}));  // the buttons' own words
    if (confirm_erase_) {
        erase_confirm();
        return;
    }
    if (storage_.lock.waiting) {
        unlock_draft_prompt();
    } else {
        if (button(t("resume.continue"), "resume-continue", ButtonStyle::Primary)) continue_draft();
        same_line();
    }
    if (button(t("resume.new"), "resume-new")) {
        go_to(Screen::Start);
        confirm_replace_ = Pending::New;
        // The question, in view, on its safe answer: at large text it is below the screen.
        focus_control("replace-no");
    }
    same_line();
    if (button(t("resume.erase"), "resume-erase", ButtonStyle::Danger)) {
        confirm_erase_ = true;
        focus_control("erase-no");
    }
}

// Whether the Swedish texts the web app fetches once it is on screen (tools/embed_catalogs.py) are
// here, `probe` one of them; if not, asks for them once and says they are coming, or that they
// could not come, with a way to try again.
bool App::later_texts_arrived(const char* probe) const {
    return has_text(settings_.lang, probe) || has_text(Lang::Sv, probe);
}

bool App::later_texts_here(const char* probe) {
    if (later_texts_arrived(probe)) return true;
    settings_.later_texts_waited = true;
    if (settings_.later_texts == Settings::LaterTexts::Here) {
        settings_.later_texts = Settings::LaterTexts::Fetching;
        host_.load_language(std::string(lang_code(Lang::Sv)));
    }
    const bool failed = settings_.later_texts == Settings::LaterTexts::Failed;
    Group group(failed ? Role::Alert : Role::Status, "later-texts", std::string());
    if (!failed) {
        muted(t("texts.loading"));
        return false;
    }
    error_text(t("texts.failed"));
    if (button(t("texts.again"), "texts-again")) settings_.later_texts = Settings::LaterTexts::Here;
    return false;
}

void App::about_screen() {
    heading(t("about.title"), 2);
    static const char* const kSections[] = {"what",       "yours",   "rights",   "asking",  "invitation",
                                            "premeeting", "meeting", "prepare",  "consent", "secrecy",
                                            "discharge",  "child",   "followup", "not_sip", "help"};
    const bool texts = later_texts_here("about.what.text");
    for (const char* section : kSections) {
        const std::string& title = tr(settings_.lang, std::string("about.") + section + ".title");
        if (about_section_ == section && texts) {
            focus_heading(title);  // opened from a step at this section
            about_section_.clear();
        }
        heading(title, 3);
        if (texts) paragraph(tr(settings_.lang, std::string("about.") + section + ".text"));
    }
    ImGui::Spacing();
    if (about_back_ != Screen::Start) {
        if (button(t("about.back"), "about-back", ButtonStyle::Primary)) {
            go_to(about_back_);
            about_back_ = Screen::Start;
        }
    } else if (button(t("nav.start"), "about-back", ButtonStyle::Primary)) {
        go_to(Screen::Start);
    }
}

void App::evaluation_screen() {
    heading(t("eval.title"), 2);
    // Its help texts and examples come with the later texts (tools/embed_catalogs.py).
    if (!later_texts_here("agreed.intro")) {
        if (button(t("nav.start"), "eval-back")) go_to(Screen::Start);
        return;
    }
    StepContext c = step_context();
    draw_after_meeting(c);
    if (const auto& l = c.requests.list_change; l.apply) l.apply(c, l.index, l.name);
    if (c.changed) {
        changed();
        if (!typed_this_frame()) checks_.announce_new = true;
        if (typed_this_frame()) written_in_app_language();
    }
    ImGui::Spacing();
    // Saved as from the summary: errors are named and the person chooses first.
    save_file_button(c, "eval-export");
    same_line();
    if (button(t("nav.start"), "eval-back")) go_to(Screen::Start);
    save_file_questions(c, "eval-export");
    if (!status_.empty()) paragraph(status_);
    if (c.requests.export_file) save_requested_file();
    if (c.requests.save_calendar) save_calendar();
    if (c.requests.go_to_step) go_to(Screen::Steps, *c.requests.go_to_step);
    if (!c.requests.about_section.empty()) open_about(c.requests.about_section);
}

}  // namespace sipprep::ui
