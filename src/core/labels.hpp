// Names for people: enum values, actors, authors, consents — from the catalogs, shared by the
// summary, the CLI and the screens.
#pragma once

#include <optional>
#include <string>

#include "date.hpp"
#include "enum_names.hpp"
#include "i18n.hpp"
#include "model.hpp"

namespace sipprep {

// The catalog key of an enum value, "enum.<catalog>.<name>": enum_key(ActorKind::School) = "enum.actor.school".
template <typename E>
std::string enum_key(E value) {
    return std::string("enum.") + EnumNames<E>::catalog + "." + std::string(enum_name(value));
}
// enum_label(Lang::Sv, ActorKind::School) = "Skolan".
template <typename E>
std::string enum_label(Lang lang, E value) {
    return tr(lang, enum_key(value));
}

// A life area's name: "Boende", or the person's own words for an "other" area.
std::string area_label(const AreaNeeds& n, Lang lang);

// "Maria Lind – Vårdnadshavare (mamma), 070-123 45 67": who speaks for the person, in one line.
std::string representative_text(const Representative& r, Lang lang);

// "Vårdcentralen, Vårdcentralen Ryd" or the free label of an "other" actor.
std::string invitee_label(const Invitee& a, Lang lang);
const Invitee* find_invitee(const Preparation& p, const std::string& id);

// The first word of the person's name ("Elsa" for "Elsa Lind"), or "" before a name is typed.
std::string owner_first_name(const Preparation& p);

// The KVÅ code a professional registers for this kind of SIP — a suggestion; nothing is ever
// registered by the app. AU124 establishing a SIP, AU125 at discharge from hospital, AW010 follow-up.
struct KvaCode {
    const char* code;
    const char* text_key;  // catalog: what the code stands for
};
KvaCode kva_code(PreparationKind kind);
// The code to suggest for this file, once a meeting has established (AU124, AU125) or followed up
// (AW010) the plan — the person has written down what was agreed; nullopt for a preparation
// before any meeting and for a relative's contribution (seed 004 lists the codes; registering
// follows the local routine).
std::optional<KvaCode> kva_suggestion(const Preparation& p);

// "16 november 2026" / "November 16, 2026".
std::string date_words(const Date& d, Lang lang);
// "16 november" in today's year, "16 november 2025" in another.
std::string date_words(const Date& d, Lang lang, const Date& today);

// The name a saved file gets: "sip-elsa-2026-11-23.json" (the first name in plain letters, so that
// a professional who receives several can tell them apart), "sip-forberedelse-2026-11-23.json"
// before a name is typed.
std::string bundle_file_name(const Preparation& p, const std::string& iso_date);

// "Anna (dotter)", or "Kerstin själv" for the person; "Vårdnadshavare 2" before a name is typed.
std::string author_label(const Preparation& p, const std::string& author_id, Lang lang);

// Who noticed the need, said about the person ("Daniel Hassan själv", not the step's "Jag själv"),
// and "Någon annan" as the person named them.
std::string noticed_label(const Preparation& p, NoticedBy by, Lang lang);

// Who receives information under a consent: an invited organisation ("Vårdcentralen, Ryd") or a
// person such as a relative ("Karin (dotter)"); "Verksamheten" when the id names neither.
std::string consent_receiver_label(const Preparation& p, const std::string& actor_id, Lang lang);

// An agreed effort in one line: "Hemtjänst varje morgon (Hemtjänsten, senast 2026-12-15)".
std::string effort_text(const Effort& e, Lang lang);
// From when, how often and where, in one line ("från 1 december 2026, varje tisdag, hemma"); "" when
// none is written.
std::string effort_when_where(const Effort& e, Lang lang);

// A contact the plan names in one line: "Fast läkarkontakt: Dr Berg, 013-12 34 56".
std::string plan_contact_text(const PlanContact& c, Lang lang);

// The actor with the overall responsibility and the person there: "Vårdcentralen, Ryd – Sara Ek".
std::string lead_text(const Preparation& p, Lang lang);

// The consent as one plain sentence: "Vårdcentralen får ta del av uppgifter om … från … till …".
std::string consent_sentence(const Preparation& p, const Consent& c, Lang lang);

}  // namespace sipprep
