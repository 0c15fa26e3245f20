// Rows of controls read from the inline start (widgets.hpp's same_line): in Arabic the footer's
// "previous" stands at the right and "next" at its left, and a button's label that wraps has
// every line ending at the button's right edge; in Swedish the other way round. The a11y tree (and
// so Tab) keeps the logical order in both.
#include <gtest/gtest.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "app_driver.hpp"
#include "ui/bidi.hpp"
#include "ui/theme.hpp"

using namespace sipprep;
using test::AppRun;

namespace {

void choose_language(AppRun& r, Lang lang) {
    const std::string name = tr(Lang::Sv, "lang." + std::string(lang_code(lang)));
    const ui::A11yNode* o =
        test::find(r.app.a11y_tree(), ui::Role::Radio, lang_reviewed(lang) ? name : name + " (inte granskad)");
    ASSERT_NE(o, nullptr) << name;
    r.app.dom_activate(o->key);
    r.frame();
}

// Every node in drawing order (the a11y layer's DOM order, so the Tab order).
void in_order(const ui::A11yNode& n, std::vector<const ui::A11yNode*>& out) {
    out.push_back(&n);
    for (const ui::A11yNode& c : n.kids()) in_order(c, out);
}

std::size_t position(const ui::A11yNode& root, const ui::A11yNode* node) {
    std::vector<const ui::A11yNode*> all;
    in_order(root, all);
    return static_cast<std::size_t>(std::find(all.begin(), all.end(), node) - all.begin());
}

// The second step of a new preparation: the footer has all three buttons.
void second_step(AppRun& r, Lang lang) {
    choose_language(r, lang);
    test::press(r.h, r.app, tr(lang, "start.new"));
    test::press(r.h, r.app, tr(lang, "nav.next"));
}

struct Footer {
    const ui::A11yNode *previous, *next, *home;
};

Footer footer(const AppRun& r, Lang lang) {
    const ui::A11yNode& root = r.app.a11y_tree();
    return {test::find(root, ui::Role::Button, tr(lang, "nav.previous")),
            test::find(root, ui::Role::Button, tr(lang, "nav.next")),
            test::find(root, ui::Role::Button, tr(lang, "nav.start"))};
}

// The horizontal extent of the words drawn in a button's text colours within a rectangle.
std::pair<float, float> words_x(float x0, float x1, float y0, float y1) {
    const ImU32 colors[] = {ImGui::GetColorU32(ImGuiCol_Text),
                            ImGui::ColorConvertFloat4ToU32(ui::palette().primary_text)};
    float lo = 1e9f, hi = -1e9f;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int i = 0; i < data->CmdListsCount; ++i)
        for (const ImDrawVert& v : data->CmdLists[i]->VtxBuffer)
            if (v.pos.x >= x0 && v.pos.x <= x1 && v.pos.y >= y0 && v.pos.y < y1 &&
                std::find(std::begin(colors), std::end(colors), v.col) != std::end(colors)) {
                lo = std::min(lo, v.pos.x);
                hi = std::max(hi, v.pos.x);
            }
    return {lo, hi};
}

struct Lines {
    std::vector<std::pair<float, float>> x;  // each line's words, left and right
    float left = 0, right = 0;               // where the label's lines may go
};

// A button's label, line by line, as drawn.
Lines label_lines(const ui::A11yNode& b) {
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const float line_h = ImGui::GetTextLineHeight();
    Lines out;
    out.left = b.x + pad.x;
    out.right = b.x + b.w - pad.x;
    const int n = static_cast<int>((b.h - pad.y * 2) / line_h + 0.5f);
    for (int k = 0; k < n; ++k) {
        const float y = b.y + pad.y + line_h * static_cast<float>(k);
        out.x.push_back(words_x(b.x, b.x + b.w, y, y + line_h));
    }
    return out;
}

// Buttons on the screen whose label took several lines of different widths.
std::vector<Lines> wrapped_buttons(const AppRun& r) {
    std::vector<const ui::A11yNode*> all;
    in_order(r.app.a11y_tree(), all);
    std::vector<Lines> out;
    for (const ui::A11yNode* n : all) {
        if (n->role != ui::Role::Button || !n->has_rect) continue;
        Lines l = label_lines(*n);
        if (l.x.size() < 2) continue;
        float shortest = 1e9f, longest = 0;
        for (const auto& [lo, hi] : l.x) {
            shortest = std::min(shortest, hi - lo);
            longest = std::max(longest, hi - lo);
        }
        if (longest - shortest > 10) out.push_back(l);
    }
    return out;
}

}  // namespace

