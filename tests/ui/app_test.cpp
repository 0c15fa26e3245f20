// The app headless: every screen and step draws, the draft survives a restart, catalogs have
// every key the screens use.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "app_driver.hpp"
#include "core/bundle.hpp"
#include "core/clock.hpp"
#include "core/fields.hpp"
#include "core/i18n.hpp"
#include "core/validation.hpp"
#include "fake_host.hpp"
#include "headless.hpp"
#include "ui/app.hpp"
#include "ui/steps/step_table.hpp"

using namespace sipprep;
using namespace sipprep::test;
namespace fs = std::filesystem;

namespace {
const ui::A11yNode* find_prefix(const ui::A11yNode& n, ui::Role role, const std::string& prefix) {
    if (n.role == role && n.name.rfind(prefix, 0) == 0) return &n;
    for (const ui::A11yNode& c : n.children)
        if (const ui::A11yNode* f = find_prefix(c, role, prefix)) return f;
    return nullptr;
}

// The first unnamed group: on a step screen, the step's own content (its heading names it).
const ui::A11yNode* first_unnamed_group(const ui::A11yNode& n) {
    if (n.role == ui::Role::Group && n.name.empty()) return &n;
    for (const ui::A11yNode& c : n.kids())
        if (const ui::A11yNode* f = first_unnamed_group(c)) return f;
    return nullptr;
}
}  // namespace

// Every step of the plan, in the table's order, reached from the step list and drawn with content
// of its own; then the draft survives a restart.
TEST(App, EveryStepDrawsAndTheDraftRoundTrips) {
    test::Headless h(900, 3000);
    test::FakeHost host;
    ui::App app(host);
    const Date today{2026, 11, 23};
    app.set_today(today);
    const std::string text = read(fs::path(SIPPREP_SOURCE_DIR) / "assets/examples/narstaende-tillsammans.json");
    app.file_opened("narstaende-tillsammans.json", text, ui::FileOrigin::Picker);
    h.app_frame([&](const ui::Fonts& f) { app.frame(f); });
    const Preparation p = import_bundle(text, today).preparation;
    const std::vector<ui::StepId> steps = ui::steps_for(p);
    ASSERT_GE(steps.size(), 9u);
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const ui::StepInfo& info = ui::step_info(steps[i]);
        const std::string title = ui::step_title(info.id, Lang::Sv, is_child(p, today));
        const ui::A11yNode* b = find_prefix(app.a11y_tree(), ui::Role::Button, std::to_string(i + 1) + ". " + title);
        ASSERT_NE(b, nullptr) << "no step button for " << title;
        press(h, app, b->name);
        auto s = nlohmann::json::parse(app.state_json());
        EXPECT_EQ(s["screen"], "steps") << title;
        EXPECT_EQ(s["step"], info.name) << title;
        const ui::A11yNode* drawn = first_unnamed_group(app.a11y_tree());
        ASSERT_NE(drawn, nullptr) << title;
        EXPECT_GE(drawn->kids().size(), 2u) << title << " drew nothing of its own\n" << text_of(app.a11y_tree());
    }
    EXPECT_EQ(nlohmann::json::parse(app.state_json())["step"], "summary");
    EXPECT_NE(find(app.a11y_tree(), ui::Role::Button, "Spara fil"), nullptr);
    press(h, app, "Spara fil");
    ASSERT_EQ(host.asked.download.size(), 1u);
    EXPECT_EQ(host.asked.download[0].filename, "sip-daniel-2026-11-23.json");

    EXPECT_GT(host.asked.draft_changed, 0);
    const std::string draft = app.draft_to_save();
    test::FakeHost host2;
    ui::App restored(host2);
    restored.set_today(Date{2026, 11, 23});
    restored.draft_loaded(draft);
    // A shared computer: first a neutral screen, with nothing of the person's in it.
    EXPECT_EQ(nlohmann::json::parse(restored.state_json())["screen"], "resume");
    h.app_frame([&](const ui::Fonts& f) { restored.frame(f); });
    const std::string shown = text_of(restored.a11y_tree());
    for (const char* personal : {"Daniel", "Hassan", "199506244178", "Ekvägen", "stall"})
        EXPECT_EQ(shown.find(personal), std::string::npos) << personal << " shown before continuing";
    EXPECT_NE(shown.find("Det finns en påbörjad förberedelse"), std::string::npos) << shown;
    press(h, restored, "Fortsätt");
    auto a = nlohmann::json::parse(app.state_json());
    auto b = nlohmann::json::parse(restored.state_json());
    EXPECT_EQ(a, b);
}

