// Per life area: what the person can do and what they need help with.
#include <algorithm>

#include "core/enum_names.hpp"
#include "core/labels.hpp"
#include "imgui.h"
#include "ui/steps/step_context.hpp"

namespace sipprep::ui {

void draw_needs(StepContext& c) {
    paragraph(c.child ? c.t("needs.intro.child") : c.t("needs.intro"));
    for (std::size_t i = 0; i < c.prep.needs.size(); ++i) {
        AreaNeeds& n = c.prep.needs[i];
        const std::string area(enum_name(n.area));
        const std::string id = "need-" + area + "-" + std::to_string(i);
        const std::string title =
            n.area == LifeArea::Other && !n.other_label.empty() ? n.other_label : enum_label(c.lang, "area", n.area);
        Group group(Role::Group, id, title);
        heading(title, 3);
        if (n.area == LifeArea::Other) c.mark(text_field(c.t("needs.other_label"), id + "-label", &n.other_label));
        c.voices_field(c.t("needs.can_do"), id + "-can", n.can_do_myself);
        c.voices_field(c.child ? c.t("needs.need_help.child") : c.t("needs.need_help"), id + "-help", n.need_help_with);
        const bool has_text = !n.can_do_myself.entries.empty() || !n.need_help_with.entries.empty();
        if (c.state.needs.remove_pending == id) {
            paragraph(c.t("needs.remove.confirm"));
            if (button(c.t("needs.remove.yes"), id + "-remove-yes", ButtonStyle::Danger)) {
                c.prep.needs.erase(c.prep.needs.begin() + static_cast<long>(i));
                c.state.needs.remove_pending.clear();
                c.mark(true);
                break;
            }
            ImGui::SameLine();
            if (button(c.t("needs.remove.no"), id + "-remove-no")) c.state.needs.remove_pending.clear();
        } else if (button(trf(c.lang, "needs.remove", {title}), id + "-remove", ButtonStyle::Quiet)) {
            if (has_text) {
                c.state.needs.remove_pending = id;
            } else {
                c.prep.needs.erase(c.prep.needs.begin() + static_cast<long>(i));
                c.mark(true);
                break;
            }
        }
        ImGui::Separator();
    }
    heading(c.t("needs.add.title"), 3);
    begin_group(Role::Group, "needs-add", c.t("needs.add.title"));
    for (std::size_t a = 0; a < enum_count<LifeArea>(); ++a) {
        const LifeArea area = static_cast<LifeArea>(a);
        const bool present = std::any_of(c.prep.needs.begin(), c.prep.needs.end(),
                                         [&](const AreaNeeds& n) { return n.area == area && area != LifeArea::Other; });
        if (present) continue;
        if (button("+ " + enum_label(c.lang, "area", area), "need-add-" + std::string(enum_name(area)))) {
            AreaNeeds n;
            n.area = area;
            c.prep.needs.push_back(n);
            c.mark(true);
        }
    }
    end_group();
}

}  // namespace sipprep::ui
