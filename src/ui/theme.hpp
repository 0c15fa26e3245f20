// Colours and sizes of the UI.
#pragma once

namespace sipprep::ui {

// Light theme, sizes scaled with the text size (1.0 … 2.0).
void apply_theme(float text_scale);

}  // namespace sipprep::ui
