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

    // The SIP itself. An adult's is the person's own; a child's is the guardians' (seed 001: "Finns
    // två vårdnadshavare ska båda ge sitt samtycke"), so "vi vill" only when every one has said yes,
    // and otherwise each one's answer as it stands: a missing answer is neither.
    bool sip = false, by_person = false, by_guardians = false;
    if (!child && p.sip_consent.wants == YesNo::Yes) {
        line(s, Kind::Paragraph, tr(lang, "form.sip"));
        sip = by_person = true;
    } else if (child) {
        const std::vector<GuardianAnswerOf> answers = guardian_answers(p, p.sip_consent.guardians);
        const bool some_yes = std::any_of(answers.begin(), answers.end(),
                                          [](const GuardianAnswerOf& g) { return g.answer == GuardianAnswer::Agrees; });
        if (p.sip_consent.wants == YesNo::Yes || some_yes) {
            sip = by_guardians = true;
            if (all_guardians_agree(answers)) {
                line(s, Kind::Paragraph, tr(lang, "form.sip.child"));
            } else {
                for (const GuardianAnswerOf& g : answers)
                    line(s, Kind::Paragraph, sip_guardian_words(g.answer, rep_name(*g.guardian, lang), lang));
                line(s, Kind::Paragraph, tr(lang, "form.sip.guardians_needed"));
            }
            // The child's own say, beside the guardians' (seed 001: asked, by age and maturity).
            if (p.sip_consent.wants != YesNo::Unanswered)
                line(s, Kind::Paragraph,
                     trf(lang, "sip_consent.child_answer",
                         {tr(lang, p.sip_consent.wants == YesNo::Yes ? "summary.sip_consent.yes"
                                                                     : "summary.sip_consent.no")}));
        }
    }

    // Who receives is always clear: each one by name, with its state. Only a complete wish is
    // among those who "får dela"; a child's own is not the guardians' "vi"; everything else —
    // not answered, a guardian's answer missing or no, not taken again — is named with what it is.
    std::vector<std::string> sharing, own, relatives, open, representatives, denied, expired;
    for (const Consent& c : p.consents) {
        const std::string receiver = consent_receiver_label(p, c.actor, lang);
        std::string what = c.information;
        while (!what.empty() && (what.back() == '.' || what.back() == ' ' || what.back() == '\n')) what.pop_back();
        for (InfoCategory k : c.categories) what += (what.empty() ? "" : "; ") + enum_label(lang, k);
        const ConsentStatus status = consent_status(p, c, today);
        if (status.state == ConsentState::Denied) {
            denied.push_back(receiver);
            continue;
        }
        // Its end date has passed: not signed as if it held (a follow-up's, from last time).
        if (status.state == ConsentState::Expired) {
            expired.push_back(receiver);
            continue;
        }
        if (!status.complete()) {
            open.push_back(receiver + (what.empty() ? "" : " \u2013 " + what) + " \u2013 " +
                           consent_status_text(p, c, today, lang));
            continue;
        }
        if (what.empty()) what = tr(lang, "consent.sentence.unspecified");
        std::string period = consent_period_words(c, lang, today, true);
        if (period.empty()) period = tr(lang, "summary.open_date");
        std::string share = trf(lang, "form.share_line", {receiver, what, period});
        // The organisations share with each other; a relative is told, and shares nothing: a list
        // of its own, after theirs.
        if (child && c.given_by == ConsentGiver::Person)
            own.push_back(std::move(share));
        else if (find_invitee(p, c.actor) == nullptr)
            relatives.push_back(std::move(share));
        else
            sharing.push_back(std::move(share));
        if (c.given_by == ConsentGiver::Guardians)
            by_guardians = true;
        else if (c.given_by == ConsentGiver::Representative)
            representatives.push_back(c.representative_id);
        else
            by_person = true;
    }
    const auto bullets = [&](const std::string& heading, const std::vector<std::string>& lines) {
        if (lines.empty()) return;
        line(s, Kind::Paragraph, heading);
        for (const std::string& l : lines) line(s, Kind::Bullet, l);
    };
    bullets(tr(lang, said("form.sharing")), sharing);
    bullets(trf(lang, "form.own.child", {name}), own);
    bullets(tr(lang, said("form.receiving")), relatives);
    const bool any = !sharing.empty() || !own.empty() || !relatives.empty();
    if (!any && !sip) return out;  // nothing to sign
    bullets(tr(lang, "form.open"), open);
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
