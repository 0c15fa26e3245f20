#include "personal_id.hpp"

namespace sipprep {
namespace {

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

}  // namespace

int luhn_check_digit(std::string_view digits) {
    int sum = 0;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        int v = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
        sum += v > 9 ? v - 9 : v;
    }
    return (10 - sum % 10) % 10;
}

PersonalIdResult parse_personal_id(std::string_view t, int current_year) {
    PersonalIdResult r;
    // Split into an optional century, YYMMDD, an optional separator and NNNC.
    if (t.size() < 10 || t.size() > 13) return r;
    char sep = 0;
    std::string_view digits_before, last4 = t.substr(t.size() - 4);
    const char maybe_sep = t[t.size() - 5];
    if (maybe_sep == '-' || maybe_sep == '+') {
        sep = maybe_sep;
        digits_before = t.substr(0, t.size() - 5);
    } else {
        digits_before = t.substr(0, t.size() - 4);
    }
    if (!all_digits(last4) || !all_digits(digits_before)) return r;
    if (digits_before.size() != 6 && digits_before.size() != 8) return r;

    const bool has_century = digits_before.size() == 8;
    std::string_view yymmdd = digits_before.substr(has_century ? 2 : 0);
    const int yy = to_int(yymmdd.substr(0, 2));
    int year;
    if (has_century) {
        year = to_int(digits_before.substr(0, 4));
    } else {
        const int base = sep == '+' ? current_year - 100 : current_year;
        year = base - ((base - yy) % 100 + 100) % 100;
    }
    const int month = to_int(yymmdd.substr(2, 2));
    const int day = to_int(yymmdd.substr(4, 2));

    if (last4.substr(0, 3) == "000") {
        r.error = PersonalIdError::IndividualNumber;
        return r;
    }
    std::string nine = std::string(yymmdd) + std::string(last4.substr(0, 3));
    if (luhn_check_digit(nine) != last4[3] - '0') {
        r.error = PersonalIdError::Checksum;
        return r;
    }
    if (is_valid_date(year, month, day)) {
        r.id.birth = Date{year, month, day};
    } else if (day > 60 && is_valid_date(year, month, day - 60)) {
        r.id.birth = Date{year, month, day - 60};
        r.id.coordination = true;
    } else {
        r.error = PersonalIdError::Date;
        return r;
    }
    char y4[8];
    y4[0] = static_cast<char>('0' + year / 1000 % 10);
    y4[1] = static_cast<char>('0' + year / 100 % 10);
    y4[2] = static_cast<char>('0' + year / 10 % 10);
    y4[3] = static_cast<char>('0' + year % 10);
    r.id.digits = std::string(y4, 4) + std::string(yymmdd.substr(2)) + std::string(last4);
    r.error = PersonalIdError::None;
    return r;
}

const char* personal_id_error_code(PersonalIdError e) {
    switch (e) {
        case PersonalIdError::None:
            return "";
        case PersonalIdError::Format:
            return "pnr.format";
        case PersonalIdError::Date:
            return "pnr.date";
        case PersonalIdError::IndividualNumber:
            return "pnr.individual_zero";
        case PersonalIdError::Checksum:
            return "pnr.checksum";
    }
    return "pnr.format";
}

std::string personal_id_display(const PersonalId& id) {
    if (id.digits.size() != 12) return id.digits;
    return id.digits.substr(0, 8) + "-" + id.digits.substr(8);
}

}  // namespace sipprep
