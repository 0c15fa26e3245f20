// Older bundle versions, brought up to the current one.
//
// Version 0 is the preview format of the first development builds:
//   {"format":"sipprep-bundle","version":0,"content":{"goal":"…","questions":["…", …]}}
// Every future version adds one step here, tested on a stored example of the old version.
#pragma once

#include <nlohmann/json.hpp>

namespace sipprep {

// Turns a version-0 document into a version-1 document (no integrity: the content is new).
nlohmann::json migrate_v0_to_v1(const nlohmann::json& v0);

}  // namespace sipprep
