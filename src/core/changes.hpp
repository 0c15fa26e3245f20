// "Vad har ändrats?": two preparations of the same person compared in words — goal, situation,
// needs per area, questions, who is invited, how the person takes part, consents (new, ended,
// taken back) and what was agreed last time against what happened. Not a JSON diff: each line
// reads "Nytt: …", "Borttaget: …" or "Ändrat: … → …". The result is a Summary, so the same
// renderers (text, Markdown, HTML) and the screens' summary view show it.
#pragma once

#include "date.hpp"
#include "i18n.hpp"
#include "model.hpp"
#include "summary.hpp"

namespace sipprep {

// `before` is the earlier preparation, `after` the later one; consents are read as of `today`.
Summary compare_preparations(const Preparation& before, const Preparation& after, Lang lang, const Date& today);

// Two preparations of one person: the same personnummer when both have one, else the same name.
bool same_person(const Preparation& a, const Preparation& b);

// True when compare_preparations found nothing to say.
bool no_changes(const Summary& changes);

}  // namespace sipprep
