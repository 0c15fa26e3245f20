// Colours and sizes of the UI.
#pragma once

namespace sipprep::ui {

// Light theme, sizes scaled with the text size (1.0 … 2.0); curves tessellated for the
// screen's devicePixelRatio so circles stay round on sharp screens.
void apply_theme(float text_scale, float pixel_ratio, bool high_contrast = false);

}  // namespace sipprep::ui
