// What buttons on several screens do: export the bundle, print the summary, choose who writes.
#include "app.hpp"
#include "base/sha256.hpp"
#include "core/clock.hpp"
#include "core/ics.hpp"
#include "core/labels.hpp"
#include "core/summary.hpp"

namespace sipprep::ui {

std::string App::content_sha() const { return sha256_hex(canonical_content(draft_.prep)); }

bool App::saved_as_file() const { return !draft_.saved_sha.empty() && draft_.saved_sha == content_sha(); }

// The bundle as it is now, and the name to save it under.
std::string App::bundle_now(std::string* filename) {
    BundleMeta meta;
    meta.updated = now_utc_iso();
    if (draft_.created.empty()) draft_.created = meta.updated;
    meta.created = draft_.created;
    meta.language = settings_.lang;
    *filename = bundle_file_name(draft_.prep, format_iso_date(today_));
    return export_bundle(draft_.prep, meta);
}

void App::export_file() {
    std::string name;
    const std::string bundle = bundle_now(&name);
    host_.download(name, "application/json", bundle);
    draft_.saved_sha = content_sha();
    status_ = trf(settings_.lang, "export.done", {name});
    a11y_.announce(status_);
    changed();  // `created` is part of the draft
}

void App::save_requested_file() {
    if (draft_.steps.summary.protect)
        export_protected();
    else
        export_file();
}

// The follow-up meeting for the person's calendar (the button is shown only when the date and
// time can be read).
void App::save_calendar() {
    const auto ics = follow_up_ics(draft_.prep, settings_.lang, now_utc_iso());
    if (!ics) return;
    const std::string name = "sip-uppfoljning-" + draft_.prep.agreed.follow_up_on + ".ics";
    host_.download(name, "text/calendar", *ics);
    status_ = trf(settings_.lang, "agreed.calendar.done", {name});
    a11y_.announce(status_);
}

void App::print_summary(Audience audience) {
    host_.print_html(
        tr(settings_.lang, "summary.title"),
        render_html(build_summary(draft_.prep, settings_.lang, today_, rules().issues), settings_.lang, audience));
}

// An opened plan with more than one writer: the one who opened it is asked who they are (the
// chooser open, focus on it) before they write; else their words were saved as the person's.
// Coming back to the draft, no file was opened: the question is said, naming who wrote last, not
// added to a file's message ("Öppnad fil: Vem skriver nu?" stood there all evening).
void App::ask_who_writes(bool file_opened) {
    if (draft_.prep.contributors.size() < 2 || draft_.prep.kind == PreparationKind::Contribution) return;
    who_open_ = true;
    if (file_opened) {
        files_.message += (files_.message.empty() ? "" : " ") + t("who.title");
    } else {
        a11y_.announce(trf(settings_.lang, "who.again", {author_label(draft_.prep, draft_.author, settings_.lang)}));
    }
    for (std::size_t i = 0; i < draft_.prep.contributors.size(); ++i)
        if (draft_.prep.contributors[i].id == draft_.author) focus_control("who-writes-" + std::to_string(i));
}

// Who writes now: each contributor edits their own words and sees the others' beside them.
void App::contributor_selector() {
    // A relative's contribution has one writer: the relative.
    if (draft_.prep.kind == PreparationKind::Contribution) return;
    std::vector<std::string> names;
    int selected = 0;
    for (std::size_t i = 0; i < draft_.prep.contributors.size(); ++i) {
        const Contributor& c = draft_.prep.contributors[i];
        // The owner by name, so whoever writes sees whose plan it is and in whose voice.
        const std::string first = owner_first_name(draft_.prep);
        names.push_back(c.id != kPersonId ? author_label(draft_.prep, c.id, settings_.lang)
                        : !first.empty()  ? trf(settings_.lang, "who.owner", {first})
                        : child()         ? t("who.child")
                                          : t("who.me"));
        if (c.id == draft_.author) selected = static_cast<int>(i);
    }
    if (radio_group(t("who.title"), "who-writes", names, &selected, t("who.help"))) {
        // A question typed into "Ny fråga" and not added is the words of the one who typed it:
        // added in their name before the next writer could add it as theirs.
        add_what_was_typed(StepId::Questions);
        draft_.author = draft_.prep.contributors[static_cast<std::size_t>(selected)].id;
        changed();
    }
}

}  // namespace sipprep::ui
