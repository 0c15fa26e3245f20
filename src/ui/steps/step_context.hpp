// What a step screen works with: the preparation it changes, what it may read, its own
// remembered state, and the requests it hands back to the app (go to a step, export, print…).
// Steps never reach the host or the app directly; data flows in, requests flow out.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/i18n.hpp"
#include "core/issue.hpp"
#include "core/model.hpp"
#include "core/summary.hpp"
#include "ui/draft.hpp"
#include "ui/steps/step_table.hpp"
#include "ui/widgets.hpp"

namespace sipprep::ui {

enum class FillMode { Myself, WithRelative, GuardianOfChild, Representative };

// What the screens remember between frames that is not part of the preparation.
struct StepStates {
    UnaddedTexts unadded;
    struct AboutYou {
        std::string remove_pending;  // a named guardian or representative, waiting for "yes, remove"
    } about_you;
    struct Needs {
        std::string remove_pending;  // a life area with text, waiting for "yes, remove"
    } needs;
    struct Questions {
        std::string remove_pending;  // someone else's question, waiting for "yes, remove"
    } questions;
    struct Consent {
        std::set<std::string> by_date;  // consents whose person chose "Till ett datum" before typing it
    } consent;
    struct FollowUp {
        bool show_changes = false;  // "Vad har ändrats?" open
        std::optional<Summary> changes;
        std::uint64_t changes_revision = 0;
        Lang changes_lang = Lang::Sv;
    } follow_up;
    struct Goal {
        std::string remove_pending;  // someone else's short-term goal, waiting for "yes, remove"
    } goal;
    struct Invite {
        std::string remove_pending;  // an invited service with words typed for it, unticked
    } invite;
    struct AfterMeeting {
        std::string remove_pending;  // an effort with text, waiting for "yes, remove"
    } after_meeting;
    struct Summary {
        bool protect = false;  // save the file with a passphrase
        std::string passphrase, repeat;
        bool tried = false;           // "Exportera" was pressed: say what is missing
        bool confirm_errors = false;  // the file would be saved with errors: asked first
        bool save_tried = false;      // "Spara fil" was pressed: a missing answer is said at its field
        std::string confirm_at;       // the "Spara fil" that asked (summary or after the meeting)
    } summary;
};

// "Spara fil" with the rule check first: with errors the person is asked (fix first, or save
// anyway) before anything is saved. The summary and "Efter mötet" save the same way; `id` keeps
// their controls apart.
void save_file_button(StepContext& c, const std::string& id);
// What the button asks, drawn where the screen has room for it (after the buttons on its row).
void save_file_questions(StepContext& c, const std::string& id);

// An id with `prefix` that no contributor, representative, question, invitee or consent has.
std::string new_id(const Preparation& prep, const char* prefix);

// A guardian or representative added to the plan, with a voice of their own (guardians and
// representatives usually write too): the writer id they write under.
std::string add_representative(Preparation& prep, RepresentativeKind kind);

// The typed question, or the relative who is to write, added to the plan by `author` (the
// buttons "Lägg till fråga" and "Lägg till", and leaving the step with it typed): what the
// person hears then, or "" when there was nothing to add.
std::string add_typed_question(Preparation& prep, UnaddedTexts& unadded, const std::string& author, Lang lang);
std::string add_typed_writer(Preparation& prep, UnaddedTexts& unadded, Lang lang);

// Item `i` of `list` removed and said (`said_key`); focus goes to the item now in its place, after
// the last one to the one before, and with none left to `none_left`: `control(j)` names the
// control of item j that takes it.
template <typename T, typename Control>
void remove_list_item(StepContext& c, std::vector<T>& list, std::size_t i, const char* said_key, const Control& control,
                      const std::string& none_left);

// What consent `k` is to changed (its terms on the consent step, its receiver's name on "Vilka ska
// vara med?"): a guardian's yes was to what it was, so each other guardian answers again (the one
// who writes changed it, and answers as they go), and is told so. Else one guardian could widen
// what the other had said yes to.
void guardians_answer_again(StepContext& c, Consent& k);

// The summary's rule for a passphrase that protects a file (at least 8 characters).
inline constexpr int kMinPassphraseChars = 8;
bool passphrase_long_enough(const std::string& passphrase);

struct StepContext;

// What a step asks of the app; carried out after the frame's drawing.
struct StepRequests {
    std::optional<StepId> go_to_step;
    bool go_to_evaluation = false;
    bool pick_earlier_plan = false;
    bool export_file = false;
    bool print_summary = false;   // for everyone at the meeting
    bool print_convener = false;  // the page for the one who calls the meeting
    bool print_consent_forms = false;
    bool save_calendar = false;  // the follow-up meeting as an .ics file
    std::string about_section;   // open "Om SIP" at this section ("asking", "child" …)
    // An item of a list moved or removed (StepContext::change_list).
    struct ListChange {
        void (*apply)(StepContext& c, std::size_t index, const std::string& name) = nullptr;
        std::size_t index = 0;
        std::string name;
    } list_change;
};

struct StepContext {
    Preparation& prep;
    const Preparation* earlier;        // follow-up: the earlier plan, read-only, or null
    const std::vector<Issue>& issues;  // the rule check of the current preparation
    const std::string& author;         // who writes now (Contributor::id)
    Lang lang;
    Date today;
    bool child;
    FillMode mode;
    StepStates& state;
    std::vector<std::string>& notes;  // this step's messages (e.g. why something was not removed)
    const std::string& status;        // the result of the last action (export…)
    std::uint64_t revision;           // changes whenever the preparation or the earlier plan does
    bool storage_kept;                // the browser promised to keep the stored draft

