// Follow-up only: how it went since the last plan.
#include <algorithm>

#include "core/enum_names.hpp"
#include "core/labels.hpp"
#include "imgui.h"
#include "ui/steps/step_context.hpp"

namespace sipprep::ui {

void draw_follow_up(StepContext& c) {
    paragraph(c.t("followup.intro"));
    FieldOptions o;
    c.voices_field(c.t("followup.how_it_went"), "fu-how", c.prep.follow_up.how_it_went, o);
    c.voices_field(c.t("followup.what_changed"), "fu-changed", c.prep.follow_up.what_changed, o);
    c.voices_field(c.t("followup.efforts_done"), "fu-done", c.prep.follow_up.efforts_done, o);
    c.voices_field(c.t("followup.efforts_helped"), "fu-helped", c.prep.follow_up.efforts_helped, o);
    c.voices_field(c.t("followup.other_needed"), "fu-other", c.prep.follow_up.other_needed, o);
}

}  // namespace sipprep::ui
