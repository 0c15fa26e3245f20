// As people really use it: who is writing, whose words are whose, and where keyboard focus lands
// after each action that changes the screen.
#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "app_driver.hpp"
#include "imgui.h"
#include "imgui_internal.h"

using namespace sipprep;
using namespace sipprep::test;

namespace {

void choose(AppRun& r, const std::string& option);

// A guardian starts a plan for Alva: they are her first guardian, and the one who writes.
void alva_with_guardian(AppRun& r, const std::string& guardian) {
    choose(r, "Jag är vårdnadshavare till ett barn");
    press(r.h, r.app, "Ny förberedelse");
    type_into(r.h, r.app, ui::Role::TextBox, "Barnets namn", "Alva");
    type_into(r.h, r.app, ui::Role::TextBox, "Namn", guardian);
}

void choose(AppRun& r, const std::string& option) {
    const ui::A11yNode* o = find(r.app.a11y_tree(), ui::Role::Radio, option);
    ASSERT_NE(o, nullptr) << option;
    r.app.dom_activate(o->key);
    r.frame();
}

void go_to_step(AppRun& r, const std::string& title) {
    const ui::A11yNode* nav = nullptr;
    std::function<void(const ui::A11yNode&)> walk = [&](const ui::A11yNode& n) {
        if (!nav && n.role == ui::Role::Button && n.name.find(". " + title) != std::string::npos) nav = &n;
        for (const ui::A11yNode& c : n.kids()) walk(c);
    };
    walk(r.app.a11y_tree());
    ASSERT_NE(nav, nullptr) << title;
    r.app.dom_activate(nav->key);
    r.frame();
}

// Elsa's plan, with her daughter Karin as a second writer.
void elsa_and_karin(AppRun& r) {
    press(r.h, r.app, "Ny förberedelse");
    type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Elsa Lind");
    type_into(r.h, r.app, ui::Role::TextBox, "Namn på den som ska skriva", "Karin");
    type_into(r.h, r.app, ui::Role::TextBox, "Vem är det för dig? (till exempel dotter, granne, vän)", "dotter");
    press(r.h, r.app, "Lägg till som skribent");
}

// The professional opens one of the example files (under its own name).
void open_example(AppRun& pro, const std::string& example) {
    pro.app.file_opened(example, read(std::filesystem::path(SIPPREP_SOURCE_DIR) / "assets/examples" / example),
                        ui::FileOrigin::Picker);
    pro.frame();
}

// Maria starts Alva's plan, adds Johan as the second guardian, invites the school and opens
// "Samtycke"; Maria writes.
void alva_with_maria_and_johan_at_consent(AppRun& r) {
    alva_with_guardian(r, "Maria");
    press(r.h, r.app, "Lägg till vårdnadshavare");
    const ui::A11yNode* second = find(r.app.a11y_tree(), ui::Role::Group, "(namn saknas)");
    ASSERT_NE(second, nullptr) << r.shown();
    const ui::A11yNode* name = find(*second, ui::Role::TextBox, "Namn");
    ASSERT_NE(name, nullptr);
    r.app.dom_text(name->key, ui::DomText{"Johan", 5, 5, false});
    r.frame();
    go_to_step(r, "Vilka ska vara med?");
    r.tick("Skolan");
    go_to_step(r, "Samtycke");
}

// Elsa's new plan, at "Efter mötet".
void elsa_after_the_meeting(AppRun& r) {
    press(r.h, r.app, "Ny förberedelse");
    type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Elsa Lind");
    go_to_step(r, "Sammanfattning");
    press(r.h, r.app, "Efter mötet: det här kom vi överens om");
}

}  // namespace

TEST(People, TheWriterChooserNamesWhosePlanItIs) {
    AppRun r;
    elsa_and_karin(r);
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::Radio, "Elsa själv (planen tillhör Elsa)"), nullptr);
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::Radio, "Karin (dotter)"), nullptr);
}

// On a phone the writer chooser and the step list open on request: a screen reader hears whether
// each is open (aria-expanded), and the chooser's name is words, not "▾".
TEST(People, AButtonThatOpensAPartSaysWhetherItIsOpen) {
    AppRun r(360);
    elsa_and_karin(r);
    const auto button = [&](const std::string& name) { return find(r.app.a11y_tree(), ui::Role::Button, name); };
    ASSERT_NE(button("Skriver: Elsa"), nullptr);
    EXPECT_EQ(button("Skriver: Elsa")->expanded, 0);
    EXPECT_EQ(button("Skriver: Elsa")->description, "Vem skriver nu?");
    press(r.h, r.app, "Skriver: Elsa");
    EXPECT_EQ(button("Skriver: Elsa")->expanded, 1);
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::Radio, "Karin (dotter)"), nullptr);

    ASSERT_NE(button("Visa alla steg"), nullptr);
    EXPECT_EQ(button("Visa alla steg")->expanded, 0);
    press(r.h, r.app, "Visa alla steg");
    ASSERT_NE(button("Dölj stegen"), nullptr);
    EXPECT_EQ(button("Dölj stegen")->expanded, 1);
    // Any other button says nothing of the kind.
    ASSERT_NE(button("Nästa"), nullptr);
    EXPECT_EQ(button("Nästa")->expanded, -1);
}

// Maja types in one tab; another tab takes the draft over. Coming back, she goes on typing: her
// keys press nothing (focus is on the words saying so, not on "Fortsätt här"), and once she
// chooses to continue here she is back in the field she was typing in.
TEST(People, AnotherTabTakingOverLeavesNoButtonUnderTheKeys) {
    AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Maja");
    go_to_step(r, "Vad är viktigt för dig?");
    const ui::A11yNode* goal = find(r.app.a11y_tree(), ui::Role::TextArea, "Vad är viktigt för dig?");
    ASSERT_NE(goal, nullptr);
    const std::string goal_key = goal->key;
    r.app.dom_focus(goal_key, true);
    type_into(r.h, r.app, ui::Role::TextArea, "Vad är viktigt för dig?", "Att läsa själv");

    r.app.editing_elsewhere(true);
    r.frame();
    r.frame();
    const ui::A11yNode* title = find(r.app.a11y_tree(), ui::Role::Heading, "Förberedelsen är öppen i en annan flik");
    ASSERT_NE(title, nullptr);
    EXPECT_EQ(last_focus(r.host), title->key);
    EXPECT_NE(last_focus(r.host), find(r.app.a11y_tree(), ui::Role::Button, "Fortsätt här")->key);

    press(r.h, r.app, "Fortsätt här");
    EXPECT_EQ(r.host.asked.take_over_editing, 1);
    // The page hands the draft back (what the other tab left) and says this tab edits again.
    const std::string text = r.app.draft_to_save();
    r.host.asked.update_a11y.clear();
    r.app.draft_reloaded(text, true);
    r.app.editing_elsewhere(false);
    r.frame();
    r.frame();
    EXPECT_EQ(last_focus(r.host), goal_key);
    goal = find(r.app.a11y_tree(), ui::Role::TextArea, "Vad är viktigt för dig?");
    ASSERT_NE(goal, nullptr);
    EXPECT_EQ(goal->key, goal_key);
    EXPECT_EQ(goal->value, "Att läsa själv");
}

TEST(People, ARelativeIsAskedAboutThePersonNotAsThePerson) {
    AppRun r;
    elsa_and_karin(r);
    go_to_step(r, "Vad är viktigt för dig?");
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::TextArea, "Vad är viktigt för dig?"), nullptr);
    choose(r, "Karin (dotter)");
    EXPECT_NE(
        find(r.app.a11y_tree(), ui::Role::TextArea, "Vad tror du är viktigt för Elsa? – skrivet av Karin (dotter)"),
        nullptr)
        << r.shown();
    press(r.h, r.app, "Nästa");
    press(r.h, r.app, "Nästa");
    press(r.h, r.app, "+ Hälsa");
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::TextArea,
                   "Det här klarar Elsa själv, som du ser det – skrivet av Karin (dotter)"),
              nullptr)
        << "Karin's view of Elsa's abilities must not read as Karin's own";
}

TEST(People, AGuardianWritingInAChildsPlanIsAskedAboutTheChild) {
    AppRun r;
    choose(r, "Jag är vårdnadshavare till ett barn");
    press(r.h, r.app, "Ny förberedelse");
    type_into(r.h, r.app, ui::Role::TextBox, "Barnets namn", "Alva");
    press(r.h, r.app, "Lägg till vårdnadshavare");
    // Before a name is typed, never an internal id.
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::Radio, "Vårdnadshavare 1"), nullptr) << r.shown();
    EXPECT_EQ(r.shown().find("c-r-1"), std::string::npos);
    choose(r, "Vårdnadshavare 1");
    go_to_step(r, "Vad är viktigt för dig?");
    EXPECT_NE(r.shown().find("Vad tror du är viktigt för Alva?"), std::string::npos) << r.shown();
}

// The one who chose "Jag är vårdnadshavare" (or "företrädare") writes as themselves from the
// start: what they type was the child's words until they thought to choose themselves.
TEST(People, AGuardianOrRepresentativeWhoStartsThePlanWritesAsThemselves) {
    for (const std::string who :
         {"Jag är vårdnadshavare till ett barn", "Jag är företrädare (god man, förvaltare, ombud)"}) {
        AppRun r;
        choose(r, who);
        press(r.h, r.app, "Ny förberedelse");
        const bool guardian = who.find("vårdnadshavare") != std::string::npos;
        type_into(r.h, r.app, ui::Role::TextBox, guardian ? "Barnets namn" : "Ditt namn", "Alva");
        type_into(r.h, r.app, ui::Role::TextBox, "Namn", "Maria");
        // Who saw the need is asked about Alva, not as if Maria were her.
        EXPECT_NE(find(r.app.a11y_tree(), ui::Role::Heading, "Vem såg att Alva behöver en SIP?"), nullptr) << r.shown();
        EXPECT_NE(find(r.app.a11y_tree(), ui::Role::Checkbox, "Alva själv"), nullptr);
        EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Checkbox, "Jag själv"), nullptr);
        go_to_step(r, "Vad är viktigt för dig?");
        const std::string goal = std::string("Vad tror du är viktigt för Alva? – skrivet av Maria (") +
                                 (guardian ? "vårdnadshavare" : "företrädare") + ")";
        ASSERT_NE(find(r.app.a11y_tree(), ui::Role::TextArea, goal), nullptr) << who << "\n" << r.shown();
        // A child's plan gives a child's examples ("Att ha ett arbete" is not one).
        EXPECT_EQ(r.shown().find("Att ha en kompis i skolan") != std::string::npos, guardian) << r.shown();
        type_into(r.h, r.app, ui::Role::TextArea, goal, "Att vara med kompisar.");
        const nlohmann::json c = r.state()["content"];
        ASSERT_EQ(c["representatives"].size(), 1u) << who;
        // Which kind of representative (god man, förvaltare …) is the person's to say: nothing is
        // chosen for them.
        EXPECT_EQ(c["representatives"][0]["kind"], guardian ? "guardian" : "unanswered");
        int groups = 0, checked = 0;
        std::function<void(const ui::A11yNode&)> walk = [&](const ui::A11yNode& n) {
            if (n.role == ui::Role::RadioGroup && n.name == "Roll") {
                ++groups;
                for (const ui::A11yNode& o : n.kids()) checked += o.checked ? 1 : 0;
            }
            for (const ui::A11yNode& k : n.kids()) walk(k);
        };
        go_to_step(r, "Om dig");
        walk(r.app.a11y_tree());
        if (!guardian) EXPECT_EQ(groups, 1) << r.shown();
        if (!guardian) EXPECT_EQ(checked, 0) << r.shown();
        EXPECT_EQ(c["goals"]["long_term"][0]["author"], "c-r-1") << who;
        // One who is both: the person can still be chosen to write.
        EXPECT_NE(find(r.app.a11y_tree(), ui::Role::Radio, "Alva själv (planen tillhör Alva)"), nullptr) << r.shown();
    }
}

TEST(People, SomeoneElsesQuestionGoesOnlyWhenTheWriterSaysSo) {
    AppRun r;
    elsa_and_karin(r);
    go_to_step(r, "Frågor till mötet");
    type_into(r.h, r.app, ui::Role::TextArea, "Ny fråga", "Kan jag få bo kvar hemma?");
    press(r.h, r.app, "Lägg till fråga");
    choose(r, "Karin (dotter)");
    press(r.h, r.app, "Ta bort fråga 1");
    EXPECT_EQ(r.state()["content"]["questions"].size(), 1u);
    EXPECT_NE(r.shown().find("Det här skrev Elsa Lind själv. Vill du ta bort det ändå?"), std::string::npos);
    press(r.h, r.app, "Nej, behåll");
    EXPECT_EQ(r.state()["content"]["questions"].size(), 1u);
    press(r.h, r.app, "Ta bort fråga 1");
    press(r.h, r.app, "Ja, ta bort");
    EXPECT_EQ(r.state()["content"]["questions"].size(), 0u);
}

