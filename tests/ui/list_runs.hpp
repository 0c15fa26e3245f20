// What the tests of long lists drawn in runs (question_runs_test.cpp, short_term_runs_test.cpp)
// share: an app in a short window whose page a11y layer is kept from the patches it sent, and the
// random actions that do not depend on the list (scrolling, another tab's change, a step away and
// back).
#pragma once

#include <random>
#include <string>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app_driver.hpp"
#include "page_a11y_layer.hpp"

namespace sipprep::test {

struct ListRuns {
    AppRun run{700};
    PageA11yLayer layer;
    std::size_t replayed = 0;

    // `draft` opened on its step, in a window that shows a few items at a time.
    explicit ListRuns(const std::string& draft) {
        ImGui::GetIO().DisplaySize = ImVec2(700, 500);
        run.app.draft_loaded(draft);
        run.frame();
        press(run.h, run.app, "Fortsätt");
        run.frame();
    }

    // The page's a11y layer, every patch so far applied, is the app's tree now.
    // `away_and_back`: the person went to another screen or came back from it. What left the layer
    // then may come back with the next patch: the frames between, with nothing new, sent none.
    void expect_layer_is_the_tree(const std::string& after, bool away_and_back = false) {
        auto& sent = run.host.asked.update_a11y;
        for (; replayed < sent.size(); ++replayed) {
            std::string why;
            ASSERT_TRUE(layer.apply(sent[replayed].patch, &why)) << after << ": " << why;
            if (!away_and_back)
                for (const std::string& key : layer.churned())
                    ADD_FAILURE() << after << ": " << key << " away for one frame";
        }
        EXPECT_EQ(layer.tree(), nlohmann::json::parse(ui::a11y_tree_json(run.app.a11y_tree()))) << after;
    }

    // `text` in `field` as the page's field sends it, the caret at its end, the field focused.
    void type(const ui::A11yNode& field, const std::string& text) {
        const std::string key = field.key;  // the node may go with the next frame
        run.app.dom_focus(key, true);
        run.app.dom_text(key, ui::DomText{text, static_cast<int>(text.size()), static_cast<int>(text.size()), false});
    }

    // One of the actions that do not depend on the list, `which` of three: a turn of the mouse
    // wheel over it (up or, more often, down); another tab changing the text at `text` (in the
    // bundle's content); a step away and back, after which the list's regions are drawn again from
    // their cache. Returns what it was.
    std::string other_action(std::size_t which, std::mt19937& rng, const nlohmann::json::json_pointer& text, int step) {
        auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
        if (which == 0) {
            ImGuiIO& io = ImGui::GetIO();
            io.MousePos = ImVec2(300, 300);
            io.MouseWheel = pick(3) ? -static_cast<float>(1 + pick(40)) : static_cast<float>(1 + pick(40));
            return "scrolled";
        }
        if (which == 1) {
            nlohmann::json draft = nlohmann::json::parse(run.app.draft_to_save());
            draft["bundle"]["content"][text] = "Ändrat i en annan flik " + std::to_string(step);
            run.app.draft_reloaded(draft.dump(), true);
            return text.to_string() + " changed in another tab";
        }
        press(run.h, run.app, "Nästa");
        expect_layer_is_the_tree("on the next step", true);
        press(run.h, run.app, "Föregående");
        expect_layer_is_the_tree("back from the next step", true);
        return "back from the next step";
    }
};

}  // namespace sipprep::test
