// Moments as people read them, in their own time zone.
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <regex>

#include "core/clock.hpp"

using namespace sipprep;

namespace {

// Runs `check` with the process in time zone `tz`, then puts the zone back.
template <typename F>
void in_zone(const char* tz, F check) {
    const char* was = std::getenv("TZ");
    const std::string before = was ? was : "";
    setenv("TZ", tz, 1);
    tzset();
    check();
    if (was)
        setenv("TZ", before.c_str(), 1);
    else
        unsetenv("TZ");
    tzset();
}

}  // namespace

TEST(Clock, AMomentInLocalTime) {
    in_zone("UTC", [] {
        EXPECT_EQ(local_datetime_text("2026-12-02T14:05:09Z", Lang::Sv), "2 december 2026, 14:05");
        EXPECT_EQ(local_datetime_text("2026-12-02T14:05:09Z", Lang::En), "2 December 2026, 14:05");
    });
    in_zone("CET-1CEST,M3.5.0,M10.5.0/3", [] {  // Sweden: summer time in July
        EXPECT_EQ(local_datetime_text("2026-07-31T23:30:00Z", Lang::Sv), "1 augusti 2026, 01:30");
    });
}

TEST(Clock, WhatIsNotAMomentStaysAsItIs) {
    for (const char* text : {"", "2026-12-02", "2026-12-02T14:05:09", "2026-12-02 14:05:09Z", "2026-1-02T14:05:09Z",
                             "20x6-12-02T14:05:09Z", "2026-12-02T14:05:09+01:00"})
        EXPECT_EQ(local_datetime_text(text, Lang::Sv), text);
}

TEST(Clock, NowIsWrittenAsTheFormatSays) {
    EXPECT_TRUE(std::regex_match(now_utc_iso(), std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)")));
    EXPECT_TRUE(std::regex_match(today_local_iso(), std::regex(R"(\d{4}-\d{2}-\d{2})")));
    EXPECT_TRUE(std::regex_match(local_time_hhmm(), std::regex(R"(\d{2}:\d{2})")));
}
