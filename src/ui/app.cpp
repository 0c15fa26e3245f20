#include "app.hpp"

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "base/json_parse.hpp"
#include "base/sha256.hpp"
#include "base/utf8.hpp"
#include "core/clock.hpp"
#include "core/consent_form.hpp"
#include "core/labels.hpp"
#include "core/model_json.hpp"
#include "core/validation.hpp"
#include "core/written_language.hpp"
#include "imgui.h"
#include "ui/bidi.hpp"
#include "ui/draft.hpp"
#include "ui/theme.hpp"

namespace sipprep::ui {

App::App(Host& host) : host_(host) {}

bool App::child() const { return is_child(draft_.prep, today_) || mode_ == FillMode::GuardianOfChild; }

void App::changed() {
    ++revision_;
    checks_.stale = true;
    storage_.has_draft = true;
    host_.draft_changed();
}

void App::open_about(const std::string& section) {
    about_back_ = screen_;
    go_to(Screen::About);
    about_section_ = section;
}

void App::go_to(Screen screen, std::optional<StepId> step) {
    if (screen != screen_ || (step && *step != step_)) {
        // On to another step (the summary too, where the file is saved); a look at "Om SIP" or
        // the start page comes back to the step with the text still in its field.
        if (screen_ == Screen::Steps && screen == Screen::Steps && step && *step != step_) add_what_was_typed(step_);
        scroll_to_top_ = true;
        if (speech_.speaking) {  // what was being read is no longer on the screen
            host_.stop_speaking();
            speech_.speaking = false;
        }
        focus_next_heading();  // keyboard and screen reader start at the new screen's heading
        notes_.clear();        // a step's notes belong to that step
        // A passphrase prompt belongs to where the file was opened: the professional's view reads
        // files, the person's screens take them as the draft.
        if (files_.locked &&
            (files_.locked->arrival.purpose == FilePurpose::Read) != (screen_info(screen).dropped == FilePurpose::Read))
            files_.locked.reset();
        if (screen != screen_) {
            // What happened on the last screen ("Filen … är sparad", "… är öppnad") does not
            // follow the person to the next one.
            status_.clear();
            files_.message.clear();
            files_.errors.clear();
            files_.details.clear();
        }
        screen_ = screen;
        if (step) step_ = *step;
        // Where the person is belongs to the draft, once there is one: a look around (the
        // professional's view, "Om SIP", an empty new preparation) leaves nothing stored, or the
        // next start would say "Det finns en påbörjad förberedelse" about nothing.
        if (draft_has_content()) changed();
    }
}

// A new preparation, wholly: nothing of the one before stays with it.
void App::begin_draft(DraftSession session) {
    draft_ = std::move(session);
    ++revision_;
    checks_.stale = true;
}

void App::reset(PreparationKind kind) {
    DraftSession fresh;
    if (kind == PreparationKind::Contribution) {
        // The relative writes under an id of their own; their name, typed next, is how the
        // person's draft recognises them.
        fresh.prep = start_contribution("rel-" + sha256_hex(now_utc_iso() + std::to_string(revision_)).substr(0, 8));
        fresh.author = fresh.prep.contributors.back().id;
    } else {
        fresh.prep.kind = kind;
        fresh.prep.owner.child = mode_ == FillMode::GuardianOfChild;  // the rules treat it as a child's plan at once
        // The one who said "Jag är vårdnadshavare" (or "företrädare") is the first of them and
        // writes: what they type is theirs, not the child's or the person's, until they choose
        // the person as the one who writes.
        if (mode_ == FillMode::GuardianOfChild)
            fresh.author = add_representative(fresh.prep, RepresentativeKind::Guardian);
        else if (mode_ == FillMode::Representative)
            fresh.author = add_representative(fresh.prep, RepresentativeKind::Unanswered);
    }
    begin_draft(std::move(fresh));
    status_.clear();
    language_chosen();  // a new preparation is written in the language the app is used in
}

void App::language_chosen() {
    // Whoever writes now writes in the language chosen: the words carry its tag (Lätt svenska: sv).
    // Words already written stay in the language they were written in: the writer's tag changes
    // when they type in the new one (written_in_app_language), not when the app is switched to
    // read or to show someone else.
    if (has_words_by(draft_.prep, draft_.author)) return;
    written_in_app_language();
}

void App::written_in_app_language() {
    const std::string tag(lang_text_tag(settings_.lang));
    if (author_language(draft_.prep, draft_.author) == tag) return;
    set_written_language(draft_.prep, draft_.author, tag);
    changed();
}

// Before the first frame (web/load.js), in a task of its own: for a screen that shows the rules,
// or a stored draft that "Fortsätt" opens (that press would run them otherwise). A first visit's
// empty draft on the start screen does not wait for them (issue 30).
void App::check() {
    if (screen_info(screen_).shows_rules || storage_.has_draft) rules();
}

const RuleCheck& App::rules() {
    if (!checks_.stale) return checks_;
    std::vector<Issue> before = std::move(checks_.issues);
    checks_.issues = validate(draft_.prep, today_);
    checks_.stale = false;
    checks_.errors_per_step.clear();
    for (const Issue& i : checks_.issues)
        if (const auto step = step_for_path(i.path, draft_.prep); step && i.severity == Severity::Error)
            ++checks_.errors_per_step[*step];
    if (std::exchange(checks_.announce_new, false)) announce_new_issue(before);
    return checks_;
}

void App::frame(const Fonts& fonts) {
    set_current_a11y(&a11y_);
    // A problem a choice brought is read out beside the step that shows it, not on another screen.
    if (!screen_info(screen_).shows_rules) checks_.announce_new = false;
    a11y_.begin_frame();
    set_text_direction(lang_is_rtl(settings_.lang) ? TextDirection::Rtl : TextDirection::Ltr);
    set_widget_fonts(fonts);
    begin_widget_frame();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::Begin("##main", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_AlwaysVerticalScrollbar);
    if (const int toward = std::exchange(scroll_keys_, 0)) {
        const float page = ImGui::GetWindowHeight() * 0.85f, line = ImGui::GetTextLineHeightWithSpacing() * 2.0f;
        const float by = toward == 1 ? page : toward == -1 ? -page : toward == 3 ? line : toward == -3 ? -line : 0.0f;
        ImGui::SetScrollY(toward == 2    ? ImGui::GetScrollMaxY()
                          : toward == -2 ? 0.0f
                                         : std::clamp(ImGui::GetScrollY() + by, 0.0f, ImGui::GetScrollMaxY()));
    }
    if (scroll_to_top_) {
        ImGui::SetScrollY(0);
        scroll_to_top_ = false;
    }
    // A readable line length on wide screens, the whole width on phones.
    const float max_width = 760.0f * settings_.text_scale;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float column = std::min(avail, max_width);
    if (avail > column) ImGui::Indent((avail - column) * 0.5f);
    set_column_right(ImGui::GetCursorPosX() + column);

    top_bar();
    memory_banner();  // also over "open in another tab": a take-over may be what could not arrive
    if (storage_.elsewhere) {
        elsewhere_screen();
    } else {
        banners();
        (this->*screen_info(screen_).draw)();
        settings_panel();
    }
    ImGui::Dummy(ImVec2(1, ImGui::GetTextLineHeight() * 2));
    a11y_.set_scroll(ImGui::GetScrollY());
    ImGui::End();
    a11y_.end_frame();

    A11yUpdate update;
    update.patch = a11y_.take_patch();
    update.focus_key = a11y_.take_focus_request();
    update.selection = a11y_.take_selection_json();
    update.announcement = a11y_.take_announcement();
    const std::string lang(lang_text_tag(settings_.lang));
    if (lang != a11y_lang_) {
        update.lang = a11y_lang_ = lang;
        update.rtl = lang_is_rtl(settings_.lang);
    }
    if (!update.empty())
        host_.update_a11y(update.patch, update.focus_key, update.selection, update.announcement, update.lang,
                          update.rtl);
    remember_display();
}

StepContext App::step_context() {
    return StepContext{draft_.prep,    draft_.earlier ? &*draft_.earlier : nullptr,
                       rules().issues, draft_.author,
                       settings_.lang, today_,
                       child(),        mode_,
                       draft_.steps,   notes_,
                       status_,        revision_,
                       storage_.kept};
}

void App::steps_screen() {
    // A relative's contribution is written by the relative, whatever a stored place says.
    if (draft_.prep.kind == PreparationKind::Contribution && draft_.author == kPersonId)
        if (const Contributor* relative = contribution_author(draft_.prep)) draft_.author = relative->id;
    const std::vector<StepId> steps = steps_for(draft_.prep);
    if (std::find(steps.begin(), steps.end(), step_) == steps.end()) step_ = steps.front();
    const std::size_t index = static_cast<std::size_t>(std::find(steps.begin(), steps.end(), step_) - steps.begin());
    step_navigation(steps, index);

    StepContext c = step_context();
    read_aloud_button();
    {
        // Unnamed: the heading before it names the step ("Steg 2 av 9: …"), read once.
        Group group(Role::Group, "step", std::string());
        const StepInfo& info = step_info(step_);
        if (!info.later_texts || later_texts_here(info.later_texts)) info.draw(c);
    }
    if (const auto& l = c.requests.list_change; l.apply) l.apply(c, l.index, l.name);
    if (std::exchange(speech_.read_step, false)) {
        speech_.speaking = true;  // before: a browser that cannot speak says "ended" at once
        host_.speak(spoken_text(a11y_.open_children().back()), std::string(lang_text_tag(settings_.lang)),
                    settings_.speech_rate, settings_.network_voice_ok);
    }
    if (c.changed) {
        changed();
        // A choice or a button may bring a new problem ("Mehmet har inte samtyckt"): it is read
        // out. Typing is not interrupted: the field shows its message.
        if (!typed_this_frame()) checks_.announce_new = true;
        if (typed_this_frame()) written_in_app_language();
    }
    const StepRequests& r = c.requests;
    if (r.pick_earlier_plan) pick_file(FilePurpose::Earlier);
    if (r.export_file) save_requested_file();
    if (r.print_summary) print_summary(Audience::Meeting);
    if (r.print_convener) print_summary(Audience::Convener);
    if (r.print_consent_forms) {
        if (has_text(Lang::Sv, "form.title")) {
            host_.print_html(t("form.title"),
                             render_html(build_consent_forms(draft_.prep, settings_.lang, today_), settings_.lang));
        } else {  // its texts have not come (tools/embed_catalogs.py): nothing half-worded is printed
            if (settings_.later_texts != Settings::LaterTexts::Fetching) {
                settings_.later_texts = Settings::LaterTexts::Fetching;
                host_.load_language(std::string(lang_code(Lang::Sv)));
            }
            status_ = t("texts.wait");
            a11y_.announce(status_);
        }
    }
    if (r.go_to_step) go_to(Screen::Steps, *r.go_to_step);
    if (r.go_to_evaluation) go_to(Screen::Evaluation);
    if (!r.about_section.empty()) open_about(r.about_section);
    if (screen_ == Screen::Steps) step_footer(steps, index);
}

void App::announce_new_issue(const std::vector<Issue>& before) {
    std::unordered_set<std::string> seen;
    for (const Issue& i : before) seen.insert(i.code + '\n' + i.path);
    for (const Issue& i : checks_.issues) {
        // Not a field the choice has just shown ("Tolk": which language?): the person has had no
        // chance to fill it in, and it is the next thing on the step.
        if (only_not_filled_in(i) || seen.count(i.code + '\n' + i.path) || i.path.empty()) continue;
        const std::optional<StepId> where = step_for_path(i.path, draft_.prep);
        if (screen_ == Screen::Evaluation ? where.has_value() : where != step_) continue;
        a11y_.announce(describe(i, settings_.lang));
        reveal_text(format_text(tr(settings_.lang, "msg." + i.code), i.args));
        return;
    }
}

// Only one tab writes the draft; this one says so and offers to continue here.
void App::editing_elsewhere(bool elsewhere) {
    if (elsewhere && !storage_.elsewhere) {
        // The heading, not "Fortsätt här": a person who comes back and goes on typing would press
        // it with a space, and the rest of their words would land wherever the draft opens.
        storage_.focus_before_elsewhere = a11y_.focused();
        focus_heading(t("elsewhere.title"));
        a11y_.announce(t("elsewhere.title"));
    }
    if (!elsewhere && storage_.elsewhere && !storage_.focus_before_elsewhere.empty() && screen_ == Screen::Steps)
        a11y_.request_dom_focus(storage_.focus_before_elsewhere);  // back where they were typing
    storage_.elsewhere = elsewhere;
    if (!elsewhere) {
        storage_.elsewhere_note.clear();
        storage_.focus_before_elsewhere.clear();
    }
}

// Another evening, maybe another one at the keyboard: with several writers, who writes now is
// asked, not taken from whoever wrote last.
void App::continue_draft() {
    go_to(screen_to_continue(storage_.place.screen));
    if (screen_ == Screen::Steps) ask_who_writes(false);
}

void App::elsewhere_screen() {
    Group group(Role::Alert, "elsewhere", t("elsewhere.title"));
    heading(t("elsewhere.title"), 2);
    paragraph(t("elsewhere.text"));
    if (!storage_.elsewhere_note.empty()) paragraph(storage_.elsewhere_note);
    if (button(t("elsewhere.take_over"), "elsewhere-take-over", ButtonStyle::Primary)) host_.take_over_editing();
}

bool App::narrow() const { return column_avail() < 560.0f * settings_.text_scale; }

void App::top_bar() {
    heading(t("app.title"), 1);
    if (screen_ == Screen::Steps && !storage_.elsewhere) {
        // On a phone the writer, the progress and "Sparat" share one line (step_navigation).
        if (narrow()) return;
        contributor_selector();
        if (!storage_.saved_at.empty()) muted(saved_words());
    } else {
        paragraph(t("app.subtitle"));
    }
    ImGui::Separator();
}

// "Läs upp": only where the browser has a voice for the language (the accessibility statement
// says so). One control, so that focus stays on it when it turns into "Sluta läsa".
// A voice over the network gets the person's words about their health: used only after they
// have agreed, in our words, once (remembered with the draft's settings; undone in the settings).
void App::read_aloud_button() {
    if (voice() == SpeechVoice::None) return;
    if (button(speech_.speaking ? t("speech.stop") : t("speech.read"), "read-aloud", ButtonStyle::Quiet,
               speech_.speaking ? "" : t("speech.read.help"))) {
        if (speech_.speaking) {
            host_.stop_speaking();
            speech_.speaking = false;
        } else if (voice() == SpeechVoice::Network && !settings_.network_voice_ok) {
            speech_.asking_network = true;
            a11y_.announce(t("speech.network.question"));
        } else {
            speech_.read_step = true;
        }
    }
    if (speech_.asking_network) network_voice_question();
}

void App::network_voice_question() {
    Group group(Role::Alert, "network-voice", t("speech.network.question"));
    paragraph(t("speech.network.question"));
    paragraph(t("speech.network.text"));
    if (button(t("speech.network.yes"), "network-voice-yes", ButtonStyle::Primary)) {
        settings_.network_voice_ok = true;
        speech_.asking_network = false;
        speech_.read_step = true;
        changed();
    }
    same_line();
    if (button(t("speech.network.no"), "network-voice-no")) speech_.asking_network = false;
}

// Told after the first frame and whenever the browser's voices change: frames only for news
// (each frame costs a phone tens of ms).
void App::speech_available(const std::string& lang, SpeechVoice voice) {
    auto it = speech_.voices.find(lang);
    // A language not reported yet has no voice: the first answer "none" changes nothing either
    // (at start it ran four frames after the first, each a long task on a slow phone).
    if ((it == speech_.voices.end() ? SpeechVoice::None : it->second) == voice) return;
    speech_.voices[lang] = voice;
    host_.request_frames(3);
}

SpeechVoice App::voice() const {
    auto it = speech_.voices.find(std::string(lang_text_tag(settings_.lang)));
    return it == speech_.voices.end() ? SpeechVoice::None : it->second;
}

bool App::any_voice(SpeechVoice kind) const {
    for (const auto& [lang, voice] : speech_.voices)
        if (voice == kind) return true;
    return false;
}

void App::speech_ended() { speech_.speaking = false; }

void App::storage_kept(bool kept) {
    storage_.kept = kept;
    host_.request_frames(1);
}

void App::update_available() {
    update_available_ = true;
    a11y_.announce(t("update.available"));  // said once, politely; the line stays
    host_.request_frames(1);
}

void App::memory_short() {
    memory_short_ = true;
    // Nothing waits for an answer that did not arrive: the person can try again.
    if (files_.locked) files_.locked->busy = false;
    storage_.lock.busy = false;
    files_.protecting = false;
    a11y_.announce(t("memory.short.title"));
    host_.request_frames(1);
}

void App::memory_banner() {
    if (!memory_short_) return;
    Group group(Role::Alert, "memory-banner", t("memory.short.title"));
    error_text(t("memory.short.title"));
    paragraph(t("memory.short.text"));
    if (!storage_.elsewhere) {
        if (button(t("storage.save_file_now"), "memory-export", ButtonStyle::Primary)) export_file();
        same_line();
    }
    if (button(t("open.dismiss"), "memory-dismiss", ButtonStyle::Quiet)) memory_short_ = false;
    ImGui::Separator();
}

void App::banners() {
    if (update_available_) {
        // Never in the way: a quiet line, and the reload only when the person chooses it.
        Group group(Role::Status, "update", t("update.available"));
        muted(t("update.available"));
        same_line();
        if (button(t("update.reload"), "update-reload", ButtonStyle::Quiet)) host_.reload_for_update();
        ImGui::Separator();
    }
    if (storage_.broken) {
        Group group(Role::Alert, "storage-banner", t("storage.failed.title"));
        error_text(t("storage.failed.title"));
        // A reason the app has words for (the passphrase worker's answer) is said in them.
        if (has_text(settings_.lang, storage_.problem))
            paragraph(trf(settings_.lang, "storage.failed.because", {t(storage_.problem.c_str())}));
        else
            paragraph(trf(settings_.lang, "storage.failed.text", {storage_.problem}));
        if (button(t("storage.save_file_now"), "banner-export", ButtonStyle::Primary)) export_file();
        ImGui::Separator();
    }
    unlock_prompt();
    replace_file_confirm();
    if (storage_.unreadable) {
        Group group(Role::Alert, "draft-unreadable", t("storage.unreadable.title"));
        error_text(t("storage.unreadable.title"));
        paragraph(t("storage.unreadable.text"));
        if (button(t("versions.show"), "draft-unreadable-versions", ButtonStyle::Primary)) host_.list_versions();
        same_line();
        if (button(t("open.dismiss"), "draft-unreadable-dismiss", ButtonStyle::Quiet)) storage_.unreadable = false;
        ImGui::Separator();
    }
    if (!files_.message.empty() || !files_.errors.empty() || !files_.dropped_note.empty()) {
        const bool waits = !files_.held.empty() && settings_.later_texts == Settings::LaterTexts::Failed;
        const bool problem = !files_.errors.empty() || !files_.details.empty() || waits;
        Group group(problem ? Role::Alert : Role::Status, "open-result", t("open.result"));
        if (problem)
            error_text(files_.message);
        else
            paragraph(files_.message);
        if (!files_.dropped_note.empty()) paragraph(files_.dropped_note);
        for (const std::string& e : files_.errors) paragraph("• " + e);
        if (!files_.details.empty()) {
            if (disclosure_button(t(files_.details_shown ? "open.details.hide" : "open.details.show"), "open-details",
                                  files_.details_shown))
                files_.details_shown = !files_.details_shown;
            if (files_.details_shown)
                for (const std::string& e : files_.details) muted("• " + e);
        }
        if (waits && button(t("texts.again"), "open-texts-again", ButtonStyle::Primary)) held_files_retry();
        if (waits) same_line();
        if (button(t("open.dismiss"), "open-dismiss", ButtonStyle::Quiet)) {
            files_.held.clear();  // closed: not opened later, out of the blue
            files_.message.clear();
            files_.errors.clear();
            files_.details.clear();
            files_.dropped_note.clear();
        }
        ImGui::Separator();
    }
}

void App::step_navigation(const std::vector<StepId>& steps, std::size_t index) {
    const std::string progress =
        trf(settings_.lang, "nav.progress", {std::to_string(index + 1), std::to_string(steps.size())});
    const bool narrow = this->narrow();
    if (!narrow) {
        drawn_text(progress);  // the a11y tree has it in the step's heading
    } else {
        // "Skriver: Elsa ▾ · Steg 2 av 9 · Sparat 14:32": one line; the chooser opens on request.
        std::string line = progress;
        if (!storage_.saved_at.empty()) line += " \u00b7 " + saved_words();
        if (draft_.prep.contributors.size() > 1 && draft_.prep.kind != PreparationKind::Contribution) {
            std::string writer = author_label(draft_.prep, draft_.author, settings_.lang);
            if (draft_.author == kPersonId && !owner_first_name(draft_.prep).empty())
                writer = owner_first_name(draft_.prep);
            if (disclosure_button(trf(settings_.lang, who_open_ ? "who.compact.open" : "who.compact", {writer}),
                                  "who-toggle", who_open_, t("who.title"),
                                  trf(settings_.lang, "who.compact.spoken", {writer})))
                who_open_ = !who_open_;
            same_line();
        }
        muted(line);
        if (who_open_ && draft_.prep.contributors.size() > 1) contributor_selector();
    }
    // A progress bar drawn, the step list as navigation.
    const float w = column_avail();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = 6.0f * settings_.text_scale;
    // In high contrast the track is a line around the bar: filled, it was as black as the part done.
    if (settings_.high_contrast)
        dl->AddRect(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(ImGuiCol_Separator), h, 0, 1.0f);
    else
        dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(ImGuiCol_Separator), h);
    const float done = w * static_cast<float>(index + 1) / static_cast<float>(steps.size());
    const float from = layout_rtl() ? p.x + w - done : p.x;  // read from the right in a right-to-left layout
    dl->AddRectFilled(ImVec2(from, p.y), ImVec2(from + done, p.y + h),
                      ImGui::ColorConvertFloat4ToU32(palette().progress), h);
    ImGui::Dummy(ImVec2(w, h));

