// A readable plain-text summary of a preparation, in the order a SIP meeting goes through it.
// Used by `sipprep summary` and the professional's view.
#pragma once

#include <string>
#include <vector>

#include "date.hpp"
#include "i18n.hpp"
#include "issue.hpp"
#include "model.hpp"

namespace sipprep {

enum class SummaryFormat { Text, Markdown, Html };

// The summary in `format`. Html is a complete page with a print stylesheet (A4, a page break
// before each main section, long words wrapped), for "Skriv ut" and the professional's print.
std::string summary(const Preparation& p, Lang lang, const Date& today, const std::vector<Issue>& issues,
                    SummaryFormat format);
std::string summary_text(const Preparation& p, Lang lang, const Date& today, const std::vector<Issue>& issues);

}  // namespace sipprep
