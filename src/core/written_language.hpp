// The language people's words are written in, as BCP 47 tags ("sv", "en", "fi", "so", "ar"):
// the preparation says its own and a writer who wrote in another says theirs (model.hpp). Lätt
// svenska is Swedish ("sv"). The reader's language decides what is marked ("Svar på arabiska").
#pragma once

#include <string>
#include <string_view>

#include "i18n.hpp"
#include "model.hpp"

namespace sipprep {

// The tags the format knows (schema/sipprep-bundle-v1.schema.json lists the same).
inline constexpr const char* kWrittenLanguages[] = {"sv", "en", "fi", "so", "ar"};
inline constexpr const char* kSwedish = "sv";

// The primary language subtag, lower case: "sv-x-easy" → "sv", "AR" → "ar".
std::string primary_language(std::string_view tag);

// The language of the preparation: its own, or Swedish when the file does not say.
std::string preparation_language(const Preparation& p);
// The language `author`'s words are in: their own when they wrote in another, else the preparation's.
std::string author_language(const Preparation& p, const std::string& author);

// The one who writes now (a contributor id) writes in `tag` (the language the app is used in).
// The person's language is the preparation's; every other writer's is kept only when it differs
// from it. When the preparation's changes, the others keep the one they had.
void set_written_language(Preparation& p, const std::string& writer, const std::string& tag);

// Whether `author` has written words anywhere in the preparation (an answer, a question, …).
// Choosing the app's language labels the writer's words only while there are none: the words
// already there were written in the language they were written in, not in the one chosen to read.
bool has_words_by(const Preparation& p, const std::string& author);

// "arabiska" in Swedish, "Arabic" in English; the tag itself for a language the catalog cannot name.
std::string language_name(std::string_view tag, Lang reader);
// "Svar på arabiska" when words in `tag` are not in the reader's language; "" when they are.
std::string answer_language_note(std::string_view tag, Lang reader);

// "Personen har skrivit på arabiska men har inte bett om tolk. Fråga om tolk behövs." when the
// preparation is not in Swedish and the person has asked for no interpreter; "" otherwise.
std::string interpreter_suggestion(const Preparation& p, Lang reader);

}  // namespace sipprep
