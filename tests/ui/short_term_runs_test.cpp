// A long list of short-term goals is drawn in runs of cached regions (steps/goal.cpp, with
// widgets.hpp's draw_in_runs), as the questions are. Random typing, removals (an empty goal at
// once, one with words after "yes"), additions, scrolls, a goal changed by another tab and a step
// away and back, in a window that shows a few goals at a time: after each, every goal of the draft
// is in the accessibility tree, in order, with its own words, and the page's a11y layer, every
// patch applied, is that tree.
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "list_runs.hpp"

namespace sipprep {
namespace {

// The nodes the runs hold ("shortr-…"), in order: a goal is a field, or someone else's words as a
// text, and its remove button (or the question and answers of a remove waiting for "yes").
void run_nodes(const ui::A11yNode& n, std::vector<const ui::A11yNode*>& out, bool in_run = false) {
    for (const ui::A11yNode& c : n.kids()) {
        const bool run = c.role == ui::Role::Run && c.key.find("shortr-") != std::string::npos;
        if (in_run) out.push_back(&c);
        if (run || !in_run) run_nodes(c, out, in_run || run);
    }
}

std::string draft_with_goals(int n) {
    nlohmann::json bundle = nlohmann::json::parse(
        test::read(std::filesystem::path(SIPPREP_SOURCE_DIR) / "assets/examples/narstaende-tillsammans.json"));
    bundle.erase("integrity");
    nlohmann::json& goals = bundle["content"]["goals"]["short_term"];
    goals = nlohmann::json::array();
    for (int i = 1; i <= n; ++i)
        goals.push_back({{"author", i % 7 ? "person" : "rel-1"}, {"text", "Delmål nummer " + std::to_string(i)}});
    return nlohmann::json{
        {"draft", 1}, {"ui", {{"screen", "steps"}, {"step", "goal"}, {"author", "person"}}}, {"bundle", bundle}}
        .dump();
}

struct Goals : test::ListRuns {
    explicit Goals(int n) : ListRuns(draft_with_goals(n)) {}
    nlohmann::json model() {
        return nlohmann::json::parse(run.app.draft_to_save())["bundle"]["content"]["goals"]["short_term"];
    }
    std::vector<const ui::A11yNode*> nodes() const {
        std::vector<const ui::A11yNode*> out;
        run_nodes(run.app.a11y_tree(), out);
        return out;
    }
    const ui::A11yNode* find(ui::Role role, const std::string& name) const {
        for (const ui::A11yNode* n : nodes())
            if (n->role == role && n->name == name) return n;
        return nullptr;
    }
    // Every goal of the draft, in order: the writer's own as a field with its words, someone
    // else's as their words with their name, each followed by its remove button.
    void expect_tree_is_the_draft(const std::string& after) {
        expect_layer_is_the_tree(after);
        const nlohmann::json goals = model();
        std::vector<std::string> seen, wanted;
        for (const ui::A11yNode* n : nodes()) {
            if (n->role == ui::Role::TextBox || n->role == ui::Role::TextArea)
                seen.push_back(n->name + " = " + n->value);
            else if (n->role == ui::Role::Text && n->name.rfind("Delmål ", 0) == 0)
                seen.push_back(n->name);
            else if (n->role == ui::Role::Button && n->name.rfind("Ta bort delmål ", 0) == 0)
                seen.push_back(n->name);
        }
        for (std::size_t i = 0; i < goals.size(); ++i) {
            const std::string name = "Delmål " + std::to_string(i + 1);
            const std::string text = goals[i]["text"];
            wanted.push_back(goals[i]["author"] == "person" ? name + " = " + text
                                                            : name + ": " + text + " (Samira Hassan (mamma))");
            if (pending != "short-" + std::to_string(i)) wanted.push_back("Ta bort delmål " + std::to_string(i + 1));
        }
        std::size_t k = 0;
        while (k < seen.size() && k < wanted.size() && seen[k] == wanted[k]) ++k;
        EXPECT_TRUE(k == seen.size() && k == wanted.size())
            << after << ": " << seen.size() << " nodes, " << wanted.size() << " wanted; at " << k << ": "
            << (k < seen.size() ? seen[k] : "(none)") << " | " << (k < wanted.size() ? wanted[k] : "(none)");
    }
    std::string pending;  // the goal whose remove waits for "yes"
};

TEST(ShortTermRuns, TheTreeIsTheDraftAfterRandomChangesInAShortWindow) {
    for (unsigned seed = 1; seed <= 5; ++seed) {
        Goals s(40 + 17 * static_cast<int>(seed));
        s.expect_tree_is_the_draft("opened");
        std::mt19937 rng(seed);
        auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
        std::string last;
        for (int step = 0; step < 60 && !HasFailure(); ++step) {
            s.layer.new_action();
            const nlohmann::json goals = s.model();
            const std::size_t i = pick(goals.size());
            const std::string n = std::to_string(i + 1);
            const bool own = goals[i]["author"] == "person";
            switch (const std::size_t kind = pick(7); kind) {
                case 0: {  // type into one's own goal anywhere in the list, as the page's field sends it
                    if (!own) continue;
                    const ui::A11yNode* f = s.find(ui::Role::TextBox, "Delmål " + n);
                    ASSERT_NE(f, nullptr) << "goal " << n;
                    const std::string text = f->value + (pick(4) ? "x" : " och lite till");
                    s.type(*f, text);
                    last = "typed in goal " + n;
                    break;
                }
                case 1: {  // remove: an empty one at once, one with words after "yes"
                    if (goals.size() < 3 || !s.pending.empty()) continue;
                    const ui::A11yNode* b = s.find(ui::Role::Button, "Ta bort delmål " + n);
                    ASSERT_NE(b, nullptr) << "goal " << n;
                    s.run.app.dom_activate(b->key);
                    if (!goals[i]["text"].get<std::string>().empty()) {
                        s.pending = "short-" + std::to_string(i);
                        s.run.frame();
                        s.expect_tree_is_the_draft("asked to remove goal " + n);
                        const ui::A11yNode* yes = s.find(ui::Role::Button, "Ja, ta bort");
                        ASSERT_NE(yes, nullptr) << "goal " << n;
                        s.run.app.dom_activate(yes->key);
                        s.pending.clear();
                    }
                    last = "removed goal " + n;
                    break;
                }
                case 2: {
                    test::press(s.run.h, s.run.app, "Lägg till delmål");
                    last = "added a goal";
                    break;
                }
                default:
                    last = s.other_action(
                        (kind - 3) % 3, rng,
                        nlohmann::json::json_pointer("/goals/short_term/" + std::to_string(i) + "/text"), step);
                    break;
            }
            s.run.frame();
            s.expect_tree_is_the_draft("seed " + std::to_string(seed) + ", step " + std::to_string(step) + ": " + last);
        }
    }
}

// Typing in a goal costs about the same with a thousand of them: out of view, a run is one node.
TEST(ShortTermRuns, AThousandGoalsAreOneNodePerRunOutOfView) {
    Goals s(1000);
    std::size_t runs = 0, stubs = 0;
    std::function<void(const ui::A11yNode&)> walk = [&](const ui::A11yNode& n) {
        for (const ui::A11yNode& c : n.kids()) {
            if (c.role == ui::Role::Run && c.key.find("shortr-") != std::string::npos) {
                ++runs;
                if (c.reused) ++stubs;
            } else {
                walk(c);
            }
        }
    };
    walk(s.run.app.a11y_tree());
    EXPECT_EQ(runs, 40u);
    EXPECT_GE(stubs, 36u);
    std::size_t fields = 0;
    for (const ui::A11yNode* n : s.nodes()) fields += n->role == ui::Role::TextBox;
    EXPECT_EQ(fields, 1000u - 1000u / 7);
}

}  // namespace
}  // namespace sipprep
