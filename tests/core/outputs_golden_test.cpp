// What a professional reads — the summary, "what changed", the FHIR export and the consent form
// the family prints — must not change when the code that walks the plan changes: every output for
// the example bundles and the test bundles, in every built language, is compared with the
// checksums in tests/golden/outputs.sha256.
// A change meant to alter them rewrites that file: SIPPREP_GOLDEN_UPDATE=1 ctest -R OutputsGolden.
// SIPPREP_GOLDEN_DUMP=DIR writes each output in full, to diff two builds.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

#include "base/sha256.hpp"
#include "core/bundle.hpp"
#include "core/changes.hpp"
#include "core/consent_form.hpp"
#include "core/fhir.hpp"
#include "core/summary.hpp"

using namespace sipprep;
namespace fs = std::filesystem;

namespace {

const Date kToday{2026, 11, 23};
const fs::path kManifest = fs::path(SIPPREP_SOURCE_DIR) / "tests" / "golden" / "outputs.sha256";

std::string read(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

struct Input {
    std::string name;
    ImportResult r;
};

std::vector<Input> inputs() {
    std::vector<fs::path> files;
    for (const char* dir : {"assets/examples", "tests/data"})
        for (const auto& e : fs::directory_iterator(fs::path(SIPPREP_SOURCE_DIR) / dir))
            if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<Input> out;
    for (const fs::path& f : files) {
        ImportResult r = import_bundle(read(f), kToday);
        if (!r.readable) continue;
        out.push_back({f.stem().string(), r});
        // The same plan as a closed follow-up of an earlier file: the sections only a follow-up
        // and a closed plan have.
        Input later{f.stem().string() + "+follow-up", r};
        Preparation& p = later.r.preparation;
        p.kind = PreparationKind::FollowUp;
        p.follows = {std::string(64, 'a'), "2026-10-01T08:00:00Z"};
        p.agreed.closed = true;
        p.agreed.closed_on = "2026-11-20";
        if (p.follow_up.agreed_efforts.empty())
            for (const Effort& e : p.agreed.efforts) p.follow_up.agreed_efforts.push_back({e, EffortDone::No, "Nej"});
        out.push_back(std::move(later));
    }
    return out;
}

std::string fhir_text(const nlohmann::json& j) {
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// Every output, by name.
std::map<std::string, std::string> outputs() {
    std::map<std::string, std::string> out;
    const std::vector<Input> in = inputs();
    for (Lang lang : built_langs()) {
        const std::string l(lang_code(lang));
        out["questionnaire/" + l] = fhir_text(fhir_questionnaire(lang));
        for (const Input& i : in) {
            for (Reader reader : {Reader::Person, Reader::Professional}) {
                const std::string base =
                    "summary/" + i.name + "/" + l + (reader == Reader::Person ? "/person" : "/professional");
                const Summary s = build_summary(i.r.preparation, lang, kToday, i.r.issues, reader);
                out[base + ".txt"] = render_text(s);
                out[base + ".meeting.txt"] = render_text(s, Audience::Meeting);
                out[base + ".convener.txt"] = render_text(s, Audience::Convener);
                out[base + ".md"] = render_markdown(s);
                out[base + ".html"] = render_html(s, lang);
            }
            out["fhir/" + i.name + "/" + l + ".json"] =
                fhir_text(to_fhir_bundle(i.r.preparation, i.r.meta, kToday, lang));
            // "Skriv ut samtyckesblankett": the form to sign, as the person prints it.
            out["form/" + i.name + "/" + l + ".html"] =
                render_html(build_consent_forms(i.r.preparation, lang, kToday), lang);
            for (const Input& j : in) {
                const Summary d = compare_preparations(i.r.preparation, j.r.preparation, lang, kToday);
                const std::string base = "diff/" + i.name + "/" + j.name + "/" + l;
                out[base + ".txt"] = render_text(d);
                out[base + ".md"] = render_markdown(d);
                out[base + ".html"] = render_html(d, lang);
            }
        }
    }
    return out;
}

}  // namespace

TEST(OutputsGolden, SummaryDiffAndFhirUnchanged) {
    const std::map<std::string, std::string> now = outputs();
    ASSERT_GT(now.size(), 100u);
    if (const char* dir = std::getenv("SIPPREP_GOLDEN_DUMP"))
        for (const auto& [name, text] : now) {
            const fs::path file = fs::path(dir) / name;
            fs::create_directories(file.parent_path());
            std::ofstream(file, std::ios::binary) << text;
        }
    std::ostringstream manifest;
    for (const auto& [name, text] : now) manifest << sha256_hex(text) << "  " << name << "\n";
    if (std::getenv("SIPPREP_GOLDEN_UPDATE")) {
        fs::create_directories(kManifest.parent_path());
        std::ofstream(kManifest, std::ios::binary) << manifest.str();
        GTEST_SKIP() << "rewrote " << kManifest;
    }
    const std::string expected = read(kManifest);
    ASSERT_FALSE(expected.empty()) << kManifest << " is missing";
    if (expected == manifest.str()) return;
    // Name what differs (at most a screenful).
    std::map<std::string, std::string> want;
    std::istringstream lines(expected);
    for (std::string hash, name; lines >> hash >> name;) want[name] = hash;
    int shown = 0;
    for (const auto& [name, text] : now) {
        auto it = want.find(name);
        if (it == want.end())
            ADD_FAILURE() << "new output " << name;
        else if (it->second != sha256_hex(text))
            ADD_FAILURE() << "changed: " << name << "\n" << (shown++ < 3 ? text.substr(0, 4000) : std::string());
        if (shown > 20) break;
    }
    for (const auto& [name, hash] : want)
        if (!now.count(name)) ADD_FAILURE() << "output gone: " << name;
}
