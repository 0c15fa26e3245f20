// The plan after the meeting in full (issue 26): the follow-up's date, time and place and its
// calendar file, the contacts, the goals as agreed, each effort's from when, how often and where,
// a SIP that has ended; and what the professional's copy and KVÅ suggestion carry.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/bundle.hpp"
#include "core/fhir.hpp"
#include "core/ics.hpp"
#include "core/labels.hpp"
#include "core/model_json.hpp"
#include "core/summary.hpp"

using namespace sipprep;

namespace {

const Date kToday{2026, 11, 23};

bool says(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

Preparation agreed_plan() {
    Preparation p = make_new_preparation();
    p.owner.name = "Elsa Lind";
    p.invitations.actors.push_back(Invitee{"a-1", ActorKind::PrimaryCare, "", "Vårdcentralen Norr", ""});
    p.agreed.long_term_goal = "Bo kvar hemma";
    p.agreed.sub_goals = {"Duscha själv före jul", "Handla en gång i veckan"};
    p.agreed.efforts.push_back(
        Effort{"Hemtjänst på morgonen", "Hemtjänsten", "", "2026-12-01", "varje morgon", "hemma"});
    p.agreed.lead = "a-1";
    p.agreed.lead_person = "Sara Ek";
    p.agreed.follow_up_on = "2027-03-01";
    p.agreed.follow_up_time = "13:30";
    p.agreed.follow_up_place = "Vårdcentralen Norr, rum 4; plan 2";
    p.agreed.contact = "Sara Ek, 0500-44 12 30";
    p.agreed.contacts = {PlanContact{PlanContactKind::Doctor, "Dr Berg, Vårdcentralen Norr", "0500-44 12 00"},
                         PlanContact{PlanContactKind::CareContact, "Anna, hemsjukvården", "0500-44 13 00"},
                         PlanContact{PlanContactKind::School, "Rektor Lind", "rektor@skolan.se"}};
    return p;
}

// The octets of each line of an iCalendar text, without the CRLF.
std::vector<std::string> ics_lines(const std::string& ics) {
    std::vector<std::string> out;
    std::size_t from = 0;
    for (std::size_t at; (at = ics.find("\r\n", from)) != std::string::npos; from = at + 2)
        out.push_back(ics.substr(from, at - from));
    EXPECT_EQ(from, ics.size()) << "every line ends in CRLF";
    return out;
}

// The lines of an iCalendar text unfolded (RFC 5545 3.1).
std::string unfolded(const std::string& ics) {
    std::string out;
    for (const std::string& l : ics_lines(ics)) out += (!l.empty() && l[0] == ' ') ? l.substr(1) : "\n" + l;
    return out + "\n";
}

}  // namespace

TEST(Ics, EscapesTextValues) {
    EXPECT_EQ(ics_escape("Rum 4; plan 2, Norr\\Syd\nvid hissen"), "Rum 4\\; plan 2\\, Norr\\\\Syd\\nvid hissen");
    EXPECT_EQ(ics_escape("a\r\nb"), "a\\nb");
    EXPECT_EQ(ics_escape("Vårdcentralen"), "Vårdcentralen");
}

TEST(Ics, FoldsLongLinesWithoutSplittingACharacter) {
    std::string line = "DESCRIPTION:";
    for (int i = 0; i < 40; ++i) line += "åäö";  // two octets each
    const std::string folded = ics_fold(line);
    const std::vector<std::string> lines = ics_lines(folded);
    ASSERT_GT(lines.size(), 2u);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        EXPECT_LE(lines[i].size(), 75u) << i;
        if (i > 0) EXPECT_EQ(lines[i][0], ' ');
        // No line starts (after the fold's space) or ends in the middle of a UTF-8 character.
        const std::string body = i > 0 ? lines[i].substr(1) : lines[i];
        EXPECT_NE(static_cast<unsigned char>(body.front()) & 0xC0, 0x80) << i;
        const unsigned char last = static_cast<unsigned char>(body.back());
        EXPECT_FALSE(last >= 0xC0) << "a lead byte at the end of line " << i;
    }
    EXPECT_EQ(unfolded(folded), "\n" + line + "\n");
    EXPECT_EQ(ics_fold("SHORT:x"), "SHORT:x\r\n");
    std::string exactly(75, 'x');
    EXPECT_EQ(ics_fold(exactly), exactly + "\r\n");
    EXPECT_EQ(ics_fold(exactly + "y"), exactly + "\r\n y\r\n");
}

