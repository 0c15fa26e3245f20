// Which catalog texts each screen of the app shows, by key prefix: the unit for measuring
// readability (tests/core/easy_swedish_test.cpp, bench/bench_lix.cpp). Not used by the app.
#pragma once

#include <string_view>
#include <vector>

namespace sipprep {

struct Screen {
    std::string_view name;
    std::vector<std::string_view> prefixes;  // "goal." holds "goal.intro", "goal.short.add" …
};

// Every screen, in the order a person meets them.
const std::vector<Screen>& screens();

// The screen whose prefix `key` starts with (the longest such prefix), or nullptr.
const Screen* screen_of_key(std::string_view key);

}  // namespace sipprep
