// The web build's printf: what glibc's snprintf writes, for what the app and its libraries use.
#include <gtest/gtest.h>

#include <cstdarg>
#include <cstdio>
#include <string>

#include "base/format_printf.hpp"

using namespace sipprep;

namespace {

std::string ours(const char* format, ...) {
    std::va_list args;
    va_start(args, format);
    char buf[256];
    const int n = format_printf(buf, sizeof buf, format, args);
    va_end(args);
    EXPECT_EQ(static_cast<std::size_t>(n), std::string(buf).size()) << format;
    return buf;
}

template <typename... Args>
void same(const char* format, Args... args) {
    char theirs[256];
    std::snprintf(theirs, sizeof theirs, format, args...);
    EXPECT_EQ(ours(format, args...), std::string(theirs)) << "format " << format;
}

}  // namespace

TEST(FormatPrintf, IntegersAsGlibc) {
    for (int v : {0, 1, -1, 7, 42, -42, 255, 65535, 2147483647, -2147483647 - 1}) {
        for (const char* f : {"%d", "%i", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%8.3d", "%-8.3d|", "%.0d",
                              "%02d", "%04d", "%+05d"})
            same(f, v);
        for (const char* f :
             {"%u", "%x", "%X", "%08x", "%08X", "%#x", "%#X", "%o", "%#o", "%#.0o", "%.0x", "%04x", "%-6x|", "%#10x"})
            same(f, static_cast<unsigned>(v));
    }
    same("%ld %lu %lx", -5L, 5UL, 0xabcdefUL);
    same("%lld %llu %llX", -9223372036854775807LL - 1, 18446744073709551615ULL, 0xFEDCBA9876543210ULL);
    same("%zx-%zu-%zd", static_cast<std::size_t>(0xdeadbeef), static_cast<std::size_t>(12),
         static_cast<std::ptrdiff_t>(-3));
    same("%hd %hhd %hu %hhu", 70000, 300, 70000, 300);
    same("%jd %ju", static_cast<intmax_t>(-1), static_cast<uintmax_t>(1));
    same("U+%04lX", 0x1F600UL);
    same("\\u%04x", 0x1f);
    same("i%08x", 0x1234abu);
    same("%*d|%-*d|%.*d", 6, 42, 6, 42, 4, 42);
    same("%*d", -6, 42);
}

TEST(FormatPrintf, TextsAsGlibc) {
    same("%s", "Åsa");
    same("[%10s]", "abc");
    same("[%-10s]", "abc");
    same("[%.2s]", "abcdef");
    same("[%.*s]", 3, "abcdef");
    same("%s/%s_%08X", "##Win", "child", 0xABCDu);
    same("##Tooltip_%02d", 3);
    same("%c%c|%3c|%-3c|", 'a', 'b', 'c', 'd');
    same("100%% sure");
    same("%p", static_cast<void*>(nullptr));
    same("%p", reinterpret_cast<void*>(0x1234));
}

TEST(FormatPrintf, FloatingPointAsGlibcForPlainValues) {
    // Plain: at most 17 significant digits, and no value just beside a half of the last digit
    // shown (format_printf.hpp says why those may differ in the last digit).
    for (double v : {0.0,    -0.0, 1.0,         -1.0, 0.5, 1.5, 2.5, 0.25,  0.125, 3.0,     10.0, 100.0, 1234.5678,
                     -0.001, 1e-5, 123456789.0, 1e15, 0.1, 0.2, 0.3, 9.999, 99.99, 0.00049, 0.96, 9.96}) {
        for (const char* f :
             {"%f",   "%.0f", "%.1f", "%.2f",   "%.3f", "%10.2f", "%-10.2f|", "%010.3f", "%+.1f", "%#.0f", "%e",
              "%.0e", "%.2e", "%E",   "%12.3e", "%g",   "%.3g",   "%G",       "%#g",     "%.0g",  "%.10g"})
            same(f, v);
    }
    for (double v : {1e20, 1e100, 1e-100, 6.02214076e23, 1.7976931348623157e308, 4.9406564584124654e-324})
        for (const char* f : {"%e", "%.3e", "%g", "%.10g", "%E", "%G"}) same(f, v);
    same("%f %F %e %g", 1.0 / 0.0, -1.0 / 0.0, 0.0 / 0.0, 1.0 / 0.0);
    same("%Lf", 2.5L);
}

TEST(FormatPrintf, CutsAtTheSizeAndCountsTheWhole) {
    char buf[8];
    auto call = [&](std::size_t size, const char* format, ...) {
        std::va_list args;
        va_start(args, format);
        const int n = format_printf(buf, size, format, args);
        va_end(args);
        return n;
    };
    EXPECT_EQ(call(sizeof buf, "%s", "abcdefghij"), 10);
    EXPECT_STREQ(buf, "abcdefg");
    buf[0] = 'x';
    EXPECT_EQ(call(0, "%d", 12345), 5);
    EXPECT_EQ(buf[0], 'x');  // nothing written
    EXPECT_EQ(call(1, "%d", 12345), 5);
    EXPECT_STREQ(buf, "");
}

TEST(FormatPrintf, OddFormatsAreShownNotFollowed) {
    EXPECT_EQ(ours("a%"), "a%");
    EXPECT_EQ(ours("%y"), "%y");
    int count = 7;
    EXPECT_EQ(ours("ab%n", &count), "ab");
    EXPECT_EQ(count, 7);  // %n writes nothing
}
