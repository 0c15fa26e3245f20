// A file asked for goes where it was asked for: the picker's answer carries the purpose of the
// button that opened it, whatever screen is showing when it arrives.
#include <gtest/gtest.h>

#include <filesystem>

#include "app_driver.hpp"

using namespace sipprep;
using namespace sipprep::test;
namespace fs = std::filesystem;

namespace {
std::string example(const char* name) { return read(fs::path(SIPPREP_SOURCE_DIR) / "assets/examples" / name); }
}  // namespace

// "Öppna fil" in the professional's view, then back to the start page before the file came: it
// is still read there, never taken as this computer's draft.
TEST(FilePurpose, AFileAskedForInTheProfessionalViewIsReadThereAfterTheScreenChanged) {
    AppRun r;
    press(r.h, r.app, "Jag är yrkesverksam – öppna en förberedelse");
    press(r.h, r.app, "Öppna fil");
    EXPECT_EQ(r.host.asked.pick_file, 1);
    press(r.h, r.app, "Till startsidan");
    ASSERT_EQ(r.state()["screen"], "start");
    const nlohmann::json before = r.state()["content"];

    r.app.file_opened("barn.json", example("barn-skolfranvaro.json"), ui::FileOrigin::Picker);
    r.frame();
    EXPECT_EQ(r.state()["content"], before) << "a professional's file became the draft";
    EXPECT_EQ(r.state()["screen"], "professional");
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::Heading, "barn.json"), nullptr) << r.shown();
}

// "Öppna en fil" on the start page, then into the professional's view before the file came: it
// becomes the draft it was asked for, not a file read in that view.
TEST(FilePurpose, AFileAskedForAsTheDraftBecomesTheDraftFromAnotherScreen) {
    AppRun r;
    press(r.h, r.app, "Öppna en fil");
    EXPECT_EQ(r.host.asked.pick_file, 1);
    press(r.h, r.app, "Jag är yrkesverksam – öppna en förberedelse");
    ASSERT_EQ(r.state()["screen"], "professional");

    r.app.file_opened("barn.json", example("barn-skolfranvaro.json"), ui::FileOrigin::Picker);
    r.frame();
    EXPECT_EQ(r.state()["content"]["owner"]["name"], "Elsa Nilsson");
    EXPECT_EQ(r.state()["screen"], "steps");
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Heading, "barn.json"), nullptr) << "read as a professional's file";
}

// The earlier plan asked for on a step, the person on another step when it comes: it is the
// earlier plan, and the preparation stays the one being written.
TEST(FilePurpose, TheEarlierPlanAskedForOnAStepStaysTheEarlierPlan) {
    AppRun r;
    press(r.h, r.app, "Följ upp en tidigare SIP");
    press(r.h, r.app, "Börja utan tidigare fil");
    press(r.h, r.app, "2. Vad är viktigt för dig?");
    press(r.h, r.app, "Öppna förra planens fil");
    EXPECT_EQ(r.host.asked.pick_file, 1);
    press(r.h, r.app, "Till startsidan");
    press(r.h, r.app, "Jag är yrkesverksam – öppna en förberedelse");

    r.app.file_opened("barn.json", example("barn-skolfranvaro.json"), ui::FileOrigin::Picker);
    r.frame();
    EXPECT_EQ(r.state()["content"]["kind"], "follow_up");
    EXPECT_EQ(r.state()["content"]["owner"]["name"], "");
    EXPECT_NE(r.shown().find("barn.json"), std::string::npos) << r.shown();
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Heading, "barn.json"), nullptr) << "read as a professional's file";
}

// What a file read in the professional's view is, is said when it opens: "opened" alone, for a
// file that could not be read or was changed after it was saved, told a screen reader nothing.
TEST(FilePurpose, AFileReadByTheProfessionalIsSaidToBeWhatItIs) {
    AppRun r;
    press(r.h, r.app, "Jag är yrkesverksam – öppna en förberedelse");
    auto said_on_opening = [&](const std::string& name, const std::string& bytes) {
        press(r.h, r.app, "Öppna fil");
        r.host.asked.update_a11y.clear();
        r.app.file_opened(name, bytes, ui::FileOrigin::Picker);
        r.frame();
        std::string said;
        for (const auto& u : r.host.asked.update_a11y) said += u.announcement;
        return said;
    };
    EXPECT_EQ(said_on_opening("barn.json", example("barn-skolfranvaro.json")), "barn.json är öppnad.");
    const std::string unreadable = said_on_opening("trasig.json", "{\"format\": ");
    EXPECT_NE(unreadable.find("trasig.json är öppnad. Filen kan inte läsas."), std::string::npos) << unreadable;
    EXPECT_NE(unreadable.find("går inte att läsa som JSON"), std::string::npos) << unreadable;
    std::string edited = example("barn-skolfranvaro.json");
    edited.replace(edited.find("Elsa"), 4, "Else");
    const std::string changed = said_on_opening("andrad.json", edited);
    EXPECT_NE(changed.find("Kontrollsumman stämmer inte"), std::string::npos) << changed;
    // The copy for the journal and the printout say it too.
    press(r.h, r.app, "Kopiera som text");
    ASSERT_FALSE(r.host.asked.copy_text.empty());
    EXPECT_NE(r.host.asked.copy_text.back().find("Kontrollsumman stämmer inte"), std::string::npos);
    press(r.h, r.app, "Skriv ut");
    ASSERT_FALSE(r.host.asked.print_html.empty());
    EXPECT_NE(r.host.asked.print_html.back().html.find("Kontrollsumman stämmer inte"), std::string::npos);
}

