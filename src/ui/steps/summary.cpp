// Sammanfattning: the to-do list from the rules (each with a way to its step), export and print,
// and everything on one page as the professional will read it.
#include <algorithm>

#include "core/schema_check.hpp"
#include "core/summary.hpp"
#include "imgui.h"
#include "ui/steps/step_context.hpp"
#include "ui/summary_view.hpp"

namespace sipprep::ui {

// Our advice, not the format's: shorter passphrases are guessed too easily. Characters, not bytes.
bool passphrase_long_enough(const std::string& passphrase) {
    int chars = 0;
    for (char ch : passphrase)
        if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++chars;
    return chars >= kMinPassphraseChars;
}

namespace {

// "Skydda filen med lösenord": the passphrase twice, checked when the person saves.
void protect_choice(StepContext& c) {
    StepStates::Summary& s = c.state.summary;
    checkbox(c.t("protect.checkbox"), "summary-protect", &s.protect, c.t("protect.help"));
    if (!s.protect) return;
    indent();
    FieldOptions o;
    o.secret = true;
    o.help = trf(c.lang, "protect.passphrase.help", {std::to_string(kMinPassphraseChars)});
    if (s.tried && !passphrase_long_enough(s.passphrase))
        o.error = trf(c.lang, "protect.too_short", {std::to_string(kMinPassphraseChars)});
    text_field(c.t("passphrase.label"), "protect-passphrase", &s.passphrase, o);
    FieldOptions again;
    again.secret = true;
    if (s.tried && s.repeat != s.passphrase) again.error = c.t("protect.mismatch");
    text_field(c.t("protect.repeat"), "protect-repeat", &s.repeat, again);
    unindent();
}

// A file with errors is still worth saving (nothing is lost), but the person hears what is wrong first.
void save_with_errors(StepContext& c, const std::string& id) {
    std::vector<const Issue*> errors;
    for (const Issue& i : c.issues)
        if (i.severity == Severity::Error) errors.push_back(&i);
    Group group(Role::Alert, id + "-errors", c.t("export.errors.title"));
    error_text(
        trf(c.lang, errors.size() == 1 ? "export.errors.one" : "export.errors.many", {std::to_string(errors.size())}));
    constexpr std::size_t kNamed = 5;
    for (std::size_t i = 0; i < errors.size() && i < kNamed; ++i) paragraph("• " + describe(*errors[i], c.lang));
    if (errors.size() > kNamed) paragraph(trf(c.lang, "export.errors.more", {std::to_string(errors.size() - kNamed)}));
    // Beyond the format's limits the file would be refused by everyone who opens it: no "anyway".
    const bool unreadable = std::any_of(errors.begin(), errors.end(), [](const Issue* i) { return beyond_limits(*i); });
    if (unreadable) paragraph(c.t("export.errors.too_long"));
    if (button(c.t("export.errors.fix"), id + "-fix", ButtonStyle::Primary)) {
        c.state.summary.confirm_errors = false;
        if (const auto step = step_for_path(errors.front()->path, c.prep))
            c.requests.go_to_step = step;
        else
            c.requests.go_to_evaluation = true;
    }
    if (unreadable) return;
    same_line();
    if (button(c.t("export.errors.anyway"), id + "-anyway")) {
        c.state.summary.confirm_errors = false;
        c.requests.export_file = true;
    }
}

}  // namespace

void save_file_button(StepContext& c, const std::string& id) {
    StepStates::Summary& s = c.state.summary;
    if (button(c.t("export.button"), id, ButtonStyle::Primary, c.t("export.help"))) {
        s.save_tried = true;
        if (has_errors(c.issues)) {
            s.confirm_errors = true;
            s.confirm_at = id;
            focus_control(id + "-fix");
        } else {
            c.requests.export_file = true;
        }
    }
}

void save_file_questions(StepContext& c, const std::string& id) {
    const StepStates::Summary& s = c.state.summary;
    if (s.confirm_errors && s.confirm_at == id && has_errors(c.issues)) save_with_errors(c, id);
}

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
            const std::optional<StepId> target = step_for_path(issue.path, c.prep);
            const std::string where = target ? step_title(*target, c.lang, c.child) : c.t("eval.title");
            if (button(trf(c.lang, "summary.go_to", {where}), "todo-go-" + std::to_string(i), ButtonStyle::Quiet)) {
                if (target)
                    c.requests.go_to_step = target;
                else
                    c.requests.go_to_evaluation = true;
            }
        }
    }
    if (any)
        end_group();
    else
        paragraph(c.t("summary.all_done"));

    ImGui::Spacing();
    // What must not be raised goes with the file: said before it is given to someone (a parent it
    // was about opened it to give his own consent).
    if (!c.prep.participation.topics_to_avoid.entries.empty()) muted(c.t("summary.avoid_in_file"));
    protect_choice(c);
    save_file_button(c, "summary-export");
    same_line();
    if (button(c.t("print.button"), "summary-print", ButtonStyle::Normal, c.t("print.meeting.help")))
        c.requests.print_summary = true;
    if (!c.prep.participation.topics_to_avoid.entries.empty()) {
        same_line();
        if (button(c.t("print.convener"), "summary-print-convener", ButtonStyle::Normal, c.t("print.convener.help")))
            c.requests.print_convener = true;
    }
    save_file_questions(c, "summary-export");
    if (!c.status.empty()) paragraph(c.status);
    if (!c.storage_kept) muted(c.t("storage.not_kept"));

    ImGui::Spacing();
    ImGui::Separator();
    summary_view(build_summary(c.prep, c.lang, c.today, {}), "summary");
    ImGui::Spacing();
    if (button(c.t("start.evaluation"), "summary-evaluation", ButtonStyle::Quiet)) c.requests.go_to_evaluation = true;
}

}  // namespace sipprep::ui
