// "Vad är viktigt för dig?": the long-term goal in each contributor's words, and short-term goals.
#include <algorithm>
#include <functional>
#include <string>

#include "core/enum_names.hpp"
#include "core/labels.hpp"
#include "imgui.h"
#include "ui/steps/step_context.hpp"

namespace sipprep::ui {

namespace {

std::string short_term_id(std::size_t i) { return "short-" + std::to_string(i); }

// Everything short-term goal `i` shows: out of view and unchanged, it is not drawn again.
std::size_t short_term_signature(const StepContext& c, std::size_t i, std::size_t author_hash) {
    const std::size_t words = hash_combine(std::hash<std::string>{}(c.prep.goals.short_term[i].text), author_hash);
    return list_item_signature(words, c, i, c.prep.goals.short_term.size(),
                               c.state.goal.remove_pending == short_term_id(i));
}

void remove_short_term(StepContext& c, std::size_t i, const std::string&) {
    remove_list_item(
        c, c.prep.goals.short_term, i, "goal.short.removed", [](std::size_t j) { return short_term_id(j) + "-remove"; },
        "short-add");
}

void draw_short_term_goal(StepContext& c, std::size_t i, std::size_t signature) {
    Entry& e = c.prep.goals.short_term[i];
    const std::string id = short_term_id(i);
    CachedRegion region(id + "-region", signature);
    if (!region.draw()) return;
    const std::string name = trf(c.lang, "goal.short.item", {std::to_string(i + 1)});
    if (e.author == c.author)
        c.mark(text_field(name, id, &e.text));
    else
        paragraph(name + ": " + e.text + " (" + c.author_name(e.author) + ")");
    // Words go only when the one writing now says so: someone else's, or their own.
    const std::string ask = e.text.empty()         ? ""
                            : e.author != c.author ? trf(c.lang, "remove.others", {c.author_name(e.author)})
                                                   : c.t("agreed.sub_goal.remove.confirm");
    if (c.remove_button(trf(c.lang, "goal.short.remove", {std::to_string(i + 1)}), id, ask,
                        c.state.goal.remove_pending))
        c.change_list(remove_short_term, i);
}

}  // namespace

void draw_goal(StepContext& c) {
    paragraph(c.prompt("goal.intro"));
    muted(c.prompt("goal.examples"));  // a child's own examples in a child's plan
    if (c.prep.kind == PreparationKind::FollowUp && !c.earlier) {
        // Without the earlier plan there is nothing to show beside: offer to open it.
        Group group(Role::Group, "earlier", c.t("earlier.title"));
        heading(c.t("earlier.title"), 3);
        muted(c.t("earlier.none"));
        if (button(c.t("earlier.open"), "earlier-open")) c.requests.pick_earlier_plan = true;
        ImGui::Separator();
    }
    FieldOptions o;
    o.min_lines = 4;
    o.help = c.prompt("goal.help");
    c.voices_field(c.prompt("goal.question"), "goal", c.prep.goals.long_term, o);
    c.earlier_voices("goal", c.earlier ? &c.earlier->goals.long_term : nullptr, c.prep.goals.long_term);

    ImGui::Spacing();
    heading(c.t("goal.short.title"), 3);
    muted(c.t("goal.short.help"));
    AuthorHashes author_hash(c);
    // In runs of cached regions (widgets.hpp): a long list costs about the same per frame at any length.
    draw_in_runs(
        c.prep.goals.short_term.size(), "shortr-",
        [&](std::size_t i) { return short_term_signature(c, i, author_hash(c.prep.goals.short_term[i].author)); },
        [&](std::size_t i, std::size_t signature) { draw_short_term_goal(c, i, signature); });
    if (c.earlier) {
        // Last time's short-term goals: each can come along (and then be changed or removed).
        std::vector<const std::string*> then, now;
        for (const Entry& e : c.earlier->goals.short_term) then.push_back(&e.text);
        for (const Entry& e : c.prep.goals.short_term) now.push_back(&e.text);
        const int taken = c.earlier_items("short", then, now);
        if (taken >= 0) {
            c.prep.goals.short_term.push_back(c.earlier->goals.short_term[static_cast<std::size_t>(taken)]);
            c.mark(true);
        }
    }
    if (button(c.t("goal.short.add"), "short-add")) {
        c.prep.goals.short_term.push_back(Entry{c.author, ""});
        focus_control(short_term_id(c.prep.goals.short_term.size() - 1));
        c.mark(true);
    }
}

}  // namespace sipprep::ui
