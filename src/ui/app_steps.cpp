// The preparation steps from "Om dig" to "Så vill jag vara med". Consent and the summary have
// files of their own.
#include <algorithm>

#include "app.hpp"
#include "core/enum_names.hpp"
#include "core/labels.hpp"
#include "core/personal_id.hpp"
#include "core/validation.hpp"
#include "imgui.h"
#include "platform/platform.hpp"

namespace sipprep::ui {
namespace {

// Checkboxes for a set of enum values kept as a list.
template <typename E>
bool enum_set(Lang lang, const char* type, const std::string& id, std::vector<E>& values, std::size_t skip_last = 0) {
    bool changed = false;
    for (std::size_t i = 0; i + skip_last < enum_count<E>(); ++i) {
        const E e = static_cast<E>(i);
        bool on = std::find(values.begin(), values.end(), e) != values.end();
        if (checkbox(enum_label(lang, type, e), id + "-" + std::string(enum_name(e)), &on)) {
            if (on) values.push_back(e);
            else values.erase(std::remove(values.begin(), values.end(), e), values.end());
            // Keep the list in the order the app shows it, whatever order it was ticked in.
            std::sort(values.begin(), values.end());
            changed = true;
        }
    }
    return changed;
}

template <typename E> std::vector<std::string> enum_options(Lang lang, const char* type) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < enum_count<E>(); ++i) out.push_back(enum_label(lang, type, static_cast<E>(i)));
    return out;
}

template <typename E> bool enum_radio(Lang lang, const std::string& label, const char* type, const std::string& id, E* value) {
    int v = static_cast<int>(*value);
    if (!radio_group(label, id, enum_options<E>(lang, type), &v)) return false;
    *value = static_cast<E>(v);
    return true;
}

}  // namespace

