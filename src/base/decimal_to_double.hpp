// A decimal number's text to the nearest double, correctly rounded (as strtod in the C locale).
//
// Not strtod: libc's goes through `long double`, which WebAssembly emulates in software; with
// scanf that was about 6 KB gzip of the web download. This is the exact "simple decimal
// conversion" (the slow path of Go's strconv.ParseFloat): the digits are shifted by powers of
// two until the binary exponent is known, then rounded half to even. Any number of digits.
#pragma once

#include <string_view>

namespace sipprep {

// `text` is a number as JSON writes it: an optional '-', digits, an optional fraction and
// exponent (the caller has checked that). Too large a number gives an infinity, too small a zero.
double decimal_to_double(std::string_view text);

}  // namespace sipprep
