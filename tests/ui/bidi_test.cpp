// Right-to-left text: FriBidi's levels and shaping (natively Debian's libfribidi), line breaking on
// the logical text, each line reordered, the caret's logical↔visual map, and mirrored widgets.
#include <gtest/gtest.h>

#include <algorithm>

#include "app_driver.hpp"
#include "headless.hpp"
#include "imgui_internal.h"
#include "ui/bidi.hpp"
#include "ui/widgets.hpp"

using namespace sipprep;
using ui::BaseDirection;

namespace {

float one(char32_t) { return 1.0f; }  // every character one unit wide: positions are indices

std::u32string u32(const std::string& utf8) {
    std::u32string out;
    const char* p = utf8.c_str();
    const char* end = p + utf8.size();
    while (p < end) {
        unsigned int c = 0;
        p += ImTextCharFromUtf8(&c, p, end);
        out.push_back(c);
    }
    return out;
}

// The position of `part` (logical order, left to right: Latin and digits) in the visual line.
std::size_t at(const ui::BidiLine& line, const std::string& part) {
    const std::u32string p = u32(part);
    const auto found = std::search(line.visual.begin(), line.visual.end(), p.begin(), p.end());
    return found == line.visual.end() ? std::u32string::npos : static_cast<std::size_t>(found - line.visual.begin());
}

struct Direction {  // the layout's direction for one test, put back after it
    explicit Direction(ui::TextDirection d) { ui::set_text_direction(d); }
    ~Direction() { ui::set_text_direction(ui::TextDirection::Ltr); }
};

}  // namespace

TEST(Bidi, AnArabicWordIsShapedIntoItsJoiningFormsAndDrawnFromTheRight) {
    // محمد: meem initial, hah medial, meem medial, dal final; drawn right to left.
    const ui::BidiBlock b = ui::bidi_layout("محمد", BaseDirection::Rtl, 0, one);
    ASSERT_EQ(b.lines.size(), 1u);
    EXPECT_EQ(b.lines[0].visual, (std::vector<char32_t>{0xFEAA, 0xFEE4, 0xFEA4, 0xFEE3}));
    EXPECT_TRUE(b.lines[0].rtl);
    // سلام: seen initial, then lam-alef as one ligature (final form, in the alef's place; the
    // lam's place takes no room), meem isolated (alef does not join to the left).
    const ui::BidiBlock salam = ui::bidi_layout("سلام", BaseDirection::Rtl, 0, one);
    EXPECT_EQ(salam.lines[0].visual, (std::vector<char32_t>{0xFEE1, 0xFEFC, 0xFEFF, 0xFEB3}));
}

TEST(Bidi, ASwedishNameAPersonnummerAndADateStayLeftToRightInsideAnArabicSentence) {
    const std::string text = "اسمي Anna Svensson ورقمي 19121212-1212 في 2026-12-04";
    const ui::BidiBlock b = ui::bidi_layout(text, BaseDirection::Rtl, 0, one);
    ASSERT_EQ(b.lines.size(), 1u);
    const ui::BidiLine& line = b.lines[0];
    ASSERT_NE(at(line, "Anna Svensson"), std::u32string::npos);
    ASSERT_NE(at(line, "19121212-1212"), std::u32string::npos);
    ASSERT_NE(at(line, "2026-12-04"), std::u32string::npos);
    // Read from the right: the name, then the personnummer, then the date.
    EXPECT_LT(at(line, "2026-12-04"), at(line, "19121212-1212"));
    EXPECT_LT(at(line, "19121212-1212"), at(line, "Anna Svensson"));
    // The sentence's first word is at the right end: its alef (isolated form) is drawn last.
    EXPECT_EQ(line.visual.back(), char32_t(0xFE8D));
    // The date at the left end, the word في (fa isolated, yeh isolated … drawn as yeh then fa) beside it.
    EXPECT_EQ(at(line, "2026-12-04"), 0u);
    EXPECT_EQ(line.visual.size(), u32(text).size());
    // Each visual character knows where it is in the text: the name's first letter is at "Anna".
    EXPECT_EQ(line.byte[at(line, "Anna")], static_cast<int>(text.find("Anna")));
}

