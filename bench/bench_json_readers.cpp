// Reads one JSON file with our parser (base/json_parse) and with nlohmann's own parser, plain and
// through its SAX interface with the limits the importer needs (depth, a repeated key), and
// prints the median of 15 reads each. Why we keep our own: docs/architecture.md, "Libraries".
//   build/native/sipprep_bench_json FILE.json
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/json_parse.hpp"

namespace {

// nlohmann's DOM builder with our importer's limits added in the handler. The SAX interface gives
// no position with a key, so a repeated key could not say where it is (ours can).
struct LimitedDomSax : nlohmann::detail::json_sax_dom_parser<nlohmann::json> {
    using Base = nlohmann::detail::json_sax_dom_parser<nlohmann::json>;
    using Base::Base;
    int depth = 0;
    std::vector<std::vector<std::string>> keys;  // per open object; objects are small, a scan is fastest
    std::string duplicate;

    bool start_object(std::size_t n) {
        keys.emplace_back();
        return ++depth <= 256 && Base::start_object(n);
    }
    bool end_object() {
        --depth;
        keys.pop_back();
        return Base::end_object();
    }
    bool start_array(std::size_t n) { return ++depth <= 256 && Base::start_array(n); }
    bool end_array() {
        --depth;
        return Base::end_array();
    }
    bool key(std::string& k) {
        auto& seen = keys.back();
        if (std::find(seen.begin(), seen.end(), k) == seen.end())
            seen.push_back(k);
        else if (duplicate.empty())
            duplicate = k;
        return Base::key(k);
    }
};

bool read_with_sax(const std::string& text, nlohmann::json* out) {
    LimitedDomSax sax(*out, false);
    return nlohmann::json::sax_parse(text.begin(), text.end(), &sax) && !sax.is_errored();
}

template <class F>
double median_ms(F read) {
    std::vector<double> ms;
    for (int i = 0; i < 15; ++i) {
        const auto start = std::chrono::steady_clock::now();
        read();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s FILE.json\n", argv[0]);
        return 2;
    }
    std::ifstream file(argv[1], std::ios::binary);
    std::stringstream buffer;
    buffer << file.rdbuf();
    const std::string text = buffer.str();
    nlohmann::json ours, sax, plain;
    if (!sipprep::parse_json(text, &ours) || !read_with_sax(text, &sax)) {
        std::fprintf(stderr, "%s is not JSON\n", argv[1]);
        return 1;
    }
    const double ours_ms = median_ms([&] { sipprep::parse_json(text, &ours); });
    const double sax_ms = median_ms([&] { read_with_sax(text, &sax); });
    const double plain_ms = median_ms([&] { plain = nlohmann::json::parse(text); });
    std::printf(
        "%zu bytes, median of 15: base/json_parse %.2f ms, nlohmann SAX with limits %.2f ms, "
        "nlohmann::json::parse %.2f ms (same tree: %s)\n",
        text.size(), ours_ms, sax_ms, plain_ms, ours == sax && ours == plain ? "yes" : "NO");
    return ours == sax && ours == plain ? 0 : 1;
}