// Each kind of preparation (a plan, a follow-up, a relative's contribution), each of its steps in
// the table's order, reached from the step list: the step the app is on is the one pressed, and
// its heading says where the person is.
TEST(App, EveryStepOfEveryKindIsReachedFromTheStepList) {
    int visited = 0;
    const Date today{2026, 11, 23};
    // A plan and a follow-up opened from their files; a relative's contribution begun on the start screen.
    for (const char* example : {"narstaende-tillsammans.json", "aldre-uppfoljning.json", ""}) {
        test::Headless h(900, 3000);
        test::FakeHost host;
        ui::App app(host);
        app.set_today(today);
        h.app_frame([&](const ui::Fonts& f) { app.frame(f); });
        Preparation p;
        if (*example) {
            const std::string text = read(fs::path(SIPPREP_SOURCE_DIR) / "assets/examples" / example);
            p = import_bundle(text, today).preparation;
            app.file_opened(example, text, ui::FileOrigin::Picker);
            h.app_frame([&](const ui::Fonts& f) { app.frame(f); });
        } else {
            p.kind = PreparationKind::Contribution;
            press(h, app, "Jag vill lämna mina synpunkter till någon annans SIP");
        }
        const std::vector<ui::StepId> steps = ui::steps_for(p);
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const ui::StepInfo& info = ui::step_info(steps[i]);
            ASSERT_EQ(info.id, steps[i]);
            const std::string title = ui::step_title(info.id, Lang::Sv, is_child(p, today));
            const ui::A11yNode* b =
                find_prefix(app.a11y_tree(), ui::Role::Button, std::to_string(i + 1) + ". " + title);
            ASSERT_NE(b, nullptr) << example << ": no step button for " << title << "\n" << text_of(app.a11y_tree());
            press(h, app, b->name);
            const auto s = nlohmann::json::parse(app.state_json());
            EXPECT_EQ(s["screen"], "steps") << example << " " << title;
            EXPECT_EQ(s["step"], info.name) << example << " " << title;
            EXPECT_NE(
                find_prefix(app.a11y_tree(), ui::Role::Heading,
                            "Steg " + std::to_string(i + 1) + " av " + std::to_string(steps.size()) + ": " + title),
                nullptr)
                << example << " " << title << "\n"
                << text_of(app.a11y_tree());
            ++visited;
        }
    }
    EXPECT_GE(visited, 20);
}

// The table has one row per step id, and a step is found by its id whatever the rows' order.
TEST(App, TheStepTableHasEveryStepOnce) {
    std::set<ui::StepId> ids;
    for (const ui::StepInfo& s : ui::step_table()) {
        EXPECT_TRUE(ids.insert(s.id).second) << s.name << " twice";
        EXPECT_EQ(ui::step_info(s.id).name, std::string(s.name));
        EXPECT_EQ(ui::step_from_name(s.name), s.id);
    }
    EXPECT_EQ(ids.size(), static_cast<std::size_t>(ui::StepId::Summary) + 1);
}

// Every part of the plan the person fills in belongs to the step that asks for it: a problem in
// it leads there ("Gå till …" on the summary, the step list's count of errors), not to the first
// step. A member added to the model without a step fails here.
TEST(App, EveryPartOfThePlanHasTheStepThatAsksForIt) {
    // Not filled in on a step: what kind of file it is, where a follow-up came from, the language
    // it is written in, and what "Efter mötet" holds (a screen of its own).
    const std::set<std::string> elsewhere = {"kind", "follows", "written_language", "agreed", "evaluation"};
    std::apply(
        [&](const auto&... field) {
            for (const char* name : {field.name...}) {
                if (elsewhere.count(name)) continue;
                const std::string path = std::string("/content/") + name;
                int owners = 0;
                for (const ui::StepInfo& s : ui::step_table())
                    owners += static_cast<int>(std::count(s.owns.begin(), s.owns.end(), path));
                EXPECT_GE(owners, 1) << path << " is asked for on no step";
            }
        },
        Fields<Preparation>::list);
}

// "Vill ha en SIP" on the summary's list leads to the question, on the consent step.
TEST(App, TheSummarysSipWishLeadsToTheConsentStep) {
    test::AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    const std::vector<ui::StepId> steps = ui::steps_for(make_new_preparation());
    const std::string title = ui::step_title(ui::StepId::Summary, Lang::Sv, false);
    const ui::A11yNode* to_summary =
        find_prefix(r.app.a11y_tree(), ui::Role::Button, std::to_string(steps.size()) + ". " + title);
    ASSERT_NE(to_summary, nullptr) << r.shown();
    press(r.h, r.app, to_summary->name);
    ASSERT_EQ(r.state()["step"], "summary");
    const ui::A11yNode* todo = find(r.app.a11y_tree(), ui::Role::List, "Att göra innan mötet");
    ASSERT_NE(todo, nullptr) << r.shown();
    std::string go;
    for (const ui::A11yNode& item : todo->kids())
        if (text_of(item).find("Vill ha en SIP") != std::string::npos)
            if (const ui::A11yNode* b = find_prefix(item, ui::Role::Button, "Gå till")) go = b->name;
    ASSERT_FALSE(go.empty()) << text_of(*todo);
    EXPECT_EQ(go, "Gå till ”" + ui::step_title(ui::StepId::Consent, Lang::Sv, false) + "”");
    press(r.h, r.app, go);
    EXPECT_EQ(r.state()["step"], "consent");
    EXPECT_NE(r.shown().find("Vill du ha en SIP?"), std::string::npos) << r.shown();
}

// The rows in another order (as a reordering of the table would put them): each id still finds
// its own name and title, never the row that now stands at the id's old position.
TEST(App, AReorderedStepTableKeepsEachStepsTitle) {
    std::vector<ui::StepInfo> reordered(ui::step_table().rbegin(), ui::step_table().rend());
    std::rotate(reordered.begin(), reordered.begin() + 3, reordered.end());
    for (const ui::StepInfo& s : ui::step_table()) {
        const ui::StepInfo* found = ui::find_step(reordered, s.id);
        ASSERT_NE(found, nullptr) << s.name;
        EXPECT_EQ(found->id, s.id);
        EXPECT_EQ(std::string(found->name), s.name);
        EXPECT_EQ(std::string(found->title_key), s.title_key);
        EXPECT_EQ(&ui::step_info(s.id), &s) << s.name;  // the app's own lookup: this very row
    }
}

