#include "summary.hpp"

#include <sstream>

#include "enum_names.hpp"
#include "personal_id.hpp"
#include "validation.hpp"

namespace sipprep {
namespace {

template <typename E> std::string label(Lang lang, const char* type, E value) {
    return tr(lang, std::string("enum.") + type + "." + std::string(enum_name(value)));
}

class Writer {
public:
    Writer(const Preparation& p, Lang lang) : p_(p), lang_(lang) {}

    void heading(const std::string& key) {
        if (!out_.str().empty()) out_ << "\n";
        const std::string& h = tr(lang_, "summary." + key);
        out_ << h << "\n" << std::string(count_chars(h), '=') << "\n";
    }
    void sub(const std::string& key) { out_ << "\n" << tr(lang_, "summary." + key) << ":\n"; }
    void line(const std::string& text) { out_ << text << "\n"; }
    void bullet(const std::string& text) { out_ << "- " << indent(text) << "\n"; }

    // Each contributor's words, the person's first, with who wrote them.
    void voices(const Voices& v) {
        if (v.entries.empty()) {
            line(tr(lang_, "summary.nothing"));
            return;
        }
        for (const Entry& e : v.entries) bullet(author_label(p_, e.author, lang_) + ": " + e.text);
    }

    std::string str() const { return out_.str(); }

private:
    static std::size_t count_chars(const std::string& s) {
        std::size_t n = 0;
        for (unsigned char c : s) n += (c & 0xC0) != 0x80;
        return n;
    }
    static std::string indent(const std::string& text) {
        std::string out;
        for (char c : text) {
            out += c;
            if (c == '\n') out += "  ";
        }
        return out;
    }

