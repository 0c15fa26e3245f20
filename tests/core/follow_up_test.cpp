// A follow-up that starts from the earlier file: what carries over, what stays beside, and how the
// new bundle records which one it follows.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/bundle.hpp"
#include "core/follow_up.hpp"
#include "core/model_json.hpp"
#include "core/summary.hpp"
#include "core/validation.hpp"

using namespace sipprep;

namespace {

const Date kToday{2026, 11, 23};

ImportResult example(const char* name) {
    std::ifstream f(std::filesystem::path(SIPPREP_SOURCE_DIR) / "assets/examples" / name, std::ios::binary);
    return import_bundle(std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()), kToday);
}

bool has_code(const std::vector<Issue>& issues, const std::string& code) {
    for (const Issue& i : issues)
        if (i.code == code) return true;
    return false;
}

}  // namespace

TEST(FollowUp, CarriesOverWhoAndHowButNotWhatWasSaid) {
    const ImportResult earlier = example("barn-skolfranvaro.json");
    ASSERT_TRUE(earlier.valid());
    const Preparation p = start_follow_up(earlier.preparation, earlier.meta.updated);
    EXPECT_EQ(p.kind, PreparationKind::FollowUp);
    EXPECT_EQ(p.owner.name, "Elsa Nilsson");
    EXPECT_EQ(p.representatives.size(), 2u);
    EXPECT_EQ(p.contributors.size(), 3u);
    EXPECT_EQ(p.invitations.actors.size(), 4u);
    EXPECT_TRUE(p.participation.adaptations.easy_language);
    EXPECT_EQ(p.participation.adaptations.other, "Elsa vill få frågorna i förväg.");
    ASSERT_EQ(p.consents.size(), 4u);
    for (const Consent& c : p.consents) EXPECT_TRUE(c.review) << "a consent is never renewed silently";
    EXPECT_TRUE(p.goals.long_term.entries.empty());
    EXPECT_TRUE(p.questions.empty());
    EXPECT_TRUE(p.situation.now.entries.empty());
    EXPECT_TRUE(p.participation.wished_date.empty());
}

TEST(FollowUp, TheNewBundleNamesTheEarlierOneByItsChecksumAndDate) {
    const ImportResult earlier = example("barn-skolfranvaro.json");
    const Preparation p = start_follow_up(earlier.preparation, earlier.meta.updated);
    EXPECT_EQ(p.follows.sha256, "b822fa9ed16b" + p.follows.sha256.substr(12));
    EXPECT_EQ(p.follows.saved, "2026-11-16T20:10:00Z");
    BundleMeta meta;
    meta.created = meta.updated = "2026-12-28T10:00:00Z";
    const std::string text = export_bundle(p, meta);
    const ImportResult again = import_bundle(text, kToday);
    ASSERT_TRUE(again.readable);
    for (const Issue& i : again.issues) EXPECT_NE(i.code.rfind("schema.", 0), 0u) << i.path << " " << i.code;
    EXPECT_FALSE(has_code(again.issues, "bundle.unknown_field"));
    EXPECT_EQ(again.preparation.follows, p.follows);
    EXPECT_TRUE(again.preparation.consents[0].review);
    EXPECT_TRUE(has_code(again.issues, "consent.review"));
    const std::string summary = render_text(build_summary(again.preparation, Lang::Sv, kToday, again.issues));
    EXPECT_NE(summary.find("Följer upp förberedelsen sparad 16 november 2026 (kontrollsumma b822fa9ed16b…)"),
              std::string::npos)
        << summary;
    EXPECT_NE(summary.find("från förra planen, ska ses över"), std::string::npos);
}

TEST(FollowUp, NewFieldsAreLeftOutWhenEmptySoOlderFilesStayAsTheyWere) {
    const Preparation fresh = make_new_preparation();
    const std::string json = to_json(fresh).dump();
    EXPECT_EQ(json.find("follows"), std::string::npos);
    EXPECT_EQ(json.find("review"), std::string::npos);
}

