// "Hur har du det nu?": the situation, what works well, strengths.
#include <algorithm>

#include "core/enum_names.hpp"
#include "core/labels.hpp"
#include "imgui.h"
#include "ui/steps/step_context.hpp"

namespace sipprep::ui {

void draw_now(StepContext& c) {
    paragraph(c.child ? c.t("now.intro.child") : c.t("now.intro"));
    c.voices_field(c.child ? c.t("now.situation.child") : c.t("now.situation"), "now", c.prep.situation.now);
    c.voices_field(c.t("now.works_well"), "works-well", c.prep.situation.works_well);
    c.voices_field(c.child ? c.t("now.strengths.child") : c.t("now.strengths"), "strengths",
                   c.prep.situation.strengths);
}

}  // namespace sipprep::ui
