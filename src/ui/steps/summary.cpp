// Sammanfattning: the to-do list from the rules (each with a way to its step), export and print,
// and everything on one page as the professional will read it.
#include "core/summary.hpp"
#include "imgui.h"
#include "ui/steps/step_context.hpp"
#include "ui/summary_view.hpp"

namespace sipprep::ui {

void draw_summary(StepContext& c) {
    paragraph(c.t("summary.intro"));
    bool any = false;
    for (Severity sev : {Severity::Error, Severity::Warning}) {
        for (std::size_t i = 0; i < c.issues.size(); ++i) {
            const Issue& issue = c.issues[i];
            if (issue.severity != sev) continue;
            if (!any) {
                heading(c.t("summary.todo"), 3);
                begin_group(Role::List, "todo", c.t("summary.todo"));
                any = true;
            }
            Group item(Role::ListItem, "todo-" + std::to_string(i), "");
            const std::string text = describe(issue, c.lang);
            if (sev == Severity::Error)
                error_text(text);
            else
                paragraph(text);
            const StepId target = step_for_path(issue.path);
            if (button(trf(c.lang, "summary.go_to", {step_title(target, c.lang, c.child)}),
                       "todo-go-" + std::to_string(i), ButtonStyle::Quiet))
                c.requests.go_to_step = target;
        }
    }
    if (any)
        end_group();
    else
        paragraph(c.t("summary.all_done"));

    ImGui::Spacing();
    if (button(c.t("export.button"), "summary-export", ButtonStyle::Primary, c.t("export.help")))
        c.requests.export_file = true;
    ImGui::SameLine();
    if (button(c.t("print.button"), "summary-print")) c.requests.print_summary = true;
    if (!c.status.empty()) paragraph(c.status);

    ImGui::Spacing();
    ImGui::Separator();
    summary_view(build_summary(c.prep, c.lang, c.today, {}), "summary");
    ImGui::Spacing();
    if (button(c.t("start.evaluation"), "summary-evaluation", ButtonStyle::Quiet)) c.requests.go_to_evaluation = true;
}

}  // namespace sipprep::ui
