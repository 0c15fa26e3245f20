// Sammanfattning: the to-do list from the rules (each with a way to the step), everything on
// one page, and export and print.
#include "app.hpp"
#include "core/clock.hpp"
#include "core/summary.hpp"
#include "imgui.h"
#include "platform/platform.hpp"

namespace sipprep::ui {
namespace {

// The step where the field of an issue is filled in.
StepId step_for_path(const std::string& path) {
    struct Route {
        const char* prefix;
        StepId step;
    };
    static const Route routes[] = {
        {"/content/goals", StepId::Goal},          {"/content/follow_up", StepId::FollowUp},
        {"/content/situation", StepId::Now},       {"/content/needs", StepId::Needs},
        {"/content/questions", StepId::Questions}, {"/content/invitations", StepId::Invite},
        {"/content/participation", StepId::Participation}, {"/content/consents", StepId::Consent},
    };
    for (const Route& r : routes)
        if (path.rfind(r.prefix, 0) == 0) return r.step;
    return StepId::AboutYou;
}

}  // namespace

void App::step_summary() {
    paragraph(t("summary.intro"));
    bool any = false;
    for (Severity sev : {Severity::Error, Severity::Warning}) {
        for (std::size_t i = 0; i < issues_.size(); ++i) {
            const Issue& issue = issues_[i];
            if (issue.severity != sev) continue;
            if (!any) {
                heading(t("summary.todo"), 3);
                begin_group(Role::List, "todo", t("summary.todo"));
                any = true;
            }
            begin_group(Role::ListItem, "todo-" + std::to_string(i), "");
            const std::string text = describe(issue, lang_);
            if (sev == Severity::Error) error_text(text);
            else paragraph(text);
            const StepId target = step_for_path(issue.path);
            if (button(trf(lang_, "summary.go_to", {step_title(target)}), "todo-go-" + std::to_string(i), ButtonStyle::Quiet))
                go_to(Screen::Steps, target);
            end_group();
        }
    }
    if (any) end_group();
    else paragraph(t("summary.all_done"));

    ImGui::Spacing();
    if (button(t("export.button"), "summary-export", ButtonStyle::Primary, t("export.help"))) export_file();
    ImGui::SameLine();
    if (button(t("print.button"), "summary-print")) print_summary();
    if (!status_.empty()) paragraph(status_);

    ImGui::Spacing();
    ImGui::Separator();
    // Everything on one page, as the professional will read it.
    summary_view(summary_text(prep_, lang_, today_, {}));
    ImGui::Spacing();
    if (button(t("start.evaluation"), "summary-evaluation", ButtonStyle::Quiet)) go_to(Screen::Evaluation);
}

void App::summary_view(const std::string& text) {
    // The plain-text summary (the same text the CLI prints): "====" underlines mark headings.
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(start, end - start);
        start = end + 1;
        std::size_t next_end = text.find('\n', start);
        if (next_end == std::string::npos) next_end = text.size();
        const std::string next = start < text.size() ? text.substr(start, next_end - start) : std::string();
        if (!next.empty() && next.find_first_not_of('=') == std::string::npos) {
            heading(line, 3);
            start = next_end + 1;
        } else if (!line.empty()) {
            paragraph(line);
        }
    }
}

void App::export_file() {
    BundleMeta meta;
    meta.updated = now_utc_iso();
    if (created_.empty()) created_ = meta.updated;
    meta.created = created_;
    meta.language = lang_;
    const std::string name = "sip-forberedelse-" + format_iso_date(today_) + ".json";
    platform::download_file(name, "application/json", export_bundle(prep_, meta));
    status_ = trf(lang_, "export.done", {name});
    announce(status_);
    changed_ = true;  // `created` is part of the draft
}

void App::print_summary() {
    platform::print_html(tr(lang_, "summary.title"), summary(prep_, lang_, today_, issues_, SummaryFormat::Html));
}

}  // namespace sipprep::ui
