#pragma once

#include <string>
#include <utility>
#include <vector>

#include "platform/platform.hpp"

namespace sipprep::platform {

struct FakePlatform {
    std::vector<std::pair<std::string, std::string>> downloads;
    std::string draft;
    std::string printed;
    std::string copied;
    std::string kept;
    int picks = 0;
};
FakePlatform& fake();

}  // namespace sipprep::platform
