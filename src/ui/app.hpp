// The app: screens over the core model, platform-free. The host (host.hpp) calls frame()
// between ImGui::NewFrame() and ImGui::Render() and forwards the page's events through
// HostEvents; the app asks the host for downloads, files, printing and saving through Host.
// Steps are described in steps/step_table.hpp and drawn by steps/*.cpp; the other screens
// live in app_*.cpp.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "ui/a11y.hpp"
#include "ui/app_state.hpp"
#include "ui/fonts.hpp"
#include "ui/widgets.hpp"

namespace sipprep::ui {

class App final : public HostEvents {
public:
    explicit App(Host& host);

    void frame(const Fonts& fonts) override;
    void check() override;

    // The state a test can read back: screen, step, language, author and the content.
    std::string state_json() const override;
    const A11yNode& a11y_tree() const { return a11y_.root(); }

    Lang language() const { return settings_.lang; }
    float text_scale() const override { return settings_.text_scale; }
    bool high_contrast() const override { return settings_.high_contrast; }
    void set_today(const Date& today) override {
        if (today == today_) return;  // told each frame: a new day makes the rules run again
        today_ = today;
        checks_.stale = true;
    }
    void prefer_high_contrast(bool on) override {
        if (!storage_.restored) settings_.high_contrast = on;
    }
    // The step of the text size setting at or below the browser's (100 % at the least).
    void prefer_text_scale(float scale) override {
        if (!storage_.restored && scale >= 1.0f)
            settings_.text_scale = scale >= 2.0f ? 2.0f : static_cast<int>(scale * 4.0f + 0.01f) / 4.0f;
    }

    void remembered_display(const std::string& json) override;
    void fetch_later_texts() override;

    // ---- HostEvents (src/platform/seam.def) ----
    void file_opened(const std::string& name, const std::string& bytes, FileOrigin origin) override;
    void file_refused(const std::string& name, const std::string& reason_key) override;
    int files_dropped(int count) override;
    void read_held_files();
    void keep_language_with_draft();
    void held_files_wait();   // the texts could not come: says so
    void held_files_retry();  // … and asks for them again
    void memory_short() override;
    void file_protected(const std::string& filename, const std::string& error_key) override;
    void file_unlocked(const std::string& error_key, const std::string& plaintext) override;
    void update_available() override;
    void speech_available(const std::string& lang, SpeechVoice voice) override;
    void language_loaded(const std::string& code, const std::string& file) override;
    void language_failed(const std::string& code) override;
    void speech_ended() override;
    void storage_kept(bool kept) override;
    void draft_locked(const std::string& saved_at) override;
    void draft_unlocked(const std::string& error_key, const std::string& draft_json) override;
    void draft_lock_changed(bool locked, const std::string& error_key) override;
    void draft_loaded(const std::string& draft_json) override;
    void draft_saved() override;
    void editing_elsewhere(bool elsewhere) override;
    void draft_reloaded(const std::string& draft_json, bool go_on) override;
    void versions_listed(const std::string& json) override;
    void version_not_restored() override;
    void auto_erase_status(int days, bool erased_now) override;
    void storage_failed(const std::string& reason) override;
    std::string draft_to_save() override;
    void dom_focus(const std::string& key, bool visible) override { a11y_.on_focus(key, visible); }
    void dom_blur(const std::string& key) override { a11y_.on_blur(key); }
    void dom_activate(const std::string& key) override { a11y_.on_activate(key); }
    void dom_text(const std::string& key, const DomText& text);
    void dom_text(const std::string& key, const std::string& value, int start, int end, bool backward) override {
        dom_text(key, DomText{value, start, end, backward});
    }
    void scroll_page(int toward) override {
        scroll_keys_ = toward;
        host_.request_frames(1);
    }

private:
    // app_screens.cpp: the screens, each described once. Resume: a draft is stored on this
    // computer; nothing of it is shown until someone continues.
    enum class Screen { Start, Resume, About, Steps, Evaluation, Professional, Review };
    struct ScreenInfo {
        Screen id;
        const char* name;  // in drafts and in state_json
        void (App::*draw)();
        // A stored draft continues here ("Fortsätt"). The neutral screen and the professional's
        // view hold nothing of the draft, and a relative's contribution under review is not
        // stored: a draft left on those continues at the steps.
        bool continues_draft;
        bool shows_rules;     // draws what the rules found (the step list's errors, the fields' messages)
        FilePurpose dropped;  // what a file dropped on this screen is for
    };
    static const ScreenInfo& screen_info(Screen screen);
    static std::optional<Screen> screen_from_name(const std::string& name);
    // Where a stored draft continues: the screen it was saved on, if a draft continues there.
    static Screen screen_to_continue(const std::string& name);

