// The accessibility tree a frame of widgets produces: roles, names, values, descriptions,
// errors, checked states and rectangles; and the page's input coming back through it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "base/utf8.hpp"
#include "headless.hpp"
#include "ui/summary_view.hpp"
#include "ui/widgets.hpp"

using namespace sipprep;
using namespace sipprep::ui;

namespace {

struct Form {
    std::string goal = "Bo kvar hemma";
    std::string name;
    bool interpreter = true;
    int language = 0;
    int pressed = 0;

    void draw() {
        heading("Förbered din SIP", 1);
        paragraph("Din plan börjar med det som är viktigt för dig.");
        FieldOptions o;
        o.multiline = true;
        o.help = "Skriv med dina egna ord.";
        text_field("Vad är viktigt för dig?", "goal", &goal, o);
        FieldOptions n;
        n.error = "Namnet saknas.";
        text_field("Ditt namn", "name", &name, n);
        checkbox("Tolk", "interpreter", &interpreter);
        radio_group("Språk", "lang", {"Svenska", "English"}, &language);
        begin_group(Role::List, "questions", "Dina frågor");
        begin_group(Role::ListItem, "q1", "");
        paragraph("Vem ringer jag?");
        end_group();
        end_group();
        if (button("Spara fil", "export", ButtonStyle::Primary)) ++pressed;
    }
};

const A11yNode* find(const A11yNode& n, Role role, const std::string& name) {
    if (n.role == role && n.name == name) return &n;
    for (const A11yNode& c : n.children)
        if (const A11yNode* f = find(c, role, name)) return f;
    return nullptr;
}

}  // namespace

TEST(A11yTree, RolesNamesValuesInOrder) {
    test::Headless ui;
    Form form;
    ui.frame([&] { form.draw(); });
    const A11yNode& root = a11y().root();
    std::vector<std::string> roles;
    for (const A11yNode& n : root.children) roles.push_back(role_name(n.role));
    // The textbox's error is in its node (read with the field), not a paragraph of its own as well.
    EXPECT_EQ(roles, (std::vector<std::string>{"heading", "text", "textarea", "textbox", "checkbox", "radiogroup",
                                               "list", "button"}));
    const A11yNode* goal = find(root, Role::TextArea, "Vad är viktigt för dig?");
    ASSERT_NE(goal, nullptr);
    EXPECT_EQ(goal->value, "Bo kvar hemma");
    EXPECT_EQ(goal->description, "Skriv med dina egna ord.");
    EXPECT_TRUE(goal->has_rect);
    EXPECT_GT(goal->w, 100.0f);
    EXPECT_GT(goal->h, 20.0f);
    const A11yNode* name = find(root, Role::TextBox, "Ditt namn");
    ASSERT_NE(name, nullptr);
    EXPECT_EQ(name->error, "Namnet saknas.");
    EXPECT_TRUE(find(root, Role::Checkbox, "Tolk")->checked);
    const A11yNode* group = find(root, Role::RadioGroup, "Språk");
    ASSERT_NE(group, nullptr);
    ASSERT_EQ(group->children.size(), 2u);
    EXPECT_TRUE(group->children[0].checked);
    EXPECT_FALSE(group->children[1].checked);
    EXPECT_EQ(find(root, Role::Heading, "Förbered din SIP")->level, 1);
    const A11yNode* list = find(root, Role::List, "Dina frågor");
    ASSERT_NE(list, nullptr);
    EXPECT_EQ(list->children.at(0).role, Role::ListItem);
    EXPECT_EQ(list->children.at(0).children.at(0).name, "Vem ringer jag?");
}

TEST(A11yTree, KeysAreStableAcrossFramesAndLanguages) {
    test::Headless ui;
    Form form;
    ui.frame([&] { form.draw(); });
    const std::string key = find(a11y().root(), Role::Button, "Spara fil")->key;
    ui.frame([&] { form.draw(); });
    EXPECT_EQ(find(a11y().root(), Role::Button, "Spara fil")->key, key);
    ui.frame([&] { button("Export file", "export"); });  // another label, the same control
    EXPECT_EQ(find(a11y().root(), Role::Button, "Export file")->key, key);
}

TEST(A11yTree, ChangesOnlyWhenTheUiChanges) {
    test::Headless ui;
    Form form;
    ui.frame([&] { form.draw(); });
    ui.frame([&] { form.draw(); });
    EXPECT_FALSE(a11y().tree_changed());
    form.goal += "!";
    ui.frame([&] { form.draw(); });
    EXPECT_TRUE(a11y().tree_changed());
    auto json = nlohmann::json::parse(a11y().tree_json());
    EXPECT_EQ(json["k"], "root");
}

