// The canonical serialisation of bundle content that the integrity hash covers (see
// docs/bundle-format.md): compact, keys sorted by UTF-8 bytes, nlohmann's string escaping.
// The hash is written straight from the JSON tree, without building the text.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace sipprep {

std::string canonical_text(const nlohmann::json& value);
std::string canonical_sha256(const nlohmann::json& value);

// A whole bundle's two checksums in one walk: `content` over its "content" member (1.0), and
// `bundle` over every member except "integrity" — dates, app version and language included (1.1).
struct BundleHashes {
    std::string content;
    std::string bundle;
};
BundleHashes canonical_bundle_sha256(const nlohmann::json& bundle);

}  // namespace sipprep