    // On a phone the list of steps would fill the screen: it opens on request there.
    if (narrow && disclosure_button(nav_open_ ? t("nav.hide_all") : t("nav.show_all"), "nav-toggle", nav_open_))
        nav_open_ = !nav_open_;
    {
        Group group(Role::Navigation, "steps", t("nav.steps"));
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const StepInfo& s = step_info(steps[i]);
            std::string label = std::to_string(i + 1) + ". " + step_title(s.id, settings_.lang, child());
            std::string spoken = label;
            // A tick means done: something written and nothing wrong. Errors say so in words. The
            // a11y tree says words only ("1. Om dig, klart"). An error in the field being typed in
            // counts once the person has left it.
            const std::map<StepId, int>& per_step = rules().errors_per_step;
            const auto found = per_step.find(s.id);
            const int held = i == index ? held_errors() : 0;
            const int errors = (found == per_step.end() ? 0 : found->second) - held;
            if (errors > 0) {
                const std::string n = std::to_string(errors);
                label += " – " + trf(settings_.lang, errors == 1 ? "nav.errors.one" : "nav.errors.many", {n});
                spoken = trf(settings_.lang, "nav.spoken.with",
                             {spoken, trf(settings_.lang,
                                          errors == 1 ? "nav.errors.spoken.one" : "nav.errors.spoken.many", {n})});
            } else if (held == 0 && s.has_content(draft_.prep)) {
                label += " \u2713";
                spoken = trf(settings_.lang, "nav.spoken.with", {spoken, t("nav.done.spoken")});  // "، " in Arabic
            }
            if (narrow && !nav_open_) continue;
            if (i > 0) same_line();  // right to left, the first step is at the right end
            const bool current = i == index;
            if (button(label, std::string("nav-") + s.name, current ? ButtonStyle::Primary : ButtonStyle::Quiet,
                       current ? t("nav.current") : std::string(), current, spoken)) {
                go_to(Screen::Steps, s.id);
                nav_open_ = false;
            }
        }
    }
    ImGui::Separator();
    // Entering a step, focus lands here and a screen reader reads "Steg 2 av 9: Vad är viktigt för dig?".
    const std::string title = step_title(step_, settings_.lang, child());
    heading(title, 2, trf(settings_.lang, "nav.step_heading", {progress, title}));
}

