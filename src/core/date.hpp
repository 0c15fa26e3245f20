// Calendar dates as the bundle writes them: "YYYY-MM-DD" (ISO 8601, extended form).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sipprep {

struct Date {
    int year = 0, month = 0, day = 0;
    friend bool operator<(const Date& a, const Date& b) {
        if (a.year != b.year) return a.year < b.year;
        if (a.month != b.month) return a.month < b.month;
        return a.day < b.day;
    }
    friend bool operator==(const Date& a, const Date& b) {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
    friend bool operator<=(const Date& a, const Date& b) { return !(b < a); }
};

bool is_valid_date(int year, int month, int day);
// Strict "YYYY-MM-DD" with a real calendar day; nullopt otherwise.
std::optional<Date> parse_iso_date(std::string_view text);
std::string format_iso_date(const Date& d);
// "YYYY-MM-DDTHH:MM:SSZ" (seconds may carry a fraction) with a real day and time: an instant in
// UTC, as a bundle's `created` and `updated` are written and as FHIR's instant requires.
bool is_utc_instant(std::string_view text);
// Whole years from `birth` to `on` (birthday on 29 February counts from 1 March in other years).
int age_on(const Date& birth, const Date& on);
Date today_local();

}  // namespace sipprep
