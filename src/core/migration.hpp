// Older bundle versions, brought up to the current one.
//
// Version 0 is the preview format of the first development builds:
//   {"format":"sipprep-bundle","version":0,"content":{"goal":"…","questions":["…", …]}}
// Every future version adds one step here, tested on a stored example of the old version.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "model_json.hpp"

namespace sipprep {

// Turns a version-0 document into a version-1 document (no integrity: the content is new). What
// version 0 had besides the goal's text and the questions' texts is not carried over: it is
// listed in `left_out` with its words, so that the one who opens the file is told.
nlohmann::json migrate_v0_to_v1(const nlohmann::json& v0, std::vector<UnknownField>* left_out = nullptr);

}  // namespace sipprep