void App::step_footer(const std::vector<StepId>& steps, std::size_t index) {
    ImGui::Spacing();
    ImGui::Separator();
    if (index > 0) {
        if (button(t("nav.previous"), "nav-prev")) go_to(Screen::Steps, steps[index - 1]);
        same_line();
    }
    if (index + 1 < steps.size()) {
        if (button(t("nav.next"), "nav-next", ButtonStyle::Primary)) go_to(Screen::Steps, steps[index + 1]);
        same_line();
    }
    if (button(t("nav.start"), "nav-home", ButtonStyle::Quiet)) go_to(Screen::Start);
}

void App::settings_panel() {
    ImGui::Spacing();
    ImGui::Separator();
    Group group(Role::Group, "settings", std::string());  // its heading names it
    heading(t("settings.title"), 2);
    language_choice();
    static const float scales[] = {1.0f, 1.25f, 1.5f, 1.75f, 2.0f};
    int scale = 0;
    for (int i = 0; i < 5; ++i)
        if (settings_.text_scale >= scales[i] - 0.01f) scale = i;
    if (radio_group(t("settings.text_size"), "text-size", {"100 %", "125 %", "150 %", "175 %", "200 %"}, &scale)) {
        settings_.text_scale = scales[scale];
        changed();
    }
    if (checkbox(t("settings.high_contrast"), "high-contrast", &settings_.high_contrast)) changed();
    // What this browser cannot do is said, not left for people to wonder about.
    if (voice() == SpeechVoice::None) muted(t("speech.none"));
    if (!storage_.kept) muted(t("storage.not_kept"));
    if (any_voice(SpeechVoice::Network) || settings_.network_voice_ok) {
        if (checkbox(t("speech.network.setting"), "network-voice", &settings_.network_voice_ok)) changed();
    }
    if (any_voice(SpeechVoice::Device) || any_voice(SpeechVoice::Network)) {
        static const float rates[] = {0.75f, 1.0f, 1.3f};
        int rate = 1;
        for (int i = 0; i < 3; ++i)
            if (settings_.speech_rate >= rates[i] - 0.01f) rate = i;
        if (radio_group(t("speech.rate"), "speech-rate",
                        {t("speech.rate.slow"), t("speech.rate.normal"), t("speech.rate.fast")}, &rate)) {
            settings_.speech_rate = rates[rate];
            changed();
        }
    }
    ImGui::Spacing();
    versions_panel();
    lock_settings();
    {
        static const int kDays[] = {0, 7, 30, 90};
        int choice = 0;
        for (int i = 0; i < 4; ++i)
            if (settings_.auto_erase_days == kDays[i]) choice = i;
        if (radio_group(
                t("auto_erase.title"), "auto-erase",
                {t("auto_erase.never"), trf(settings_.lang, "auto_erase.days", {"7"}),
                 trf(settings_.lang, "auto_erase.days", {"30"}), trf(settings_.lang, "auto_erase.days", {"90"})},
                &choice, t("auto_erase.help"))) {
            settings_.auto_erase_days = kDays[choice];
            host_.set_auto_erase(settings_.auto_erase_days);
        }
    }
    ImGui::Spacing();
    if (!confirm_erase_) {
        if (button(t("erase.button"), "erase", ButtonStyle::Danger, t("erase.help"))) {
            confirm_erase_ = true;
            focus_control("erase-no");  // focus on the safe answer, with the question (it fell to the page)
        }
    } else if (screen_ != Screen::Resume) {
        erase_confirm();
    }
    // The steps, the start screen and the professional's view show it where it belongs.
    if (!status_.empty() && screen_ != Screen::Steps && screen_ != Screen::Start && screen_ != Screen::Professional)
        paragraph(status_);
}

