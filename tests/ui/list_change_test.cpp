// Removing an item of a list: the frame of the press still shows every item, the next one the
// list without it. The page's a11y layer, built only from the patches, never loses the other
// items for a frame (it used to take away everything after the removed item and make it again).
#include <functional>
#include <string>

#include <gtest/gtest.h>

#include "app_driver.hpp"
#include "page_a11y_layer.hpp"

namespace sipprep {
namespace {

using test::AppRun;

struct Layered {
    AppRun r;
    test::PageA11yLayer layer;
    std::size_t replayed = 0;

    // Every patch sent so far, one at a time: none breaks the protocol or brings back what the one
    // before took away, and the layer is the app's tree.
    void replay(const std::string& after) {
        auto& sent = r.host.asked.update_a11y;
        for (; replayed < sent.size(); ++replayed) {
            std::string why;
            ASSERT_TRUE(layer.apply(sent[replayed].patch, &why)) << after << ": " << why;
            for (const std::string& key : layer.churned())
                ADD_FAILURE() << after << ": " << key << " away for one frame";
        }
        EXPECT_EQ(layer.tree(), nlohmann::json::parse(ui::a11y_tree_json(r.app.a11y_tree()))) << after;
    }
    bool shows(ui::Role role, const std::string& name) const {
        std::function<bool(const ui::A11yNode&)> walk = [&](const ui::A11yNode& n) {
            if (n.role == role && n.name == name) return true;
            for (const ui::A11yNode& c : n.kids())
                if (walk(c)) return true;
            return false;
        };
        return walk(r.app.a11y_tree());
    }
    void go_to_step(const std::string& title) {
        std::string key;
        std::function<void(const ui::A11yNode&)> walk = [&](const ui::A11yNode& n) {
            if (key.empty() && n.role == ui::Role::Button && n.name.find(". " + title) != std::string::npos)
                key = n.key;
            for (const ui::A11yNode& c : n.kids()) walk(c);
        };
        walk(r.app.a11y_tree());
        ASSERT_FALSE(key.empty()) << title;
        r.app.dom_activate(key);
        r.frame();
    }
    // Adds `count` items with `add`, removes the second with `remove(2)`; `item(n)` names the
    // n-th item's first field.
    void add_and_remove_the_second(const std::string& add, const std::function<std::string(int)>& remove,
                                   const std::function<std::string(int)>& item, ui::Role role, int count = 4) {
        for (int i = 0; i < count; ++i) test::press(r.h, r.app, add);
        replay("added");
        for (int n = 1; n <= count; ++n) ASSERT_TRUE(shows(role, item(n))) << item(n);
        test::press(r.h, r.app, remove(2));
        replay("removed the second");
        for (int n = 1; n < count; ++n) EXPECT_TRUE(shows(role, item(n))) << item(n);
        EXPECT_FALSE(shows(role, item(count)));
    }
};

TEST(ListChange, RemovingAShortTermGoalKeepsTheOthersInEveryFrame) {
    Layered s;
    test::press(s.r.h, s.r.app, "Ny förberedelse");
    s.go_to_step("Vad är viktigt för dig?");
    s.add_and_remove_the_second(
        "Lägg till delmål", [](int n) { return "Ta bort delmål " + std::to_string(n); },
        [](int n) { return "Delmål " + std::to_string(n); }, ui::Role::TextBox);
}

TEST(ListChange, RemovingAnAgreedEffortOrSubGoalKeepsTheOthersInEveryFrame) {
    Layered s;
    test::press(s.r.h, s.r.app, "Ny förberedelse");
    s.go_to_step("Sammanfattning");
    test::press(s.r.h, s.r.app, "Efter mötet: det här kom vi överens om");
    s.add_and_remove_the_second(
        "Lägg till ett delmål", [](int n) { return "Ta bort delmål " + std::to_string(n); },
        [](int n) { return "Delmål " + std::to_string(n); }, ui::Role::TextBox);
    s.add_and_remove_the_second(
        "Lägg till något som ska göras", [](int n) { return "Ta bort insats " + std::to_string(n); },
        [](int n) { return "Insats " + std::to_string(n); }, ui::Role::Group);
}

}  // namespace
}  // namespace sipprep
