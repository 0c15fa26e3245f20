// LIX (läsbarhetsindex) per screen for each catalog named on the command line, side by side: all
// of a screen's texts, and its running text alone (helps and messages, without the labels).
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

namespace {

struct Measured {
    std::map<std::string_view, LixCounts> all, running;
    LixCounts total_all, total_running;
};

void print_name(std::string_view name, int width) {
    // Screen names hold å, ä, ö: pad by characters, not bytes.
    int chars = 0;
    for (unsigned char ch : name) chars += (ch & 0xC0) != 0x80;
    std::printf("%.*s%*s", static_cast<int>(name.size()), name.data(), std::max(0, width - chars), "");
}

}  // namespace

int main(int argc, char** argv) {
    const std::filesystem::path repo = argc > 1 ? argv[1] : SIPPREP_SOURCE_DIR;
    std::vector<std::string> ids;
    for (int i = 2; i < argc; ++i) ids.emplace_back(argv[i]);
    if (ids.empty()) ids = {"sv", "sv-x-easy"};

    std::vector<Measured> m(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto path = repo / "assets" / "i18n" / (ids[i] + ".json");
        std::ifstream f(path);
        if (!f) {
            std::fprintf(stderr, "cannot read %s\n", path.string().c_str());
            return 1;
        }
        const nlohmann::json catalog = nlohmann::json::parse(f);
        for (const auto& [k, v] : catalog.items()) {
            const std::string text = v.get<std::string>();
            const LixCounts c = lix_counts(text);
            const Screen* s = screen_of_key(k);
            m[i].total_all += c;
            if (s) m[i].all[s->name] += c;
            if (!is_running_text(text)) continue;
            m[i].total_running += c;
            if (s) m[i].running[s->name] += c;
        }
    }
    constexpr int kNameWidth = 26;
    print_name("LIX per screen", kNameWidth);
    for (const char* part : {"all texts", "running text"})
        for (const auto& id : ids) std::printf("%*s", -16, (id + " " + (part[0] == 'a' ? "all" : "run")).c_str());
    std::printf("\n");
    auto row = [&](std::string_view name, auto all, auto running) {
        print_name(name, kNameWidth);
        for (std::size_t i = 0; i < ids.size(); ++i) std::printf("%-16.1f", lix(all(m[i])));
        for (std::size_t i = 0; i < ids.size(); ++i) std::printf("%-16.1f", lix(running(m[i])));
        std::printf("\n");
    };
    for (const Screen& s : screens())
        row(
            s.name, [&](Measured& x) { return x.all[s.name]; }, [&](Measured& x) { return x.running[s.name]; });
    row(
        "All texts", [](Measured& x) { return x.total_all; }, [](Measured& x) { return x.total_running; });
    std::printf("\n'all': every text of the screen, each label one sentence; 'run': texts ending with . ! ?\n");
    return 0;
}
