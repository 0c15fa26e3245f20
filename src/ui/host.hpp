// The seam between the app and where it runs, both ways, in one place (after Tracy's Backend.hpp).
//
//   Host        what the app asks of the place it runs in (the browser, or a test's fake).
//   HostEvents  what that place tells the app: files arriving, the DOM mirror's focus and text,
//               storage results, and when it wants the draft to save.
//
// src/platform/web/ implements Host for the browser and forwards the page's events to
// HostEvents; tests/ui/fake_host.hpp implements both sides' test doubles. Nothing else crosses.
#pragma once

#include <string>

namespace sipprep::ui {

// Editing state of a text field as the DOM mirror has it (offsets in UTF-16 code units).
struct DomText {
    std::string value;
    int selection_start = 0;
    int selection_end = 0;
    bool backward = false;
};

// A voice for reading aloud in a language: none, one on the device, or only one over the network
// (the browser sends the text to a speech service: SpeechSynthesisVoice.localService false).
// The numbers are what web/speech.js reports.
enum class SpeechVoice { None = 0, Device = 1, Network = 2 };

// What the DOM mirror (web/mirror.js) needs after a frame. Each part is empty when unchanged;
// the message format is written down in docs/mirror-protocol.md.
struct MirrorUpdate {
    std::string patch;         // changed nodes of the accessibility tree (JSON), or ""
    std::string focus_key;     // move DOM focus to this node
    std::string selection;     // caret/selection for the focused text field (JSON), or ""
    std::string announcement;  // polite live-region text
    std::string lang;          // the UI language's BCP 47 tag ("sv", "en", "ar" …) when it changed
    bool rtl = false;          // with `lang`: the language is written right to left
    bool empty() const {
        return patch.empty() && focus_key.empty() && selection.empty() && announcement.empty() && lang.empty();
    }
};

class Host {
public:
    virtual ~Host() = default;

    // Offers `contents` to the person as a file download.
    virtual void download(const std::string& filename, const std::string& mime_type, const std::string& contents) = 0;
    // Opens the system's file picker; the chosen file arrives through HostEvents::file_opened.
    virtual void pick_file() = 0;
    virtual void copy_text(const std::string& text) = 0;
    // Opens `html` (a complete page) in the browser's print dialog.
    virtual void print_html(const std::string& title, const std::string& html) = 0;

    // The draft changed. The host decides when to save (debounced, and when the page is hidden)
    // and then asks HostEvents::draft_to_save(): nothing is serialised per keystroke.
    virtual void draft_changed() = 0;
    // Removes the stored draft and anything kept aside.
    virtual void clear_draft() = 0;
    // Keeps a stored draft that could not be read beside the next one, so it is not overwritten.
    virtual void keep_unreadable_draft(const std::string& text) = 0;

    // Keeps the draft as it is now as an earlier version (before something replaces it);
    // `kind` says why: "new", "open".
    virtual void keep_version(const std::string& kind) = 0;
    // Asks for the list of earlier versions; it arrives through HostEvents::versions_listed.
    virtual void list_versions() = 0;
    // Makes version `id` the draft (the draft before it is kept as a version first); it
    // arrives through HostEvents::draft_reloaded.
    virtual void restore_version(int id) = 0;

    // This tab takes over editing from another tab or window of the app (which then stops).
    virtual void take_over_editing() = 0;

    // Removes the stored draft and its versions when nobody has used it for `days` (0: never).
    virtual void set_auto_erase(int days) = 0;

    // Passphrase files (age v1). The code for them is loaded the first time it is needed, so
    // both answers come later, through HostEvents::file_protected and file_unlocked.
    // Offers `contents` as a download protected by `passphrase`.
    virtual void download_protected(const std::string& filename, const std::string& contents,
                                    const std::string& passphrase) = 0;
    // Opens an age file with `passphrase`.
    virtual void unlock_file(const std::string& bytes, const std::string& passphrase) = 0;

    // "Lås med lösenord": from now on the stored draft is kept only as an age file under this
    // passphrase, and no readable earlier versions are kept (HostEvents::draft_lock_changed).
    virtual void lock_draft(const std::string& passphrase) = 0;
    // Opens the stored, locked draft (HostEvents::draft_unlocked); later saves stay locked.
    virtual void unlock_draft(const std::string& passphrase) = 0;
    // Stores the draft readable again (HostEvents::draft_lock_changed).
    virtual void remove_draft_lock() = 0;

    // A new version of the app is waiting: save the draft and reload into it.
    virtual void reload_for_update() = 0;
    // Fetches the text catalog of language `code` (a catalog id, core/i18n.hpp), which the web
    // app does not have built in; it arrives through HostEvents::language_loaded, or
    // language_failed when it could not be fetched.
    virtual void load_language(const std::string& code) = 0;