TEST(People, FocusLandsOnWhatTheActionMade) {
    AppRun r;
    elsa_and_karin(r);

    // "Nästa": the new step's heading, which says where the step is.
    r.host.asked.update_a11y.clear();
    press(r.h, r.app, "Nästa");
    const ui::A11yNode* heading = find(r.app.a11y_tree(), ui::Role::Heading, "Steg 2 av 9: Vad är viktigt för dig?");
    ASSERT_NE(heading, nullptr);
    EXPECT_EQ(last_focus(r.host), heading->key);

    // "+ Vardagen": the new area's first field.
    go_to_step(r, "Vad behöver du?");
    r.host.asked.update_a11y.clear();
    press(r.h, r.app, "+ Vardagen");
    const ui::A11yNode* field = find(r.app.a11y_tree(), ui::Role::TextArea, "Det här klarar jag själv");
    ASSERT_NE(field, nullptr);
    EXPECT_EQ(last_focus(r.host), field->key);
    EXPECT_EQ(last_announcement(r.host), "Vardagen är tillagt. Skriv i fälten under rubriken.");

    // Moving a question: the same question's button at its new place; removing: the next question.
    go_to_step(r, "Frågor till mötet");
    for (const char* q : {"Första", "Andra", "Tredje"}) {
        type_into(r.h, r.app, ui::Role::TextArea, "Ny fråga", q);
        press(r.h, r.app, "Lägg till fråga");
    }
    r.host.asked.update_a11y.clear();
    press(r.h, r.app, "Flytta fråga 2 uppåt");
    EXPECT_EQ(r.state()["content"]["questions"][0]["text"], "Andra");
    const ui::A11yNode* down = find(r.app.a11y_tree(), ui::Role::Button, "Flytta fråga 1 nedåt");
    ASSERT_NE(down, nullptr);
    EXPECT_EQ(last_focus(r.host), down->key) << "at the top, the question's other move button";
    r.host.asked.update_a11y.clear();
    press(r.h, r.app, "Ta bort fråga 1");
    EXPECT_EQ(r.state()["content"]["questions"].size(), 3u) << "a question with words goes after yes";
    const ui::A11yNode* no = find(r.app.a11y_tree(), ui::Role::Button, "Nej, behåll");
    ASSERT_NE(no, nullptr);
    EXPECT_EQ(last_focus(r.host), no->key);
    EXPECT_EQ(no->description, "Det finns text i frågan. Vill du ta bort den?") << "the question, said with the answer";
    press(r.h, r.app, "Ja, ta bort");
    const ui::A11yNode* next = find(r.app.a11y_tree(), ui::Role::TextArea, "Fråga 1");
    ASSERT_NE(next, nullptr);
    EXPECT_EQ(next->value, "Första");
    EXPECT_EQ(last_focus(r.host), next->key);
}

TEST(People, AProblemAChoiceBringsIsReadOut) {
    AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Elsa");
    go_to_step(r, "Så vill jag vara med");
    // Ticking "Tolk" shows the question of the language: what is not filled in yet is no problem
    // to read out (the field does not show one either), nor one the person has had no chance to answer.
    r.host.asked.update_a11y.clear();
    r.tick("Tolk");
    ASSERT_NE(r.shown().find("Vilket språk ska tolken tala?"), std::string::npos) << r.shown();
    for (const auto& u : r.host.asked.update_a11y) EXPECT_EQ(u.announcement, "") << "nothing to fix yet";
    r.host.asked.update_a11y.clear();
    // Through a representative, with no representative named: the new problem is said, not only
    // listed in the summary.
    r.tick("Genom en företrädare");
    EXPECT_EQ(last_announcement(r.host),
              "Så vill du vara med: Du vill vara med genom en företrädare – skriv vem det är.")
        << r.shown();
    r.host.asked.update_a11y.clear();
    go_to_step(r, "Vilka ska vara med?");
    r.tick("Annan");
    EXPECT_EQ(last_announcement(r.host), "") << "a field just shown is no problem yet";
}

// A text expander, dictation in a burst: the last keys and the leaving come in one frame. What is
// read out is about the text as it ends, not as it was a key before.
TEST(People, LeavingAFieldWithTheLastKeysReadsOutTheTextAsItEnds) {
    AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    const std::string key = find(r.app.a11y_tree(), ui::Role::TextBox, "Personnummer")->key;
    auto type_and_leave_in_one_frame = [&](const std::string& last) {
        r.app.dom_focus(key, true);
        r.frame();
        type_into(r.h, r.app, ui::Role::TextBox, "Personnummer", "1945");
        r.host.asked.update_a11y.clear();
        r.app.dom_text(key, ui::DomText{last, 13, 13, false});
        r.app.dom_blur(key);
        r.frame();
        r.frame();
    };
    type_and_leave_in_one_frame("19450312-1230");
    for (const auto& u : r.host.asked.update_a11y) EXPECT_EQ(u.announcement, "") << "a right number: nothing to say";
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::TextBox, "Personnummer")->error, "");

    type_and_leave_in_one_frame("19450312-1235");
    const std::string error = find(r.app.a11y_tree(), ui::Role::TextBox, "Personnummer")->error;
    EXPECT_NE(error.find("kontrollsiffran"), std::string::npos) << error;
    std::vector<std::string> said;
    for (const auto& u : r.host.asked.update_a11y)
        if (!u.announcement.empty()) said.push_back(u.announcement);
    EXPECT_EQ(said, std::vector<std::string>{"Personnummer: " + error});
}

// Adding a representative puts their fields above "Lägg till företrädare": the button the keyboard
// is on moves down, and the page follows it instead of leaving focus below the screen.
TEST(People, TheKeyboardsPlaceStaysInViewWhenTheLayoutMovesIt) {
    AppRun r;
    ImGui::GetIO().DisplaySize = ImVec2(390, 600);
    press(r.h, r.app, "Ny förberedelse");
    // The text size chosen with the arrow keys: each step makes the page longer above the choice
    // (at 200 % it was far below the screen, with focus on it).
    for (const char* size : {"125 %", "150 %", "175 %", "200 %"}) {
        const ui::A11yNode* radio = find(r.app.a11y_tree(), ui::Role::Radio, size);
        ASSERT_NE(radio, nullptr) << size;
        r.app.dom_focus(radio->key, true);
        r.frame();
        r.app.dom_activate(radio->key);
        r.frame();
        r.frame();  // the page's frames go on while a scroll is asked for (main_web.cpp)
        r.frame();
        radio = find(r.app.a11y_tree(), ui::Role::Radio, size);
        ASSERT_NE(radio, nullptr);
        const float y = radio->y - r.app.a11y_tree().y;  // the root: the scroll
        EXPECT_GE(y, 0.0f) << size;
        EXPECT_LE(y + radio->h, 600.0f) << size << ": focus below the screen";
    }
    const auto on_screen = [&] {
        const ui::A11yNode* n = find(r.app.a11y_tree(), ui::Role::Radio, "200 %");
        return n->y - r.app.a11y_tree().y;
    };
    // Scrolled away by the person, it stays where they scrolled.
    ImGui::SetScrollY(ImGui::FindWindowByName("##main"), 0.0f);
    r.frame();
    EXPECT_GT(on_screen(), 600.0f) << "the person's scrolling is not undone";
    // Nor by a change above it while it is out of view: the page stays where the person is.
    press(r.h, r.app, "Lägg till företrädare");
    r.frame();
    EXPECT_GT(on_screen(), 600.0f) << "pulled back to the keyboard's place";
}

TEST(People, SavingAFileWithErrorsAsksFirstAndNamesThem) {
    AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Åsa Öberg");
    type_into(r.h, r.app, ui::Role::TextBox, "Personnummer", "19450312-1235");
    go_to_step(r, "Sammanfattning");
    press(r.h, r.app, "Spara fil");
    EXPECT_TRUE(r.host.asked.download.empty()) << "saved without asking";
    EXPECT_NE(r.shown().find("Det finns 1 fel i förberedelsen."), std::string::npos) << r.shown();
    EXPECT_NE(r.shown().find("Personnummer: Den sista siffran (kontrollsiffran) stämmer inte."), std::string::npos);
    const ui::A11yNode* fix = find(r.app.a11y_tree(), ui::Role::Button, "Rätta först");
    ASSERT_NE(fix, nullptr);
    EXPECT_EQ(last_focus(r.host), fix->key);
    press(r.h, r.app, "Spara ändå");
    ASSERT_EQ(r.host.asked.download.size(), 1u);
    EXPECT_EQ(r.host.asked.download[0].filename, "sip-asa-2026-11-23.json") << "the first name, in plain letters";

    press(r.h, r.app, "Spara fil");
    press(r.h, r.app, "Rätta först");
    EXPECT_EQ(r.state()["step"], "about_you");
    type_into(r.h, r.app, ui::Role::TextBox, "Personnummer", "19450312-1230");
    go_to_step(r, "Sammanfattning");
    press(r.h, r.app, "Spara fil");
    EXPECT_EQ(r.host.asked.download.size(), 2u) << "no errors: saved at once";
}

// A text beyond the format's limit: the file would be refused by everyone, the app's professional
// view too. Saving says which text and how long, and offers only to fix it.
TEST(People, AFileNoOneCouldOpenIsNotSaved) {
    AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Åsa");
    go_to_step(r, "Så vill jag vara med");
    r.tick("AKK eller annat stöd för att kommunicera");
    type_into(r.h, r.app, ui::Role::TextBox, "Vilket stöd?", std::string(2412, 'a'));
    go_to_step(r, "Sammanfattning");
    press(r.h, r.app, "Spara fil");
    EXPECT_TRUE(r.host.asked.download.empty());
    EXPECT_NE(r.shown().find("Vilket stöd?: Texten är 2412 tecken lång, men får vara högst 2000 tecken."),
              std::string::npos)
        << r.shown();
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Button, "Spara ändå"), nullptr) << "a file no one can open";
    press(r.h, r.app, "Rätta först");
    EXPECT_EQ(r.state()["step"], "participation");
}

TEST(People, AStepWithErrorsSaysSoInsteadOfATick) {
    AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Elsa");
    // The a11y tree says words where the screen shows a tick or "– ! 1 fel".
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::Button, "1. Om dig, klart"), nullptr) << r.shown();
    type_into(r.h, r.app, ui::Role::TextBox, "Personnummer", "19450312-1235");
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Button, "1. Om dig, klart"), nullptr);
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::Button, "1. Om dig, 1 fel"), nullptr) << r.shown();
}

// Issue 25, item 3: an error waits while the person types in the field, and is shown, and read
// out once, when they leave it; the step list counts it from then on.
TEST(People, AFieldsErrorWaitsUntilThePersonLeavesTheField) {
    AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    const ui::A11yNode* field = find(r.app.a11y_tree(), ui::Role::TextBox, "Personnummer");
    ASSERT_NE(field, nullptr);
    const std::string key = field->key;
    EXPECT_EQ(field->placeholder, "ÅÅÅÅMMDDNNNN") << "the format is exposed";
    r.app.dom_focus(key, true);
    r.frame();
    type_into(r.h, r.app, ui::Role::TextBox, "Personnummer", "1945");
    type_into(r.h, r.app, ui::Role::TextBox, "Personnummer", "19450312-1235");
    field = find(r.app.a11y_tree(), ui::Role::TextBox, "Personnummer");
    EXPECT_EQ(field->error, "") << "no error while typing";
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::Button, "1. Om dig"), nullptr) << r.shown();
    for (const auto& u : r.host.asked.update_a11y) EXPECT_EQ(u.announcement, "");
    r.host.asked.update_a11y.clear();
    r.app.dom_blur(key);
    r.frame();
    field = find(r.app.a11y_tree(), ui::Role::TextBox, "Personnummer");
    EXPECT_NE(field->error, "") << "the error, once the person has left";
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::Button, "1. Om dig, 1 fel"), nullptr) << r.shown();
    int said = 0;
    for (const auto& u : r.host.asked.update_a11y) said += u.announcement == "Personnummer: " + field->error ? 1 : 0;
    EXPECT_EQ(said, 1) << "read out once, naming the field (heard after the next control's name)";
    int paragraphs = 0;
    std::function<void(const ui::A11yNode&)> walk = [&](const ui::A11yNode& n) {
        if (n.role == ui::Role::Text && n.name == field->error) ++paragraphs;
        for (const ui::A11yNode& c : n.kids()) walk(c);
    };
    walk(r.app.a11y_tree());
    EXPECT_EQ(paragraphs, 0) << "said once: in the field's description, not again as a paragraph";
}

// The font has no emoji: each is drawn as one visible replacement mark, and kept as typed.
TEST(People, EmojiAreKeptAsTypedAndDrawnAsOneVisibleMarkEach) {
    AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    go_to_step(r, "Vad är viktigt för dig?");
    const std::string goal = "Att må bra \xF0\x9F\x99\x82\xF0\x9F\x91\x8D och min katt \xE2\x9D\xA4\xEF\xB8\x8F";
    type_into(r.h, r.app, ui::Role::TextArea, "Vad är viktigt för dig?", goal);
    EXPECT_EQ(r.state()["content"]["goals"]["long_term"][0]["text"], goal);
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    auto width = [&](const char* s) { return font->CalcTextSizeA(font->FontSize, 1e9f, 0, s).x; };
    EXPECT_GT(width("\xF0\x9F\x99\x82"), 0.0f) << "an emoji takes room: something is drawn";
    EXPECT_EQ(width("\xE2\x9D\xA4\xEF\xB8\x8F"), width("\xE2\x9D\xA4"))
        << "the variation selector is not a second mark";
    EXPECT_EQ(width("a\xE2\x80\x8D"
                    "b"),
              width("ab"))
        << "a zero-width joiner takes no room";
}