    const Preparation& p_;
    Lang lang_;
    std::ostringstream out_;
};

const Invitee* find_invitee(const Preparation& p, const std::string& id) {
    for (const Invitee& a : p.invitations.actors)
        if (a.id == id) return &a;
    return nullptr;
}

std::string invitee_label(const Preparation& p, const Invitee& a, Lang lang) {
    std::string s = a.kind == ActorKind::Other && !a.other_label.empty() ? a.other_label : label(lang, "actor", a.kind);
    if (!a.unit.empty()) s += ", " + a.unit;
    (void)p;
    return s;
}

}  // namespace

std::string author_label(const Preparation& p, const std::string& id, Lang lang) {
    for (const Contributor& c : p.contributors) {
        if (c.id != id) continue;
        if (c.id == kPersonId)
            return p.owner.name.empty() ? tr(lang, "summary.the_person") : trf(lang, "summary.person_self", {p.owner.name});
        std::string s = c.name.empty() ? c.id : c.name;
        const std::string rel = c.relation.empty() ? label(lang, "role", c.role) : c.relation;
        return s + " (" + rel + ")";
    }
    return id;
}

std::string summary_text(const Preparation& p, Lang lang, const Date& today, const std::vector<Issue>& issues) {
    Writer w(p, lang);
    const std::string name = p.owner.name.empty() ? tr(lang, "summary.no_name") : p.owner.name;
    w.heading("title");
    w.line(trf(lang, "summary.for", {name}));
    if (!p.owner.personal_id.empty()) {
        PersonalIdResult id = parse_personal_id(p.owner.personal_id, today.year);
        w.line(trf(lang, "summary.personal_id", {id.ok() ? id.id.digits : p.owner.personal_id}));
    }
    if (is_child(p, today)) w.line(tr(lang, "summary.child"));
    w.line(trf(lang, "summary.kind", {label(lang, "kind", p.kind)}));
    if (!p.need_noticed.by.empty()) {
        std::string by;
        for (NoticedBy b : p.need_noticed.by) {
            by += (by.empty() ? "" : ", ") +
                  (b == NoticedBy::Other && !p.need_noticed.other.empty() ? p.need_noticed.other : label(lang, "noticed", b));
        }
        w.line(trf(lang, "summary.noticed", {by}));
    }

    if (!p.representatives.empty()) {
        w.heading("representatives");
        for (const Representative& r : p.representatives) {
            std::string s = r.name + " – " + label(lang, "rep", r.kind);
            if (!r.relation.empty()) s += " (" + r.relation + ")";
            if (!r.phone.empty()) s += ", " + r.phone;
            w.bullet(s);
        }
    }
    if (p.contributors.size() > 1) {
        w.heading("contributors");
        for (const Contributor& c : p.contributors) w.bullet(author_label(p, c.id, lang));
    }

    w.heading("goals");
    w.voices(p.goals.long_term);
    if (!p.goals.short_term.empty()) {
        w.sub("short_term");
        for (const Entry& e : p.goals.short_term) w.bullet(author_label(p, e.author, lang) + ": " + e.text);
    }

    w.heading("situation");
    w.voices(p.situation.now);
    if (!p.situation.works_well.entries.empty()) {
        w.line("");
        w.line(tr(lang, "field.situation.works_well") + ":");
        w.voices(p.situation.works_well);
    }
    if (!p.situation.strengths.entries.empty()) {
        w.line("");
        w.line(tr(lang, "field.situation.strengths") + ":");
        w.voices(p.situation.strengths);
    }

    if (!p.needs.empty()) {
        w.heading("needs");
        for (const AreaNeeds& n : p.needs) {
            w.line("");
            w.line((n.area == LifeArea::Other && !n.other_label.empty() ? n.other_label : label(lang, "area", n.area)) + ":");
            if (!n.can_do_myself.entries.empty()) {
                w.line(tr(lang, "summary.can_do") + ":");
                w.voices(n.can_do_myself);
            }
            if (!n.need_help_with.entries.empty()) {
                w.line(tr(lang, "summary.need_help") + ":");
                w.voices(n.need_help_with);
            }
        }
    }

    if (p.kind == PreparationKind::FollowUp) {
        w.heading("follow_up");
        const std::pair<const char*, const Voices*> parts[] = {
            {"fu.how_it_went", &p.follow_up.how_it_went}, {"fu.what_changed", &p.follow_up.what_changed},
            {"fu.efforts_done", &p.follow_up.efforts_done}, {"fu.efforts_helped", &p.follow_up.efforts_helped},
            {"fu.other_needed", &p.follow_up.other_needed}};
        for (const auto& [key, voices] : parts) {
            w.sub(key);
            w.voices(*voices);
        }
    }

    w.heading("questions");
    if (p.questions.empty()) w.line(tr(lang, "summary.nothing"));
    int n = 0;
    for (const Question& q : p.questions) {
        std::string s = std::to_string(++n) + ". " + q.text;
        if (q.priority != Priority::None) s += " [" + label(lang, "priority", q.priority) + "]";
        if (!q.for_whom.empty()) s += " (" + trf(lang, "summary.for_whom", {q.for_whom}) + ")";
        if (q.author != kPersonId) s += " – " + author_label(p, q.author, lang);
        w.line(s);
    }

    w.heading("invitations");
    if (p.invitations.actors.empty()) w.line(tr(lang, "summary.nothing"));
    for (const Invitee& a : p.invitations.actors) {
        std::string s = invitee_label(p, a, lang);
        if (!a.contact.empty()) s += " – " + a.contact;
        w.bullet(s);
    }
    const SupportPerson& sp = p.invitations.support_person;
    if (!sp.name.empty())
        w.line(trf(lang, "summary.support_person", {sp.name + (sp.contact.empty() ? "" : ", " + sp.contact)}));
    if (const Invitee* t = find_invitee(p, p.invitations.trusted_most)) {
        std::string s = invitee_label(p, *t, lang);
        if (!p.invitations.trusted_note.empty()) s += " – " + p.invitations.trusted_note;
        w.line(trf(lang, "summary.trusted", {s}));
    }

    const Participation& part = p.participation;
    w.heading("participation");
    for (ParticipationMode m : part.modes) w.bullet(label(lang, "mode", m));
    const Adaptations& ad = part.adaptations;
    std::vector<std::string> adapt;
    if (ad.interpreter) adapt.push_back(trf(lang, "summary.interpreter", {ad.interpreter_language}));
    if (ad.sign_language) adapt.push_back(tr(lang, "summary.sign_language"));
    if (ad.aac) adapt.push_back(tr(lang, "summary.aac") + (ad.aac_note.empty() ? "" : ": " + ad.aac_note));
    if (ad.easy_language) adapt.push_back(tr(lang, "summary.easy_language"));
    if (ad.physical_access) adapt.push_back(tr(lang, "summary.physical_access"));
    if (ad.breaks) adapt.push_back(tr(lang, "summary.breaks"));
    if (!ad.other.empty()) adapt.push_back(ad.other);
    if (!adapt.empty()) {
        w.sub("adaptations");
        for (const std::string& a : adapt) w.bullet(a);
    }
    std::string wished;
    for (const std::string* s : {&part.wished_date, &part.wished_time, &part.wished_place})
        if (!s->empty()) wished += (wished.empty() ? "" : ", ") + *s;
    if (!wished.empty()) w.line(trf(lang, "summary.wished", {wished}));
    if (!part.topics_to_avoid.entries.empty()) {
        w.sub("topics_to_avoid");
        w.voices(part.topics_to_avoid);
    }
    if (part.pre_meeting_allowed != YesNo::Unanswered)
        w.line(trf(lang, "summary.pre_meeting", {label(lang, "yesno", part.pre_meeting_allowed)}));

    w.heading("consents");
    if (p.consents.empty()) w.line(tr(lang, "summary.nothing"));
    for (const Consent& c : p.consents) {
        const Invitee* a = find_invitee(p, c.actor);
        std::string s = trf(lang, "summary.consent.line",
                            {a ? invitee_label(p, *a, lang) : c.actor, label(lang, "decision", c.decision)});
        if (!c.information.empty()) s += " – " + c.information;
        std::string cats;
        for (InfoCategory k : c.categories) cats += (cats.empty() ? "" : ", ") + label(lang, "category", k);
        if (!cats.empty()) s += " (" + cats + ")";
        s += "; " + trf(lang, "summary.consent.period",
                        {c.valid_from, c.valid_to.empty() ? tr(lang, "summary.open_date") : c.valid_to});
        s += "; " + trf(lang, "summary.consent.given", {label(lang, "form", c.form), label(lang, "giver", c.given_by)});
        if (c.given_by == ConsentGiver::Representative && !c.representative_basis.empty())
            s += " (" + c.representative_basis + ")";
        if (!c.revoked_on.empty())
            s += " – " + trf(lang, "summary.consent.revoked", {c.revoked_on});
        else if (auto to = parse_iso_date(c.valid_to); to && *to < today)
            s += " – " + tr(lang, "summary.consent.expired");
        w.bullet(s);
        for (const GuardianApproval& g : c.guardian_approvals) {
            std::string who = g.representative_id;
            for (const Representative& r : p.representatives)
                if (r.id == g.representative_id && !r.name.empty()) who = r.name;
            w.line("    " + (g.agrees ? trf(lang, "summary.consent.guardian", {who, g.date})
                                     : trf(lang, "summary.consent.guardian_no", {who})));
        }
    }

    const Evaluation& ev = p.evaluation;
    if (ev.listened_to || ev.understood || ev.started_from_me || !ev.comment.empty()) {
        w.heading("evaluation");
        if (ev.listened_to) w.line(trf(lang, "summary.eval.listened_to", {std::to_string(ev.listened_to)}));
        if (ev.understood) w.line(trf(lang, "summary.eval.understood", {std::to_string(ev.understood)}));
        if (ev.started_from_me) w.line(trf(lang, "summary.eval.started_from_me", {std::to_string(ev.started_from_me)}));
        if (!ev.comment.empty()) w.line(ev.comment);
    }

    bool any_error = false, any_warning = false;
    for (const Issue& i : issues) (i.severity == Severity::Error ? any_error : any_warning) = true;
    if (any_error) {
        w.heading("errors");
        for (const Issue& i : issues)
            if (i.severity == Severity::Error) w.bullet(describe(i, lang));
    }
    if (any_warning) {
        w.heading("todo");
        for (const Issue& i : issues)
            if (i.severity == Severity::Warning) w.bullet(describe(i, lang));
    }
    return w.str();
}

}  // namespace sipprep