    // Reads `text` aloud with the browser's speech synthesis in `lang` (a BCP 47 tag) at `rate`
    // (1 = normal), with a voice on the device; with a voice over the network only when
    // `network_ok` (the person agreed); HostEvents::speech_ended when done or stopped.
    virtual void speak(const std::string& text, const std::string& lang, float rate, bool network_ok) = 0;
    virtual void stop_speaking() = 0;

    // Asks for `count` more frames (messages that must show). Input wakes the app by itself.
    virtual void request_frames(int count) = 0;
    // Keeps the DOM mirror in step with the frame just drawn.
    virtual void update_mirror(const MirrorUpdate& update) = 0;
};

// Where an opened file came from: the file picker the app asked for, or dropped on the page.
enum class FileOrigin { Picker, Drop };

class HostEvents {
public:
    virtual ~HostEvents() = default;

    // A file the person chose or dropped (raw bytes: the core says what is wrong with them).
    virtual void file_opened(const std::string& name, const std::string& bytes, FileOrigin origin) = 0;
    // A file the host would not read: "open.too_large" (above kMaxFileBytes, refused before it
    // was read) or "open.memory" (no memory to hand it over). Nothing of the draft changes.
    virtual void file_refused(const std::string& name, const std::string& reason_key) = 0;
    // The host could not hand the app something (a text, an answer) because memory ran short.
    virtual void memory_short() = 0;
    // A protected download started (error_key "") or could not be made (a catalog key).
    virtual void file_protected(const std::string& filename, const std::string& error_key) = 0;
    // An age file was opened (error_key "", its contents in `plaintext`) or not ("age.wrong_passphrase" …).
    virtual void file_unlocked(const std::string& error_key, const std::string& plaintext) = 0;
    // At start (and after taking over from another tab): the stored draft is locked with a
    // passphrase, last saved at `saved_at` (ISO 8601 UTC, or ""). draft_loaded gets "".
    virtual void draft_locked(const std::string& saved_at) = 0;
    // The locked draft was opened ("" and its text) or not ("age.wrong_passphrase" …).
    virtual void draft_unlocked(const std::string& error_key, const std::string& draft_json) = 0;
    // The lock on the stored draft was set or removed (error_key "") or could not be set.
    virtual void draft_lock_changed(bool locked, const std::string& error_key) = 0;
    // A new version of the app has been downloaded; it starts when the page reloads.
    virtual void update_available() = 0;
    // Which voice the browser has for the language tag `lang` (lang_text_tag of each language
    // the app has; at start, and when its voices change).
    virtual void speech_available(const std::string& lang, SpeechVoice voice) = 0;
    // A language's catalog file arrived (core's load_catalog checks it is this build's), or it
    // could not be fetched (offline, refused): the app stays in the language it shows.
    virtual void language_loaded(const std::string& code, const std::string& file) = 0;
    virtual void language_failed(const std::string& code) = 0;
    // Reading aloud ended (done, stopped, or the browser gave up).
    virtual void speech_ended() = 0;
    // Whether the browser promised to keep the stored draft (persistent storage). Without it the
    // browser may clear it when space runs short or, as Safari does, after days without use.
    virtual void storage_kept(bool kept) = 0;
    // The stored draft, before the first frame ("" when there is none).
    virtual void draft_loaded(const std::string& draft_json) = 0;
    // Another tab or window edits the preparation (true), or this one does again (false).
    virtual void editing_elsewhere(bool elsewhere) = 0;
    // This tab edits again: the stored draft as the other tab left it ("" when it was erased).
    // `go_on`: the person chose it ("Fortsätt här", a restored version): straight to where they
    // were; otherwise (the editing tab closed while this one waited) the neutral screen first.
    virtual void draft_reloaded(const std::string& draft_json, bool go_on) = 0;
    // The auto-erase setting at start, and whether a draft unused that long was just removed.
    virtual void auto_erase_status(int days, bool erased_now) = 0;
    // The earlier versions, newest first: [{"id":…,"time":"2026-11-23T14:32:00Z","kind":"auto"}].
    virtual void versions_listed(const std::string& json) = 0;
    // The draft was written to the device's storage just now.
    virtual void draft_saved() = 0;
    // Saving the draft failed (private window, quota, too large).
    virtual void storage_failed(const std::string& reason) = 0;
    // The draft as it should be stored now.
    virtual std::string draft_to_save() = 0;

    // The DOM mirror: focus, activation (Enter, Space, a screen reader's click) and text editing.
    virtual void dom_focus(const std::string& key, bool visible) = 0;
    virtual void dom_blur(const std::string& key) = 0;
    virtual void dom_activate(const std::string& key) = 0;
    virtual void dom_text(const std::string& key, const DomText& text) = 0;
};

}  // namespace sipprep::ui
