#include "consent_form.hpp"

#include "consent_status.hpp"
#include "labels.hpp"
#include "personal_id.hpp"

namespace sipprep {

namespace {

using Kind = SummaryItem::Kind;

void line(SummarySection& s, Kind kind, std::string text) {
    s.items.push_back(SummaryItem{kind, std::move(text), {}, 0});
}

// Lines to sign on, for each one who gives the consent.
void signature(SummarySection& s, const std::string& who, Lang lang) {
    line(s, Kind::Subheading, who);
    line(s, Kind::Paragraph, tr(lang, "form.signature"));
    line(s, Kind::Paragraph, tr(lang, "form.date_place"));
    line(s, Kind::Paragraph, tr(lang, "form.name_clarified"));
}

}  // namespace

bool to_be_signed(const Consent& c) { return c.decision == ConsentDecision::Permit && c.revoked_on.empty(); }

Summary build_consent_forms(const Preparation& p, Lang lang, const Date& today) {
    Summary out;
    const std::string name = p.owner.name.empty() ? tr(lang, "summary.no_name") : p.owner.name;
    out.title = tr(lang, "form.title");
    out.subtitle = trf(lang, "summary.for", {name});
    out.person = name;
    out.header.push_back(SummaryItem{Kind::Paragraph, tr(lang, "form.intro"), {}, 0});
    for (const Consent& c : p.consents) {
        if (!to_be_signed(c)) continue;
        SummarySection s;
        s.id = "form-" + c.id;
        s.title = trf(lang, "form.section", {consent_receiver_label(p, c.actor, lang)});
        s.own_page = true;
        std::string who = name;
        if (!p.owner.personal_id.empty()) {
            const PersonalIdResult id = parse_personal_id(p.owner.personal_id, today.year);
            who += ", " + (id.ok() ? personal_id_display(id.id) : p.owner.personal_id);
        }
        line(s, Kind::Paragraph, trf(lang, "form.person", {who}));
        line(s, Kind::Paragraph, consent_sentence(p, c, lang));
        line(s, Kind::Paragraph, tr(lang, "form.revocable"));
        if (c.given_by == ConsentGiver::Guardians) {
            for (const Representative& r : p.representatives)
                if (r.kind == RepresentativeKind::Guardian)
                    signature(s, trf(lang, "form.guardian", {r.name.empty() ? tr(lang, "reps.unnamed") : r.name}),
                              lang);
        } else if (c.given_by == ConsentGiver::Representative) {
            std::string rep = tr(lang, "enum.giver.representative");
            for (const Representative& r : p.representatives)
                if (r.id == c.representative_id && !r.name.empty()) rep = r.name;
            signature(s, trf(lang, "form.representative", {rep}), lang);
        } else {
            signature(s, trf(lang, "form.self", {name}), lang);
        }
        out.sections.push_back(std::move(s));
    }
    return out;
}

}  // namespace sipprep