void App::step_about_you() {
    paragraph(child() ? t("about_you.intro.child") : t("about_you.intro"));
    FieldOptions o;
    mark(text_field(child() ? t("owner.name.child") : t("owner.name"), "owner-name", &prep_.owner.name, o));
    FieldOptions pnr;
    pnr.help = t("owner.personal_id.help");
    pnr.placeholder = t("owner.personal_id.placeholder");
    pnr.error = field_error("/content/owner/personal_id");
    if (text_field(t("owner.personal_id"), "owner-pnr", &prep_.owner.personal_id, pnr)) {
        // Store a valid number as 12 digits, the way the format wants it; keep anything else as typed.
        const PersonalIdResult r = parse_personal_id(prep_.owner.personal_id, today_.year);
        if (r.ok() && prep_.owner.personal_id.size() >= 12) prep_.owner.personal_id = r.id.digits;
        mark(true);
    }
    if (is_child(prep_, today_)) muted(t("owner.is_child"));
    mark(text_field(t("owner.address"), "owner-address", &prep_.owner.address, o));
    mark(text_field(t("owner.phone"), "owner-phone", &prep_.owner.phone, o));

    ImGui::Spacing();
    heading(t("noticed.title"), 3);
    begin_group(Role::Group, "noticed", t("noticed.title"));
    mark(enum_set(lang_, "noticed", "noticed", prep_.need_noticed.by));
    if (std::find(prep_.need_noticed.by.begin(), prep_.need_noticed.by.end(), NoticedBy::Other) !=
        prep_.need_noticed.by.end())
        mark(text_field(t("noticed.other"), "noticed-other", &prep_.need_noticed.other));
    end_group();

    ImGui::Spacing();
    heading(child() ? t("reps.title.child") : t("reps.title"), 3);
    muted(child() ? t("reps.help.child") : t("reps.help"));
    for (std::size_t i = 0; i < prep_.representatives.size(); ++i) {
        Representative& r = prep_.representatives[i];
        const std::string id = "rep-" + r.id;
        begin_group(Role::Group, id, r.name.empty() ? t("reps.unnamed") : r.name);
        mark(text_field(t("reps.name"), id + "-name", &r.name));
        mark(enum_radio(lang_, t("reps.kind"), "rep", id + "-kind", &r.kind));
        mark(text_field(t("reps.relation"), id + "-relation", &r.relation));
        mark(text_field(t("reps.phone"), id + "-phone", &r.phone));
        FieldOptions rp;
        rp.help = t("reps.personal_id.help");
        rp.error = field_error("/content/representatives/" + std::to_string(i) + "/personal_id");
        mark(text_field(t("owner.personal_id"), id + "-pnr", &r.personal_id, rp));
        bool used = false;
        for (const Consent& c : prep_.consents) {
            used = used || c.representative_id == r.id;
            for (const GuardianApproval& g : c.guardian_approvals) used = used || g.representative_id == r.id;
        }
        if (button(trf(lang_, "reps.remove", {r.name.empty() ? t("reps.unnamed") : r.name}), id + "-remove")) {
            if (used) {
                notes_.assign(1, t("reps.in_use"));
            } else {
                // Their words stay, attributed to them as one who writes.
                prep_.representatives.erase(prep_.representatives.begin() + static_cast<long>(i));
                mark(true);
                end_group();
                break;
            }
        }
        end_group();
        ImGui::Separator();
    }
    if (button(child() ? t("reps.add.child") : t("reps.add"), "rep-add")) {
        Representative r;
        r.id = new_id("r");
        r.kind = child() || mode_ == FillMode::GuardianOfChild ? RepresentativeKind::Guardian : RepresentativeKind::GodMan;
        prep_.representatives.push_back(r);
        // Guardians and representatives usually write too: they get a voice of their own.
        prep_.contributors.push_back(Contributor{"c-" + r.id, "", r.kind == RepresentativeKind::Guardian
                                                                      ? ContributorRole::Guardian
                                                                      : ContributorRole::Representative, ""});
        mark(true);
    }
    for (const std::string& n : notes_) error_text(n);

    ImGui::Spacing();
    heading(t("writers.title"), 3);
    muted(t("writers.help"));
    for (std::size_t i = 0; i < prep_.contributors.size(); ++i) {
        Contributor& c = prep_.contributors[i];
        if (c.id == kPersonId) continue;
        const std::string id = "writer-" + c.id;
        begin_group(Role::Group, id, c.name.empty() ? t("writers.unnamed") : c.name);
        // Guardians' names follow the guardian list; relatives are named here.
        const bool from_rep = c.id.rfind("c-", 0) == 0;
        if (from_rep) {
            for (const Representative& r : prep_.representatives)
                if ("c-" + r.id == c.id && (c.name != r.name || c.relation != r.relation)) {
                    c.name = r.name;
                    c.relation = r.relation;
                    mark(true);
                }
            paragraph(author_name(c.id));
        } else {
            mark(text_field(t("writers.name"), id + "-name", &c.name));
            mark(text_field(t("writers.relation"), id + "-relation", &c.relation));
        }
        end_group();
    }
    FieldOptions nr;
    nr.label_visible = true;
    text_field(t("writers.new_name"), "writer-new-name", &new_relative_name_, nr);
    text_field(t("writers.new_relation"), "writer-new-relation", &new_relative_relation_, nr);
    if (button(t("writers.add"), "writer-add") && !new_relative_name_.empty()) {
        const std::string id = new_id("rel");
        prep_.contributors.push_back(Contributor{id, new_relative_name_, ContributorRole::Relative, new_relative_relation_});
        announce(trf(lang_, "writers.added", {new_relative_name_}));
        new_relative_name_.clear();
        new_relative_relation_.clear();
        mark(true);
    }
}

void App::step_goal() {
    paragraph(child() ? t("goal.intro.child") : t("goal.intro"));
    muted(t("goal.examples"));
    if (prep_.kind == PreparationKind::FollowUp) {
        begin_group(Role::Group, "earlier", t("earlier.title"));
        heading(t("earlier.title"), 3);
        if (earlier_) {
            for (const Entry& e : earlier_->goals.long_term.entries) paragraph(author_label(*earlier_, e.author, lang_) + ": " + e.text);
            for (const Question& q : earlier_->questions) paragraph("• " + q.text);
        } else {
            muted(t("earlier.none"));
        }
        if (button(t("earlier.open"), "earlier-open")) {
            opening_earlier_ = true;
            platform::pick_file();
        }
        end_group();
        ImGui::Separator();
    }
    FieldOptions o;
    o.min_lines = 4;
    o.help = child() ? t("goal.help.child") : t("goal.help");
    voices_field(child() ? t("goal.question.child") : t("goal.question"), "goal", prep_.goals.long_term, o);

    ImGui::Spacing();
    heading(t("goal.short.title"), 3);
    muted(t("goal.short.help"));
    for (std::size_t i = 0; i < prep_.goals.short_term.size(); ++i) {
        Entry& e = prep_.goals.short_term[i];
        const std::string id = "short-" + std::to_string(i);
        if (e.author == author_) {
            mark(text_field(trf(lang_, "goal.short.item", {std::to_string(i + 1)}), id, &e.text));
        } else {
            paragraph(trf(lang_, "goal.short.item", {std::to_string(i + 1)}) + ": " + e.text + " (" + author_name(e.author) + ")");
        }
        if (button(trf(lang_, "goal.short.remove", {std::to_string(i + 1)}), id + "-remove", ButtonStyle::Quiet)) {
            prep_.goals.short_term.erase(prep_.goals.short_term.begin() + static_cast<long>(i));
            mark(true);
            break;
        }
    }
    if (button(t("goal.short.add"), "short-add")) {
        prep_.goals.short_term.push_back(Entry{author_, ""});
        mark(true);
    }
}

