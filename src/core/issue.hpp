// A problem found in a preparation or a bundle: an error (data is wrong) or a warning (something a
// good preparation should have). Messages come from the catalogs ("msg.<code>").
#pragma once

#include <string>
#include <vector>

#include "i18n.hpp"

namespace sipprep {

enum class Severity { Error, Warning };

struct Issue {
    Severity severity = Severity::Error;
    std::string path;  // JSON Pointer into the bundle, e.g. "/content/owner/personal_id"
    std::string code;  // e.g. "pnr.checksum"
    std::vector<std::string> args;
};

// Who reads it: the person (and everyone at the meeting), or the professional who opened the file
// (the app's professional view, the CLI). A message that tells the person what to do ("Skriv vad
// som är viktigt för dig") says to the professional what is missing ("Personen har inte skrivit
// …"): "pro.msg.<code>" where the catalogs have it.
enum class Reader { Person, Professional };

// The field's name for people, e.g. "Personnummer (planen tillhör)", from the path.
std::string field_label(Lang lang, const std::string& path);
// The whole message, naming the field: "Personnummer: kontrollsiffran stämmer inte".
std::string describe(const Issue& issue, Lang lang, Reader reader = Reader::Person);

bool has_errors(const std::vector<Issue>& issues);

// Whether the issue says only that something is not filled in yet ("Skriv vilket språk tolken ska
// tala"), not that something written or chosen is wrong or at odds with something else.
bool only_not_filled_in(const Issue& issue);

}  // namespace sipprep
