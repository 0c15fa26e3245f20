// Checks a bundle document against schema/sipprep-bundle-v1.schema.json (embedded at build),
// the single source of truth for the bundle's shape.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "issue.hpp"

namespace sipprep {

// One error ("schema.invalid", path, valijson's description) per violation.
std::vector<Issue> check_schema(const nlohmann::json& document);

}  // namespace sipprep
