// The preparation as HL7 FHIR R4: a Bundle of type "collection" with the Patient, a
// RelatedPerson per guardian, representative and relative, a QuestionnaireResponse (answers
// under the linkIds of fhir_questionnaire()) and one Consent per consent entry.
// Personnummer use HL7 Sweden's identifier systems.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bundle.hpp"
#include "date.hpp"
#include "i18n.hpp"
#include "model.hpp"

namespace sipprep {

inline constexpr const char* kQuestionnaireUrl = "https://sipprep.example/fhir/Questionnaire/sip-preparation";
// Version 2 is version 1 with one item added at the end: the child's view of the consents.
inline constexpr const char* kQuestionnaireVersion = "2";
// The suggested KVÅ code (Socialstyrelsen's classification of care measures) on the
// QuestionnaireResponse. The system is ours: we name the classification, not an official URI.
inline constexpr const char* kKvaExtensionUrl = "https://sipprep.example/fhir/StructureDefinition/suggested-kva-code";
inline constexpr const char* kKvaSystem = "https://sipprep.example/fhir/CodeSystem/kva";
// FHIR's own extension for the language of a string (R4 core lists HumanName, Address and
// Annotation as its context; the Extensions Pack adds string and markdown).
inline constexpr const char* kLanguageExtensionUrl = "http://hl7.org/fhir/StructureDefinition/language";
inline constexpr const char* kPersonnummerSystem = "http://electronichealth.se/identifier/personnummer";
inline constexpr const char* kSamordningsnummerSystem = "http://electronichealth.se/identifier/samordningsnummer";

nlohmann::json to_fhir_bundle(const Preparation& p, const BundleMeta& meta, const Date& today, Lang lang);

// The Questionnaire the responses answer (published as docs/fhir/Questionnaire-sip-preparation.json).
nlohmann::json fhir_questionnaire(Lang lang);

// What FHIR R4 requires but its JSON Schema does not enforce (a Consent without status passes
// the schema, for example): one message per missing element, empty when all is there.
std::vector<std::string> check_fhir_required(const nlohmann::json& bundle);

}  // namespace sipprep
