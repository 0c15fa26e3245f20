// The summary of a preparation as structure: a title block and sections of items, in the order
// a SIP meeting goes through them. Built once (build_summary); renderers turn it into plain
// text, Markdown or a printable HTML page, and the screens draw the same structure directly.
#pragma once

#include <string>
#include <vector>

#include "bundle.hpp"
#include "consent_status.hpp"
#include "date.hpp"
#include "i18n.hpp"
#include "issue.hpp"
#include "model.hpp"
#include "sections.hpp"

namespace sipprep {

struct SummaryItem {
    enum class Kind {
        Paragraph,
        Subheading,
        Bullet,    // one of a list
        Numbered,  // one of a numbered list (questions, in the person's order)
        Detail,    // a line under the previous item (a guardian's agreement under a consent)
        Error,     // a rule error (Bullet, shown as an error)
    };
    Kind kind = Kind::Paragraph;
    std::string text;    // the whole line as read, author included where there is one
    std::string author;  // Contributor::id when these are someone's own words, else ""
    int number = 0;      // Numbered
    // Words not in the reader's language: their BCP 47 tag and where they are in `text` (the print
    // marks them with lang and dir); a Detail item after it says which language ("Svar på arabiska").
    std::string language{};
    std::size_t words_at = 0, words_size = 0;
};

struct SummarySection {
    std::string id;  // stable: "goals", "consents" … (HTML ids, tests)
    std::string title;
    std::vector<SummaryItem> items;
    // Only for the one who calls the meeting (topics that must not be raised): everyone at the
    // meeting gets a copy of the summary, so these never go on that page.
    bool for_convener = false;
    bool own_page = false;  // printed on a page of its own (one consent form per organisation)
};

struct Summary {
    std::string title;
    std::string subtitle;             // "för Anna Andersson"
    std::string person;               // the person's name, or a word for "no name yet"
    std::vector<SummaryItem> header;  // personnummer, child, kind, who noticed the need
    std::vector<SummarySection> sections;
};

// The words of the consents' details, as the summary says them and "what changed" compares them:
// the wish to have a SIP and each guardian's answer; what may be shared ("Uppgifter: …", for a yes);
// how the consent is given and by whom ("Så lämnas det: …").
// A child's SIP lists every guardian, one who has not answered too.
std::vector<std::string> sip_consent_words(const Preparation& p, Lang lang, const Date& today);
// One guardian's answer to the child's SIP ("… vill att barnet får en SIP", "… har inte svarat"),
// under the name `name`.
std::string sip_guardian_words(GuardianAnswer answer, const std::string& name, Lang lang);
// Each guardian's answer to a consent the guardians give: "vill samtycka", "vill inte samtycka",
// "har inte svarat själv än" (to a yes), and a yes beside a no or no answer as the contradiction it is.
std::vector<std::string> consent_guardian_words(const Preparation& p, const Consent& c, Lang lang);
std::string consent_what_words(const Consent& c, Lang lang);
std::string consent_given_words(const Preparation& p, const Consent& c, Lang lang);

// The summary's lines above its sections (personnummer, child, kind, who noticed the need), and
// a section's lines beyond its free-text questions, as the professional reads them: "what
// changed" compares them line by line.
std::vector<std::string> header_lines(const Preparation& p, Lang lang, const Date& today);
std::vector<std::string> own_lines(const Preparation& p, SectionId id, Lang lang, const Date& today);
// The same as items, each with its author where it is about one writer.
std::vector<SummaryItem> own_summary_items(const Preparation& p, SectionId id, Lang lang, const Date& today);

// The single lines of "Vilka ska vara med?" and "Så vill jag vara med", as the summary says them
// and "what changed" compares them; "" when not answered.
std::string support_person_words(const Preparation& p, Lang lang);
std::string trusted_words(const Preparation& p, Lang lang);
std::string wished_meeting_words(const Preparation& p, Lang lang);
std::string pre_meeting_words(const Preparation& p, Lang lang);
// Who chose those answers, when anyone but the person did ("Ifyllt av Sara (vårdnadshavare), …").
std::string answered_by_words(const Preparation& p, Lang lang);

// `issues` are listed at the end (errors, then the to-do list); pass {} to leave them out. The
// professional (Reader, issue.hpp) is also told that the consents are the person's wishes and that
// the consent is taken and documented by them.
Summary build_summary(const Preparation& p, Lang lang, const Date& today, const std::vector<Issue>& issues,
                      Reader reader = Reader::Person);

// Who a printed page or a copy is for: everyone at the meeting (no notes for the convener), the one
// who calls the meeting (the title block and those notes only), or all of it (the person's own).
enum class Audience { All, Meeting, Convener };
std::string render_text(const Summary& s, Audience audience = Audience::All);
std::string render_markdown(const Summary& s);
// A complete page with the print stylesheet (assets/print.css).
std::string render_html(const Summary& s, Lang lang, Audience audience = Audience::All);
bool has_convener_notes(const Summary& s);

// What a professional reads of a file they opened (the import view, its copy and print, the
// CLI's summary): the summary, first saying so when the file was changed after it was saved.
Summary opened_file_summary(const ImportResult& r, Lang lang, const Date& today);

enum class SummaryFormat { Text, Markdown, Html };
std::string render(const Summary& s, Lang lang, SummaryFormat format);
std::string summary(const Preparation& p, Lang lang, const Date& today, const std::vector<Issue>& issues,
                    SummaryFormat format, Reader reader = Reader::Person);
std::string summary_text(const Preparation& p, Lang lang, const Date& today, const std::vector<Issue>& issues);

// The adaptations the person asked for, each in words (summary and FHIR answers).
std::vector<std::string> adaptation_texts(const Preparation& p, Lang lang);

}  // namespace sipprep
