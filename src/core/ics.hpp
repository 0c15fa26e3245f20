// The follow-up meeting as an iCalendar file (RFC 5545) that the person can add to a phone's
// calendar: one VEVENT, text escaped and lines folded as the RFC says.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "i18n.hpp"
#include "model.hpp"

namespace sipprep {

// A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as "\n".
std::string ics_escape(std::string_view text);
// One content line folded (RFC 5545 3.1): no line longer than 75 octets, a UTF-8 character never
// split, each continuation starting with a space; lines end in CRLF.
std::string ics_fold(std::string_view line);

// The follow-up of `p.agreed` as a VCALENDAR, or nullopt when its date is not a valid date (or its
// time, when given, not "HH:MM"). `stamp_utc` is now as "2026-11-23T14:05:09Z" (DTSTAMP and UID).
// With a time the event is an hour long in the phone's own time zone (floating time); without
// one it is a whole day.
std::optional<std::string> follow_up_ics(const Preparation& p, Lang lang, const std::string& stamp_utc);

// "HH:MM" with 00–23 and 00–59, as minutes after midnight.
std::optional<int> parse_hhmm(std::string_view text);

}  // namespace sipprep