// "Följ upp en tidigare SIP" from the earlier file: nobody types names, guardians or invitees again.
TEST(People, AFollowUpStartsFromTheEarlierFile) {
    AppRun r;
    press(r.h, r.app, "Följ upp en tidigare SIP");
    const ui::A11yNode* open = find(r.app.a11y_tree(), ui::Role::Button, "Öppna filen från förra gången");
    ASSERT_NE(open, nullptr);
    EXPECT_EQ(last_focus(r.host), open->key);
    press(r.h, r.app, "Öppna filen från förra gången");
    EXPECT_EQ(r.host.asked.pick_file, 1);
    r.app.file_opened("sip-elsa-2026-11-16.json",
                      read(std::filesystem::path(SIPPREP_SOURCE_DIR) / "assets/examples/barn-skolfranvaro.json"),
                      ui::FileOrigin::Picker);
    r.frame();
    const nlohmann::json s = r.state();
    EXPECT_EQ(s["screen"], "steps");
    EXPECT_EQ(s["content"]["kind"], "follow_up");
    EXPECT_EQ(s["content"]["owner"]["name"], "Elsa Nilsson");
    EXPECT_EQ(s["content"]["representatives"].size(), 2u);
    EXPECT_EQ(s["content"]["invitations"]["actors"].size(), 4u);
    EXPECT_EQ(s["content"]["follows"]["saved"], "2026-11-16T20:10:00Z");
    EXPECT_TRUE(s["content"]["goals"]["long_term"].empty());
    EXPECT_NE(r.shown().find("Förra planen (sip-elsa-2026-11-16.json) är öppnad."), std::string::npos);

    // Last time's words beside the new ones: one taken along, then changed like any other.
    go_to_step(r, "Vad är viktigt för dig?");
    const ui::A11yNode* keep = nullptr;
    std::function<void(const ui::A11yNode&)> walk = [&](const ui::A11yNode& n) {
        if (!keep && n.role == ui::Role::Button && n.name.rfind("Ta med: Att gå i skolan", 0) == 0) keep = &n;
        for (const ui::A11yNode& c : n.kids()) walk(c);
    };
    walk(r.app.a11y_tree());
    ASSERT_NE(keep, nullptr) << r.shown();
    r.app.dom_activate(keep->key);
    r.frame();
    EXPECT_EQ(r.state()["content"]["goals"]["long_term"][0]["text"].get<std::string>().rfind("Att gå i skolan", 0), 0u);

    // Consents came along but must be looked at again.
    go_to_step(r, "Samtycke");
    EXPECT_NE(r.shown().find("Från förra planen. Det är bara en vilja tills du har sagt att du fortfarande vill det"),
              std::string::npos);
    const auto review_count = [&] {
        int n = 0;
        const nlohmann::json now = r.state();
        for (const auto& c : now["content"]["consents"]) n += c.value("review", false) ? 1 : 0;
        return n;
    };
    EXPECT_EQ(review_count(), 4);
    // Her guardians give these consents: Elsa sees them, her mother says she still wants them.
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Button, "Jag vill fortfarande det"), nullptr) << r.shown();
    choose(r, "Maria Nilsson (mamma)");
    press(r.h, r.app, "Jag vill fortfarande det");
    EXPECT_EQ(review_count(), 3);
}

// A relative's views opened as "the file from last time": not a plan, so not the earlier one (their
// words went unseen, and a consent in them became the person's own wish to look at again).
TEST(People, ARelativesViewsAreNotTakenAsTheEarlierPlan) {
    AppRun r;
    press(r.h, r.app, "Följ upp en tidigare SIP");
    press(r.h, r.app, "Öppna filen från förra gången");
    r.app.file_opened("synpunkter-fran-dotter.json",
                      read(std::filesystem::path(SIPPREP_SOURCE_DIR) / "assets/examples/synpunkter-fran-dotter.json"),
                      ui::FileOrigin::Picker);
    r.frame();
    EXPECT_NE(r.shown().find("synpunkter-fran-dotter.json är synpunkter från en närstående, inte en plan"),
              std::string::npos)
        << r.shown();
    EXPECT_NE(r.state()["content"]["kind"], "follow_up");
}

// A follow-up of a plan where a consent was revoked and a newer one given to the same
// organisation: each is on the consent step, so that every one carried over can be confirmed and
// the summary's "look at it again" goes (the newer one was hidden behind the revoked one).
TEST(People, EveryConsentCarriedOverCanBeConfirmed) {
    AppRun r;
    press(r.h, r.app, "Följ upp en tidigare SIP");
    press(r.h, r.app, "Öppna filen från förra gången");
    r.app.file_opened("aldre-uppfoljning.json",
                      read(std::filesystem::path(SIPPREP_SOURCE_DIR) / "assets/examples/aldre-uppfoljning.json"),
                      ui::FileOrigin::Picker);
    r.frame();
    go_to_step(r, "Samtycke");
    EXPECT_NE(r.shown().find("Mediciner och fallrisk."), std::string::npos) << r.shown();
    const auto to_review = [&] {
        int n = 0;
        const nlohmann::json now = r.state();
        for (const auto& c : now["content"]["consents"])
            n += c.value("review", false) && c.value("revoked_on", "").empty() ? 1 : 0;
        return n;
    };
    ASSERT_GT(to_review(), 0);
    for (int presses = 0; to_review() > 0 && presses < 20; ++presses) {
        const ui::A11yNode* ok = find(r.app.a11y_tree(), ui::Role::Button, "Jag vill fortfarande det");
        ASSERT_NE(ok, nullptr) << to_review() << " consents still to confirm, no button for them\n" << r.shown();
        r.app.dom_activate(ok->key);
        r.frame();
    }
    EXPECT_EQ(to_review(), 0);  // what the summary's "Från förra planen …" counts (core/validation.cpp)

    // The newer one removed: focus goes to what is left for that organisation (the revoked one's
    // "ångra"), not nowhere.
    const ui::A11yNode* solgarden = nullptr;
    std::function<void(const ui::A11yNode&)> walk = [&](const ui::A11yNode& n) {
        if (!solgarden && n.role == ui::Role::Group && n.name.find("Solgården") != std::string::npos &&
            find(n, ui::Role::Button, "Ta bort samtycket"))
            solgarden = &n;
        for (const ui::A11yNode& k : n.kids()) walk(k);
    };
    walk(r.app.a11y_tree());
    ASSERT_NE(solgarden, nullptr) << r.shown();
    const std::string undo_key = find(*solgarden, ui::Role::Button, "Det blev fel – ångra")->key;
    r.host.asked.update_a11y.clear();
    r.app.dom_activate(find(*solgarden, ui::Role::Button, "Ta bort samtycket")->key);
    r.frame();
    EXPECT_EQ(last_focus(r.host), undo_key);
}

// The services people know by name, each kept with its kind of organisation.
TEST(People, ActorsCanBeChosenByTheNamesPeopleUse) {
    AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    go_to_step(r, "Vilka ska vara med?");
    r.tick("Hemtjänsten");
    r.tick("LSS-handläggaren");
    r.tick("BUP (barn- och ungdomspsykiatrin)");
    const nlohmann::json actors = r.state()["content"]["invitations"]["actors"];
    ASSERT_EQ(actors.size(), 3u);
    EXPECT_EQ(actors[0]["kind"], "social_services");
    EXPECT_EQ(actors[0]["service"], "hemtjanst");
    EXPECT_EQ(actors[1]["kind"], "social_services");
    EXPECT_EQ(actors[2]["kind"], "psychiatry");
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::TextBox, "Hemtjänsten: enhet eller mottagning"), nullptr) << r.shown();
    go_to_step(r, "Samtycke");
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::Heading, "LSS-handläggaren"), nullptr);
}

// "Lägg till vårdnadshavare" takes focus to the new guardian's name (left on the button, the space
// in "Daniel Lund" added a third guardian); removing one who wrote nothing removes their line
// among the writers too (a "Vårdnadshavare 2" stayed, with no way to remove it), and says so.
TEST(People, AGuardianAddedIsNamedAtOnceAndRemovedWhole) {
    AppRun r;
    alva_with_guardian(r, "Sofia");
    press(r.h, r.app, "Lägg till vårdnadshavare");
    const ui::A11yNode* second = find(r.app.a11y_tree(), ui::Role::Group, "(namn saknas)");
    ASSERT_NE(second, nullptr) << r.shown();
    EXPECT_EQ(last_focus(r.host), find(*second, ui::Role::TextBox, "Namn")->key);
    const auto writers = [&] { return r.state()["content"]["contributors"].size(); };
    const std::size_t with_second = writers();
    press(r.h, r.app, "Ta bort (namn saknas)");
    EXPECT_EQ(r.state()["content"]["representatives"].size(), 1u);
    EXPECT_EQ(writers(), with_second - 1) << r.state()["content"]["contributors"].dump();
    EXPECT_EQ(last_announcement(r.host), "(namn saknas) är borttagen.");
    EXPECT_EQ(last_focus(r.host), find(r.app.a11y_tree(), ui::Role::Button, "Lägg till vårdnadshavare")->key);
    EXPECT_EQ(r.shown().find("Vårdnadshavare 2"), std::string::npos) << r.shown();
    // "Lägg till som skribent" with no name says what is missing, and goes there.
    press(r.h, r.app, "Lägg till som skribent");
    EXPECT_EQ(last_announcement(r.host), "Skriv namnet först.");
    EXPECT_EQ(last_focus(r.host), find(r.app.a11y_tree(), ui::Role::TextBox, "Namn på den som ska skriva")->key);
}

// Unticking a service someone has typed a unit or contact for asks first (a tremor's double press
// unticked it and the words were gone); "Nej, behåll" keeps both, "Ja, ta bort" removes both.
TEST(People, UntickingAServiceWithWordsAsksFirst) {
    AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    go_to_step(r, "Vilka ska vara med?");
    r.tick("Hemtjänsten");
    type_into(r.h, r.app, ui::Role::TextBox, "Hemtjänsten: enhet eller mottagning", "Hemtjänst Norr");
    r.tick("Hemtjänsten");
    const auto actors = [&] { return r.state()["content"]["invitations"]["actors"]; };
    ASSERT_EQ(actors().size(), 1u) << "asked, not removed";
    const ui::A11yNode* no = find(r.app.a11y_tree(), ui::Role::Button, "Nej, behåll");
    ASSERT_NE(no, nullptr) << r.shown();
    EXPECT_NE(no->description.find("Det finns text om Hemtjänsten"), std::string::npos) << no->description;
    EXPECT_EQ(last_focus(r.host), no->key);
    r.app.dom_activate(no->key);
    r.frame();
    ASSERT_EQ(actors().size(), 1u);
    EXPECT_EQ(actors()[0]["unit"], "Hemtjänst Norr");
    EXPECT_EQ(last_focus(r.host), find(r.app.a11y_tree(), ui::Role::Checkbox, "Hemtjänsten")->key);
    r.tick("Hemtjänsten");
    press(r.h, r.app, "Ja, ta bort");
    EXPECT_EQ(actors().size(), 0u);
    EXPECT_EQ(last_announcement(r.host), "Hemtjänsten är borttagen från listan.");
    // Without words it goes at once.
    r.tick("LSS-handläggaren");
    r.tick("LSS-handläggaren");
    EXPECT_EQ(actors().size(), 0u);
}

// An interpreter belongs to the one who needs it; hearing and vision have their own adaptations.
TEST(People, AGuardiansInterpreterIsTheirsAndHearingAndVisionCanBeAskedFor) {
    AppRun r;
    alva_with_guardian(r, "Mehmet");
    type_into(r.h, r.app, ui::Role::TextBox, "Relation (till exempel mamma)", "pappa");
    go_to_step(r, "Så vill jag vara med");
    r.tick("Mehmet (pappa) behöver tolk");
    type_into(r.h, r.app, ui::Role::TextBox, "Vilket språk ska tolken tala med Mehmet (pappa)?", "turkiska");
    r.tick("Hörslinga");
    r.tick("Papper i förväg i stor stil eller som går att läsa med skärmläsare");
    const nlohmann::json a = r.state()["content"]["participation"]["adaptations"];
    EXPECT_EQ(a["interpreter"], false) << "Alva herself needs none";
    ASSERT_EQ(a["interpreters"].size(), 1u);
    EXPECT_EQ(a["interpreters"][0]["language"], "turkiska");
    EXPECT_EQ(a["hearing_loop"], true);
    EXPECT_EQ(a["accessible_documents"], true);
    go_to_step(r, "Sammanfattning");
    EXPECT_NE(r.shown().find("Tolk för Mehmet (pappa): turkiska"), std::string::npos) << r.shown();
    EXPECT_NE(r.shown().find("Hörslinga"), std::string::npos);
}

// "Så vill jag vara med" is answered once for the plan. A guardian who chooses how Alva takes part
// is named over those answers: the summary and the professional's copy do not print them as
// Alva's own choice. Alva's own answers add her; answers by her alone need no name.
TEST(People, AGuardiansChoiceOfHowTheChildTakesPartIsNamed) {
    AppRun r;
    alva_with_guardian(r, "Mehmet");
    type_into(r.h, r.app, ui::Role::TextBox, "Relation (till exempel mamma)", "pappa");
    go_to_step(r, "Så vill jag vara med");
    EXPECT_EQ(r.shown().find("Ifyllt av"), std::string::npos) << "nothing answered yet";
    r.tick("Via video");
    const nlohmann::json by = r.state()["content"]["participation"]["answered_by"];
    ASSERT_EQ(by.size(), 1u) << by.dump();
    EXPECT_NE(by[0], "person") << "Mehmet writes";
    EXPECT_NE(r.shown().find("Ifyllt av Mehmet (pappa)."), std::string::npos) << r.shown();
    go_to_step(r, "Sammanfattning");
    const std::string summary = r.shown();
    const std::size_t named = summary.find("Ifyllt av Mehmet (pappa).");
    ASSERT_NE(named, std::string::npos) << summary;
    EXPECT_LT(named, summary.find("Via video")) << "named over the answers";
    // Alva chooses too: both are named, in the order they answered.
    choose(r, "Alva själv (planen tillhör Alva)");
    go_to_step(r, "Så vill jag vara med");
    r.tick("Pauser");
    EXPECT_NE(r.shown().find("Ifyllt av Mehmet (pappa), Alva själv."), std::string::npos) << r.shown();
}

TEST(People, AnswersThePersonGaveAloneNeedNoName) {
    AppRun r;
    elsa_and_karin(r);
    go_to_step(r, "Så vill jag vara med");
    r.tick("Via video");
    EXPECT_EQ(r.state()["content"]["participation"]["answered_by"], nlohmann::json::array({"person"}));
    go_to_step(r, "Sammanfattning");
    EXPECT_EQ(r.shown().find("Ifyllt av"), std::string::npos) << r.shown();
}

// "Filen … är sparad" belongs to the screen where it happened, not to the next one.
TEST(People, AnOldStatusLineDoesNotFollowToTheNextScreen) {
    AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Elsa");
    go_to_step(r, "Sammanfattning");
    press(r.h, r.app, "Spara fil");
    ASSERT_EQ(r.host.asked.download.size(), 1u);
    EXPECT_NE(r.shown().find("Nedladdningen av sip-elsa-2026-11-23.json har startat."), std::string::npos);
    press(r.h, r.app, "Till startsidan");
    press(r.h, r.app, "Fortsätt där du slutade");
    EXPECT_EQ(r.shown().find("Nedladdningen av"), std::string::npos);
}

