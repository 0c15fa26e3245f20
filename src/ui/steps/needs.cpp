// Per life area: what the person can do and what they need help with.
#include <algorithm>

#include "core/enum_names.hpp"
#include "core/labels.hpp"
#include "imgui.h"
#include "ui/steps/step_context.hpp"

namespace sipprep::ui {
namespace {

std::string need_id(const std::vector<AreaNeeds>& needs, std::size_t i) {
    return "need-" + std::string(enum_name(needs[i].area)) + "-" + std::to_string(i);
}

bool area_present(const std::vector<AreaNeeds>& needs, LifeArea area) {
    return area != LifeArea::Other &&
           std::any_of(needs.begin(), needs.end(), [&](const AreaNeeds& n) { return n.area == area; });
}

LifeArea first_area_to_add(const std::vector<AreaNeeds>& needs) {
    for (std::size_t a = 0; a < enum_count<LifeArea>(); ++a)
        if (!area_present(needs, static_cast<LifeArea>(a))) return static_cast<LifeArea>(a);
    return LifeArea::Other;
}

// After an area goes: the next area's first field, else the list of areas to add.
void focus_after_removing(StepContext& c, std::size_t i) {
    if (i < c.prep.needs.size())
        focus_control(c.prep.needs[i].area == LifeArea::Other ? need_id(c.prep.needs, i) + "-label"
                                                              : need_id(c.prep.needs, i) + "-can-" + c.author);
    else
        focus_control("need-add-" + std::string(enum_name(first_area_to_add(c.prep.needs))));
}

// The names of those other than the one writing now who wrote in area `n` ("Kent själv"), or "".
std::string others_words(const StepContext& c, const AreaNeeds& n) {
    std::vector<std::string> ids;
    for (const Voices* v : {&n.can_do_myself, &n.need_help_with})
        for (const Entry& e : v->entries)
            if (e.author != c.author && std::find(ids.begin(), ids.end(), e.author) == ids.end())
                ids.push_back(e.author);
    std::string names;
    for (const std::string& id : ids) names += (names.empty() ? "" : ", ") + c.author_name(id);
    return names;
}

}  // namespace

void draw_needs(StepContext& c) {
    paragraph(c.prompt("needs.intro"));
    for (std::size_t i = 0; i < c.prep.needs.size(); ++i) {
        AreaNeeds& n = c.prep.needs[i];
        const std::string id = need_id(c.prep.needs, i);
        const std::string title = area_label(n, c.lang);
        Group group(Role::Group, id, title);
        heading(title, 3);
        if (n.area == LifeArea::Other) c.mark(text_field(c.t("needs.other_label"), id + "-label", &n.other_label));
        c.voices_field(c.prompt("needs.can_do"), id + "-can", n.can_do_myself);
        c.voices_field(c.prompt("needs.need_help"), id + "-help", n.need_help_with);
        // Someone else's words go only when the one writing now says so, knowing whose they are.
        const std::string others = others_words(c, n);
        const bool has_text = !n.can_do_myself.entries.empty() || !n.need_help_with.entries.empty();
        const std::string ask = !others.empty() ? trf(c.lang, "remove.others", {others})
                                : has_text      ? c.t("needs.remove.confirm")
                                                : std::string();
        if (c.remove_button(trf(c.lang, "needs.remove", {title}), id, ask, c.state.needs.remove_pending)) {
            c.change_list(
                [](StepContext& c, std::size_t i, const std::string& title) {
                    c.prep.needs.erase(c.prep.needs.begin() + static_cast<long>(i));
                    announce(trf(c.lang, "needs.removed", {title}));
                    focus_after_removing(c, i);
                    c.mark(true);
                },
                i, title);
        }
        ImGui::Separator();
    }
    heading(c.t("needs.add.title"), 3);
    begin_group(Role::Group, "needs-add", c.t("needs.add.title"));
    for (std::size_t a = 0; a < enum_count<LifeArea>(); ++a) {
        const LifeArea area = static_cast<LifeArea>(a);
        if (area_present(c.prep.needs, area)) continue;
        if (button("+ " + enum_label(c.lang, area), "need-add-" + std::string(enum_name(area)))) {
            AreaNeeds n;
            n.area = area;
            c.prep.needs.push_back(n);
            // The new area's first field, not the button that is now gone.
            const std::size_t i = c.prep.needs.size() - 1;
            focus_control(area == LifeArea::Other ? need_id(c.prep.needs, i) + "-label"
                                                  : need_id(c.prep.needs, i) + "-can-" + c.author);
            announce(trf(c.lang, "needs.added", {enum_label(c.lang, area)}));
            c.mark(true);
        }
    }
    end_group();
}

}  // namespace sipprep::ui