    StepRequests requests;
    bool changed = false;

    const std::string& t(const char* key) const { return tr(lang, key); }
    // A prompt worded for who writes now: "<key>.other" about the person when someone else writes
    // ("Vad tror du är viktigt för Elsa?"), "<key>.child" to a child, else "<key>".
    std::string prompt(const char* key) const;
    void mark(bool c) { changed = changed || c; }
    // An item of a list moved or removed: done once the step is drawn (the first asked for in a
    // frame), so that the frame shows every item once, as it was, and the next one the list as
    // changed. Done at once, an item moved down was drawn twice, and after a removal the rest of
    // the list left that frame: for a frame on the canvas, and in the a11y layer, which took those
    // items away and made them again. `apply` marks the preparation changed itself.
    void change_list(void (*apply)(StepContext& c, std::size_t index, const std::string& name), std::size_t index,
                     std::string name = {}) {
        if (!requests.list_change.apply) requests.list_change = {apply, index, std::move(name)};
    }
    // The rule error for the field at `path` (its own message), or "" — shown under the field.
    std::string field_error(const std::string& path) const;
    // The message of the issue `code` at `path` (a question the field asks, such as "pnr.over_100"), or "".
    std::string field_message(const std::string& path, const char* code) const;
    // An id with `prefix` that no contributor, representative, question, invitee or consent has.
    std::string new_id(const char* prefix) const;
    std::string author_name(const std::string& id) const;
    // "Ta bort …" for the item `id`: true when it is to go now. With a question in `ask` (there is
    // text, or someone else wrote it) the button first asks "Ja, ta bort" / "Nej, behåll", and
    // `pending` remembers which item is waiting; focus follows to the answer and back.
    bool remove_button(const std::string& label, const std::string& id, const std::string& ask, std::string& pending);
    // The question alone, for an item `id` that is waiting (pending == id): true on "Ja, ta bort";
    // "Nej, behåll" gives focus back to `back`.
    bool confirm_remove(const std::string& id, const std::string& ask, std::string& pending, const std::string& back);
    // A follow-up: what each one wrote here in the earlier plan, with "Ta med" to carry it into
    // this one (for a writer who has not written here yet).
    void earlier_voices(const std::string& id, const Voices* then, Voices& now);
    // A follow-up: last time's items of a list (short-term goals, questions) that this one does not
    // have yet, each with "Ta med"; the index of the one taken this frame, or -1.
    int earlier_items(const std::string& id, const std::vector<const std::string*>& then,
                      const std::vector<const std::string*>& now);
    // "Ta med: <the text's start>": true when pressed.
    bool keep_button(const std::string& id, const std::string& text);
    // "Om SIP: <the section's title>", a quiet link to that part of "Om SIP" where it matters.
    void about_link(const char* section);
    // One contributor's words in a free-text answer, with the others' words shown under them.
    bool voices_field(const std::string& label, const std::string& id, Voices& voices, FieldOptions options = {});
};

// An item of a long list, for its CachedRegion signature: `words` (a hash of what it says) with
// what every item shows beside them: its number and whether it is the last (the list's `count`),
// the language, and whether its remove waits for "yes".
inline std::size_t list_item_signature(std::size_t words, const StepContext& c, std::size_t i, std::size_t count,
                                       bool remove_pending) {
    for (std::size_t part : {i, count, static_cast<std::size_t>(c.lang), static_cast<std::size_t>(remove_pending)})
        words = hash_combine(words, part);
    return words;
}

// Who wrote an item of a long list, as shown (nothing for the one writing now, else their name),
// hashed for the items' CachedRegion signatures once per writer: a handful, looked for in turn.
class AuthorHashes {
public:
    explicit AuthorHashes(const StepContext& c) : c_(c) {}
    std::size_t operator()(const std::string& author) {
        for (const auto& [id, hash] : hashes_)
            if (*id == author) return hash;
        const std::size_t hash = std::hash<std::string>{}(author == c_.author ? std::string() : c_.author_name(author));
        hashes_.emplace_back(&author, hash);
        return hash;
    }

private:
    const StepContext& c_;
    std::vector<std::pair<const std::string*, std::size_t>> hashes_;  // the items' own strings: kept while drawn
};

template <typename T, typename Control>
void remove_list_item(StepContext& c, std::vector<T>& list, std::size_t i, const char* said_key, const Control& control,
                      const std::string& none_left) {
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
    announce(c.t(said_key));
    focus_control(i < list.size() ? control(i) : i > 0 ? control(i - 1) : none_left);
    c.mark(true);
}

}  // namespace sipprep::ui
