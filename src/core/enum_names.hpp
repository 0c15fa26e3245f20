// The names enums have in the bundle format (see schema/sipprep-bundle-v1.schema.json), and the
// word that names each enum in the catalogs.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "model.hpp"

namespace sipprep {

template <typename E>
struct EnumNames;

// `catalog`: the word in the enum's catalog keys, "enum.<catalog>.<name>" (labels.hpp).
#define SIPPREP_ENUM_NAMES(E, CATALOG, ...)             \
    template <>                                         \
    struct EnumNames<E> {                               \
        static constexpr const char* catalog = CATALOG; \
        static constexpr std::array names{__VA_ARGS__}; \
    };

SIPPREP_ENUM_NAMES(ContributorRole, "role", "person", "relative", "guardian", "representative")
SIPPREP_ENUM_NAMES(RepresentativeKind, "rep", "guardian", "god_man", "forvaltare", "framtidsfullmakt", "ombud",
                   "unanswered")
SIPPREP_ENUM_NAMES(PreparationKind, "kind", "new", "follow_up", "discharge", "contribution")
SIPPREP_ENUM_NAMES(NoticedBy, "noticed", "school", "social_services", "region_health", "municipal_health", "person",
                   "relative", "other")
SIPPREP_ENUM_NAMES(LifeArea, "area", "home", "school_work", "health", "everyday_life", "economy", "relationships",
                   "leisure", "safety", "other")
SIPPREP_ENUM_NAMES(Priority, "priority", "none", "low", "medium", "high")
SIPPREP_ENUM_NAMES(ActorKind, "actor", "social_services", "region_health", "primary_care", "psychiatry", "habilitation",
                   "municipal_health", "school", "preschool", "student_health", "social_insurance",
                   "employment_service", "dental_care", "probation", "god_man_or_ombud", "other")
SIPPREP_ENUM_NAMES(ParticipationMode, "mode", "in_person", "phone", "video", "part_of_meeting",
                   "through_representative", "in_writing")
SIPPREP_ENUM_NAMES(YesNo, "yesno", "unanswered", "yes", "no")
SIPPREP_ENUM_NAMES(EffortDone, "done", "unanswered", "yes", "partly", "no")
SIPPREP_ENUM_NAMES(ConsentDecision, "decision", "permit", "deny", "unanswered")
SIPPREP_ENUM_NAMES(ConsentForm, "form", "written", "oral", "unanswered", "other")
SIPPREP_ENUM_NAMES(ConsentGiver, "giver", "person", "guardians", "representative")
SIPPREP_ENUM_NAMES(InfoCategory, "category", "health", "social_services", "school", "economy", "work", "family",
                   "other")
// The plan in full (issue 26)
SIPPREP_ENUM_NAMES(PlanContactKind, "contact", "doctor", "care_contact", "school", "other")

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
