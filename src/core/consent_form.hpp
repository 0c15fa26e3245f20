// "Skriv ut samtyckesblankett": one printable page per organisation, filled in with what the
// person wants to consent to, with lines for signature and date. The person brings it to the
// meeting; the consent itself is given to each organisation, on this page or on their own form.
#pragma once

#include "summary.hpp"

namespace sipprep {

// One section per consent the person wants to give (answered yes, not taken back), each on a
// page of its own; none when there is nothing to sign. Render with render_html.
Summary build_consent_forms(const Preparation& p, Lang lang, const Date& today);
// A consent the person wants to give and so signs: answered yes, not taken back.
bool to_be_signed(const Consent& c);

}  // namespace sipprep
