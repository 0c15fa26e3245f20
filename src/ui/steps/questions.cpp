// The questions to raise at the meeting, in the person's order.
#include <algorithm>
#include <functional>
#include <utility>
#include <vector>

#include "core/enum_names.hpp"
#include "core/labels.hpp"
#include "imgui.h"
#include "ui/steps/step_context.hpp"

namespace sipprep::ui {

namespace {

// Everything question `i` shows: out of view and unchanged, it is not drawn again.
std::size_t question_signature(const StepContext& c, std::size_t i, std::size_t author_hash) {
    const Question& q = c.prep.questions[i];
    const std::hash<std::string> h;
    std::size_t signature = h(q.text);
    for (std::size_t part : {h(q.id), h(q.for_whom), author_hash, static_cast<std::size_t>(q.priority), i,
                             c.prep.questions.size(), static_cast<std::size_t>(c.lang)})
        signature = hash_combine(signature, part);
    return signature;
}

// What a question's buttons asked for, done once the whole list is drawn: the frame shows every
// question once, as it was, and the next frame the list as changed. Done at once, a question
// moved down was drawn a second time in its new place, and a removal left the rest of the list
// out of that frame's tree (the a11y layer took those items away and made them again).
struct ListChange {
    enum class Kind { None, Up, Down, Remove } kind = Kind::None;
    std::size_t index = 0;
};

void draw_question(StepContext& c, std::size_t i, std::size_t signature, ListChange& change) {
    Question& q = c.prep.questions[i];
    const std::string id = "q-" + q.id;
    CachedRegion region(id, signature);
    if (!region.draw()) return;
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
    auto ask_for = [&](ListChange::Kind kind) {
        if (change.kind == ListChange::Kind::None) change = ListChange{kind, i};
    };
    if (i > 0) {
        if (button(trf(c.lang, "questions.up", {number}), id + "-up")) ask_for(ListChange::Kind::Up);
        same_line();
    }
    if (i + 1 < c.prep.questions.size()) {
        if (button(trf(c.lang, "questions.down", {number}), id + "-down")) ask_for(ListChange::Kind::Down);
        same_line();
    }
    // Someone else's question goes only when the one writing now says so.
    const std::string ask =
        q.author != c.author && !q.text.empty() ? trf(c.lang, "remove.others", {c.author_name(q.author)}) : "";
    if (c.state.questions.remove_pending == id) ImGui::NewLine();  // the question under the buttons
    if (c.remove_button(trf(c.lang, "questions.remove", {number}), id, ask, c.state.questions.remove_pending))
        ask_for(ListChange::Kind::Remove);
    ImGui::Separator();
}

void apply(StepContext& c, const ListChange& change) {
    std::vector<Question>& questions = c.prep.questions;
    const std::size_t i = change.index;
    switch (change.kind) {
        case ListChange::Kind::None:
            return;
        case ListChange::Kind::Up:
        case ListChange::Kind::Down: {
            const bool up = change.kind == ListChange::Kind::Up;
            const std::size_t to = up ? i - 1 : i + 1;
            const std::string id = "q-" + questions[i].id;
            std::swap(questions[i], questions[to]);
            announce(trf(c.lang, "questions.moved", {std::to_string(to + 1)}));
            // The moved question keeps focus on the same kind of button at its new place (or the
            // other one at either end of the list).
            const bool has_up = to > 0, has_down = to + 1 < questions.size();
            focus_control(id + ((up && has_up) || !has_down ? "-up" : "-down"));
            break;
        }
        case ListChange::Kind::Remove:
            questions.erase(questions.begin() + static_cast<long>(i));
            announce(c.t("questions.removed"));
            // The next question takes the place; after the last, the previous one; else the new-question field.
            if (i < questions.size())
                focus_control("q-" + questions[i].id + "-text");
            else if (i > 0)
                focus_control("q-" + questions[i - 1].id + "-text");
            else
                focus_control("q-new");
            break;
    }
    c.mark(true);
}

}  // namespace

void draw_questions(StepContext& c) {
    paragraph(c.prompt("questions.intro"));
    begin_group(Role::List, "questions", c.t("questions.list"));
    // Who wrote each question, as shown, hashed once per writer: a handful, looked for in turn.
    std::vector<std::pair<const std::string*, std::size_t>> author_hashes;
    auto author_hash = [&](const std::string& author) {
        for (const auto& [id, hash] : author_hashes)
            if (*id == author) return hash;
        const std::size_t hash = std::hash<std::string>{}(author == c.author ? std::string() : c.author_name(author));
        author_hashes.emplace_back(&author, hash);
        return hash;
    };
    // In runs, each a cached region of its questions: a run out of view is one node, not one per
    // question, so a long list costs about the same per frame at any length.
    std::size_t signatures[kRunLength];
    ListChange change;
    for (std::size_t begin = 0; begin < c.prep.questions.size(); begin += kRunLength) {
        const std::size_t end = std::min(c.prep.questions.size(), begin + kRunLength);
        std::size_t run_signature = end - begin;
        for (std::size_t i = begin; i < end; ++i) {
            signatures[i - begin] = question_signature(c, i, author_hash(c.prep.questions[i].author));
            run_signature = hash_combine(run_signature, signatures[i - begin]);
        }
        const std::string run_id = "qr-" + std::to_string(begin);  // never a question's "q-" + id
        CachedRegion run_region(run_id, run_signature);
        if (!run_region.draw()) continue;
        Group run(Role::Run, run_id, "");
        for (std::size_t i = begin; i < end; ++i) draw_question(c, i, signatures[i - begin], change);
    }
    apply(c, change);
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
