#include "changes.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "base/utf8.hpp"
#include "consent_status.hpp"
#include "labels.hpp"
#include "sections.hpp"
#include "text_checks.hpp"

namespace sipprep {
namespace {

using Kind = SummaryItem::Kind;

// Long texts are quoted by their start: the point is to see that they changed, and which.
constexpr std::size_t kQuoteChars = 240;

std::string quote(const std::string& text) { return utf8_excerpt(text, kQuoteChars); }

class Changes {
public:
    Changes(const Preparation& before, const Preparation& after, Lang lang)
        : before_(before), after_(after), lang_(lang) {}

    void section(const char* id) {
        s_.sections.push_back(SummarySection{id, tr(lang_, std::string("summary.") + id), {}});
    }
    void added(const std::string& what) { line("changes.added", {what}); }
    void removed(const std::string& what) { line("changes.removed", {what}); }
    void changed(const std::string& from, const std::string& to) { line("changes.changed", {from, to}); }

    // Each writer's words compared with their own earlier words.
    void voices(const std::string& what, const std::vector<Entry>& then, const std::vector<Entry>& now) {
        std::vector<std::string> authors;
        for (const std::vector<Entry>* v : {&then, &now})
            for (const Entry& e : *v)
                if (std::find(authors.begin(), authors.end(), e.author) == authors.end()) authors.push_back(e.author);
        // All of a writer's words there (a file can hold more than one entry of theirs: words
        // moved to another writer's name are a change to both).
        auto text_of = [](const std::vector<Entry>& entries, const std::string& author) {
            std::string text;
            for (const Entry& e : entries)
                if (e.author == author && !e.text.empty()) text += (text.empty() ? "" : " / ") + e.text;
            return text;
        };
        for (const std::string& a : authors) {
            const std::string old_text = text_of(then, a), new_text = text_of(now, a);
            const std::string who = label(what, a);
            if (old_text.empty()) {
                if (!new_text.empty()) added(who + quote(new_text));
            } else if (new_text.empty()) {
                removed(who + quote(old_text));
            } else if (old_text != new_text) {
                changed(who + quote(old_text), quote(new_text));
            }
        }
    }

    // Items of a list compared by what they say: gone ones and new ones.
    void items(const std::vector<std::string>& then, const std::vector<std::string>& now,
               const std::string& what = {}) {
        const std::set<std::string> old_set(then.begin(), then.end()), new_set(now.begin(), now.end());
        const std::string prefix = what.empty() ? "" : what + ": ";
        for (const std::string& t : now)
            if (!old_set.count(t)) added(prefix + quote(t));
        for (const std::string& t : then)
            if (!new_set.count(t)) removed(prefix + quote(t));
    }

    // A fact with one value ("Önskemål om tid och plats: …"), said as the summary says it.
    void one(const std::string& then, const std::string& now) {
        if (then == now) return;
        if (then.empty())
            added(quote(now));
        else if (now.empty())
            removed(quote(then));
        else
            changed(quote(then), quote(now));
    }

    // A line of its own under the current section.
    void bullet(std::string text) {
        s_.sections.back().items.push_back(SummaryItem{Kind::Bullet, std::move(text), {}, 0});
    }

    Summary& result() { return s_; }

private:
    void line(const char* key, const std::vector<std::string>& args) {
        s_.sections.back().items.push_back(SummaryItem{Kind::Bullet, format_text(tr(lang_, key), args), {}, 0});
    }
    // "Hur är det nu? – Karin (dotter): " (the writer named from whichever file knows them).
    std::string label(const std::string& what, const std::string& author) const {
        const Preparation& known = std::any_of(after_.contributors.begin(), after_.contributors.end(),
                                               [&](const Contributor& c) { return c.id == author; })
                                       ? after_
                                       : before_;
        return (what.empty() ? "" : what + " \u2013 ") + author_label(known, author, lang_) + ": ";
    }

