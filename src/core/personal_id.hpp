// Swedish personnummer and samordningsnummer (coordination numbers).
//
// Accepted forms: YYMMDDNNNC, YYMMDD-NNNC, YYMMDD+NNNC, YYYYMMDDNNNC, YYYYMMDD-NNNC.
// Ten-digit forms get their century from the current year, as the Swedish Tax Agency's forms
// work: the latest year not after `current_year` (or, with '+', after current_year − 100) that
// ends in YY. The day of a samordningsnummer is the birth day + 60. NNN is never 000; C is the
// Luhn check digit over YYMMDDNNN. Stored as 12 digits.
#pragma once

#include <string>
#include <string_view>

#include "date.hpp"

namespace sipprep {

enum class PersonalIdError { None, Format, Date, IndividualNumber, Checksum };

struct PersonalId {
    std::string digits;  // 12 digits: YYYYMMDDNNNC
    Date birth;          // real birth date (day − 60 for a samordningsnummer)
    bool coordination = false;
};

struct PersonalIdResult {
    PersonalIdError error = PersonalIdError::Format;
    PersonalId id;
    bool ok() const { return error == PersonalIdError::None; }
};

PersonalIdResult parse_personal_id(std::string_view text, int current_year);

// As people read it: "ÅÅÅÅMMDD-NNNN" (stored as 12 digits).
std::string personal_id_display(const PersonalId& id);

// "pnr.format", "pnr.date", … — the catalog key suffix for an error.
const char* personal_id_error_code(PersonalIdError e);

// Luhn check digit for a string of digits.
int luhn_check_digit(std::string_view digits);

}  // namespace sipprep
