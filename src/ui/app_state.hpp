// What the App (app.hpp) holds, in named parts. Each part is one kind of thing: starting a new
// draft is one assignment of a DraftSession, forgetting files on their way in one of a FileFlow.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/bundle.hpp"
#include "core/contribution.hpp"
#include "core/i18n.hpp"
#include "core/model.hpp"
#include "core/summary.hpp"
#include "core/validation.hpp"
#include "ui/draft.hpp"
#include "ui/host.hpp"
#include "ui/steps/step_context.hpp"

namespace sipprep::ui {

// The preparation being written and what belongs to it alone. A new one (the start screen, a file
// opened as the draft, what another tab left) replaces the whole session.
struct DraftSession {
    Preparation prep = make_new_preparation();
    std::optional<Preparation> earlier;  // follow-up: the earlier plan's bundle, read-only
    std::string author = kPersonId;      // who writes now
    std::string created;                 // first export of this preparation
    std::string saved_sha;               // the content's checksum when it was last saved to a file
    StepStates steps;                    // what the steps hold besides the model (open forms, passphrases)
};

// How the person has the app: kept with the draft (but for the auto-erase, which the host keeps).
struct Settings {
    Lang lang = Lang::Sv;  // the texts shown
    // The language the draft stores: `lang`, or the one the stored draft asked for while its
    // catalog is fetched or could not be (offline at start), so a save does not forget it.
    Lang draft_lang = Lang::Sv;
    std::optional<Lang> fetching;  // chosen, its catalog on the way
    std::string lang_problem;      // why the last chosen language is not shown
    float text_scale = 1.0f;
    bool high_contrast = false;
    float speech_rate = 1.0f;
    bool network_voice_ok = false;  // the person agreed to a voice over the network
    int auto_erase_days = 0;        // 0: never
    // The Swedish texts the web app fetches once it is on screen ("Om SIP", the consent form:
    // tools/embed_catalogs.py); the screens that show them wait for them.
    enum class LaterTexts { Here, Fetching, Failed } later_texts = LaterTexts::Here;
    bool later_texts_waited = false;  // a screen shows that they are coming: it is drawn again when they come
    // The display choices this computer has kept (App::remember_display), and those the app
    // started with before any was kept: compared after each frame as values, written out only
    // when they change.
    struct Display {
        Lang lang = Lang::Sv;
        float text_scale = 1.0f;
        bool high_contrast = false;
        bool operator==(const Display&) const = default;
    };
    std::optional<Display> remembered, display_start;
};

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
};

// An earlier version of the stored draft, as the host lists them.
struct DraftVersion {
    int id = 0;
    std::string time, kind;
    bool locked = false;  // kept while the draft was locked: the app cannot open it
};

// What the browser's storage has said about the stored draft.
struct StorageStatus {
    bool has_draft = false;   // a saved draft exists (start screen offers to continue)
    bool restored = false;    // this session began from the stored draft
    bool kept = true;         // the browser keeps it (until it says otherwise)
    bool broken = false;      // the last save failed …
    std::string problem;      // … for this reason (a catalog key or the browser's words)
    bool unreadable = false;  // the saved draft could not be read (it is kept aside)
    DraftPlace place;         // where the stored draft was left
    std::string updated;      // when the stored draft was last written
    std::string saved_at;     // "14:32": the last save on this device …
    Date saved_on;            // … on this day
    DraftLock lock;
    std::optional<std::vector<DraftVersion>> versions;  // listed when asked for
    bool elsewhere = false;                             // another tab edits: this one shows only that
    std::string elsewhere_note;                         // why a file dropped here was not opened
    std::string focus_before_elsewhere;                 // the control that had focus when another tab took over
    std::string restoring;  // when the version asked for was kept ("" when none is on its way)
};

// What a file is for. The picker's answer goes where the button that opened it said, whatever
// screen shows when it arrives; a dropped file is for what the screen it was dropped on takes.
enum class FilePurpose {
    Draft,         // the preparation itself (or a relative's contribution to it)
    Earlier,       // the earlier plan shown beside a follow-up
    FollowUpFrom,  // the earlier plan a new follow-up starts from (carried over)
    Read,          // the professional's view: read, never kept
};

struct FileArrival {
    std::string name;
    FilePurpose purpose = FilePurpose::Draft;
};

// Files on their way in and out: the picker's request, a file waiting for its passphrase or for
// "yes, replace", a relative's contribution being reviewed, what the last opening said, and a
// protected download being made.
struct FileFlow {
    std::optional<FilePurpose> picking;  // the picker is open for this
    struct Locked {
        FileArrival arrival;
        std::string bytes, passphrase, error;
        bool busy = false;  // the host is unlocking it
        bool focus = true;  // the passphrase field takes focus when the prompt (re)appears
    };
    std::optional<Locked> locked;  // an age file waiting for its passphrase
    struct Pending {
        std::string name;
        ImportResult result;
        FilePurpose purpose = FilePurpose::Draft;
    };
    std::optional<Pending> pending;  // a file waiting for "yes, replace"
    // A relative's contribution opened into the draft: each item taken along or left.
    struct Contribution {
        std::string name;
        ImportResult result;
        ContributionReview review;
        std::vector<int> choice;    // per item: 0 open, 1 taken, 2 left
        bool version_kept = false;  // the draft as it was, kept before words were replaced
    };
    std::optional<Contribution> contribution;
    struct Held {
        std::string name, bytes;
        FileOrigin origin = FileOrigin::Picker;
    };
    std::vector<Held> held;            // files that came before the texts about reading them
    bool reading_held = false;         // … being read now, with the texts there are
    std::string message;               // the result of opening a file
    std::string dropped_note;          // several files dropped where one is taken
    std::vector<std::string> errors;   // its problems, in words
    std::vector<std::string> details;  // why a file could not be read, technically, on request
    bool details_shown = false;
    bool protecting = false;     // a protected download is being made …
    std::string protecting_sha;  // … of the content with this checksum
};

// "Läs upp".
struct ReadingAloud {
    std::map<std::string, SpeechVoice> voices;  // the browser's voice per language tag
    bool speaking = false;                      // reading now
    bool read_step = false;                     // read the step aloud once it is drawn
    bool asking_network = false;                // the question before a voice over the network
};

// The rules run when something changed, not every frame.
struct RuleCheck {
    std::vector<Issue> issues;
    bool stale = true;
    bool announce_new = false;              // the last change was a choice: read out a problem it brought
    std::map<StepId, int> errors_per_step;  // for the step list
};

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

}  // namespace sipprep::ui
