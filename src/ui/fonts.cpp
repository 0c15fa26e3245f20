#include "fonts.hpp"

#include "imgui.h"
#include "imgui_internal.h"

namespace sipprep::ui {
void build_font(ImFontAtlas& atlas, int size, Fonts& fonts, const std::vector<unsigned char>& ttf, float pixel_ratio,
                float text_scale, const std::vector<unsigned char>& rtl_ttf) {
    // Latin-1, Latin Extended-A, the punctuation people type (dashes, quotes, bullets, …, ‰, ′ ″, ‹ ›, ⁄), €, and
    // the marks the app draws (→, ▴ ▾, ✓), and the seven joining forms of "العربية" for the language menu:
    // Swedish and the names people in Sweden have. build-wasm.sh reads
    // this table to subset the font file.
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x2015, 0x2018, 0x201E, 0x2020, 0x2022,
                                     0x2026, 0x2026, 0x2030, 0x2030, 0x2032, 0x2033, 0x2039, 0x203A, 0x2044, 0x2044,
                                     0x20AC, 0x20AC, 0x2192, 0x2192, 0x25B4, 0x25B4, 0x25BE, 0x25BE, 0x2713, 0x2713,
                                     0xFE8D, 0xFE8D, 0xFE91, 0xFE91, 0xFE94, 0xFE94, 0xFEAE, 0xFEAE, 0xFECC, 0xFECC,
                                     0xFEDF, 0xFEDF, 0xFEF4, 0xFEF4, 0xFFFD, 0xFFFD, 0};
    // Hebrew and Arabic with their presentation forms (the shaped letters bidi.cpp draws), and the
    // arrow the Arabic catalog points with (←, "what changed"): a font file of their own
    // (app-font-rtl.ttf), loaded only when right-to-left text is drawn.
    static const ImWchar rtl_ranges[] = {0x0590, 0x05FF, 0x0600, 0x06FF, 0x2190, 0x2190,
                                         0xFB1D, 0xFDFF, 0xFE70, 0xFEFE, 0};
    atlas.Clear();
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;  // less to clear and to upload
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the platform keeps the bytes
    cfg.OversampleH = 1;               // rasterised at device pixels already
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    const float px = kBodySize * kFontSizes[size] * text_scale * pixel_ratio;
    ImFont* font = atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(ttf.data()), static_cast<int>(ttf.size()), px,
                                              &cfg, ranges);
    if (!rtl_ttf.empty()) {
        cfg.MergeMode = true;
        atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(rtl_ttf.data()), static_cast<int>(rtl_ttf.size()), px,
                                   &cfg, rtl_ranges);
    }
    // The builder directly, not ImFontAtlas::Build(): that one falls back to ImGui's own font,
    // which would put ProggyClean (a tenth of ImGui's size) into the download for nothing.
    ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(&atlas);
    invisible_marks_take_no_room(font);
    (size == 0 ? fonts.body : size == 1 ? fonts.subheading : fonts.heading) = font;
    ImGui::GetIO().FontGlobalScale = 1.0f / pixel_ratio;
}

void invisible_marks_take_no_room(ImFont* font) {
    if (!font) return;
    // Also the bidirectional marks and embeddings, and U+FEFF (what a shaped ligature leaves in
    // its second letter's place, bidi.cpp).
    for (ImWchar c :
         {ImWchar(0x200B), ImWchar(0x200C), ImWchar(0x200D), ImWchar(0x200E), ImWchar(0x200F), ImWchar(0x202A),
          ImWchar(0x202B), ImWchar(0x202C), ImWchar(0x202D), ImWchar(0x202E), ImWchar(0x2060), ImWchar(0x2066),
          ImWchar(0x2067), ImWchar(0x2068), ImWchar(0x2069), ImWchar(0xFE0E), ImWchar(0xFE0F), ImWchar(0xFEFF)}) {
        if (font->FindGlyphNoFallback(c)) continue;
        font->AddGlyph(nullptr, c, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        // Into the atlas build's lookup, not a second build of it: each build fills a table as
        // long as the highest code point (U+FFFD: 65 536 entries), for each size at start.
        for (int i = font->IndexAdvanceX.Size; i <= c; ++i) {  // as the build leaves what it has no glyph for
            font->IndexAdvanceX.push_back(font->FallbackAdvanceX);
            font->IndexLookup.push_back(static_cast<ImWchar>(-1));
        }
        font->IndexAdvanceX[c] = 0.0f;
        font->IndexLookup[c] = static_cast<ImWchar>(font->Glyphs.Size - 1);
        font->Used4kPagesMap[c / 4096 / 8] |= static_cast<ImU8>(1 << (c / 4096 % 8));
    }
    font->DirtyLookupTables = false;
    font->FallbackGlyph = font->FindGlyphNoFallback(font->FallbackChar);  // Glyphs may have moved
}

}  // namespace sipprep::ui
