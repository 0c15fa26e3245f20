// The preparation as JSON: the "content" object of a bundle (format in docs/bundle-format.md).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model.hpp"

namespace sipprep {

using Json = nlohmann::ordered_json;  // written: members in a readable order
using JsonIn = nlohmann::json;      // read: order does not matter, and sorted keys hash canonically

Json to_json(const Preparation& p);

// Reads content that has already passed the schema. Fields the format does not know are kept
// out of the model and reported by their path in `unknown_fields`.
Preparation preparation_from_json(const JsonIn& content, std::vector<std::string>* unknown_fields = nullptr);

}  // namespace sipprep
