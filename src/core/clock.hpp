// Today's date and the current time as the bundle format writes them.
#pragma once

#include <string>

#include "i18n.hpp"

namespace sipprep {

std::string today_local_iso();  // "2026-11-23", the person's local date
std::string now_utc_iso();      // "2026-11-23T14:05:09Z"

// A moment as the format writes it ("2026-11-23T14:05:09Z") in the person's local time, the way
// people read it: "23 november 2026, 15:05" (Swedish) or "23 November 2026, 15:05". An
// unreadable value is returned as it is.
std::string local_datetime_text(const std::string& iso_utc, Lang lang);
// The local time now as "15:05".
std::string local_time_hhmm();

}  // namespace sipprep
