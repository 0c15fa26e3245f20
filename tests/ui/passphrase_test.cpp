// Files protected with a passphrase, through the app: saving one from the summary (the rules
// for the passphrase, nothing kept afterwards) and opening one (wrong passphrase, then right),
// as the person and as the professional. The fake host's requests are answered with the real
// age code, as the browser's worker does.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app_driver.hpp"
#include "core/age/age.hpp"
#include "fake_host.hpp"

using namespace sipprep;
using namespace sipprep::test;
namespace fs = std::filesystem;

namespace {

constexpr int kFast = 10;  // scrypt work factor for tests

// Passphrase work the app asked for and the test has not answered.
std::size_t age_requests(const FakeHost& host) {
    return host.asked.download_protected.size() + host.asked.unlock_file.size();
}

// Answers the host's one outstanding unlock request as the worker would.
void answer_unlock(AppRun& r) {
    ASSERT_EQ(age_requests(r.host), 1u);
    ASSERT_EQ(r.host.asked.unlock_file.size(), 1u);
    const FakeHost::UnlockFile req = r.host.asked.unlock_file.front();
    r.host.asked.unlock_file.clear();
    const age::Decrypted d = age::decrypt(req.bytes, req.passphrase);
    r.app.file_unlocked(d.ok() ? "" : age::error_key(d.error), d.plaintext);
    r.frame();
}

const std::string kExample = "assets/examples/narstaende-tillsammans.json";

}  // namespace

TEST(Passphrase, SavingAsksForALongEnoughPassphraseTwiceAndKeepsNothing) {
    AppRun r;
    r.app.file_opened("n.json", read(fs::path(SIPPREP_SOURCE_DIR) / kExample), ui::FileOrigin::Picker);
    r.frame();
    press(r.h, r.app, "9. Sammanfattning");
    r.tick("Skydda filen med lösenord");

    type_into(r.h, r.app, ui::Role::TextBox, "Lösenord", "kort");
    press(r.h, r.app, "Spara fil");
    EXPECT_EQ(age_requests(r.host), 0u);
    EXPECT_TRUE(r.host.asked.download.empty()) << "never saved unprotected when protection was asked for";
    EXPECT_NE(r.shown().find("Välj ett lösenord med minst 8 tecken."), std::string::npos);

    type_into(r.h, r.app, ui::Role::TextBox, "Lösenord", "blå häst åker tåg");
    type_into(r.h, r.app, ui::Role::TextBox, "Skriv lösenordet en gång till", "blå häst åker båt");
    press(r.h, r.app, "Spara fil");
    EXPECT_EQ(age_requests(r.host), 0u);
    EXPECT_NE(r.shown().find("Lösenorden är inte lika."), std::string::npos);

    type_into(r.h, r.app, ui::Role::TextBox, "Skriv lösenordet en gång till", "blå häst åker tåg");
    press(r.h, r.app, "Spara fil");
    ASSERT_EQ(age_requests(r.host), 1u);
    ASSERT_EQ(r.host.asked.download_protected.size(), 1u);
    const FakeHost::DownloadProtected req = r.host.asked.download_protected.front();
    EXPECT_EQ(req.filename, "sip-daniel-2026-11-23.json.age");
    EXPECT_EQ(req.passphrase, "blå häst åker tåg");
    EXPECT_EQ(nlohmann::json::parse(req.contents)["content"]["owner"]["name"], r.state()["content"]["owner"]["name"]);
    EXPECT_NE(r.shown().find("Låser filen med lösenordet"), std::string::npos);

    r.app.file_protected(req.filename, "");
    r.frame();
    EXPECT_NE(r.shown().find("Filen är skyddad med lösenord."), std::string::npos);
    // The passphrase is gone from the screen and from the draft.
    EXPECT_EQ(r.shown().find("blå häst"), std::string::npos);
    EXPECT_EQ(r.app.draft_to_save().find("blå häst"), std::string::npos);

    // The passphrase fields are password fields in the DOM.
    const ui::A11yNode* field = find(r.app.a11y_tree(), ui::Role::TextBox, "Lösenord");
    ASSERT_NE(field, nullptr);
    EXPECT_TRUE(field->secret);
}

