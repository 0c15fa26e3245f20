#include "labels.hpp"

namespace sipprep {

std::string invitee_label(const Invitee& a, Lang lang) {
    std::string s =
        a.kind == ActorKind::Other && !a.other_label.empty() ? a.other_label : enum_label(lang, "actor", a.kind);
    if (!a.unit.empty()) s += ", " + a.unit;
    return s;
}

const Invitee* find_invitee(const Preparation& p, const std::string& id) {
    for (const Invitee& a : p.invitations.actors)
        if (a.id == id) return &a;
    return nullptr;
}

std::string author_label(const Preparation& p, const std::string& id, Lang lang) {
    for (const Contributor& c : p.contributors) {
        if (c.id != id) continue;
        if (c.id == kPersonId)
            return p.owner.name.empty() ? tr(lang, "summary.the_person")
                                        : trf(lang, "summary.person_self", {p.owner.name});
        std::string s = c.name.empty() ? c.id : c.name;
        const std::string rel = c.relation.empty() ? enum_label(lang, "role", c.role) : c.relation;
        return s + " (" + rel + ")";
    }
    return id;
}

std::string consent_sentence(const Preparation& p, const Consent& c, Lang lang) {
    const Invitee* a = find_invitee(p, c.actor);
    const std::string who = a ? invitee_label(*a, lang) : tr(lang, "consent.sentence.someone");
    std::string what = c.information;
    while (!what.empty() && (what.back() == '.' || what.back() == ' ' || what.back() == '\n')) what.pop_back();
    for (InfoCategory k : c.categories) what += (what.empty() ? "" : "; ") + enum_label(lang, "category", k);
    if (what.empty()) what = tr(lang, "consent.sentence.unspecified");
    const std::string from = c.valid_from.empty() ? tr(lang, "consent.sentence.now") : c.valid_from;
    const std::string to = c.valid_to.empty() ? tr(lang, "summary.open_date") : c.valid_to;
    std::string s =
        trf(lang, c.decision == ConsentDecision::Permit ? "consent.sentence.permit" : "consent.sentence.deny",
            {who, what, from, to});
    if (!c.revoked_on.empty()) s += " " + trf(lang, "consent.sentence.revoked", {c.revoked_on});
    return s;
}

}  // namespace sipprep
