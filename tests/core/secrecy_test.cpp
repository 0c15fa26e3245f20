// Everyone at the meeting gets a copy of the summary: what must not be raised is only on the page
// for the one who calls the meeting, and a relative's words read as theirs.
#include <gtest/gtest.h>

#include "core/summary.hpp"

using namespace sipprep;

namespace {

const Date kToday{2026, 11, 23};

Preparation with_topics_to_avoid() {
    Preparation p = make_new_preparation();
    p.owner.name = "Elsa Lind";
    p.contributors.push_back(Contributor{"rel-1", "Karin", ContributorRole::Relative, "dotter"});
    set_text(p.goals.long_term, kPersonId, "Bo kvar hemma");
    set_text(p.goals.long_term, "rel-1", "Att mamma äter ordentligt");
    set_text(p.participation.topics_to_avoid, kPersonId, "Min sons skulder");
    return p;
}

}  // namespace

TEST(Secrecy, TopicsToAvoidAreOnlyOnTheConvenersPage) {
    const Summary s = build_summary(with_topics_to_avoid(), Lang::Sv, kToday, {});
    EXPECT_TRUE(has_convener_notes(s));
    const std::string meeting = render_html(s, Lang::Sv, Audience::Meeting);
    EXPECT_EQ(meeting.find("Min sons skulder"), std::string::npos) << "on the page everyone gets";
    EXPECT_NE(meeting.find("Bo kvar hemma"), std::string::npos);
    const std::string convener = render_html(s, Lang::Sv, Audience::Convener);
    EXPECT_NE(convener.find("Min sons skulder"), std::string::npos);
    EXPECT_NE(convener.find("Till den som kallar till mötet – inte till alla"), std::string::npos);
    EXPECT_NE(convener.find("Elsa Lind"), std::string::npos) << "the page says whose it is";
    EXPECT_EQ(convener.find("Bo kvar hemma"), std::string::npos);
    const std::string all = render_html(s, Lang::Sv, Audience::All);
    EXPECT_NE(all.find("<section id=\"convener\" class=\"convener\">"), std::string::npos)
        << "the professional's view marks it";
}

TEST(Secrecy, ARelativesWordsReadAsTheirs) {
    const std::string text = render_text(build_summary(with_topics_to_avoid(), Lang::Sv, kToday, {}));
    EXPECT_NE(text.find("Karin (dotter) skriver: Att mamma äter ordentligt"), std::string::npos) << text;
    EXPECT_NE(text.find("Elsa Lind själv: Bo kvar hemma"), std::string::npos);
}
