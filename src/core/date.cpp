#include "date.hpp"

#include <cstdio>

#include "clock.hpp"

namespace sipprep {

bool is_valid_date(int year, int month, int day) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::optional<Date> parse_iso_date(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    auto num = [&](std::size_t from, std::size_t len, int* out) {
        int v = 0;
        for (std::size_t i = from; i < from + len; ++i) {
            if (t[i] < '0' || t[i] > '9') return false;
            v = v * 10 + (t[i] - '0');
        }
        *out = v;
        return true;
    };
    Date d;
    if (!num(0, 4, &d.year) || !num(5, 2, &d.month) || !num(8, 2, &d.day)) return std::nullopt;
    if (!is_valid_date(d.year, d.month, d.day)) return std::nullopt;
    return d;
}

std::string format_iso_date(const Date& d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

bool is_utc_instant(std::string_view t) {
    if (t.size() < 20 || !parse_iso_date(t.substr(0, 10)) || t[10] != 'T' || t[13] != ':' || t[16] != ':' ||
        t.back() != 'Z')
        return false;
    auto two = [&](std::size_t at, int max) {
        const bool digits = t[at] >= '0' && t[at] <= '9' && t[at + 1] >= '0' && t[at + 1] <= '9';
        return digits && (t[at] - '0') * 10 + (t[at + 1] - '0') <= max;
    };
    if (!two(11, 23) || !two(14, 59) || !two(17, 60)) return false;  // 60: a leap second
    const std::string_view fraction = t.substr(19, t.size() - 20);
    if (fraction.empty()) return true;
    if (fraction.size() < 2 || fraction[0] != '.') return false;
    return fraction.find_first_not_of("0123456789", 1) == std::string_view::npos;
}

int age_on(const Date& birth, const Date& on) {
    int age = on.year - birth.year;
    if (on.month < birth.month || (on.month == birth.month && on.day < birth.day)) --age;
    return age;
}

Date today_local() { return *parse_iso_date(today_local_iso()); }

}  // namespace sipprep