namespace {
// Each key-shaped literal inside a call that translates: t("…"), c.t("…"), c.prompt("…"), the
// after-meeting questions, the change lines and tr/trf(<any language>, "…"), both sides of a
// "?:" included. The call's arguments are read up to its closing parenthesis.
std::vector<std::string> translated_keys(const std::string& text) {
    static const std::regex call(R"re((?:^|[^A-Za-z0-9_])(?:t|tr|trf|prompt|question|line)\()re");
    static const std::regex key(R"re("([a-z_]+\.[a-z_.0-9]*[a-z_0-9])")re");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), call); it != std::sregex_iterator(); ++it) {
        std::size_t end = static_cast<std::size_t>(it->position() + it->length());
        for (int depth = 1; end < text.size() && depth > 0; ++end) {
            if (text[end] == '(') ++depth;
            if (text[end] == ')') --depth;
            if (text[end] == '"') end = text.find('"', end + 1);  // ")" in a string closes nothing
        }
        const std::string args = text.substr(static_cast<std::size_t>(it->position()), end - it->position());
        for (auto k = std::sregex_iterator(args.begin(), args.end(), key); k != std::sregex_iterator(); ++k)
            out.push_back((*k)[1]);
    }
    return out;
}

// The codes of issues (rules, the schema check, a step's own message at a field): each is worded
// by the catalog's "msg.<code>".
std::vector<std::string> issue_keys(const std::string& text) {
    static const std::regex issue(
        R"re((?:(?:^|[^A-Za-z0-9_])(?:error|warning|fail|field_message)\(|Issue\{Severity::\w+, )[^;]*?"([a-z_]+\.[a-z_.0-9]+)")re");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), issue); it != std::sregex_iterator(); ++it)
        out.push_back("msg." + (*it)[1].str());
    return out;
}
}  // namespace

// Read from the sources, so that a key written anywhere, in any form the code uses, is checked.
TEST(App, EveryCatalogKeyTheScreensUseExists) {
    std::set<std::string> seen;
    auto check = [&](const std::string& key, const std::string& where) {
        if (!seen.insert(key).second) return;
        for (Lang l : built_langs())
            EXPECT_TRUE(has_text(l, key)) << key << " missing in " << lang_code(l) << " (" << where << ")";
    };
    std::size_t issues = 0;
    for (const char* dir : {"src/ui", "src/core", "src/cli"})
        for (const auto& e : fs::recursive_directory_iterator(fs::path(SIPPREP_SOURCE_DIR) / dir)) {
            if (!e.is_regular_file()) continue;
            const std::string text = read(e.path());
            for (const std::string& key : translated_keys(text)) check(key, e.path().filename().string());
            for (const std::string& key : issue_keys(text)) {
                check(key, e.path().filename().string());
                ++issues;
            }
        }
    for (const ui::StepInfo& s : ui::step_table()) check(s.title_key, std::string("step table: ") + s.name);
    // Each form is found: a ternary's both sides, a step's prompt, core's tr(lang, …), the rules' codes.
    for (const char* key : {"nav.errors.one", "nav.errors.many", "open.details.hide", "prompt.owner.child",
                            "summary.sip_consent.unanswered", "summary.answer_in", "msg.pnr.over_100",
                            "msg.schema.too_long", "step.summary"})
        EXPECT_TRUE(seen.count(key)) << key << " not found in the sources";
    EXPECT_GT(seen.size(), 650u);
    EXPECT_GT(issues, 80u);
}

TEST(App, AnUnreadableDraftIsKeptNotOverwritten) {
    test::Headless h;
    test::FakeHost host;
    ui::App app(host);
    app.draft_loaded("{\"draft\":1,\"bundle\":{\"format\":\"sipp");
    EXPECT_EQ(host.asked.keep_unreadable_draft.back(), "{\"draft\":1,\"bundle\":{\"format\":\"sipp");
    h.app_frame([&](const ui::Fonts& f) { app.frame(f); });
    EXPECT_NE(find(app.a11y_tree(), ui::Role::Alert, "Det sparade utkastet gick inte att läsa"), nullptr);
}

TEST(App, EveryWayAFileCanReplaceTheDraftAsksFirst) {
    test::Headless h;
    test::FakeHost host;
    ui::App app(host);
    app.set_today(Date{2026, 11, 23});
    auto frame = [&] { h.app_frame([&](const ui::Fonts& f) { app.frame(f); }); };
    const std::string example = read(fs::path(SIPPREP_SOURCE_DIR) / "assets/examples/barn-skolfranvaro.json");
    frame();
    press(h, app, "Ny förberedelse");
    app.dom_text(find(app.a11y_tree(), ui::Role::TextBox, "Ditt namn")->key, ui::DomText{"Anna", 4, 4, false});
    frame();
    frame();
    ASSERT_EQ(nlohmann::json::parse(app.state_json())["content"]["owner"]["name"], "Anna");

    // Dropped on the page: it asks, and "no" keeps what was written.
    app.file_opened("barn.json", example, ui::FileOrigin::Drop);
    frame();
    ASSERT_NE(find(app.a11y_tree(), ui::Role::Alert, "Filen ersätter det du har skrivit"), nullptr);
    press(h, app, "Nej, avbryt");
    EXPECT_EQ(nlohmann::json::parse(app.state_json())["content"]["owner"]["name"], "Anna");
    EXPECT_EQ(find(app.a11y_tree(), ui::Role::Alert, "Filen ersätter det du har skrivit"), nullptr);

    // Dropped again, and this time "yes".
    app.file_opened("barn.json", example, ui::FileOrigin::Drop);
    frame();
    press(h, app, "Öppna barn.json ändå");
    EXPECT_EQ(nlohmann::json::parse(app.state_json())["content"]["owner"]["name"], "Elsa Nilsson");
}

