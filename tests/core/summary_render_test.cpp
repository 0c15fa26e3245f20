// Whatever people write stays text in every output: no HTML, no Markdown links, images,
// emphasis, headings or lists, and no fake heading in the plain text.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "core/summary.hpp"

using namespace sipprep;

namespace {

const char* const kHostile[] = {
    "<img src=x onerror=alert(1)>",
    "[klicka här](javascript:alert(1))",
    "![bild](http://example.com/x.png)",
    "# Falsk rubrik",
    "*fet* och _kursiv_ och `kod` och ~~överstruken~~",
    "Falsk rubrik\n=====",
    "Falsk rubrik\n-----",
    "- falsk punkt\n+ en till\n1. falsk numrering\n2) och en",
    "a | b | c",
    "&lt; redan kodat",
};

Summary hostile_summary() {
    Summary s;
    s.title = "SIP";
    s.subtitle = "för *Anna*";
    SummarySection sec{"goals", "Mål", {}};
    for (const char* t : kHostile) {
        for (SummaryItem::Kind k : {SummaryItem::Kind::Paragraph, SummaryItem::Kind::Bullet,
                                    SummaryItem::Kind::Numbered, SummaryItem::Kind::Detail}) {
            SummaryItem i;
            i.kind = k;
            i.text = t;
            i.number = 1;
            sec.items.push_back(i);
        }
    }
    s.sections.push_back(sec);
    return s;
}

// `c` somewhere in `line` without a backslash before it (our own heading's leading #s aside).
bool unescaped(const std::string& line, char c, bool heading) {
    std::size_t from = 0;
    if (heading) from = line.find(' ') == std::string::npos ? line.size() : line.find(' ');
    for (std::size_t i = from; i < line.size(); ++i)
        if (line[i] == c && (i == 0 || line[i - 1] != '\\')) return true;
    return false;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

}  // namespace

TEST(SummaryRender, MarkdownKeepsPeoplesWordsAsText) {
    const std::string md = render_markdown(hostile_summary());
    for (const std::string& l : lines(md)) {
        if (l.rfind("#", 0) == 0) {  // only our own headings
            EXPECT_TRUE(l == "# SIP" || l == "## Mål") << l;
        }
        // Every character Markdown would read as markup comes with its backslash.
        const std::string text = l.rfind("> ", 0) == 0 ? l.substr(2) : l;  // our own quote marker
        for (char c : std::string("<>[]!*_`~#|&"))
            EXPECT_FALSE(unescaped(text, c, l.rfind("#", 0) == 0)) << c << " in " << l;
        // A line of the person's text never starts as an underline or a list of its own.
        for (const char* bad : {"=====", "-----", "+ en", "1. falsk", "2) och"}) {
            EXPECT_NE(l.rfind(bad, 0), 0u) << l;
            EXPECT_NE(l.rfind(std::string("> ") + bad, 0), 0u) << l;
        }
    }
}

TEST(SummaryRender, PlainTextHasNoFakeHeadings) {
    const std::string text = render_text(hostile_summary());
    int underlines = 0;
    for (const std::string& l : lines(text)) {
        if (!l.empty() && l.find_first_not_of('=') == std::string::npos) ++underlines;
        EXPECT_NE(l.rfind("-----", 0), 0u) << l;
    }
    EXPECT_EQ(underlines, 2) << text;  // the title's and the one section's, nothing else
}

TEST(SummaryRender, HtmlEscapesEverything) {
    const std::string html = render_html(hostile_summary(), Lang::Sv);
    EXPECT_EQ(html.find("<img"), std::string::npos);
    EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
    EXPECT_NE(html.find("&amp;lt; redan kodat"), std::string::npos);
}

TEST(SummaryRender, PersonnummerIsShownAsPeopleReadIt) {
    Preparation p = make_new_preparation();
    p.owner.name = "Daniel";
    p.owner.personal_id = "199506244178";  // stored as 12 digits
    const std::string text = render_text(build_summary(p, Lang::Sv, Date{2026, 11, 23}, {}));
    EXPECT_NE(text.find("19950624-4178"), std::string::npos) << text;
    EXPECT_EQ(text.find("199506244178"), std::string::npos) << text;
}

// The step asks the person "Vem såg att du behöver en SIP?" with "Jag själv"; the summary is read
// by others too, so it names the person.
TEST(SummaryRender, WhoNoticedTheNeedNamesThePerson) {
    Preparation p = make_new_preparation();
    p.owner.name = "Daniel Hassan";
    p.need_noticed.by = {NoticedBy::School, NoticedBy::Person};
    const std::string text = render_text(build_summary(p, Lang::Sv, Date{2026, 11, 23}, {}));
    EXPECT_NE(text.find("Behovet uppmärksammades av: Skolan, Daniel Hassan själv"), std::string::npos) << text;
    EXPECT_EQ(text.find("Jag själv"), std::string::npos) << text;
}

// What the person wrote about a consent is theirs to be read whatever the answer; their words are
// kept as written, after the kinds of information.
TEST(SummaryRender, APersonsWordsAboutAConsentAreShownForANoToo) {
    Preparation p = make_new_preparation();
    Invitee vc;
    vc.id = "a-1";
    vc.kind = ActorKind::PrimaryCare;
    vc.unit = "Vårdcentralen Ryd";
    p.invitations.actors.push_back(vc);
    Consent c;
    c.id = "c-1";
    c.actor = "a-1";
    c.decision = ConsentDecision::Deny;
    c.information = "Inget om min psykiska hälsa.";
    p.consents.push_back(c);
    std::string text = render_text(build_summary(p, Lang::Sv, Date{2026, 11, 23}, {}));
    EXPECT_NE(text.find("Om uppgifterna: Inget om min psykiska hälsa."), std::string::npos) << text;
    p.consents[0].decision = ConsentDecision::Permit;
    p.consents[0].categories = {InfoCategory::Health};
    text = render_text(build_summary(p, Lang::Sv, Date{2026, 11, 23}, {}));
    EXPECT_NE(text.find("Uppgifter: Hälsa och vård – Inget om min psykiska hälsa."), std::string::npos) << text;
}

// "Det här har skrivits av" lists those who wrote something, not every writer added.
TEST(SummaryRender, OnlyThoseWhoWroteAreListedAsWriters) {
    Preparation p = make_new_preparation();
    p.owner.name = "Elsa Lind";
    p.contributors.push_back(Contributor{"rel-1", "Karin", ContributorRole::Relative, "dotter"});
    p.contributors.push_back(Contributor{"rel-2", "Anna", ContributorRole::Relative, "granne"});
    p.goals.long_term.entries.push_back(Entry{"rel-1", "Att mamma kan bo kvar."});
    const std::string text = render_text(build_summary(p, Lang::Sv, Date{2026, 11, 23}, {}));
    EXPECT_NE(text.find("Karin (dotter)"), std::string::npos) << text;
    EXPECT_EQ(text.find("Anna (granne)"), std::string::npos) << text;
    EXPECT_EQ(text.find("Elsa Lind själv"), std::string::npos) << text;
}