void App::step_follow_up() {
    paragraph(t("followup.intro"));
    FieldOptions o;
    voices_field(t("followup.how_it_went"), "fu-how", prep_.follow_up.how_it_went, o);
    voices_field(t("followup.what_changed"), "fu-changed", prep_.follow_up.what_changed, o);
    voices_field(t("followup.efforts_done"), "fu-done", prep_.follow_up.efforts_done, o);
    voices_field(t("followup.efforts_helped"), "fu-helped", prep_.follow_up.efforts_helped, o);
    voices_field(t("followup.other_needed"), "fu-other", prep_.follow_up.other_needed, o);
}

void App::step_now() {
    paragraph(child() ? t("now.intro.child") : t("now.intro"));
    voices_field(child() ? t("now.situation.child") : t("now.situation"), "now", prep_.situation.now);
    voices_field(t("now.works_well"), "works-well", prep_.situation.works_well);
    voices_field(child() ? t("now.strengths.child") : t("now.strengths"), "strengths", prep_.situation.strengths);
}

void App::step_needs() {
    paragraph(child() ? t("needs.intro.child") : t("needs.intro"));
    for (std::size_t i = 0; i < prep_.needs.size(); ++i) {
        AreaNeeds& n = prep_.needs[i];
        const std::string area(enum_name(n.area));
        const std::string id = "need-" + area + "-" + std::to_string(i);
        const std::string title = n.area == LifeArea::Other && !n.other_label.empty() ? n.other_label
                                                                                     : enum_label(lang_, "area", n.area);
        begin_group(Role::Group, id, title);
        heading(title, 3);
        if (n.area == LifeArea::Other) mark(text_field(t("needs.other_label"), id + "-label", &n.other_label));
        voices_field(t("needs.can_do"), id + "-can", n.can_do_myself);
        voices_field(child() ? t("needs.need_help.child") : t("needs.need_help"), id + "-help", n.need_help_with);
        const bool has_text = !n.can_do_myself.entries.empty() || !n.need_help_with.entries.empty();
        if (remove_area_pending_ == id) {
            paragraph(t("needs.remove.confirm"));
            if (button(t("needs.remove.yes"), id + "-remove-yes", ButtonStyle::Danger)) {
                prep_.needs.erase(prep_.needs.begin() + static_cast<long>(i));
                remove_area_pending_.clear();
                mark(true);
                end_group();
                break;
            }
            ImGui::SameLine();
            if (button(t("needs.remove.no"), id + "-remove-no")) remove_area_pending_.clear();
        } else if (button(trf(lang_, "needs.remove", {title}), id + "-remove", ButtonStyle::Quiet)) {
            if (has_text) {
                remove_area_pending_ = id;
            } else {
                prep_.needs.erase(prep_.needs.begin() + static_cast<long>(i));
                mark(true);
                end_group();
                break;
            }
        }
        end_group();
        ImGui::Separator();
    }
    heading(t("needs.add.title"), 3);
    begin_group(Role::Group, "needs-add", t("needs.add.title"));
    for (std::size_t a = 0; a < enum_count<LifeArea>(); ++a) {
        const LifeArea area = static_cast<LifeArea>(a);
        const bool present = std::any_of(prep_.needs.begin(), prep_.needs.end(),
                                         [&](const AreaNeeds& n) { return n.area == area && area != LifeArea::Other; });
        if (present) continue;
        if (button("+ " + enum_label(lang_, "area", area), "need-add-" + std::string(enum_name(area)))) {
            AreaNeeds n;
            n.area = area;
            prep_.needs.push_back(n);
            mark(true);
        }
    }
    end_group();
}