TEST(App, AnUnansweredEarlierPlanPickerTakesNoDroppedFile) {
    test::Headless h;
    test::FakeHost host;
    ui::App app(host);
    app.set_today(Date{2026, 11, 23});
    auto frame = [&] { h.app_frame([&](const ui::Fonts& f) { app.frame(f); }); };
    frame();
    press(h, app, "Följ upp en tidigare SIP");
    press(h, app, "Börja utan tidigare fil");
    press(h, app, "2. Vad är viktigt för dig?");
    press(h, app, "Öppna förra planens fil");
    EXPECT_EQ(host.asked.pick_file, 1);
    // The picker is closed without a file; a file dropped later is the preparation itself, not the earlier plan.
    app.file_opened("barn.json", read(fs::path(SIPPREP_SOURCE_DIR) / "assets/examples/barn-skolfranvaro.json"),
                    ui::FileOrigin::Drop);
    frame();
    EXPECT_EQ(nlohmann::json::parse(app.state_json())["content"]["owner"]["name"], "Elsa Nilsson");
}

// A version is said to be restored once it is the draft, not when asked for; one kept while the
// draft was locked (the app cannot open it) has no button that would do nothing.
TEST(App, ARestoredVersionIsSaidOnceItIsTheDraft) {
    AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Maja");
    const std::string earlier = r.app.draft_to_save();
    type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Maja Berg");
    r.app.versions_listed(R"([{"id":9,"time":"2026-11-30T10:00:00Z","kind":"auto","locked":true},)"
                          R"({"id":7,"time":"2026-11-23T13:32:00Z","kind":"auto"}])");
    r.frame();
    EXPECT_NE(r.shown().find("Låst: appen kan inte öppna den här versionen än."), std::string::npos) << r.shown();
    std::vector<std::string> restore_buttons;
    std::function<void(const ui::A11yNode&)> walk = [&](const ui::A11yNode& n) {
        if (n.role == ui::Role::Button && n.name.rfind("Återställ versionen från", 0) == 0)
            restore_buttons.push_back(n.name);
        for (const ui::A11yNode& c : n.kids()) walk(c);
    };
    walk(r.app.a11y_tree());
    ASSERT_EQ(restore_buttons.size(), 1u);  // the readable one only

    r.host.asked.update_a11y.clear();
    press(r.h, r.app, restore_buttons[0]);
    ASSERT_EQ(r.host.asked.restore_version.size(), 1u);
    EXPECT_EQ(r.host.asked.restore_version[0], 7);
    EXPECT_EQ(last_announcement(r.host), "");  // nothing is restored yet
    // Focus is not left on a button that went: on the one that shows the versions again.
    EXPECT_EQ(last_focus(r.host), find(r.app.a11y_tree(), ui::Role::Button, "Visa tidigare versioner")->key);
    r.app.version_not_restored();
    r.frame();
    EXPECT_EQ(last_announcement(r.host), "Versionen kunde inte återställas. Det du har skrivit är oförändrat.");

    r.app.versions_listed(R"([{"id":7,"time":"2026-11-23T13:32:00Z","kind":"auto"}])");
    r.frame();
    press(r.h, r.app, restore_buttons[0]);
    r.host.asked.update_a11y.clear();
    r.app.draft_reloaded(earlier, true);
    r.frame();
    r.frame();
    EXPECT_EQ(last_announcement(r.host).rfind("Versionen från ", 0), 0u) << last_announcement(r.host);
    EXPECT_NE(last_announcement(r.host).find("är återställd"), std::string::npos);
    EXPECT_FALSE(last_focus(r.host).empty());  // not left on the body: the screen's heading
    EXPECT_EQ(nlohmann::json::parse(r.app.state_json())["content"]["owner"]["name"], "Maja");
}