TEST(Bidi, InALeftToRightLayoutAnArabicNameIsReorderedWithinTheSwedishSentence) {
    const std::string text = "Jag heter سلمى Berg";
    const ui::BidiBlock b = ui::bidi_layout(text, BaseDirection::Ltr, 0, one);
    const ui::BidiLine& line = b.lines[0];
    EXPECT_FALSE(b.lines[0].rtl);
    EXPECT_EQ(at(line, "Jag heter "), 0u);
    EXPECT_EQ(at(line, " Berg"), line.visual.size() - 5);
    // سلمى reversed: its last letter (alef maksura, final form) comes first after "Jag heter ".
    EXPECT_EQ(line.visual[10], char32_t(0xFEF0));
    EXPECT_TRUE(ui::has_rtl(text));
    EXPECT_FALSE(ui::has_rtl("Åsa Öberg, 19121212-1212 – “citat” …"));
}

TEST(Bidi, LinesBreakOnTheLogicalTextAndTheFirstWordsAreOnTheFirstLineAtTheRight) {
    // Three words of four letters, room for about two: the first line holds the first two words
    // (in reading order), its right end is the text's first letter.
    const std::string text = "محمد محمد سلمى";
    const ui::BidiBlock b = ui::bidi_layout(text, BaseDirection::Rtl, 10, one);
    ASSERT_EQ(b.lines.size(), 2u);
    EXPECT_EQ(b.lines[0].begin, 0);
    EXPECT_EQ(b.lines[1].begin, static_cast<int>(text.find("سلمى")));
    EXPECT_EQ(b.lines[0].byte.back(), 0);  // the first letter, drawn at the right end
    // The space that ends the first line hangs at its left (the paragraph's end side).
    EXPECT_EQ(b.lines[0].visual.front(), U' ');
}

TEST(Bidi, TheCaretSitsAtTheRightPlaceInRightToLeftAndMixedText) {
    const std::string text = "سلمى Anna";
    const ui::BidiBlock b = ui::bidi_layout(text, BaseDirection::Auto, 0, one);
    const ui::BidiLine& line = b.lines[0];
    ASSERT_TRUE(b.lines[0].rtl);  // the first strong character is Arabic (as dir="auto")
    // Visual: "Anna" at the left, the space, then سلمى reversed: 9 characters.
    EXPECT_EQ(ui::bidi_caret_x(line, 0, one), 9.0f);  // before the first letter: the right edge
    const int after_salma = static_cast<int>(text.find(' '));
    EXPECT_EQ(ui::bidi_caret_x(line, after_salma, one), 5.0f);  // the space's right edge
    const int anna = static_cast<int>(text.find("Anna"));
    EXPECT_EQ(ui::bidi_caret_x(line, anna, one), 0.0f);  // before "Anna": its left edge
    EXPECT_EQ(ui::bidi_caret_x(line, anna + 2, one), 2.0f);
    EXPECT_EQ(ui::bidi_caret_x(line, static_cast<int>(text.size()), one), 4.0f);  // after "Anna"
    // And back: a click near the right edge is before the first letter, one on "nn" inside "Anna".
    EXPECT_EQ(ui::bidi_offset_at_x(line, 8.9f, one), 0);
    EXPECT_EQ(ui::bidi_offset_at_x(line, 1.2f, one), anna + 1);
    EXPECT_EQ(ui::bidi_offset_at_x(line, 20.0f, one), 0);
}

TEST(Bidi, TypedTextFollowsItsFirstStrongCharacterAndANeutralFieldTheLayout) {
    EXPECT_FALSE(ui::bidi_layout("Anna سلمى", BaseDirection::Auto, 0, one).lines[0].rtl);
    EXPECT_TRUE(ui::bidi_layout("سلمى Anna", BaseDirection::Auto, 0, one).lines[0].rtl);
    EXPECT_FALSE(ui::bidi_layout("123", BaseDirection::Auto, 0, one).lines[0].rtl);
    Direction rtl(ui::TextDirection::Rtl);
    EXPECT_TRUE(ui::bidi_layout("123", BaseDirection::Auto, 0, one).lines[0].rtl);
}