// "Tidigare versioner": when each was kept and why, each restorable. Times only: nothing of
// the person's shows here (the panel is on the neutral screen too).
void App::versions_panel() {
    if (!storage_.versions) {
        if (button(t("versions.show"), "versions-show", ButtonStyle::Quiet, t("versions.help"))) host_.list_versions();
        return;
    }
    if (!later_texts_here("versions.title")) return;  // fetched after the first frame
    Group group(Role::Group, "versions", t("versions.title"));
    heading(t("versions.title"), 3);
    if (storage_.versions->empty()) paragraph(t("versions.none"));
    for (const DraftVersion& v : *storage_.versions) {
        const std::string when = local_datetime_text(v.time, settings_.lang);
        const std::string kind_key = "versions.kind." + v.kind;
        paragraph(when + " – " + (has_text(settings_.lang, kind_key) ? tr(settings_.lang, kind_key) : v.kind));
        if (v.locked) {
            muted(t("versions.locked"));  // no button that would do nothing
            continue;
        }
        const bool pressed = button(trf(settings_.lang, "versions.restore", {when}), "version-" + std::to_string(v.id));
        // The button that asked is gone: focus goes to the newest version.
        if (std::exchange(focus_pending_, false)) focus_last_control();
        if (pressed) {
            // Said once it is so (draft_reloaded), not when asked.
            host_.restore_version(v.id);
            storage_.restoring = when;
            storage_.versions.reset();
            focus_control("versions-show");  // the list and its button are gone until it is done
            return;
        }
    }
    if (button(t("versions.hide"), "versions-hide", ButtonStyle::Quiet)) {
        storage_.versions.reset();
        focus_control("versions-show");  // the button that hid them is gone
    }
    if (std::exchange(focus_pending_, false)) focus_last_control();
}

