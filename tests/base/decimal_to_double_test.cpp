// Decimal text to double: bit for bit what glibc's strtod (correctly rounded) gives.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

#include "base/decimal_to_double.hpp"

using namespace sipprep;

namespace {

void expect_as_strtod(const std::string& text) {
    const double theirs = std::strtod(text.c_str(), nullptr);
    const double ours = decimal_to_double(text);
    std::uint64_t a, b;
    std::memcpy(&a, &theirs, 8);
    std::memcpy(&b, &ours, 8);
    EXPECT_EQ(a, b) << text << ": strtod " << theirs << ", ours " << ours;
}

}  // namespace

TEST(DecimalToDouble, KnownHardCases) {
    for (const char* text : {
             "0",
             "-0",
             "0.0",
             "-0.0",
             "1",
             "-1",
             "0.1",
             "0.5",
             "1.5",
             "2.5",
             "3.14159",
             "1e2",
             "1E+2",
             "1e-2",
             "123456789012345678901234567890",
             "9007199254740993",  // 2^53 + 1: a tie, to even
             "9007199254740995",
             "9007199254740992.5000000000000000001",  // just above the tie
             "1.7976931348623157e308",
             "1.7976931348623158e308",  // the largest, and still to it
             "1.7976931348623159e308",  // past it: infinity
             "2.2250738585072014e-308",
             "2.2250738585072011e-308",  // smallest normal, below it
             "4.9406564584124654e-324",
             "2.4703282292062328e-324",  // smallest subnormal, just above half
             "2.4703282292062327e-324",
             "1e-400",
             "1e400",
             "-1e400",
             "0.000000000000000000000000000001",
             "7.038531e-26",  // strtod's famous hard case
             "2.22507385850720113605740979670913197593481954327e-308",
             "1448997445238699",
             "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330"
             "286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069"
             "855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791."
             "9999999999999999999999999999999999999999999999999999999999999999999999",
             "0.500000000000000166533453693773481063544750213623046875",  // halfway between two doubles
             "3.518437208883201171875e13",
             "62.5364939768271845828",
             "8.10109172351e-10",
             "1.00000000000000011102230246251565404236316680908203125",  // 1 + half an ulp: ties to 1
             "1.00000000000000011102230246251565404236316680908203126",  // a hair above: up
         })
        expect_as_strtod(text);
}

TEST(DecimalToDouble, ManyDigitsPastWhatIsKept) {
    // 900 digits: the tail past the 800 kept decides only whether a tie rounds up.
    std::string tie = "9007199254740993" + std::string(880, '0');
    expect_as_strtod(tie);
    expect_as_strtod(tie + "1");
    expect_as_strtod("0." + std::string(850, '0') + "1e860");
}

TEST(DecimalToDouble, RandomNumbersAsStrtod) {
    std::mt19937_64 rng(20261202);
    for (int i = 0; i < 20000; ++i) {
        // Random bits as a double, printed with 17 digits and with fewer (rounding each way).
        std::uint64_t bits = rng();
        double d;
        std::memcpy(&d, &bits, 8);
        if (d != d || d - d != 0) continue;
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.*e", static_cast<int>(rng() % 20), d);
        expect_as_strtod(buf);
        // And a decimal of random digits and exponent.
        std::string text = std::to_string(rng() % 1000000000) + "." + std::to_string(rng()) + "e" +
                           std::to_string(static_cast<int>(rng() % 700) - 350);
        expect_as_strtod(text);
    }
}
