// Samtycke: one entry per receiving actor, said back as a plain sentence; for a child, each
// guardian's agreement with its date; withdrawing is one click and keeps the date.
#include <algorithm>

#include "app.hpp"
#include "core/enum_names.hpp"
#include "core/labels.hpp"
#include "imgui.h"

namespace sipprep::ui {

void App::step_consent() {
    paragraph(child() ? t("consent.intro.child") : t("consent.intro"));
    muted(t("consent.revocable"));
    if (prep_.invitations.actors.empty()) {
        paragraph(t("consent.no_actors"));
        if (button(t("consent.go_invite"), "consent-go-invite")) go_to(Screen::Steps, StepId::Invite);
        return;
    }
    std::vector<const Representative*> guardians;
    for (const Representative& r : prep_.representatives)
        if (r.kind == RepresentativeKind::Guardian) guardians.push_back(&r);

    for (const Invitee& actor : prep_.invitations.actors) {
        const std::string actor_name = invitee_label(actor, lang_);
        auto it = std::find_if(prep_.consents.begin(), prep_.consents.end(),
                               [&](const Consent& c) { return c.actor == actor.id; });
        const std::string gid = "consent-" + actor.id;
        begin_group(Role::Group, gid, actor_name);
        heading(actor_name, 3);
        if (it == prep_.consents.end()) {
            if (button(trf(lang_, "consent.add", {actor_name}), gid + "-add")) {
                Consent c;
                c.id = new_id("c");
                c.actor = actor.id;
                c.valid_from = format_iso_date(today_);
                c.valid_to = format_iso_date(Date{today_.year + 1, today_.month, today_.month == 2 && today_.day == 29 ? 28 : today_.day});
                c.given_by = child() && !guardians.empty() ? ConsentGiver::Guardians : ConsentGiver::Person;
                prep_.consents.push_back(c);
                mark(true);
            }
            end_group();
            ImGui::Separator();
            continue;
        }
        Consent& c = *it;
        const std::size_t index = static_cast<std::size_t>(it - prep_.consents.begin());
        const std::string path = "/content/consents/" + std::to_string(index);

        // The consent in one sentence, as the person would say it.
        paragraph(consent_sentence(prep_, c, lang_));
        if (!c.revoked_on.empty()) {
            error_text(trf(lang_, "consent.revoked_on", {c.revoked_on}));
            if (button(t("consent.unrevoke"), gid + "-unrevoke", ButtonStyle::Quiet, t("consent.unrevoke.help"))) {
                c.revoked_on.clear();
                mark(true);
            }
            end_group();
            ImGui::Separator();
            continue;
        }

        int decision = static_cast<int>(c.decision);
        if (radio_group(t("consent.decision"), gid + "-decision",
                        {trf(lang_, "consent.permit", {actor_name}), trf(lang_, "consent.deny", {actor_name})}, &decision)) {
            c.decision = static_cast<ConsentDecision>(decision);
            mark(true);
        }
        FieldOptions info;
        info.multiline = true;
        info.min_lines = 2;
        info.help = t("consent.information.help");
        mark(text_field(t("consent.information"), gid + "-info", &c.information, info));
        begin_group(Role::Group, gid + "-categories", t("consent.categories"));
        ImGui::TextUnformatted(t("consent.categories").c_str());
        for (std::size_t k = 0; k < enum_count<InfoCategory>(); ++k) {
            const InfoCategory cat = static_cast<InfoCategory>(k);
            bool on = std::find(c.categories.begin(), c.categories.end(), cat) != c.categories.end();
            if (checkbox(enum_label(lang_, "category", cat), gid + "-cat-" + std::string(enum_name(cat)), &on)) {
                if (on) c.categories.push_back(cat);
                else c.categories.erase(std::remove(c.categories.begin(), c.categories.end(), cat), c.categories.end());
                std::sort(c.categories.begin(), c.categories.end());
                mark(true);
            }
        }
        end_group();

        FieldOptions date;
        date.help = t("date.help");
        date.error = field_error(path + "/valid_from");
        mark(text_field(t("consent.valid_from"), gid + "-from", &c.valid_from, date));
        date.error = field_error(path + "/valid_to");
        date.help = t("consent.valid_to.help");
        mark(text_field(t("consent.valid_to"), gid + "-to", &c.valid_to, date));

        int form = static_cast<int>(c.form);
        if (radio_group(t("consent.form"), gid + "-form", {t("enum.form.written"), t("enum.form.oral")}, &form)) {
            c.form = static_cast<ConsentForm>(form);
            mark(true);
        }
        int giver = static_cast<int>(c.given_by);
        if (radio_group(t("consent.given_by"), gid + "-giver",
                        {t("enum.giver.person"), t("enum.giver.guardians"), t("enum.giver.representative")}, &giver)) {
            c.given_by = static_cast<ConsentGiver>(giver);
            mark(true);
        }
        if (c.given_by == ConsentGiver::Guardians) {
            if (guardians.empty()) error_text(t("msg.consent.no_guardians"));
            for (const Representative* g : guardians) {
                auto ap = std::find_if(c.guardian_approvals.begin(), c.guardian_approvals.end(),
                                       [&](const GuardianApproval& a) { return a.representative_id == g->id; });
                bool agrees = ap != c.guardian_approvals.end() && ap->agrees;
                const std::string name = g->name.empty() ? t("reps.unnamed") : g->name;
                if (checkbox(trf(lang_, "consent.guardian_agrees", {name}), gid + "-g-" + g->id, &agrees)) {
                    if (ap == c.guardian_approvals.end()) {
                        c.guardian_approvals.push_back(GuardianApproval{g->id, format_iso_date(today_), agrees});
                    } else {
                        ap->agrees = agrees;
                        if (agrees && ap->date.empty()) ap->date = format_iso_date(today_);
                    }
                    mark(true);
                    ap = std::find_if(c.guardian_approvals.begin(), c.guardian_approvals.end(),
                                      [&](const GuardianApproval& a) { return a.representative_id == g->id; });
                }
                if (ap != c.guardian_approvals.end() && ap->agrees) {
                    FieldOptions d;
                    d.help = t("date.help");
                    d.error = field_error(path + "/guardian_approvals/" +
                                          std::to_string(ap - c.guardian_approvals.begin()) + "/date");
                    mark(text_field(trf(lang_, "consent.guardian_date", {name}), gid + "-gd-" + g->id, &ap->date, d));
                }
            }
            const std::string missing = field_error(path + "/guardian_approvals");
            if (!missing.empty()) error_text(missing);
        } else if (c.given_by == ConsentGiver::Representative) {
            std::vector<std::string> names;
            int selected = -1;
            for (std::size_t i = 0; i < prep_.representatives.size(); ++i) {
                const Representative& r = prep_.representatives[i];
                names.push_back((r.name.empty() ? t("reps.unnamed") : r.name) + " (" + enum_label(lang_, "rep", r.kind) + ")");
                if (r.id == c.representative_id) selected = static_cast<int>(i);
            }
            if (names.empty()) {
                error_text(t("consent.no_reps"));
            } else if (radio_group(t("consent.representative"), gid + "-rep", names, &selected)) {
                c.representative_id = prep_.representatives[static_cast<std::size_t>(selected)].id;
                mark(true);
            }
            FieldOptions basis;
            basis.help = t("consent.basis.help");
            mark(text_field(t("consent.basis"), gid + "-basis", &c.representative_basis, basis));
        } else if (child()) {
            muted(t("msg.consent.child_by_person"));
        }

        if (button(t("consent.revoke"), gid + "-revoke", ButtonStyle::Danger, t("consent.revoke.help"))) {
            c.revoked_on = format_iso_date(today_);
            announce(trf(lang_, "consent.revoked_on", {c.revoked_on}));
            mark(true);
        }
        ImGui::SameLine();
        if (button(t("consent.remove"), gid + "-remove", ButtonStyle::Quiet, t("consent.remove.help"))) {
            prep_.consents.erase(it);
            mark(true);
        }
        end_group();
        ImGui::Separator();
    }
}

}  // namespace sipprep::ui