void App::auto_erase_status(int days, bool erased_now) {
    settings_.auto_erase_days = days;
    if (!erased_now) return;
    status_ = trf(settings_.lang, "auto_erase.done", {std::to_string(days)});
    a11y_.announce(status_);
}

void App::versions_listed(const std::string& text) {
    Json j;  // stays null if the page script's list does not parse: no versions
    parse_json(text, &j);
    storage_.versions.emplace();
    focus_pending_ = true;
    if (j.is_array()) {
        for (const Json& v : j) {
            if (!v.is_object() || !v.contains("id") || !v["id"].is_number_integer()) continue;
            DraftVersion out;
            out.id = v["id"].get<int>();
            if (v.contains("time") && v["time"].is_string()) out.time = v["time"].get<std::string>();
            if (v.contains("kind") && v["kind"].is_string()) out.kind = v["kind"].get<std::string>();
            out.locked = v.contains("locked") && v["locked"].is_boolean() && v["locked"].get<bool>();
            storage_.versions->push_back(std::move(out));
        }
    }
    const std::size_t n = storage_.versions->size();
    if (!later_texts_arrived("versions.title")) return;  // said when shown
    a11y_.announce(n == 0   ? t("versions.none")
                   : n == 1 ? t("versions.listed.one")
                            : trf(settings_.lang, "versions.listed", {std::to_string(n)}));
}