void App::step_questions() {
    paragraph(child() ? t("questions.intro.child") : t("questions.intro"));
    begin_group(Role::List, "questions", t("questions.list"));
    for (std::size_t i = 0; i < prep_.questions.size(); ++i) {
        Question& q = prep_.questions[i];
        const std::string id = "q-" + q.id;
        begin_group(Role::ListItem, id, "");
        const std::string number = std::to_string(i + 1);
        FieldOptions o;
        o.multiline = true;
        o.min_lines = 1;
        if (q.author != author_) o.help = trf(lang_, "voices.other", {author_name(q.author)});
        mark(text_field(trf(lang_, "questions.item", {number}), id + "-text", &q.text, o));
        bool important = q.priority == Priority::High;
        if (checkbox(trf(lang_, "questions.important", {number}), id + "-important", &important)) {
            q.priority = important ? Priority::High : Priority::None;
            mark(true);
        }
        mark(text_field(trf(lang_, "questions.for_whom", {number}), id + "-for", &q.for_whom));
        if (i > 0) {
            if (button(trf(lang_, "questions.up", {number}), id + "-up")) {
                std::swap(prep_.questions[i], prep_.questions[i - 1]);
                announce(trf(lang_, "questions.moved", {std::to_string(i)}));
                mark(true);
            }
            ImGui::SameLine();
        }
        if (i + 1 < prep_.questions.size()) {
            if (button(trf(lang_, "questions.down", {number}), id + "-down")) {
                std::swap(prep_.questions[i], prep_.questions[i + 1]);
                announce(trf(lang_, "questions.moved", {std::to_string(i + 2)}));
                mark(true);
            }
            ImGui::SameLine();
        }
        if (button(trf(lang_, "questions.remove", {number}), id + "-remove", ButtonStyle::Quiet)) {
            prep_.questions.erase(prep_.questions.begin() + static_cast<long>(i));
            announce(t("questions.removed"));
            mark(true);
            end_group();
            break;
        }
        end_group();
        ImGui::Separator();
    }
    end_group();
    FieldOptions o;
    o.multiline = true;
    o.min_lines = 2;
    o.help = t("questions.new.help");
    text_field(t("questions.new"), "q-new", &new_question_, o);
    if (button(t("questions.add"), "q-add", ButtonStyle::Primary) && !new_question_.empty()) {
        prep_.questions.push_back(Question{new_id("q"), author_, new_question_, Priority::None, ""});
        new_question_.clear();
        announce(trf(lang_, "questions.added", {std::to_string(prep_.questions.size())}));
        mark(true);
    }
}

