// What was agreed at the meeting ("Efter mötet"): long lists of efforts and delmål are drawn in
// runs of cached regions (steps/after_meeting.cpp, widgets.hpp's draw_in_runs). An effort shows the
// rules' messages under its fields, so its signature carries them. Random typing (dates too, right
// and wrong), removals (after "yes" where there is text), additions, scrolls and a change from
// another tab, in a window that shows a few at a time: after each, every effort and delmål of the
// draft is in the accessibility tree, in order, with its words, and the page's a11y layer is that tree.
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/i18n.hpp"
#include "list_runs.hpp"

namespace sipprep {
namespace {

const std::string& sv(const char* key) { return tr(Lang::Sv, key); }
const char* const kEffortFields[] = {"what", "who", "starts", "how_often", "where", "by_when"};
const char* const kEffortLabels[] = {"agreed.what",      "agreed.who",   "agreed.starts",
                                     "agreed.how_often", "agreed.where", "agreed.by_when"};

// The fields the runs hold, in order, as "label = value".
void run_fields(const ui::A11yNode& n, std::vector<std::string>& out, bool in_run = false) {
    for (const ui::A11yNode& c : n.kids()) {
        const bool run = c.role == ui::Role::Run;
        if (in_run && (c.role == ui::Role::TextBox || c.role == ui::Role::TextArea))
            out.push_back(c.name + " = " + c.value);
        run_fields(c, out, in_run || run);
    }
}

const ui::A11yNode* find(const ui::A11yNode& n, ui::Role role, const std::string& name, int* skip) {
    if (n.role == role && n.name == name && (*skip)-- == 0) return &n;
    for (const ui::A11yNode& c : n.kids())
        if (const ui::A11yNode* f = find(c, role, name, skip)) return f;
    return nullptr;
}

std::string draft_with_agreement(int efforts, int sub_goals) {
    nlohmann::json bundle = nlohmann::json::parse(
        test::read(std::filesystem::path(SIPPREP_SOURCE_DIR) / "assets/examples/narstaende-tillsammans.json"));
    bundle.erase("integrity");
    nlohmann::json& agreed = bundle["content"]["agreed"];
    agreed["efforts"] = nlohmann::json::array();
    for (int i = 1; i <= efforts; ++i)
        agreed["efforts"].push_back({{"what", "Insats nummer " + std::to_string(i)},
                                     {"who", i % 3 ? "Socialtjänsten" : ""},
                                     {"starts", i % 4 ? "2027-01-0" + std::to_string(1 + i % 9) : "snart"},
                                     {"how_often", ""},
                                     {"where", ""},
                                     {"by_when", ""}});
    agreed["sub_goals"] = nlohmann::json::array();
    for (int i = 1; i <= sub_goals; ++i) agreed["sub_goals"].push_back("Delmål från mötet " + std::to_string(i));
    return nlohmann::json{{"draft", 1}, {"ui", {{"screen", "evaluation"}, {"author", "person"}}}, {"bundle", bundle}}
        .dump();
}

struct Agreed : test::ListRuns {
    Agreed(int efforts, int sub_goals) : ListRuns(draft_with_agreement(efforts, sub_goals)) {}
    nlohmann::json model() { return nlohmann::json::parse(run.app.draft_to_save())["bundle"]["content"]["agreed"]; }
    // The `nth` field or button of that name (each effort's fields share their labels).
    const ui::A11yNode* control(ui::Role role, const std::string& name, int nth = 0) const {
        return find(run.app.a11y_tree(), role, name, &nth);
    }
    void expect_tree_is_the_draft(const std::string& after) {
        expect_layer_is_the_tree(after);
        const nlohmann::json a = model();
        std::vector<std::string> seen, wanted;
        run_fields(run.app.a11y_tree(), seen);
        for (const nlohmann::json& g : a["sub_goals"])
            wanted.push_back(trf(Lang::Sv, "agreed.sub_goal_n", {std::to_string(wanted.size() + 1)}) + " = " +
                             g.get<std::string>());
        for (const nlohmann::json& e : a["efforts"])
            for (std::size_t f = 0; f < 6; ++f)
                wanted.push_back(sv(kEffortLabels[f]) + " = " + e.value(kEffortFields[f], std::string()));
        std::size_t k = 0;
        while (k < seen.size() && k < wanted.size() && seen[k] == wanted[k]) ++k;
        EXPECT_TRUE(k == seen.size() && k == wanted.size())
            << after << ": " << seen.size() << " fields, " << wanted.size() << " wanted; at " << k << ": "
            << (k < seen.size() ? seen[k] : "(none)") << " | " << (k < wanted.size() ? wanted[k] : "(none)");
    }
    // Presses "yes" where a remove asks first.
    void confirm_if_asked() {
        run.frame();
        if (const ui::A11yNode* yes = control(ui::Role::Button, sv("needs.remove.yes"))) run.app.dom_activate(yes->key);
    }
};

TEST(AgreedRuns, TheTreeIsTheDraftAfterRandomChangesInAShortWindow) {
    for (unsigned seed = 1; seed <= 4; ++seed) {
        Agreed s(30 + 11 * static_cast<int>(seed), 30 + 7 * static_cast<int>(seed));
        s.expect_tree_is_the_draft("opened");
        std::mt19937 rng(seed);
        auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
        std::string last;
        // "Ta bort" item n (counted from 0) of a list, and "Ja, ta bort" where it asks.
        auto remove = [&](const char* key, std::size_t n, const std::string& what) {
            const ui::A11yNode* b = s.control(ui::Role::Button, trf(Lang::Sv, key, {std::to_string(n + 1)}));
            ASSERT_NE(b, nullptr) << what << " " << n + 1;
            s.run.app.dom_activate(b->key);
            s.confirm_if_asked();
            last = "removed " + what + " " + std::to_string(n + 1);
        };
        for (int step = 0; step < 50 && !HasFailure(); ++step) {
            s.layer.new_action();
            const nlohmann::json a = s.model();
            const std::size_t e = pick(a["efforts"].size());
            const std::size_t g = pick(a["sub_goals"].size());
            switch (const std::size_t kind = pick(9); kind) {
                case 0:
                case 1: {  // type into a field of an effort anywhere in the list; a date right or wrong
                    const std::size_t f = pick(6);
                    const ui::A11yNode* field = s.control(f == 0 ? ui::Role::TextArea : ui::Role::TextBox,
                                                          sv(kEffortLabels[f]), static_cast<int>(e));
                    ASSERT_NE(field, nullptr) << "effort " << e + 1 << ", " << kEffortFields[f];
                    const std::string text = f == 2 || f == 5
                                                 ? (pick(2) ? "2027-05-1" + std::to_string(pick(10)) : "i maj")
                                                 : field->value + "x";
                    s.type(*field, text);
                    last = std::string("typed in effort ") + std::to_string(e + 1) + ", " + kEffortFields[f];
                    break;
                }
                case 2:
                    if (a["efforts"].size() < 3) continue;
                    remove("agreed.remove", e, "effort");
                    break;
                case 3:
                    test::press(s.run.h, s.run.app, sv("agreed.add"));
                    last = "added an effort";
                    break;
                case 4: {
                    const std::string name = trf(Lang::Sv, "agreed.sub_goal_n", {std::to_string(g + 1)});
                    const ui::A11yNode* field = s.control(ui::Role::TextBox, name);
                    ASSERT_NE(field, nullptr) << name;
                    const std::string text = field->value + "y";
                    s.type(*field, text);
                    last = "typed in delmål " + std::to_string(g + 1);
                    break;
                }
                case 5:
                    if (a["sub_goals"].size() < 3) continue;
                    remove("agreed.sub_goal.remove", g, "delmål");
                    break;
                case 6:
                    test::press(s.run.h, s.run.app, sv("agreed.sub_goal.add"));
                    last = "added a delmål";
                    break;
                default:  // a scroll, or another tab changed an effort's words
                    last = s.other_action(
                        kind - 7, rng, nlohmann::json::json_pointer("/agreed/efforts/" + std::to_string(e) + "/what"),
                        step);
                    break;
            }
            s.run.frame();
            s.expect_tree_is_the_draft("seed " + std::to_string(seed) + ", step " + std::to_string(step) + ": " + last);
        }
    }
}

// A follow-up: "Blev det gjort?" for each effort agreed last time, a long list in runs too.
std::string follow_up_with_efforts(int n) {
    nlohmann::json bundle = nlohmann::json::parse(
        test::read(std::filesystem::path(SIPPREP_SOURCE_DIR) / "assets/examples/aldre-uppfoljning.json"));
    bundle.erase("integrity");
    nlohmann::json& outcomes = bundle["content"]["follow_up"]["agreed_efforts"];
    const char* done[] = {"yes", "partly", "no"};
    outcomes = nlohmann::json::array();
    for (int i = 1; i <= n; ++i)
        outcomes.push_back({{"done", done[i % 3]},
                            {"effort", {{"what", "Insats nummer " + std::to_string(i)}, {"who", "Äldreomsorgen"}}},
                            {"note", i % 2 ? "" : "Det gick bra " + std::to_string(i)}});
    return nlohmann::json{
        {"draft", 1}, {"ui", {{"screen", "steps"}, {"step", "follow_up"}, {"author", "person"}}}, {"bundle", bundle}}
        .dump();
}

TEST(AgreedRuns, FollowUpOutcomesAreTheDraftAfterRandomChangesInAShortWindow) {
    for (unsigned seed = 1; seed <= 3; ++seed) {
        test::ListRuns s(follow_up_with_efforts(40 + 15 * static_cast<int>(seed)));
        auto model = [&] {
            return nlohmann::json::parse(s.run.app.draft_to_save())["bundle"]["content"]["follow_up"]["agreed_efforts"];
        };
        auto expect_tree_is_the_draft = [&](const std::string& after) {
            s.expect_layer_is_the_tree(after);
            std::vector<std::string> seen, wanted;
            run_fields(s.run.app.a11y_tree(), seen);
            for (const nlohmann::json& o : model())
                wanted.push_back(sv("followup.efforts.note") + " = " + o["note"].get<std::string>());
            EXPECT_EQ(seen, wanted) << after;
        };
        expect_tree_is_the_draft("opened");
        std::mt19937 rng(seed);
        auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
        std::string last;
        for (int step = 0; step < 40 && !HasFailure(); ++step) {
            s.layer.new_action();
            const std::size_t i = pick(model().size());
            if (const std::size_t kind = pick(4); kind < 2) {  // a note anywhere in the list
                int nth = static_cast<int>(i);
                const ui::A11yNode* field =
                    find(s.run.app.a11y_tree(), ui::Role::TextArea, sv("followup.efforts.note"), &nth);
                ASSERT_NE(field, nullptr) << "effort " << i + 1;
                const std::string text = field->value + "z";
                s.type(*field, text);
                last = "note " + std::to_string(i + 1);
            } else {
                last = s.other_action(
                    kind - 2, rng,
                    nlohmann::json::json_pointer("/follow_up/agreed_efforts/" + std::to_string(i) + "/note"), step);
            }
            s.run.frame();
            expect_tree_is_the_draft("seed " + std::to_string(seed) + ", step " + std::to_string(step) + ": " + last);
        }
    }
}

}  // namespace
}  // namespace sipprep
