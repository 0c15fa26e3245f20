// The glyphs the app can draw are one table (src/ui/fonts.cpp: `ranges`, and `rtl_ranges` in a
// file loaded only when right-to-left text is drawn); tools/build-web/fonts.mjs cuts the font to
// it. Every character of every catalog is in it, for a language written left to right without
// the right-to-left file: a text outside it would be drawn as the replacement mark.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/i18n.hpp"
#include "headless.hpp"
#include "imgui_internal.h"
#include "ui/bidi.hpp"
#include "ui/fonts.hpp"

using namespace sipprep;

namespace {

// The font the build cuts (fonts-dejavu-core, which build-wasm.sh installs), whole: the ranges decide.
const char* kDejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

std::vector<unsigned char> read_bytes(const char* path) {
    std::ifstream f(path, std::ios::binary);
    return std::vector<unsigned char>((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

// The characters `text` is drawn with: shaped and reordered (bidi.hpp) where it goes through
// FriBidi ("العربية" in every language's menu is drawn in its joining forms).
std::vector<char32_t> drawn(const std::string& text, bool rtl) {
    std::vector<char32_t> out;
    if (rtl || ui::has_rtl(text)) {
        const ui::BidiBlock block = ui::bidi_layout(text, rtl ? ui::BaseDirection::Rtl : ui::BaseDirection::Ltr, 0,
                                                    [](char32_t) { return 1.0f; });
        for (const ui::BidiLine& line : block.lines) out.insert(out.end(), line.visual.begin(), line.visual.end());
        return out;
    }
    for (const char* s = text.c_str(); *s;) {
        unsigned int c = 0;
        s += ImTextCharFromUtf8(&c, s, nullptr);
        if (c != '\n') out.push_back(c);
    }
    return out;
}

// "U+2190 in changes.changed" for each character of the catalog `lang` that `font` cannot draw.
std::vector<std::string> missing(ImFont* font, Lang lang) {
    std::ifstream f(std::string(SIPPREP_SOURCE_DIR) + "/assets/i18n/" + std::string(lang_code(lang)) + ".json");
    const nlohmann::json catalog = nlohmann::json::parse(f);
    std::vector<std::string> out;
    for (auto it = catalog.begin(); it != catalog.end(); ++it) {
        for (char32_t c : drawn(it.value().get<std::string>(), lang_is_rtl(lang))) {
            if (font->FindGlyphNoFallback(static_cast<ImWchar>(c))) continue;
            char name[16];
            std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(c));
            out.push_back(std::string(name) + " in " + it.key());
        }
    }
    return out;
}

}  // namespace

TEST(Fonts, EveryCatalogCharacterIsInTheCutFont) {
    ASSERT_TRUE(std::filesystem::exists(kDejaVu)) << kDejaVu << " (apt-get install fonts-dejavu-core)";
    const std::vector<unsigned char> dejavu = read_bytes(kDejaVu);
    test::Headless h;
    int checked = 0;
    for (bool rtl : {false, true}) {
        ui::Fonts fonts;
        ui::build_font(*ImGui::GetIO().Fonts, 0, fonts, dejavu, 1.0f, 1.0f,
                       rtl ? dejavu : std::vector<unsigned char>{});
        // The cut is a cut: a character the table leaves out is not there.
        EXPECT_EQ(fonts.body->FindGlyphNoFallback(0x2603), nullptr) << "U+2603 (a snowman) in the font";
        for (Lang lang : built_langs()) {
            if (lang_is_rtl(lang) != rtl) continue;
            for (const std::string& m : missing(fonts.body, lang)) ADD_FAILURE() << lang_code(lang) << ": " << m;
            ++checked;
        }
    }
    EXPECT_GE(checked, 6);
}

namespace {
int tab_glyphs(const ImFont* font) {
    int n = 0;
    for (const ImFontGlyph& g : font->Glyphs) n += g.Codepoint == '\t';
    return n;
}
}  // namespace

// The marks that take no width join the lookup the atlas built, not a second build of it (each
// build fills a table as long as the highest code point, for every size, at start): a second
// build would have added a second tab glyph.
TEST(Fonts, InvisibleMarksJoinTheAtlasLookupWithoutASecondBuild) {
    test::Headless h;  // ImGui's own font, which has none of the marks: each is added
    const ImFont* own = ImGui::GetIO().Fonts->Fonts[0];
    EXPECT_EQ(tab_glyphs(own), 1);
    ImGui::NewFrame();
    ImGui::PushFont(const_cast<ImFont*>(own));
    EXPECT_EQ(ImGui::CalcTextSize("a\u200Db\u2066c\uFEFF\uFE0F").x, ImGui::CalcTextSize("abc").x);
    EXPECT_EQ(ImGui::CalcTextSize("\u0416").x, own->FallbackAdvanceX) << "a letter the font has not is as wide as its fallback";
    ImGui::PopFont();
    ImGui::EndFrame();
    for (ImWchar c : {ImWchar(0x200B), ImWchar(0x202E), ImWchar(0xFEFF)}) {
        const ImFontGlyph* g = own->FindGlyphNoFallback(c);
        ASSERT_NE(g, nullptr) << c;
        EXPECT_FALSE(g->Visible);
        EXPECT_EQ(g->AdvanceX, 0.0f);
    }
    EXPECT_EQ(own->FallbackGlyph, own->FindGlyphNoFallback(own->FallbackChar)) << "the fallback points into the glyphs";

    ASSERT_TRUE(std::filesystem::exists(kDejaVu)) << kDejaVu;
    ui::Fonts fonts;
    ui::build_font(*ImGui::GetIO().Fonts, 0, fonts, read_bytes(kDejaVu), 1.0f, 1.0f, {});
    EXPECT_EQ(tab_glyphs(fonts.body), 1);
    EXPECT_EQ(fonts.body->FallbackGlyph, fonts.body->FindGlyphNoFallback(0xFFFD));
}