TEST(Rows, InArabicTheFooterReadsFromTheRightAndTheA11yTreeKeepsTheReadingOrder) {
    AppRun r;
    second_step(r, Lang::Ar);
    const Footer f = footer(r, Lang::Ar);
    ASSERT_TRUE(f.previous && f.next && f.home);
    EXPECT_GT(f.previous->x, f.next->x) << "previous at the right, next at its left";
    EXPECT_GT(f.next->x, f.home->x) << "then the way to the start page";
    EXPECT_EQ(f.previous->y, f.next->y) << "one row";
    EXPECT_LT(f.next->x + f.next->w, f.previous->x);
    const ui::A11yNode& root = r.app.a11y_tree();
    // The row starts at the right edge, where the app's title ends.
    const ui::A11yNode* title = test::find(root, ui::Role::Heading, tr(Lang::Ar, "app.title"));
    ASSERT_NE(title, nullptr);
    EXPECT_NEAR(f.previous->x + f.previous->w, title->x + title->w, 2.0f);
    EXPECT_LT(position(root, f.previous), position(root, f.next)) << "read (and tabbed) previous first";
    EXPECT_LT(position(root, f.next), position(root, f.home));
}

TEST(Rows, InSwedishTheFooterReadsFromTheLeft) {
    AppRun r;
    second_step(r, Lang::Sv);
    const Footer f = footer(r, Lang::Sv);
    ASSERT_TRUE(f.previous && f.next && f.home);
    EXPECT_LT(f.previous->x, f.next->x);
    EXPECT_LT(f.next->x, f.home->x);
    EXPECT_EQ(f.previous->y, f.next->y);
    const ui::A11yNode& root = r.app.a11y_tree();
    EXPECT_LT(position(root, f.previous), position(root, f.next));
}

// On a phone, long button labels wrap: right to left each line ends at the button's right
// edge (its inline start), left to right each starts at its left edge.
TEST(Rows, AWrappedButtonLabelStartsEachLineAtTheInlineStart) {
    for (Lang lang : {Lang::Ar, Lang::Sv}) {
        AppRun r(300);
        choose_language(r, lang);
        const std::vector<Lines> wrapped = wrapped_buttons(r);
        ASSERT_FALSE(wrapped.empty()) << "a start-screen button wraps at 300 px in " << lang_code(lang);
        for (const Lines& l : wrapped)
            for (const auto& [lo, hi] : l.x) {
                if (lang == Lang::Ar)
                    EXPECT_NEAR(hi, l.right, 3.0f) << "each line ends at the right edge";
                else
                    EXPECT_NEAR(lo, l.left, 3.0f) << "each line starts at the left edge";
            }
    }
}

// Right to left, a button alone on its line stands at the right, like the text above it.
TEST(Rows, InArabicAButtonAloneOnItsLineStandsAtTheRight) {
    AppRun r;
    choose_language(r, Lang::Ar);
    const ui::A11yNode& root = r.app.a11y_tree();
    const ui::A11yNode* title = test::find(root, ui::Role::Heading, tr(Lang::Ar, "app.title"));
    const ui::A11yNode* start = test::find(root, ui::Role::Button, tr(Lang::Ar, "start.new"));
    ASSERT_TRUE(title && start);
    EXPECT_NEAR(start->x + start->w, title->x + title->w, 2.0f);
}

// The screens place rows and indents only through widgets.hpp (same_line, indent): a raw
// ImGui::SameLine or ImGui::Indent would stay left to right in Arabic.
TEST(Rows, ScreensLayOutRowsOnlyThroughTheWidgets) {
    namespace fs = std::filesystem;
    for (const auto& e : fs::recursive_directory_iterator(fs::path(SIPPREP_SOURCE_DIR) / "src" / "ui")) {
        if (!e.is_regular_file() || e.path().stem().string().rfind("widgets", 0) == 0) continue;  // widgets*.cpp
        const std::string text = test::read(e.path());
        for (const char* raw : {"ImGui::SameLine", "ImGui::Indent()", "ImGui::Unindent"})
            EXPECT_EQ(text.find(raw), std::string::npos) << e.path() << " uses " << raw;
    }
}

// An indent (an earlier plan's words under a field, a detail in the summary) is taken from the
// inline start: right to left, from the right edge.
TEST(Rows, AnIndentIsTakenFromTheInlineStart) {
    for (const bool rtl : {true, false}) {
        test::Headless h{600, 800};
        ui::set_text_direction(rtl ? ui::TextDirection::Rtl : ui::TextDirection::Ltr);
        for (int i = 0; i < 2; ++i)
            h.frame([] {
                ui::paragraph("outer");
                ui::indent();
                ui::paragraph("inner");
                ui::unindent();
                ui::paragraph("after");
            });
        ui::set_text_direction(ui::TextDirection::Ltr);
        const ui::A11yNode* outer = test::find(h.tree.root(), ui::Role::Text, "outer");
        const ui::A11yNode* inner = test::find(h.tree.root(), ui::Role::Text, "inner");
        const ui::A11yNode* after = test::find(h.tree.root(), ui::Role::Text, "after");
        ASSERT_TRUE(outer && inner && after);
        const float step = ImGui::GetStyle().IndentSpacing;
        if (rtl) {
            EXPECT_NEAR(inner->x + inner->w, outer->x + outer->w - step, 1.0f);
            EXPECT_NEAR(after->x + after->w, outer->x + outer->w, 1.0f);
        } else {
            EXPECT_NEAR(inner->x, outer->x + step, 1.0f);
            EXPECT_NEAR(after->x, outer->x, 1.0f);
        }
    }
}
