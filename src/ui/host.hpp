// The seam between the app and where it runs, both ways, by role (after Tracy's Backend.hpp).
//
// Every call that crosses is one line of src/platform/seam.def; tools/seam.py writes the role
// interfaces from it (seam_roles.hpp, in the build folder), the browser's glue on both sides and
// the tests' host (docs/architecture.md, "The seam"). What the app asks of the place it runs in:
//
//   Platform    frames, the a11y layer, language catalogs, a new version
//   Files       downloads, the file picker, clipboard, printing
//   Passphrase  protected files (age v1)
//   Speech      reading aloud
//   DraftStore  the draft on this device: saving, versions, the lock, other tabs
//
// and what that place tells it: PlatformEvents, FileEvents, PassphraseEvents, SpeechEvents,
// DraftEvents. AppFrame is the platform's frame loop calling the app, in C++ only.
#pragma once

#include <memory>
#include <string>

namespace sipprep {
struct Date;
}

namespace sipprep::ui {

struct Fonts;

// A voice for reading aloud in a language: none, one on the device, or only one over the network
// (the browser sends the text to a speech service: SpeechSynthesisVoice.localService false).
// The numbers are what web/speech.js reports.
enum class SpeechVoice { None = 0, Device = 1, Network = 2 };

// Where an opened file came from: the file picker the app asked for, or dropped on the page.
enum class FileOrigin { Picker = 0, Drop = 1 };

}  // namespace sipprep::ui

#include "seam_roles.hpp"

namespace sipprep::ui {

// What the platform's frame loop asks of the app (nothing of it crosses to the page).
class AppFrame {
public:
    // Between ImGui::NewFrame() and ImGui::Render().
    virtual void frame(const Fonts& fonts) = 0;
    // What the font atlas and the theme are built for.
    virtual float text_scale() const = 0;
    virtual bool high_contrast() const = 0;
    virtual void set_today(const Date& today) = 0;
    // The rules over the draft, if it changed since they last ran and the screen shows them (the
    // frame runs them otherwise, when it draws them).
    virtual void check() = 0;

protected:
    ~AppFrame() = default;
};

// The role with the most calls first: a call to the first base needs no this-adjusting thunk.
class Host : public DraftStore, public Platform, public Files, public Passphrase, public Speech {};

class HostEvents : public DraftEvents,
                   public PlatformEvents,
                   public FileEvents,
                   public PassphraseEvents,
                   public SpeechEvents,
                   public AppFrame {
public:
    virtual ~HostEvents() = default;
};

// The app (ui/app.hpp), for a platform that knows it only by these interfaces.
std::unique_ptr<HostEvents> make_app(Host& host);

}  // namespace sipprep::ui
