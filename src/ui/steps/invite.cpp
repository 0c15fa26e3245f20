// Whom to invite, a support person, and whom the person trusts most.
#include <algorithm>

#include "core/enum_names.hpp"
#include "core/labels.hpp"
#include "imgui.h"
#include "ui/steps/step_context.hpp"

namespace sipprep::ui {

void draw_invite(StepContext& c) {
    paragraph(c.t("invite.intro"));
    Invitations& inv = c.prep.invitations;
    for (std::size_t k = 0; k < enum_count<ActorKind>(); ++k) {
        const ActorKind kind = static_cast<ActorKind>(k);
        const std::string kname(enum_name(kind));
        auto it = std::find_if(inv.actors.begin(), inv.actors.end(), [&](const Invitee& a) { return a.kind == kind; });
        bool on = it != inv.actors.end();
        if (checkbox(enum_label(c.lang, "actor", kind), "invite-" + kname, &on)) {
            if (on) {
                inv.actors.push_back(Invitee{c.new_id("a"), kind, "", "", ""});
            } else {
                const std::string id = it->id;
                const bool has_consent = std::any_of(c.prep.consents.begin(), c.prep.consents.end(),
                                                     [&](const Consent& c) { return c.actor == id; });
                if (has_consent) {
                    c.notes.assign(1, trf(c.lang, "invite.has_consent", {enum_label(c.lang, "actor", kind)}));
                } else {
                    inv.actors.erase(it);
                    if (inv.trusted_most == id) inv.trusted_most.clear();
                }
            }
            c.mark(true);
            it = std::find_if(inv.actors.begin(), inv.actors.end(), [&](const Invitee& a) { return a.kind == kind; });
        }
        if (it != inv.actors.end()) {
            ImGui::Indent();
            const std::string id = "invite-" + kname;
            if (kind == ActorKind::Other)
                c.mark(text_field(c.t("invite.other_label"), id + "-label", &it->other_label));
            c.mark(
                text_field(trf(c.lang, "invite.unit", {enum_label(c.lang, "actor", kind)}), id + "-unit", &it->unit));
            c.mark(text_field(trf(c.lang, "invite.contact", {enum_label(c.lang, "actor", kind)}), id + "-contact",
                              &it->contact));
            ImGui::Unindent();
        }
    }
    for (const std::string& n : c.notes) error_text(n);

    ImGui::Spacing();
    heading(c.t("invite.support.title"), 3);
    muted(c.t("invite.support.help"));
    FieldOptions personal;
    personal.personal = true;
    c.mark(text_field(c.t("invite.support.name"), "support-name", &inv.support_person.name, personal));
    c.mark(text_field(c.t("invite.support.contact"), "support-contact", &inv.support_person.contact, personal));

    if (!inv.actors.empty()) {
        ImGui::Spacing();
        std::vector<std::string> options = {c.t("invite.trusted.none")};
        int selected = 0;
        for (std::size_t i = 0; i < inv.actors.size(); ++i) {
            options.push_back(invitee_label(inv.actors[i], c.lang));
            if (inv.actors[i].id == inv.trusted_most) selected = static_cast<int>(i + 1);
        }
        if (radio_group(c.t("invite.trusted"), "trusted", options, &selected, c.t("invite.trusted.help"))) {
            inv.trusted_most = selected == 0 ? std::string() : inv.actors[static_cast<std::size_t>(selected - 1)].id;
            c.mark(true);
        }
        FieldOptions o;
        o.multiline = true;
        o.min_lines = 2;
        c.mark(text_field(c.t("invite.trusted.note"), "trusted-note", &inv.trusted_note, o));
    }
}

}  // namespace sipprep::ui
