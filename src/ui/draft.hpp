// The draft kept on this device: the preparation as a bundle, the earlier plan of a follow-up,
// and where the person was in the app. Written only when the host asks to save, never per frame.
#pragma once

#include <optional>
#include <string>

#include "core/date.hpp"
#include "core/i18n.hpp"
#include "core/model.hpp"

namespace sipprep::ui {

// Typed into a step's "new …" fields and not added yet (with its button): kept with the draft, so
// that a reload loses none of it, and added when the person goes on to another step (App::go_to).
struct UnaddedTexts {
    std::string question;                      // "Ny fråga"
    std::string writer_name, writer_relation;  // a relative who is about to write too
    bool empty() const { return question.empty() && writer_name.empty() && writer_relation.empty(); }
};

// Where the person was: restored so that they continue where they left off.
struct DraftPlace {
    std::string screen;  // "start", "steps" …
    std::string step;    // StepInfo::name
    std::string author;  // who was writing
    int mode = 0;        // FillMode
    float text_scale = 1.0f;
    bool high_contrast = false;
    float speech_rate = 1.0f;    // "Läs upp"'s speed
    bool network_voice = false;  // "Läs upp" may use a voice over the network (the person agreed)
    std::string created;         // first export of this preparation
    std::string saved_sha;       // the content's checksum when it was last saved to a file
    UnaddedTexts unadded;
};

struct Draft {
    Preparation prep;
    std::optional<Preparation> earlier;
    Lang lang = Lang::Sv;
    DraftPlace place;
    std::string updated;  // when it was last written (UTC, as the format writes it)
};

std::string write_draft(const Preparation& prep, const Preparation* earlier, Lang lang, const DraftPlace& place);
// nullopt when the text is not a draft this app can read (it is then kept aside, not overwritten).
std::optional<Draft> read_draft(const std::string& text, const Date& today);

}  // namespace sipprep::ui