// A file whose work factor needs more memory than the browser may give is refused when it
// arrives, with the memory it would take: no passphrase asked, nothing handed to a worker.
TEST(Passphrase, AFileAskingForTooMuchMemoryIsRefusedWithTheAmount) {
    std::string file = age::encrypt("{}", "lösenord", kFast);
    file.replace(file.find(" 10\n"), 4, " 22\n");
    AppRun r;
    r.app.file_opened("tung.json.age", file, ui::FileOrigin::Drop);
    r.frame();
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Alert, "tung.json.age är skyddad med lösenord"), nullptr);
    EXPECT_NE(r.shown().find("tung.json.age kunde inte öppnas:"), std::string::npos);
    EXPECT_NE(r.shown().find("arbetsfaktor 22: att låsa upp den skulle ta 4 GiB minne"), std::string::npos)
        << r.shown();
    EXPECT_NE(r.shown().find("högst 512 MiB"), std::string::npos) << r.shown();
    EXPECT_EQ(age_requests(r.host), 0u);
}

TEST(Passphrase, OpeningAsksForThePassphraseAndAWrongOneChangesNothing) {
    const std::string bundle = read(fs::path(SIPPREP_SOURCE_DIR) / kExample);
    const std::string file = age::encrypt(bundle, "rätt lösenord", kFast);
    AppRun r;
    r.app.file_opened("n.json.age", file, ui::FileOrigin::Drop);
    r.frame();
    ASSERT_NE(find(r.app.a11y_tree(), ui::Role::Alert, "n.json.age är skyddad med lösenord"), nullptr);
    EXPECT_EQ(r.state()["screen"], "start");

    press(r.h, r.app, "Lås upp och öppna");  // nothing typed yet
    EXPECT_EQ(age_requests(r.host), 0u);
    EXPECT_NE(r.shown().find("Skriv lösenordet först."), std::string::npos);

    type_into(r.h, r.app, ui::Role::TextBox, "Lösenord", "fel lösenord");
    press(r.h, r.app, "Lås upp och öppna");
    EXPECT_NE(r.shown().find("Låser upp"), std::string::npos);
    answer_unlock(r);
    EXPECT_NE(r.shown().find("Fel lösenord – eller så är filen skadad."), std::string::npos);
    EXPECT_EQ(r.state()["screen"], "start");
    EXPECT_EQ(r.shown().find("fel lösenord"), std::string::npos) << "the field is emptied for a new try";

    type_into(r.h, r.app, ui::Role::TextBox, "Lösenord", "rätt lösenord");
    press(r.h, r.app, "Lås upp och öppna");
    answer_unlock(r);
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Alert, "n.json.age är skyddad med lösenord"), nullptr);
    EXPECT_EQ(r.state()["screen"], "steps");
    EXPECT_EQ(r.state()["content"], nlohmann::json::parse(bundle)["content"]);
}

TEST(Passphrase, TheProfessionalReadsAProtectedFileWithoutKeepingIt) {
    const std::string bundle = read(fs::path(SIPPREP_SOURCE_DIR) / kExample);
    AppRun r;
    press(r.h, r.app, "Jag är yrkesverksam – öppna en förberedelse");
    r.app.file_opened("n.json.age", age::encrypt(bundle, "rätt lösenord", kFast), ui::FileOrigin::Picker);
    r.frame();
    type_into(r.h, r.app, ui::Role::TextBox, "Lösenord", "rätt lösenord");
    press(r.h, r.app, "Lås upp och öppna");
    answer_unlock(r);
    EXPECT_EQ(r.state()["screen"], "professional");
    EXPECT_NE(r.shown().find("Daniel"), std::string::npos);
    EXPECT_EQ(r.app.draft_to_save().find("Daniel"), std::string::npos) << "a professional's file never becomes a draft";
}

TEST(Passphrase, FilesThatNoPassphraseOpensSayWhy) {
    AppRun r;
    r.app.file_opened("a.age", std::string(age::kArmorBegin) + "\nYWJj\n-----END AGE ENCRYPTED FILE-----\n",
                      ui::FileOrigin::Drop);
    r.frame();
    EXPECT_EQ(age_requests(r.host), 0u);
    EXPECT_NE(r.shown().find("i textform"), std::string::npos);

    // Damaged after locking: the passphrase is right, the file is not.
    std::string file = age::encrypt("{}", "rätt lösenord", kFast);
    file.back() ^= 1;
    r.app.file_opened("b.age", file, ui::FileOrigin::Drop);
    r.frame();
    type_into(r.h, r.app, ui::Role::TextBox, "Lösenord", "rätt lösenord");
    press(r.h, r.app, "Lås upp och öppna");
    answer_unlock(r);
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Alert, "b.age är skyddad med lösenord"), nullptr);
    EXPECT_NE(r.shown().find("Filen är skadad eller ändrad"), std::string::npos);
}

