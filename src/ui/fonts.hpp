// The app's font (DejaVu Sans, subset at build time) in two sizes, rasterised for the screen's
// pixel density so text stays crisp at any zoom and text size.
#pragma once

#include <vector>

struct ImFont;

namespace sipprep::ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* subheading = nullptr;
    ImFont* heading = nullptr;
};

inline constexpr float kBodySize = 18.0f;  // CSS pixels at text size 100 %

// Rebuilds the ImGui font atlas from `ttf` (the app font; not empty) for `pixel_ratio`
// (devicePixelRatio) and `text_scale` (1.0 … 2.0). Sets io.FontGlobalScale so sizes stay in CSS
// pixels. The atlas's pixels are in io.Fonts->TexPixelsAlpha8 afterwards.
// `rtl_ttf`, once loaded (app-font-rtl.ttf), adds the Hebrew and Arabic glyphs to each size.
Fonts build_fonts(const std::vector<unsigned char>& ttf, float pixel_ratio, float text_scale,
                  const std::vector<unsigned char>& rtl_ttf = {});

// Emoji are kept as typed but the font has none: each is drawn as the visible replacement mark
// (U+FFFD, in the subset). The invisible joiners and variation selectors that follow many emoji
// ("❤️" is U+2764 U+FE0F) take no room, so one emoji shows as one mark, not two.
void invisible_marks_take_no_room(ImFont* font);

}  // namespace sipprep::ui
