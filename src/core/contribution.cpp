#include "contribution.hpp"

#include <algorithm>
#include <cctype>

#include "enum_names.hpp"
#include "labels.hpp"
#include "sections.hpp"
#include "written_language.hpp"

namespace sipprep {
namespace {

using Place = ContributionItem::Place;

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

const std::string* language_of(const Preparation& p, const std::string& who) {
    for (const InterpreterNeed& n : p.participation.adaptations.interpreters)
        if (n.who == who) return &n.language;
    return nullptr;
}

const Contributor* contributor(const Preparation& p, const std::string& id) {
    for (const Contributor& c : p.contributors)
        if (c.id == id) return &c;
    return nullptr;
}

std::string free_id(const Preparation& p, const std::string& wanted) {
    auto used = [&](const std::string& id) {
        return contributor(p, id) != nullptr || std::any_of(p.representatives.begin(), p.representatives.end(),
                                                            [&](const Representative& r) { return r.id == id; });
    };
    if (!used(wanted)) return wanted;
    for (int n = 2;; ++n)
        if (!used(wanted + "-" + std::to_string(n))) return wanted + "-" + std::to_string(n);
}

}  // namespace

Preparation start_contribution(const std::string& relative_id) {
    Preparation p = make_new_preparation();
    p.kind = PreparationKind::Contribution;
    p.contributors.push_back(Contributor{relative_id, "", ContributorRole::Relative, "", YesNo::Unanswered});
    return p;
}

const Contributor* contribution_author(const Preparation& contribution) {
    for (const Contributor& c : contribution.contributors)
        if (c.id != kPersonId) return &c;
    return nullptr;
}

ContributionReview review_contribution(const Preparation& draft, const Preparation& contribution, Lang lang) {
    ContributionReview r;
    const Contributor* who = contribution_author(contribution);
    if (!who) return r;
    r.relative = *who;
    // The same relative in the draft: the same id, or the same name where neither names another
    // relation ("Anna", granne, is not "Anna", dotter: taken for her, the neighbour's words were
    // replaced by the daughter's and the daughter's put in the neighbour's name).
    const auto same_person = [&](const Contributor& c) {
        // Ids are drawn at random on the relative's device: the same id is the same relative,
        // renamed or not, unless a file says otherwise in both name and relation.
        if (c.id == who->id) return lower(c.name) == lower(who->name) || lower(c.relation) == lower(who->relation);
        if (who->name.empty() || lower(c.name) != lower(who->name)) return false;
        return c.relation.empty() || who->relation.empty() || lower(c.relation) == lower(who->relation);
    };
    const Contributor* mine = nullptr;
    for (const Contributor& c : draft.contributors)
        if (c.id != kPersonId && same_person(c)) mine = mine ? mine : &c;
    r.known = mine != nullptr;
    r.draft_id = mine ? mine->id : free_id(draft, who->id);
    r.language = author_language(contribution, who->id);

    auto voice = [&](Place place, const Voices& theirs, const Voices& ours) {
        const std::string* text = find_text(theirs, who->id);
        if (!text || text->empty()) return;
        const std::string* now = find_text(ours, r.draft_id);
        ContributionItem item{place, *text, now && *now != *text ? *now : "", now && *now == *text};
        r.items.push_back(std::move(item));
    };
    voice(Place::Reason, contribution.reason, draft.reason);
    voice(Place::Goal, contribution.goals.long_term, draft.goals.long_term);
    voice(Place::Now, contribution.situation.now, draft.situation.now);
    voice(Place::CanHelp, contribution.can_help, draft.can_help);
    for (const Question& q : contribution.questions) {
        if (q.author != who->id || q.text.empty()) continue;
        const bool there = std::any_of(draft.questions.begin(), draft.questions.end(),
                                       [&](const Question& d) { return d.text == q.text; });
        r.items.push_back(ContributionItem{Place::Question, q.text, "", there});
    }
    if (who->attends != YesNo::Unanswered) {
        const bool same = mine && mine->attends == who->attends;
        const std::string before =
            mine && mine->attends != YesNo::Unanswered && !same ? std::string(enum_name(mine->attends)) : "";
        r.items.push_back(ContributionItem{Place::Attends, std::string(enum_name(who->attends)), before, same});
    }
    if (const std::string* language = language_of(contribution, who->id); language && !language->empty()) {
        const std::string* now = language_of(draft, r.draft_id);
        r.items.push_back(ContributionItem{Place::Interpreter, *language, now && *now != *language ? *now : "",
                                           now && *now == *language});
    }
    // Every other question of the plan that holds their words (the table of sections says which).
    const auto left_out = [&](const std::string& where, const std::vector<Entry>& entries) {
        for (const Entry& e : entries)
            if (e.author == who->id && !e.text.empty()) r.left_out.push_back(where + ": " + e.text);
    };
    const std::vector<const std::vector<Entry>*> taken = {
        &contribution.reason.entries, &contribution.goals.long_term.entries, &contribution.situation.now.entries,
        &contribution.can_help.entries};
    for (const Section& sec : plan_sections())
        for (const WordsPart<Preparation>& w : sec.words) {
            const std::vector<Entry>& entries = w.entries(contribution);
            if (std::find(taken.begin(), taken.end(), &entries) != taken.end()) continue;
            const std::string key = w.heading_key ? w.heading_key : "summary." + std::string(sec.name);
            left_out(tr(lang, key), entries);
        }
    for (const AreaNeeds& n : contribution.needs)
        for (const WordsPart<AreaNeeds>& w : area_words())
            left_out(area_label(n, lang) + " \u2013 " + tr(lang, w.changes_key), w.entries(n));
    return r;
}

bool can_keep_both(const ContributionItem& item) {
    return !item.present && !item.previous.empty() && item.place != Place::Question && item.place != Place::Attends &&
           item.place != Place::Interpreter;
}

const Contributor* other_writer_named(const Preparation& p, const std::string& name, const std::string& except_id) {
    const auto key = [](const std::string& s) {
        const std::size_t from = s.find_first_not_of(' '), to = s.find_last_not_of(' ');
        return from == std::string::npos ? std::string() : lower(s.substr(from, to - from + 1));
    };
    const std::string wanted = key(name);
    if (wanted.empty()) return nullptr;
    for (const Contributor& c : p.contributors)
        if (c.id != except_id && c.id != kPersonId && key(c.name) == wanted) return &c;
    return nullptr;
}

void accept_contribution_item(Preparation& draft, const ContributionReview& review, std::size_t index, bool keep_both) {
    if (index >= review.items.size()) return;
    const ContributionItem& original = review.items[index];
    if (original.present) return;
    ContributionItem both = original;
    if (keep_both && can_keep_both(original)) both.text = original.previous + "\n\n" + original.text;
    const ContributionItem& item = both;
    const std::string& id = review.draft_id;
    if (!contributor(draft, id)) {
        Contributor c = review.relative;
        c.id = id;
        c.attends = YesNo::Unanswered;  // an answer of its own, taken or not
        c.written_language.clear();     // set below, against the draft's language
        draft.contributors.push_back(std::move(c));
    }
    // Their words keep the language they were written in.
    if (item.place != Place::Attends && item.place != Place::Interpreter)
        for (Contributor& c : draft.contributors)
            if (c.id == id) c.written_language = review.language == preparation_language(draft) ? "" : review.language;
    switch (item.place) {
        case Place::Reason:
            set_text(draft.reason, id, item.text);
            break;
        case Place::Goal:
            set_text(draft.goals.long_term, id, item.text);
            break;
        case Place::Now:
            set_text(draft.situation.now, id, item.text);
            break;
        case Place::CanHelp:
            set_text(draft.can_help, id, item.text);
            break;
        case Place::Question: {
            const bool there = std::any_of(draft.questions.begin(), draft.questions.end(),
                                           [&](const Question& q) { return q.text == item.text; });
            if (there) break;
            std::string qid;
            for (std::size_t n = draft.questions.size() + 1;; ++n) {
                qid = "q-" + std::to_string(n);
                if (std::none_of(draft.questions.begin(), draft.questions.end(),
                                 [&](const Question& q) { return q.id == qid; }))
                    break;
            }
            draft.questions.push_back(Question{qid, id, item.text, Priority::None, ""});
            break;
        }
        case Place::Attends:
            for (Contributor& c : draft.contributors)
                if (c.id == id) c.attends = enum_from_name<YesNo>(item.text).value_or(YesNo::Unanswered);
            break;
        case Place::Interpreter: {
            auto& needs = draft.participation.adaptations.interpreters;
            auto it = std::find_if(needs.begin(), needs.end(), [&](const InterpreterNeed& n) { return n.who == id; });
            if (it != needs.end())
                it->language = item.text;
            else
                needs.push_back(InterpreterNeed{id, item.text});
            break;
        }
    }
}

std::string contribution_place_label(ContributionItem::Place place, Lang lang) {
    switch (place) {
        case Place::Reason:
            return tr(lang, "field.reason");
        case Place::Goal:
            return tr(lang, "contribution.place.goal");
        case Place::Now:
            return tr(lang, "field.situation.now");
        case Place::CanHelp:
            return tr(lang, "field.can_help");
        case Place::Question:
            return tr(lang, "field.questions");
        case Place::Attends:
            return tr(lang, "contribution.place.attends");
        case Place::Interpreter:
            return tr(lang, "contribution.place.interpreter");
    }
    return {};
}

}  // namespace sipprep
