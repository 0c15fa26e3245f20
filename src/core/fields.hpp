// Each field of the model described once: its name in the bundle format and its member.
// model_json.cpp writes, reads and checks for unknown members from these tables, and
// content_path() builds the JSON pointers that errors and screens use from the same names.
#pragma once

#include <cstddef>
#include <string>
#include <tuple>
#include <type_traits>

#include "model.hpp"

namespace sipprep {

// `Optional`: added after 1.0, written only when it holds something, so that files without it
// stay byte for byte as they were.
template <typename S, typename T, bool Optional = false>
struct Field {
    const char* name;
    T S::*member;
    static constexpr bool optional = Optional;
};
template <typename S, typename T>
constexpr Field<S, T> field(const char* name, T S::*member) {
    return {name, member};
}
template <typename S, typename T>
constexpr Field<S, T, true> optional_field(const char* name, T S::*member) {
    return {name, member};
}

// Fields<S>::list: the members of S in the bundle format. Voices are written as their entries.
template <typename S>
struct Fields;

#define SIPPREP_FIELDS(S, ...)                                     \
    template <>                                                    \
    struct Fields<S> {                                             \
        static constexpr auto list = std::make_tuple(__VA_ARGS__); \
    };

SIPPREP_FIELDS(Contributor, field("id", &Contributor::id), field("name", &Contributor::name),
               field("role", &Contributor::role), field("relation", &Contributor::relation),
               optional_field("attends", &Contributor::attends),
               optional_field("written_language", &Contributor::written_language))
SIPPREP_FIELDS(Entry, field("author", &Entry::author), field("text", &Entry::text))
SIPPREP_FIELDS(PlanOwner, field("name", &PlanOwner::name), field("personal_id", &PlanOwner::personal_id),
               field("address", &PlanOwner::address), field("phone", &PlanOwner::phone),
               optional_field("child", &PlanOwner::child))
SIPPREP_FIELDS(Representative, field("id", &Representative::id), field("name", &Representative::name),
               field("kind", &Representative::kind), field("relation", &Representative::relation),
               field("phone", &Representative::phone), field("personal_id", &Representative::personal_id))
SIPPREP_FIELDS(FollowUp, field("how_it_went", &FollowUp::how_it_went), field("what_changed", &FollowUp::what_changed),
               field("efforts_done", &FollowUp::efforts_done), field("efforts_helped", &FollowUp::efforts_helped),
               field("other_needed", &FollowUp::other_needed),
               optional_field("agreed_efforts", &FollowUp::agreed_efforts))
SIPPREP_FIELDS(Effort, field("what", &Effort::what), field("who", &Effort::who), field("by_when", &Effort::by_when),
               optional_field("starts", &Effort::starts), optional_field("how_often", &Effort::how_often),
               optional_field("where", &Effort::where))
SIPPREP_FIELDS(PlanContact, field("kind", &PlanContact::kind), field("name", &PlanContact::name),
               field("reach", &PlanContact::reach))
SIPPREP_FIELDS(Agreement, field("efforts", &Agreement::efforts), field("lead", &Agreement::lead),
               field("lead_person", &Agreement::lead_person), field("follow_up_on", &Agreement::follow_up_on),
               field("contact", &Agreement::contact), optional_field("follow_up_time", &Agreement::follow_up_time),
               optional_field("follow_up_place", &Agreement::follow_up_place),
               optional_field("contacts", &Agreement::contacts),
               optional_field("long_term_goal", &Agreement::long_term_goal),
               optional_field("sub_goals", &Agreement::sub_goals), optional_field("closed", &Agreement::closed),
               optional_field("closed_on", &Agreement::closed_on))
SIPPREP_FIELDS(EffortOutcome, field("effort", &EffortOutcome::effort), field("done", &EffortOutcome::done),
               field("note", &EffortOutcome::note))
SIPPREP_FIELDS(NeedNoticed, field("by", &NeedNoticed::by), field("other", &NeedNoticed::other))
SIPPREP_FIELDS(Goals, field("long_term", &Goals::long_term), field("short_term", &Goals::short_term))
SIPPREP_FIELDS(Situation, field("now", &Situation::now), field("works_well", &Situation::works_well),
               field("strengths", &Situation::strengths))
SIPPREP_FIELDS(AreaNeeds, field("area", &AreaNeeds::area), field("other_label", &AreaNeeds::other_label),
               field("can_do_myself", &AreaNeeds::can_do_myself), field("need_help_with", &AreaNeeds::need_help_with))
SIPPREP_FIELDS(Question, field("id", &Question::id), field("author", &Question::author), field("text", &Question::text),
               field("priority", &Question::priority), field("for_whom", &Question::for_whom))
SIPPREP_FIELDS(Invitee, field("id", &Invitee::id), field("kind", &Invitee::kind),
               optional_field("service", &Invitee::service), field("other_label", &Invitee::other_label),
               field("unit", &Invitee::unit), field("contact", &Invitee::contact))
SIPPREP_FIELDS(SupportPerson, field("name", &SupportPerson::name), field("contact", &SupportPerson::contact))
SIPPREP_FIELDS(Invitations, field("actors", &Invitations::actors),
               field("support_person", &Invitations::support_person), field("trusted_most", &Invitations::trusted_most),
               field("trusted_note", &Invitations::trusted_note))
SIPPREP_FIELDS(InterpreterNeed, field("who", &InterpreterNeed::who), field("language", &InterpreterNeed::language))
SIPPREP_FIELDS(Adaptations, field("interpreter", &Adaptations::interpreter),
               field("interpreter_language", &Adaptations::interpreter_language),
               optional_field("interpreters", &Adaptations::interpreters),
               optional_field("hearing_loop", &Adaptations::hearing_loop),
               optional_field("speak_slowly", &Adaptations::speak_slowly),
               optional_field("speech_to_text", &Adaptations::speech_to_text),
               optional_field("accessible_documents", &Adaptations::accessible_documents),
               optional_field("guide", &Adaptations::guide), field("sign_language", &Adaptations::sign_language),
               field("aac", &Adaptations::aac), field("aac_note", &Adaptations::aac_note),
               field("easy_language", &Adaptations::easy_language),
               field("physical_access", &Adaptations::physical_access), field("breaks", &Adaptations::breaks),
               field("other", &Adaptations::other))
SIPPREP_FIELDS(Participation, field("modes", &Participation::modes), field("adaptations", &Participation::adaptations),
               field("wished_date", &Participation::wished_date), field("wished_time", &Participation::wished_time),
               field("wished_place", &Participation::wished_place),
               field("topics_to_avoid", &Participation::topics_to_avoid),
               field("pre_meeting_allowed", &Participation::pre_meeting_allowed),
               optional_field("answered_by", &Participation::answered_by))
SIPPREP_FIELDS(GuardianApproval, field("representative_id", &GuardianApproval::representative_id),
               field("date", &GuardianApproval::date), field("agrees", &GuardianApproval::agrees))
SIPPREP_FIELDS(SipConsent, field("wants", &SipConsent::wants), field("guardians", &SipConsent::guardians))
SIPPREP_FIELDS(Consent, field("id", &Consent::id), field("actor", &Consent::actor),
               field("decision", &Consent::decision), field("information", &Consent::information),
               field("categories", &Consent::categories), field("valid_from", &Consent::valid_from),
               field("valid_to", &Consent::valid_to), optional_field("until_plan_ends", &Consent::until_plan_ends),
               field("form", &Consent::form), field("given_by", &Consent::given_by),
               field("guardian_approvals", &Consent::guardian_approvals),
               field("representative_id", &Consent::representative_id),
               field("representative_basis", &Consent::representative_basis), field("revoked_on", &Consent::revoked_on),
               optional_field("revoked_by", &Consent::revoked_by), optional_field("review", &Consent::review))
SIPPREP_FIELDS(Evaluation, field("listened_to", &Evaluation::listened_to), field("understood", &Evaluation::understood),
               field("started_from_me", &Evaluation::started_from_me), field("comment", &Evaluation::comment))
SIPPREP_FIELDS(FollowsFrom, field("sha256", &FollowsFrom::sha256), field("saved", &FollowsFrom::saved))
SIPPREP_FIELDS(Preparation, field("kind", &Preparation::kind), optional_field("follows", &Preparation::follows),
               field("owner", &Preparation::owner), field("representatives", &Preparation::representatives),
               field("contributors", &Preparation::contributors), field("need_noticed", &Preparation::need_noticed),
               optional_field("reason", &Preparation::reason), field("follow_up", &Preparation::follow_up),
               field("goals", &Preparation::goals), field("situation", &Preparation::situation),
               optional_field("can_help", &Preparation::can_help), field("needs", &Preparation::needs),
               field("questions", &Preparation::questions), field("invitations", &Preparation::invitations),
               field("participation", &Preparation::participation), field("consents", &Preparation::consents),
               optional_field("child_consent_view", &Preparation::child_consent_view),
               optional_field("sip_consent", &Preparation::sip_consent), optional_field("agreed", &Preparation::agreed),
               field("evaluation", &Preparation::evaluation),
               optional_field("written_language", &Preparation::written_language))

#undef SIPPREP_FIELDS

// A record described here (and so written as an object); a leaf otherwise.
template <typename T, typename = void>
struct is_described : std::false_type {};
template <typename T>
struct is_described<T, std::void_t<decltype(Fields<T>::list)>> : std::true_type {};

// The bundle name of member `m` of S.
template <typename S, typename T>
const char* field_name(T S::*m) {
    const char* out = "";
    std::apply(
        [&](const auto&... f) {
            auto match = [&](const auto& one) {
                if constexpr (std::is_same_v<std::decay_t<decltype(one.member)>, T S::*>)
                    if (one.member == m) out = one.name;
            };
            (match(f), ...);
        },
        Fields<S>::list);
    return out;
}

namespace detail {
inline void append_path(std::string&) {}
template <typename... Rest>
void append_path(std::string& p, std::size_t index, Rest... rest);
template <typename S, typename T, typename... Rest>
void append_path(std::string& p, T S::*m, Rest... rest) {
    p += '/';
    p += field_name(m);
    append_path(p, rest...);
}
template <typename... Rest>
void append_path(std::string& p, std::size_t index, Rest... rest) {
    p += '/';
    p += std::to_string(index);
    append_path(p, rest...);
}
}  // namespace detail

// The JSON pointer of a field in a bundle: members and list indexes from the Preparation down,
// e.g. content_path(&Preparation::representatives, i, &Representative::personal_id).
template <typename... Steps>
std::string content_path(Steps... steps) {
    std::string p = "/content";
    detail::append_path(p, steps...);
    return p;
}

}  // namespace sipprep