// A coordinator's day: a file that cannot be read can be closed too, and closing one of three
// shows its neighbour, says so, and leaves focus on the list of files, not on a "Stäng filen"
// that now belongs to another file.
TEST(FilePurpose, EveryOpenedFileCanBeClosedAndTheNextIsSaid) {
    AppRun r;
    press(r.h, r.app, "Jag är yrkesverksam – öppna en förberedelse");
    auto open = [&](const std::string& name, const std::string& bytes) {
        press(r.h, r.app, "Öppna fil");
        r.app.file_opened(name, bytes, ui::FileOrigin::Picker);
        r.frame();
    };
    open("trasig.json", "{\"format\": ");
    ASSERT_NE(find(r.app.a11y_tree(), ui::Role::Button, "Stäng filen"), nullptr) << r.shown();
    ASSERT_NE(find(r.app.a11y_tree(), ui::Role::Button, "Till startsidan"), nullptr);
    r.host.asked.update_a11y.clear();
    press(r.h, r.app, "Stäng filen");
    EXPECT_EQ(last_announcement(r.host), "trasig.json är stängd.");
    EXPECT_EQ(last_focus(r.host), find(r.app.a11y_tree(), ui::Role::Button, "Öppna fil")->key);
    EXPECT_EQ(r.shown().find("trasig.json"), std::string::npos);

    open("a.json", example("barn-skolfranvaro.json"));
    open("b.json", example("aldre-uppfoljning.json"));
    open("c.json", example("vuxen-efter-sjukhusvistelse.json"));
    const ui::A11yNode* a = find(r.app.a11y_tree(), ui::Role::Radio, "a.json");  // the first of the three
    ASSERT_NE(a, nullptr);
    r.app.dom_activate(a->key);
    r.frame();
    r.frame();
    ASSERT_NE(find(r.app.a11y_tree(), ui::Role::Heading, "a.json"), nullptr);
    r.host.asked.update_a11y.clear();
    press(r.h, r.app, "Stäng filen");
    EXPECT_EQ(last_announcement(r.host), "a.json är stängd. Nu visas b.json.");
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::Heading, "b.json"), nullptr);
    const ui::A11yNode* b = find(r.app.a11y_tree(), ui::Role::Radio, "b.json");
    ASSERT_NE(b, nullptr);
    EXPECT_TRUE(b->checked);
    EXPECT_EQ(last_focus(r.host), b->key);
}

// Several files dropped at once: the professional's view reads them all; a draft is one file, so
// on the start page the first is taken and the note says the others were not.
TEST(FilePurpose, SeveralDroppedFilesAreAllReadOrTheOthersAreSaidToBeLeft) {
    {
        AppRun r;
        EXPECT_EQ(r.app.files_dropped(3), 1);
        r.app.file_opened("barn.json", example("barn-skolfranvaro.json"), ui::FileOrigin::Drop);
        r.frame();
        EXPECT_NE(r.shown().find("bara den första togs emot, inte de andra (2)."), std::string::npos) << r.shown();
        EXPECT_EQ(r.state()["content"]["owner"]["name"], "Elsa Nilsson");
    }
    AppRun pro;
    press(pro.h, pro.app, "Jag är yrkesverksam – öppna en förberedelse");
    ASSERT_EQ(pro.app.files_dropped(2), 2);
    pro.app.file_opened("barn.json", example("barn-skolfranvaro.json"), ui::FileOrigin::Drop);
    pro.app.file_opened("aldre.json", example("aldre-uppfoljning.json"), ui::FileOrigin::Drop);
    pro.frame();
    const ui::A11yNode* files = find(pro.app.a11y_tree(), ui::Role::RadioGroup, "Öppnade filer");
    ASSERT_NE(files, nullptr) << pro.shown();
    EXPECT_NE(find(*files, ui::Role::Radio, "barn.json"), nullptr);
    EXPECT_NE(find(*files, ui::Role::Radio, "aldre.json"), nullptr);
    EXPECT_EQ(pro.shown().find("bara den första togs emot"), std::string::npos);
}

// The same name twice in the professional's view (a file sent twice, two families' files named
// by date): told apart by a number, as a download folder does.
TEST(FilePurpose, TwoFilesWithOneNameAreToldApart) {
    AppRun pro;
    press(pro.h, pro.app, "Jag är yrkesverksam – öppna en förberedelse");
    pro.app.file_opened("sip.json", example("barn-skolfranvaro.json"), ui::FileOrigin::Drop);
    pro.app.file_opened("sip.json", example("aldre-uppfoljning.json"), ui::FileOrigin::Drop);
    pro.app.file_opened("sip.json", example("aldre-uppfoljning.json"), ui::FileOrigin::Drop);
    pro.frame();
    const ui::A11yNode* files = find(pro.app.a11y_tree(), ui::Role::RadioGroup, "Öppnade filer");
    ASSERT_NE(files, nullptr) << pro.shown();
    for (const char* name : {"sip.json", "sip (2).json", "sip (3).json"})
        EXPECT_NE(find(*files, ui::Role::Radio, name), nullptr) << name << "\n" << pro.shown();
}
