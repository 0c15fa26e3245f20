// The SIP preparation: what a person (with relatives or guardians) brings to a SIP meeting.
// Plain data; rules live in validation.hpp, JSON in model_json.hpp.
// Dates are kept as the text the person typed ("YYYY-MM-DD" when valid) so that nothing typed
// is ever lost; validation reports what is wrong with them.
#pragma once

#include <string>
#include <vector>

namespace sipprep {

enum class ContributorRole { Person, Relative, Guardian, Representative };

enum class YesNo { Unanswered, Yes, No };

// Someone who writes in the preparation. The person whose plan it is has id "person".
struct Contributor {
    std::string id;
    std::string name;
    ContributorRole role = ContributorRole::Relative;
    std::string relation;               // "mamma", "sambo", "god man" … in the person's own words
    YesNo attends = YesNo::Unanswered;  // a relative: comes to the meeting (1.1)
    // The language their words are in when it is not the preparation's (a BCP 47 tag, 1.3); "" when
    // it is (written_language.hpp).
    std::string written_language{};
};

inline constexpr const char* kPersonId = "person";
// The id a representative (a guardian, a god man) writes under: their voice among the writers.
inline constexpr const char* kRepresentativeWriterPrefix = "c-";
inline std::string representative_writer_id(const std::string& representative_id) {
    return kRepresentativeWriterPrefix + representative_id;
}

// One contributor's words in a free-text answer.
struct Entry {
    std::string author;  // Contributor::id
    std::string text;
    bool operator==(const Entry&) const = default;
};

// A free-text answer: each contributor's view kept apart, the person's first.
struct Voices {
    std::vector<Entry> entries;
    bool operator==(const Voices&) const = default;
};

struct PlanOwner {
    std::string name;
    std::string personal_id;  // personnummer or samordningsnummer, 12 digits when valid
    std::string address;
    std::string phone;
    bool child = false;  // marked as a child (under 18) by whoever fills in; the personnummer decides when valid (1.1)
};

// Unanswered (1.4): the person has not said which kind yet; the summary says "Företrädare".
enum class RepresentativeKind { Guardian, GodMan, Forvaltare, Framtidsfullmakt, Ombud, Unanswered };

struct Representative {
    std::string id;
    std::string name;
    RepresentativeKind kind = RepresentativeKind::Guardian;
    std::string relation;
    std::string phone;
    std::string personal_id;  // optional
};

// A new SIP, a follow-up, or a SIP before leaving hospital (the law on cooperation at discharge,
// 1.1); or a relative's contribution to someone else's preparation, written elsewhere (1.1).
enum class PreparationKind { NewPlan, FollowUp, Discharge, Contribution };

// One effort agreed at the meeting: what, who does it, by when (1.1); from when, how often and
// where (seed 000 "När ska insatsen påbörjas? … Hur ofta … Var ska insatsen ges?").
struct Effort {
    std::string what;
    std::string who;      // in the person's words: "Hemtjänsten", "jag själv", "Karin"
    std::string by_when;  // a date
    // --- the plan in full (issue 26) ---
    std::string starts;     // a date: from when
    std::string how_often;  // "varje tisdag", "två gånger i veckan"
    std::string where;      // "hemma", "på vårdcentralen"
    bool operator==(const Effort&) const = default;
};

// Other contacts the plan names (seed 001 "Dokumentation av SIP": "Fast läkarkontakt, Fasta
// vårdkontakter … samt eventuellt rektor/lärare").
enum class PlanContactKind { Doctor, CareContact, School, Other };

struct PlanContact {
    PlanContactKind kind = PlanContactKind::CareContact;
    std::string name;   // person and unit: "Dr Berg, Vårdcentralen Norr"
    std::string reach;  // phone or e-mail
    bool operator==(const PlanContact&) const = default;
};

// What the meeting decided, the person's own copy. What a SIP documents (seed 001 "Vid SIP-mötet",
// "Dokumentation av SIP"; seed 000 "4. SIP-möte"): the efforts towards the long-term goal and the
// delmål, who does what and when, who holds the overall responsibility, the contacts, and the
// date, time and place of the follow-up.
struct Agreement {
    std::vector<Effort> efforts;
    std::string lead;          // Invitee::id of the actor with the overall responsibility (huvudansvarig)
    std::string lead_person;   // the named person there
    std::string follow_up_on;  // the date of the follow-up
    std::string contact;       // whom to call if something does not happen: name and phone
    // --- the plan in full (issue 26) ---
    std::string follow_up_time;   // "HH:MM"
    std::string follow_up_place;  // where the follow-up meeting is
    std::vector<PlanContact> contacts;
    std::string long_term_goal;          // as the meeting wrote it down
    std::vector<std::string> sub_goals;  // delmål, as agreed
    // The SIP has ended (seed 000 "6. Avsluta": everyone "får veta när SIP inte längre gäller");
    // a consent "tills SIP:en avslutas" ends with it.
    bool closed = false;
    std::string closed_on;  // a date
    bool operator==(const Agreement&) const = default;
};

enum class EffortDone { Unanswered, Yes, Partly, No };

// A follow-up: an effort agreed last time (copied, so the file stands on its own) and whether
// it was carried out (1.1).
struct EffortOutcome {
    Effort effort;
    EffortDone done = EffortDone::Unanswered;
    std::string note;
    bool operator==(const EffortOutcome&) const = default;
};

struct FollowUp {
    Voices how_it_went;                         // against the goals of the earlier plan
    Voices what_changed;                        // new school, new address …
    Voices efforts_done;                        // were the agreed efforts carried out?
    Voices efforts_helped;                      // did they help?
    Voices other_needed;                        // another effort or another actor?
    std::vector<EffortOutcome> agreed_efforts;  // "Blev det gjort?" for each effort of the earlier plan
};

enum class NoticedBy { School, SocialServices, RegionHealth, MunicipalHealth, Person, Relative, Other };

struct NeedNoticed {
    std::vector<NoticedBy> by;
    std::string other;
};

struct Goals {
    Voices long_term;               // "Vad är viktigt för dig?"
    std::vector<Entry> short_term;  // delmål, each with its author
};

struct Situation {
    Voices now;
    Voices works_well;
    Voices strengths;
};

enum class LifeArea { Home, SchoolWork, Health, EverydayLife, Economy, Relationships, Leisure, Safety, Other };

struct AreaNeeds {
    LifeArea area = LifeArea::Home;
    std::string other_label;  // when area is Other
    Voices can_do_myself;
    Voices need_help_with;
};

enum class Priority { None, Low, Medium, High };

struct Question {
    std::string id;
    std::string author;
    std::string text;
    Priority priority = Priority::None;
    std::string for_whom;
};

enum class ActorKind {
    SocialServices,
    RegionHealth,
    PrimaryCare,
    Psychiatry,
    Habilitation,
    MunicipalHealth,
    School,
    Preschool,
    StudentHealth,
    SocialInsurance,    // Försäkringskassan
    EmploymentService,  // Arbetsförmedlingen
    DentalCare,
    Probation,      // Kriminalvården
    GodManOrOmbud,  // god man / personligt ombud
    Other
};

// Names people use for services ("Hemtjänsten", "BUP"), each belonging to one kind of actor, so
// the model stays structured. Catalog key "service.<key>".
struct ServiceName {
    const char* key;
    ActorKind kind;
};
inline constexpr ServiceName kServiceNames[] = {
    {"hemtjanst", ActorKind::SocialServices},
    {"lss", ActorKind::SocialServices},
    {"boendestod", ActorKind::SocialServices},
    {"ekonomiskt_bistand", ActorKind::SocialServices},
    {"bup", ActorKind::Psychiatry},
    {"beroendevard", ActorKind::Psychiatry},
    {"hemsjukvard", ActorKind::MunicipalHealth},
    {"rehabilitering", ActorKind::MunicipalHealth},
    {"personligt_ombud", ActorKind::GodManOrOmbud},
};

struct Invitee {
    std::string id;
    ActorKind kind = ActorKind::Other;
    std::string other_label;
    std::string unit;     // enhet, e.g. "Vårdcentralen Norr"
    std::string contact;  // person, phone or e-mail
    std::string service;  // a ServiceName key when chosen by that name; "" for the kind itself
};

struct SupportPerson {
    std::string name;
    std::string contact;
};

struct Invitations {
    std::vector<Invitee> actors;
    SupportPerson support_person;
    std::string trusted_most;  // Invitee::id the person would like as huvudansvarig, or empty
    std::string trusted_note;
};

enum class ParticipationMode { InPerson, Phone, Video, PartOfMeeting, ThroughRepresentative, InWriting };

// Someone else at the meeting who needs an interpreter (a guardian may need one, the child not).
struct InterpreterNeed {
    std::string who;  // Contributor::id
    std::string language;
    bool operator==(const InterpreterNeed&) const = default;
};

struct Adaptations {
    bool interpreter = false;  // the person
    std::string interpreter_language;
    std::vector<InterpreterNeed> interpreters;  // others
    bool hearing_loop = false;
    bool speak_slowly = false;
    bool speech_to_text = false;        // skrivtolk
    bool accessible_documents = false;  // papers in advance in large print or readable by a screen reader
    bool guide = false;                 // ledsagning to and in the meeting place
    bool sign_language = false;
    bool aac = false;  // AKK
    std::string aac_note;
    bool easy_language = false;
    bool physical_access = false;
    bool breaks = false;
    std::string other;
};

struct Participation {
    std::vector<ParticipationMode> modes;
    Adaptations adaptations;
    std::string wished_date;  // ISO date, used to warn about consents that end before it
    std::string wished_time;
    std::string wished_place;
    Voices topics_to_avoid;
    YesNo pre_meeting_allowed = YesNo::Unanswered;
    // Who chose the ways, adaptations, time and place and the answer about a meeting before (writer
    // ids, in the order they first did; 1.6). Empty: the person, or a file from before 1.6.
    std::vector<std::string> answered_by;
};

// Consent is an active choice: a new entry starts unanswered (1.1; older files always answered).
// Everything here is typed at home and so is a wish: the consent itself is taken by the one who
// offers the SIP and documented there (seed 001 "Samtycke"); nothing in a file is in force.
enum class ConsentDecision { Permit, Deny, Unanswered };
// How the person will give it (seed 001: "skriftligt, muntligt eller … på annat sätt", e.g. AKK;
// Other since 1.2, last so that older values keep their names).
enum class ConsentForm { Written, Oral, Unanswered, Other };
enum class ConsentGiver { Person, Guardians, Representative };
enum class InfoCategory { Health, SocialServices, School, Economy, Work, Family, Other };

// A guardian's own answer, set only by that guardian as the one who writes. The date is the day
// they gave the consent, typed by them; nothing fills it in.
struct GuardianApproval {
    std::string representative_id;  // Representative::id of a guardian
    std::string date;
    bool agrees = true;
    bool operator==(const GuardianApproval&) const = default;
};

// The consent to the SIP itself, before any choice about sharing (seed 001: "För att upprätta en
// SIP … förutsätts att den enskilde ger sitt samtycke"; for a child both guardians when there are
// two). A wish like the rest: a no is respected and the right to coordinated support stays (1.2).
struct SipConsent {
    YesNo wants = YesNo::Unanswered;          // "Jag vill ha en SIP"
    std::vector<GuardianApproval> guardians;  // a child's guardians, each in their own words
    bool operator==(const SipConsent&) const = default;
};

struct Consent {
    std::string id;
    std::string actor;  // Invitee::id of the receiving actor
    ConsentDecision decision = ConsentDecision::Unanswered;
    std::string information;
    std::vector<InfoCategory> categories;
    std::string valid_from;
    std::string valid_to;
    bool until_plan_ends = false;  // instead of an end date: "tills SIP:en avslutas" (1.1)
    ConsentForm form = ConsentForm::Unanswered;
    ConsentGiver given_by = ConsentGiver::Person;
    std::vector<GuardianApproval> guardian_approvals;
    std::string representative_id;
    std::string representative_basis;  // e.g. "fullmakt daterad 2026-01-10"
    std::string revoked_on;            // date; empty while in force
    std::string revoked_by;            // the writer who took it back (1.5); "": the person, or not known
    bool review = false;               // carried over from the earlier plan of a follow-up: to be looked at again
};

// After the meeting: 0 = not answered, 1..5 = not at all … completely.
struct Evaluation {
    int listened_to = 0;
    int understood = 0;
    int started_from_me = 0;
    std::string comment;
};

// The earlier preparation a follow-up starts from: the checksum of its content and when it was saved.
struct FollowsFrom {
    std::string sha256;
    std::string saved;  // ISO 8601 UTC, the earlier file's "updated"
    bool operator==(const FollowsFrom&) const = default;
};

struct Preparation {
    PreparationKind kind = PreparationKind::NewPlan;
    FollowsFrom follows;  // follow-up started from an earlier file; empty otherwise
    PlanOwner owner;
    std::vector<Representative> representatives;
    std::vector<Contributor> contributors;
    NeedNoticed need_noticed;
    Voices reason;  // "Varför behövs mötet?" — the invitation must say it (1.1)
    FollowUp follow_up;
    Goals goals;
    Situation situation;
    Voices can_help;  // what relatives can help with, each in their own words (1.1)
    std::vector<AreaNeeds> needs;
    std::vector<Question> questions;
    Invitations invitations;
    Participation participation;
    std::vector<Consent> consents;
    SipConsent sip_consent;     // 1.2: the wish to have a SIP at all
    Voices child_consent_view;  // a child's own view on the consents (1.1)
    Agreement agreed;           // after the meeting: "Det här kom vi överens om" (1.1)
    Evaluation evaluation;
    // The language the words are written in (a BCP 47 tag: "sv", "en", "fi", "so", "ar"; 1.3); ""
    // is Swedish, as in every file from before 1.3. A writer who wrote in another says so.
    std::string written_language{};
};

// A new, empty preparation: the person is the first contributor.
Preparation make_new_preparation();

// The text of `voices` written by `author`, or nullptr.
const std::string* find_text(const Voices& voices, const std::string& author);
// Sets the author's text (adds an entry if needed, removes it if text is empty) and keeps the
// person's entry first.
void set_text(Voices& voices, const std::string& author, std::string text);

}  // namespace sipprep