// The patch format of docs/mirror-protocol.md: everything at first, then only what changed.
TEST(A11yTree, PatchesCarryOnlyWhatChanged) {
    test::Headless ui;
    Form form;
    ui.frame([&] { form.draw(); });
    const auto first = nlohmann::json::parse(a11y().take_patch());
    ASSERT_TRUE(first.is_array());
    EXPECT_EQ(first.at(0)["k"], "root");
    EXPECT_TRUE(first.at(0).contains("ch"));
    EXPECT_GT(first.size(), 8u);

    form.goal += "!";
    ui.frame([&] { form.draw(); });
    const auto typed = nlohmann::json::parse(a11y().take_patch());
    ASSERT_EQ(typed.size(), 1u) << typed.dump();
    EXPECT_EQ(typed[0]["r"], "textarea");
    EXPECT_EQ(typed[0]["v"], "Bo kvar hemma!");
    EXPECT_FALSE(typed[0].contains("ch"));

    ui.frame([&] { form.draw(); });
    EXPECT_EQ(a11y().take_patch(), "");

    // A control that goes away: its parent's list of children says so, nothing else is sent.
    ui.frame([&] {
        heading("Förbered din SIP", 1);
        paragraph("Din plan börjar med det som är viktigt för dig.");
    });
    const auto removed = nlohmann::json::parse(a11y().take_patch());
    ASSERT_EQ(removed.size(), 1u) << removed.dump();
    EXPECT_EQ(removed[0]["k"], "root");
    EXPECT_EQ(removed[0]["ch"].size(), 2u);
}

TEST(A11yTree, ActivationFocusAndTextComeBackFromThePage) {
    test::Headless ui;
    Form form;
    ui.frame([&] { form.draw(); });
    const A11yNode* button = find(a11y().root(), Role::Button, "Spara fil");
    const std::string button_key = button->key;
    const std::string goal_key = find(a11y().root(), Role::TextArea, "Vad är viktigt för dig?")->key;
    const std::string box_key = find(a11y().root(), Role::Checkbox, "Tolk")->key;
    const std::string english_key = find(a11y().root(), Role::Radio, "English")->key;

    a11y().on_activate(button_key);
    a11y().on_activate(box_key);
    a11y().on_activate(english_key);
    ui.frame([&] { form.draw(); });
    EXPECT_EQ(form.pressed, 1);
    EXPECT_FALSE(form.interpreter);
    EXPECT_EQ(form.language, 1);

    // Typing in the DOM field: the browser's text and caret become the field's.
    a11y().on_focus(goal_key, true);
    a11y().on_text(goal_key, DomText{"Bo kvar hemma – åäö", 3, 3, false});
    ui.frame([&] { form.draw(); });
    EXPECT_EQ(form.goal, "Bo kvar hemma – åäö");
    EXPECT_TRUE(a11y().is_focused(goal_key));
    ui.frame([&] { form.draw(); });
    EXPECT_EQ(form.pressed, 1);  // an activation counts once
}

TEST(A11yTree, Utf16OffsetsForDomSelections) {
    const std::string s = "åä😀b";  // 2+2+4+1 bytes; 1+1+2+1 UTF-16 units
    EXPECT_EQ(utf8_to_utf16_offset(s, 4), 2);
    EXPECT_EQ(utf8_to_utf16_offset(s, 8), 4);
    EXPECT_EQ(utf16_to_utf8_offset(s, 4), 8);
    EXPECT_EQ(utf16_to_utf8_offset(s, 5), 9);
    EXPECT_EQ(utf16_to_utf8_offset(s, 99), 9);
}

