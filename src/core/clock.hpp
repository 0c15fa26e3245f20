// Today's date and the current time as the bundle format writes them.
#pragma once

#include <string>

namespace sipprep {

std::string today_local_iso();  // "2026-11-23", the person's local date
std::string now_utc_iso();      // "2026-11-23T14:05:09Z"

}  // namespace sipprep