// When the control that had focus goes away, focus lands on the new part, and it is announced.
TEST(App, FocusLandsOnWhatReplacedTheFocusedControl) {
    test::Headless h;
    test::FakeHost host;
    ui::App app(host);
    auto frame = [&] { h.app_frame([&](const ui::Fonts& f) { app.frame(f); }); };
    frame();
    press(h, app, "Visa tidigare versioner");
    EXPECT_EQ(host.asked.list_versions, 1);
    host.asked.update_a11y.clear();
    app.versions_listed(
        R"([{"id":7,"time":"2026-11-23T13:32:00Z","kind":"new"},{"id":3,"time":"2026-11-22T09:00:00Z","kind":"auto"}])");
    frame();
    std::string focus, said;
    for (const auto& u : host.asked.update_a11y) {
        if (!u.focus_key.empty()) focus = u.focus_key;
        if (!u.announcement.empty()) said = u.announcement;
    }
    EXPECT_EQ(said, "2 tidigare versioner, den senaste först.");
    std::string restore_key;
    std::function<void(const ui::A11yNode&)> first = [&](const ui::A11yNode& n) {
        if (restore_key.empty() && n.role == ui::Role::Button && n.name.rfind("Återställ versionen från", 0) == 0)
            restore_key = n.key;
        for (const ui::A11yNode& c : n.kids()) first(c);
    };
    first(app.a11y_tree());
    ASSERT_FALSE(restore_key.empty());
    EXPECT_EQ(focus, restore_key);

    host.asked.update_a11y.clear();
    app.editing_elsewhere(true);
    frame();
    ASSERT_NE(find(app.a11y_tree(), ui::Role::Button, "Fortsätt här"), nullptr);
    // Onto the words, not the button: a person who goes on typing would press it with a space.
    const ui::A11yNode* title = find(app.a11y_tree(), ui::Role::Heading, "Förberedelsen är öppen i en annan flik");
    ASSERT_NE(title, nullptr);
    focus.clear();
    said.clear();
    for (const auto& u : host.asked.update_a11y) {
        if (!u.focus_key.empty()) focus = u.focus_key;
        if (!u.announcement.empty()) said = u.announcement;
    }
    EXPECT_EQ(focus, title->key);
    EXPECT_EQ(said, "Förberedelsen är öppen i en annan flik");
}

// "Dölj tidigare versioner" takes its own button away: focus goes back to the one that shows them,
// not to the page. One version is "1 tidigare version".
TEST(App, HidingTheVersionsPutsFocusBackOnShowingThem) {
    AppRun r;
    press(r.h, r.app, "Visa tidigare versioner");
    r.app.versions_listed(R"([{"id":7,"time":"2026-11-23T13:32:00Z","kind":"new"}])");
    r.frame();
    EXPECT_EQ(test::last_announcement(r.host), "1 tidigare version.");
    r.host.asked.update_a11y.clear();
    press(r.h, r.app, "Dölj tidigare versioner");
    const ui::A11yNode* show = find(r.app.a11y_tree(), ui::Role::Button, "Visa tidigare versioner");
    ASSERT_NE(show, nullptr);
    EXPECT_EQ(test::last_focus(r.host), show->key);
}

// A text beyond the format's limit (a long paste) is never the reason a draft is lost.
TEST(App, ADraftBeyondTheFormatsLimitsStillOpens) {
    std::string draft;
    {
        AppRun r;
        press(r.h, r.app, "Ny förberedelse");
        type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", std::string(3000, 'a'));
        draft = r.app.draft_to_save();
    }
    test::FakeHost host2;
    ui::App again(host2);
    again.set_today(Date{2026, 11, 23});
    again.draft_loaded(draft);
    EXPECT_EQ(nlohmann::json::parse(again.state_json())["screen"], "resume");
    EXPECT_EQ(nlohmann::json::parse(again.state_json())["content"]["owner"]["name"].get<std::string>().size(), 3000u);
    EXPECT_TRUE(host2.asked.keep_unreadable_draft.empty()) << "kept aside as unreadable";
}

namespace {
// The step `id`'s button in the step list ("3. Frågor till mötet"), pressed.
void go_to_step(AppRun& r, ui::StepId id) {
    const std::vector<ui::StepId> steps = ui::steps_for(Preparation{});
    const auto at = std::find(steps.begin(), steps.end(), id);
    ASSERT_NE(at, steps.end());
    const std::string title = ui::step_title(id, Lang::Sv, false);
    const ui::A11yNode* b =
        find_prefix(r.app.a11y_tree(), ui::Role::Button, std::to_string(at - steps.begin() + 1) + ". " + title);
    ASSERT_NE(b, nullptr) << title << "\n" << r.shown();
    press(r.h, r.app, b->name);
}
std::string value_of(const ui::App& app, const std::string& field) {
    const ui::A11yNode* f = find(app.a11y_tree(), ui::Role::TextArea, field);
    return f ? f->value : "(no field " + field + ")";
}
}  // namespace

namespace {
// A new preparation with Mira typed into "Om dig" as one who is to write (not added yet), and the
// person's `question` typed into "Ny fråga" (not added either).
void mira_added_and_a_question_typed(AppRun& r, const std::string& question) {
    press(r.h, r.app, "Ny förberedelse");
    type_into(r.h, r.app, ui::Role::TextBox, "Namn på den som ska skriva", "Mira");
    go_to_step(r, ui::StepId::Questions);
    type_into(r.h, r.app, ui::Role::TextArea, "Ny fråga", question);
}
}  // namespace