// A long list in a short window: items out of view are not drawn again, yet stay in the tree
// (screen readers read the whole page) and still answer the page's input.
TEST(A11yTree, CachedRegionsKeepLongListsWholeAndCheap) {
    test::Headless ui(800, 400);
    std::vector<std::string> texts(300, "Fråga");
    int pressed = -1;
    int drawn = 0;
    auto draw = [&] {
        drawn = 0;
        begin_group(Role::List, "list", "Frågor");
        for (std::size_t i = 0; i < texts.size(); ++i) {
            CachedRegion region("item-" + std::to_string(i), std::hash<std::string>{}(texts[i]) + i);
            if (!region.draw()) continue;
            ++drawn;
            Group item(Role::ListItem, "item-" + std::to_string(i), "");
            text_field("Fråga " + std::to_string(i + 1), "q" + std::to_string(i), &texts[i]);
            if (button("Ta bort fråga " + std::to_string(i + 1), "rm" + std::to_string(i)))
                pressed = static_cast<int>(i);
        }
        end_group();
    };
    ui.frame(draw);
    EXPECT_EQ(drawn, 300);  // the first frame draws everything once
    ui.frame(draw);
    EXPECT_LT(drawn, 40);
    auto tree = nlohmann::json::parse(a11y().tree_json());
    const auto& list = tree["ch"][0];
    ASSERT_EQ(list["ch"].size(), 300u);
    EXPECT_EQ(list["ch"][299]["ch"][1]["n"], "Ta bort fråga 300");
    a11y().take_patch();

    // A press on a button far out of view is still carried out.
    const std::string key = list["ch"][299]["ch"][1]["k"];
    a11y().on_activate(key);
    ui.frame(draw);
    EXPECT_EQ(pressed, 299);

    // Typing in a visible item sends one record, whatever the length of the list.
    ui.frame(draw);
    a11y().take_patch();
    texts[0] += "!";
    ui.frame(draw);
    const auto patch = nlohmann::json::parse(a11y().take_patch());
    EXPECT_EQ(patch.size(), 1u) << patch.dump();
}

// A region out of view is not compared node by node once the mirror has it; a change in it, or
// a tree that has never had it (another app's), still gets every record.
TEST(A11yTree, AChangeFarOutOfViewStillReachesTheMirror) {
    std::vector<std::string> texts(300, "Fråga");
    auto draw = [&] {
        begin_group(Role::List, "list", "Frågor");
        for (std::size_t i = 0; i < texts.size(); ++i) {
            CachedRegion region("far-" + std::to_string(i), std::hash<std::string>{}(texts[i]) + i);
            if (!region.draw()) continue;
            Group item(Role::ListItem, "far-" + std::to_string(i), "");
            paragraph(texts[i] + " " + std::to_string(i + 1));
        }
        end_group();
    };
    {
        test::Headless ui(800, 400);
        ui.frame(draw);
        ui.frame(draw);
        ui.frame(draw);
        a11y().take_patch();
        ui.frame(draw);
        EXPECT_EQ(a11y().take_patch(), "");
        texts[299] = "Ändrad";
        ui.frame(draw);
        EXPECT_NE(a11y().take_patch().find("Ändrad 300"), std::string::npos);
        ui.frame(draw);
        EXPECT_EQ(a11y().take_patch(), "");
    }
    test::Headless other(800, 400);
    other.frame(draw);
    const std::string first = a11y().take_patch();
    EXPECT_NE(first.find("Ändrad 300"), std::string::npos);
    EXPECT_NE(first.find("Fråga 150"), std::string::npos);
}

// A summary of thousands of lines: each run of lines is one node in the tree, so a run out of
// view costs one node per frame, not one per line; every line is still there for screen readers.
TEST(A11yTree, LongSummariesAreKeptInRuns) {
    test::Headless ui(800, 400);
    Summary s;
    s.title = "SIP-förberedelse";
    s.sections.push_back(SummarySection{"questions", "Frågor", {}});
    for (int i = 1; i <= 2000; ++i)
        s.sections.back().items.push_back(
            SummaryItem{SummaryItem::Kind::Numbered, "Fråga " + std::to_string(i), "person", i});
    ui.frame([&] { summary_view(s, "sum"); });
    ui.frame([&] { summary_view(s, "sum"); });
    auto tree = nlohmann::json::parse(a11y().tree_json());
    const nlohmann::json* section = nullptr;
    for (const auto& n : tree["ch"])
        if (n.value("n", "") == "Frågor") section = &n;
    ASSERT_NE(section, nullptr);
    std::size_t runs = 0, lines = 0;
    for (const auto& n : (*section)["ch"]) {
        if (n["r"] != "run") continue;
        ++runs;
        EXPECT_LE(n["ch"].size(), 25u);
        lines += n["ch"].size();
    }
    EXPECT_EQ(runs, 80u);
    EXPECT_EQ(lines, 2000u);
    a11y().take_patch();
    ui.frame([&] { summary_view(s, "sum"); });
    EXPECT_EQ(a11y().take_patch(), "");
}
