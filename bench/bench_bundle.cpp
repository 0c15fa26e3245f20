// Prints export and import+validate times for a large bundle: 1 000 questions and long texts,
// about 2 MB. A benchmark to read, not a test: `build/native/sipprep_bench`.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/bundle.hpp"

using namespace sipprep;
using Clock = std::chrono::steady_clock;

namespace {

Preparation big_preparation() {
    Preparation p = make_new_preparation();
    p.owner.name = "Test Testsson";
    p.owner.personal_id = "198112189876";
    p.contributors.push_back(Contributor{"rel-1", "Anna", ContributorRole::Relative, "dotter"});
    std::string para = "Det här är en lång text om vardagen, med å, ä och ö – och ”citat”. ";
    std::string long_text;
    // Long, but within the format's limit for one entry (200 000 characters): the bundle is read.
    while (long_text.size() < 190 * 1024) long_text += para;
    set_text(p.goals.long_term, kPersonId, long_text);
    set_text(p.goals.long_term, "rel-1", long_text);
    set_text(p.situation.now, kPersonId, long_text);
    set_text(p.situation.now, "rel-1", long_text);
    set_text(p.situation.strengths, "rel-1", long_text);
    set_text(p.situation.works_well, kPersonId, long_text);
    for (int i = 0; i < 1000; ++i)
        p.questions.push_back(Question{"q-" + std::to_string(i), i % 3 ? kPersonId : "rel-1",
                                       std::to_string(i) + ": " + para + para + para + para + para + para + para + para,
                                       Priority::Medium, "alla"});
    for (int i = 0; i < 20; ++i) {
        p.invitations.actors.push_back(Invitee{"a-" + std::to_string(i), ActorKind::SocialServices, "", "Enhet", ""});
        Consent c;
        c.id = "c-" + std::to_string(i);
        c.actor = "a-" + std::to_string(i);
        c.decision = ConsentDecision::Permit;
        c.form = ConsentForm::Written;
        c.information = para;
        c.valid_from = "2026-11-01";
        c.valid_to = "2027-11-01";
        p.consents.push_back(c);
    }
    return p;
}

template <typename F>
double median_ms(int runs, F&& f) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        auto t0 = Clock::now();
        f();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

// Hostile bundles: one far beyond the format's limits (30 000 contributors, 20 000 questions by
// authors nobody declared), refused before a model is built; and one exactly at the limits
// (50 contributors, 10 000 questions by undeclared authors, every voice list full), read whole.
std::string crafted_bundle(bool within_limits) {
    nlohmann::json doc = nlohmann::json::parse(export_bundle(make_new_preparation(), BundleMeta{}));
    doc.erase("integrity");
    nlohmann::json& c = doc["content"];
    const int contributors = within_limits ? 49 : 30000, questions = within_limits ? 10000 : 20000;
    for (int i = 0; i < contributors; ++i)
        c["contributors"].push_back({{"id", "r" + std::to_string(i)},
                                     {"name", "N" + std::to_string(i)},
                                     {"role", "relative"},
                                     {"relation", ""}});
    for (int i = 0; i < questions; ++i)
        c["questions"].push_back({{"id", "q" + std::to_string(i)},
                                  {"author", "u" + std::to_string(i)},
                                  {"text", "Fråga " + std::to_string(i) + ": vem ringer jag när det krånglar?"},
                                  {"priority", "none"},
                                  {"for_whom", ""}});
    for (int i = 0; i < 50; ++i)
        c["goals"]["long_term"].push_back({{"author", "u" + std::to_string(i)}, {"text", "M"}});
    return doc.dump();
}

}  // namespace

int main() {
    const Preparation p = big_preparation();
    BundleMeta meta;
    meta.created = meta.updated = "2026-11-23T12:00:00Z";
    std::string text = export_bundle(p, meta);
    if (const char* out = std::getenv("SIPPREP_BENCH_WRITE")) {
        std::FILE* f = std::fopen(out, "wb");
        std::fwrite(text.data(), 1, text.size(), f);
        std::fclose(f);
    }
    const int runs = 41;
    double export_ms = median_ms(runs, [&] { text = export_bundle(p, meta); });
    bool valid = false;
    double import_ms = median_ms(runs, [&] { valid = import_bundle(text, Date{2026, 11, 23}).valid(); });
    std::printf("bundle: %zu questions, %.2f MB\n", p.questions.size(), text.size() / 1048576.0);
    std::printf("export:          median %.2f ms over %d runs\n", export_ms, runs);
    std::printf("import+validate: median %.2f ms over %d runs (valid: %s)\n", import_ms, runs, valid ? "yes" : "no");
    std::printf("budget: import+validate <= 15 ms (native)\n");

    for (bool within : {false, true}) {
        const std::string crafted = crafted_bundle(within);
        if (const char* out = std::getenv(within ? "SIPPREP_BENCH_WRITE_AT_LIMITS" : "SIPPREP_BENCH_WRITE_CRAFTED")) {
            std::FILE* f = std::fopen(out, "wb");
            std::fwrite(crafted.data(), 1, crafted.size(), f);
            std::fclose(f);
        }
        ImportResult cr;
        double crafted_ms = median_ms(5, [&] { cr = import_bundle(crafted, Date{2026, 11, 23}); });
        std::printf(
            "crafted bundle %s: %.2f MB, import+validate median %.1f ms over 5 runs (%s, %zu issues; budget < 100 "
            "ms)\n",
            within ? "at the limits (49 contributors, 10 000 questions by undeclared authors)"
                   : "beyond the limits (30 000 contributors, 20 000 questions)",
            crafted.size() / 1048576.0, crafted_ms, cr.readable ? "read" : "refused", cr.issues.size());
    }
    {
        // Numbers the format never has, made slow to read: 4.9 MB of "1e-300," (a decimal far from
        // any power of ten a double holds exactly), within the size limit.
        nlohmann::json doc = nlohmann::json::parse(export_bundle(make_new_preparation(), BundleMeta{}));
        std::string text = doc.dump();
        std::string numbers = "[1e-300";
        while (text.size() + numbers.size() + 16 < kMaxBundleBytes) numbers += ",1e-300";
        text.insert(text.rfind('}'), ",\"x\":" + numbers + "]");
        ImportResult cr;
        const double ms = median_ms(5, [&] { cr = import_bundle(text, Date{2026, 11, 23}); });
        std::printf("crafted bundle of numbers (%.2f MB of 1e-300): import+validate median %.1f ms over 5 runs (%s)\n",
                    text.size() / 1048576.0, ms, cr.readable ? "read" : "refused");
    }
    return valid ? 0 : 1;
}
