// printf-style formatting in plain C++, for the web build's snprintf and vsnprintf.
//
// libc's printf formats floating point through `long double`, which WebAssembly does not have:
// it brings software 128-bit arithmetic and all of printf into the download (about 8 KB gzip).
// The web build routes snprintf/vsnprintf here (src/platform/web/libc_printf.cpp), so Dear
// ImGui, nlohmann/json and our code keep calling the standard functions.
//
// What it does: flags - 0 + space #, width and precision (numbers or *), lengths hh h l ll z j t
// L, conversions d i u o x X c s p % and f F e E g G. Integers and texts come out exactly as C
// says. Floating point is rounded through a double multiplication, so a value's last digit can
// differ from glibc's where the product rounds across a half (none of the app's texts print
// floating point; Dear ImGui's table settings would). %n is not supported (it prints nothing);
// %a and wide texts (%lc, %ls) print the conversion as written.
#pragma once

#include <cstdarg>
#include <cstddef>

namespace sipprep {

// As vsnprintf: writes at most size - 1 characters and a NUL (nothing when size is 0) and
// returns the length the whole text has.
int format_printf(char* out, std::size_t size, const char* format, std::va_list args);

}  // namespace sipprep
