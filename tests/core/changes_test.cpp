// "Vad har ändrats?": two preparations of one person compared in words.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/bundle.hpp"
#include "core/changes.hpp"
#include "core/follow_up.hpp"
#include "core/labels.hpp"
#include "core/sections.hpp"
#include "core/written_language.hpp"

using namespace sipprep;

namespace {

const Date kToday{2026, 11, 23};

Preparation example(const char* name) {
    std::ifstream f(std::filesystem::path(SIPPREP_SOURCE_DIR) / "assets/examples" / name, std::ios::binary);
    return import_bundle(std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()), kToday)
        .preparation;
}

bool says(const std::string& text, const std::string& line) { return text.find(line) != std::string::npos; }

// "What changed" from `before` to `after` says each of `lines`; `after` against itself, nothing.
void expect_changes_say(const Preparation& before, const Preparation& after, const std::vector<std::string>& lines) {
    const std::string text = render_text(compare_preparations(before, after, Lang::Sv, kToday));
    for (const std::string& line : lines) EXPECT_TRUE(says(text, line)) << line << "\n" << text;
    EXPECT_TRUE(no_changes(compare_preparations(after, after, Lang::Sv, kToday)));
}

}  // namespace

TEST(Changes, NothingChangedSaysSo) {
    const Preparation p = example("barn-skolfranvaro.json");
    const Summary s = compare_preparations(p, p, Lang::Sv, kToday);
    EXPECT_TRUE(no_changes(s));
    EXPECT_TRUE(says(render_text(s), "Inget har ändrats sedan förra gången."));
}

// A follow-up half a year later: the goal reworded, a question dropped and one new, an actor
// more, another way to take part, a consent taken back, and what became of what was agreed.
TEST(Changes, AFollowUpInWords) {
    const Preparation before = example("vuxen-efter-sjukhusvistelse.json");
    Preparation after = start_follow_up(before, "2026-11-21T18:40:00Z");
    after.goals = before.goals;
    set_text(after.goals.long_term, kPersonId, "Att bo kvar hemma och kunna gå till affären själv.");
    after.situation = before.situation;
    after.questions = before.questions;
    after.questions.erase(after.questions.begin());
    after.questions.push_back(
        Question{"q-new", kPersonId, "Kan jag få träna med en fysioterapeut?", Priority::High, ""});
    after.invitations.actors.push_back(Invitee{"a-9", ActorKind::Habilitation, "", "Rehab Skövde", "", ""});
    after.participation.modes = {ParticipationMode::Video};
    after.consents[0].revoked_on = "2026-11-22";
    after.follow_up.agreed_efforts[0].done = EffortDone::Yes;
    after.follow_up.agreed_efforts[1].done = EffortDone::No;
    after.follow_up.agreed_efforts[1].note = "Dosetten har inte kommit.";
    after.follow_up.agreed_efforts.pop_back();

    const std::string text = render_text(compare_preparations(before, after, Lang::Sv, kToday));
    EXPECT_TRUE(says(text,
                     "Ändrat: Kerstin Lund själv: Att kunna bo kvar hemma och klara mig själv så mycket det går. "
                     "→ Att bo kvar hemma och kunna gå till affären själv."))
        << text;
    EXPECT_TRUE(says(text, "Nytt: Kan jag få träna med en fysioterapeut?"));
    EXPECT_TRUE(says(text, "Borttaget: " + before.questions.front().text.substr(0, 20)));
    EXPECT_TRUE(says(text, "Nytt: Habiliteringen, Rehab Skövde")) << text;
    EXPECT_TRUE(says(text, "Nytt: Via video"));
    EXPECT_TRUE(says(text, "Borttaget: På plats"));
    EXPECT_TRUE(
        says(text,
             "Ändrat: Vårdcentralen, Vårdcentralen Ryd: Vill samtycka från 20 november 2026 till 20 november 2027 → "
             "Drog tillbaka sin vilja 22 november 2026"))
        << text;
    EXPECT_TRUE(
        says(text,
             "Hemtjänst morgon och kväll, och hjälp med dusch två gånger i veckan. – Hemtjänsten "
             "(beslut från Biståndsenheten), senast 2026-11-24 (från 21 november 2026, morgon och kväll varje dag, "
             "hemma) – Blev det gjort? Ja"))
        << text;
    EXPECT_TRUE(says(text, "Blev det gjort? Nej – Dosetten har inte kommit."));
    EXPECT_TRUE(says(text, "finns inte med i uppföljningen: Ringer varje kväll och handlar på lördagar. – Göran"));
    // Nothing that did not change is listed.
    EXPECT_FALSE(says(text, "Hur det är nu"));

    const std::string md = render_markdown(compare_preparations(before, after, Lang::En, kToday));
    EXPECT_TRUE(says(md, "# What has changed?"));
    EXPECT_TRUE(says(md, "- New: Kan jag få träna med en fysioterapeut?")) << md;
}

