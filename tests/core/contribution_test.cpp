// A relative's contribution written elsewhere and taken into the person's draft item by item.
#include <gtest/gtest.h>

#include "core/bundle.hpp"
#include "core/contribution.hpp"
#include "core/summary.hpp"
#include "core/validation.hpp"

using namespace sipprep;

namespace {

const Date kToday{2026, 11, 23};

Preparation karins_views() {
    Preparation c = start_contribution("rel-7f3a");
    c.owner.name = "Elsa Lind";
    Contributor& karin = c.contributors.back();
    karin.name = "Karin Lind";
    karin.relation = "dotter";
    karin.attends = YesNo::Yes;
    set_text(c.reason, "rel-7f3a", "Mamma har ramlat två gånger i höst.");
    set_text(c.goals.long_term, "rel-7f3a", "Att mamma kan bo kvar hemma.");
    set_text(c.situation.now, "rel-7f3a", "Hon glömmer att äta.");
    set_text(c.can_help, "rel-7f3a", "Jag kan handla på lördagar.");
    c.questions.push_back(
        Question{"q-1", "rel-7f3a", "Vem ringer jag om hemtjänsten inte kommer?", Priority::None, ""});
    c.participation.adaptations.interpreters.push_back(InterpreterNeed{"rel-7f3a", "finska"});
    return c;
}

}  // namespace

TEST(Contribution, IsABundleOfItsOwnKindWithOnlyTheRelativesWords) {
    const Preparation c = karins_views();
    BundleMeta meta;
    meta.updated = "2026-11-20T10:00:00Z";
    const std::string text = export_bundle(c, meta);
    EXPECT_NE(text.find("\"kind\": \"contribution\""), std::string::npos);
    const ImportResult r = import_bundle(text, kToday);
    ASSERT_TRUE(r.valid());
    EXPECT_EQ(r.integrity, Integrity::Unchanged);
    // The plan's own to-do list is not the relative's.
    for (const Issue& i : r.issues) EXPECT_NE(i.code, "consent.none") << i.code;
    const std::string summary = summary_text(r.preparation, Lang::Sv, kToday, r.issues);
    EXPECT_NE(summary.find("Karin Lind (dotter) – kommer till mötet"), std::string::npos) << summary;
    EXPECT_EQ(summary.find("Elsa Lind själv"), std::string::npos);  // she did not write in it
    EXPECT_EQ(summary.find("Samtycke"), std::string::npos);         // nor the plan's empty parts
    Preparation unnamed = start_contribution("rel-1");
    const auto issues = validate(unnamed, kToday);
    auto has = [&](const char* code) {
        return std::any_of(issues.begin(), issues.end(), [&](const Issue& i) { return i.code == code; });
    };
    EXPECT_TRUE(has("contribution.no_name"));
    EXPECT_TRUE(has("contribution.no_person"));
}

TEST(Contribution, EachItemIsTakenOrLeftAndNothingTwice) {
    Preparation draft = make_new_preparation();
    draft.owner.name = "Elsa Lind";
    const Preparation c = karins_views();
    ContributionReview r = review_contribution(draft, c);
    EXPECT_FALSE(r.known);
    EXPECT_EQ(r.draft_id, "rel-7f3a");
    ASSERT_EQ(r.items.size(), 7u);  // reason, goal, now, can help, a question, comes, interpreter
    for (std::size_t i = 0; i < r.items.size(); ++i)
        if (r.items[i].place != ContributionItem::Place::Now) accept_contribution_item(draft, r, i);  // one left out
    EXPECT_EQ(*find_text(draft.goals.long_term, "rel-7f3a"), "Att mamma kan bo kvar hemma.");
    EXPECT_EQ(find_text(draft.situation.now, "rel-7f3a"), nullptr);
    EXPECT_EQ(draft.questions.at(0).author, "rel-7f3a");
    EXPECT_EQ(draft.contributors.back().name, "Karin Lind");
    EXPECT_EQ(draft.contributors.back().attends, YesNo::Yes);
    EXPECT_EQ(draft.participation.adaptations.interpreters.at(0).language, "finska");
    const std::string summary = summary_text(draft, Lang::Sv, kToday, {});
    EXPECT_NE(summary.find("Karin Lind (dotter) skriver: Att mamma kan bo kvar hemma."), std::string::npos) << summary;
    EXPECT_NE(summary.find("Karin Lind (dotter) – kommer till mötet"), std::string::npos);

    // The same file again: only what was left out is still to choose; taking all adds nothing twice.
    r = review_contribution(draft, c);
    EXPECT_TRUE(r.known);
    std::size_t open = 0;
    for (const ContributionItem& i : r.items) open += i.present ? 0 : 1;
    EXPECT_EQ(open, 1u);
    for (std::size_t i = 0; i < r.items.size(); ++i) accept_contribution_item(draft, r, i);
    EXPECT_EQ(draft.questions.size(), 1u);
    EXPECT_EQ(draft.contributors.size(), 2u);

    // A newer one from Karin: what changed shows beside what the draft has.
    Preparation newer = c;
    set_text(newer.goals.long_term, "rel-7f3a", "Att mamma kan bo kvar hemma med hjälp.");
    r = review_contribution(draft, newer);
    std::size_t changed = 0;
    for (const ContributionItem& i : r.items)
        if (!i.present) {
            ++changed;
            EXPECT_EQ(i.previous, "Att mamma kan bo kvar hemma.");
        }
    EXPECT_EQ(changed, 1u);
}

