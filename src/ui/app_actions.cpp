// What buttons on several screens do: export the bundle, print the summary, choose who writes.
#include "app.hpp"
#include "base/sha256.hpp"
#include "core/clock.hpp"
#include "core/ics.hpp"
#include "core/labels.hpp"
#include "core/summary.hpp"

namespace sipprep::ui {

std::string App::content_sha() const { return sha256_hex(canonical_content(prep_)); }

bool App::saved_as_file() const { return !saved_sha_.empty() && saved_sha_ == content_sha(); }

// The bundle as it is now, and the name to save it under.
std::string App::bundle_now(std::string* filename) {
    BundleMeta meta;
    meta.updated = now_utc_iso();
    if (created_.empty()) created_ = meta.updated;
    meta.created = created_;
    meta.language = lang_;
    *filename = bundle_file_name(prep_, format_iso_date(today_));
    return export_bundle(prep_, meta);
}

void App::export_file() {
    std::string name;
    const std::string bundle = bundle_now(&name);
    host_.download(name, "application/json", bundle);
    saved_sha_ = content_sha();
    status_ = trf(lang_, "export.done", {name});
    a11y_.announce(status_);
    changed();  // `created` is part of the draft
}

void App::save_requested_file() {
    if (step_states_.summary.protect)
        export_protected();
    else
        export_file();
}

// The follow-up meeting for the person's calendar (the button is shown only when the date and
// time can be read).
void App::save_calendar() {
    const auto ics = follow_up_ics(prep_, lang_, now_utc_iso());
    if (!ics) return;
    const std::string name = "sip-uppfoljning-" + prep_.agreed.follow_up_on + ".ics";
    host_.download(name, "text/calendar", *ics);
    status_ = trf(lang_, "agreed.calendar.done", {name});
    a11y_.announce(status_);
}

void App::print_summary(Audience audience) {
    host_.print_html(tr(lang_, "summary.title"),
                     render_html(build_summary(prep_, lang_, today_, issues_), lang_, audience));
}

// Who writes now: each contributor edits their own words and sees the others' beside them.
void App::contributor_selector() {
    // A relative's contribution has one writer: the relative.
    if (prep_.kind == PreparationKind::Contribution) return;
    std::vector<std::string> names;
    int selected = 0;
    for (std::size_t i = 0; i < prep_.contributors.size(); ++i) {
        const Contributor& c = prep_.contributors[i];
        // The owner by name, so whoever writes sees whose plan it is and in whose voice.
        const std::string first = owner_first_name(prep_);
        names.push_back(c.id != kPersonId ? author_label(prep_, c.id, lang_)
                        : !first.empty()  ? trf(lang_, "who.owner", {first})
                        : child()         ? t("who.child")
                                          : t("who.me"));
        if (c.id == author_) selected = static_cast<int>(i);
    }
    if (radio_group(t("who.title"), "who-writes", names, &selected, t("who.help"))) {
        author_ = prep_.contributors[static_cast<std::size_t>(selected)].id;
        changed();
    }
}

}  // namespace sipprep::ui
