// Reads one candidate personnummer per line and prints our parser's verdict:
// "valid YYYYMMDDNNNC" or "invalid". Used by personnummer.test.mjs against npm's personnummer.
#include <ctime>
#include <iostream>
#include <string>

#include "core/personal_id.hpp"

int main(int argc, char** argv) {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    int year = argc > 1 ? std::stoi(argv[1]) : tm.tm_year + 1900;
    std::string line;
    while (std::getline(std::cin, line)) {
        auto r = sipprep::parse_personal_id(line, year);
        std::cout << (r.ok() ? "valid " + r.id.digits : std::string("invalid")) << "\n";
    }
    return 0;
}