void App::erase_confirm() {
    Group confirm(Role::Alert, "erase-confirm", t("erase.confirm"));
    paragraph(t("erase.confirm"));
    if (button(t("erase.yes"), "erase-yes", ButtonStyle::Danger, t("erase.confirm"))) {
        reset(PreparationKind::NewPlan);
        go_to(Screen::Start);
        host_.clear_draft();  // after the changes above: nothing is left to save
        storage_.lock = DraftLock{};
        storage_.has_draft = false;
        confirm_erase_ = false;
        storage_.saved_at.clear();
        storage_.versions.reset();
        status_ = t("erase.done");
        a11y_.announce(status_);
    }
    same_line();
    if (button(t("erase.no"), "erase-no", ButtonStyle::Normal, t("erase.confirm"))) {
        confirm_erase_ = false;
        focus_control(screen_ == Screen::Resume ? "resume-erase" : "erase");
    }
}

// A question or a relative typed on the step being left for another, and not added with its
// button: added now, and said (going on is taken as done with it; nothing typed is left behind).
void App::add_what_was_typed(StepId leaving) {
    UnaddedTexts& typed = draft_.steps.unadded;
    std::string said;
    if (leaving == StepId::Questions) said = add_typed_question(draft_.prep, typed, draft_.author, settings_.lang);
    if (leaving == StepId::AboutYou) said = add_typed_writer(draft_.prep, typed, settings_.lang);
    if (said.empty()) return;
    a11y_.announce(said);
    changed();
}