// A question typed into "Ny fråga" without "Lägg till fråga" is never lost: it is kept with the
// draft (a reload shows it in the field again), and leaving the step adds it, said aloud. The same
// for a relative who is to write, typed on "Om dig".
TEST(App, TypedButNotAddedIsKeptWithTheDraftAndAddedWhenTheStepIsLeft) {
    std::string draft;
    {
        AppRun r;
        mira_added_and_a_question_typed(r, "Vem betalar min färdtjänst?");
        EXPECT_EQ(r.state()["content"]["questions"].size(), 0u);
        draft = r.app.draft_to_save();  // what the page keeps now (typing asked for a save)
        EXPECT_GT(r.host.asked.draft_changed, 0);
    }
    test::Headless h(900, 3000);
    test::FakeHost host;
    ui::App app(host);
    app.set_today(Date{2026, 11, 23});
    app.draft_loaded(draft);
    h.app_frame([&](const ui::Fonts& f) { app.frame(f); });
    press(h, app, "Fortsätt");
    auto state = [&] { return nlohmann::json::parse(app.state_json()); };
    ASSERT_EQ(state()["step"], "questions");
    EXPECT_EQ(value_of(app, "Ny fråga"), "Vem betalar min färdtjänst?");
    // "Mira" was added when "Om dig" was left.
    ASSERT_EQ(state()["content"]["contributors"].size(), 2u);
    EXPECT_EQ(state()["content"]["contributors"][1]["name"], "Mira");

    host.asked.update_a11y.clear();
    press(h, app, "Nästa");
    EXPECT_EQ(state()["step"], "invite");
    const nlohmann::json questions = state()["content"]["questions"];
    ASSERT_EQ(questions.size(), 1u);
    EXPECT_EQ(questions[0]["text"], "Vem betalar min färdtjänst?");
    EXPECT_EQ(questions[0]["author"], kPersonId);
    std::string said;
    for (const auto& u : host.asked.update_a11y)
        if (!u.announcement.empty()) said += u.announcement + "|";
    EXPECT_NE(said.find("Fråga 1 är tillagd."), std::string::npos) << said;
    // Added once: back and away again adds nothing more, and the field is empty.
    press(h, app, "Föregående");
    EXPECT_EQ(value_of(app, "Ny fråga"), "");
    press(h, app, "Nästa");
    EXPECT_EQ(state()["content"]["questions"].size(), 1u);
    // Nothing of this is in a draft without typed text: it stays as it was.
    EXPECT_EQ(app.draft_to_save().find("unadded"), std::string::npos);
}

// A question typed into "Ny fråga" and not added is the words of the one who typed it: choosing
// another writer adds it in the name of the one who typed it, not later in the next writer's.
TEST(App, AQuestionTypedAndNotAddedStaysWithItsWriterWhenAnotherWrites) {
    AppRun r;
    mira_added_and_a_question_typed(r, "Måste jag prata på mötet?");
    ASSERT_EQ(r.state()["content"]["questions"].size(), 0u);
    const ui::A11yNode* mira = find_prefix(r.app.a11y_tree(), ui::Role::Radio, "Mira");
    ASSERT_NE(mira, nullptr);
    r.host.asked.update_a11y.clear();
    r.app.dom_activate(mira->key);
    r.frame();
    r.frame();
    nlohmann::json questions = r.state()["content"]["questions"];
    ASSERT_EQ(questions.size(), 1u);
    EXPECT_EQ(questions[0]["text"], "Måste jag prata på mötet?");
    EXPECT_EQ(questions[0]["author"], kPersonId);
    std::string said;
    for (const auto& u : r.host.asked.update_a11y) said += u.announcement + "|";
    EXPECT_NE(said.find("Fråga 1 är tillagd."), std::string::npos) << said;
    EXPECT_EQ(value_of(r.app, "Ny fråga"), "");
    // Mira's own question is hers.
    type_into(r.h, r.app, ui::Role::TextArea, "Ny fråga", "Kan jag följa med?");
    press(r.h, r.app, "Lägg till fråga");
    questions = r.state()["content"]["questions"];
    ASSERT_EQ(questions.size(), 2u);
    EXPECT_NE(questions[1]["author"], kPersonId);
    // Focus is back in the emptied field: the next question can be typed straight on.
    EXPECT_EQ(last_focus(r.host), find(r.app.a11y_tree(), ui::Role::TextArea, "Ny fråga")->key);
    // Each edits their own words: the person's question is shown to Mira, in the person's name.
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::TextArea, "Fråga 1"), nullptr);
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::TextArea, "Fråga 2"), nullptr);
    EXPECT_NE(r.shown().find("Fråga 1: Måste jag prata på mötet? – Personen själv"), std::string::npos) << r.shown();
    // Enter at the end of the field adds it too (pressed between three questions, it made one
    // question of three lines); a line break within the text stays in it.
    type_into(r.h, r.app, ui::Role::TextArea, "Ny fråga", "Vem ringer jag?\n");
    questions = r.state()["content"]["questions"];
    ASSERT_EQ(questions.size(), 3u);
    EXPECT_EQ(questions[2]["text"], "Vem ringer jag?");
    EXPECT_EQ(value_of(r.app, "Ny fråga"), "");
    type_into(r.h, r.app, ui::Role::TextArea, "Ny fråga", "Första raden\nandra");
    EXPECT_EQ(r.state()["content"]["questions"].size(), 3u);
    EXPECT_EQ(value_of(r.app, "Ny fråga"), "Första raden\nandra");
}

// "+" in a 10-digit personnummer means over 100 years old: the field asks, rather than accepting it.
TEST(App, APlusInThePersonnummerIsAskedAboutAtTheField) {
    AppRun r;
    press(r.h, r.app, "Ny förberedelse");
    type_into(r.h, r.app, ui::Role::TextBox, "Personnummer", "811218+9876");
    EXPECT_NE(r.shown().find("Med + i numret är personen över 100 år (född 1881)."), std::string::npos);
    type_into(r.h, r.app, ui::Role::TextBox, "Personnummer", "811218-9876");
    EXPECT_EQ(r.shown().find("över 100 år"), std::string::npos);
}

