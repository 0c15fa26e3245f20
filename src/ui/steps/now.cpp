// "Hur har du det nu?": the situation, what works well, strengths.
#include <algorithm>

#include "core/enum_names.hpp"
#include "core/labels.hpp"
#include "imgui.h"
#include "ui/steps/step_context.hpp"

namespace sipprep::ui {

void draw_now(StepContext& c) {
    paragraph(c.prompt("now.intro"));
    c.voices_field(c.prompt("now.situation"), "now", c.prep.situation.now);
    c.voices_field(c.prompt("now.works_well"), "works-well", c.prep.situation.works_well);
    c.voices_field(c.prompt("now.strengths"), "strengths", c.prep.situation.strengths);
}

}  // namespace sipprep::ui