// ---- the draft ----

std::string App::draft_to_save() {
    DraftPlace place;
    place.screen = screen_info(screen_).name;
    place.step = step_info(step_).name;
    place.author = draft_.author;
    place.mode = static_cast<int>(mode_);
    place.text_scale = settings_.text_scale;
    place.high_contrast = settings_.high_contrast;
    place.speech_rate = settings_.speech_rate;
    place.network_voice = settings_.network_voice_ok;
    place.created = draft_.created;
    place.saved_sha = draft_.saved_sha;
    place.unadded = draft_.steps.unadded;
    return write_draft(draft_.prep, draft_.earlier ? &*draft_.earlier : nullptr, settings_.draft_lang, place);
}

void App::draft_loaded(const std::string& text) {
    if (text.empty()) return;
    std::optional<Draft> d = read_draft(text, today_);
    if (!d) {
        // Kept aside, not overwritten by the next save.
        storage_.unreadable = true;
        host_.keep_unreadable_draft(text);
        return;
    }
    const DraftPlace& p = d->place;
    DraftSession stored;
    stored.prep = std::move(d->prep);
    stored.earlier = std::move(d->earlier);
    for (const Contributor& c : stored.prep.contributors)
        if (c.id == p.author) stored.author = p.author;
    stored.created = p.created;
    stored.saved_sha = p.saved_sha;
    stored.steps.unadded = p.unadded;
    begin_draft(std::move(stored));
    follow_language(d->lang);
    storage_.place = p;
    storage_.updated = d->updated;
    // On a shared computer the next person must not see this one's words: a neutral screen
    // first, the draft only after "Fortsätt".
    screen_ = Screen::Resume;
    if (auto s = step_from_name(p.step)) step_ = *s;
    mode_ = static_cast<FillMode>(p.mode);
    settings_.text_scale = p.text_scale;
    settings_.high_contrast = p.high_contrast;
    settings_.speech_rate = p.speech_rate;
    settings_.network_voice_ok = p.network_voice;
    storage_.has_draft = true;
    storage_.restored = true;
}

