#include <gtest/gtest.h>

#include "core/i18n.hpp"
#include "core/personal_id.hpp"

using namespace sipprep;

namespace {
PersonalIdResult parse(const char* s, int year = 2026) { return parse_personal_id(s, year); }
}  // namespace

TEST(PersonalId, AcceptsAllWrittenForms) {
    for (const char* s : {"811218-9876", "8112189876", "198112189876", "19811218-9876"}) {
        auto r = parse(s);
        ASSERT_TRUE(r.ok()) << s;
        EXPECT_EQ(r.id.digits, "198112189876") << s;
        EXPECT_EQ(r.id.birth, (Date{1981, 12, 18}));
        EXPECT_FALSE(r.id.coordination);
    }
}

TEST(PersonalId, CenturyFromTheCurrentYear) {
    EXPECT_EQ(parse("1201019807", 2026).id.digits, "201201019807");
    EXPECT_EQ(parse("2611239803", 2026).id.digits.substr(0, 4), "2026");
    EXPECT_EQ(parse("2712319801", 2026).id.digits.substr(0, 4), "1927");
    // '+' means the person has turned 100: one more century back.
    EXPECT_EQ(parse("120101+9807", 2026).id.digits, "191201019807");
    EXPECT_EQ(parse("120101-9807", 2026).id.digits, "201201019807");
    EXPECT_EQ(parse("260101-9801", 2026).id.digits.substr(0, 4), "2026");
    EXPECT_EQ(parse("260101+9801", 2026).id.digits.substr(0, 4), "1926");
}

TEST(PersonalId, Samordningsnummer) {
    auto r = parse("701063-2391");
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r.id.coordination);
    EXPECT_EQ(r.id.birth, (Date{1970, 10, 3}));
    EXPECT_EQ(r.id.digits, "197010632391");
}

TEST(PersonalId, ErrorsSayWhatIsWrong) {
    EXPECT_EQ(parse("").error, PersonalIdError::Format);
    EXPECT_EQ(parse("abc").error, PersonalIdError::Format);
    EXPECT_EQ(parse("811218 9876").error, PersonalIdError::Format);
    EXPECT_EQ(parse("1811218-9876").error, PersonalIdError::Format);
    EXPECT_EQ(parse("19811218--9876").error, PersonalIdError::Format);
    EXPECT_EQ(parse("811218-9877").error, PersonalIdError::Checksum);
    EXPECT_EQ(parse("811218-0009").error, PersonalIdError::IndividualNumber);
    EXPECT_EQ(parse("811318-9875").error, PersonalIdError::Date);    // month 13, valid Luhn
    EXPECT_EQ(parse("810230-9872").error, PersonalIdError::Date);    // 30 February
    EXPECT_EQ(parse("20000229-9808").error, PersonalIdError::None);  // leap day
    EXPECT_EQ(parse("19000229-9808").error, PersonalIdError::Date);  // 1900 was no leap year
}

TEST(PersonalId, Luhn) {
    EXPECT_EQ(luhn_check_digit("811218987"), 6);
    EXPECT_EQ(luhn_check_digit("701063239"), 1);
}

TEST(PersonalId, ErrorCodesHaveMessages) {
    for (PersonalIdError e :
         {PersonalIdError::Format, PersonalIdError::Date, PersonalIdError::IndividualNumber, PersonalIdError::Checksum})
        for (Lang l : built_langs()) EXPECT_TRUE(has_text(l, std::string("msg.") + personal_id_error_code(e)));
}

TEST(PersonalId, ShownAsPeopleReadIt) {
    const PersonalIdResult r = parse_personal_id("9506244178", 2026);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(personal_id_display(r.id), "19950624-4178");
}
