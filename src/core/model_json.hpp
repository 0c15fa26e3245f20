// The preparation as JSON: the "content" object of a bundle (format in docs/bundle-format.md).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model.hpp"

namespace sipprep {

// One JSON type for reading and writing: a second instantiation of nlohmann::basic_json would
// cost the web app about a sixth of its download. Members come out in sorted order.
using Json = nlohmann::json;
using JsonIn = nlohmann::json;

Json to_json(const Preparation& p);

// Reads content that has already passed the schema. Fields the format does not know are kept
// out of the model and reported by their path in `unknown_fields`.
Preparation preparation_from_json(const JsonIn& content, std::vector<std::string>* unknown_fields = nullptr);

}  // namespace sipprep
