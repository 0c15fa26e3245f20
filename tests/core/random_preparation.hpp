// A random preparation with every kind of field filled or left empty, through the field tables
// (fields.hpp), so a field added to the model is covered without touching this file. Texts come
// from a pool with what writers get wrong: escapes, control characters, non-ASCII, long runs.
#pragma once

#include <random>
#include <string>
#include <type_traits>
#include <vector>

#include "core/enum_names.hpp"
#include "core/fields.hpp"

namespace sipprep::test_data {

class RandomPreparation {
public:
    // `controls`: texts may hold control characters (a file can; the page takes them out of what
    // is typed, and a bundle with one is not read).
    explicit RandomPreparation(unsigned seed, bool controls = true) : rng_(seed), controls_(controls) {}

    Preparation make() {
        Preparation p;
        fill(p, 0);
        return p;
    }

private:
    template <typename T>
    struct is_vector : std::false_type {};
    template <typename T>
    struct is_vector<std::vector<T>> : std::true_type {};

    std::size_t below(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }

    std::string text() {
        static const char* const pool[] = {
            "",
            "Bo kvar hemma",
            "Å ä ö – ”citat” och é",
            "\"citat\" \\ bakstreck / snedstreck",
            "rad ett\nrad två\tflik\n",
            "😀 👨‍👩‍👧 emoji",
            "\xE2\x80\xA8 radavgränsare \xE2\x80\xA9",
            "</script><!--",
            "عربي RTL",
            "q-1",
            "person",
        };
        static const char* const controls[] = {"\x01 \x1f \x7f \b \f", "rad\r\nrad"};
        if (controls_ && below(8) == 0) return controls[below(2)];
        std::string s = pool[below(sizeof pool / sizeof *pool)];
        if (below(40) == 0)
            while (s.size() < 70000) s += "lång text med å och \"citat\"\n";
        return s;
    }

    template <typename T>
    void fill(T& v, int depth) {
        if constexpr (std::is_same_v<T, std::string>) {
            v = text();
        } else if constexpr (std::is_same_v<T, bool>) {
            v = below(2) == 0;
        } else if constexpr (std::is_same_v<T, int>) {
            const int choices[] = {0, 1, -1, 7, 2147483647, -2147483647 - 1, 365};
            v = choices[below(std::size(choices))];
        } else if constexpr (std::is_enum_v<T>) {
            v = static_cast<T>(below(EnumNames<T>::names.size()));
        } else if constexpr (std::is_same_v<T, Voices>) {
            fill(v.entries, depth);
        } else if constexpr (is_vector<T>::value) {
            v.clear();
            const std::size_t n = depth > 3 ? 0 : below(4);
            for (std::size_t i = 0; i < n; ++i) fill(v.emplace_back(), depth + 1);
        } else {
            std::apply(
                [&](const auto&... f) {
                    auto one = [&](const auto& fd) {
                        // A third of the members keep their default (optional ones are then left out).
                        if (below(3) != 0) fill(v.*(fd.member), depth + 1);
                    };
                    (one(f), ...);
                },
                Fields<T>::list);
        }
    }

    std::mt19937 rng_;
    bool controls_;
};

}  // namespace sipprep::test_data
