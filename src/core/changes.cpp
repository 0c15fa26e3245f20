#include "changes.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "base/utf8.hpp"
#include "consent_status.hpp"
#include "labels.hpp"
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
    void voices(const std::string& what, const Voices& then, const Voices& now) {
        std::vector<std::string> authors;
        for (const Voices* v : {&then, &now})
            for (const Entry& e : v->entries)
                if (std::find(authors.begin(), authors.end(), e.author) == authors.end()) authors.push_back(e.author);
        for (const std::string& a : authors) {
            const std::string* old_text = find_text(then, a);
            const std::string* new_text = find_text(now, a);
            const std::string who = label(what, a);
            if (!old_text || old_text->empty()) {
                if (new_text && !new_text->empty()) added(who + quote(*new_text));
            } else if (!new_text || new_text->empty()) {
                removed(who + quote(*old_text));
            } else if (*old_text != *new_text) {
                changed(who + quote(*old_text), quote(*new_text));
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

std::string area_label(const AreaNeeds& n, Lang lang) {
    return n.area == LifeArea::Other && !n.other_label.empty() ? n.other_label : enum_label(lang, "area", n.area);
}

std::vector<std::string> question_texts(const Preparation& p) {
    std::vector<std::string> out;
    for (const Question& q : p.questions)
        if (!q.text.empty()) out.push_back(q.text);
    return out;
}

std::vector<std::string> invitee_texts(const Preparation& p, Lang lang) {
    std::vector<std::string> out;
    for (const Invitee& a : p.invitations.actors) out.push_back(invitee_label(a, lang));
    return out;
}

std::vector<std::string> mode_texts(const Preparation& p, Lang lang) {
    std::vector<std::string> out;
    for (ParticipationMode m : p.participation.modes) out.push_back(enum_label(lang, "mode", m));
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

    c.section("reason");
    c.voices("", before.reason, after.reason);
    c.section("goals");
    c.voices("", before.goals.long_term, after.goals.long_term);
    {
        std::vector<std::string> then, now;
        for (const Entry& e : before.goals.short_term) then.push_back(e.text);
        for (const Entry& e : after.goals.short_term) now.push_back(e.text);
        c.items(then, now, tr(lang, "summary.short_term"));
    }
    c.section("situation");
    c.voices(tr(lang, "field.situation.now"), before.situation.now, after.situation.now);
    c.voices(tr(lang, "field.situation.works_well"), before.situation.works_well, after.situation.works_well);
    c.voices(tr(lang, "field.situation.strengths"), before.situation.strengths, after.situation.strengths);

    c.section("needs");
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
        const Voices none;
        c.voices(area + " \u2013 " + tr(lang, "summary.can_do"), then ? then->can_do_myself : none,
                 now ? now->can_do_myself : none);
        c.voices(area + " \u2013 " + tr(lang, "summary.need_help"), then ? then->need_help_with : none,
                 now ? now->need_help_with : none);
    }

    c.section("questions");
    c.items(question_texts(before), question_texts(after));
    c.section("invitations");
    c.items(invitee_texts(before, lang), invitee_texts(after, lang));
    c.section("participation");
    c.items(mode_texts(before, lang), mode_texts(after, lang));
    c.items(adaptation_texts(before, lang), adaptation_texts(after, lang), tr(lang, "changes.adaptations"));

    c.section("consents");
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

    // What was agreed last time, and what happened to it.
    c.section("agreed");
    const bool follow_up = after.kind == PreparationKind::FollowUp;
    for (const EffortOutcome& o : follow_up ? after.follow_up.agreed_efforts : std::vector<EffortOutcome>{})
        s.sections.back().items.push_back(
            SummaryItem{Kind::Bullet,
                        effort_text(o.effort, lang) + " \u2013 " +
                            trf(lang, "summary.fu.done", {enum_label(lang, "done", o.done)}) +
                            (o.note.empty() ? "" : " \u2013 " + quote(o.note)),
                        {},
                        0});
    for (const Effort& e : follow_up ? before.agreed.efforts : std::vector<Effort>{}) {
        const bool followed = std::any_of(after.follow_up.agreed_efforts.begin(), after.follow_up.agreed_efforts.end(),
                                          [&](const EffortOutcome& o) { return o.effort == e; });
        if (!followed)
            s.sections.back().items.push_back(
                SummaryItem{Kind::Bullet, trf(lang, "changes.not_followed", {effort_text(e, lang)}), {}, 0});
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