void App::step_invite() {
    paragraph(t("invite.intro"));
    Invitations& inv = prep_.invitations;
    for (std::size_t k = 0; k < enum_count<ActorKind>(); ++k) {
        const ActorKind kind = static_cast<ActorKind>(k);
        const std::string kname(enum_name(kind));
        auto it = std::find_if(inv.actors.begin(), inv.actors.end(), [&](const Invitee& a) { return a.kind == kind; });
        bool on = it != inv.actors.end();
        if (checkbox(enum_label(lang_, "actor", kind), "invite-" + kname, &on)) {
            if (on) {
                inv.actors.push_back(Invitee{new_id("a"), kind, "", "", ""});
            } else {
                const std::string id = it->id;
                const bool has_consent = std::any_of(prep_.consents.begin(), prep_.consents.end(),
                                                     [&](const Consent& c) { return c.actor == id; });
                if (has_consent) {
                    notes_.assign(1, trf(lang_, "invite.has_consent", {enum_label(lang_, "actor", kind)}));
                } else {
                    inv.actors.erase(it);
                    if (inv.trusted_most == id) inv.trusted_most.clear();
                }
            }
            mark(true);
            it = std::find_if(inv.actors.begin(), inv.actors.end(), [&](const Invitee& a) { return a.kind == kind; });
        }
        if (it != inv.actors.end()) {
            ImGui::Indent();
            const std::string id = "invite-" + kname;
            if (kind == ActorKind::Other) mark(text_field(t("invite.other_label"), id + "-label", &it->other_label));
            mark(text_field(trf(lang_, "invite.unit", {enum_label(lang_, "actor", kind)}), id + "-unit", &it->unit));
            mark(text_field(trf(lang_, "invite.contact", {enum_label(lang_, "actor", kind)}), id + "-contact", &it->contact));
            ImGui::Unindent();
        }
    }
    for (const std::string& n : notes_) error_text(n);

    ImGui::Spacing();
    heading(t("invite.support.title"), 3);
    muted(t("invite.support.help"));
    mark(text_field(t("invite.support.name"), "support-name", &inv.support_person.name));
    mark(text_field(t("invite.support.contact"), "support-contact", &inv.support_person.contact));

    if (!inv.actors.empty()) {
        ImGui::Spacing();
        std::vector<std::string> options = {t("invite.trusted.none")};
        int selected = 0;
        for (std::size_t i = 0; i < inv.actors.size(); ++i) {
            options.push_back(invitee_label(inv.actors[i], lang_));
            if (inv.actors[i].id == inv.trusted_most) selected = static_cast<int>(i + 1);
        }
        if (radio_group(t("invite.trusted"), "trusted", options, &selected, t("invite.trusted.help"))) {
            inv.trusted_most = selected == 0 ? std::string() : inv.actors[static_cast<std::size_t>(selected - 1)].id;
            mark(true);
        }
        FieldOptions o;
        o.multiline = true;
        o.min_lines = 2;
        mark(text_field(t("invite.trusted.note"), "trusted-note", &inv.trusted_note, o));
    }
}

void App::step_participation() {
    Participation& p = prep_.participation;
    paragraph(t("participation.intro"));
    heading(t("participation.modes"), 3);
    begin_group(Role::Group, "modes", t("participation.modes"));
    mark(enum_set(lang_, "mode", "mode", p.modes));
    end_group();

    heading(t("participation.adaptations"), 3);
    begin_group(Role::Group, "adaptations", t("participation.adaptations"));
    Adaptations& a = p.adaptations;
    mark(checkbox(t("adapt.interpreter"), "adapt-interpreter", &a.interpreter));
    if (a.interpreter) {
        FieldOptions o;
        o.error = field_error("/content/participation/adaptations/interpreter_language");
        mark(text_field(t("adapt.interpreter_language"), "adapt-language", &a.interpreter_language, o));
    }
    mark(checkbox(t("adapt.sign_language"), "adapt-sign", &a.sign_language));
    mark(checkbox(t("adapt.aac"), "adapt-aac", &a.aac));
    if (a.aac) mark(text_field(t("adapt.aac_note"), "adapt-aac-note", &a.aac_note));
    mark(checkbox(t("adapt.easy_language"), "adapt-easy", &a.easy_language));
    mark(checkbox(t("adapt.physical_access"), "adapt-access", &a.physical_access));
    mark(checkbox(t("adapt.breaks"), "adapt-breaks", &a.breaks));
    FieldOptions other;
    other.multiline = true;
    other.min_lines = 2;
    mark(text_field(t("adapt.other"), "adapt-other", &a.other, other));
    end_group();

    heading(t("participation.when"), 3);
    FieldOptions date;
    date.help = t("date.help");
    date.placeholder = "2026-12-24";
    date.error = field_error("/content/participation/wished_date");
    mark(text_field(t("participation.wished_date"), "wished-date", &p.wished_date, date));
    mark(text_field(t("participation.wished_time"), "wished-time", &p.wished_time));
    mark(text_field(t("participation.wished_place"), "wished-place", &p.wished_place));

    heading(t("participation.avoid"), 3);
    FieldOptions avoid;
    avoid.help = t("participation.avoid.help");
    voices_field(t("participation.avoid.field"), "avoid", p.topics_to_avoid, avoid);

    int pre = static_cast<int>(p.pre_meeting_allowed);
    if (radio_group(t("participation.pre_meeting"), "pre-meeting",
                    {t("enum.yesno.unanswered"), t("enum.yesno.yes"), t("enum.yesno.no")}, &pre,
                    t("participation.pre_meeting.help"))) {
        p.pre_meeting_allowed = static_cast<YesNo>(pre);
        mark(true);
    }
}

}  // namespace sipprep::ui
