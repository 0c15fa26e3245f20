#include "sections.hpp"

#include <algorithm>
#include <cstdlib>
#include <type_traits>

namespace sipprep {
namespace {

using P = Preparation;

template <typename M>
struct MemberOf;
template <typename S, typename T>
struct MemberOf<T S::*> {
    using Struct = S;
};

const std::vector<Entry>& entries_of(const Voices& v) { return v.entries; }
const std::vector<Entry>& entries_of(const std::vector<Entry>& e) { return e; }

// The words at a member path, e.g. entries_at<&P::situation, &Situation::now>.
template <auto First, auto... Rest>
const std::vector<Entry>& entries_at(const typename MemberOf<decltype(First)>::Struct& o) {
    return entries_of(((o.*First).*....*Rest));
}

struct Texts {
    const char* heading_key;
    const char* changes_key;
    Compare compare;
    const char* link_id;
    const char* question_key;
};

template <auto First, auto... Rest>
std::string path_of() {
    return content_path(First, Rest...);
}

template <auto First, auto... Rest>
WordsPart<P> words(Texts t) {
    return {&path_of<First, Rest...>,
            &entries_at<First, Rest...>,
            t.heading_key,
            t.changes_key,
            t.compare,
            t.link_id,
            t.question_key};
}

// A member of a record in the plan by its path; a member of the plan itself stands on its own.
template <typename Outer, typename M>
std::string path_under(Outer outer, M member) {
    if constexpr (std::is_same_v<typename MemberOf<M>::Struct, Preparation>)
        return content_path(member);
    else
        return content_path(outer, member);
}

// The members of a record in a section, each by its path.
template <typename Outer, typename... Members>
std::vector<std::string> under(Outer outer, Members... members) {
    return {path_under(outer, members)...};
}

bool any_words(const std::vector<WordsPart<AreaNeeds>>& parts, const AreaNeeds& n) {
    return std::any_of(parts.begin(), parts.end(), [&](const auto& w) { return !w.entries(n).empty(); });
}

// A row of the table, written as what it has.
struct Row : Section {
    Row(SectionId section, const char* section_name, InSummary when) {
        id = section;
        name = section_name;
        in_summary = when;
    }
    Row& with_words(std::vector<WordsPart<P>> parts) {
        words = std::move(parts);
        return *this;
    }
    Row& with_own(bool (*content)(const P&)) {
        own_content = content;
        return *this;
    }
    Row& own_items_first() {
        own_first = true;
        return *this;
    }
    Row& every_question_headed() {
        every_heading = true;
        return *this;
    }
    // Its answers at the top of the QuestionnaireResponse, or in a group (one per item when `repeats`).
    Row& in_fhir(int rank, const char* group = nullptr, const char* text_key = nullptr, bool repeats = false) {
        questionnaire_rank = rank;
        fhir_group = group;
        fhir_text_key = text_key;
        fhir_repeats = repeats;
        return *this;
    }
};

std::vector<Section> make_sections() {
    using S = Situation;
    using F = FollowUp;
    const Compare words_ = Compare::Words;
    return {
        Row(SectionId::Representatives, "representatives", InSummary::WithContent).with_own([](const P& p) {
            return !p.representatives.empty();
        }),
        Row(SectionId::Contributors, "contributors", InSummary::WithContent).with_own([](const P& p) {
            return p.contributors.size() > 1;
        }),
        Row(SectionId::Reason, "reason", InSummary::WithContent)
            .with_words({words<&P::reason>({nullptr, nullptr, words_, "reason", "reason.question"})})
            .in_fhir(1),
        Row(SectionId::Goals, "goals", InSummary::Always)
            .with_words(
                {words<&P::goals, &Goals::long_term>({nullptr, nullptr, words_, "goal.long-term", "goal.question"}),
                 words<&P::goals, &Goals::short_term>({"summary.short_term", "summary.short_term", Compare::Items,
                                                       "goal.short-term", "goal.short.title"})})
            .in_fhir(2, "goal", "step.goal"),
        Row(SectionId::Situation, "situation", InSummary::Always)
            .with_words(
                {words<&P::situation, &S::now>(
                     {nullptr, "field.situation.now", words_, "situation.now", "now.situation"}),
                 words<&P::situation, &S::works_well>({"field.situation.works_well", "field.situation.works_well",
                                                       words_, "situation.works-well", "now.works_well"}),
                 words<&P::situation, &S::strengths>({"field.situation.strengths", "field.situation.strengths", words_,
                                                      "situation.strengths", "now.strengths"})})
            .in_fhir(3, "situation", "step.now"),
        Row(SectionId::CanHelp, "can_help", InSummary::WithContent)
            .with_words({words<&P::can_help>({nullptr, nullptr, words_, "can-help", "field.can_help"})})
            .in_fhir(5),
        // Each life area asks area_words().
        Row(SectionId::Needs, "needs", InSummary::WithItems)
            .with_own([](const P& p) {
                return std::any_of(p.needs.begin(), p.needs.end(),
                                   [](const AreaNeeds& n) { return any_words(area_words(), n); });
            })
            .in_fhir(6, "needs", "step.needs", true),
        Row(SectionId::FollowUp, "follow_up", InSummary::InFollowUp)
            .with_words(
                {words<&P::follow_up, &F::how_it_went>({"summary.fu.how_it_went", "summary.fu.how_it_went", words_,
                                                        "follow-up.how-it-went", "followup.how_it_went"}),
                 words<&P::follow_up, &F::what_changed>({"summary.fu.what_changed", "summary.fu.what_changed", words_,
                                                         "follow-up.what-changed", "followup.what_changed"}),
                 words<&P::follow_up, &F::efforts_done>({"summary.fu.efforts_done", "summary.fu.efforts_done", words_,
                                                         "follow-up.efforts-done", "followup.efforts_done"}),
                 words<&P::follow_up, &F::efforts_helped>({"summary.fu.efforts_helped", "summary.fu.efforts_helped",
                                                           words_, "follow-up.efforts-helped",
                                                           "followup.efforts_helped"}),
                 words<&P::follow_up, &F::other_needed>({"summary.fu.other_needed", "summary.fu.other_needed", words_,
                                                         "follow-up.other-needed", "followup.other_needed"})})
            .with_own([](const P& p) {
                const auto& done = p.follow_up.agreed_efforts;
                return std::any_of(done.begin(), done.end(), [](const EffortOutcome& o) {
                    return o.done != EffortDone::Unanswered || !o.note.empty();
                });
            })
            .every_question_headed()
            .in_fhir(4, "follow-up", "step.follow_up"),
        Row(SectionId::Questions, "questions", InSummary::Always)
            .with_own([](const P& p) { return !p.questions.empty(); })
            .in_fhir(7, "questions", "step.questions", true),
        Row(SectionId::Invitations, "invitations", InSummary::Always)
            .with_own([](const P& p) { return !p.invitations.actors.empty(); })
            .in_fhir(8, "invite", "step.invite"),
        Row(SectionId::Participation, "participation", InSummary::Always)
            .with_own([](const P& p) { return !p.participation.modes.empty(); })
            .in_fhir(9, "participation", "step.participation"),
        Row(SectionId::Consents, "consents", InSummary::Always)
            .with_words({words<&P::child_consent_view>({"summary.child_consent_view", "summary.child_consent_view",
                                                        words_, "consents.child-view", "consent.child_view"})})
            .with_own([](const P& p) { return !p.consents.empty(); })
            .own_items_first()
            .in_fhir(12),  // the consents themselves are Consent resources
        // Topics that must not be raised: for the one who calls the meeting only (a new one is a change
        // they must see), never exported.
        Row(SectionId::Convener, "convener", InSummary::WithContent)
            .with_words({words<&P::participation, &Participation::topics_to_avoid>(
                {"summary.topics_to_avoid", "summary.topics_to_avoid", words_, nullptr, nullptr})})
            .own_items_first(),
        Row(SectionId::Agreed, "agreed", InSummary::WithContent)
            .with_own([](const P& p) { return !(p.agreed == Agreement{}); })
            .in_fhir(10, "agreed", "agreed.title"),
        Row(SectionId::Evaluation, "evaluation", InSummary::WithContent)
            .with_own([](const P& p) {
                const Evaluation& e = p.evaluation;
                return e.listened_to || e.understood || e.started_from_me || !e.comment.empty();
            })
            .in_fhir(11, "evaluation", "eval.title"),
    };
}

}  // namespace

const std::vector<Section>& plan_sections() {
    static const std::vector<Section> table = make_sections();
    return table;
}

const Section& section_info(SectionId id) {
    for (const Section& s : plan_sections())
        if (s.id == id) return s;
    std::abort();  // a SectionId without a row: a programming error
}

bool has_content(const Preparation& p, const Section& s) {
    return std::any_of(s.words.begin(), s.words.end(), [&](const auto& w) { return !w.entries(p).empty(); }) ||
           (s.own_content && s.own_content(p));
}

bool has_content(const Preparation& p, SectionId id) { return has_content(p, section_info(id)); }

const std::vector<WordsPart<AreaNeeds>>& area_words() {
    static const std::vector<WordsPart<AreaNeeds>> parts = {
        {&path_of<&P::needs, &AreaNeeds::can_do_myself>, &entries_at<&AreaNeeds::can_do_myself>, "summary.can_do",
         "summary.can_do", Compare::Words, "needs.can-do", "needs.can_do"},
        {&path_of<&P::needs, &AreaNeeds::need_help_with>, &entries_at<&AreaNeeds::need_help_with>, "summary.need_help",
         "summary.need_help", Compare::Words, "needs.need-help", "needs.need_help"},
    };
    return parts;
}

const std::vector<std::string>& header_paths() {
    static const std::vector<std::string> paths = [] {
        std::vector<std::string> v = under(&P::owner, &PlanOwner::name, &PlanOwner::personal_id, &PlanOwner::address,
                                           &PlanOwner::phone, &PlanOwner::child);
        for (std::string s :
             {content_path(&P::kind), content_path(&P::follows), content_path(&P::written_language),
              content_path(&P::need_noticed, &NeedNoticed::by), content_path(&P::need_noticed, &NeedNoticed::other)})
            v.push_back(s);
        return v;
    }();
    return paths;
}

std::vector<std::string> section_members(SectionId id) {
    using A = Agreement;
    using C = Consent;
    using F = FollowUp;
    switch (id) {
        case SectionId::Representatives:
            return under(&P::representatives, &Representative::id, &Representative::name, &Representative::kind,
                         &Representative::relation, &Representative::phone, &Representative::personal_id);
        case SectionId::Contributors:
            return under(&P::contributors, &Contributor::id, &Contributor::name, &Contributor::role,
                         &Contributor::relation, &Contributor::attends, &Contributor::written_language);
        case SectionId::Needs:
            return under(&P::needs, &AreaNeeds::area, &AreaNeeds::other_label);
        case SectionId::FollowUp:
            return under(&P::follow_up, &F::agreed_efforts);
        case SectionId::Questions:
            return under(&P::questions, &Question::id, &Question::author, &Question::text, &Question::priority,
                         &Question::for_whom);
        case SectionId::Invitations:
            return under(&P::invitations, &Invitations::actors, &Invitations::support_person,
                         &Invitations::trusted_most, &Invitations::trusted_note);
        case SectionId::Participation:
            return under(&P::participation, &Participation::modes, &Participation::adaptations,
                         &Participation::wished_date, &Participation::wished_time, &Participation::wished_place,
                         &Participation::pre_meeting_allowed, &Participation::answered_by);
        case SectionId::Consents:
            return under(&P::consents, &C::id, &C::actor, &C::decision, &C::information, &C::categories, &C::valid_from,
                         &C::valid_to, &C::until_plan_ends, &C::form, &C::given_by, &C::guardian_approvals,
                         &C::representative_id, &C::representative_basis, &C::revoked_on, &C::revoked_by, &C::review,
                         &P::sip_consent);
        case SectionId::Agreed:
            return under(&P::agreed, &A::efforts, &A::lead, &A::lead_person, &A::follow_up_on, &A::contact,
                         &A::follow_up_time, &A::follow_up_place, &A::contacts, &A::long_term_goal, &A::sub_goals,
                         &A::closed, &A::closed_on);
        case SectionId::Evaluation:
            return under(&P::evaluation, &Evaluation::listened_to, &Evaluation::understood,
                         &Evaluation::started_from_me, &Evaluation::comment);
        default:
            return {};  // free-text questions only
    }
}

std::vector<std::string> described_paths() {
    std::vector<std::string> out = header_paths();
    for (const Section& s : plan_sections()) {
        for (const auto& w : s.words) out.push_back(w.path());
        for (std::string& m : section_members(s.id)) out.push_back(std::move(m));
    }
    for (const auto& w : area_words()) out.push_back(w.path());
    return out;
}

}  // namespace sipprep
