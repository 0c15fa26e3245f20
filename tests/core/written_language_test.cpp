// The language people's words are written in (format 1.3): kept in the file, read as Swedish from
// older files, refused when unknown, marked in the professional's summary and print, carried into
// FHIR, and an interpreter suggested when nobody asked for one.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/bundle.hpp"
#include "core/contribution.hpp"
#include "core/fhir.hpp"
#include "core/model_json.hpp"
#include "core/summary.hpp"
#include "core/written_language.hpp"

using namespace sipprep;
namespace fs = std::filesystem;
using J = nlohmann::json;

namespace {

const Date kToday{2026, 11, 23};
const char* kArabicWords =
    "\u0623\u0631\u064a\u062f \u0623\u0646 \u0623\u0639\u064a\u0634 \u0641\u064a \u0628\u064a\u062a\u064a";

std::string read(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

ImportResult example(const char* name) {
    return import_bundle(read(fs::path(SIPPREP_SOURCE_DIR) / "assets/examples" / name), kToday);
}

// A person writing in Arabic, and a daughter writing in Swedish.
Preparation arabic() {
    Preparation p = make_new_preparation();
    p.owner.name = "Fatima Hassan";
    p.contributors.push_back(Contributor{"rel-1", "Sara", ContributorRole::Relative, "dotter"});
    set_written_language(p, kPersonId, "ar");
    set_text(p.goals.long_term, kPersonId, kArabicWords);
    set_text(p.goals.long_term, "rel-1", "Att mamma klarar sig hemma.");
    p.questions.push_back(Question{"q-1", kPersonId, kArabicWords, Priority::High, ""});
    return p;
}

const SummarySection* section(const Summary& s, const std::string& id) {
    for (const SummarySection& sec : s.sections)
        if (sec.id == id) return &sec;
    return nullptr;
}

}  // namespace

TEST(WrittenLanguage, KeptInTheFileAndReadBack) {
    Preparation p = arabic();
    EXPECT_EQ(p.written_language, "ar");
    EXPECT_EQ(p.contributors[1].written_language, "sv") << "the daughter keeps the language she writes in";
    const std::string text = export_bundle(p, BundleMeta{});
    ImportResult r = import_bundle(text, kToday);
    ASSERT_TRUE(r.readable);
    for (const Issue& i : r.issues) EXPECT_NE(i.severity, Severity::Error) << describe(i, Lang::En);
    EXPECT_EQ(r.preparation.written_language, "ar");
    EXPECT_EQ(author_language(r.preparation, kPersonId), "ar");
    EXPECT_EQ(author_language(r.preparation, "rel-1"), "sv");
    EXPECT_EQ(export_bundle(r.preparation, r.meta), text);
}

TEST(WrittenLanguage, SwedishIsNotWrittenSoOlderFilesStayAsTheyWere) {
    Preparation p = make_new_preparation();
    set_written_language(p, kPersonId, "en");
    set_written_language(p, kPersonId, "sv");
    EXPECT_EQ(to_json(p), to_json(make_new_preparation()));
    EXPECT_FALSE(to_json(p).contains("written_language"));
    EXPECT_FALSE(to_json(p)["contributors"][0].contains("written_language"));
}

TEST(WrittenLanguage, AFileWithoutItIsSwedish) {
    // Every example from before 1.3 says nothing about it: Swedish, unchanged on export.
    ImportResult r = example("vuxen-efter-sjukhusvistelse.json");
    ASSERT_TRUE(r.readable);
    EXPECT_EQ(r.preparation.written_language, "");
    EXPECT_EQ(preparation_language(r.preparation), "sv");
    EXPECT_EQ(author_language(r.preparation, "rel-1"), "sv");
    const std::string s = summary(r.preparation, Lang::Sv, kToday, r.issues, SummaryFormat::Text, Reader::Professional);
    EXPECT_EQ(s.find("Svar på"), std::string::npos);
    EXPECT_EQ(s.find("tolk behövs"), std::string::npos);
}

TEST(WrittenLanguage, AnUnknownTagIsRefusedWithAClearMessage) {
    for (const char* where : {"content", "contributor"}) {
        SCOPED_TRACE(where);
        J doc = bundle_document(arabic(), BundleMeta{});
        if (std::string(where) == "content")
            doc["content"]["written_language"] = "xx-klingon";
        else
            doc["content"]["contributors"][1]["written_language"] = "de";
        ImportResult r = import_document(doc, kToday);
        ASSERT_TRUE(r.readable) << "nothing is lost: the file is read and the error shown";
        EXPECT_FALSE(r.valid());
        bool named = false;
        for (const Issue& i : r.issues) {
            if (i.severity != Severity::Error) continue;
            const std::string text = describe(i, Lang::Sv);
            named = named || (text.find("Språkkoden") != std::string::npos &&
                              text.find("känner appen inte till") != std::string::npos &&
                              text.find("ar (arabiska)") != std::string::npos);
        }
        EXPECT_TRUE(named);
    }
}

TEST(WrittenLanguage, TheProfessionalSeesEachAnswerMarkedWithItsLanguage) {
    const Summary s = build_summary(arabic(), Lang::Sv, kToday, {}, Reader::Professional);
    const SummarySection* goals = section(s, "goals");
    ASSERT_NE(goals, nullptr);
    // The person's words as written, then the mark; the daughter's Swedish words unmarked.
    ASSERT_GE(goals->items.size(), 3u);
    EXPECT_NE(goals->items[0].text.find(kArabicWords), std::string::npos);
    EXPECT_EQ(goals->items[0].language, "ar");
    EXPECT_EQ(goals->items[0].text.substr(goals->items[0].words_at, goals->items[0].words_size),
              "\u2068" + std::string(kArabicWords) + "\u2069")
        << "the words, isolated (FSI … PDI)";
    EXPECT_EQ(goals->items[1].kind, SummaryItem::Kind::Detail);
    EXPECT_EQ(goals->items[1].text, "Svar på arabiska");
    EXPECT_NE(goals->items[2].text.find("Att mamma klarar sig hemma."), std::string::npos);
    EXPECT_EQ(goals->items[2].language, "");
    const SummarySection* questions = section(s, "questions");
    ASSERT_NE(questions, nullptr);
    ASSERT_EQ(questions->items.size(), 2u);
    EXPECT_EQ(questions->items[1].text, "Svar på arabiska");
    // The section titles and labels stay in the reader's language.
    EXPECT_EQ(goals->title, tr(Lang::Sv, "summary.goals"));
    // Read in English, the marks are in English; the daughter's Swedish words are marked too.
    const std::string en = render_text(build_summary(arabic(), Lang::En, kToday, {}, Reader::Professional));
    EXPECT_NE(en.find("Answer in Arabic"), std::string::npos);
    EXPECT_NE(en.find("Answer in Swedish"), std::string::npos);
}

TEST(WrittenLanguage, LattSvenskaIsSwedishAndNotMarked) {
    Preparation p = make_new_preparation();
    set_written_language(p, kPersonId, primary_language("sv-x-easy"));
    set_text(p.goals.long_term, kPersonId, "Jag vill bo hemma.");
    EXPECT_EQ(p.written_language, "");
    const std::string s = summary(p, Lang::Sv, kToday, {}, SummaryFormat::Text, Reader::Professional);
    EXPECT_EQ(s.find("Svar på"), std::string::npos);
}

TEST(WrittenLanguage, ThePrintMarksTheWordsWithTheirLanguageAndDirection) {
    const std::string html = summary(arabic(), Lang::Sv, kToday, {}, SummaryFormat::Html, Reader::Professional);
    EXPECT_NE(html.find("<span lang=\"ar\" dir=\"auto\">\u2068" + std::string(kArabicWords) + "\u2069</span>"),
              std::string::npos)
        << html;
    EXPECT_NE(html.find("<html lang=\"sv\" dir=\"ltr\">"), std::string::npos);
    EXPECT_EQ(html.find("<span lang=\"sv\""), std::string::npos) << "Swedish words on a Swedish page are not marked";
}

TEST(WrittenLanguage, AnInterpreterIsSuggestedWhenNobodyAskedForOne) {
    Preparation p = arabic();
    const char* hint = "Personen har skrivit på arabiska men har inte bett om tolk. Fråga om tolk behövs.";
    EXPECT_EQ(interpreter_suggestion(p, Lang::Sv), hint);
    std::string s = summary(p, Lang::Sv, kToday, {}, SummaryFormat::Text, Reader::Professional);
    EXPECT_NE(s.find(hint), std::string::npos);
    // The person's own summary does not talk about them to a professional.
    s = summary(p, Lang::Sv, kToday, {}, SummaryFormat::Text, Reader::Person);
    EXPECT_EQ(s.find(hint), std::string::npos);
    // Asked for: no suggestion.
    p.participation.adaptations.interpreter = true;
    p.participation.adaptations.interpreter_language = "arabiska";
    EXPECT_EQ(interpreter_suggestion(p, Lang::Sv), "");
    s = summary(p, Lang::Sv, kToday, {}, SummaryFormat::Text, Reader::Professional);
    EXPECT_EQ(s.find("tolk behövs"), std::string::npos);
    // Swedish: none.
    EXPECT_EQ(interpreter_suggestion(make_new_preparation(), Lang::Sv), "");
}

TEST(WrittenLanguage, FhirCarriesTheLanguageOfEachAnswer) {
    const J bundle = to_fhir_bundle(arabic(), BundleMeta{}, kToday, Lang::Sv);
    J qr;
    for (const J& e : bundle["entry"])
        if (e["resource"]["resourceType"] == "QuestionnaireResponse") qr = e["resource"];
    ASSERT_FALSE(qr.is_null());
    EXPECT_EQ(qr["language"], "sv") << "the response's own texts are in the reader's language";
    std::vector<std::pair<std::string, std::string>> texts;  // words, language extension ("" when none)
    std::function<void(const J&)> walk = [&](const J& items) {
        for (const J& i : items) {
            if (i.contains("item")) walk(i["item"]);
            if (!i.contains("answer")) continue;
            for (const J& a : i["answer"]) {
                if (!a.contains("valueString")) continue;
                std::string tag;
                if (a.contains("_valueString"))
                    for (const J& x : a["_valueString"]["extension"])
                        if (x["url"] == kLanguageExtensionUrl) tag = x["valueCode"];
                texts.emplace_back(a["valueString"], tag);
            }
        }
    };
    walk(qr["item"]);
    int arabic_answers = 0;
    for (const auto& [text, tag] : texts) {
        if (text.find(kArabicWords) != std::string::npos) {
            EXPECT_EQ(tag, "ar") << text;
            ++arabic_answers;
        } else {
            EXPECT_EQ(tag, "") << text;
        }
    }
    EXPECT_EQ(arabic_answers, 2) << "the goal and the question";
    // Exported for an English reader, the Swedish words say they are Swedish.
    const std::string en = to_fhir_bundle(arabic(), BundleMeta{}, kToday, Lang::En).dump();
    EXPECT_NE(en.find("\"valueCode\":\"sv\""), std::string::npos);
}

TEST(WrittenLanguage, AContributionBringsItsLanguageIntoTheDraft) {
    Preparation contribution = start_contribution("rel-9");
    contribution.owner.name = "Fatima Hassan";
    contribution.contributors[1].name = "Ali";
    set_written_language(contribution, "rel-9", "ar");
    EXPECT_EQ(contribution.written_language, "ar") << "a contribution's language is the relative's";
    EXPECT_EQ(contribution.contributors[1].written_language, "");
    set_text(contribution.goals.long_term, "rel-9", kArabicWords);
    Preparation draft = make_new_preparation();
    const ContributionReview review = review_contribution(draft, contribution);
    EXPECT_EQ(review.language, "ar");
    ASSERT_EQ(review.items.size(), 1u);
    accept_contribution_item(draft, review, 0);
    EXPECT_EQ(draft.written_language, "");
    EXPECT_EQ(author_language(draft, review.draft_id), "ar");
    EXPECT_EQ(author_language(draft, kPersonId), "sv");
}

TEST(WrittenLanguage, TheWriterWhoChangesLanguageIsTheOneWhoseWordsChange) {
    Preparation p = make_new_preparation();
    p.contributors.push_back(Contributor{"rel-1", "Sara", ContributorRole::Relative, "dotter"});
    // The daughter writes in Finnish; the person keeps Swedish.
    set_written_language(p, "rel-1", "fi");
    EXPECT_EQ(p.written_language, "");
    EXPECT_EQ(author_language(p, "rel-1"), "fi");
    // The person changes to Somali: the daughter keeps Finnish.
    set_written_language(p, kPersonId, "so");
    EXPECT_EQ(author_language(p, kPersonId), "so");
    EXPECT_EQ(author_language(p, "rel-1"), "fi");
    // The daughter writes in the person's language: nothing of her own is kept.
    set_written_language(p, "rel-1", "so");
    EXPECT_EQ(p.contributors[1].written_language, "");
}

TEST(WrittenLanguage, TheArabicExampleReadsAsThePersonWroteIt) {
    ImportResult r = example("arabiska-forberedelse.json");
    ASSERT_TRUE(r.readable);
    EXPECT_TRUE(r.valid());
    EXPECT_EQ(r.preparation.written_language, "ar");
    const std::string s = summary(r.preparation, Lang::Sv, kToday, r.issues, SummaryFormat::Text, Reader::Professional);
    EXPECT_NE(s.find("Svar på arabiska"), std::string::npos);
    EXPECT_NE(s.find("Personen har skrivit på arabiska men har inte bett om tolk."), std::string::npos);
    EXPECT_NE(s.find("Att mamma klarar vardagen"), std::string::npos);
}

// The person's own print in Arabic reads right to left; Lätt svenska prints as Swedish.
TEST(WrittenLanguage, ThePrintPageTakesItsLanguagesDirection) {
    const std::string ar = render_html(build_summary(arabic(), Lang::Ar, kToday, {}), Lang::Ar);
    EXPECT_NE(ar.find("<html lang=\"ar\" dir=\"rtl\">"), std::string::npos) << ar.substr(0, 120);
    const std::string easy = render_html(build_summary(arabic(), Lang::SvEasy, kToday, {}), Lang::SvEasy);
    EXPECT_NE(easy.find("<html lang=\"sv\" dir=\"ltr\">"), std::string::npos) << easy.substr(0, 120);
}
