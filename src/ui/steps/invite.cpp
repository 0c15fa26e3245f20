// Whom to invite, a support person, and whom the person trusts most.
#include <algorithm>

#include "core/enum_names.hpp"
#include "core/labels.hpp"
#include "imgui.h"
#include "ui/steps/step_context.hpp"

namespace sipprep::ui {

namespace {

bool written(const std::string& s) { return s.find_first_not_of(" \t\n") != std::string::npos; }

// One line of the list: an actor by its kind ("Socialtjänsten") or by a name people use for a
// service of that kind ("Hemtjänsten").
void invitee_choice(StepContext& c, ActorKind kind, const std::string& service) {
    Invitations& inv = c.prep.invitations;
    auto find = [&] {
        return std::find_if(inv.actors.begin(), inv.actors.end(),
                            [&](const Invitee& a) { return a.kind == kind && a.service == service; });
    };
    const std::string label = service.empty() ? enum_label(c.lang, kind) : tr(c.lang, "service." + service);
    const std::string id = "invite-" + (service.empty() ? std::string(enum_name(kind)) : service);
    auto it = find();
    bool on = it != inv.actors.end();
    const auto remove = [&] {
        const std::string actor = it->id;
        inv.actors.erase(it);
        if (inv.trusted_most == actor) inv.trusted_most.clear();
        if (c.prep.agreed.lead == actor) c.prep.agreed.lead.clear();
        c.mark(true);
        it = find();
    };
    if (checkbox(label, id, &on)) {
        if (on) {
            Invitee a;
            a.id = c.new_id("a");
            a.kind = kind;
            a.service = service;
            inv.actors.push_back(a);
            focus_control(kind == ActorKind::Other ? id + "-label" : id + "-unit");
            c.mark(true);
            it = find();
        } else {
            const std::string actor = it->id;
            const bool has_consent = std::any_of(c.prep.consents.begin(), c.prep.consents.end(),
                                                 [&](const Consent& k) { return k.actor == actor; });
            if (has_consent) {
                c.notes.assign(1, trf(c.lang, "invite.has_consent", {label}));
                announce(c.notes.front());  // the box stays ticked: said why
            } else if (written(it->unit) || written(it->contact) || written(it->other_label)) {
                // What was typed for it goes only when the person says so (a double press
                // of a shaking hand unticked it).
                c.state.invite.remove_pending = id;
                focus_control(id + "-remove-no");
            } else {
                remove();
                return;
            }
        }
    }
    if (it == inv.actors.end()) return;
    if (c.confirm_remove(id, trf(c.lang, "invite.remove.confirm", {label}), c.state.invite.remove_pending, id)) {
        remove();
        announce(trf(c.lang, "invite.removed", {label}));
        focus_control(id);
        return;
    }
    indent();
    // Its name is who a consent goes to: a guardian's yes was to the receiver as it was named.
    bool renamed = false;
    if (kind == ActorKind::Other) renamed = text_field(c.t("invite.other_label"), id + "-label", &it->other_label);
    renamed = text_field(trf(c.lang, "invite.unit", {label}), id + "-unit", &it->unit) || renamed;
    if (renamed) {
        c.mark(true);
        for (Consent& k : c.prep.consents)
            if (k.actor == it->id) guardians_answer_again(c, k);
    }
    c.mark(text_field(trf(c.lang, "invite.contact", {label}), id + "-contact", &it->contact));
    unindent();
}

}  // namespace

void draw_invite(StepContext& c) {
    paragraph(c.t("invite.intro"));
    c.about_link("asking");
    if (c.prep.kind == PreparationKind::Discharge) c.about_link("discharge");
    Invitations& inv = c.prep.invitations;
    for (std::size_t k = 0; k < enum_count<ActorKind>(); ++k) {
        const ActorKind kind = static_cast<ActorKind>(k);
        if (kind == ActorKind::Other) muted(c.t("invite.other_help"));
        invitee_choice(c, kind, "");
        for (const ServiceName& s : kServiceNames)
            if (s.kind == kind) invitee_choice(c, kind, s.key);
    }
    for (const std::string& n : c.notes) error_text(n);

    ImGui::Spacing();
    heading(c.t("invite.support.title"), 3);
    muted(c.t("invite.support.help"));
    muted(c.t("invite.support.secrecy"));
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
