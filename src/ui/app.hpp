// The app's screens over the core model. Platform-free: the platform calls frame() between
// ImGui::NewFrame() and ImGui::Render(), hands in saved drafts and opened files, and asks for
// state_json() in tests. Screens live in app_*.cpp, one file per group of screens.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/bundle.hpp"
#include "core/date.hpp"
#include "core/i18n.hpp"
#include "core/model.hpp"
#include "ui/fonts.hpp"
#include "ui/widgets.hpp"

namespace sipprep::ui {

enum class Screen { Start, About, Steps, Evaluation, Professional };
enum class StepId { AboutYou, Goal, FollowUp, Now, Needs, Questions, Invite, Participation, Consent, Summary };
enum class FillMode { Myself, WithRelative, GuardianOfChild, Representative };

class App {
public:
    App();

    void frame(const Fonts& fonts);

    // The state a test can read back: screen, step, language, author and the content.
    std::string state_json() const;

    Lang language() const { return lang_; }
    float text_scale() const { return text_scale_; }
    bool high_contrast() const { return high_contrast_; }

    // ---- from the platform ----
    void set_today(const Date& today) { today_ = today; }
    void prefer_high_contrast(bool on) { if (!restored_) high_contrast_ = on; }
    void restore_draft(const std::string& draft_json);  // the saved draft, before the first frame
    void open_file(const std::string& name, const std::string& text);
    void storage_failed(const std::string& reason);

    // ---- to the platform: the draft to save when something changed ----
    bool take_draft(std::string* draft_json);

private:
    // app.cpp: frame structure
    void top_bar();
    void banners();
    void step_navigation();
    void step_footer();
    void settings_panel();
    std::vector<StepId> steps() const;
    std::string step_title(StepId s) const;
    bool step_has_content(StepId s) const;
    void go_to(Screen screen, std::optional<StepId> step = std::nullopt);
    std::string draft_json() const;
    void mark(bool changed) { changed_ = changed_ || changed; }
    void reset(PreparationKind kind);
    const std::string& t(const char* key) const { return tr(lang_, key); }
    bool child() const;
    // The rule error for `path` (the field's own message), or "" — shown under the field.
    std::string field_error(const std::string& path) const;
    std::string new_id(const char* prefix) const;

    // app_start.cpp
    void start_screen();
    void about_screen();
    void evaluation_screen();

    // app_steps.cpp
    void step_about_you();
    void step_goal();
    void step_follow_up();
    void step_now();
    void step_needs();
    void step_questions();
    void step_invite();
    void step_participation();
    // app_consent.cpp
    void step_consent();
    // app_summary.cpp
    void step_summary();
    void summary_view(const std::string& summary_text);  // the summary as headings and paragraphs
    void export_file();
    void print_summary();

    // app_professional.cpp: open, check, read, copy and print bundles; never changes them
    void professional_screen();

    // app_voices.cpp: one contributor's words, with the others' words shown under them
    bool voices_field(const std::string& label, const std::string& id, Voices& voices, FieldOptions options = {});
    void contributor_selector();
    std::string author_name(const std::string& id) const;

    Preparation prep_ = make_new_preparation();
    std::optional<Preparation> earlier_;  // follow-up: the earlier plan's bundle, read-only
    Screen screen_ = Screen::Start;
    StepId step_ = StepId::AboutYou;
    FillMode mode_ = FillMode::Myself;
    Lang lang_ = Lang::Sv;
    float text_scale_ = 1.0f;
    bool high_contrast_ = false;
    std::string author_ = kPersonId;
    std::string created_;  // first export of this preparation
    Date today_{2026, 1, 1};

    bool has_draft_ = false;       // a saved draft exists (start screen offers to continue)
    bool restored_ = false;
    bool changed_ = false;
    bool scroll_to_top_ = false;
    bool nav_open_ = false;  // narrow screens: the step list is shown
    bool confirm_erase_ = false;
    enum class Pending { None, New, FollowUp, Open };
    Pending confirm_replace_ = Pending::None;  // start screen: the draft would be replaced
    bool draft_has_content() const;
    void start_action(Pending action);
    bool storage_broken_ = false;
    bool draft_unreadable_ = false;  // the saved draft could not be read (it is kept aside)
    std::string storage_problem_;
    std::string open_message_;                 // result of opening a file
    std::vector<std::string> open_errors_;
    bool opening_earlier_ = false;             // the next opened file is the earlier plan
    std::string status_;
    std::string new_relative_name_, new_relative_relation_;
    std::string new_question_;
    std::string remove_area_pending_;      // a life area with text, waiting for "yes, remove"
    std::vector<Issue> issues_;            // this frame's rule check
    struct Opened {
        std::string name;
        ImportResult result;
    };
    std::vector<Opened> opened_;            // the professional's files, in the order opened
    int opened_index_ = -1;
    std::vector<std::string> notes_;       // per-step messages (e.g. why something was not removed)
};

}  // namespace sipprep::ui