// What the browser cannot do is said: no promise to keep the draft (Safari, Firefox without the
// permission), no voice for reading aloud.
TEST(App, SaysWhenTheBrowserWillNotKeepTheDraftOrHasNoVoice) {
    test::AppRun r;
    const std::string not_kept = "Den här webbläsaren lovar inte att behålla det du skriver här.";
    const std::string no_voice = "Uppläsning finns inte här: webbläsaren har ingen röst för svenska.";
    EXPECT_EQ(r.shown().find(not_kept), std::string::npos);  // until the browser has answered
    EXPECT_NE(r.shown().find(no_voice), std::string::npos);
    r.app.speech_available("sv", ui::SpeechVoice::Device);
    r.app.speech_available("en", ui::SpeechVoice::None);
    r.app.storage_kept(false);
    r.frame();
    EXPECT_EQ(r.shown().find(no_voice), std::string::npos);
    EXPECT_NE(r.shown().find(not_kept), std::string::npos);  // in the settings
    test::press(r.h, r.app, "Ny förberedelse");
    test::press(r.h, r.app, "9. Sammanfattning");
    const ui::A11yNode* save = test::find(r.app.a11y_tree(), ui::Role::Button, "Spara fil");
    ASSERT_NE(save, nullptr);
    EXPECT_NE(r.shown().find(not_kept), std::string::npos);  // beside "Spara fil"
    r.app.storage_kept(true);
    r.frame();
    EXPECT_EQ(r.shown().find(not_kept), std::string::npos);
}

// A file the page refused before reading it (too large, or no memory to hand it over): the
// person is told in words, and the draft stays as it was.
TEST(App, ARefusedFileLeavesTheDraftAndSaysWhy) {
    AppRun r;
    r.app.file_opened("narstaende-tillsammans.json",
                      read(fs::path(SIPPREP_SOURCE_DIR) / "assets/examples/narstaende-tillsammans.json"),
                      ui::FileOrigin::Picker);
    const nlohmann::json before = r.state()["content"];
    r.app.file_refused("stor.json", "open.too_large");
    r.frame();
    EXPECT_EQ(r.state()["content"], before);
    EXPECT_NE(r.shown().find("stor.json kunde inte öppnas:"), std::string::npos) << r.shown();
    EXPECT_NE(r.shown().find("Filen är större än 6 MB."), std::string::npos) << r.shown();
    EXPECT_NE(r.shown().find("Det du har skrivit här är kvar."), std::string::npos) << r.shown();
    r.app.file_refused("stor.json", "open.memory");
    r.frame();
    EXPECT_NE(r.shown().find("inte minne nog för att öppna filen"), std::string::npos) << r.shown();
    EXPECT_EQ(r.state()["content"], before);
}

// Memory ran short in the page: a banner says so (over "open in another tab" too) and offers a
// file until it is closed.
TEST(App, MemoryShortShowsABannerUntilClosed) {
    AppRun r;
    r.app.memory_short();
    r.frame();
    ASSERT_NE(find(r.app.a11y_tree(), ui::Role::Alert, "Appen har ont om minne"), nullptr);
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::Button, "Spara en fil nu"), nullptr);
    r.app.editing_elsewhere(true);
    r.frame();
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::Alert, "Appen har ont om minne"), nullptr);
    r.app.editing_elsewhere(false);
    r.frame();
    press(r.h, r.app, "Stäng meddelandet");
    EXPECT_EQ(find(r.app.a11y_tree(), ui::Role::Alert, "Appen har ont om minne"), nullptr);
}

// A save the passphrase part could not seal says why, in words.
TEST(App, AStorageFailureWithACatalogKeyIsSaidInWords) {
    AppRun r;
    r.app.storage_failed("passphrase.timeout");
    r.frame();
    EXPECT_NE(r.shown().find("Lösenordsdelen av appen svarade inte i tid. Spara en fil nu"), std::string::npos)
        << r.shown();
}

// The store writes every half second while the person types: a write that changes nothing shown
// ("Sparat 14:32" already says so) runs no frame (two frames per write cost a slow phone tens of
// ms each, issue 30); the first write, and one after a failure, show.
TEST(App, ASaveThatChangesNothingShownRunsNoFrame) {
    AppRun r;
    test::press(r.h, r.app, "Ny förberedelse");  // a step's header says "Sparat 14:32"
    const auto asked = [&] { return r.host.asked.request_frames.size(); };
    for (int attempt = 0; attempt < 3; ++attempt) {  // a minute that turns between two saves shows
        r.app.storage_failed("quota");
        r.frame();
        const std::string minute = local_time_hhmm();
        std::size_t before = asked();
        r.app.draft_saved();
        EXPECT_GT(asked(), before) << "after a failure, the first save shows";
        r.frame();
        before = asked();
        r.app.draft_saved();
        if (local_time_hhmm() != minute) continue;
        EXPECT_NE(r.shown().find("Sparat " + minute), std::string::npos) << r.shown();
        EXPECT_EQ(asked(), before) << "the same minute again: no frame";
        return;
    }
}