void App::dom_text(const std::string& key, const DomText& text) {
    DomText clean = text;
    // The model holds well-formed UTF-8 without control characters (a NUL pasted from somewhere
    // would cut a print or a copy short; the importer refuses them too).
    clean.value = without_control_characters(sanitize_utf8(text.value), &clean.selection_start, &clean.selection_end);
    a11y_.on_text(key, std::move(clean));
}

void App::version_not_restored() {
    storage_.restoring.clear();
    status_ = t("versions.not_restored");
    a11y_.announce(status_);
}

void App::draft_reloaded(const std::string& text, bool go_on) {
    const std::string restored = std::exchange(storage_.restoring, std::string());
    // Everything this tab held is replaced by what the other tab left, erased included.
    begin_draft(DraftSession{});
    files_ = FileFlow{};
    status_.clear();
    notes_.clear();
    confirm_replace_ = Pending::None;
    confirm_erase_ = false;
    storage_.has_draft = false;
    screen_ = Screen::Start;
    if (text.empty()) return;
    draft_loaded(text);
    if (screen_ != Screen::Resume || !go_on) return;  // unreadable: the banner says so
    // The person chose to continue here: straight to where they were.
    screen_ = screen_to_continue(storage_.place.screen);
    scroll_to_top_ = true;
    if (!restored.empty()) {
        status_ = trf(settings_.lang, "versions.restored", {restored});
        a11y_.announce(status_);
        focus_next_heading();  // the versions' buttons are gone: the screen it shows now
    }
}

// Told after each write (half a second after typing, again and again while the person types):
// frames only when "Sparat 14:32" changes, not two frames per write, each tens of ms on a slow
// phone (issue 30: typing).
void App::draft_saved() {
    const std::string at = local_time_hhmm();
    if (at == storage_.saved_at && today_ == storage_.saved_on && !storage_.broken) return;
    storage_.saved_at = at;
    storage_.saved_on = today_;
    storage_.broken = false;
    host_.request_frames(1);
}

// "Sparat 14:32" today; a tab left open past midnight says the day: "Sparat 5 december 16:22".
std::string App::saved_words() const {
    if (storage_.saved_on == today_) return trf(settings_.lang, "saved.at", {storage_.saved_at});
    return trf(settings_.lang, "saved.at.day",
               {date_words(storage_.saved_on, settings_.lang, today_), storage_.saved_at});
}

void App::storage_failed(const std::string& reason) {
    storage_.broken = true;
    storage_.problem = reason;
    storage_.saved_at.clear();
}

std::string App::state_json() const {
    Json j;
    j["screen"] = screen_info(screen_).name;
    j["step"] = step_info(step_).name;
    j["language"] = std::string(lang_code(settings_.lang));
    j["author"] = draft_.author;
    j["text_scale"] = settings_.text_scale;
    j["high_contrast"] = settings_.high_contrast;
    j["content"] = to_json(draft_.prep);
    return j.dump();
}

}  // namespace sipprep::ui
