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

#include "core/bundle.hpp"
#include "core/contribution.hpp"
#include "core/date.hpp"
#include "core/i18n.hpp"
#include "core/model.hpp"
#include "core/summary.hpp"
#include "ui/a11y.hpp"
#include "ui/draft.hpp"
#include "ui/fonts.hpp"
#include "ui/host.hpp"
#include "ui/steps/step_context.hpp"
#include "ui/widgets.hpp"

namespace sipprep::ui {

// Resume: a draft is stored on this computer; nothing of it is shown until someone continues.
enum class Screen { Start, Resume, About, Steps, Evaluation, Professional, Review };

// "Jag är yrkesverksam": the files opened, read-only, in the order opened.
struct ProfessionalState {
    struct Opened {
        std::string name;
        ImportResult result;
        std::optional<Summary> summary;  // built once per language, not every frame
        Lang summary_lang = Lang::Sv;
        std::vector<std::string> errors, warnings;  // the issues, worded once per language
        std::optional<Lang> described_lang;
        bool show_changes = false;       // "Vad har ändrats?" against an earlier file of the same person
        std::optional<Summary> changes;  // built when shown, again only when the files or language differ
        std::string changes_key;
    };
    std::vector<Opened> opened;
    int index = -1;
};

class App final : public HostEvents {
public:
    explicit App(Host& host);

    void frame(const Fonts& fonts) override;

    // The state a test can read back: screen, step, language, author and the content.
    std::string state_json() const override;
    const A11yNode& a11y_tree() const { return a11y_.root(); }

    Lang language() const { return lang_; }
    float text_scale() const override { return text_scale_; }
    bool high_contrast() const override { return high_contrast_; }
    void set_today(const Date& today) override { today_ = today; }
    void prefer_high_contrast(bool on) override {
        if (!restored_) high_contrast_ = on;
    }
    // The step of the text size setting at or below the browser's (100 % at the least).
    void prefer_text_scale(float scale) override {
        if (!restored_ && scale >= 1.0f)
            text_scale_ = scale >= 2.0f ? 2.0f : static_cast<int>(scale * 4.0f + 0.01f) / 4.0f;
    }

    // ---- HostEvents (src/platform/seam.def) ----
    void file_opened(const std::string& name, const std::string& bytes, FileOrigin origin) override;
    void file_refused(const std::string& name, const std::string& reason_key) override;
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

private:
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
    void follow_language(Lang lang);  // the language of a draft or file opened: the same, unsaved
    void versions_panel();
    void go_to(Screen screen, std::optional<StepId> step = std::nullopt);
    void changed();  // the preparation or a setting changed: rules again, draft to save
    void reset(PreparationKind kind);
    // The app's language was chosen (settings, start screen): call after setting lang_.
    void language_chosen();
    const std::string& t(const char* key) const { return tr(lang_, key); }
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
    void announce_new_issue(const std::vector<Issue>& before);
    void contributor_selector();

    // app_files.cpp: a file arriving, and asking before it replaces anything
    // What a file from the person's screens becomes.
    enum class FileUse {
        Draft,         // the preparation itself
        Earlier,       // the earlier plan shown beside a follow-up
        FollowUpFrom,  // the earlier plan a new follow-up starts from (carried over)
    };
    struct FileArrival {
        std::string name;
        bool professional = false;  // opened in the professional's view: read, never kept
        FileUse use = FileUse::Draft;
    };
    void receive_file(const FileArrival& arrival, const std::string& bytes);
    void take_file(const std::string& name, ImportResult r, FileUse use);
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

    Host& host_;
    A11y a11y_;

    Preparation prep_ = make_new_preparation();
    std::uint64_t revision_ = 1;          // counts changes of the preparation and of the earlier plan
    std::optional<Preparation> earlier_;  // follow-up: the earlier plan's bundle, read-only
    Screen screen_ = Screen::Start;
    StepId step_ = StepId::AboutYou;
    // "Om SIP" opened from a step at one of its sections: that heading gets focus, and "Tillbaka"
    // returns to the screen it was opened from.
    std::string about_section_;
    Screen about_back_ = Screen::Start;
    FillMode mode_ = FillMode::Myself;
    Lang lang_ = Lang::Sv;  // the texts shown
    // The language the draft stores: lang_, or the one the stored draft asked for while its
    // catalog is fetched or could not be (offline at start), so a save does not forget it.
    Lang draft_lang_ = Lang::Sv;
    std::optional<Lang> lang_fetching_;  // chosen, its catalog on the way
    std::string lang_problem_;           // why the last chosen language is not shown
    float text_scale_ = 1.0f;
    bool high_contrast_ = false;
    std::string author_ = kPersonId;
    std::string created_;  // first export of this preparation
    Date today_{2026, 1, 1};