// "Varför behövs mötet?" early in the flow, in the summary; a broken file gets words a person can act on.
TEST(People, TheReasonForTheMeetingAndAFileThatCannotBeRead) {
    AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    type_into(r.h, r.app, ui::Role::TextArea, "Varför behövs mötet?", "Jag ska flytta hem från sjukhuset.");
    go_to_step(r, "Sammanfattning");
    EXPECT_NE(r.shown().find("Därför behövs mötet"), std::string::npos);
    EXPECT_NE(r.shown().find("Jag ska flytta hem från sjukhuset."), std::string::npos);
    r.app.file_opened("trasig.json", "{\"format\": \"sipp", ui::FileOrigin::Drop);
    r.frame();
    EXPECT_NE(r.shown().find("trasig.json går inte att läsa. Är det filen du sparade från Förbered din SIP?"),
              std::string::npos);
    EXPECT_EQ(r.shown().find("JSON"), std::string::npos) << "the technical reason only on request";
    press(r.h, r.app, "Visa vad som är fel i filen");
    EXPECT_NE(r.shown().find("går inte att läsa som JSON"), std::string::npos);
    EXPECT_EQ(r.state()["content"]["reason"][0]["text"], "Jag ska flytta hem från sjukhuset.");
}

// A SIP before leaving hospital: its own wording, and the professional sees the matching KVÅ code.
TEST(People, ASipBeforeLeavingHospital) {
    std::string bundle;
    {
        AppRun r;
        press(r.h, r.app, "Ska du lämna sjukhuset?");
        EXPECT_EQ(r.state()["content"]["kind"], "discharge");
        type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Bo");
        go_to_step(r, "Hur är det nu?");
        EXPECT_NE(r.shown().find("Hur blir det när du kommer hem?"), std::string::npos) << r.shown();
        go_to_step(r, "Sammanfattning");
        press(r.h, r.app, "Spara fil");
        ASSERT_EQ(r.host.asked.download.size(), 1u);
        bundle = r.host.asked.download[0].contents;
    }
    AppRun pro;
    press(pro.h, pro.app, "Jag är yrkesverksam – öppna en förberedelse");
    pro.app.file_opened("sip-bo.json", bundle, ui::FileOrigin::Picker);
    pro.frame();
    // Before any meeting there is nothing to register (seed 004: the codes are for establishing or
    // following up a plan); the discharge example, written down after the meeting, has AU125.
    EXPECT_EQ(pro.shown().find("KVÅ"), std::string::npos) << pro.shown();
    open_example(pro, "vuxen-efter-sjukhusvistelse.json");
    EXPECT_NE(pro.shown().find("Förslag till den som registrerar mötet i vården, enligt er lokala rutin: KVÅ AU125"),
              std::string::npos)
        << pro.shown();
}

TEST(People, AConsentCanBeGivenToARelative) {
    AppRun r;
    elsa_and_karin(r);
    go_to_step(r, "Vilka ska vara med?");
    r.tick("Vårdcentralen");
    go_to_step(r, "Samtycke");
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::Heading, "Närstående som får ta del"), nullptr);
    press(r.h, r.app, "Fyll i samtycke för Karin (dotter)");
    ASSERT_EQ(r.state()["content"]["consents"].size(), 1u);
    EXPECT_EQ(r.state()["content"]["consents"][0]["actor"], "rel-1");
    EXPECT_NE(r.shown().find("Karin (dotter): du har inte valt än om de får dela uppgifter."), std::string::npos);
}

// A daughter who helps with the words does not say yes or no in her mother's place: the file
// would say Elsa had. She sees the answer as it stands and who gives it.
TEST(People, ARelativeWhoWritesDoesNotAnswerForThePerson) {
    AppRun r;
    elsa_and_karin(r);
    go_to_step(r, "Vilka ska vara med?");
    r.tick("Vårdcentralen");
    go_to_step(r, "Samtycke");
    press(r.h, r.app, "Fyll i samtycke för Vårdcentralen");
    choose(r, "Karin (dotter)");
    const ui::A11yNode& tree = r.app.a11y_tree();
    EXPECT_EQ(find(tree, ui::Role::RadioGroup, "Får de dela uppgifter om dig?"), nullptr);
    EXPECT_EQ(find(tree, ui::Role::RadioGroup, "Får de dela uppgifter om Elsa?"), nullptr);
    EXPECT_EQ(find(tree, ui::Role::RadioGroup, "Vill du ha en SIP?"), nullptr);
    EXPECT_EQ(find(tree, ui::Role::RadioGroup, "Vem ger samtycket?"), nullptr);
    EXPECT_EQ(find(tree, ui::Role::Button, "Dra tillbaka min vilja"), nullptr);
    // Nor the terms the person answers to: what, when, how (typed by Karin, they were Elsa's).
    EXPECT_EQ(find(tree, ui::Role::TextArea, "Vilka uppgifter får delas?"), nullptr) << r.shown();
    EXPECT_EQ(find(tree, ui::Role::RadioGroup, "Hur vill du ge samtycket?"), nullptr);
    EXPECT_EQ(find(tree, ui::Role::Button, "Ta bort samtycket"), nullptr);
    const std::string shown = r.shown();
    EXPECT_NE(shown.find("Svar just nu: inget svar än"), std::string::npos) << shown;
    EXPECT_NE(shown.find("Det här svarar Elsa Lind på själv"), std::string::npos) << shown;
    // No consent to start for Elsa either: another actor shows only that she answers.
    go_to_step(r, "Vilka ska vara med?");
    r.tick("Skolan");
    go_to_step(r, "Samtycke");
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Button, "Fyll i samtycke för Skolan"), nullptr) << r.shown();

    choose(r, "Elsa själv (planen tillhör Elsa)");
    choose(r, "Ja, Vårdcentralen får dela uppgifter");
    choose(r, "Ja, jag vill ha en SIP");
    EXPECT_EQ(r.state()["content"]["consents"][0]["decision"], "permit");
    choose(r, "Karin (dotter)");
    EXPECT_NE(r.shown().find("Svar just nu: Ja, Vårdcentralen får dela uppgifter"), std::string::npos) << r.shown();
    EXPECT_NE(r.shown().find("Svar just nu: Vill ha en SIP"), std::string::npos) << r.shown();
}

// After the meeting the person writes down what was agreed: efforts, who holds the overall
// responsibility (health care or social services), the follow-up date and whom to call; a
// follow-up started from that file asks "Blev det gjort?" for each effort.
TEST(People, WhatWasAgreedIsKeptAndAskedAboutAtTheFollowUp) {
    AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Elsa Lind");
    go_to_step(r, "Vilka ska vara med?");
    r.tick("Skolan");
    r.tick("Hemtjänsten");
    go_to_step(r, "Sammanfattning");
    press(r.h, r.app, "Efter mötet: det här kom vi överens om");
    EXPECT_EQ(r.state()["screen"], "evaluation");
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::Heading, "Det här kom vi överens om"), nullptr) << r.shown();

    press(r.h, r.app, "Lägg till något som ska göras");
    EXPECT_EQ(last_focus(r.host), find(r.app.a11y_tree(), ui::Role::TextArea, "Vad ska göras?")->key);
    type_into(r.h, r.app, ui::Role::TextArea, "Vad ska göras?", "Hemtjanst varje morgon");
    type_into(r.h, r.app, ui::Role::TextBox, "Vem gör det?", "Hemtjansten");
    type_into(r.h, r.app, ui::Role::TextBox, "Klart senast", "2026-12-01");

    // Who holds the plan together is the meeting's choice: the school is no error or warning (only
    // some regions' routines require health care or social services, and the help says so).
    choose(r, "Skolan");
    EXPECT_EQ(r.shown().find("Ska vara någon inom"), std::string::npos);
    EXPECT_NE(r.shown().find("Vissa regioners rutiner"), std::string::npos);
    EXPECT_NE(r.shown().find("samordningsansvarig"), std::string::npos);
    choose(r, "Hemtjänsten");
    type_into(r.h, r.app, ui::Role::TextBox, "När ska planen följas upp?", "2027-03-01");
    type_into(r.h, r.app, ui::Role::TextBox, "Vem ringer jag om något inte blir av?", "Anna Berg 0500-441230");
    const nlohmann::json agreed = r.state()["content"]["agreed"];
    EXPECT_EQ(agreed["efforts"][0]["what"], "Hemtjanst varje morgon");
    EXPECT_EQ(agreed["efforts"][0]["by_when"], "2026-12-01");
    EXPECT_EQ(agreed["lead"], r.state()["content"]["invitations"]["actors"][1]["id"]);
    EXPECT_EQ(agreed["follow_up_on"], "2027-03-01");

    // The file saved now is the start of the follow-up.
    press(r.h, r.app, "Spara fil");
    ASSERT_FALSE(r.host.asked.download.empty());
    const std::string saved = r.host.asked.download.back().contents;
    press(r.h, r.app, "Till startsidan");
    press(r.h, r.app, "Följ upp en tidigare SIP");
    press(r.h, r.app, "Öppna filen från förra gången");
    r.app.file_opened("sip-elsa.json", saved, ui::FileOrigin::Picker);
    r.frame();  // the draft is what was just saved: nothing to lose, nothing asked
    go_to_step(r, "Hur har det gått?");
    EXPECT_NE(r.shown().find("Hemtjanst varje morgon – Hemtjansten, senast 2026-12-01"), std::string::npos)
        << r.shown();
    choose(r, "Delvis");
    EXPECT_EQ(r.state()["content"]["follow_up"]["agreed_efforts"][0]["done"], "partly");
    EXPECT_FALSE(r.state()["content"].contains("agreed"));  // this meeting's decisions are still to come
}

// The plan after the meeting in full: goal and delmål, from when, how often and where, the
// follow-up's time and place as a calendar file, several contacts, and a SIP that has ended.
TEST(People, ThePlanInFullWithACalendarFile) {
    AppRun r;
    elsa_after_the_meeting(r);
    type_into(r.h, r.app, ui::Role::TextArea, "Långsiktigt mål", "Bo kvar hemma");
    press(r.h, r.app, "Lägg till ett delmål");
    type_into(r.h, r.app, ui::Role::TextBox, "Delmål 1", "Duscha själv");
    press(r.h, r.app, "Lägg till något som ska göras");
    type_into(r.h, r.app, ui::Role::TextArea, "Vad ska göras?", "Hemtjanst");
    type_into(r.h, r.app, ui::Role::TextBox, "Från när?", "2026-12-01");
    type_into(r.h, r.app, ui::Role::TextBox, "Hur ofta?", "varje morgon");
    type_into(r.h, r.app, ui::Role::TextBox, "Var?", "hemma");
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Button, "Spara i kalendern"), nullptr) << "no date yet";
    type_into(r.h, r.app, ui::Role::TextBox, "När ska planen följas upp?", "2027-03-01");
    type_into(r.h, r.app, ui::Role::TextBox, "Vilken tid?", "13:30");
    type_into(r.h, r.app, ui::Role::TextBox, "Var är uppföljningen?", "Vardcentralen Norr, rum 4");
    press(r.h, r.app, "Lägg till en kontakt");
    choose(r, "Fast läkarkontakt");
    type_into(r.h, r.app, ui::Role::TextBox, "Namn och verksamhet", "Dr Berg");
    press(r.h, r.app, "Lägg till en kontakt");
    EXPECT_EQ(r.state()["content"]["agreed"]["contacts"].size(), 2u);

    press(r.h, r.app, "Spara i kalendern");
    ASSERT_EQ(r.host.asked.download.size(), 1u);
    EXPECT_EQ(r.host.asked.download[0].filename, "sip-uppfoljning-2027-03-01.ics");
    const std::string& ics = r.host.asked.download[0].contents;
    EXPECT_NE(ics.find("DTSTART:20270301T133000\r\n"), std::string::npos) << ics;
    EXPECT_NE(ics.find("LOCATION:Vardcentralen Norr\\, rum 4\r\n"), std::string::npos) << ics;

    const nlohmann::json agreed = r.state()["content"]["agreed"];
    EXPECT_EQ(agreed["long_term_goal"], "Bo kvar hemma");
    EXPECT_EQ(agreed["sub_goals"][0], "Duscha själv");
    EXPECT_EQ(agreed["efforts"][0]["starts"], "2026-12-01");
    EXPECT_EQ(agreed["efforts"][0]["how_often"], "varje morgon");
    EXPECT_EQ(agreed["efforts"][0]["where"], "hemma");
    EXPECT_EQ(agreed["follow_up_time"], "13:30");
    EXPECT_EQ(agreed["contacts"][0]["kind"], "doctor");
    EXPECT_EQ(agreed["contacts"][0]["name"], "Dr Berg");

    r.tick("SIP:en är avslutad");
    type_into(r.h, r.app, ui::Role::TextBox, "Avslutad den", "2027-06-10");
    EXPECT_EQ(r.state()["content"]["agreed"]["closed"], true);
    EXPECT_EQ(r.state()["content"]["agreed"]["closed_on"], "2027-06-10");
}

// "Spara fil" after the meeting asks about errors first, as the summary does: nothing typed is
// lost, and nothing is saved before the person has chosen.
TEST(People, SavingAfterTheMeetingAsksAboutErrorsFirst) {
    AppRun r;
    elsa_after_the_meeting(r);
    type_into(r.h, r.app, ui::Role::TextBox, "När ska planen följas upp?", "2027-03-01");
    type_into(r.h, r.app, ui::Role::TextBox, "Vilken tid?", "25:00");
    press(r.h, r.app, "Spara fil");
    EXPECT_TRUE(r.host.asked.download.empty()) << "saved without asking";
    EXPECT_NE(r.shown().find("Filen har fel"), std::string::npos) << r.shown();
    EXPECT_NE(r.shown().find("\"25:00\" är ingen tid."), std::string::npos);
    press(r.h, r.app, "Spara ändå");
    ASSERT_EQ(r.host.asked.download.size(), 1u);
    EXPECT_NE(r.host.asked.download[0].contents.find("\"follow_up_time\": \"25:00\""), std::string::npos);
}