// A consent can change without its headline changing: what may be shared narrowed, how it is
// given, a guardian's no to the SIP itself. "Inget har ändrats" was said for each.
TEST(Changes, AConsentsDetailsAndTheWishForASipAreCompared) {
    const Preparation before = example("barn-skolfranvaro.json");
    Preparation after = before;
    after.consents[0].information = "Bara närvaro.";
    after.consents[0].form = ConsentForm::Oral;
    ASSERT_FALSE(after.sip_consent.guardians.empty());
    after.sip_consent.guardians.back().agrees = false;
    const std::string text = render_text(compare_preparations(before, after, Lang::Sv, kToday));
    EXPECT_FALSE(says(text, "Inget har ändrats")) << text;
    EXPECT_TRUE(says(text, "Nytt: " + consent_receiver_label(after, after.consents[0].actor, Lang::Sv) +
                               ": Uppgifter: Skola – Bara närvaro"))
        << text;
    EXPECT_TRUE(says(text, "Så lämnas det: Muntligt")) << text;
    EXPECT_TRUE(says(text, "vill inte att barnet får en SIP")) << text;
}

// The wishes for the meeting and who is to be there beside the actors: a moved date, a new
// support person or a "no" to a meeting without the person are changes the convener must see.
TEST(Changes, TheWishesForTheMeetingAndTheSupportPersonAreCompared) {
    const Preparation before = example("barn-skolfranvaro.json");
    Preparation after = before;
    after.participation.wished_date = "2027-01-20";
    after.participation.wished_place = "Hemma hos oss";
    after.participation.pre_meeting_allowed =
        before.participation.pre_meeting_allowed == YesNo::No ? YesNo::Yes : YesNo::No;
    after.invitations.support_person.name = "Nour Ali";
    expect_changes_say(before, after,
                       {"Önskemål om tid och plats: ", "2027-01-20", "Hemma hos oss",
                        "Får de yrkesverksamma ha ett förmöte utan mig?", "Stödperson: Nour Ali"});
}

// What the summary says beyond the free-text answers is compared as it says it: the agreed
// plan, a question's priority, who noticed the need, an actor's contact; and words moved to
// another writer's name are a change to both writers.
TEST(Changes, ThePlanTheDetailsAndWhoseWordsAreCompared) {
    const Preparation before = example("vuxen-efter-sjukhusvistelse.json");
    Preparation after = before;
    after.agreed.efforts.push_back(Effort{});
    after.agreed.efforts.back().what = "Trygghetslarm";
    ASSERT_FALSE(after.questions.empty());
    after.questions[0].priority = after.questions[0].priority == Priority::High ? Priority::None : Priority::High;
    after.need_noticed.by = {NoticedBy::Person};
    after.invitations.actors[0].contact = "Eva Berg, 0500-11 22 33";
    ASSERT_GE(after.situation.strengths.entries.size(), 2u);
    after.situation.strengths.entries[1].author = kPersonId;
    expect_changes_say(before, after,
                       {"Trygghetslarm", "[Viktigast]", "Nytt: Behovet uppmärksammades av: Kerstin Lund själv",
                        "Eva Berg, 0500-11 22 33", "Ändrat: Styrkor – Kerstin Lund själv: "});
}

// Every free-text question of the plan is compared, so no one's new words go unmentioned; a new
// topic not to raise too, since the one who calls the meeting must not miss it.
TEST(Changes, EveryFreeTextQuestionIsCompared) {
    Preparation before = make_new_preparation();
    before.kind = PreparationKind::FollowUp;  // the follow-up's questions show in a follow-up only
    for (const Section& s : plan_sections()) {
        for (const WordsPart<Preparation>& w : s.words) {
            Preparation after = before;
            const std::string words = "Nya ord i " + w.path();
            const_cast<std::vector<Entry>&>(w.entries(after)).push_back(Entry{kPersonId, words});
            const std::string text = render_text(compare_preparations(before, after, Lang::Sv, kToday));
            EXPECT_TRUE(says(text, "Nytt: ") && says(text, words)) << w.path() << "\n" << text;
        }
    }
}