    // The rules run when something changed, not every frame.
    std::vector<Issue> issues_;
    bool issues_stale_ = true;
    bool announce_new_issues_ = false;
    std::map<StepId, int> errors_per_step_;  // from the last rule check, for the step list  // the last change was a
                                             // choice: read out a problem it brought

    bool has_draft_ = false;  // a saved draft exists (start screen offers to continue)
    bool restored_ = false;
    bool scroll_to_top_ = false;
    bool nav_open_ = false;  // narrow screens: the step list is shown
    bool who_open_ = false;  // narrow screens: the writer chooser is shown
    bool narrow() const;     // a phone: the step's own content must start on the first screen
    bool confirm_erase_ = false;
    Pending confirm_replace_ = Pending::None;  // start screen: the draft would be replaced
    bool storage_broken_ = false;
    bool memory_short_ = false;      // the page could not hand something over: memory ran short
    bool draft_unreadable_ = false;  // the saved draft could not be read (it is kept aside)
    std::string storage_problem_;
    std::string open_message_;  // result of opening a file
    std::vector<std::string> open_errors_;
    std::vector<std::string> open_details_;  // why a file could not be read, technically, on request
    bool open_details_shown_ = false;
    FileUse picking_for_ = FileUse::Draft;  // what the next file from the picker becomes
    bool follow_up_choice_ = false;         // start screen: "Följ upp" asks where to start from
    bool follow_up_from_stored_ = false;    // … and may start from the preparation stored here
    struct PendingFile {
        std::string name;
        ImportResult result;
        FileUse use = FileUse::Draft;
    };
    std::optional<PendingFile> pending_file_;  // a file waiting for "yes, replace"
    // A relative's contribution opened into the draft: each item taken along or left.
    struct OpenContribution {
        std::string name;
        ImportResult result;
        ContributionReview review;
        std::vector<int> choice;  // per item: 0 open, 1 taken, 2 left
    };
    std::optional<OpenContribution> contribution_;
    struct LockedFile {
        FileArrival arrival;
        std::string bytes, passphrase, error;
        bool busy = false;  // the host is unlocking it
        bool focus = true;  // the passphrase field takes focus when the prompt (re)appears
    };
    std::optional<LockedFile> locked_file_;      // an age file waiting for its passphrase
    bool protecting_ = false;                    // a protected download is being made
    bool update_available_ = false;              // a new version waits for a reload
    std::map<std::string, SpeechVoice> speech_;  // the browser's voice per language tag
    bool network_voice_ok_ = false;              // the person agreed to a voice over the network (remembered)
    bool asking_network_voice_ = false;
    bool storage_kept_ = true;  // until the browser says otherwise
    bool speaking_ = false;     // "Läs upp" is reading
    bool read_step_ = false;    // read the step aloud once it is drawn
    float speech_rate_ = 1.0f;
    std::string saved_sha_;       // the content's checksum when it was last saved to a file
    std::string protecting_sha_;  // … of the protected file being made
    // "Lås med lösenord": the stored draft kept only encrypted.
    struct DraftLock {
        bool on = false;       // this draft is stored locked
        bool waiting = false;  // a locked draft is stored and not opened: the neutral screen asks
        std::string saved_at;  // when the locked draft was saved (ISO 8601 UTC)
        bool form = false;     // the settings' form to set a lock is open
        bool busy = false;     // the host is locking or unlocking
        bool focus = false;    // the passphrase field takes focus
        bool tried = false;    // "Lås" was pressed: say what is missing
        std::string passphrase, repeat, error;
    } lock_;
    DraftPlace resume_place_;     // where the stored draft was left
    std::string draft_updated_;   // when the stored draft was last written
    std::string saved_at_;        // "14:32": the last save on this device
    bool elsewhere_ = false;      // another tab edits: this one shows only that
    std::string elsewhere_note_;  // why a file dropped here was not opened
    struct Version {
        int id = 0;
        std::string time, kind;
    };
    std::optional<std::vector<Version>> versions_;  // listed when asked for
    int auto_erase_days_ = 0;                       // 0: never
    bool focus_pending_ = false;  // the control that had focus was replaced: focus goes to the new part
    std::string status_;
    std::vector<std::string> notes_;  // the current step's messages
    std::string mirror_lang_;         // the language the mirror was last told

    StepStates step_states_;
    ProfessionalState professional_;
};

}  // namespace sipprep::ui
