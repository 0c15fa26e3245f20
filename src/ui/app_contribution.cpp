// A relative's contribution opened by the person: every item shown with its author, taken along
// or left one by one. Nothing joins the draft without that choice.
#include "app.hpp"
#include "core/labels.hpp"
#include "imgui.h"

namespace sipprep::ui {

void App::contribution_arrived(const std::string& name, ImportResult r) {
    OpenContribution c;
    c.name = name;
    c.review = review_contribution(prep_, r.preparation);
    c.result = std::move(r);
    c.choice.assign(c.review.items.size(), 0);
    contribution_ = std::move(c);
    go_to(Screen::Review);
    a11y_.announce(trf(lang_, "contribution.opened", {name}));
}

void App::review_screen() {
    if (!contribution_) {
        go_to(Screen::Start);
        return;
    }
    OpenContribution& c = *contribution_;
    const ContributionReview& r = c.review;
    const std::string who = author_label(c.result.preparation, r.relative.id, lang_);
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
    heading(trf(lang_, "contribution.review.title", {who}), 2);
    paragraph(t("contribution.review.intro"));
    if (!c.result.preparation.owner.name.empty() && !prep_.owner.name.empty() &&
        c.result.preparation.owner.name != prep_.owner.name)
        error_text(trf(lang_, "contribution.other_person", {c.result.preparation.owner.name, prep_.owner.name}));
    std::size_t open = 0;
    for (std::size_t i = 0; i < r.items.size(); ++i) {
        const ContributionItem& item = r.items[i];
        const std::string text = words(item, item.text);
        const std::string label = contribution_place_label(item.place, lang_);
        Group group(Role::Group, "contrib-item-" + std::to_string(i), label);
        heading(label, 3);
        paragraph(trf(lang_, "summary.writes", {who, text}));
        if (item.present) {
            muted(t("contribution.present"));
            continue;
        }
        if (!item.previous.empty()) muted(trf(lang_, "contribution.replaces", {words(item, item.previous)}));
        if (c.choice[i] == 1) {
            muted(t("contribution.taken"));
        } else if (c.choice[i] == 2) {
            muted(t("contribution.left"));
            if (button(t("contribution.take"), "contrib-take-" + std::to_string(i), ButtonStyle::Quiet))
                c.choice[i] = 0;
        } else {
            ++open;
            if (button(t("contribution.take"), "contrib-take-" + std::to_string(i), ButtonStyle::Primary)) {
                accept_contribution_item(prep_, r, i);
                if (prep_.owner.name.empty()) prep_.owner.name = c.result.preparation.owner.name;
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
    if (r.items.empty()) paragraph(t("contribution.empty"));
    ImGui::Spacing();
    if (open > 1 && button(t("contribution.take_all"), "contrib-take-all")) {
        for (std::size_t i = 0; i < r.items.size(); ++i) {
            if (c.choice[i] != 0 || r.items[i].present) continue;
            accept_contribution_item(prep_, r, i);
            c.choice[i] = 1;
        }
        if (prep_.owner.name.empty()) prep_.owner.name = c.result.preparation.owner.name;
        changed();
        announce(t("contribution.taken_all"));
        focus_control("contrib-done");
    }
    if (button(t("contribution.done"), "contrib-done", ButtonStyle::Primary)) {
        contribution_.reset();
        go_to(Screen::Steps, StepId::AboutYou);
        return;
    }
    // The relative themselves, on another computer: their own file, to go on writing.
    ImGui::Spacing();
    if (button(t("contribution.mine"), "contrib-mine", ButtonStyle::Quiet)) {
        OpenContribution mine = std::move(*contribution_);
        contribution_.reset();
        if (!draft_has_content() || saved_as_file()) {
            take_file(mine.name, std::move(mine.result), FileUse::Draft);
        } else {
            // Words here would go: asked first, as for any file that replaces the draft.
            pending_file_ = PendingFile{mine.name, std::move(mine.result), FileUse::Draft};
            go_to(Screen::Start);
        }
    }
}

}  // namespace sipprep::ui
