// The language menu (core/i18n.hpp's languages): each in its own name, "(inte granskad)" in the
// page's language where a fluent reader has not read it all; the choice goes to the a11y layer
// (<html lang dir>), to reading aloud and into the draft, and a reopened draft opens in it.
#include <gtest/gtest.h>

#include <utility>

#include "app_driver.hpp"

using namespace sipprep;
using test::AppRun;

namespace {

std::string menu_name(Lang lang) {
    const std::string name = tr(Lang::Sv, "lang." + std::string(lang_code(lang)));
    return lang_reviewed(lang) ? name : name + " (inte granskad)";
}

void choose(AppRun& r, const std::string& name) {
    const ui::A11yNode* o = test::find(r.app.a11y_tree(), ui::Role::Radio, name);
    ASSERT_NE(o, nullptr) << name;
    r.app.dom_activate(o->key);
    r.frame();
}

// The language the a11y layer was last told, and whether it is right to left.
std::pair<std::string, bool> page_language(const AppRun& r) {
    std::pair<std::string, bool> out;
    for (const auto& u : r.host.asked.update_a11y)
        if (!u.lang.empty()) out = {u.lang, u.rtl};
    return out;
}

}  // namespace

TEST(Language, TheMenuNamesEachLanguageInItsOwnWords) {
    AppRun r;
    for (Lang lang : built_langs())
        EXPECT_NE(test::find(r.app.a11y_tree(), ui::Role::Radio, menu_name(lang)), nullptr) << menu_name(lang);
    EXPECT_NE(test::find(r.app.a11y_tree(), ui::Role::Radio, "Svenska"), nullptr);
    EXPECT_NE(test::find(r.app.a11y_tree(), ui::Role::Radio, "English (inte granskad)"), nullptr);
    choose(r, "English (inte granskad)");
    // In English, the note is in English.
    EXPECT_NE(test::find(r.app.a11y_tree(), ui::Role::Radio, "English (not reviewed)"), nullptr);
    EXPECT_NE(test::find(r.app.a11y_tree(), ui::Role::Radio, "Svenska"), nullptr);
}

TEST(Language, TheChoiceReachesThePageTheVoiceAndTheDraft) {
    std::string draft;
    {
        AppRun r;  // one at a time: each owns the ImGui context
        EXPECT_EQ(page_language(r), std::make_pair(std::string("sv"), false));
        r.app.speech_available("sv", ui::SpeechVoice::Device);
        r.app.speech_available("en", ui::SpeechVoice::None);
        choose(r, "English (inte granskad)");
        EXPECT_EQ(r.app.language(), Lang::En);
        EXPECT_EQ(page_language(r), std::make_pair(std::string("en"), false));
        EXPECT_TRUE(r.host.asked.load_language.empty());  // built in natively: nothing to fetch
        // No English voice here: said, in English.
        EXPECT_NE(r.shown().find("the browser has no English voice"), std::string::npos);
        r.app.speech_available("en", ui::SpeechVoice::Device);
        r.frame();
        EXPECT_EQ(r.shown().find("the browser has no English voice"), std::string::npos);

        draft = r.app.draft_to_save();
    }
    EXPECT_NE(draft.find("\"language\":\"en\""), std::string::npos);
    AppRun again;
    again.app.draft_loaded(draft);
    again.frame();
    EXPECT_EQ(again.app.language(), Lang::En);
    EXPECT_EQ(again.state()["language"], "en");
    EXPECT_NE(test::find(again.app.a11y_tree(), ui::Role::RadioGroup, "Language"), nullptr);
}

TEST(Language, ArabicTurnsThePageRightToLeft) {
    AppRun r;
    choose(r, menu_name(Lang::Ar));
    EXPECT_EQ(page_language(r), std::make_pair(std::string("ar"), true));
}

// Choosing a language on the start screen writes nothing: a new preparation then starts at once,
// without asking to replace what is there (the words' language alone is not content).
TEST(Language, ChoosingALanguageFirstLeavesNothingToReplace) {
    AppRun r;
    choose(r, "English (inte granskad)");
    test::press(r.h, r.app, "New preparation");
    EXPECT_EQ(test::find(r.app.a11y_tree(), ui::Role::Button, "Yes, replace it"), nullptr);
    EXPECT_EQ(r.state()["content"]["written_language"], "en");
}

// Lätt svenska tags words "sv", as Swedish does: chosen while writing it changes no word, and
// the draft was not saved with it. The stored draft's language wins at the next start, so the
// person came back to standard Swedish. Choosing it now saves the draft.
TEST(Language, ALanguageChosenWhileWritingIsSavedWithTheDraft) {
    std::string draft;
    {
        AppRun r;
        test::press(r.h, r.app, "Ny förberedelse");
        test::type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Elias");
        r.app.draft_saved();
        const int before = r.host.asked.draft_changed;
        choose(r, menu_name(Lang::SvEasy));
        EXPECT_GT(r.host.asked.draft_changed, before) << "saved with its language";
        draft = r.app.draft_to_save();
    }
    AppRun r;
    r.app.draft_loaded(draft);
    r.frame();
    test::press(r.h, r.app, "Fortsätt");
    EXPECT_EQ(r.app.language(), Lang::SvEasy);
}
