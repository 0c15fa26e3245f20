// Checks a bundle document against schema/sipprep-bundle-v1.schema.json (embedded at build),
// the single source of truth for the bundle's shape.
#pragma once

#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

#include "issue.hpp"

namespace sipprep {

// One error per violation (at most 50), at the JSON pointer of the value: "schema.too_long"
// (its length, the limit), "schema.too_many" (the count, the limit), "schema.required",
// "schema.type.string" … ; the catalog words them.
std::vector<Issue> check_schema(const nlohmann::json& document);

}  // namespace sipprep
