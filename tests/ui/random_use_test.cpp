// Someone using the whole app at random: pressing any button, ticking any box, choosing any option,
// typing into any field, on every screen it leads to (ten seeds reach the start, "Om SIP", every
// step of each kind of preparation, "Efter mötet" and the professional's view). After each action the page's a11y
// layer, rebuilt from the patches alone (page_a11y_layer.hpp), is the app's tree: no patch breaks the protocol, no key
// is listed twice, nothing is away for one frame; and the draft as stored reads back the same.
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "imgui.h"

#include "app_driver.hpp"
#include "page_a11y_layer.hpp"

namespace sipprep {
namespace {

void actionable(const ui::A11yNode& n, std::vector<const ui::A11yNode*>& out) {
    switch (n.role) {
        case ui::Role::Button:
        case ui::Role::Checkbox:
        case ui::Role::Radio:
        case ui::Role::TextBox:
        case ui::Role::TextArea:
            if (!n.disabled) out.push_back(&n);
            break;
        default:
            break;
    }
    for (const ui::A11yNode& c : n.kids()) actionable(c, out);
}

TEST(RandomUse, ThePagesA11yLayerIsTheAppsTreeAfterEveryAction) {
    for (unsigned seed = 1; seed <= 10; ++seed) {
        test::AppRun r;
        // Every other seed in a phone's window, scrolled now and then: long lists and summaries
        // partly out of view, drawn from their cached regions.
        const bool phone = seed % 2 == 0;
        if (phone) ImGui::GetIO().DisplaySize = ImVec2(390, 600);
        test::PageA11yLayer layer;
        std::size_t replayed = 0;
        std::mt19937 rng(seed);
        std::string did = "started";
        for (int step = 0; step < 150 && !HasFailure(); ++step) {
            auto& sent = r.host.asked.update_a11y;
            for (; replayed < sent.size(); ++replayed) {
                std::string why;
                ASSERT_TRUE(layer.apply(sent[replayed].patch, &why))
                    << "seed " << seed << ", step " << step << ", " << did << ": " << why;
                for (const std::string& key : layer.churned())
                    ADD_FAILURE() << "seed " << seed << ", step " << step << ", " << did << ": " << key
                                  << " away for one frame";
            }
            ASSERT_EQ(layer.tree(), nlohmann::json::parse(ui::a11y_tree_json(r.app.a11y_tree())))
                << "seed " << seed << ", step " << step << ", " << did;
            // Nothing lost: the draft as stored, read by another app, is stored again the same.
            if (step % 10 == 9) {
                const std::string stored = r.app.draft_to_save();
                test::FakeHost other_host;
                ui::App other(other_host);
                other.set_today(Date{2026, 11, 23});
                other.draft_loaded(stored);
                // Each write stamps its own time ("updated"): two writes a second apart differ
                // there (it failed so on a busy machine), and in nothing else.
                auto bundle = [](const std::string& draft) {
                    nlohmann::json b = nlohmann::json::parse(draft)["bundle"];
                    b.erase("updated");
                    return b;
                };
                ASSERT_EQ(bundle(other.draft_to_save()), bundle(stored))
                    << "seed " << seed << ", step " << step << ", " << did;
            }
            layer.new_action();
            std::vector<const ui::A11yNode*> can;
            actionable(r.app.a11y_tree(), can);
            ASSERT_FALSE(can.empty());
            const ui::A11yNode& n = *can[std::uniform_int_distribution<std::size_t>(0, can.size() - 1)(rng)];
            did = "\"" + n.name + "\"";
            if (phone && std::uniform_int_distribution<int>(0, 5)(rng) == 0) {
                ImGuiIO& io = ImGui::GetIO();
                io.MousePos = ImVec2(200, 300);
                io.MouseWheel = static_cast<float>(std::uniform_int_distribution<int>(-30, 30)(rng));
                did = "scrolled";
            } else if (n.role == ui::Role::TextBox || n.role == ui::Role::TextArea) {
                static const char* kTexts[] = {"", "Anna", "199506244178", "2027-03-01", "Bo kvar hemma, med stöd.",
                                               "x"};
                const std::string text = kTexts[std::uniform_int_distribution<int>(0, 5)(rng)];
                r.app.dom_focus(n.key, true);
                r.app.dom_text(n.key,
                               ui::DomText{text, static_cast<int>(text.size()), static_cast<int>(text.size()), false});
                did = "typed \"" + text + "\" into " + did;
            } else {
                r.app.dom_activate(n.key);
                did = "pressed " + did;
            }
            r.frame();
        }
    }
}

}  // namespace
}  // namespace sipprep
