// A relative's contribution opened by the person: every item shown with its author, taken along
// or left one by one. Nothing joins the draft without that choice.
#include "app.hpp"

#include <algorithm>
#include <utility>

#include "core/labels.hpp"
#include "imgui.h"

namespace sipprep::ui {

void App::contribution_arrived(const std::string& name, ImportResult r) {
    FileFlow::Contribution c;
    c.name = name;
    c.review = review_contribution(draft_.prep, r.preparation, settings_.lang);
    c.result = std::move(r);
    c.choice.assign(c.review.items.size(), 0);
    files_.contribution = std::move(c);
    go_to(Screen::Review);
    a11y_.announce(trf(settings_.lang, "contribution.opened", {name}));
}

void App::review_screen() {
    if (!files_.contribution) {
        go_to(Screen::Start);
        return;
    }
    FileFlow::Contribution& c = *files_.contribution;
    const ContributionReview& r = c.review;
    const std::string who = author_label(c.result.preparation, r.relative.id, settings_.lang);
    // Whether they come is stored as a name ("yes"): shown in words.
    auto words = [&](const ContributionItem& item, const std::string& text) -> std::string {
        if (item.place != ContributionItem::Place::Attends) return text;
        return t(text == enum_name(YesNo::Yes) ? "summary.attends" : "summary.attends_not");
    };
    // After a choice the item's buttons go: focus moves on to the next item still open.
    auto focus_next_open = [&](std::size_t from) {
        for (std::size_t j = from + 1; j < r.items.size(); ++j)
            if (!r.items[j].present && c.choice[j] == 0) return focus_control("contrib-take-" + std::to_string(j));
        focus_control("contrib-done");
    };
    auto keep_version_before_replacing = [&] {
        if (std::exchange(c.version_kept, true)) return;
        host_.keep_version("contribution");
    };
    heading(trf(settings_.lang, "contribution.review.title", {who}), 2);
    paragraph(t("contribution.review.intro"));
    if (!c.result.preparation.owner.name.empty() && !draft_.prep.owner.name.empty() &&
        c.result.preparation.owner.name != draft_.prep.owner.name)
        error_text(trf(settings_.lang, "contribution.other_person",
                       {c.result.preparation.owner.name, draft_.prep.owner.name}));
    std::size_t open = 0;
    for (std::size_t i = 0; i < r.items.size(); ++i) {
        const ContributionItem& item = r.items[i];
        const std::string text = words(item, item.text);
        const std::string label = contribution_place_label(item.place, settings_.lang);
        Group group(Role::Group, "contrib-item-" + std::to_string(i), label);
        heading(label, 3);
        paragraph(trf(settings_.lang, "summary.writes", {who, text}));
        if (item.present) {
            muted(t("contribution.present"));
            continue;
        }
        if (!item.previous.empty()) muted(trf(settings_.lang, "contribution.replaces", {words(item, item.previous)}));
        if (c.choice[i] == 1) {
            muted(t("contribution.taken"));
        } else if (c.choice[i] == 2) {
            muted(t("contribution.left"));
            if (button(t("contribution.take"), "contrib-take-" + std::to_string(i), ButtonStyle::Quiet))
                c.choice[i] = 0;
        } else {
            ++open;
            // Their newer words take the place of what they wrote here before: said on the button,
            // and what was there is kept as a version first.
            const bool replaces = !item.previous.empty();
            if (button(t(replaces ? "contribution.take_instead" : "contribution.take"),
                       "contrib-take-" + std::to_string(i), ButtonStyle::Primary,
                       replaces ? t("contribution.take_instead.help") : std::string())) {
                if (replaces) keep_version_before_replacing();
                accept_contribution_item(draft_.prep, r, i);
                if (draft_.prep.owner.name.empty()) draft_.prep.owner.name = c.result.preparation.owner.name;
                c.choice[i] = 1;
                changed();
                announce(t("contribution.taken"));
                focus_next_open(i);
            }
            same_line();
            if (can_keep_both(item) && button(t("contribution.take_both"), "contrib-both-" + std::to_string(i),
                                              ButtonStyle::Normal, t("contribution.take_both.help"))) {
                accept_contribution_item(draft_.prep, r, i, true);
                c.choice[i] = 1;
                changed();
                announce(t("contribution.taken"));
                focus_next_open(i);
            }
            same_line();
            if (button(t("contribution.leave"), "contrib-leave-" + std::to_string(i))) {
                c.choice[i] = 2;
                announce(t("contribution.left"));
                focus_next_open(i);
            }
        }
    }
    if (r.items.empty() && r.left_out.empty()) paragraph(t("contribution.empty"));
    // Words the file holds where a contribution is not taken in: shown, to be written in by hand.
    if (!r.left_out.empty()) {
        Group group(Role::Group, "contrib-left-out", t("contribution.left_out"));
        heading(t("contribution.left_out"), 3);
        muted(trf(settings_.lang, "contribution.left_out.help", {who}));
        for (const std::string& line : r.left_out) paragraph("\u2022 " + line);
    }
    ImGui::Spacing();
    // Everything new at once; what would take the place of their earlier words stays to be chosen
    // one by one (taken all at once, a relative's words on this computer were gone unseen).
    std::size_t open_new = 0;
    for (std::size_t i = 0; i < r.items.size(); ++i)
        if (c.choice[i] == 0 && !r.items[i].present && r.items[i].previous.empty()) ++open_new;
    if (open > 1 && open_new > 0 && button(t("contribution.take_all"), "contrib-take-all")) {
        std::size_t first_left = r.items.size();
        for (std::size_t i = 0; i < r.items.size(); ++i) {
            if (c.choice[i] != 0 || r.items[i].present) continue;
            if (!r.items[i].previous.empty()) {
                first_left = std::min(first_left, i);
                continue;
            }
            accept_contribution_item(draft_.prep, r, i);
            c.choice[i] = 1;
        }
        if (draft_.prep.owner.name.empty()) draft_.prep.owner.name = c.result.preparation.owner.name;
        changed();
        if (first_left < r.items.size()) {
            announce(trf(settings_.lang, "contribution.taken_all.left", {who}));
            focus_control("contrib-take-" + std::to_string(first_left));
        } else {
            announce(t("contribution.taken_all"));
            focus_control("contrib-done");
        }
    }
    if (button(t("contribution.done"), "contrib-done", ButtonStyle::Primary)) {
        files_.contribution.reset();
        go_to(Screen::Steps, StepId::AboutYou);
        return;
    }
    // The relative themselves, on another computer: their own file, to go on writing.
    ImGui::Spacing();
    if (button(t("contribution.mine"), "contrib-mine", ButtonStyle::Quiet)) {
        FileFlow::Contribution mine = std::move(*files_.contribution);
        files_.contribution.reset();
        if (!draft_has_content() || saved_as_file()) {
            take_file(mine.name, std::move(mine.result), FilePurpose::Draft);
        } else {
            // Words here would go: asked first, as for any file that replaces the draft.
            files_.pending = FileFlow::Pending{mine.name, std::move(mine.result), FilePurpose::Draft};
            go_to(Screen::Start);
        }
    }
}

}  // namespace sipprep::ui