namespace {

const ui::A11yNode* node(const ui::A11yNode& n, ui::Role role, const std::string& name) {
    if (n.role == role && n.name == name) return &n;
    for (const ui::A11yNode& c : n.kids())
        if (const ui::A11yNode* f = node(c, role, name)) return f;
    return nullptr;
}

// The horizontal extent of what was drawn in the text colour within [y0, y1): where the words are.
std::pair<float, float> drawn_x(float y0, float y1) {
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    float lo = 1e9f, hi = -1e9f;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int i = 0; i < data->CmdListsCount; ++i) {
        const ImDrawList* dl = data->CmdLists[i];
        for (const ImDrawVert& v : dl->VtxBuffer)
            if (v.pos.y >= y0 && v.pos.y < y1 && v.col == text) {
                lo = std::min(lo, v.pos.x);
                hi = std::max(hi, v.pos.x);
            }
    }
    return {lo, hi};
}

}  // namespace

TEST(BidiWidgets, RightToLeftTheTextStandsAtTheRightAndTheChoicesReadFromTheRight) {
    test::Headless h{600, 800};
    int selected = 0;
    bool agreed = true;
    auto draw = [&] {
        h.frame([&] {
            ui::paragraph("مرحبا");
            ui::radio_group("اللغة", "lang", {"نعم", "لا"}, &selected);
            ui::checkbox("موافق", "agree", &agreed);
        });
    };
    {
        Direction rtl(ui::TextDirection::Rtl);
        draw();
        draw();
        const ui::A11yNode& root = h.tree.root();
        const ui::A11yNode* text = node(root, ui::Role::Text, "مرحبا");
        ASSERT_NE(text, nullptr);
        const auto [lo, hi] = drawn_x(text->y, text->y + text->h);
        EXPECT_GT(lo, 300.0f) << "the paragraph is drawn at the right";
        EXPECT_NEAR(hi, text->x + text->w, 2.0f);
        const ui::A11yNode* yes = node(root, ui::Role::Radio, "نعم");
        const ui::A11yNode* no = node(root, ui::Role::Radio, "لا");
        ASSERT_TRUE(yes && no);
        EXPECT_GT(yes->x, no->x) << "the first choice is the rightmost";
        EXPECT_NEAR(yes->x + yes->w, text->x + text->w, 2.0f) << "the first choice ends at the right edge";
        // The circle at the right of its words: the words end before the item's right edge by
        // at least the circle's width.
        const auto [wlo, whi] = drawn_x(yes->y, yes->y + yes->h);
        EXPECT_LT(whi, yes->x + yes->w - ImGui::GetFrameHeight() * 0.9f);
        // A check box too: at the right edge, its words left of the box.
        const ui::A11yNode* agree = node(root, ui::Role::Checkbox, "موافق");
        ASSERT_NE(agree, nullptr);
        EXPECT_NEAR(agree->x + agree->w, text->x + text->w, 2.0f);
        EXPECT_LT(drawn_x(agree->y, agree->y + agree->h).second, agree->x + agree->w - ImGui::GetFrameHeight() * 0.9f);
    }
    draw();
    draw();
    const ui::A11yNode* text = node(h.tree.root(), ui::Role::Text, "مرحبا");
    ASSERT_NE(text, nullptr);
    EXPECT_LT(drawn_x(text->y, text->y + text->h).first, 100.0f) << "left to right, the same text starts at the left";
}

TEST(BidiWidgets, TheA11yLayerIsToldTheDirectionWithTheLanguage) {
    test::Headless h;
    test::FakeHost host;
    ui::App app{host};
    h.app_frame([&](const ui::Fonts& f) { app.frame(f); });
    ASSERT_FALSE(host.asked.update_a11y.empty());
    EXPECT_EQ(host.asked.update_a11y.front().lang, "sv");
    EXPECT_FALSE(host.asked.update_a11y.front().rtl);
    EXPECT_FALSE(ui::layout_rtl());  // the App sets it from the language each frame
}