    const Preparation& before_;
    const Preparation& after_;
    Lang lang_;
    Summary s_;
};

std::vector<std::string> representative_texts(const Preparation& p, Lang lang) {
    std::vector<std::string> out;
    for (const Representative& r : p.representatives) out.push_back(representative_text(r, lang));
    return out;
}

std::vector<std::string> invitee_texts(const Preparation& p, Lang lang) {
    std::vector<std::string> out;
    for (const Invitee& a : p.invitations.actors)
        out.push_back(invitee_label(a, lang) + (a.contact.empty() ? "" : " \u2013 " + a.contact));
    return out;
}

std::vector<std::string> mode_texts(const Preparation& p, Lang lang) {
    std::vector<std::string> out;
    for (ParticipationMode m : p.participation.modes) out.push_back(enum_label(lang, m));
    return out;
}

// Per receiver, what holds today: "Vårdcentralen: Gäller", "… Togs tillbaka 2026-11-23".
std::map<std::string, std::string> consent_states(const Preparation& p, Lang lang, const Date& today) {
    std::map<std::string, std::string> out;
    for (const Consent& c : p.consents) {
        std::string& text = out[consent_receiver_label(p, c.actor, lang)];
        text += (text.empty() ? "" : "; ") + consent_status_text(p, c, today, lang);
    }
    return out;
}

// Each consent's details beside its receiver ("Skolan: Vad: …"), for those whose headline may not change.
std::vector<std::string> consent_detail_texts(const Preparation& p, Lang lang) {
    std::vector<std::string> out;
    for (const Consent& c : p.consents) {
        const std::string who = consent_receiver_label(p, c.actor, lang) + ": ";
        if (const std::string what = consent_what_words(c, lang); !what.empty()) out.push_back(who + what);
        out.push_back(who + consent_given_words(p, c, lang));
        for (const std::string& line : consent_guardian_words(p, c, lang)) out.push_back(who + line);
    }
    return out;
}

std::vector<std::string> entry_texts(const std::vector<Entry>& entries) {
    std::vector<std::string> out;
    for (const Entry& e : entries) out.push_back(e.text);
    return out;
}

// What changed in a section beyond its free-text questions.
void own_changes(Changes& c, SectionId id, const Preparation& before, const Preparation& after, Lang lang,
                 const Date& today) {
    switch (id) {
        case SectionId::Representatives:
            c.items(representative_texts(before, lang), representative_texts(after, lang));
            break;
        case SectionId::Needs: {
            std::vector<std::string> areas;
            for (const Preparation* p : {&before, &after})
                for (const AreaNeeds& n : p->needs)
                    if (std::find(areas.begin(), areas.end(), area_label(n, lang)) == areas.end())
                        areas.push_back(area_label(n, lang));
            for (const std::string& area : areas) {
                auto find = [&](const Preparation& p) -> const AreaNeeds* {
                    for (const AreaNeeds& n : p.needs)
                        if (area_label(n, lang) == area) return &n;
                    return nullptr;
                };
                const AreaNeeds* then = find(before);
                const AreaNeeds* now = find(after);
                const std::vector<Entry> none;
                for (const WordsPart<AreaNeeds>& w : area_words())
                    c.voices(area + " \u2013 " + tr(lang, w.changes_key), then ? w.entries(*then) : none,
                             now ? w.entries(*now) : none);
            }
            break;
        }
        case SectionId::Contributors: {
            // One line per writer: a writer whose line changed (now coming to the meeting) is
            // "Ändrat", not the same person both new and gone.
            std::map<std::string, std::string> then;
            for (SummaryItem& i : own_summary_items(before, id, lang, today)) then[i.author] = std::move(i.text);
            std::set<std::string> seen;
            for (const SummaryItem& i : own_summary_items(after, id, lang, today)) {
                seen.insert(i.author);
                const auto it = then.find(i.author);
                if (it == then.end())
                    c.added(i.text);
                else if (it->second != i.text)
                    c.changed(it->second, i.text);
            }
            for (const auto& [who, text] : then)
                if (!seen.count(who)) c.removed(text);
            break;
        }
        case SectionId::Questions:  // with its priority, for whom and who asks
        case SectionId::FollowUp:
        case SectionId::Evaluation:
            c.items(own_lines(before, id, lang, today), own_lines(after, id, lang, today));
            break;
        case SectionId::Invitations:
            c.items(invitee_texts(before, lang), invitee_texts(after, lang));
            c.one(support_person_words(before, lang), support_person_words(after, lang));
            c.one(trusted_words(before, lang), trusted_words(after, lang));
            break;
        case SectionId::Participation:
            c.items(mode_texts(before, lang), mode_texts(after, lang));
            c.items(adaptation_texts(before, lang), adaptation_texts(after, lang), tr(lang, "changes.adaptations"));
            c.one(wished_meeting_words(before, lang), wished_meeting_words(after, lang));
            c.one(pre_meeting_words(before, lang), pre_meeting_words(after, lang));
            break;
        case SectionId::Consents: {
            const auto then = consent_states(before, lang, today), now = consent_states(after, lang, today);
            for (const auto& [who, state] : now) {
                auto it = then.find(who);
                if (it == then.end())
                    c.added(who + ": " + state);
                else if (it->second != state)
                    c.changed(who + ": " + it->second, state);
            }
            for (const auto& [who, state] : then)
                if (!now.count(who)) c.removed(who + ": " + state);
            // What may be shared and how the consent is given, receiver by receiver, and the wish
            // to have a SIP at all: a narrower consent or a guardian's no is a change to see.
            c.items(consent_detail_texts(before, lang), consent_detail_texts(after, lang));
            c.items(sip_consent_words(before, lang, today), sip_consent_words(after, lang, today),
                    tr(lang, "summary.sip_consent"));
            break;
        }
        case SectionId::Agreed: {
            // What the meeting agreed (the plan: efforts, who leads, the follow-up, contacts) ...
            c.items(own_lines(before, id, lang, today), own_lines(after, id, lang, today));
            // ... and, at a follow-up, what was agreed last time and what happened to it.
            if (after.kind != PreparationKind::FollowUp) break;
            for (const EffortOutcome& o : after.follow_up.agreed_efforts)
                c.bullet(effort_text(o.effort, lang) + " \u2013 " +
                         trf(lang, "summary.fu.done", {enum_label(lang, o.done)}) +
                         (o.note.empty() ? "" : " \u2013 " + quote(o.note)));
            for (const Effort& e : before.agreed.efforts) {
                const auto& done = after.follow_up.agreed_efforts;
                if (std::none_of(done.begin(), done.end(), [&](const EffortOutcome& o) { return o.effort == e; }))
                    c.bullet(trf(lang, "changes.not_followed", {effort_text(e, lang)}));
            }
            break;
        }
        default:  // free-text questions only, or not compared
            break;
    }
}

}  // namespace

Summary compare_preparations(const Preparation& original_before, const Preparation& original_after, Lang lang,
                             const Date& today) {
    // People's words with their hidden characters written out and isolated (text_checks.hpp).
    const Preparation before = shown_to_professional(original_before);
    const Preparation after = shown_to_professional(original_after);
    Changes c(before, after, lang);
    Summary& s = c.result();
    s.title = tr(lang, "changes.title");
    s.person = after.owner.name.empty() ? tr(lang, "summary.no_name") : after.owner.name;
    s.subtitle = trf(lang, "summary.for", {s.person});

    // Who the plan is for, and what the summary says above its sections, under their name.
    c.section("header");
    s.sections.back().title = s.person;
    c.one(before.owner.name, after.owner.name);
    c.items(header_lines(before, lang, today), header_lines(after, lang, today));
    for (const Section& sec : plan_sections()) {
        c.section(sec.name);
        s.sections.back().for_convener = sec.id == SectionId::Convener;
        for (const WordsPart<Preparation>& w : sec.words) {
            const std::vector<Entry>&then = w.entries(before), &now = w.entries(after);
            if (w.compare == Compare::Words)
                c.voices(w.changes_key ? tr(lang, w.changes_key) : "", then, now);
            else if (w.compare == Compare::Items)
                c.items(entry_texts(then), entry_texts(now), tr(lang, w.changes_key));
        }
        own_changes(c, sec.id, before, after, lang, today);
    }

    // Only sections with something to say.
    s.sections.erase(std::remove_if(s.sections.begin(), s.sections.end(),
                                    [](const SummarySection& sec) { return sec.items.empty(); }),
                     s.sections.end());
    if (s.sections.empty()) s.header.push_back(SummaryItem{Kind::Paragraph, tr(lang, "changes.none"), {}, 0});
    return s;
}

bool no_changes(const Summary& changes) { return changes.sections.empty(); }

bool same_person(const Preparation& a, const Preparation& b) {
    auto digits = [](const std::string& id) {
        std::string d;
        for (char ch : id)
            if (ch >= '0' && ch <= '9') d += ch;
        return d.size() > 10 ? d.substr(d.size() - 10) : d;  // with or without the century
    };
    const std::string da = digits(a.owner.personal_id), db = digits(b.owner.personal_id);
    if (!da.empty() && !db.empty()) return da == db;
    return !a.owner.name.empty() && a.owner.name == b.owner.name;
}

}  // namespace sipprep