// A writer the person already added by hand is recognised by name, not added again.
TEST(Contribution, TheSameRelativeByNameIsTheSameWriter) {
    Preparation draft = make_new_preparation();
    draft.contributors.push_back(
        Contributor{"rel-1", "karin lind", ContributorRole::Relative, "dotter", YesNo::Unanswered});
    const ContributionReview r = review_contribution(draft, karins_views());
    EXPECT_TRUE(r.known);
    EXPECT_EQ(r.draft_id, "rel-1");
}

// Another relative with the same first name is another writer: the neighbour "Karin Lind" is not
// the daughter "Karin Lind", and taking the daughter's words leaves the neighbour's as they are.
TEST(Contribution, TheSameNameWithAnotherRelationIsAnotherWriter) {
    Preparation draft = make_new_preparation();
    draft.contributors.push_back(
        Contributor{"rel-1", "Karin Lind", ContributorRole::Relative, "Granne", YesNo::Unanswered});
    set_text(draft.goals.long_term, "rel-1", "Att Elsa får bo kvar i huset.");
    const ContributionReview r = review_contribution(draft, karins_views());
    EXPECT_FALSE(r.known);
    EXPECT_NE(r.draft_id, "rel-1");
    for (std::size_t i = 0; i < r.items.size(); ++i) accept_contribution_item(draft, r, i);
    ASSERT_EQ(draft.goals.long_term.entries.size(), 2u);
    EXPECT_EQ(*find_text(draft.goals.long_term, "rel-1"), "Att Elsa får bo kvar i huset.");
    EXPECT_EQ(*find_text(draft.goals.long_term, r.draft_id), "Att mamma kan bo kvar hemma.");
    // The same relation in other letters is the same person.
    draft.contributors[1].relation = "DOTTER";
    EXPECT_EQ(review_contribution(draft, karins_views()).draft_id, "rel-1");
}

// Whether the relative comes travels as the format's names, and a change of mind shows.
TEST(Contribution, AChangeOfMindAboutComingShows) {
    Preparation draft = make_new_preparation();
    Preparation c = karins_views();
    ContributionReview r = review_contribution(draft, c);
    for (std::size_t i = 0; i < r.items.size(); ++i) accept_contribution_item(draft, r, i);
    EXPECT_EQ(draft.contributors.back().attends, YesNo::Yes);
    c.contributors.back().attends = YesNo::No;
    r = review_contribution(draft, c);
    const auto attends = std::find_if(r.items.begin(), r.items.end(), [](const ContributionItem& i) {
        return i.place == ContributionItem::Place::Attends;
    });
    ASSERT_NE(attends, r.items.end());
    EXPECT_EQ(attends->text, "no");
    EXPECT_EQ(attends->previous, "yes");
    EXPECT_FALSE(attends->present);
    accept_contribution_item(draft, r, static_cast<std::size_t>(attends - r.items.begin()));
    EXPECT_EQ(draft.contributors.back().attends, YesNo::No);
}