    // app.cpp: frame structure
    void top_bar();
    void banners();
    void memory_banner();
    void steps_screen();
    void read_aloud_button();
    void network_voice_question();
    SpeechVoice voice() const;  // for the language shown
    bool any_voice(SpeechVoice kind) const;
    std::string content_sha() const;  // of the preparation as it is now
    bool saved_as_file() const;       // the preparation is exactly what was last saved to a file
    void elsewhere_screen();
    void step_navigation(const std::vector<StepId>& steps, std::size_t index);
    void step_footer(const std::vector<StepId>& steps, std::size_t index);
    void settings_panel();
    void language_choice();
    void choose_language(Lang lang);  // now when its texts are here, else once fetched
    void follow_language(Lang lang);
    Settings::Display display() const;  // the language, text size and contrast shown now
    void remember_display();            // the language of a draft or file opened: the same, unsaved
    void versions_panel();
    void go_to(Screen screen, std::optional<StepId> step = std::nullopt);
    void add_what_was_typed(StepId leaving);
    void changed();                          // the preparation or a setting changed: rules again, draft to save
    void begin_draft(DraftSession session);  // a new preparation: the one assignment that replaces the draft
    void reset(PreparationKind kind);        // a new, empty preparation of this kind
    // The app's language was chosen (settings, start screen): call after setting settings_.lang.
    void language_chosen();
    void written_in_app_language();
    const std::string& t(const char* key) const { return tr(settings_.lang, key); }
    bool child() const;

    // app_start.cpp
    enum class Pending { None, New, FollowUp, Discharge, Contribution };
    void start_screen();
    void resume_screen();
    void continue_draft();  // from the neutral screen to where the stored draft was left
    void erase_confirm();
    void about_screen();
    // What a step screen (or the screen after the meeting) works with this frame.
    StepContext step_context();
    void evaluation_screen();
    void review_screen();
    void contribution_arrived(const std::string& name, ImportResult r);
    bool draft_has_content() const;
    void start_action(Pending action);

    // app_actions.cpp: what buttons on several screens do
    void export_file();
    void open_about(const std::string& section);  // "Om SIP" at a section, from a step
    void save_requested_file();                   // "Spara fil": with a passphrase when the person chose one
    void save_calendar();                         // the follow-up meeting as an .ics file
    void print_summary(Audience audience);
    // The rules over the draft, run when something reads them and the draft changed since.
    const RuleCheck& rules();
    void announce_new_issue(const std::vector<Issue>& before);
    void contributor_selector();
    void ask_who_writes(bool file_opened);

    // app_files.cpp: a file arriving, and asking before it replaces anything
    void pick_file(FilePurpose purpose);  // the system's picker, its answer for `purpose`
    void receive_file(const FileArrival& arrival, const std::string& bytes);
    void take_file(const std::string& name, ImportResult r, FilePurpose purpose);
    bool follow_up_choice();
    void replace_file_confirm();

    // app_passphrase.cpp: files protected with a passphrase (age), both ways
    void ask_passphrase(const FileArrival& arrival, const std::string& bytes);
    void unlock_prompt();
    struct PassphraseEntry {  // the state of a passphrase prompt, wherever it is kept
        std::string& passphrase;
        std::string& error;
        bool& focus;
        bool& busy;
    };
    bool passphrase_entry(const std::string& id, const std::string& open_label, PassphraseEntry entry);
    void export_protected();
    std::string bundle_now(std::string* filename);
    void unlock_draft_prompt();   // the neutral screen, when the stored draft is locked
    void lock_settings();         // "Lås med lösenord" in the settings
    void discard_locked_draft();  // the person chose to start anew over a locked draft

    // app_professional.cpp: open, check, read, copy and print bundles; never changes them
    void professional_changes(ProfessionalState::Opened& o);
    void professional_screen();
    void close_opened_file();
    bool later_texts_here(const char* probe);
    bool later_texts_arrived(const char* probe) const;  // the same, without asking or saying anything

    Host& host_;
    A11y a11y_;

    DraftSession draft_;
    std::uint64_t revision_ = 1;  // counts changes of the preparation and of the earlier plan
    Settings settings_;
    StorageStatus storage_;
    FileFlow files_;
    ReadingAloud speech_;
    RuleCheck checks_;
    ProfessionalState professional_;
    Date today_{2026, 1, 1};

    // Where the person is.
    Screen screen_ = Screen::Start;
    StepId step_ = StepId::AboutYou;
    // "Om SIP" opened from a step at one of its sections: that heading gets focus, and "Tillbaka"
    // returns to the screen it was opened from.
    std::string about_section_;
    Screen about_back_ = Screen::Start;
    FillMode mode_ = FillMode::Myself;  // who fills in (start screen): kept across new drafts
    bool scroll_to_top_ = false;
    int scroll_keys_ = 0;             // scroll_page's toward, for the next frame
    bool nav_open_ = false;           // narrow screens: the step list is shown
    bool who_open_ = false;           // narrow screens: the writer chooser is shown
    bool narrow() const;              // a phone: the step's own content must start on the first screen
    std::string saved_words() const;  // "Sparat 14:32", with the day once it is not today
    bool confirm_erase_ = false;
    Pending confirm_replace_ = Pending::None;  // start screen: the draft would be replaced
    bool follow_up_choice_ = false;            // start screen: "Följ upp" asks where to start from
    bool follow_up_from_stored_ = false;       // … and may start from the preparation stored here
    bool memory_short_ = false;                // the page could not hand something over: memory ran short
    bool update_available_ = false;            // a new version waits for a reload
    bool focus_pending_ = false;               // the control that had focus was replaced: focus goes to the new part
    std::string status_;
    std::vector<std::string> notes_;  // the current step's messages
    std::string a11y_lang_;           // the language the a11y layer was last told
};

}  // namespace sipprep::ui
