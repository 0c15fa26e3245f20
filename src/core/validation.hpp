// The rules a schema cannot express. Errors where data is wrong; warnings for what a good
// preparation should have. Every issue carries the JSON Pointer of its field.
#pragma once

#include <vector>

#include "date.hpp"
#include "issue.hpp"
#include "model.hpp"

namespace sipprep {

std::vector<Issue> validate(const Preparation& p, const Date& today);

// The plan owner's birth date from the personnummer, if it is valid.
std::optional<Date> owner_birth_date(const Preparation& p, const Date& today);
// The date the rules use for "on the meeting": the wished meeting date, or today.
Date meeting_date(const Preparation& p, const Date& today);
// Under 18 on the meeting date (false when the personnummer is missing or invalid).
bool is_child(const Preparation& p, const Date& today);

}  // namespace sipprep
