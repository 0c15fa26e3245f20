// The plan's sections, each described once, in the order a SIP meeting goes through them (the
// summary's order): the model members it holds, its title, its free-text questions with their
// texts and FHIR linkIds, its group in the FHIR QuestionnaireResponse, when it shows and when it has
// content. The summary, "what changed", the FHIR export and the steps' "has content" check walk
// this table; the free-text questions need nothing more. What a section holds beyond free text each
// of them writes in its own case of a switch over SectionId (the compiler names a missing case),
// and section_members() lists those members so that a test finds any member no section describes
// (a function of its own, which the app never calls: the download does not carry the lists).
#pragma once

#include <string>
#include <vector>

#include "fields.hpp"
#include "model.hpp"

namespace sipprep {

enum class SectionId {
    Representatives,
    Contributors,
    Reason,
    Goals,
    Situation,
    CanHelp,
    Needs,
    FollowUp,
    Questions,
    Invitations,
    Participation,
    Consents,
    Convener,
    Agreed,
    Evaluation
};

// How "what changed" compares a free-text question.
enum class Compare {
    Not,
    Words,  // each writer's words against their own earlier words
    Items,  // the texts as a list: new ones and gone ones
};

// A free-text question: each contributor's words, in a section (Owner = Preparation) or in one
// life area of the needs (Owner = AreaNeeds).
template <typename Owner>
struct WordsPart {
    std::string (*path)();  // the JSON pointer of the member (fields.hpp), e.g. "/content/situation/now"
    const std::vector<Entry>& (*entries)(const Owner&);
    const char* heading_key;   // the summary's subheading; nullptr for a section's first question
    const char* changes_key;   // "what changed" names the question so; nullptr: not named
    Compare compare;           // in "what changed"
    const char* link_id;       // FHIR linkId; nullptr: not in the QuestionnaireResponse
    const char* question_key;  // its text in the FHIR Questionnaire
};

// When the summary has the section.
enum class InSummary {
    Always,       // "Inget skrivet" when empty
    WithContent,  // has_content()
    WithItems,    // when its own case wrote something
    InFollowUp,   // in a follow-up only
};

struct Section {
    SectionId id = SectionId::Reason;
    const char* name = "";  // the summary's section id ("goals"); its title is "summary.<name>"
    InSummary in_summary = InSummary::Always;
    std::vector<WordsPart<Preparation>> words;
    bool (*own_content)(const Preparation&) = nullptr;  // content besides the words; nullptr: the words only
    bool own_first = false;                             // the summary writes its own items before the words
    bool every_heading = false;                         // each question with its subheading, answered or not
    const char* fhir_group = nullptr;                   // its group's linkId in the QuestionnaireResponse
    const char* fhir_text_key = nullptr;                // the group's text in the Questionnaire
    bool fhir_repeats = false;                          // one group per item (a need, a question)
    // Its place in the FHIR Questionnaire (published: items keep their order and new ones come last,
    // with a new version); 0: not in it.
    int questionnaire_rank = 0;
};

// In the order the summary reads them.
const std::vector<Section>& plan_sections();
const Section& section_info(SectionId id);

// Something is written in it: an answer to one of its questions, or what its own check finds.
bool has_content(const Preparation& p, const Section& s);
bool has_content(const Preparation& p, SectionId id);

// The questions asked for each life area of the needs.
const std::vector<WordsPart<AreaNeeds>>& area_words();

// The members shown in the title block of the summary and as the FHIR Patient, not in a section.
const std::vector<std::string>& header_paths();

// The members a section's own cases write (JSON pointers), beside its free-text questions.
std::vector<std::string> section_members(SectionId id);

// Every member the sections and the title block describe (JSON pointers, for the coverage test).
std::vector<std::string> described_paths();

}  // namespace sipprep
