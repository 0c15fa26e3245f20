// LIX (läsbarhetsindex) per screen for each catalog named on the command line, side by side:
//   sipprep_bench_lix [repo] [id …]   (default: this source tree, sv and sv-x-easy)
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/readability.hpp"
#include "core/screen_keys.hpp"

using namespace sipprep;

int main(int argc, char** argv) {
    const std::filesystem::path repo = argc > 1 ? argv[1] : SIPPREP_SOURCE_DIR;
    std::vector<std::string> ids;
    for (int i = 2; i < argc; ++i) ids.emplace_back(argv[i]);
    if (ids.empty()) ids = {"sv", "sv-x-easy"};

    std::vector<std::map<std::string_view, LixCounts>> counts(ids.size());
    std::vector<LixCounts> totals(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto path = repo / "assets" / "i18n" / (ids[i] + ".json");
        std::ifstream f(path);
        if (!f) {
            std::fprintf(stderr, "cannot read %s\n", path.string().c_str());
            return 1;
        }
        const nlohmann::json catalog = nlohmann::json::parse(f);
        for (const auto& [k, v] : catalog.items()) {
            const LixCounts c = lix_counts(v.get<std::string>());
            totals[i] += c;
            if (const Screen* s = screen_of_key(k)) counts[i][s->name] += c;
        }
    }
    std::printf("%-26s", "LIX per screen");
    for (const auto& id : ids) std::printf("%12s", id.c_str());
    std::printf("\n");
    auto row = [&](std::string_view name, auto get) {
        // Screen names hold å, ä, ö: pad by characters, not bytes.
        int chars = 0;
        for (unsigned char ch : name) chars += (ch & 0xC0) != 0x80;
        std::printf("%.*s%*s", static_cast<int>(name.size()), name.data(), std::max(0, 26 - chars), "");
        for (std::size_t i = 0; i < ids.size(); ++i) std::printf("%12.1f", lix(get(i)));
        std::printf("\n");
    };
    for (const Screen& s : screens()) row(s.name, [&](std::size_t i) { return counts[i][s.name]; });
    row("All texts", [&](std::size_t i) { return totals[i]; });
    return 0;
}
