// The questions to raise at the meeting, in the person's order.
#include <algorithm>
#include <functional>

#include "core/enum_names.hpp"
#include "core/labels.hpp"
#include "imgui.h"
#include "ui/steps/step_context.hpp"

namespace sipprep::ui {

void draw_questions(StepContext& c) {
    paragraph(c.prompt("questions.intro"));
    begin_group(Role::List, "questions", c.t("questions.list"));
    for (std::size_t i = 0; i < c.prep.questions.size(); ++i) {
        Question& q = c.prep.questions[i];
        const std::string id = "q-" + q.id;
        // Everything the item shows; out of view and unchanged, it is not drawn again.
        const std::hash<std::string> h;
        std::size_t signature = h(q.text);
        for (std::size_t part :
             {h(q.for_whom), h(q.author == c.author ? std::string() : c.author_name(q.author)),
              static_cast<std::size_t>(q.priority), i, c.prep.questions.size(), static_cast<std::size_t>(c.lang)})
            signature = hash_combine(signature, part);
        CachedRegion region(id, signature);
        if (!region.draw()) continue;
        Group group(Role::ListItem, id, "");
        const std::string number = std::to_string(i + 1);
        FieldOptions o;
        o.multiline = true;
        o.min_lines = 1;
        if (q.author != c.author) o.help = trf(c.lang, "voices.other", {c.author_name(q.author)});
        c.mark(text_field(trf(c.lang, "questions.item", {number}), id + "-text", &q.text, o));
        bool important = q.priority == Priority::High;
        if (checkbox(trf(c.lang, "questions.important", {number}), id + "-important", &important)) {
            q.priority = important ? Priority::High : Priority::None;
            c.mark(true);
        }
        c.mark(text_field(trf(c.lang, "questions.for_whom", {number}), id + "-for", &q.for_whom));
        // A moved question keeps focus on the same kind of button at its new place (or the other
        // one at either end of the list).
        auto focus_moved = [&](std::size_t to, bool up) {
            const bool has_up = to > 0, has_down = to + 1 < c.prep.questions.size();
            focus_control(id + ((up && has_up) || !has_down ? "-up" : "-down"));
        };
        if (i > 0) {
            if (button(trf(c.lang, "questions.up", {number}), id + "-up")) {
                std::swap(c.prep.questions[i], c.prep.questions[i - 1]);
                announce(trf(c.lang, "questions.moved", {std::to_string(i)}));
                focus_moved(i - 1, true);
                c.mark(true);
            }
            same_line();
        }
        if (i + 1 < c.prep.questions.size()) {
            if (button(trf(c.lang, "questions.down", {number}), id + "-down")) {
                std::swap(c.prep.questions[i], c.prep.questions[i + 1]);
                announce(trf(c.lang, "questions.moved", {std::to_string(i + 2)}));
                focus_moved(i + 1, false);
                c.mark(true);
            }
            same_line();
        }
        auto remove = [&] {
            c.prep.questions.erase(c.prep.questions.begin() + static_cast<long>(i));
            announce(c.t("questions.removed"));
            // The next question takes the place; after the last, the previous one; else the new-question field.
            if (i < c.prep.questions.size())
                focus_control("q-" + c.prep.questions[i].id + "-text");
            else if (i > 0)
                focus_control("q-" + c.prep.questions[i - 1].id + "-text");
            else
                focus_control("q-new");
            c.mark(true);
        };
        // Someone else's question goes only when the one writing now says so.
        const std::string ask =
            q.author != c.author && !q.text.empty() ? trf(c.lang, "remove.others", {c.author_name(q.author)}) : "";
        if (c.state.questions.remove_pending == id) ImGui::NewLine();  // the question under the buttons
        if (c.remove_button(trf(c.lang, "questions.remove", {number}), id, ask, c.state.questions.remove_pending)) {
            remove();
            break;
        }
        ImGui::Separator();
    }
    end_group();
    if (c.earlier) {
        // Last time's questions, each can come along to be asked again.
        std::vector<const std::string*> then, now;
        for (const Question& q : c.earlier->questions) then.push_back(&q.text);
        for (const Question& q : c.prep.questions) now.push_back(&q.text);
        const int taken = c.earlier_items("q", then, now);
        if (taken >= 0) {
            Question kept = c.earlier->questions[static_cast<std::size_t>(taken)];
            kept.id = c.new_id("q");
            c.prep.questions.push_back(kept);
            c.mark(true);
        }
    }
    FieldOptions o;
    o.multiline = true;
    o.min_lines = 2;
    o.help = c.t("questions.new.help");
    text_field(c.t("questions.new"), "q-new", &c.state.questions.new_text, o);
    if (button(c.t("questions.add"), "q-add", ButtonStyle::Primary) && !c.state.questions.new_text.empty()) {
        c.prep.questions.push_back(Question{c.new_id("q"), c.author, c.state.questions.new_text, Priority::None, ""});
        c.state.questions.new_text.clear();
        announce(trf(c.lang, "questions.added", {std::to_string(c.prep.questions.size())}));
        c.mark(true);
    }
}

}  // namespace sipprep::ui
