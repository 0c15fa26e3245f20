// A readable plain-text summary of a preparation, in the order a SIP meeting goes through it.
// Used by `sipprep summary` and the professional's view.
#pragma once

#include <string>
#include <vector>

#include "date.hpp"
#include "i18n.hpp"
#include "issue.hpp"
#include "model.hpp"

namespace sipprep {

std::string summary_text(const Preparation& p, Lang lang, const Date& today, const std::vector<Issue>& issues);

// "Anna (dotter)", or the owner's name for "person".
std::string author_label(const Preparation& p, const std::string& author_id, Lang lang);

}  // namespace sipprep
