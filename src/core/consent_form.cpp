#include "consent_form.hpp"

#include <algorithm>

#include "consent_status.hpp"
#include "labels.hpp"
#include "personal_id.hpp"
#include "validation.hpp"

namespace sipprep {

namespace {

using Kind = SummaryItem::Kind;

void line(SummarySection& s, Kind kind, std::string text) {
    s.items.push_back(SummaryItem{kind, std::move(text), {}, 0});
}

// Lines to sign on, for each one who gives the consent, with their personnummer and phone as the
// consent template asks ("Jag som lämnar samtycke", seed 000): filled in where the file has them.
void signature(SummarySection& s, const std::string& who, const std::string& personal_id, const std::string& phone,
               Lang lang, const Date& today) {
    static const std::string blank = "______________________________";
    std::string id = personal_id;
    if (const PersonalIdResult parsed = parse_personal_id(personal_id, today.year); parsed.ok())
        id = personal_id_display(parsed.id);
    line(s, Kind::Subheading, who);
    line(s, Kind::Paragraph, trf(lang, "form.personal_id", {id.empty() ? blank : id}));
    line(s, Kind::Paragraph, trf(lang, "form.phone", {phone.empty() ? blank : phone}));
    line(s, Kind::Paragraph, tr(lang, "form.signature"));
    line(s, Kind::Paragraph, tr(lang, "form.date_place"));
    line(s, Kind::Paragraph, tr(lang, "form.name_clarified"));
}

std::string rep_name(const Representative& r, Lang lang) { return r.name.empty() ? tr(lang, "reps.unnamed") : r.name; }

}  // namespace

bool to_be_signed(const Consent& c) { return c.decision == ConsentDecision::Permit && c.revoked_on.empty(); }

Summary build_consent_forms(const Preparation& p, Lang lang, const Date& today) {
    Summary out;
    const std::string name = p.owner.name.empty() ? tr(lang, "summary.no_name") : p.owner.name;
    out.title = tr(lang, "form.title");
    out.subtitle = trf(lang, "summary.for", {name});
    out.person = name;
    // A child's form is signed by the guardians: about the child, not "om mig".
    const bool child = is_child(p, today);
    const auto said = [&](const std::string& key) { return key + (child ? ".child" : ""); };
    out.header.push_back(SummaryItem{Kind::Paragraph, tr(lang, said("form.intro")), {}, 0});

    SummarySection s;
    s.id = "form";
    s.title = tr(lang, "summary.consents");
    std::string who = name;
    if (!p.owner.personal_id.empty()) {
        const PersonalIdResult id = parse_personal_id(p.owner.personal_id, today.year);
        who += ", " + (id.ok() ? personal_id_display(id.id) : p.owner.personal_id);
    }
    line(s, Kind::Paragraph, trf(lang, "form.person", {who}));
    const bool sip = p.sip_consent.wants == YesNo::Yes;
    if (sip) line(s, Kind::Paragraph, tr(lang, said("form.sip")));

    // Who receives is always clear: each one by name, with what and from when to when.
    // A child's SIP is consented to by the guardians (seed 001: both, when there are two); an
    // adult's by the person.
    bool any = false, by_person = sip && !child, by_guardians = sip && child;
    std::vector<std::string> representatives, denied, expired;
    // The organisations share with each other; a relative is told, and shares nothing: a list of
    // its own, after theirs.
    std::vector<std::string> relatives;
    for (const Consent& c : p.consents) {
        const std::string receiver = consent_receiver_label(p, c.actor, lang);
        // A guardian's no stops the sharing (seed 001: both guardians consent): it is not signed for.
        const bool declined = to_be_signed(c) && consent_status(p, c, today).state == ConsentState::GuardianDeclines;
        if ((c.decision == ConsentDecision::Deny && c.revoked_on.empty()) || declined) denied.push_back(receiver);
        if (!to_be_signed(c) || declined) continue;
        // Its end date has passed: not signed as if it held (a follow-up's, from last time).
        if (consent_run_out(c, today)) {
            expired.push_back(receiver);
            continue;
        }
        const bool relative = find_invitee(p, c.actor) == nullptr;
        if (!any && !relative) line(s, Kind::Paragraph, tr(lang, said("form.sharing")));
        any = any || !relative;
        std::string what = c.information;
        while (!what.empty() && (what.back() == '.' || what.back() == ' ' || what.back() == '\n')) what.pop_back();
        for (InfoCategory k : c.categories) what += (what.empty() ? "" : "; ") + enum_label(lang, k);
        if (what.empty()) what = tr(lang, "consent.sentence.unspecified");
        std::string period = consent_period_words(c, lang, today, true);
        if (period.empty()) period = tr(lang, "summary.open_date");
        std::string share = trf(lang, "form.share_line", {receiver, what, period});
        if (relative)
            relatives.push_back(std::move(share));
        else
            line(s, Kind::Bullet, std::move(share));
        if (c.given_by == ConsentGiver::Guardians)
            by_guardians = true;
        else if (c.given_by == ConsentGiver::Representative)
            representatives.push_back(c.representative_id);
        else
            by_person = true;
    }
    if (!relatives.empty()) {
        line(s, Kind::Paragraph, tr(lang, said("form.receiving")));
        for (const std::string& r : relatives) line(s, Kind::Bullet, r);
        any = true;
    }
    if (!any && !sip) return out;  // nothing to sign
    const auto listed = [](const std::vector<std::string>& names) {
        std::string list;
        for (const std::string& d : names) list += (list.empty() ? "" : ", ") + d;
        return list;
    };
    if (!denied.empty()) line(s, Kind::Paragraph, trf(lang, said("form.not_sharing"), {listed(denied)}));
    if (!expired.empty()) line(s, Kind::Paragraph, trf(lang, "form.expired", {listed(expired)}));
    if (any) line(s, Kind::Paragraph, tr(lang, said("form.needed_only")));
    line(s, Kind::Paragraph, tr(lang, said("form.revocable")));

    line(s, Kind::Subheading, tr(lang, "form.signatures"));
    if (by_person) signature(s, trf(lang, "form.self", {name}), p.owner.personal_id, p.owner.phone, lang, today);
    if (by_guardians)
        for (const Representative& r : p.representatives)
            if (r.kind == RepresentativeKind::Guardian)
                signature(s, trf(lang, "form.guardian", {rep_name(r, lang)}), r.personal_id, r.phone, lang, today);
    std::sort(representatives.begin(), representatives.end());
    representatives.erase(std::unique(representatives.begin(), representatives.end()), representatives.end());
    for (const std::string& id : representatives) {
        std::string rep = enum_label(lang, ConsentGiver::Representative);
        const Representative* found = nullptr;
        for (const Representative& r : p.representatives)
            if (r.id == id) found = &r;
        if (found) rep = rep_name(*found, lang);
        signature(s, trf(lang, "form.representative", {rep}), found ? found->personal_id : "",
                  found ? found->phone : "", lang, today);
    }
    out.sections.push_back(std::move(s));
    return out;
}

}  // namespace sipprep
