#include "fonts.hpp"

#include "imgui.h"
#include "imgui_internal.h"

namespace sipprep::ui {
Fonts build_fonts(const std::vector<unsigned char>& ttf, float pixel_ratio, float text_scale) {
    // Latin-1, Latin Extended-A, the punctuation people type (dashes, quotes, bullets, …, ‰, ′ ″, ‹ ›, ⁄), €, and
    // the marks the app draws (→, ▴ ▾, ✓): Swedish and the names people in Sweden have. build-wasm.sh reads
    // this table to subset the font file.
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x2015, 0x2018, 0x201E, 0x2020,
                                     0x2022, 0x2026, 0x2026, 0x2030, 0x2030, 0x2032, 0x2033, 0x2039, 0x203A,
                                     0x2044, 0x2044, 0x20AC, 0x20AC, 0x2192, 0x2192, 0x25B4, 0x25B4, 0x25BE,
                                     0x25BE, 0x2713, 0x2713, 0xFFFD, 0xFFFD, 0};
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    Fonts fonts;
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the platform keeps the bytes
    cfg.OversampleH = 1;               // rasterised at device pixels already
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    void* data = const_cast<unsigned char*>(ttf.data());
    const int size = static_cast<int>(ttf.size());
    const float px = kBodySize * text_scale * pixel_ratio;
    fonts.body = io.Fonts->AddFontFromMemoryTTF(data, size, px, &cfg, ranges);
    fonts.subheading = io.Fonts->AddFontFromMemoryTTF(data, size, px * 1.25f, &cfg, ranges);
    fonts.heading = io.Fonts->AddFontFromMemoryTTF(data, size, px * 1.5f, &cfg, ranges);
    // The builder directly, not ImFontAtlas::Build(): that one falls back to ImGui's own font,
    // which would put ProggyClean (a tenth of ImGui's size) into the download for nothing.
    ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(io.Fonts);
    for (ImFont* f : {fonts.body, fonts.subheading, fonts.heading}) invisible_marks_take_no_room(f);
    io.FontGlobalScale = 1.0f / pixel_ratio;
    return fonts;
}

void invisible_marks_take_no_room(ImFont* font) {
    if (!font) return;
    for (ImWchar c : {ImWchar(0x200B), ImWchar(0x200C), ImWchar(0x200D), ImWchar(0x2060), ImWchar(0x2068),
                      ImWchar(0x2069), ImWchar(0xFE0E), ImWchar(0xFE0F)})
        if (!font->FindGlyphNoFallback(c)) font->AddGlyph(nullptr, c, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    font->BuildLookupTable();
}

}  // namespace sipprep::ui