TEST(Passphrase, ALockedDraftAsksForItsPassphraseOnTheNeutralScreen) {
    const std::string bundle = read(fs::path(SIPPREP_SOURCE_DIR) / kExample);
    std::string draft;
    {
        AppRun r;
        r.app.file_opened("n.json", bundle, ui::FileOrigin::Picker);
        r.frame();
        press(r.h, r.app, "Lås utkastet med lösenord");
        type_into(r.h, r.app, ui::Role::TextBox, "Lösenord", "kort");
        press(r.h, r.app, "Lås");
        EXPECT_TRUE(r.host.asked.lock_draft.empty());
        EXPECT_NE(r.shown().find("Välj ett lösenord med minst 8 tecken."), std::string::npos);
        type_into(r.h, r.app, ui::Role::TextBox, "Lösenord", "vårt eget lösen");
        type_into(r.h, r.app, ui::Role::TextBox, "Skriv lösenordet en gång till", "vårt eget lösen");
        press(r.h, r.app, "Lås");
        ASSERT_EQ(r.host.asked.lock_draft, std::vector<std::string>{"vårt eget lösen"});
        r.app.draft_lock_changed(true, "");
        r.frame();
        EXPECT_NE(r.shown().find("Utkastet är låst med lösenord på den här datorn."), std::string::npos);
        EXPECT_EQ(r.shown().find("vårt eget lösen"), std::string::npos);
        ASSERT_NE(find(r.app.a11y_tree(), ui::Role::Button, "Ta bort låset"), nullptr);
        // Focus on what says it is locked, not on the button that unlocks it again.
        const ui::A11yNode* locked = find(r.app.a11y_tree(), ui::Role::Heading, "Låst med lösenord");
        ASSERT_NE(locked, nullptr) << r.shown();
        EXPECT_EQ(test::last_focus(r.host), locked->key);
        draft = r.app.draft_to_save();
    }

    // The next start: the host has only the locked file, and says so.
    AppRun r;
    r.app.draft_loaded("");
    r.app.draft_locked("2026-11-23T13:32:00Z");
    r.frame();
    EXPECT_EQ(r.state()["screen"], "resume");
    EXPECT_NE(r.shown().find("Förberedelsen är låst med lösenord."), std::string::npos);
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Button, "Fortsätt"), nullptr);
    type_into(r.h, r.app, ui::Role::TextBox, "Lösenord", "fel");
    press(r.h, r.app, "Lås upp och fortsätt");
    ASSERT_EQ(r.host.asked.unlock_draft, std::vector<std::string>{"fel"});
    r.app.draft_unlocked("age.wrong_passphrase", "");
    r.frame();
    EXPECT_NE(r.shown().find("Fel lösenord. Försök igen."), std::string::npos) << "the draft is no damaged file";
    EXPECT_EQ(r.state()["screen"], "resume");
    const ui::A11yNode* again = find(r.app.a11y_tree(), ui::Role::TextBox, "Lösenord");
    ASSERT_NE(again, nullptr);
    EXPECT_EQ(test::last_focus(r.host), again->key) << "typed again where it was typed";

    type_into(r.h, r.app, ui::Role::TextBox, "Lösenord", "vårt eget lösen");
    press(r.h, r.app, "Lås upp och fortsätt");
    r.host.asked.update_a11y.clear();
    r.app.draft_unlocked("", draft);
    r.frame();
    EXPECT_EQ(r.state()["screen"], "steps");
    std::string said;
    for (const auto& u : r.host.asked.update_a11y) said += u.announcement + "|";
    // Something else is said (here who writes now: the plan has several writers), so the live
    // region is not left at "Låser upp …".
    EXPECT_FALSE(said.empty());
    EXPECT_EQ(said.find("Låser upp"), std::string::npos) << said;
    EXPECT_EQ(r.state()["content"], nlohmann::json::parse(bundle)["content"]);
}