// "Blev det gjort? Nej" points to the deviation routine, named as Västra Götaland's.
TEST(People, AnEffortNotDonePointsToTheDeviationRoutine) {
    AppRun r;
    press(r.h, r.app, "Följ upp en tidigare SIP");
    press(r.h, r.app, "Öppna filen från förra gången");
    r.app.file_opened(
        "sip-kerstin.json",
        read(std::filesystem::path(SIPPREP_SOURCE_DIR) / "assets/examples/vuxen-efter-sjukhusvistelse.json"),
        ui::FileOrigin::Picker);
    r.frame();
    go_to_step(r, "Hur har det gått?");
    EXPECT_EQ(r.shown().find("avvikelse"), std::string::npos);
    choose(r, "Nej");
    const std::string shown = r.shown();
    const std::string deviation = "Verksamheterna har rutiner för avvikelser";
    const std::size_t at = shown.find(deviation);
    ASSERT_NE(at, std::string::npos) << shown;
    EXPECT_EQ(shown.find(deviation, at + 1), std::string::npos) << "once: one effort was not done";
    EXPECT_NE(shown.find("Västra Götalands rutin"), std::string::npos);
}

// The professional's copy for the journal or SAMSA, and the print, leave out what the person
// marked for the convener only; that page is printed on its own, on request.
TEST(People, TheProfessionalsCopyLeavesOutTopicsNotToRaise) {
    AppRun pro;
    press(pro.h, pro.app, "Jag är yrkesverksam – öppna en förberedelse");
    open_example(pro, "narstaende-tillsammans.json");
    press(pro.h, pro.app, "Kopiera som text");
    EXPECT_NE(pro.host.asked.copy_text.back().find("Daniel"), std::string::npos);
    EXPECT_EQ(pro.host.asked.copy_text.back().find("Daniels pappa."), std::string::npos)
        << pro.host.asked.copy_text.back();
    EXPECT_EQ(pro.host.asked.copy_text.back().find("ska inte tas upp"), std::string::npos);
    press(pro.h, pro.app, "Skriv ut");
    EXPECT_EQ(pro.host.asked.print_html.back().html.find("Daniels pappa."), std::string::npos);
    press(pro.h, pro.app, "Skriv ut sidan till den som kallar");
    EXPECT_NE(pro.host.asked.print_html.back().html.find("Daniels pappa."), std::string::npos);
    // The seeds' words for the professional.
    EXPECT_NE(pro.shown().find("mötesledare"), std::string::npos);
    EXPECT_NE(pro.shown().find("ersättare"), std::string::npos);
}

// Maja writes what must not be raised in front of her father; her mother saves the file that
// her father will open. Before saving, the summary says the file holds it.
TEST(People, TheSummarySaysTheFileHoldsWhatMustNotBeRaised) {
    AppRun r;
    elsa_and_karin(r);
    go_to_step(r, "Sammanfattning");
    EXPECT_EQ(r.shown().find("Filen innehåller också det som inte ska tas upp"), std::string::npos);
    go_to_step(r, "Så vill jag vara med");
    type_into(r.h, r.app, ui::Role::TextArea, "Finns det något som inte ska tas upp på mötet?", "Bråken hemma");
    go_to_step(r, "Sammanfattning");
    EXPECT_NE(
        r.shown().find("Filen innehåller också det som inte ska tas upp på mötet. Alla som får filen kan läsa det."),
        std::string::npos)
        << r.shown();
}

// "Om SIP" has the rights, and a step links to the part that matters there and back.
TEST(People, RightsInAboutSipLinkedFromTheSteps) {
    AppRun r;
    press(r.h, r.app, "Om SIP – vad är det?");
    const std::string about = r.shown();
    for (const char* words : {"som regel få det",
                              "tunga skäl",
                              "skrivas ner",
                              "ersättare",
                              "vårdcentralen är med",
                              "behöver inte redan ha insatser från både",
                              "ska förbereda mötet tillsammans med dig",
                              "långsiktiga mål",
                              "hur du ska vara med",
                              "socialtjänsten eller hälso- och sjukvården",
                              "fasta vårdkontakt",
                              "Har du redan en SIP när du läggs in",
                              "representant",
                              "berätta för barnet",
                              "familjehem",
                              "HVB",
                              "SiS",
                              "möte mellan verksamheterna",
                              "utan dröjsmål",
                              "några dagar",
                              "Västra Götalands",
                              "Jämtlands"})
        EXPECT_NE(about.find(words), std::string::npos) << words;
    EXPECT_EQ(about.find("tre veckor"), std::string::npos) << "only in the older slides";
    press(r.h, r.app, "Till startsidan");
    press(r.h, r.app, "Ny förberedelse");
    go_to_step(r, "Vilka ska vara med?");
    press(r.h, r.app, "Om SIP: Om du ber om en SIP");
    EXPECT_EQ(r.state()["screen"], "about");
    EXPECT_EQ(last_focus(r.host), find(r.app.a11y_tree(), ui::Role::Heading, "Om du ber om en SIP")->key);
    press(r.h, r.app, "Tillbaka");
    EXPECT_EQ(r.state()["screen"], "steps");
}

// "Vad har ändrats?": in the follow-up beside the earlier plan, and for the professional with two
// files of the same person open.
TEST(People, WhatChangedSinceLastTimeInWords) {
    const std::string earlier =
        read(std::filesystem::path(SIPPREP_SOURCE_DIR) / "assets/examples/barn-skolfranvaro.json");
    {
        AppRun r;
        press(r.h, r.app, "Följ upp en tidigare SIP");
        press(r.h, r.app, "Öppna filen från förra gången");
        r.app.file_opened("sip-elsa-2026-11-16.json", earlier, ui::FileOrigin::Picker);
        r.frame();
        go_to_step(r, "Hur har det gått?");
        press(r.h, r.app, "Vad har ändrats sedan förra gången?");
        // Nothing of last time's goal is in the new plan yet: it reads as gone, until taken along.
        const std::string goal = "Borttaget: Elsa Nilsson själv: Att gå i skolan utan ont i magen och ha en kompis.";
        EXPECT_NE(r.shown().find(goal), std::string::npos) << r.shown();
        go_to_step(r, "Vad är viktigt för dig?");
        type_into(r.h, r.app, ui::Role::TextArea, "Vad är viktigt för dig?", "Att ha en kompis i klassen.");
        go_to_step(r, "Hur har det gått?");
        EXPECT_NE(r.shown().find("Ändrat: Elsa Nilsson själv: Att gå i skolan utan ont i magen och ha en kompis. → "
                                 "Att ha en kompis i klassen."),
                  std::string::npos)
            << r.shown();
        press(r.h, r.app, "Dölj vad som har ändrats");
        EXPECT_EQ(r.shown().find("Ändrat:"), std::string::npos);
    }
    AppRun pro;
    press(pro.h, pro.app, "Jag är yrkesverksam – öppna en förberedelse");
    pro.app.file_opened("sip-elsa-2026-11-16.json", earlier, ui::FileOrigin::Picker);
    pro.frame();
    nlohmann::json later = nlohmann::json::parse(earlier);
    later["updated"] = "2027-05-10T09:00:00Z";
    later["content"]["questions"].push_back({{"id", "q-99"},
                                             {"author", "person"},
                                             {"text", "Kan jag byta mentor?"},
                                             {"priority", "high"},
                                             {"for_whom", ""}});
    pro.app.file_opened("sip-elsa-2027-05-10.json", later.dump(2), ui::FileOrigin::Picker);
    pro.frame();
    press(pro.h, pro.app, "Vad har ändrats sedan sip-elsa-2026-11-16.json?");
    EXPECT_NE(pro.shown().find("Nytt: Kan jag byta mentor?"), std::string::npos) << pro.shown();
}

// A relative's contribution and the plan of the same person, both open in the professional's view:
// no "what changed" between them (the contribution is not an earlier version of the plan).
TEST(People, AContributionIsNotComparedWithThePlan) {
    AppRun pro;
    press(pro.h, pro.app, "Jag är yrkesverksam – öppna en förberedelse");
    const std::filesystem::path examples = std::filesystem::path(SIPPREP_SOURCE_DIR) / "assets/examples";
    pro.app.file_opened("synpunkter-fran-dotter.json", read(examples / "synpunkter-fran-dotter.json"),
                        ui::FileOrigin::Picker);
    pro.frame();
    pro.app.file_opened("vuxen-efter-sjukhusvistelse.json", read(examples / "vuxen-efter-sjukhusvistelse.json"),
                        ui::FileOrigin::Picker);
    pro.frame();
    EXPECT_EQ(pro.shown().find("Vad har ändrats sedan"), std::string::npos) << pro.shown();
}

// "Läs upp" reads the step's questions and what has been written, in the app's language, with
// the browser's voice; it shows only where there is a voice for that language, and stops.
TEST(People, AStepIsReadAloudAndStops) {
    AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    go_to_step(r, "Vad är viktigt för dig?");
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Button, "Läs upp"), nullptr);  // no voice: no button
    r.app.speech_available("sv", ui::SpeechVoice::Device);
    r.app.speech_available("en", ui::SpeechVoice::None);
    r.frame();
    type_into(r.h, r.app, ui::Role::TextArea, "Vad är viktigt för dig?", "Att bo kvar hemma");
    press(r.h, r.app, "Läs upp");
    ASSERT_EQ(r.host.asked.speak.size(), 1u);
    EXPECT_EQ(r.host.asked.speak[0].lang, "sv");
    EXPECT_FLOAT_EQ(r.host.asked.speak[0].rate, 1.0f);
    EXPECT_NE(r.host.asked.speak[0].text.find("Vad är viktigt för dig?: Att bo kvar hemma."), std::string::npos)
        << r.host.asked.speak[0].text;
    EXPECT_EQ(r.host.asked.speak[0].text.find("Lägg till"), std::string::npos);  // buttons are not read
    const ui::A11yNode* stop = find(r.app.a11y_tree(), ui::Role::Button, "Sluta läsa");
    ASSERT_NE(stop, nullptr);
    press(r.h, r.app, "Sluta läsa");
    EXPECT_EQ(r.host.asked.stop_speaking, 1);
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::Button, "Läs upp"), nullptr);

    // Slower, in the settings; in English there is no voice here, so no button.
    choose(r, "Långsamt");
    press(r.h, r.app, "Läs upp");
    EXPECT_FLOAT_EQ(r.host.asked.speak.back().rate, 0.75f);
    r.app.speech_ended();
    choose(r, "English (inte granskad)");
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Button, "Read aloud"), nullptr);
}

// A voice over the network (it sends the words to a speech service) reads only after the person
// has agreed; "Nej" leaves nothing spoken; the answer is kept in the draft's settings.
TEST(People, AVoiceOverTheNetworkReadsOnlyAfterThePersonAgrees) {
    AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    go_to_step(r, "Vad är viktigt för dig?");
    r.app.speech_available("sv", ui::SpeechVoice::Network);
    r.app.speech_available("en", ui::SpeechVoice::None);
    r.frame();
    const std::string question = "Vill du att texten läses upp av en röst via internet?";
    press(r.h, r.app, "Läs upp");
    EXPECT_TRUE(r.host.asked.speak.empty());
    EXPECT_NE(r.shown().find(question), std::string::npos);
    press(r.h, r.app, "Nej, läs inte upp");
    EXPECT_TRUE(r.host.asked.speak.empty());
    EXPECT_EQ(r.shown().find(question), std::string::npos);
    press(r.h, r.app, "Läs upp");
    press(r.h, r.app, "Ja, läs upp via internet");
    ASSERT_EQ(r.host.asked.speak.size(), 1u);
    EXPECT_TRUE(r.host.asked.speak[0].network_ok);
    EXPECT_NE(r.app.draft_to_save().find("\"network_voice\":true"), std::string::npos);
}

// Opening a file asks first only when words would be lost: not right after the draft was saved to
// a file (also after a reload), again as soon as something is written after that.
TEST(People, OpeningAFileAsksOnlyWhenSomethingUnsavedWouldGo) {
    const std::string other =
        read(std::filesystem::path(SIPPREP_SOURCE_DIR) / "assets/examples/barn-skolfranvaro.json");
    std::string stored;
    {
        AppRun r;
        press(r.h, r.app, "Ny förberedelse");
        type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Elsa Lind");
        go_to_step(r, "Sammanfattning");
        press(r.h, r.app, "Spara fil");
        stored = r.app.draft_to_save();
        r.app.file_opened("barn.json", other, ui::FileOrigin::Drop);
        r.frame();
        EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Alert, "Filen ersätter det du har skrivit"), nullptr);
        EXPECT_EQ(r.state()["content"]["owner"]["name"], "Elsa Nilsson");
        EXPECT_EQ(r.host.asked.keep_version.back(), "open");  // Elsa Lind's draft is kept all the same
    }
    {
        AppRun r;  // after a reload: still saved
        r.app.draft_loaded(stored);
        r.frame();
        press(r.h, r.app, "Fortsätt");
        r.app.file_opened("barn.json", other, ui::FileOrigin::Drop);
        r.frame();
        EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Alert, "Filen ersätter det du har skrivit"), nullptr);
    }
    AppRun r;  // a word written after saving: now something would be lost
    r.app.draft_loaded(stored);
    r.frame();
    press(r.h, r.app, "Fortsätt");
    go_to_step(r, "Om dig");
    type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Elsa Linde");
    r.app.file_opened("barn.json", other, ui::FileOrigin::Drop);
    r.frame();
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::Alert, "Filen ersätter det du har skrivit"), nullptr);
}

