// The canonical serialisation of bundle content that the integrity hash covers (see
// docs/bundle-format.md): compact, keys sorted by UTF-8 bytes, nlohmann's string escaping.
// The hash is written straight from the JSON tree, without building the text.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace sipprep {

std::string canonical_text(const nlohmann::json& value);
std::string canonical_sha256(const nlohmann::json& value);

}  // namespace sipprep
