// Names for people: enum values, actors, authors, consents — from the catalogs, shared by the
// summary, the CLI and the screens.
#pragma once

#include <string>

#include "enum_names.hpp"
#include "i18n.hpp"
#include "model.hpp"

namespace sipprep {

// tr("enum.<type>.<name>"), e.g. enum_label(Lang::Sv, "actor", ActorKind::School) = "Skolan".
template <typename E>
std::string enum_label(Lang lang, const char* type, E value) {
    return tr(lang, std::string("enum.") + type + "." + std::string(enum_name(value)));
}

// "Vårdcentralen, Vårdcentralen Ryd" or the free label of an "other" actor.
std::string invitee_label(const Invitee& a, Lang lang);
const Invitee* find_invitee(const Preparation& p, const std::string& id);

// "Anna (dotter)", or "Kerstin själv" for the person.
std::string author_label(const Preparation& p, const std::string& author_id, Lang lang);

// The consent as one plain sentence: "Vårdcentralen får ta del av uppgifter om … från … till …".
std::string consent_sentence(const Preparation& p, const Consent& c, Lang lang);

}  // namespace sipprep
