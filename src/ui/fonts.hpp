// The app's font (DejaVu Sans, subset at build time) in three sizes, rasterised for the screen's
// pixel density so text stays crisp at any zoom and text size.
#pragma once

#include <vector>

struct ImFont;
struct ImFontAtlas;

namespace sipprep::ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* subheading = nullptr;
    ImFont* heading = nullptr;
};

inline constexpr float kBodySize = 18.0f;  // CSS pixels at text size 100 %

// The sizes, as multiples of the body size. Each has an atlas of its own (the body's is
// io.Fonts), so that start-up can rasterise them in three tasks instead of one long one (issue 30).
inline constexpr float kFontSizes[] = {1.0f, 1.25f, 1.5f};  // body, subheading, heading
inline constexpr int kFontSizeCount = 3;

// Rebuilds `atlas` with the app font (`ttf`; not empty) at kFontSizes[size] for `pixel_ratio`
// (devicePixelRatio) and `text_scale` (1.0 … 2.0), and puts the font into `fonts`. Sets
// io.FontGlobalScale so sizes stay in CSS pixels. The pixels are in atlas.TexPixelsAlpha8 afterwards.
// `rtl_ttf`, once loaded (app-font-rtl.ttf), adds the Hebrew and Arabic glyphs.
void build_font(ImFontAtlas& atlas, int size, Fonts& fonts, const std::vector<unsigned char>& ttf, float pixel_ratio,
                float text_scale, const std::vector<unsigned char>& rtl_ttf = {});

// One glyph of `ttf` into an atlas that is thrown away: the rasteriser's and the atlas builder's
// code is compiled at its first call (V8 compiles WebAssembly function by function, lazily), so
// at start that is a task of its own, not a third of the first size's (issue 30: no long task).
void warm_font_builder(const std::vector<unsigned char>& ttf);

// Emoji are kept as typed but the font has none: each is drawn as the visible replacement mark
// (U+FFFD, in the subset). The invisible joiners and variation selectors that follow many emoji
// ("❤️" is U+2764 U+FE0F) take no room, so one emoji shows as one mark, not two.
void invisible_marks_take_no_room(ImFont* font);

}  // namespace sipprep::ui