TEST(FollowUp, KeepingAnEarlierEntryNeverWritesOverNewWords) {
    Voices now;
    set_text(now, "person", "Nytt");
    EXPECT_FALSE(keep_earlier_entry(now, Entry{"person", "Gammalt"}));
    EXPECT_EQ(*find_text(now, "person"), "Nytt");
    EXPECT_TRUE(keep_earlier_entry(now, Entry{"rel-1", "Från förra gången"}));
    EXPECT_EQ(*find_text(now, "rel-1"), "Från förra gången");
}

// What was agreed last time comes along unanswered, and "Blev det gjort?" is asked for each.
TEST(FollowUp, AgreedEffortsComeAlongToBeAnswered) {
    const ImportResult earlier = example("vuxen-efter-sjukhusvistelse.json");
    ASSERT_TRUE(earlier.valid());
    ASSERT_EQ(earlier.preparation.agreed.efforts.size(), 4u);
    Preparation p = start_follow_up(earlier.preparation, earlier.meta.updated);
    ASSERT_EQ(p.follow_up.agreed_efforts.size(), 4u);
    EXPECT_EQ(p.follow_up.agreed_efforts[2].effort.what, "Trygghetslarm installeras.");
    for (const EffortOutcome& o : p.follow_up.agreed_efforts) EXPECT_EQ(o.done, EffortDone::Unanswered);
    EXPECT_TRUE(p.agreed == Agreement{});  // the new meeting's decisions are still to come
    EXPECT_TRUE(has_code(validate(p, kToday), "followup.effort_unanswered"));

    for (EffortOutcome& o : p.follow_up.agreed_efforts) o.done = EffortDone::Yes;
    p.follow_up.agreed_efforts[1].done = EffortDone::Partly;
    p.follow_up.agreed_efforts[1].note = "Dosetten kom en vecka sent.";
    EXPECT_FALSE(has_code(validate(p, kToday), "followup.effort_unanswered"));
    const std::string text = summary_text(p, Lang::Sv, kToday, {});
    EXPECT_NE(text.find("Medicinerna delas i dosett varje vecka. – Hemsjukvården Skövde, senast 2026-11-24"),
              std::string::npos);
    EXPECT_NE(text.find("Blev det gjort? Delvis"), std::string::npos);
    EXPECT_NE(text.find("Dosetten kom en vecka sent."), std::string::npos);

    // Given later (a follow-up begun without the file), the same list is filled once, never twice.
    Preparation blank = make_new_preparation();
    blank.kind = PreparationKind::FollowUp;
    EXPECT_TRUE(carry_agreed_efforts(blank, earlier.preparation));
    EXPECT_FALSE(carry_agreed_efforts(blank, earlier.preparation));
    EXPECT_EQ(blank.follow_up.agreed_efforts.size(), 4u);
}

TEST(FollowUp, TheAgreementReadsInTheSummaryAndTravelsInTheBundle) {
    const ImportResult r = example("vuxen-efter-sjukhusvistelse.json");
    const std::string text = summary_text(r.preparation, Lang::Sv, kToday, r.issues);
    EXPECT_NE(text.find("Det här kom vi överens om"), std::string::npos);
    EXPECT_NE(text.find("Huvudansvarig: Vårdcentralen, Vårdcentralen Ryd – Distriktssköterska Anna Berg"),
              std::string::npos);
    EXPECT_NE(text.find("Planen följs upp 15 februari 2027, 13:30, Vårdcentralen Ryd, samtalsrummet på plan 2."),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("Om något inte blir av, ring: Anna Berg"), std::string::npos);
    const std::string en = summary_text(r.preparation, Lang::En, kToday, r.issues);
    EXPECT_NE(en.find("What we agreed"), std::string::npos);
    // A file without the agreement has no such member: older readers see nothing new.
    Preparation p = r.preparation;
    p.agreed = Agreement{};
    EXPECT_EQ(to_json(p).dump().find("\"agreed\""), std::string::npos);
}
