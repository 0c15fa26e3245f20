#include <gtest/gtest.h>

#include "core/i18n.hpp"
#include "core/issue.hpp"

using namespace sipprep;

TEST(I18n, EveryKeyExistsInEveryLanguage) {
    auto sv = catalog_keys(Lang::Sv);
    auto en = catalog_keys(Lang::En);
    ASSERT_FALSE(sv.empty());
    for (const auto& k : sv) EXPECT_TRUE(has_text(Lang::En, k)) << "missing in en.json: " << k;
    for (const auto& k : en) EXPECT_TRUE(has_text(Lang::Sv, k)) << "missing in sv.json: " << k;
}

TEST(I18n, SwedishIsTheDefaultText) {
    EXPECT_EQ(tr(Lang::Sv, "app.title"), "Förbered din SIP");
    EXPECT_EQ(tr(Lang::Sv, "goal.question"), "Vad är viktigt för dig?");
    EXPECT_EQ(tr(Lang::En, "goal.question"), "What matters to you?");
}

TEST(I18n, MissingKeyShowsTheKey) { EXPECT_EQ(tr(Lang::Sv, "no.such.key"), "no.such.key"); }

TEST(I18n, FormatsPlaceholders) {
    EXPECT_EQ(format_text("{0} av {1}", {"3", "8"}), "3 av 8");
    EXPECT_EQ(format_text("{2} {x}", {"a"}), "{2} {x}");
}

TEST(Issue, DescribeNamesTheField) {
    Issue i{Severity::Error, "/version", "bundle.newer_version", {"2", "1"}};
    EXPECT_EQ(describe(i, Lang::Sv),
              "Formatversion: Filen har formatversion 2, men den här appen läser bara upp till version 1. "
              "Använd en nyare version av appen.");
}

// Every problem the app reports reads as a sentence of its own, at the field or after its name.
TEST(I18n, MessagesAreSentences) {
    for (Lang lang : kAllLangs) {
        for (const std::string& k : catalog_keys(lang)) {
            if (k.rfind("msg.", 0) != 0) continue;
            const std::string& v = tr(lang, k);
            ASSERT_FALSE(v.empty()) << k;
            const unsigned char first = static_cast<unsigned char>(v[0]);
            const bool capital = (first >= 'A' && first <= 'Z') || v.rfind("\u00c5", 0) == 0 ||
                                 v.rfind("\u00c4", 0) == 0 || v.rfind("\u00d6", 0) == 0 || first == '"' || first == '{';
            EXPECT_TRUE(capital) << lang_code(lang) << " " << k << ": " << v;
            const char last = v.back();
            EXPECT_TRUE(last == '.' || last == '?' || last == '!') << lang_code(lang) << " " << k << ": " << v;
        }
    }
}

// One word per thing, in both languages: "Spara fil" (not "Exportera"), "ta tillbaka" (not
// "återkalla"), "Framtidsfullmäktig" for the person (not the document's name).
TEST(I18n, OneWordPerThing) {
    const std::pair<Lang, std::vector<std::string>> forbidden[] = {
        {Lang::Sv,
         {"xporter", "återkall", "Återkall", "ÅTERKALL", "UTGÅNGET",
          // the seeds' words (issue 26): delmål, mötesledare, ersättare, långsiktigt mål,
          // huvudansvarig or samordningsansvarig
          "kortsiktig", "ordförande", "vikarie", "övergripande mål", "huvudmål", "samordnare"}},
        {Lang::En,
         {"xport", "withdr", "WITHDR", "revoke", "Revoke", "EXPIRED", "sub-goal", "subgoal", "interim goal", "chair",
          "stand-in", "overall goal", "main goal"}},
    };
    for (const auto& [lang, words] : forbidden)
        for (const std::string& k : catalog_keys(lang))
            for (const std::string& w : words)
                EXPECT_EQ(tr(lang, k).find(w), std::string::npos)
                    << lang_code(lang) << " " << k << " uses \"" << w << "\": " << tr(lang, k);
    EXPECT_EQ(tr(Lang::Sv, "export.button"), "Spara fil");
    EXPECT_EQ(tr(Lang::Sv, "step.participation"), tr(Lang::Sv, "summary.participation"));
    EXPECT_EQ(tr(Lang::Sv, "enum.rep.framtidsfullmakt"), "Framtidsfullmäktig");
    // The professional's view uses the seeds' terms.
    for (const char* term : {"långsiktiga mål", "fasta vårdkontakten", "mötesledare", "ersättare", "frågeställningar"})
        EXPECT_NE(tr(Lang::Sv, "pro.guide").find(term), std::string::npos) << term;
    EXPECT_EQ(tr(Lang::Sv, "enum.contact.care_contact"), "Fast vårdkontakt");
    EXPECT_EQ(tr(Lang::Sv, "enum.contact.doctor"), "Fast läkarkontakt");
    EXPECT_NE(tr(Lang::Sv, "agreed.lead.help").find("samordningsansvarig"), std::string::npos);
}
