#include "labels.hpp"

#include <cctype>
#include <cstring>

#include "base/utf8.hpp"

namespace sipprep {

std::string area_label(const AreaNeeds& n, Lang lang) {
    return n.area == LifeArea::Other && !n.other_label.empty() ? n.other_label : enum_label(lang, n.area);
}

std::string representative_text(const Representative& r, Lang lang) {
    std::string line = (r.name.empty() ? tr(lang, "reps.unnamed") : r.name) + " – " + enum_label(lang, r.kind);
    if (!r.relation.empty()) line += " (" + r.relation + ")";
    if (!r.phone.empty()) line += ", " + r.phone;
    return line;
}

std::string invitee_label(const Invitee& a, Lang lang) {
    const std::string service_key = "service." + a.service;
    std::string s = a.kind == ActorKind::Other && !a.other_label.empty() ? a.other_label
                    : !a.service.empty() && has_text(lang, service_key)  ? tr(lang, service_key)
                                                                         : enum_label(lang, a.kind);
    if (!a.unit.empty()) s += ", " + a.unit;
    return s;
}

const Invitee* find_invitee(const Preparation& p, const std::string& id) {
    for (const Invitee& a : p.invitations.actors)
        if (a.id == id) return &a;
    return nullptr;
}

std::string owner_first_name(const Preparation& p) {
    const std::string& n = p.owner.name;
    const std::size_t start = n.find_first_not_of(" \t\n");
    if (start == std::string::npos) return {};
    const std::size_t end = n.find_first_of(" \t\n", start);
    return n.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

namespace {

// "Åsa" -> "asa", "Zoë" -> "zoe", "Li-Hua" -> "li-hua"; letters outside these are left out.
std::string file_name_letters(const std::string& name) {
    static const struct {
        const char* from;
        char to;
    } kFold[] = {{"å", 'a'}, {"ä", 'a'}, {"à", 'a'}, {"á", 'a'}, {"â", 'a'}, {"ã", 'a'}, {"æ", 'a'}, {"ö", 'o'},
                 {"ø", 'o'}, {"ó", 'o'}, {"ò", 'o'}, {"ô", 'o'}, {"é", 'e'}, {"è", 'e'}, {"ë", 'e'}, {"ê", 'e'},
                 {"ü", 'u'}, {"ú", 'u'}, {"ù", 'u'}, {"í", 'i'}, {"ï", 'i'}, {"ì", 'i'}, {"ç", 'c'}, {"ñ", 'n'},
                 {"Å", 'a'}, {"Ä", 'a'}, {"Ö", 'o'}, {"Ø", 'o'}, {"É", 'e'}, {"Ü", 'u'}, {"Æ", 'a'}};
    std::string out;
    for (std::size_t i = 0; i < name.size() && out.size() < 24;) {
        const unsigned char ch = static_cast<unsigned char>(name[i]);
        if (ch < 0x80) {
            if (std::isalnum(ch)) out += static_cast<char>(std::tolower(ch));
            if (ch == '-' && !out.empty() && out.back() != '-') out += '-';
            ++i;
            continue;
        }
        bool folded = false;
        for (const auto& f : kFold) {
            const std::size_t n = std::strlen(f.from);
            if (name.compare(i, n, f.from) == 0) {
                out += f.to;
                i += n;
                folded = true;
                break;
            }
        }
        if (folded) continue;
        ++i;
        while (i < name.size() && (static_cast<unsigned char>(name[i]) & 0xC0) == 0x80) ++i;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

}  // namespace

KvaCode kva_code(PreparationKind kind) {
    switch (kind) {
        case PreparationKind::FollowUp:
            return {"AW010", "kva.AW010"};
        case PreparationKind::Discharge:
            return {"AU125", "kva.AU125"};
        case PreparationKind::NewPlan:
        case PreparationKind::Contribution:
            break;
    }
    return {"AU124", "kva.AU124"};
}

std::optional<KvaCode> kva_suggestion(const Preparation& p) {
    if (p.kind == PreparationKind::Contribution || p.agreed == Agreement{}) return std::nullopt;
    return kva_code(p.kind);
}

std::string date_words(const Date& d, Lang lang) {
    return trf(lang, "date.format",
               {std::to_string(d.day), tr(lang, "month." + std::to_string(d.month)), std::to_string(d.year)});
}

std::string date_words(const Date& d, Lang lang, const Date& today) {
    if (d.year != today.year) return date_words(d, lang);
    return trf(lang, "date.format.this_year", {std::to_string(d.day), tr(lang, "month." + std::to_string(d.month))});
}

std::string bundle_file_name(const Preparation& p, const std::string& iso_date) {
    if (p.kind == PreparationKind::Contribution) {
        // Named by who wrote it: the person may receive several.
        std::string from;
        for (const Contributor& c : p.contributors)
            if (c.id != kPersonId && from.empty()) from = file_name_letters(c.name.substr(0, c.name.find(' ')));
        return "sip-synpunkter-" + (from.empty() ? std::string("narstaende") : from) + "-" + iso_date + ".json";
    }
    std::string who = file_name_letters(owner_first_name(p));
    if (who.empty()) who = "forberedelse";
    return "sip-" + who + "-" + iso_date + ".json";
}

std::string author_label(const Preparation& p, const std::string& id, Lang lang) {
    for (const Contributor& c : p.contributors) {
        if (c.id != id) continue;
        if (c.id == kPersonId)
            return p.owner.name.empty() ? tr(lang, "summary.the_person")
                                        : trf(lang, "summary.person_self", {p.owner.name});
        if (c.name.empty()) {
            // Before a name is typed: the role and which one of them ("Vårdnadshavare 2"), never the id.
            int n = 0;
            for (const Contributor& o : p.contributors) {
                if (o.id != kPersonId && o.role == c.role) ++n;
                if (&o == &c) break;
            }
            std::string s = enum_label(lang, c.role) + " " + std::to_string(n);
            if (!c.relation.empty()) s += " (" + c.relation + ")";
            return s;
        }
        const std::string rel = c.relation.empty() ? lower_first_letter(enum_label(lang, c.role)) : c.relation;
        return c.name + " (" + rel + ")";
    }
    return tr(lang, "summary.unknown_author");
}

std::string noticed_label(const Preparation& p, NoticedBy by, Lang lang) {
    if (by == NoticedBy::Person) return author_label(p, kPersonId, lang);
    if (by == NoticedBy::Other && !p.need_noticed.other.empty()) return p.need_noticed.other;
    return enum_label(lang, by);
}

std::string consent_receiver_label(const Preparation& p, const std::string& actor_id, Lang lang) {
    if (const Invitee* a = find_invitee(p, actor_id)) return invitee_label(*a, lang);
    for (const Contributor& w : p.contributors)
        if (w.id == actor_id && w.id != kPersonId) return author_label(p, w.id, lang);
    return tr(lang, "consent.sentence.someone");
}

std::string consent_sentence(const Preparation& p, const Consent& c, Lang lang) {
    const std::string who = consent_receiver_label(p, c.actor, lang);
    std::string what = c.information;
    while (!what.empty() && (what.back() == '.' || what.back() == ' ' || what.back() == '\n')) what.pop_back();
    for (InfoCategory k : c.categories) what += (what.empty() ? "" : "; ") + enum_label(lang, k);
    if (c.decision == ConsentDecision::Unanswered && c.revoked_on.empty())
        return trf(lang, "consent.sentence.unanswered", {who});
    if (what.empty()) what = tr(lang, "consent.sentence.unspecified");
    const std::string from = c.valid_from.empty() ? tr(lang, "consent.sentence.now") : c.valid_from;
    const std::string period = c.until_plan_ends
                                   ? trf(lang, "consent.sentence.period_plan", {from})
                                   : trf(lang, "consent.sentence.period",
                                         {from, c.valid_to.empty() ? tr(lang, "summary.open_date") : c.valid_to});
    // A person is told things; an organisation shares them with the others in the plan.
    const bool person = find_invitee(p, c.actor) == nullptr;
    const std::string key =
        std::string(c.decision == ConsentDecision::Permit ? "consent.sentence.permit" : "consent.sentence.deny") +
        (person ? ".person" : "");
    std::string s = trf(lang, key, {who, what, period});
    if (!c.revoked_on.empty()) s += " " + trf(lang, "consent.sentence.revoked", {c.revoked_on});
    return s;
}

std::string effort_when_where(const Effort& e, Lang lang) {
    std::string out;
    auto add = [&](const std::string& part) {
        if (!part.empty()) out += (out.empty() ? "" : ", ") + part;
    };
    if (!e.starts.empty()) {
        const auto day = parse_iso_date(e.starts);
        add(trf(lang, "effort.starts", {day ? date_words(*day, lang) : e.starts}));
    }
    add(e.how_often);
    add(e.where);
    return out;
}

std::string plan_contact_text(const PlanContact& c, Lang lang) {
    std::string line = enum_label(lang, c.kind) + ": " + c.name;
    if (!c.reach.empty()) line += (c.name.empty() ? "" : ", ") + c.reach;
    return line;
}

std::string effort_text(const Effort& e, Lang lang) {
    const std::string what = e.what.empty() ? tr(lang, "effort.unnamed") : e.what;
    std::string out = what;
    if (!e.who.empty() && !e.by_when.empty())
        out = trf(lang, "effort.who_by", {what, e.who, e.by_when});
    else if (!e.who.empty())
        out = trf(lang, "effort.who", {what, e.who});
    else if (!e.by_when.empty())
        out = trf(lang, "effort.by", {what, e.by_when});
    if (const std::string more = effort_when_where(e, lang); !more.empty()) out += " (" + more + ")";
    return out;
}

std::string lead_text(const Preparation& p, Lang lang) {
    const Agreement& a = p.agreed;
    const Invitee* actor = find_invitee(p, a.lead);
    std::string out = actor ? invitee_label(*actor, lang) : "";
    if (!a.lead_person.empty()) out += (out.empty() ? "" : " \u2013 ") + a.lead_person;
    return out;
}

}  // namespace sipprep
