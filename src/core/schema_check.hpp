// Checks a bundle document against schema/sipprep-bundle-v1.schema.json (embedded at build),
// the single source of truth for the bundle's shape.
#pragma once

#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

#include "issue.hpp"
#include "model.hpp"

namespace sipprep {

// One error per violation (at most 50), at the JSON pointer of the value: "schema.too_long"
// (its length, the limit), "schema.too_many" (the count, the limit), "schema.required",
// "schema.type.string" … ; the catalog words them.
std::vector<Issue> check_schema(const nlohmann::json& document);

// The format's limits on the preparation's content (how long a text, how many entries a list may
// have), without writing it out as JSON: what the rules check after each keystroke, so that a
// file the app saves is one it opens. "schema.too_long" / "schema.too_many" as above.
void check_limits(const Preparation& p, std::vector<Issue>* out);

// Whether `issue` is one of those: a file with it is not read further (bundle.cpp).
bool beyond_limits(const Issue& issue);

}  // namespace sipprep
