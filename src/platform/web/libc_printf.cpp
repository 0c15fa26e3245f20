// The web build's snprintf and vsnprintf: these definitions take the place of libc's, so Dear
// ImGui, nlohmann/json and the app format through sipprep::format_printf (src/core/
// format_printf.hpp says why and what it does). Only this build links this file.
#include <cstdarg>
#include <cstddef>

#include "base/format_printf.hpp"

extern "C" int vsnprintf(char* out, std::size_t size, const char* format, std::va_list args) {
    return sipprep::format_printf(out, size, format, args);
}

extern "C" int snprintf(char* out, std::size_t size, const char* format, ...) {
    std::va_list args;
    va_start(args, format);
    const int n = sipprep::format_printf(out, size, format, args);
    va_end(args);
    return n;
}