TEST(Ics, TheFollowUpMeetingWithDateTimeAndPlace) {
    const auto ics = follow_up_ics(agreed_plan(), Lang::Sv, "2026-11-23T14:05:09Z");
    ASSERT_TRUE(ics);
    const std::string text = unfolded(*ics);
    EXPECT_EQ(text.rfind("\nBEGIN:VCALENDAR\nVERSION:2.0\n", 0), 0u) << text;
    EXPECT_TRUE(says(text, "\nBEGIN:VEVENT\n"));
    EXPECT_TRUE(says(text, "\nDTSTAMP:20261123T140509Z\n"));
    EXPECT_TRUE(says(text, "\nDTSTART:20270301T133000\n")) << text;
    EXPECT_TRUE(says(text, "\nDURATION:PT1H\n"));
    EXPECT_TRUE(says(text, "\nSUMMARY:Uppföljning av SIP\n"));
    EXPECT_TRUE(says(text, "\nLOCATION:Vårdcentralen Norr\\, rum 4\\; plan 2\n")) << text;
    EXPECT_TRUE(says(text, "\nDESCRIPTION:Huvudansvarig: Vårdcentralen\\, Vårdcentralen Norr – Sara Ek\\nOm")) << text;
    EXPECT_TRUE(says(text, "\nUID:"));
    EXPECT_TRUE(says(text, "\nEND:VEVENT\nEND:VCALENDAR\n"));
    for (const std::string& l : ics_lines(*ics)) EXPECT_LE(l.size(), 75u) << l;
}

TEST(Ics, WithoutATimeTheFollowUpIsAWholeDay) {
    Preparation p = agreed_plan();
    p.agreed.follow_up_time.clear();
    p.agreed.follow_up_on = "2026-12-31";
    const std::string text = unfolded(*follow_up_ics(p, Lang::En, "2026-11-23T14:05:09Z"));
    EXPECT_TRUE(says(text, "\nDTSTART;VALUE=DATE:20261231\nDTEND;VALUE=DATE:20270101\n")) << text;
    EXPECT_TRUE(says(text, "\nSUMMARY:SIP follow-up\n"));
}

TEST(Ics, NoFileWithoutAReadableDateOrTime) {
    Preparation p = agreed_plan();
    p.agreed.follow_up_time = "13.30";
    EXPECT_FALSE(follow_up_ics(p, Lang::Sv, "2026-11-23T14:05:09Z"));
    p.agreed.follow_up_time = "24:00";
    EXPECT_FALSE(follow_up_ics(p, Lang::Sv, "2026-11-23T14:05:09Z"));
    p.agreed.follow_up_time = "23:59";
    EXPECT_TRUE(follow_up_ics(p, Lang::Sv, "2026-11-23T14:05:09Z"));
    p.agreed.follow_up_on = "i mars";
    EXPECT_FALSE(follow_up_ics(p, Lang::Sv, "2026-11-23T14:05:09Z"));
}

TEST(Plan, TheNewFieldsRoundTripAndAnOlderPlanStaysAsItWas) {
    const Preparation p = agreed_plan();
    std::vector<UnknownField> unknown;
    const Preparation back = preparation_from_json(to_json(p), &unknown);
    EXPECT_TRUE(unknown.empty());
    EXPECT_EQ(back.agreed, p.agreed);
    const Json j = to_json(p)["agreed"];
    EXPECT_EQ(j["follow_up_time"], "13:30");
    EXPECT_EQ(j["contacts"][0]["kind"], "doctor");
    EXPECT_EQ(j["efforts"][0]["how_often"], "varje morgon");

    // A plan written before these fields: none of them is written, so its file stays byte for byte.
    Preparation old = make_new_preparation();
    old.agreed.efforts.push_back(Effort{"Hemtjänst", "Hemtjänsten", "2026-12-01"});
    old.agreed.follow_up_on = "2027-03-01";
    const Json o = to_json(old)["agreed"];
    for (const char* key :
         {"follow_up_time", "follow_up_place", "contacts", "long_term_goal", "sub_goals", "closed", "closed_on"})
        EXPECT_FALSE(o.contains(key)) << key;
    for (const char* key : {"starts", "how_often", "where"}) EXPECT_FALSE(o["efforts"][0].contains(key)) << key;
}