TEST(Passphrase, StartingAnewOverALockedDraftSaysItGoesAndRemovesIt) {
    {
        AppRun r;
        r.app.draft_loaded("");
        r.app.draft_locked("2026-11-23T13:32:00Z");
        r.frame();
        press(r.h, r.app, "Börja på en ny förberedelse");
        EXPECT_NE(r.shown().find("Den låsta förberedelsen på den här datorn tas bort"), std::string::npos);
        // Focus on the safe answer, which brings the question into view.
        EXPECT_EQ(last_focus(r.host), find(r.app.a11y_tree(), ui::Role::Button, "Nej, avbryt")->key);
        EXPECT_EQ(r.host.asked.clear_draft, 0);
        press(r.h, r.app, "Ja, ersätt den");
        EXPECT_EQ(r.host.asked.clear_draft, 1);
        EXPECT_EQ(r.state()["screen"], "steps");
    }
    // A file dropped while a locked draft waits asks first, too (one ImGui context at a time).
    AppRun r2;
    r2.app.draft_loaded("");
    r2.app.draft_locked("");
    r2.frame();
    r2.app.file_opened("n.json", read(fs::path(SIPPREP_SOURCE_DIR) / kExample), ui::FileOrigin::Drop);
    r2.frame();
    EXPECT_NE(find(r2.app.a11y_tree(), ui::Role::Alert, "Filen ersätter det du har skrivit"), nullptr);
    EXPECT_EQ(r2.host.asked.clear_draft, 0);
    press(r2.h, r2.app, "Öppna n.json ändå");
    EXPECT_EQ(r2.host.asked.clear_draft, 1);
    EXPECT_EQ(r2.state()["content"]["owner"]["name"], "Daniel Hassan");
}

// Maja chose large text and high contrast; her draft is locked, and its own copy of those
// choices is sealed with her words. The screen that asks for her passphrase still shows them:
// this computer keeps the display choices in plain (never before one was made).
TEST(Passphrase, TheLockedDraftsScreenIsShownAsThePersonChoseToSeeIt) {
    std::string kept;
    {
        AppRun r;
        r.app.remembered_display("");
        r.frame();
        EXPECT_TRUE(r.host.asked.remember_display.empty()) << "nothing chosen, nothing kept";
        const ui::A11yNode* large = find(r.app.a11y_tree(), ui::Role::Radio, "200 %");
        ASSERT_NE(large, nullptr);
        r.app.dom_activate(large->key);
        r.frame();
        const ui::A11yNode* contrast = find(r.app.a11y_tree(), ui::Role::Checkbox, "Hög kontrast");
        ASSERT_NE(contrast, nullptr);
        r.app.dom_activate(contrast->key);
        r.frame();
        r.frame();
        ASSERT_FALSE(r.host.asked.remember_display.empty());
        kept = r.host.asked.remember_display.back();
    }
    const nlohmann::json j = nlohmann::json::parse(kept);
    EXPECT_EQ(j["text_scale"], 2.0);
    EXPECT_EQ(j["high_contrast"], true);
    EXPECT_EQ(j["lang"], "sv");

    AppRun next;  // another day: the locked draft waits for its passphrase
    next.app.remembered_display(kept);
    next.app.draft_loaded("");
    next.app.draft_locked("2026-11-23T13:32:00Z");
    next.frame();
    EXPECT_EQ(next.app.text_scale(), 2.0f);
    EXPECT_TRUE(next.app.high_contrast());
    EXPECT_NE(find(next.app.a11y_tree(), ui::Role::TextBox, "Lösenord"), nullptr) << next.shown();
}

// Unlocked: said so, not left at "Låser upp …" in the live region.
TEST(Passphrase, AnUnlockedDraftIsSaidToBeOpen) {
    std::string draft;
    {
        AppRun r;
        press(r.h, r.app, "Ny förberedelse");
        type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Elsa");
        draft = r.app.draft_to_save();
    }
    AppRun r;
    r.app.draft_loaded("");
    r.app.draft_locked("2026-11-23T13:32:00Z");
    r.frame();
    type_into(r.h, r.app, ui::Role::TextBox, "Lösenord", "vårt eget lösen");
    press(r.h, r.app, "Lås upp och fortsätt");
    EXPECT_EQ(test::last_announcement(r.host), "Låser upp … det tar någon sekund.");
    r.app.draft_unlocked("", draft);
    r.frame();
    EXPECT_EQ(test::last_announcement(r.host), "Upplåst. Du fortsätter där du var.");
}
