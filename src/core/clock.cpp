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
    std::tm utc{};
    char z = 0;
    if (std::sscanf(iso_utc.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &utc.tm_year, &utc.tm_mon, &utc.tm_mday, &utc.tm_hour,
                    &utc.tm_min, &utc.tm_sec, &z) != 7 ||
        z != 'Z')
        return iso_utc;
    utc.tm_year -= 1900;
    utc.tm_mon -= 1;
    const std::time_t t = timegm(&utc);
    std::tm local{};
    localtime_r(&t, &local);
    char time[16];
    std::snprintf(time, sizeof time, "%02d:%02d", local.tm_hour, local.tm_min);
    return trf(lang, "datetime.format",
               {std::to_string(local.tm_mday), tr(lang, "month." + std::to_string(local.tm_mon + 1)),
                std::to_string(local.tm_year + 1900), time});
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