TEST(Changes, WhoSpeaksForThePerson) {
    Preparation before = make_new_preparation();
    before.representatives.push_back(
        Representative{"r-1", "Maria Lind", RepresentativeKind::Guardian, "mamma", "", ""});
    Preparation after = before;
    after.representatives[0].phone = "070-123 45 67";
    after.representatives.push_back(Representative{"r-2", "Olle Berg", RepresentativeKind::GodMan, "", "", ""});
    const std::string text = render_text(compare_preparations(before, after, Lang::Sv, kToday));
    EXPECT_TRUE(says(text, "Nytt: Maria Lind")) << text;
    EXPECT_TRUE(says(text, "070-123 45 67")) << text;
    EXPECT_TRUE(says(text, "Borttaget: Maria Lind")) << text;
    EXPECT_TRUE(says(text, "Nytt: Olle Berg")) << text;
}

// A topic the person now asks not to be raised is said to the one who calls the meeting, and only
// to them: the section is theirs, as in the summary.
TEST(Changes, ANewTopicNotToRaiseIsForTheConvenerOnly) {
    const Preparation before = example("vuxen-efter-sjukhusvistelse.json");
    Preparation after = before;
    set_text(after.participation.topics_to_avoid, kPersonId, "Min skilsmässa");
    const Summary changes = compare_preparations(before, after, Lang::Sv, kToday);
    EXPECT_TRUE(says(render_text(changes, Audience::Convener), "Det här ska inte tas upp på mötet"));
    EXPECT_TRUE(says(render_text(changes, Audience::Convener), "Min skilsmässa"));
    EXPECT_FALSE(says(render_text(changes, Audience::Meeting), "Min skilsmässa"));
}

// Whom the plan belongs to, as the SIP form asks it: name, personnummer, address and phone. The
// summary has them, and a new phone number or address is a change the convener must see.
TEST(Changes, TheOwnersAddressAndPhoneAreShownAndCompared) {
    const Preparation before = example("vuxen-efter-sjukhusvistelse.json");
    ASSERT_FALSE(before.owner.phone.empty());
    const std::string summary = summary_text(before, Lang::Sv, kToday, {});
    EXPECT_NE(summary.find("Telefon: " + before.owner.phone), std::string::npos) << summary;
    EXPECT_NE(summary.find("Adress: " + before.owner.address), std::string::npos) << summary;
    Preparation after = before;
    after.owner.phone = "070-111 22 33";
    expect_changes_say(before, after, {"Nytt: Telefon: 070-111 22 33", "Borttaget: Telefon: " + before.owner.phone});
}

// A writer who now says they will come to the meeting has changed, not come and gone.
TEST(Changes, AWritersChangedLineIsAChangeNotNewAndGone) {
    const Preparation before = example("narstaende-tillsammans.json");
    Preparation after = before;
    Contributor* relative = nullptr;
    for (Contributor& c : after.contributors)
        if (c.id != kPersonId && has_words_by(after, c.id)) relative = &c;
    ASSERT_NE(relative, nullptr);
    relative->attends = relative->attends == YesNo::Yes ? YesNo::No : YesNo::Yes;
    const std::string text = render_text(compare_preparations(before, after, Lang::Sv, kToday));
    EXPECT_NE(text.find("Ändrat: " + author_label(before, relative->id, Lang::Sv)), std::string::npos) << text;
    EXPECT_EQ(text.find("Borttaget: " + author_label(before, relative->id, Lang::Sv)), std::string::npos) << text;
}

// The person's own consent is signed as their words are: by name, not "Personen själv".
TEST(Changes, APersonsOwnConsentIsGivenByThemByName) {
    const Preparation p = example("vuxen-efter-sjukhusvistelse.json");
    const std::string summary = summary_text(p, Lang::Sv, kToday, {});
    EXPECT_NE(summary.find("Så lämnas det: Skriftligt, Kerstin Lund själv"), std::string::npos) << summary;
    EXPECT_EQ(summary.find("Personen själv"), std::string::npos) << summary;
}

// An oral consent leaves no paper: the professional's summary says where it is written down
// (seed 001, Västra Götaland's routine: first in the IT service, else in the records); the person's does not.
TEST(Changes, AnOralConsentSaysWhereItIsWrittenDown) {
    const Preparation p = example("vuxen-efter-sjukhusvistelse.json");
    ASSERT_TRUE(std::any_of(p.consents.begin(), p.consents.end(),
                            [](const Consent& c) { return c.form == ConsentForm::Oral; }));
    const std::string pro = summary(p, Lang::Sv, kToday, {}, SummaryFormat::Text, Reader::Professional);
    EXPECT_NE(pro.find("Ges muntligt: dokumenteras av den som tar emot det – enligt Västra Götalands rutin i första "
                       "hand i IT-tjänsten för SIP"),
              std::string::npos)
        << pro;
    EXPECT_EQ(summary_text(p, Lang::Sv, kToday, {}).find("Ges muntligt"), std::string::npos);
}
