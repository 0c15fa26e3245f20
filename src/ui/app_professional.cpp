// "Jag är yrkesverksam": open the person's file, see whether it is whole and sound, read it in
// the order a SIP meeting goes, copy it into the journal as text, print it. Nothing here
// changes a file.
#include "app.hpp"
#include "core/changes.hpp"
#include "core/clock.hpp"
#include "core/fhir.hpp"
#include "core/labels.hpp"
#include "core/summary.hpp"
#include "core/written_language.hpp"
#include "imgui.h"
#include "ui/summary_view.hpp"

namespace sipprep::ui {

// With two files of the same person open: what changed since the earlier one, in words. A
// relative's contribution is not a version of the plan (nor the plan of a contribution): every
// word of one would read as removed from the other.
void App::professional_changes(ProfessionalState::Opened& o) {
    const auto contribution = [](const ProfessionalState::Opened& f) {
        return f.result.preparation.kind == PreparationKind::Contribution;
    };
    const ProfessionalState::Opened* earlier = nullptr;
    for (const ProfessionalState::Opened& other : professional_.opened) {
        if (&other == &o || !other.result.readable || other.result.meta.updated >= o.result.meta.updated) continue;
        if (!same_person(other.result.preparation, o.result.preparation)) continue;
        if (contribution(other) != contribution(o)) continue;
        if (!earlier || other.result.meta.updated > earlier->result.meta.updated) earlier = &other;
    }
    if (!earlier) return;
    const std::string label = trf(settings_.lang, "pro.changes", {earlier->name});
    if (button(o.show_changes ? t("pro.changes.hide") : label, "pro-changes")) o.show_changes = !o.show_changes;
    if (!o.show_changes) return;
    const std::string key =
        earlier->name + '\n' + earlier->result.meta.updated + '\n' + std::string(lang_code(settings_.lang));
    if (!o.changes || o.changes_key != key) {
        o.changes = compare_preparations(earlier->result.preparation, o.result.preparation, settings_.lang, today_);
        o.changes_key = key;
    }
    Group group(Role::Group, "pro-changes-view", label);
    summary_view(*o.changes, "pro-changes-view");
}

// Closes the file shown; its neighbour shows next (the one after it, else the one before), and
// the person hears which. Focus goes to the list of files (or "Öppna fil" when none is left), not
// to a "Stäng filen" that now belongs to another file.
void App::close_opened_file() {
    const auto at = static_cast<std::size_t>(professional_.index);
    const std::string closed = professional_.opened[at].name;
    professional_.opened.erase(professional_.opened.begin() + static_cast<std::ptrdiff_t>(at));
    const int left = static_cast<int>(professional_.opened.size());
    professional_.index = std::min(professional_.index, left - 1);
    status_.clear();
    if (left == 0) {
        a11y_.announce(trf(settings_.lang, "pro.closed", {closed}));
        focus_control("pro-open");
        return;
    }
    const std::string& shown = professional_.opened[static_cast<std::size_t>(professional_.index)].name;
    a11y_.announce(trf(settings_.lang, "pro.closed.showing", {closed, shown}));
    if (left > 1)
        focus_control("pro-files-" + std::to_string(professional_.index));
    else
        focus_heading(shown);
}

void App::professional_screen() {
    heading(t("pro.title"), 2);
    paragraph(t("pro.intro"));
    if (button(t("pro.open"), "pro-open", ButtonStyle::Primary)) pick_file(FilePurpose::Read);
    drawn_text(t("start.drop"));  // for a mouse; the keyboard has the button
    if (!later_texts_here("pro.report")) {
        if (button(t("nav.start"), "pro-back")) go_to(Screen::Start);
        return;
    }

    if (professional_.opened.size() > 1) {
        std::vector<std::string> names;
        for (const ProfessionalState::Opened& o : professional_.opened) names.push_back(o.name);
        radio_group(t("pro.files"), "pro-files", names, &professional_.index);
    }
    if (professional_.index < 0 || professional_.index >= static_cast<int>(professional_.opened.size())) {
        ImGui::Spacing();
        if (button(t("nav.start"), "pro-back")) go_to(Screen::Start);
        return;
    }
    ProfessionalState::Opened& o = professional_.opened[static_cast<std::size_t>(professional_.index)];
    const ImportResult& r = o.result;
    ImGui::Separator();
    heading(o.name, 2);

    // The check first: can it be read, is it valid, is it as exported.
    {
        Group group(Role::Group, "pro-report", t("pro.report"));
        heading(t("pro.report"), 3);
        if (!r.readable) {
            error_text(t("pro.unreadable"));
        } else {
            if (r.valid())
                paragraph(t("pro.valid"));
            else
                error_text(t("pro.invalid"));
            const std::string& integrity =
                tr(settings_.lang, std::string("pro.integrity.") + integrity_name(r.integrity));
            if (r.integrity == Integrity::Changed)
                error_text(integrity);
            else
                paragraph(integrity);
            // Before the meeting is booked: an interpreter nobody has asked for.
            if (const std::string hint = interpreter_suggestion(r.preparation, settings_.lang); !hint.empty())
                paragraph(hint);
            // (A relative's contribution says what it is in its summary's header.)
            if (const auto kva = kva_suggestion(r.preparation);
                kva && r.preparation.kind != PreparationKind::Contribution)
                paragraph(trf(settings_.lang, "pro.kva", {kva->code, t(kva->text_key)}));
        }
        // Worded once per language: a crafted file can bring thousands.
        if (o.described_lang != settings_.lang) {
            o.errors.clear();
            o.warnings.clear();
            for (const Issue& i : r.issues)
                (i.severity == Severity::Error ? o.errors : o.warnings)
                    .push_back(describe(i, settings_.lang, Reader::Professional));
            o.described_lang = settings_.lang;
        }
        if (!o.errors.empty()) {
            muted(t("pro.errors"));
            text_list(o.errors, true, "pro-errors");
        }
        if (!o.warnings.empty()) {
            muted(t("pro.warnings"));
            text_list(o.warnings, false, "pro-warnings");
        }
    }
    if (!r.readable) {
        // Nothing to read, but the file can be put away and the way back is there.
        if (button(t("pro.close"), "pro-close", ButtonStyle::Normal)) close_opened_file();
        same_line();
        if (button(t("nav.start"), "pro-back-bottom")) go_to(Screen::Start);
        return;
    }

    if (!o.summary || o.summary_lang != settings_.lang) {
        // The copy for the journal and the printout say it too when the file was changed.
        o.summary = opened_file_summary(r, settings_.lang, today_);
        o.summary_lang = settings_.lang;
    }
    const Summary& summary = *o.summary;
    // The copy for the journal or SAMSA and the print are for everyone: what the person marked for
    // the convener only is on its own page, printed only on request.
    if (button(t("pro.copy"), "pro-copy", ButtonStyle::Normal, t("pro.copy.help"))) {
        host_.copy_text(render_text(summary, Audience::Meeting));
        a11y_.announce(t("pro.copied"));
        status_ = t("pro.copied");
    }
    same_line();
    if (button(t("print.button"), "pro-print", ButtonStyle::Normal, t("print.meeting.help")))
        host_.print_html(o.name, render_html(summary, settings_.lang, Audience::Meeting));
    if (has_convener_notes(summary)) {
        same_line();
        if (button(t("print.convener"), "pro-print-convener", ButtonStyle::Normal, t("print.convener.help")))
            host_.print_html(o.name, render_html(summary, settings_.lang, Audience::Convener));
    }
    same_line();
    if (button(t("fhir.export"), "pro-fhir", ButtonStyle::Normal, t("fhir.export.help"))) {
        const std::string base = o.name.size() > 5 && o.name.substr(o.name.size() - 5) == ".json"
                                     ? o.name.substr(0, o.name.size() - 5)
                                     : o.name;
        host_.download(base + "-fhir.json", "application/fhir+json",
                       to_fhir_bundle(r.preparation, r.meta, today_, settings_.lang).dump(2) + "\n");
    }
    same_line();
    if (button(t("pro.close"), "pro-close", ButtonStyle::Quiet)) {
        close_opened_file();
        return;
    }
    if (!status_.empty()) paragraph(status_);
    professional_changes(o);
    ImGui::Separator();
    // How to read a person's own preparation; a relative's contribution holds no goal of the person's.
    if (o.result.preparation.kind != PreparationKind::Contribution) muted(t("pro.guide"));
    summary_view(summary, "pro-summary");
    ImGui::Spacing();
    if (button(t("nav.start"), "pro-back-bottom")) go_to(Screen::Start);
}

}  // namespace sipprep::ui
