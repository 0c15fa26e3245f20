// The names enums have in the bundle format (see schema/sipprep-bundle-v1.schema.json).
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "model.hpp"

namespace sipprep {

template <typename E>
struct EnumNames;

#define SIPPREP_ENUM_NAMES(E, ...)                      \
    template <>                                         \
    struct EnumNames<E> {                               \
        static constexpr std::array names{__VA_ARGS__}; \
    };

SIPPREP_ENUM_NAMES(ContributorRole, "person", "relative", "guardian", "representative")
SIPPREP_ENUM_NAMES(RepresentativeKind, "guardian", "god_man", "forvaltare", "framtidsfullmakt", "ombud")
SIPPREP_ENUM_NAMES(PreparationKind, "new", "follow_up", "discharge", "contribution")
SIPPREP_ENUM_NAMES(NoticedBy, "school", "social_services", "region_health", "municipal_health", "person", "relative",
                   "other")
SIPPREP_ENUM_NAMES(LifeArea, "home", "school_work", "health", "everyday_life", "economy", "relationships", "leisure",
                   "safety", "other")
SIPPREP_ENUM_NAMES(Priority, "none", "low", "medium", "high")
SIPPREP_ENUM_NAMES(ActorKind, "social_services", "region_health", "primary_care", "psychiatry", "habilitation",
                   "municipal_health", "school", "preschool", "student_health", "social_insurance",
                   "employment_service", "dental_care", "probation", "god_man_or_ombud", "other")
SIPPREP_ENUM_NAMES(ParticipationMode, "in_person", "phone", "video", "part_of_meeting", "through_representative",
                   "in_writing")
SIPPREP_ENUM_NAMES(YesNo, "unanswered", "yes", "no")
SIPPREP_ENUM_NAMES(EffortDone, "unanswered", "yes", "partly", "no")
SIPPREP_ENUM_NAMES(ConsentDecision, "permit", "deny", "unanswered")
SIPPREP_ENUM_NAMES(ConsentForm, "written", "oral", "unanswered")
SIPPREP_ENUM_NAMES(ConsentGiver, "person", "guardians", "representative")
SIPPREP_ENUM_NAMES(InfoCategory, "health", "social_services", "school", "economy", "work", "family", "other")
// The plan in full (issue 26)
SIPPREP_ENUM_NAMES(PlanContactKind, "doctor", "care_contact", "school", "other")

#undef SIPPREP_ENUM_NAMES

template <typename E>
constexpr std::string_view enum_name(E value) {
    return EnumNames<E>::names[static_cast<std::size_t>(value)];
}

template <typename E>
std::optional<E> enum_from_name(std::string_view name) {
    const auto& names = EnumNames<E>::names;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (name == names[i]) return static_cast<E>(i);
    return std::nullopt;
}

template <typename E>
constexpr std::size_t enum_count() {
    return EnumNames<E>::names.size();
}

}  // namespace sipprep
