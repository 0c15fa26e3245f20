// "Hur har du det nu?": the situation, what works well, strengths.
#include <algorithm>

#include "core/enum_names.hpp"
#include "core/labels.hpp"
#include "imgui.h"
#include "ui/steps/step_context.hpp"

namespace sipprep::ui {

void draw_now(StepContext& c) {
    paragraph(c.prompt("now.intro"));
    const Situation* then = c.earlier ? &c.earlier->situation : nullptr;
    c.voices_field(c.prompt("now.situation"), "now", c.prep.situation.now);
    c.earlier_voices("now", then ? &then->now : nullptr, c.prep.situation.now);
    c.voices_field(c.prompt("now.works_well"), "works-well", c.prep.situation.works_well);
    c.earlier_voices("works-well", then ? &then->works_well : nullptr, c.prep.situation.works_well);
    c.voices_field(c.prompt("now.strengths"), "strengths", c.prep.situation.strengths);
    c.earlier_voices("strengths", then ? &then->strengths : nullptr, c.prep.situation.strengths);
    // What relatives can help with: asked of a relative; the person sees what they wrote.
    if (c.author != kPersonId || !c.prep.can_help.entries.empty())
        c.voices_field(c.prompt("now.can_help"), "can-help", c.prep.can_help);
}

}  // namespace sipprep::ui
