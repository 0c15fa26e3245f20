// A long list of questions is drawn in runs of cached regions (steps/questions.cpp): a run out of
// view shows the nodes it had when last drawn. Random edits, moves, removals, additions, scrolls and
// focus moves, a draft changed by another tab, a step away and back, in a window that shows a few questions at a time:
// after each, every question of the draft is in the accessibility tree, in order, with its own words, as the draft has
// it now.
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "list_runs.hpp"

namespace sipprep {
namespace {

// The list items under the questions' list, through the runs.
void list_items(const ui::A11yNode& n, std::vector<const ui::A11yNode*>& out) {
    for (const ui::A11yNode& c : n.kids()) {
        if (c.role == ui::Role::ListItem)
            out.push_back(&c);
        else if (c.role == ui::Role::Run)
            list_items(c, out);
    }
}

const ui::A11yNode* by_key(const ui::A11yNode& n, const std::string& key) {
    if (n.key == key) return &n;
    for (const ui::A11yNode& c : n.kids())
        if (const ui::A11yNode* f = by_key(c, key)) return f;
    return nullptr;
}

const ui::A11yNode* child(const ui::A11yNode& item, ui::Role role, const std::string& name) {
    for (const ui::A11yNode& c : item.kids())
        if (c.role == role && c.name == name) return &c;
    return nullptr;
}

std::string draft_with_questions(int n) {
    nlohmann::json bundle = nlohmann::json::parse(
        test::read(std::filesystem::path(SIPPREP_SOURCE_DIR) / "assets/examples/narstaende-tillsammans.json"));
    bundle.erase("integrity");
    nlohmann::json& questions = bundle["content"]["questions"];
    questions = nlohmann::json::array();
    for (int i = 1; i <= n; ++i)
        questions.push_back({{"id", "q-" + std::to_string(i)},
                             {"author", "person"},
                             {"text", "Fråga nummer " + std::to_string(i)},
                             {"priority", i % 5 ? "none" : "high"},
                             {"for_whom", i % 4 ? "" : "Socialtjänsten"}});
    return nlohmann::json{
        {"draft", 1}, {"ui", {{"screen", "steps"}, {"step", "questions"}, {"author", "person"}}}, {"bundle", bundle}}
        .dump();
}

struct Questions : test::ListRuns {
    explicit Questions(int n) : ListRuns(draft_with_questions(n)) {}
    nlohmann::json model() { return nlohmann::json::parse(run.app.draft_to_save())["bundle"]["content"]["questions"]; }
    const ui::A11yNode& list() const {
        const ui::A11yNode* l = by_key(run.app.a11y_tree(), "g-questions");
        EXPECT_NE(l, nullptr);
        return *l;
    }
    std::vector<const ui::A11yNode*> items() const {
        std::vector<const ui::A11yNode*> out;
        list_items(list(), out);
        return out;
    }
    const ui::A11yNode* control(std::size_t i, ui::Role role, const std::string& name) const {
        const auto all = items();
        return i < all.size() ? child(*all[i], role, name) : nullptr;
    }
    // Every question of the draft, in order, with its own words and choices.
    void expect_tree_is_the_draft(const std::string& after) {
        expect_layer_is_the_tree(after);
        const nlohmann::json q = model();
        const auto all = items();
        ASSERT_EQ(all.size(), q.size()) << after;
        for (std::size_t i = 0; i < q.size(); ++i) {
            const std::string n = std::to_string(i + 1);
            EXPECT_EQ(all[i]->key, "g-q-" + q[i]["id"].get<std::string>()) << after << ", question " << n;
            const ui::A11yNode* text = child(*all[i], ui::Role::TextArea, "Fråga " + n);
            ASSERT_NE(text, nullptr) << after << ", question " << n;
            EXPECT_EQ(text->value, q[i]["text"]) << after << ", question " << n;
            const ui::A11yNode* important =
                child(*all[i], ui::Role::Checkbox, "Fråga " + n + " är en av de viktigaste");
            ASSERT_NE(important, nullptr) << after << ", question " << n;
            EXPECT_EQ(important->checked, q[i]["priority"] == "high") << after << ", question " << n;
            const ui::A11yNode* who = child(*all[i], ui::Role::TextBox, "Vem ska svara på fråga " + n + "?");
            ASSERT_NE(who, nullptr) << after << ", question " << n;
            EXPECT_EQ(who->value, q[i]["for_whom"]) << after << ", question " << n;
            EXPECT_EQ(child(*all[i], ui::Role::Button, "Flytta fråga " + n + " uppåt") != nullptr, i > 0)
                << after << ", question " << n;
        }
    }
};

TEST(QuestionRuns, TheTreeIsTheDraftAfterRandomChangesInAShortWindow) {
    for (unsigned seed = 1; seed <= 6; ++seed) {
        Questions s(40 + 13 * static_cast<int>(seed));
        s.expect_tree_is_the_draft("opened");
        std::mt19937 rng(seed);
        auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
        std::string last;
        for (int step = 0; step < 60 && !HasFailure(); ++step) {
            s.layer.new_action();
            const std::size_t count = s.model().size();
            const std::size_t i = pick(count);
            const std::string n = std::to_string(i + 1);
            switch (const std::size_t kind = pick(9); kind) {
                case 0: {  // type into a question anywhere in the list, as the page's field sends it
                    const ui::A11yNode* f = s.control(i, ui::Role::TextArea, "Fråga " + n);
                    ASSERT_NE(f, nullptr);
                    std::string text =
                        f->value + (pick(4) ? "x" : " och en lång mening som bryter raden till nästa rad");
                    s.type(*f, text);
                    last = "typed in question " + n;
                    break;
                }
                case 1: {
                    const ui::A11yNode* f = s.control(i, ui::Role::TextBox, "Vem ska svara på fråga " + n + "?");
                    ASSERT_NE(f, nullptr);
                    const std::string text = f->value.empty() ? "Skolan" : "";
                    s.run.app.dom_text(
                        f->key, ui::DomText{text, static_cast<int>(text.size()), static_cast<int>(text.size()), false});
                    last = "who answers question " + n;
                    break;
                }
                case 2: {
                    const ui::A11yNode* b = s.control(i, ui::Role::Checkbox, "Fråga " + n + " är en av de viktigaste");
                    ASSERT_NE(b, nullptr);
                    s.run.app.dom_activate(b->key);
                    last = "ticked question " + n;
                    break;
                }
                case 3: {
                    const bool up = i > 0 && (i + 1 == count || pick(2));
                    const ui::A11yNode* b = s.control(
                        i, ui::Role::Button, (up ? "Flytta fråga " + n + " uppåt" : "Flytta fråga " + n + " nedåt"));
                    if (!b) continue;  // a list of one
                    s.run.app.dom_activate(b->key);
                    last = std::string("moved question ") + n + (up ? " up" : " down");
                    break;
                }
                case 4: {
                    if (count < 3) continue;
                    const ui::A11yNode* b = s.control(i, ui::Role::Button, "Ta bort fråga " + n);
                    ASSERT_NE(b, nullptr);
                    s.run.app.dom_activate(b->key);
                    s.run.frame();
                    // A question with words goes after "yes".
                    if (const ui::A11yNode* yes = test::find(s.run.app.a11y_tree(), ui::Role::Button, "Ja, ta bort"))
                        s.run.app.dom_activate(yes->key);
                    last = "removed question " + n;
                    break;
                }
                case 5: {
                    test::type_into(s.run.h, s.run.app, ui::Role::TextArea, "Ny fråga",
                                    "Ny fråga " + std::to_string(step));
                    test::press(s.run.h, s.run.app, "Lägg till fråga");
                    last = "added a question";
                    break;
                }
                default:
                    last = s.other_action(
                        kind - 6, rng, nlohmann::json::json_pointer("/questions/" + std::to_string(i) + "/text"), step);
                    break;
            }
            s.run.frame();
            s.expect_tree_is_the_draft("seed " + std::to_string(seed) + ", step " + std::to_string(step) + ": " + last);
        }
    }
}

// Out of view, a run of questions costs one node in the tree per frame, not one per question.
TEST(QuestionRuns, AListOfAThousandIsOneNodePerRunOutOfView) {
    Questions s(1000);
    std::size_t runs = 0, stubs = 0;
    for (const ui::A11yNode& c : s.list().kids()) {
        ++runs;
        EXPECT_EQ(c.role, ui::Role::Run);
        if (c.reused) ++stubs;
    }
    EXPECT_EQ(runs, 40u);
    EXPECT_GE(stubs, 36u);
    EXPECT_EQ(s.items().size(), 1000u);
}

}  // namespace
}  // namespace sipprep