// A file whose relative has the id of another writer here, but another name and relation, is
// another writer: Sara's words do not stand in Göran's name. The same id renamed is the same one.
TEST(Contribution, TheSameIdWithAnotherNameAndRelationIsAnotherWriter) {
    Preparation draft = make_new_preparation();
    draft.contributors.push_back(
        Contributor{"rel-7f3a", "Göran Lind", ContributorRole::Relative, "make", YesNo::Unanswered});
    set_text(draft.goals.long_term, "rel-7f3a", "Att vi får vara hemma tillsammans.");
    ContributionReview r = review_contribution(draft, karins_views());
    EXPECT_FALSE(r.known);
    EXPECT_NE(r.draft_id, "rel-7f3a");
    for (std::size_t i = 0; i < r.items.size(); ++i) accept_contribution_item(draft, r, i);
    EXPECT_EQ(*find_text(draft.goals.long_term, "rel-7f3a"), "Att vi får vara hemma tillsammans.");
    EXPECT_EQ(*find_text(draft.goals.long_term, r.draft_id), "Att mamma kan bo kvar hemma.");
    // Karin's name misspelt here ("Krain"), as her own device has her: still her.
    Preparation typo = make_new_preparation();
    typo.contributors.push_back(
        Contributor{"rel-7f3a", "Krain Lind", ContributorRole::Relative, "dotter", YesNo::Unanswered});
    EXPECT_EQ(review_contribution(typo, karins_views()).draft_id, "rel-7f3a");
}

// Words a relative wrote here before and new ones from their file can both stay: nothing of
// theirs goes unless the person chooses it.
TEST(Contribution, TheirEarlierWordsCanStayBesideTheNewOnes) {
    Preparation draft = make_new_preparation();
    draft.contributors.push_back(
        Contributor{"rel-7f3a", "Karin Lind", ContributorRole::Relative, "dotter", YesNo::Unanswered});
    set_text(draft.situation.now, "rel-7f3a", "Hon sover dåligt.");
    const ContributionReview r = review_contribution(draft, karins_views());
    std::size_t now = r.items.size();
    for (std::size_t i = 0; i < r.items.size(); ++i)
        if (r.items[i].place == ContributionItem::Place::Now) now = i;
    ASSERT_LT(now, r.items.size());
    EXPECT_TRUE(can_keep_both(r.items[now]));
    accept_contribution_item(draft, r, now, true);
    EXPECT_EQ(*find_text(draft.situation.now, "rel-7f3a"), "Hon sover dåligt.\n\nHon glömmer att äta.");
    for (const ContributionItem& item : r.items)
        if (item.place == ContributionItem::Place::Question || item.place == ContributionItem::Place::Attends)
            EXPECT_FALSE(can_keep_both(item));
}

// A contribution written elsewhere may hold words in parts it does not take in (a need, a
// strength, a topic not to raise): they are listed for the person to see, not dropped unseen.
TEST(Contribution, WordsItDoesNotTakeInAreListed) {
    Preparation c = karins_views();
    set_text(c.situation.strengths, "rel-7f3a", "Mamma är envis på ett bra sätt.");
    set_text(c.participation.topics_to_avoid, "rel-7f3a", "Pappas död.");
    AreaNeeds health;
    health.area = LifeArea::Health;
    set_text(health.need_help_with, "rel-7f3a", "Att ta medicinen.");
    c.needs.push_back(health);
    const ContributionReview r = review_contribution(make_new_preparation(), c, Lang::Sv);
    const auto listed = [&](const std::string& words) {
        return std::any_of(r.left_out.begin(), r.left_out.end(),
                           [&](const std::string& l) { return l.find(words) != std::string::npos; });
    };
    EXPECT_TRUE(listed("Mamma är envis på ett bra sätt."));
    EXPECT_TRUE(listed("Pappas död."));
    EXPECT_TRUE(listed("Hälsa – ") && listed("Att ta medicinen."));
    EXPECT_FALSE(listed("Hon glömmer att äta."));  // offered as an item
    EXPECT_EQ(r.left_out.size(), 3u);
}