// The views form opens without red: what is missing (her name, whose SIP) is said at its field once
// she tries to save (on arrival, both fields were "ogiltig" before she had typed a letter).
TEST(People, TheViewsFormSaysWhatIsMissingWhenSavingIsTried) {
    AppRun r;
    press(r.h, r.app, "Jag vill lämna mina synpunkter till någon annans SIP");
    const ui::A11yNode* name = find(r.app.a11y_tree(), ui::Role::TextBox, "Ditt namn");
    ASSERT_NE(name, nullptr) << r.shown();
    EXPECT_EQ(name->error, "");
    EXPECT_EQ(r.shown().find("Skriv vems SIP det gäller."), std::string::npos) << r.shown();
    go_to_step(r, "Sammanfattning");
    press(r.h, r.app, "Spara fil");
    go_to_step(r, "Dina synpunkter");
    name = find(r.app.a11y_tree(), ui::Role::TextBox, "Ditt namn");
    ASSERT_NE(name, nullptr) << r.shown();
    EXPECT_EQ(name->error, "Skriv ditt namn, så att det syns vem som har skrivit.");
}

// A daughter in another town writes her views at home and saves a file; her mother opens it,
// takes in all but one item, and every item stands in the daughter's name.
TEST(People, ARelativeFarAwayContributesAndThePersonChooses) {
    std::string file;
    {
        AppRun r;
        press(r.h, r.app, "Jag vill lämna mina synpunkter till någon annans SIP");
        EXPECT_EQ(r.state()["content"]["kind"], "contribution");
        type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Karin Lind");
        type_into(r.h, r.app, ui::Role::TextBox, "Vem är det för dig? (till exempel dotter, granne, vän)", "dotter");
        type_into(r.h, r.app, ui::Role::TextBox, "Vems SIP gäller det?", "Elsa Lind");
        type_into(r.h, r.app, ui::Role::TextArea, "Vad tror du är viktigt för Elsa? – skrivet av Karin Lind (dotter)",
                  "Att bo kvar hemma");
        type_into(r.h, r.app, ui::Role::TextArea,
                  "Hur har Elsa det nu, som du ser det? – skrivet av Karin Lind (dotter)", "Hon glommer att ata");
        choose(r, "Ja");
        go_to_step(r, "Sammanfattning");
        EXPECT_EQ(r.shown().find("Samtycke"), std::string::npos);  // the plan's to-do list is not hers
        press(r.h, r.app, "Spara fil");
        ASSERT_EQ(r.host.asked.download.size(), 1u);
        EXPECT_EQ(r.host.asked.download[0].filename.rfind("sip-synpunkter-karin-", 0), 0u);
        file = r.host.asked.download[0].contents;
    }
    AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Elsa Lind");
    r.app.file_opened("sip-synpunkter-karin.json", file, ui::FileOrigin::Drop);
    r.frame();
    EXPECT_EQ(r.state()["screen"], "review");
    EXPECT_NE(r.shown().find("Synpunkter från Karin Lind (dotter)"), std::string::npos) << r.shown();
    EXPECT_NE(r.shown().find("Karin Lind (dotter) skriver: Att bo kvar hemma"), std::string::npos);
    const ui::A11yNode* now = find(r.app.a11y_tree(), ui::Role::Group, "Hur är det nu?");
    ASSERT_NE(now, nullptr) << r.shown();
    r.app.dom_activate(find(*now, ui::Role::Button, "Låt bli")->key);
    r.frame();
    press(r.h, r.app, "Ta med allt som är nytt");
    press(r.h, r.app, "Klar");
    const nlohmann::json s = r.state();
    EXPECT_EQ(s["screen"], "steps");
    EXPECT_EQ(s["content"]["owner"]["name"], "Elsa Lind");
    EXPECT_EQ(s["content"]["contributors"].size(), 2u);
    EXPECT_EQ(s["content"]["contributors"][1]["name"], "Karin Lind");
    EXPECT_EQ(s["content"]["contributors"][1]["attends"], "yes");
    EXPECT_EQ(s["content"]["goals"]["long_term"][0]["text"], "Att bo kvar hemma");
    EXPECT_EQ(s["content"]["goals"]["long_term"][0]["author"], s["content"]["contributors"][1]["id"]);
    EXPECT_TRUE(s["content"]["situation"]["now"].empty());

    // Opened again: nothing new to take but what was left out.
    r.app.file_opened("sip-synpunkter-karin.json", file, ui::FileOrigin::Drop);
    r.frame();
    EXPECT_NE(r.shown().find("Finns redan med i din förberedelse."), std::string::npos);
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Button, "Ta med allt som är nytt"), nullptr);
    press(r.h, r.app, "Klar");
    EXPECT_EQ(r.state()["content"]["contributors"].size(), 2u);

    // Karin wrote here on Elsa's computer meanwhile; her file says it another way. Taking the
    // file's words says it replaces hers, and her words as they were are kept as a version first.
    go_to_step(r, "Vad är viktigt för dig?");
    choose(r, "Karin Lind (dotter)");
    type_into(r.h, r.app, ui::Role::TextArea, "Vad tror du är viktigt för Elsa? – skrivet av Karin Lind (dotter)",
              "Att mamma får sova");
    r.host.asked.keep_version.clear();
    r.app.file_opened("sip-synpunkter-karin.json", file, ui::FileOrigin::Drop);
    r.frame();
    EXPECT_NE(r.shown().find("I din förberedelse står nu: Att mamma får sova"), std::string::npos) << r.shown();
    const ui::A11yNode* instead = find(r.app.a11y_tree(), ui::Role::Button, "Ta med i stället");
    ASSERT_NE(instead, nullptr) << r.shown();
    EXPECT_EQ(instead->description, "Det som står nu sparas bland tidigare versioner.");
    press(r.h, r.app, "Ta med i stället");
    EXPECT_EQ(r.host.asked.keep_version, std::vector<std::string>{"contribution"});
    EXPECT_EQ(r.state()["content"]["goals"]["long_term"][0]["text"], "Att bo kvar hemma");
}

// A relative's stored contribution opens where they left it, written as them, even when the
// stored place does not say who was writing.
TEST(People, AStoredContributionOpensAsTheRelatives) {
    std::string stored;
    {
        AppRun r;
        press(r.h, r.app, "Jag vill lämna mina synpunkter till någon annans SIP");
        type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Karin Lind");
        stored = r.app.draft_to_save();
    }
    nlohmann::json d = nlohmann::json::parse(stored);
    d["ui"].erase("author");
    AppRun r;
    r.app.draft_loaded(d.dump());
    r.frame();
    press(r.h, r.app, "Fortsätt");
    const ui::A11yNode* name = find(r.app.a11y_tree(), ui::Role::TextBox, "Ditt namn");
    ASSERT_NE(name, nullptr) << r.shown();
    EXPECT_EQ(name->value, "Karin Lind");
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::TextArea,
                   "Varför behövs mötet, tycker du? – skrivet av Karin Lind (närstående)"),
              nullptr)
        << r.shown();
}

// The professional reads a relative's contribution like any file, with its author, and is told
// what it is; no KVÅ code is suggested for it.
TEST(People, TheProfessionalSeesAContributionForWhatItIs) {
    AppRun pro;
    press(pro.h, pro.app, "Jag är yrkesverksam – öppna en förberedelse");
    pro.app.file_opened("sip-synpunkter-sara.json",
                        read(std::filesystem::path(SIPPREP_SOURCE_DIR) / "assets/examples/synpunkter-fran-dotter.json"),
                        ui::FileOrigin::Picker);
    pro.frame();
    const std::string shown = pro.shown();
    EXPECT_NE(shown.find("Det här är synpunkter från en närstående, skrivna hemma."), std::string::npos) << shown;
    EXPECT_EQ(shown.find("KVÅ"), std::string::npos);
    EXPECT_NE(shown.find("Sara Lund (dotter) skriver: Att mamma får vara hemma"), std::string::npos);
    EXPECT_EQ(shown.find("Till dig som mötesledare"), std::string::npos)
        << "the person's goal: not in a relative's file";
}

// Taking in a relative's views by keyboard: after each choice focus moves to the next item still
// open. A stored draft not yet opened is never shown beside a dropped contribution.
TEST(People, TakingInAContributionKeepsFocusAndShowsNoUnopenedDraft) {
    const std::string file =
        read(std::filesystem::path(SIPPREP_SOURCE_DIR) / "assets/examples/synpunkter-fran-dotter.json");
    std::string stored;
    {
        AppRun r;
        press(r.h, r.app, "Ny förberedelse");
        type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Kerstin Lund");
        r.app.file_opened("sara.json", file, ui::FileOrigin::Drop);
        r.frame();
        ASSERT_EQ(r.state()["screen"], "review");
        const ui::A11yNode* reason = find(r.app.a11y_tree(), ui::Role::Group, "Varför behövs mötet?");
        ASSERT_NE(reason, nullptr) << r.shown();
        r.app.dom_activate(find(*reason, ui::Role::Button, "Ta med")->key);
        r.frame();
        const ui::A11yNode* goal = find(r.app.a11y_tree(), ui::Role::Group, "Det här tror jag är viktigt");
        ASSERT_NE(goal, nullptr);
        EXPECT_EQ(last_focus(r.host), find(*goal, ui::Role::Button, "Ta med")->key);
        r.app.dom_activate(find(*goal, ui::Role::Button, "Låt bli")->key);
        r.frame();
        const ui::A11yNode* now = find(r.app.a11y_tree(), ui::Role::Group, "Hur är det nu?");
        ASSERT_NE(now, nullptr);
        EXPECT_EQ(last_focus(r.host), find(*now, ui::Role::Button, "Ta med")->key);
        press(r.h, r.app, "Klar");
        stored = r.app.draft_to_save();
    }
    AppRun r;
    r.app.draft_loaded(stored);
    r.frame();
    r.app.file_opened("sara.json", file, ui::FileOrigin::Drop);
    r.frame();
    EXPECT_NE(r.state()["screen"], "review");
    EXPECT_NE(r.shown().find("Öppna din förberedelse först"), std::string::npos) << r.shown();
    EXPECT_EQ(r.shown().find("Mamma ska hem"), std::string::npos);
}

// "Ta med allt som är nytt" takes what is new only: where the relative wrote here before, their
// earlier words stay until the person chooses, and "Behåll båda" keeps them beside the new ones.
TEST(People, TakingEverythingNewLeavesTheirEarlierWordsToChoose) {
    const std::string file =
        read(std::filesystem::path(SIPPREP_SOURCE_DIR) / "assets/examples/synpunkter-fran-dotter.json");
    ImportResult later = import_bundle(file, Date{2026, 12, 6});
    set_text(later.preparation.situation.now, "rel-5c21e0aa", "Hon sover bättre nu.");
    later.preparation.questions.push_back(
        Question{"q-9", "rel-5c21e0aa", "Kan mamma få prova dagverksamhet?", Priority::None, ""});
    const std::string newer = export_bundle(later.preparation, later.meta);
    AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Kerstin Lund");
    r.app.file_opened("sara.json", file, ui::FileOrigin::Drop);
    r.frame();
    press(r.h, r.app, "Ta med allt som är nytt");
    press(r.h, r.app, "Klar");
    r.app.file_opened("sara-2.json", newer, ui::FileOrigin::Drop);
    r.frame();
    ASSERT_EQ(r.state()["screen"], "review");
    press(r.h, r.app, "Ta med allt som är nytt");
    const auto now = r.state()["content"]["situation"]["now"];
    ASSERT_EQ(now.size(), 1u);
    EXPECT_EQ(now[0]["text"], "Hon blir snabbt trött och vill inte be om hjälp.");
    EXPECT_NE(r.shown().find("Kan mamma få prova dagverksamhet?"), std::string::npos);
    EXPECT_NE(last_announcement(r.host).find("väljer du själv"), std::string::npos) << last_announcement(r.host);
    const ui::A11yNode* group = find(r.app.a11y_tree(), ui::Role::Group, "Hur är det nu?");
    ASSERT_NE(group, nullptr) << r.shown();
    EXPECT_EQ(last_focus(r.host), find(*group, ui::Role::Button, "Ta med i stället")->key);
    r.app.dom_activate(find(*group, ui::Role::Button, "Behåll båda")->key);
    r.frame();
    EXPECT_EQ(r.state()["content"]["situation"]["now"][0]["text"],
              "Hon blir snabbt trött och vill inte be om hjälp.\n\nHon sover bättre nu.");
    EXPECT_EQ(r.state()["content"]["questions"].size(), 2u);
}

// A file from a newer app opened to go on writing: the words in parts this app cannot keep are
// quoted before anything is saved over them, not lost without a word.
TEST(People, WordsANewerAppWroteAreSaidBeforeTheyAreLost) {
    nlohmann::json j = nlohmann::json::parse(
        read(std::filesystem::path(SIPPREP_SOURCE_DIR) / "assets/examples/vuxen-efter-sjukhusvistelse.json"));
    j["content"]["goals"]["dreams"] =
        nlohmann::json::array({{{"author", "person"}, {"text", "Jag drömmer om att åka till havet."}}});
    AppRun r;
    r.app.file_opened("nyare.json", j.dump(), ui::FileOrigin::Picker);
    r.frame();
    const ui::A11yNode* result = find(r.app.a11y_tree(), ui::Role::Alert, "Öppnad fil");
    ASSERT_NE(result, nullptr) << "said as a problem, not as a plain note";
    const std::string shown = r.shown();
    EXPECT_NE(shown.find("Filen kommer från en nyare version av appen."), std::string::npos) << shown;
    EXPECT_NE(shown.find("Jag drömmer om att åka till havet."), std::string::npos) << shown;
}