// A tab left open past midnight: "Sparat 16:22" would read as today's; the day is said once it is
// another day, and a save on the new day is today's again.
TEST(App, ASaveFromAnotherDaySaysTheDay) {
    AppRun r;
    r.app.set_today({2026, 12, 5});
    test::press(r.h, r.app, "Ny förberedelse");
    std::string minute;
    do {  // the minute the save took (again if it turned meanwhile)
        minute = local_time_hhmm();
        r.app.draft_saved();
    } while (local_time_hhmm() != minute);
    r.frame();
    EXPECT_NE(r.shown().find("Sparat " + minute), std::string::npos) << r.shown();
    r.app.set_today({2026, 12, 6});
    r.frame();
    EXPECT_NE(r.shown().find("Sparat 5 december " + minute), std::string::npos) << r.shown();
    r.app.set_today({2027, 1, 2});
    r.frame();
    EXPECT_NE(r.shown().find("Sparat 5 december 2026 " + minute), std::string::npos) << r.shown();
    r.app.draft_saved();
    r.frame();
    EXPECT_EQ(r.shown().find("december"), std::string::npos) << r.shown();
}

// The browser's default text size (the page's root font size over 16 px: larger text chosen in the
// browser's settings) is where the app starts; a stored draft's own setting wins over it.
TEST(App, StartsAtTheBrowsersTextSizeUnlessTheDraftSaysOtherwise) {
    const auto starts_at = [](float preferred) {
        FakeHost host;
        ui::App app(host);
        app.prefer_text_scale(preferred);
        return app.text_scale();
    };
    EXPECT_FLOAT_EQ(starts_at(1.0f), 1.0f);
    EXPECT_FLOAT_EQ(starts_at(1.25f), 1.25f);  // Chrome's "Large" (20 px)
    EXPECT_FLOAT_EQ(starts_at(1.5f), 1.5f);    // "Very large" (24 px)
    EXPECT_FLOAT_EQ(starts_at(1.3f), 1.25f);   // the app's step at or below it
    EXPECT_FLOAT_EQ(starts_at(3.0f), 2.0f);    // the app's largest
    EXPECT_FLOAT_EQ(starts_at(0.75f), 1.0f);   // smaller text: the app's smallest stays
    EXPECT_FLOAT_EQ(starts_at(std::nanf("")), 1.0f);

    AppRun first;
    press(first.h, first.app, "Ny förberedelse");
    const std::string draft = first.app.draft_to_save();  // at 100 %
    FakeHost host;
    ui::App app(host);
    app.prefer_text_scale(1.5f);
    app.draft_loaded(draft);
    EXPECT_FLOAT_EQ(app.text_scale(), 1.0f);
}

// A draft erased because it was not used for days is said at the top of the first screen, where
// a person with large text sees it, not below the settings.
TEST(App, AnAutomaticErasureIsSaidAtTheTop) {
    AppRun r;
    r.app.auto_erase_status(7, true);
    r.frame();
    r.frame();
    const std::string shown = r.shown();
    const std::string erased = "eftersom ingen hade skrivit i den på mer än 7 dagar";
    const std::size_t said = shown.find(erased);
    ASSERT_NE(said, std::string::npos) << shown;
    EXPECT_LT(said, shown.find("Inställningar")) << shown;
    EXPECT_LT(said, shown.find("Vem fyller i?")) << shown;
    EXPECT_EQ(shown.find(erased, said + 1), std::string::npos) << "said once";
    EXPECT_NE(find(r.app.a11y_tree(), ui::Role::Status, ""), nullptr);
}

// The professional's view says "Inget sparas på den här datorn": a look at it (or at "Om SIP")
// stores nothing, so the next start does not offer a "påbörjad förberedelse" of nothing. Once
// there are words, where the person is is kept with them.
TEST(App, ALookAroundStoresNoDraft) {
    AppRun r;
    test::press(r.h, r.app, "Jag är yrkesverksam – öppna en förberedelse");
    test::press(r.h, r.app, "Till startsidan");
    test::press(r.h, r.app, "Om SIP – vad är det?");
    EXPECT_EQ(r.host.asked.draft_changed, 0);
    test::press(r.h, r.app, "Till startsidan");
    test::press(r.h, r.app, "Ny förberedelse");
    test::type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Göran");
    EXPECT_GT(r.host.asked.draft_changed, 0);
    const int typed = r.host.asked.draft_changed;
    test::press(r.h, r.app, "Nästa");
    EXPECT_GT(r.host.asked.draft_changed, typed) << "the step is kept with the words";
}

// "Börja på en ny förberedelse" over a stored one replaces it in the store (the new one is empty,
// and moving to its first step stores nothing by itself): the old one is not offered again at the
// next start.
TEST(App, ANewPreparationReplacesTheStoredOne) {
    std::string written;
    {
        AppRun r;  // one at a time: each owns the ImGui context
        test::press(r.h, r.app, "Ny förberedelse");
        test::type_into(r.h, r.app, ui::Role::TextBox, "Ditt namn", "Göran");
        written = r.app.draft_to_save();
    }
    AppRun r;
    r.app.draft_loaded(written);
    r.frame();
    EXPECT_EQ(nlohmann::json::parse(r.app.state_json())["screen"], "resume");
    test::press(r.h, r.app, "Börja på en ny förberedelse");
    const int before = r.host.asked.draft_changed;
    test::press(r.h, r.app, "Ja, ersätt den");
    EXPECT_GT(r.host.asked.draft_changed, before) << "the stored one is replaced";
    EXPECT_EQ(r.app.draft_to_save().find("Göran"), std::string::npos);
}