TEST(Plan, TheSummaryHasThePlanInFull) {
    const std::string text = render_text(build_summary(agreed_plan(), Lang::Sv, kToday, {}));
    EXPECT_TRUE(says(text, "Långsiktigt mål: Bo kvar hemma")) << text;
    EXPECT_TRUE(says(text, "- Duscha själv före jul"));
    EXPECT_TRUE(says(text, "Hemtjänst på morgonen – Hemtjänsten (från 1 december 2026, varje morgon, hemma)")) << text;
    EXPECT_TRUE(says(text, "Planen följs upp 1 mars 2027, 13:30, Vårdcentralen Norr, rum 4; plan 2.")) << text;
    EXPECT_TRUE(says(text, "- Fast läkarkontakt: Dr Berg, Vårdcentralen Norr, 0500-44 12 00"));
    EXPECT_TRUE(says(text, "- Fast vårdkontakt: Anna, hemsjukvården, 0500-44 13 00"));
    EXPECT_TRUE(says(text, "- Skolan (rektor eller lärare): Rektor Lind, rektor@skolan.se"));
    EXPECT_FALSE(says(text, "avslutad"));
}

TEST(Plan, AClosedSipSaysThatWhatHeldUntilItEndsHasEnded) {
    Preparation p = agreed_plan();
    p.agreed.closed = true;
    p.agreed.closed_on = "2027-06-10";
    const std::string text = render_text(build_summary(p, Lang::Sv, kToday, {}));
    EXPECT_TRUE(says(text, "SIP:en avslutades 10 juni 2027. Det som skulle gälla tills SIP:en avslutas har upphört."))
        << text;
    p.agreed.closed_on.clear();
    EXPECT_TRUE(says(render_text(build_summary(p, Lang::En, kToday, {})), "The SIP has ended."));
}

TEST(Plan, AnEffortThatWasNotDonePointsToTheDeviationRoutine) {
    Preparation p = make_new_preparation();
    p.kind = PreparationKind::FollowUp;
    p.follow_up.agreed_efforts.push_back(EffortOutcome{Effort{"Hemtjänst", "Hemtjänsten", ""}, EffortDone::No, ""});
    p.follow_up.agreed_efforts.push_back(EffortOutcome{Effort{"Bad", "Hemtjänsten", ""}, EffortDone::Yes, ""});
    const std::string text = render_text(build_summary(p, Lang::Sv, kToday, {}));
    const std::size_t at = text.find("avvikelse");
    ASSERT_NE(at, std::string::npos) << text;
    EXPECT_EQ(text.find("avvikelse", at + 1), text.find("avvikelse", at + 1));  // once, for the one "Nej"
    EXPECT_LT(at, text.find("Bad – Hemtjänsten"));
    EXPECT_TRUE(says(text, "Västra Götalands rutin")) << "the routine is named as regional";
}