// One person is one writer: a name already writing is not added again (it is said, and stays
// typed), a writer renamed to another's name is told so, and one who has written nothing can go.
TEST(People, OnePersonIsOneWriter) {
    AppRun r;
    elsa_and_karin(r);
    type_into(r.h, r.app, ui::Role::TextBox, "Namn på den som ska skriva", " karin ");
    press(r.h, r.app, "Lägg till som skribent");
    EXPECT_EQ(r.state()["content"]["contributors"].size(), 2u);
    EXPECT_NE(last_announcement(r.host).find("Karin skriver redan"), std::string::npos) << last_announcement(r.host);
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::TextBox, "Namn på den som ska skriva")->value, " karin ");
    type_into(r.h, r.app, ui::Role::TextBox, "Namn på den som ska skriva", "Lelia");
    press(r.h, r.app, "Lägg till som skribent");
    ASSERT_EQ(r.state()["content"]["contributors"].size(), 3u);
    const ui::A11yNode* lelia = find(r.app.a11y_tree(), ui::Role::Group, "Lelia");
    ASSERT_NE(lelia, nullptr) << r.shown();
    r.app.dom_text(find(*lelia, ui::Role::TextBox, "Namn")->key, ui::DomText{"Karin", 5, 5, false});
    r.frame();
    r.frame();
    EXPECT_NE(r.shown().find("Det finns redan en som skriver med namnet Karin."), std::string::npos) << r.shown();
    // Neither has written: each can go; the second Karin goes.
    std::vector<const ui::A11yNode*> karins;
    std::function<void(const ui::A11yNode&)> walk = [&](const ui::A11yNode& n) {
        if (n.role == ui::Role::Group && n.name == "Karin") karins.push_back(&n);
        for (const ui::A11yNode& c : n.children) walk(c);
    };
    walk(r.app.a11y_tree());
    ASSERT_EQ(karins.size(), 2u) << r.shown();
    r.app.dom_activate(find(*karins[1], ui::Role::Button, "Ta bort Karin som skribent")->key);
    r.frame();
    r.frame();
    EXPECT_EQ(r.state()["content"]["contributors"].size(), 2u);
    EXPECT_NE(last_announcement(r.host).find("Karin är borttagen som skribent."), std::string::npos);
    // One who has written cannot be removed: their words would be no one's.
    choose(r, "Karin (dotter)");
    go_to_step(r, "Vad är viktigt för dig?");
    type_into(r.h, r.app, ui::Role::TextArea, "Vad tror du är viktigt för Elsa? – skrivet av Karin (dotter)",
              "Att mamma är trygg.");
    choose(r, "Elsa själv (planen tillhör Elsa)");
    go_to_step(r, "Om dig");
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Button, "Ta bort Karin som skribent"), nullptr) << r.shown();
}

// Issue 26: each guardian answers for themselves, as the one who writes. The child (or the other
// guardian) cannot tick for them, ticking fills in no date, and the SIP itself is asked first.
// A consent's end date in a plan opened again, emptied to write another: the field stays, and so
// does "Till ett datum", and the new date is the one kept.
TEST(People, AnEndDateEmptiedToWriteAnotherStays) {
    AppRun r;
    open_example(r, "vuxen-efter-sjukhusvistelse.json");
    go_to_step(r, "Samtycke");
    type_into(r.h, r.app, ui::Role::TextBox, "Till och med", "");
    const ui::A11yNode* to = find(r.app.a11y_tree(), ui::Role::TextBox, "Till och med");
    ASSERT_NE(to, nullptr) << "the field went away while it was emptied\n" << r.shown();
    const ui::A11yNode* by_date = find(r.app.a11y_tree(), ui::Role::Radio, "Till ett datum");
    ASSERT_NE(by_date, nullptr);
    EXPECT_TRUE(by_date->checked);
    type_into(r.h, r.app, ui::Role::TextBox, "Till och med", "2028-01-31");
    EXPECT_EQ(r.state()["content"]["consents"][0]["valid_to"], "2028-01-31");
}

TEST(People, EachGuardianConfirmsForThemselvesAndNothingFillsInADate) {
    AppRun r;
    alva_with_guardian(r, "Maria");
    press(r.h, r.app, "Lägg till vårdnadshavare");
    go_to_step(r, "Vilka ska vara med?");
    r.tick("Skolan");
    go_to_step(r, "Samtycke");
    // "Jag vill ha en SIP" comes before who may share what.
    const std::string shown = r.shown();
    ASSERT_NE(shown.find("Vill du ha en SIP?"), std::string::npos) << shown;
    EXPECT_LT(shown.find("Vill du ha en SIP?"), shown.find("Fyll i samtycke för Skolan"));
    press(r.h, r.app, "Fyll i samtycke för Skolan");
    // The child writes: no box for Maria, only what Maria has said.
    choose(r, "Alva själv (planen tillhör Alva)");
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Checkbox, "Jag, Maria, vill också samtycka"), nullptr);
    EXPECT_NE(r.shown().find("Maria har inte svarat själv än"), std::string::npos) << r.shown();
    choose(r, "Maria (vårdnadshavare)");
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Checkbox, "Jag, (namn saknas), vill också samtycka"), nullptr)
        << "Maria cannot answer for the other guardian";
    // "Vill du ha en SIP?" is Alva's own wish: Maria answers for herself, not in Alva's place.
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::RadioGroup, "Vill du ha en SIP?"), nullptr);
    EXPECT_NE(r.shown().find("Barnets eget svar: inte svarat än"), std::string::npos) << r.shown();
    choose(r, "Nej, jag vill inte det");
    EXPECT_NE(r.state()["content"]["sip_consent"].value("wants", std::string()), "no") << "not Alva's answer";
    EXPECT_EQ(r.state()["content"]["sip_consent"]["guardians"][0]["agrees"], false);
    choose(r, "Ja, jag vill att barnet får en SIP");
    // Her own yes to sharing is offered once the answer is yes (under a no it would contradict it).
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Checkbox, "Jag, Maria, vill också samtycka"), nullptr);
    EXPECT_NE(r.shown().find("Maria: när svaret ovan är ja kan du samtycka här."), std::string::npos) << r.shown();
    // Her yes for Alva is her own yes too: one answer, not a yes and then a tick.
    choose(r, "Ja, Skolan får dela uppgifter");
    const ui::A11yNode* own = find(r.app.a11y_tree(), ui::Role::Checkbox, "Jag, Maria, vill också samtycka");
    ASSERT_NE(own, nullptr) << r.shown();
    EXPECT_TRUE(own->checked);
    const nlohmann::json c = r.state()["content"];
    ASSERT_EQ(c["consents"][0]["guardian_approvals"].size(), 1u);
    EXPECT_EQ(c["consents"][0]["guardian_approvals"][0]["agrees"], true);
    EXPECT_EQ(c["consents"][0]["guardian_approvals"][0]["date"], "") << "no date is filled in for her";
    EXPECT_EQ(c["sip_consent"]["guardians"][0]["representative_id"], "r-1");
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::TextBox, "Datum då Maria samtyckte"), nullptr);
    EXPECT_NE(r.shown().find("(namn saknas) har inte svarat själv än"), std::string::npos) << r.shown();
}

// Maria's no for Alva is her own no; Johan, writing next, is asked for his own answer.
TEST(People, AGuardiansNoForTheChildIsTheirOwnNo) {
    AppRun r;
    alva_with_maria_and_johan_at_consent(r);
    if (::testing::Test::HasFatalFailure()) return;
    press(r.h, r.app, "Fyll i samtycke för Skolan");
    choose(r, "Nej, Skolan får inte dela uppgifter");
    const nlohmann::json approvals = r.state()["content"]["consents"][0]["guardian_approvals"];
    ASSERT_EQ(approvals.size(), 1u) << approvals.dump();
    EXPECT_EQ(approvals[0]["agrees"], false);
    choose(r, "Johan (vårdnadshavare)");
    EXPECT_NE(r.shown().find("Maria vill inte samtycka"), std::string::npos) << r.shown();
    EXPECT_NE(r.shown().find("Johan: när svaret ovan är ja kan du samtycka här."), std::string::npos) << r.shown();
    // He has given no wish here to take back.
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Button, "Dra tillbaka min vilja"), nullptr) << r.shown();
}

// Kent's own consent to the psychiatry clinic: his god man Birgitta, writing next, sees it and
// does not change it (her "Även diagnoser" stood in the file as Kent's own wish); she can say that
// she, as his representative, is to give it, and then answer.
TEST(People, ARepresentativeSeesThePersonsOwnConsentAndDoesNotChangeIt) {
    AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Kent Andersson");
    press(r.h, r.app, "Lägg till företrädare");
    const ui::A11yNode* rep = find(r.app.a11y_tree(), ui::Role::Group, "(namn saknas)");
    ASSERT_NE(rep, nullptr) << r.shown();
    const ui::A11yNode* name = find(*rep, ui::Role::TextBox, "Namn");
    ASSERT_NE(name, nullptr);
    r.app.dom_text(name->key, ui::DomText{"Birgitta", 8, 8, false});
    r.frame();
    choose(r, "God man");
    go_to_step(r, "Vilka ska vara med?");
    r.tick("Psykiatrin");
    go_to_step(r, "Samtycke");
    press(r.h, r.app, "Fyll i samtycke för Psykiatrin");
    choose(r, "Ja, Psykiatrin får dela uppgifter");
    type_into(r.h, r.app, ui::Role::TextArea, "Vilka uppgifter får delas?", "Att jag har ångest");
    const ui::A11yNode* birgitta = nullptr;
    std::function<void(const ui::A11yNode&)> walk = [&](const ui::A11yNode& n) {
        if (!birgitta && n.role == ui::Role::Radio && n.name.rfind("Birgitta", 0) == 0) birgitta = &n;
        for (const ui::A11yNode& k : n.kids()) walk(k);
    };
    walk(r.app.a11y_tree());
    ASSERT_NE(birgitta, nullptr) << r.shown();
    r.app.dom_activate(birgitta->key);
    r.frame();
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::TextArea, "Vilka uppgifter får delas?"), nullptr) << r.shown();
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Radio, "Nej, Psykiatrin får inte dela uppgifter"), nullptr);
    EXPECT_NE(r.shown().find("Det här samtycket ger Kent Andersson själv, så bara Kent Andersson ändrar det."),
              std::string::npos)
        << r.shown();
    choose(r, "En företrädare");
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::TextArea, "Vilka uppgifter får delas?"), nullptr) << r.shown();
    EXPECT_EQ(r.state()["content"]["consents"][0]["information"], "Att jag har ångest");
}

// Maria and Johan said yes to sharing with the school; Johan names the school's unit afterwards.
// Maria's yes was to "Skolan", not to the unit he wrote: she is asked again.
TEST(People, NamingAReceiverAfterwardsAsksTheOtherGuardianAgain) {
    AppRun r;
    alva_with_maria_and_johan_at_consent(r);
    if (::testing::Test::HasFatalFailure()) return;
    press(r.h, r.app, "Fyll i samtycke för Skolan");
    choose(r, "Ja, Skolan får dela uppgifter");
    choose(r, "Johan (vårdnadshavare)");
    r.tick("Jag, Johan, vill också samtycka");
    ASSERT_EQ(r.state()["content"]["consents"][0]["guardian_approvals"].size(), 2u);
    go_to_step(r, "Vilka ska vara med?");
    type_into(r.h, r.app, ui::Role::TextBox, "Skolan: enhet eller mottagning", "Ungdomsmottagningen Norr");
    const nlohmann::json approvals = r.state()["content"]["consents"][0]["guardian_approvals"];
    ASSERT_EQ(approvals.size(), 1u) << approvals.dump();
    EXPECT_EQ(approvals[0]["representative_id"], "r-2");
    bool said = false;
    for (const auto& u : r.host.asked.update_a11y)
        said = said || u.announcement == "Samtycket ändrades, så Maria behöver svara på det igen.";
    EXPECT_TRUE(said);
}

// Karin chose how her mother takes part, and wrote nothing else: she has said something, so she
// cannot be removed as a writer added by mistake (her id would stay in "Ifyllt av" with no one
// behind it, an error Elsa could not mend).
TEST(People, AWriterWhoChoseHowThePersonTakesPartStays) {
    AppRun r;
    elsa_and_karin(r);
    choose(r, "Karin (dotter)");
    go_to_step(r, "Så vill jag vara med");
    r.tick("Via video");
    choose(r, "Elsa själv (planen tillhör Elsa)");
    go_to_step(r, "Om dig");
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Button, "Ta bort Karin som skribent"), nullptr) << r.shown();
}

// Karin, writing in her mother's plan, removes a life area where Elsa wrote: the question says
// whose words go, not only that there is text.
TEST(People, RemovingAnAreaWithSomeoneElsesWordsSaysWhoseTheyAre) {
    AppRun r;
    elsa_and_karin(r);
    go_to_step(r, "Vad behöver du?");
    press(r.h, r.app, "+ Boende och hem");
    type_into(r.h, r.app, ui::Role::TextArea, "Det här klarar jag själv", "Laga mat");
    choose(r, "Karin (dotter)");
    press(r.h, r.app, "Ta bort Boende och hem");
    EXPECT_NE(r.shown().find("Det här skrev Elsa"), std::string::npos) << r.shown();
    EXPECT_EQ(r.state()["content"]["needs"].size(), 1u) << "not gone before the answer";
}

// Maria said yes to sharing attendance; Johan, writing next, widens it to health care. Her yes was
// to the terms before, so she is asked again: else the file would say she agreed to what he wrote.
TEST(People, AGuardiansYesIsAskedAgainWhenTheOtherChangesTheTerms) {
    AppRun r;
    alva_with_maria_and_johan_at_consent(r);
    if (::testing::Test::HasFatalFailure()) return;
    press(r.h, r.app, "Fyll i samtycke för Skolan");
    // Asked about Alva, not as if Maria were her; a child's examples for a child's goal.
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::RadioGroup, "Får de dela uppgifter om Alva?"), nullptr) << r.shown();
    choose(r, "Ja, Skolan får dela uppgifter");
    type_into(r.h, r.app, ui::Role::TextArea, "Vilka uppgifter får delas?", "Narvaro");
    choose(r, "Tills SIP:en avslutas");
    choose(r, "Johan (vårdnadshavare)");
    r.tick("Jag, Johan, vill också samtycka");
    ASSERT_EQ(r.state()["content"]["consents"][0]["guardian_approvals"].size(), 2u);
    // Johan widens what may be shared: his own yes stands, Maria's is asked for again.
    r.tick("Hälsa och vård");
    const nlohmann::json approvals = r.state()["content"]["consents"][0]["guardian_approvals"];
    ASSERT_EQ(approvals.size(), 1u) << approvals.dump();
    EXPECT_EQ(approvals[0]["representative_id"], "r-2");
    EXPECT_NE(r.shown().find("Maria har inte svarat själv än"), std::string::npos) << r.shown();
    bool said = false;
    for (const auto& u : r.host.asked.update_a11y)
        said = said || u.announcement == "Samtycket ändrades, så Maria behöver svara på det igen.";
    EXPECT_TRUE(said);
}

