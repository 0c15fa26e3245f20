// Colours and sizes of the UI: a light theme and a high-contrast theme.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"

namespace sipprep::ui {

// Colours ImGui's style has no slot for.
struct Palette {
    ImVec4 focus_ring;
    ImVec4 field_focused;
    ImVec4 selection;
    ImVec4 error;
    ImVec4 primary_text;   // on ImGuiCol_Button
    ImVec4 normal_button;  // secondary buttons
    ImVec4 danger_button;
    ImVec4 progress;
};

// Sets ImGui's style and the palette. Sizes scale with the text size (1.0 … 2.0); curves are
// tessellated for the screen's devicePixelRatio so circles stay round on sharp screens.
void apply_theme(float text_scale, float pixel_ratio, bool high_contrast = false);
const Palette& palette();

// Foreground/background pairs the theme promises (WCAG 2.1: 4.5:1 for text, 3:1 for UI parts),
// for the contrast test.
struct ContrastPair {
    std::string what;
    ImVec4 foreground, background;
    float minimum;
};
std::vector<ContrastPair> contrast_pairs();
float contrast_ratio(const ImVec4& a, const ImVec4& b);

}  // namespace sipprep::ui