// The KVÅ codes are registered for a meeting that established or followed up a plan (seed 004):
// nothing is suggested for a preparation before any meeting.
TEST(Kva, SuggestedOnlyOnceTheMeetingHasDecided) {
    Preparation p = make_new_preparation();
    p.owner.name = "Elsa Lind";
    EXPECT_FALSE(kva_suggestion(p));
    const BundleMeta meta;
    Json fhir = to_fhir_bundle(p, meta, kToday, Lang::Sv);
    for (const Json& e : fhir["entry"])
        if (e["resource"]["resourceType"] == "QuestionnaireResponse") EXPECT_FALSE(e["resource"].contains("extension"));

    p.agreed.efforts.push_back(Effort{"Hemtjänst", "Hemtjänsten", ""});
    ASSERT_TRUE(kva_suggestion(p));
    EXPECT_STREQ(kva_suggestion(p)->code, "AU124");
    p.kind = PreparationKind::FollowUp;
    EXPECT_STREQ(kva_suggestion(p)->code, "AW010");
    p.kind = PreparationKind::Discharge;
    EXPECT_STREQ(kva_suggestion(p)->code, "AU125");
    fhir = to_fhir_bundle(p, meta, kToday, Lang::Sv);
    bool found = false;
    for (const Json& e : fhir["entry"])
        if (e["resource"]["resourceType"] == "QuestionnaireResponse")
            found = e["resource"]["extension"][0]["valueCoding"]["code"] == "AU125";
    EXPECT_TRUE(found);
    p.kind = PreparationKind::Contribution;
    EXPECT_FALSE(kva_suggestion(p));
    EXPECT_TRUE(says(tr(Lang::Sv, "pro.kva"), "den som registrerar"));
    EXPECT_TRUE(says(tr(Lang::Sv, "pro.kva"), "lokala rutin"));
}

// The copy for the journal or SAMSA: what must not be raised stays on the convener's page.
TEST(ProfessionalCopy, LeavesOutWhatIsForTheConvenerOnly) {
    Preparation p = make_new_preparation();
    p.owner.name = "Elsa Lind";
    set_text(p.participation.topics_to_avoid, kPersonId, "Min sons skulder");
    set_text(p.goals.long_term, kPersonId, "Bo kvar hemma");
    const Summary s = build_summary(p, Lang::Sv, kToday, {});
    const std::string meeting = render_text(s, Audience::Meeting);
    EXPECT_FALSE(says(meeting, "Min sons skulder"));
    EXPECT_FALSE(says(meeting, "ska inte tas upp"));
    EXPECT_TRUE(says(meeting, "Bo kvar hemma"));
    EXPECT_TRUE(says(render_text(s, Audience::Convener), "Min sons skulder"));
}

// The kinds of information, then "…efter sjukhusvistelsen." as written (never ".,"), the dates as
// people read them.
TEST(ConsentLine, NoDoubledPunctuationAndDatesInWords) {
    Preparation p = make_new_preparation();
    p.invitations.actors.push_back(Invitee{"a-1", ActorKind::PrimaryCare, "", "Vårdcentralen Norr", ""});
    Consent c;
    c.id = "c-1";
    c.actor = "a-1";
    c.decision = ConsentDecision::Permit;
    c.information = "Det som behövs efter sjukhusvistelsen.";
    c.categories = {InfoCategory::Health};
    c.valid_from = "2026-11-20";
    c.valid_to = "2027-11-20";
    p.consents.push_back(c);
    const std::string text = render_text(build_summary(p, Lang::Sv, kToday, {}));
    EXPECT_FALSE(says(text, "., ")) << text;
    EXPECT_TRUE(says(text, "Uppgifter: Hälsa och vård – Det som behövs efter sjukhusvistelsen.")) << text;
    // In words, with the year: a printout is read later, and "20 november" then says another day.
    EXPECT_TRUE(says(text, "från 20 november 2026 till 20 november 2027")) << text;
    EXPECT_FALSE(says(text, "2026-11-20"));
}

// An interpreter asked for without a language says so, not "Tolk: " with nothing after it.
TEST(ConsentLine, AnInterpreterWithoutALanguageSaysSo) {
    Preparation p = make_new_preparation();
    p.participation.adaptations.interpreter = true;
    const std::vector<std::string> texts = adaptation_texts(p, Lang::Sv);
    ASSERT_FALSE(texts.empty());
    EXPECT_EQ(texts.front(), "Tolk: språket står inte");
    p.participation.adaptations.interpreter_language = "finska";
    EXPECT_EQ(adaptation_texts(p, Lang::Sv).front(), "Tolk: finska");
}
