// A small regular-expression engine (ECMAScript subset) for the JSON Schema's "pattern" checks
// (src/core/schema_check.cpp). libc++'s std::regex would bring its whole locale machinery into
// the web app (about a tenth of its download). Natively it is tested against std::regex
// (tests/base/regex_lite_test.cpp).
//
// Supported: literals and escapes, ., [...] with ranges, negation and \d \w \s, \d \D \w \W \s \S,
// ^ $, ( ) and (?: ), |, * + ? {n} {n,} {n,m} (a trailing ? for lazy is accepted). Works on bytes.
// Matching is backtracking with a visited set, so it takes at most pattern × text steps.
#pragma once

#include <bitset>
#include <cstddef>
#include <string>
#include <vector>

namespace sipprep::regex_lite {

struct Inst {
    enum Op { Char, Any, Class, Split, Jmp, Save, Match, Bol, Eol } op = Match;
    unsigned char c = 0;
    int x = 0, y = 0;  // jump targets, class index or capture slot
};

class Regex {
public:
    Regex() = default;
    explicit Regex(const std::string& pattern);
    explicit Regex(const char* pattern) : Regex(std::string(pattern)) {}

    bool valid() const { return valid_; }
    int groups() const { return groups_; }

    // Runs the program on `text`; `full` requires the whole text to match. Fills `captures`
    // (2 per group, group 0 is the whole match; -1 when a group did not take part).
    bool run(const std::string& text, bool full, std::vector<int>* captures) const;

private:
    std::vector<Inst> prog_;
    std::vector<std::bitset<256>> classes_;
    int groups_ = 1;
    bool valid_ = false;
    friend class Compiler;
};

struct SubMatch {
    bool matched = false;
    std::string text;
    std::string str() const { return text; }
    operator std::string() const { return text; }
};

class Match {
public:
    const SubMatch& operator[](std::size_t i) const {
        static const SubMatch none;
        return i < subs_.size() ? subs_[i] : none;
    }
    std::size_t size() const { return subs_.size(); }
    bool empty() const { return subs_.empty(); }
    void set(const std::string& text, const std::vector<int>& captures);

private:
    std::vector<SubMatch> subs_;
};

bool regex_match(const std::string& text, const Regex& re);
bool regex_match(const std::string& text, Match& m, const Regex& re);
bool regex_search(const std::string& text, const Regex& re);
bool regex_search(const std::string& text, Match& m, const Regex& re);

}  // namespace sipprep::regex_lite
