// WCAG 2.1 AA contrast, computed from the theme's own colours: 4.5:1 for text, 3:1 for UI parts,
// in the light theme and in the high-contrast theme (which promises 7:1 for text).
#include <gtest/gtest.h>

#include "headless.hpp"
#include "ui/theme.hpp"

using namespace sipprep;

TEST(Theme, ContrastMeetsWcagAA) {
    test::Headless ui;
    for (bool high : {false, true}) {
        ui::apply_theme(1.0f, 1.0f, high);
        const auto pairs = ui::contrast_pairs();
        // Text, controls, focus ring, errors, primary buttons: an empty list would check nothing.
        ASSERT_GE(pairs.size(), 8u);
        for (const ui::ContrastPair& p : pairs) {
            const float ratio = ui::contrast_ratio(p.foreground, p.background);
            const float wanted = high && p.minimum >= 4.5f ? 7.0f : p.minimum;
            EXPECT_GE(ratio, wanted) << (high ? "high contrast: " : "light: ") << p.what << " is " << ratio << ":1";
        }
    }
}

TEST(Theme, RatioOfBlackOnWhiteIs21) {
    EXPECT_NEAR(ui::contrast_ratio(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)), 21.0f, 0.01f);
}
