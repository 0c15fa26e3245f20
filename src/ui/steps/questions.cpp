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
    std::size_t words = h(q.text);
    for (std::size_t part : {h(q.id), h(q.for_whom), author_hash, static_cast<std::size_t>(q.priority)})
        words = hash_combine(words, part);
    return list_item_signature(words, c, i, c.prep.questions.size(), c.state.questions.remove_pending == "q-" + q.id);
}

void move(StepContext& c, std::size_t from, std::size_t to) {
    std::vector<Question>& questions = c.prep.questions;
    const std::string id = "q-" + questions[from].id;
    std::swap(questions[from], questions[to]);
    announce(trf(c.lang, "questions.moved", {std::to_string(to + 1)}));
    // The moved question keeps focus on the same kind of button at its new place (or the other
    // one at either end of the list).
    const bool up = to < from;
    const bool has_up = to > 0;
    const bool has_down = to + 1 < questions.size();
    focus_control(id + ((up && has_up) || !has_down ? "-up" : "-down"));
    c.mark(true);
}

void move_up(StepContext& c, std::size_t i, const std::string&) { move(c, i, i - 1); }
void move_down(StepContext& c, std::size_t i, const std::string&) { move(c, i, i + 1); }

void remove(StepContext& c, std::size_t i, const std::string&) {
    std::vector<Question>& questions = c.prep.questions;
    remove_list_item(
        c, questions, i, "questions.removed",
        [&](std::size_t j) {
            return "q-" + questions[j].id + (questions[j].author == c.author ? "-text" : "-important");
        },
        "q-new");
}

void draw_question(StepContext& c, std::size_t i, std::size_t signature) {
    Question& q = c.prep.questions[i];
    const std::string id = "q-" + q.id;
    CachedRegion region(id, signature);
    if (!region.draw()) return;
    Group group(Role::ListItem, id, "");
    const std::string number = std::to_string(i + 1);
    // Each writer edits their own words; another's question is shown as they wrote it, in their
    // name (edited here, the words would have been the one writing now's under the other's name).
    if (q.author == c.author) {
        FieldOptions o;
        o.multiline = true;
        o.min_lines = 1;
        c.mark(text_field(trf(c.lang, "questions.item", {number}), id + "-text", &q.text, o));
    } else {
        paragraph(trf(c.lang, "questions.item", {number}) + ": " + q.text + " \u2013 " + c.author_name(q.author));
    }
    bool important = q.priority == Priority::High;
    if (checkbox(trf(c.lang, "questions.important", {number}), id + "-important", &important)) {
        q.priority = important ? Priority::High : Priority::None;
        c.mark(true);
    }
    c.mark(text_field(trf(c.lang, "questions.for_whom", {number}), id + "-for", &q.for_whom));
    if (i > 0) {
        if (button(trf(c.lang, "questions.up", {number}), id + "-up")) c.change_list(move_up, i);
        same_line();
    }
    if (i + 1 < c.prep.questions.size()) {
        if (button(trf(c.lang, "questions.down", {number}), id + "-down")) c.change_list(move_down, i);
        same_line();
    }
    // A question goes only when the one writing now says so: someone else's, or their own.
    const std::string ask = q.text.empty()         ? ""
                            : q.author != c.author ? trf(c.lang, "remove.others", {c.author_name(q.author)})
                                                   : c.t("questions.remove.confirm");
    if (c.state.questions.remove_pending == id) ImGui::NewLine();  // the question under the buttons
    if (c.remove_button(trf(c.lang, "questions.remove", {number}), id, ask, c.state.questions.remove_pending))
        c.change_list(remove, i);
    ImGui::Separator();
}

}  // namespace

void draw_questions(StepContext& c) {
    paragraph(c.prompt("questions.intro"));
    begin_group(Role::List, "questions", c.t("questions.list"));
    AuthorHashes author_hash(c);
    // In runs, each a cached region of its questions: a run out of view is one node, not one per
    // question, so a long list costs about the same per frame at any length.
    draw_in_runs(
        c.prep.questions.size(), "qr-",  // never a question's "q-" + id
        [&](std::size_t i) { return question_signature(c, i, author_hash(c.prep.questions[i].author)); },
        [&](std::size_t i, std::size_t signature) { draw_question(c, i, signature); });
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
    o.help = trf(c.lang, "questions.new.help", {c.t("questions.add")});
    std::string& typed = c.state.unadded.question;  // kept with the draft
    const bool edited = text_field(c.t("questions.new"), "q-new", &typed, o);
    c.mark(edited);
    // Enter at the end adds the question, as the help says (pressed between three questions, it
    // made one question of three lines). A line break within the text stays.
    const bool entered = edited && !typed.empty() && typed.back() == '\n';
    while (entered && !typed.empty() && typed.back() == '\n') typed.pop_back();
    if (button(c.t("questions.add"), "q-add", ButtonStyle::Primary) || entered) {
        const std::string added = add_typed_question(c.prep, c.state.unadded, c.author, c.lang);
        if (!added.empty()) {
            announce(added);
            c.mark(true);
        }
        // Back to the emptied field, so that the next question typed straight on lands there (on the
        // button, its first letters went nowhere).
        focus_control("q-new");
    }
}

std::string add_typed_question(Preparation& prep, UnaddedTexts& unadded, const std::string& author, Lang lang) {
    if (unadded.question.empty()) return {};
    prep.questions.push_back(
        Question{new_id(prep, "q"), author, std::exchange(unadded.question, {}), Priority::None, ""});
    return trf(lang, "questions.added", {std::to_string(prep.questions.size())});
}

}  // namespace sipprep::ui
