#include <gtest/gtest.h>

#include "core/readability.hpp"

using namespace sipprep;

namespace {
void expect_counts(const char* text, int words, int sentences, int long_words) {
    const LixCounts c = lix_counts(text);
    EXPECT_EQ(c.words, words) << text;
    EXPECT_EQ(c.sentences, sentences) << text;
    EXPECT_EQ(c.long_words, long_words) << text;
}
}  // namespace

TEST(Readability, CountsWordsSentencesAndLongWords) {
    // 7 words, 2 sentences, 1 word over six letters: 7/2 + 100 × 1/7.
    const LixCounts c = lix_counts("Jag heter Anna. Hon bor i Stockholm.");
    EXPECT_EQ(c.words, 7);
    EXPECT_EQ(c.sentences, 2);
    EXPECT_EQ(c.long_words, 1);
    EXPECT_NEAR(lix(c), 3.5 + 100.0 / 7, 1e-9);
}

TEST(Readability, SixLettersIsShortSevenIsLong) {
    expect_counts("skriva", 1, 1, 0);
    expect_counts("skriver", 1, 1, 1);
    // å, ä, ö are one letter each, not two bytes.
    expect_counts("öåäöåä", 1, 1, 0);
    expect_counts("Förbered", 1, 1, 1);
}

TEST(Readability, TextWithoutEndMarkIsOneSentence) {
    expect_counts("Vårdnadshavare eller företrädare", 3, 1, 2);
    EXPECT_NEAR(lix(lix_counts("Vårdnadshavare eller företrädare")), 3 + 200.0 / 3, 1e-9);
}

TEST(Readability, SentenceEndsAtEachMarkFollowedBySpace) {
    expect_counts("Vill du? Ja! Bra. Så här: skriv", 7, 5, 0);
    // Inside a word a colon or full stop ends nothing: "SIP:en", "13:30", "2026-12-24".
    expect_counts("SIP:en börjar 13:30 den 2026-12-24.", 5, 1, 1);
    // A quote after the mark: the sentence ends at the next mark followed by a space.
    expect_counts("Frågan ”Vad är viktigt?” kommer först.", 6, 1, 1);
}

TEST(Readability, LineEndsAndBulletsEndSentences) {
    expect_counts("Du kan\n- läsa\n- skriva", 4, 3, 0);
    expect_counts("Tolk • Pauser • Hörslinga", 3, 3, 1);
    // A hyphen inside a line is no bullet.
    expect_counts("hälso- och sjukvård", 3, 1, 1);
}

TEST(Readability, PlaceholdersAreOneShortWordEach) {
    expect_counts("Steg {0} av {1}", 4, 1, 0);
    // Even glued to signs, and whatever the name put in later will be.
    expect_counts("Tecknet visas som ‹{0}›.", 4, 1, 1);
    expect_counts("{0}: enhet", 2, 2, 0);
}

TEST(Readability, NumbersAreWordsAndSignsAreNot) {
    expect_counts("Du har 12 siffror – och 1 fel …", 7, 1, 1);
    expect_counts("194503121234", 1, 1, 1);  // twelve digits
}

TEST(Readability, EmptyTextHasNoWordsAndIndexZero) {
    expect_counts("", 0, 0, 0);
    expect_counts(" … – ", 0, 0, 0);
    EXPECT_EQ(lix(lix_counts("")), 0.0);
}

TEST(Readability, CountsOfTextsAddUp) {
    LixCounts sum = lix_counts("Ja");
    sum += lix_counts("Nej, avbryt");
    EXPECT_EQ(sum.words, 3);
    EXPECT_EQ(sum.sentences, 2);
    EXPECT_NEAR(lix(sum), 1.5, 1e-9);
    EXPECT_EQ(sum.longest_sentence, 2);
}

TEST(Readability, RunningTextEndsWithASentenceMark) {
    EXPECT_TRUE(is_running_text("Skriv lösenordet först."));
    EXPECT_TRUE(is_running_text("Vad är viktigt för dig? "));
    EXPECT_FALSE(is_running_text("Lägg till fråga"));
    EXPECT_FALSE(is_running_text("Låser filen …"));
    EXPECT_FALSE(is_running_text(""));
}

TEST(Readability, KeepsTheLongestSentence) {
    EXPECT_EQ(lix_counts("Du kan. Du kan också skriva själv. Bra").longest_sentence, 5);
    EXPECT_EQ(lix_counts("").longest_sentence, 0);
}
