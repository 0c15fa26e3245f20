// "Skriv ut samtyckesblankett": one form with what the person wants to consent to — the SIP
// itself, and each organisation and person who may share information with the others, which
// information and from when to when — with a line to sign for each one who gives the consent.
// The consent is given to the one who offers the SIP (seed 001), who documents it; written, it goes
// on the region's template, for which this form can be the basis.
#pragma once

#include "summary.hpp"

namespace sipprep {

// One section: who may share, who may not, that sharing covers only what is needed to plan and
// carry out the efforts (seed 001, seed 000), and the signature lines. Empty when there is
// nothing to sign. Render with render_html.
Summary build_consent_forms(const Preparation& p, Lang lang, const Date& today);
// A consent the person wants to give and so signs: answered yes, not taken back.
bool to_be_signed(const Consent& c);

}  // namespace sipprep
