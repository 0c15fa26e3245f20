#include "clock.hpp"

#include <cstdio>
#include <ctime>

namespace sipprep {

std::string today_local_iso() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    return buf;
}

std::string now_utc_iso() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

std::string local_datetime_text(const std::string& iso_utc, Lang lang) {
    // "YYYY-MM-DDTHH:MM:SSZ", as now_utc_iso() writes it.
    auto number = [&](std::size_t at, std::size_t digits, int* out) {
        *out = 0;
        for (std::size_t i = at; i < at + digits; ++i) {
            if (i >= iso_utc.size() || iso_utc[i] < '0' || iso_utc[i] > '9') return false;
            *out = *out * 10 + (iso_utc[i] - '0');
        }
        return true;
    };
    std::tm utc{};
    if (iso_utc.size() < 20 || iso_utc[4] != '-' || iso_utc[7] != '-' || iso_utc[10] != 'T' || iso_utc[13] != ':' ||
        iso_utc[16] != ':' || iso_utc[19] != 'Z' || !number(0, 4, &utc.tm_year) || !number(5, 2, &utc.tm_mon) ||
        !number(8, 2, &utc.tm_mday) || !number(11, 2, &utc.tm_hour) || !number(14, 2, &utc.tm_min) ||
        !number(17, 2, &utc.tm_sec))
        return iso_utc;
    utc.tm_year -= 1900;
    utc.tm_mon -= 1;
    const std::time_t t = timegm(&utc);
    std::tm local{}, back{};
    localtime_r(&t, &local);
    gmtime_r(&t, &back);
    char time[24];
    // A 32-bit time_t (the WebAssembly build's) ends in January 2038: a time it cannot hold is said
    // as written, in UTC, not as a day in 1901.
    const bool held = back.tm_year == utc.tm_year && back.tm_mon == utc.tm_mon && back.tm_mday == utc.tm_mday;
    const std::tm& shown = held ? local : utc;
    std::snprintf(time, sizeof time, held ? "%02d:%02d" : "%02d:%02d UTC", shown.tm_hour, shown.tm_min);
    return trf(lang, "datetime.format",
               {std::to_string(shown.tm_mday), tr(lang, "month." + std::to_string(shown.tm_mon + 1)),
                std::to_string(shown.tm_year + 1900), time});
}

std::string local_time_hhmm() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", tm.tm_hour, tm.tm_min);
    return buf;
}

}  // namespace sipprep