// Johan takes back the guardians' consent to the school. The file says it was him; Maria, writing
// next on the same computer, is told it was Johan (not "Du drog tillbaka din vilja") and cannot
// undo it; the summary no longer says both "vill samtycka"; Alva (13) cannot take it back with
// one press: her guardians give it.
TEST(People, AGuardianWhoTakesAConsentBackIsNamedAndOnlyTheyUndoIt) {
    AppRun r;
    alva_with_maria_and_johan_at_consent(r);
    if (::testing::Test::HasFatalFailure()) return;
    press(r.h, r.app, "Fyll i samtycke för Skolan");
    choose(r, "Ja, Skolan får dela uppgifter");
    type_into(r.h, r.app, ui::Role::TextArea, "Vilka uppgifter får delas?", "Narvaro");
    choose(r, "Tills SIP:en avslutas");
    choose(r, "Johan (vårdnadshavare)");
    r.tick("Jag, Johan, vill också samtycka");
    press(r.h, r.app, "Dra tillbaka min vilja");
    const nlohmann::json k = r.state()["content"]["consents"][0];
    EXPECT_EQ(k["revoked_on"], "2026-11-23");
    EXPECT_EQ(k["revoked_by"], "c-r-2");
    EXPECT_NE(r.shown().find("Du drog tillbaka din vilja 23 november."), std::string::npos) << r.shown();
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::Button, "Det blev fel – ångra"), nullptr) << r.shown();
    choose(r, "Maria (vårdnadshavare)");
    EXPECT_NE(r.shown().find("Johan (vårdnadshavare) drog tillbaka viljan 23 november."), std::string::npos)
        << r.shown();
    EXPECT_EQ(r.shown().find("Du drog tillbaka"), std::string::npos) << r.shown();
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Button, "Det blev fel – ångra"), nullptr) << r.shown();
    go_to_step(r, "Sammanfattning");
    EXPECT_EQ(r.shown().find("Maria vill samtycka"), std::string::npos) << r.shown();
    EXPECT_NE(r.shown().find("Johan (vårdnadshavare) drog tillbaka viljan"), std::string::npos) << r.shown();
    // Johan undoes it: focus goes to the answer that holds again, not to "Dra tillbaka min vilja",
    // where a second Enter took it back again.
    go_to_step(r, "Samtycke");
    choose(r, "Johan (vårdnadshavare)");
    press(r.h, r.app, "Det blev fel – ångra");
    const ui::A11yNode* yes = find(r.app.a11y_tree(), ui::Role::Radio, "Ja, Skolan får dela uppgifter");
    ASSERT_NE(yes, nullptr) << r.shown();
    EXPECT_EQ(last_focus(r.host), yes->key);
}

// In a child's plan the guardians give a consent: the child who writes sees it, and is told that
// the guardians take it back (with one press, Alva had taken back her parents' consent).
TEST(People, AChildWhoWritesDoesNotTakeBackTheGuardiansConsent) {
    AppRun r;
    alva_with_maria_and_johan_at_consent(r);
    if (::testing::Test::HasFatalFailure()) return;
    press(r.h, r.app, "Fyll i samtycke för Skolan");
    choose(r, "Ja, Skolan får dela uppgifter");
    choose(r, "Alva själv (planen tillhör Alva)");
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Button, "Dra tillbaka min vilja"), nullptr) << r.shown();
    // Nor does her yes or no replace theirs: she sees their answer, and says what she thinks.
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Radio, "Nej, Skolan får inte dela uppgifter"), nullptr) << r.shown();
    EXPECT_NE(r.shown().find("Svar just nu: Ja, Skolan får dela uppgifter"), std::string::npos) << r.shown();
    EXPECT_NE(r.shown().find("Det är vårdnadshavarna som svarar här."), std::string::npos) << r.shown();
    EXPECT_EQ(r.state()["content"]["consents"][0]["guardian_approvals"].size(), 1u);
    // Her own say is asked of her, not about "barnet".
    EXPECT_NE(
        find(r.app.a11y_tree(), ui::Role::TextArea, "Vad tycker du om att de delar uppgifter om dig med varandra?"),
        nullptr)
        << r.shown();
}

// "Skriv ut samtyckesblankett" while only Maria has answered: the form is to be signed, but it says
// "vi" only once both guardians have said yes, and names Johan's missing answers (seed 001: "Finns
// två vårdnadshavare ska båda ge sitt samtycke").
TEST(People, TheConsentFormSaysWhichGuardianHasNotAnswered) {
    AppRun r;
    alva_with_maria_and_johan_at_consent(r);
    if (::testing::Test::HasFatalFailure()) return;
    choose(r, "Ja, jag vill att barnet får en SIP");
    press(r.h, r.app, "Fyll i samtycke för Skolan");
    choose(r, "Ja, Skolan får dela uppgifter");
    type_into(r.h, r.app, ui::Role::TextArea, "Vilka uppgifter får delas?", "Narvaro");
    choose(r, "Tills SIP:en avslutas");
    const auto print = [&] {
        const std::size_t before = r.host.asked.print_html.size();
        press(r.h, r.app, "Skriv ut samtyckesblankett");
        EXPECT_EQ(r.host.asked.print_html.size(), before + 1);
        return r.host.asked.print_html.empty() ? std::string() : r.host.asked.print_html.back().html;
    };
    const std::string waiting = print();
    EXPECT_EQ(waiting.find("Vi vill att barnet får"), std::string::npos) << waiting;
    EXPECT_NE(waiting.find("Maria vill att barnet får en SIP"), std::string::npos) << waiting;
    EXPECT_NE(waiting.find("Johan har inte svarat om barnet ska få en SIP"), std::string::npos) << waiting;
    EXPECT_EQ(waiting.find("får dela uppgifter om barnet med varandra"), std::string::npos) << waiting;
    EXPECT_NE(waiting.find("<li>Skolan – Narvaro – Inte klart: Johan har inte svarat själv än (tills SIP:en avslutas)"),
              std::string::npos)
        << waiting;
    // Johan answers for himself: now it is "vi", and the school is among those who may share.
    choose(r, "Johan (vårdnadshavare)");
    choose(r, "Ja, jag vill att barnet får en SIP");
    r.tick("Jag, Johan, vill också samtycka");
    const std::string both = print();
    EXPECT_NE(both.find("Vi vill att barnet får en samordnad individuell plan (SIP)."), std::string::npos) << both;
    EXPECT_NE(both.find("får dela uppgifter om barnet med varandra"), std::string::npos) << both;
    EXPECT_NE(both.find("<li>Skolan – Narvaro – tills SIP:en avslutas</li>"), std::string::npos) << both;
    EXPECT_EQ(both.find("har inte svarat"), std::string::npos) << both;
}

// A plan with more than one writer, opened on a device: the one who opened it is asked who they
// are (the chooser open and in focus), not taken for the person.
TEST(People, OpeningAPlanWithSeveralWritersAsksWhoWrites) {
    AppRun r(400);  // a phone: the chooser is folded until asked for
    open_example(r, "vuxen-efter-sjukhusvistelse.json");
    r.frame();
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::RadioGroup, "Vem skriver nu?"), nullptr) << r.shown();
    EXPECT_NE(last_announcement(r.host).find("Vem skriver nu?"), std::string::npos) << last_announcement(r.host);
    const ui::A11yNode* me = find(r.app.a11y_tree(), ui::Role::Radio, "Kerstin själv (planen tillhör Kerstin)");
    ASSERT_NE(me, nullptr) << r.shown();
    EXPECT_EQ(last_focus(r.host), me->key);
}

// The next evening Sara opens the app: her brother wrote last. Who writes now is asked, not taken
// from him (her words were saved as his).
TEST(People, ContinuingAStoredDraftWithSeveralWritersAsksWhoWrites) {
    std::string stored;
    {
        AppRun r;
        elsa_and_karin(r);
        choose(r, "Karin (dotter)");
        stored = r.app.draft_to_save();
    }
    AppRun r;
    r.app.draft_loaded(stored);
    r.frame();
    press(r.h, r.app, "Fortsätt");
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::RadioGroup, "Vem skriver nu?"), nullptr) << r.shown();
    const ui::A11yNode* karin = find(r.app.a11y_tree(), ui::Role::Radio, "Karin (dotter)");
    ASSERT_NE(karin, nullptr) << r.shown();
    EXPECT_EQ(last_focus(r.host), karin->key) << "on the one who wrote last, to keep or change";
    // Said as a question naming who wrote last; no "Öppnad fil" note, since no file was opened.
    EXPECT_NE(last_announcement(r.host).find("Vem skriver nu? Senast skrev Karin (dotter)."), std::string::npos)
        << last_announcement(r.host);
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Status, "Öppnad fil"), nullptr) << r.shown();
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Alert, "Öppnad fil"), nullptr) << r.shown();
}

// Issue 29: whoever writes, writes in the language the app is used in; the file says which, so
// the professional sees "Svar på engelska" under each answer.
TEST(People, TheWordsCarryTheLanguageTheyAreWrittenIn) {
    AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    EXPECT_FALSE(r.state()["content"].contains("written_language")) << "Swedish, as every older file";
    choose(r, "English (inte granskad)");
    EXPECT_EQ(r.state()["content"]["written_language"], "en");
    choose(r, "Svenska");
    EXPECT_FALSE(r.state()["content"].contains("written_language"));
    // A new preparation starts in the language chosen.
    choose(r, "English (inte granskad)");
    press(r.h, r.app, "To the start page");
    press(r.h, r.app, "New preparation");
    EXPECT_EQ(r.state()["content"]["written_language"], "en");
}

// Switching the app's language to read, or to show someone, does not relabel words already
// written: a Swedish goal stays Swedish when the app is switched to English, and the writer's
// words are marked English once they type in it.
TEST(People, SwitchingTheAppsLanguageDoesNotRelabelWordsAlreadyWritten) {
    AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    go_to_step(r, "Vad är viktigt för dig?");
    type_into(r.h, r.app, ui::Role::TextArea, "Vad är viktigt för dig?", "Att bo kvar hemma.");
    choose(r, "English (inte granskad)");
    EXPECT_FALSE(r.state()["content"].contains("written_language")) << "the Swedish goal is still Swedish";
    type_into(r.h, r.app, ui::Role::TextArea, "What matters to you?", "Att bo kvar hemma. And to see my friends.");
    EXPECT_EQ(r.state()["content"]["written_language"], "en") << "typed in English now";
}

// A guardian removed keeps their words (as one who writes, "c-r-1"); the next guardian added must
// not get their id back, or the removed one's words would become the new one's (found by
// RandomUse: two writers with one id).
TEST(People, ANewGuardianDoesNotTakeOverARemovedOnesWords) {
    AppRun r;
    alva_with_guardian(r, "Sara");
    press(r.h, r.app, "Ta bort Sara");
    press(r.h, r.app, "Ja, ta bort");  // named: asked first
    press(r.h, r.app, "Lägg till vårdnadshavare");
    const nlohmann::json content = nlohmann::json::parse(r.app.draft_to_save())["bundle"]["content"];
    std::set<std::string> ids;
    for (const auto& w : content["contributors"])
        EXPECT_TRUE(ids.insert(w["id"].get<std::string>()).second) << w.dump();
    ASSERT_EQ(content["representatives"].size(), 1u);
    EXPECT_NE(content["representatives"][0]["id"], "r-1");
}

// What the rules say about a field is said at the field: a phone number pasted from a phone's
// contacts, wrapped in invisible direction marks, was counted as an error in the step list but
// shown nowhere on the step.
TEST(People, AnInvisibleCharacterInAPhoneNumberIsSaidAtTheField) {
    AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    type_into(r.h, r.app, ui::Role::TextBox, "Telefon", "\u202a070-123 45 67\u202c");
    r.frame();
    const ui::A11yNode* phone = find(r.app.a11y_tree(), ui::Role::TextBox, "Telefon");
    ASSERT_NE(phone, nullptr);
    EXPECT_NE(r.shown().find("osynligt tecken"), std::string::npos) << r.shown();
}

// A guardian who answered whether the child should have a SIP can still be removed, and their
// answer goes with them: kept, it named no one, an error the person could not find or fix.
TEST(People, ARemovedGuardiansAnswerAboutTheSipGoesWithThem) {
    AppRun r;
    alva_with_guardian(r, "Johan");
    go_to_step(r, "Samtycke");
    choose(r, "Johan (vårdnadshavare)");
    choose(r, "Ja, jag vill att barnet får en SIP");
    ASSERT_EQ(r.state()["content"]["sip_consent"]["guardians"].size(), 1u);
    go_to_step(r, "Om dig");
    press(r.h, r.app, "Ta bort Johan");
    EXPECT_EQ(r.state()["content"]["representatives"].size(), 1u) << "named: asked first";
    EXPECT_NE(r.shown().find("Vill du ta bort Johan från förberedelsen?"), std::string::npos) << r.shown();
    press(r.h, r.app, "Ja, ta bort");
    EXPECT_EQ(r.state()["content"]["representatives"].size(), 0u);
    EXPECT_EQ(r.state()["content"]["sip_consent"]["guardians"].size(), 0u);
}
