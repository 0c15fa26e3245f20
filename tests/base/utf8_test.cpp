#include <gtest/gtest.h>

#include "base/utf8.hpp"

using sipprep::is_valid_utf8;

TEST(Utf8, AcceptsSwedishPunctuationAndEmoji) {
    EXPECT_TRUE(is_valid_utf8("Att kunna bo hemma – åäö ÅÄÖ é ”citat” 😀"));
    EXPECT_TRUE(is_valid_utf8(""));
}

TEST(Utf8, RejectsMalformedSequences) {
    std::size_t at = 99;
    EXPECT_FALSE(is_valid_utf8("ab\xff", &at));
    EXPECT_EQ(at, 2u);
    EXPECT_FALSE(is_valid_utf8("\xc3", &at));         // truncated å
    EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));      // UTF-16 surrogate
    EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // above U+10FFFF
    EXPECT_FALSE(is_valid_utf8("\xe5\xe4\xf6"));      // Latin-1 "åäö"
}

TEST(Utf8, ControlCharactersAreDroppedAndTheCaretMovesBack) {
    int start = 9, end = 9;  // after "a\x01b\x00" + "åä" … in UTF-16 units
    const std::string text = std::string("a\x01") + "b" + std::string(1, '\0') + "\xC2\x85" + "å\tä\n€";
    EXPECT_EQ(sipprep::control_character_at(text, 1), 1u);
    EXPECT_EQ(sipprep::control_character_at(text, 3), 1u);
    EXPECT_EQ(sipprep::control_character_at(text, 4), 2u);
    EXPECT_EQ(sipprep::control_character_at(text, 0), 0u);
    const std::string clean = sipprep::without_control_characters(text, &start, &end);
    EXPECT_EQ(clean, "abå\tä\n€");
    EXPECT_EQ(start, 6);  // three removed before it
    EXPECT_EQ(end, 6);
}

TEST(Utf8, CharacterNumberCountsCharactersFromOne) {
    const std::string text = "aå€👋b";  // 1, 2, 3, 4 and 1 bytes
    EXPECT_EQ(sipprep::utf8_character_number(text, 0), 1u);
    EXPECT_EQ(sipprep::utf8_character_number(text, 1), 2u);
    EXPECT_EQ(sipprep::utf8_character_number(text, 2), 2u);  // inside "å": that character
    EXPECT_EQ(sipprep::utf8_character_number(text, 3), 3u);
    EXPECT_EQ(sipprep::utf8_character_number(text, 6), 4u);
    EXPECT_EQ(sipprep::utf8_character_number(text, 10), 5u);
    EXPECT_EQ(sipprep::utf8_character_number(text, 11), 5u);  // the end: the last character
    EXPECT_EQ(sipprep::utf8_character_number(text, 1000), 5u);
    EXPECT_EQ(sipprep::utf8_character_number("", 0), 1u);
}

TEST(Utf8, LowerFirstLetterForALabelInRunningText) {
    EXPECT_EQ(sipprep::lower_first_letter("Vårdnadshavare"), "vårdnadshavare");
    EXPECT_EQ(sipprep::lower_first_letter("Ärende"), "ärende");
    EXPECT_EQ(sipprep::lower_first_letter("Öberg"), "öberg");
    EXPECT_EQ(sipprep::lower_first_letter("×2"), "×2");
    EXPECT_EQ(sipprep::lower_first_letter("God man (qof)"), "god man (qof)");
    EXPECT_EQ(sipprep::lower_first_letter("ولي الأمر"), "ولي الأمر");
    EXPECT_EQ(sipprep::lower_first_letter("2 barn"), "2 barn");
    EXPECT_EQ(sipprep::lower_first_letter(""), "");
}
