// A follow-up that starts from the earlier plan: who the person is, who writes, who is invited,
// the adaptations and the consents carry over (consents marked to be looked at again, never
// silently renewed); goal, questions and situation stay in the earlier plan, shown beside the
// new one to keep, change or drop.
#pragma once

#include <string>

#include "model.hpp"

namespace sipprep {

// `saved` is the earlier file's "updated" time (ISO 8601 UTC), or "" when unknown.
Preparation start_follow_up(const Preparation& earlier, const std::string& saved);

// Copies the efforts agreed in `earlier` into the follow-up's "Blev det gjort?" list, unanswered,
// when that list is still empty. True when something was copied.
bool carry_agreed_efforts(Preparation& follow_up, const Preparation& earlier);

// Copies an earlier entry into `voices` for its author unless that author has written there.
// True when it was added.
bool keep_earlier_entry(Voices& voices, const Entry& earlier);

}  // namespace sipprep
