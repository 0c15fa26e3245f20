#include "summary.hpp"


#include "labels.hpp"
#include "personal_id.hpp"
#include "validation.hpp"

namespace sipprep {
namespace {

std::string html_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\n': out += "<br>"; break;
        default: out += c;
        }
    }
    return out;
}

// A string builder with <<, without iostreams (they pull all of libc++'s locale code into the
// web app).
struct Out {
    std::string s;
    Out& operator<<(const std::string& v) { s += v; return *this; }
    Out& operator<<(const char* v) { s += v; return *this; }
    Out& operator<<(int v) { s += std::to_string(v); return *this; }
};

// Writes the same structure as plain text, Markdown or HTML.
class Writer {
public:
    Writer(const Preparation& p, Lang lang, SummaryFormat format) : p_(p), lang_(lang), f_(format) {}

    void title(const std::string& text, const std::string& subtitle) {
        switch (f_) {
        case SummaryFormat::Text: out_ << text << "\n" << std::string(count_chars(text), '=') << "\n" << subtitle << "\n"; break;
        case SummaryFormat::Markdown: out_ << "# " << text << "\n\n" << subtitle << "\n\n"; break;
        case SummaryFormat::Html: out_ << "<header><h1>" << html_escape(text) << "</h1><p class=\"subtitle\">" << html_escape(subtitle) << "</p>"; break;
        }
    }
    void end_title() {
        if (f_ == SummaryFormat::Html) out_ << "</header>\n";
    }
    void heading(const std::string& key) {
        close_list();
        const std::string& h = tr(lang_, "summary." + key);
        switch (f_) {
        case SummaryFormat::Text: out_ << "\n" << h << "\n" << std::string(count_chars(h), '=') << "\n"; break;
        case SummaryFormat::Markdown: out_ << "\n## " << h << "\n\n"; break;
        case SummaryFormat::Html:
            if (section_open_) out_ << "</section>\n";
            out_ << "<section><h2>" << html_escape(h) << "</h2>\n";
            section_open_ = true;
            break;
        }
    }
    void sub(const std::string& key) { sub_text(tr(lang_, "summary." + key)); }
    void sub_text(const std::string& h) {
        close_list();
        switch (f_) {
        case SummaryFormat::Text: out_ << "\n" << h << ":\n"; break;
        case SummaryFormat::Markdown: out_ << "\n### " << h << "\n\n"; break;
        case SummaryFormat::Html: out_ << "<h3>" << html_escape(h) << "</h3>\n"; break;
        }
    }
    void line(const std::string& text) {
        close_list();
        switch (f_) {
        case SummaryFormat::Text: out_ << text << "\n"; break;
        case SummaryFormat::Markdown: out_ << md(text) << "\n\n"; break;
        case SummaryFormat::Html:
            if (!text.empty()) out_ << "<p>" << html_escape(text) << "</p>\n";
            break;
        }
    }
    void bullet(const std::string& text) {
        switch (f_) {
        case SummaryFormat::Text: out_ << "- " << indent(text, "  ") << "\n"; break;
        case SummaryFormat::Markdown: out_ << "- " << indent(md(text), "  ") << "\n"; list_open_ = true; break;
        case SummaryFormat::Html:
            if (!list_open_) out_ << "<ul>\n";
            list_open_ = true;
            out_ << "<li>" << html_escape(text) << "</li>\n";
            break;
        }
    }
    void numbered(int n, const std::string& text) {
        switch (f_) {
        case SummaryFormat::Text: out_ << n << ". " << indent(text, "   ") << "\n"; break;
        case SummaryFormat::Markdown: out_ << n << ". " << indent(md(text), "   ") << "\n"; list_open_ = true; break;
        case SummaryFormat::Html:
            if (!list_open_) out_ << "<ol>\n";
            list_open_ = true;
            ordered_ = true;
            out_ << "<li>" << html_escape(text) << "</li>\n";
            break;
        }
    }

    // Each contributor's words, the person's first, with who wrote them.
    void voices(const Voices& v) {
        if (v.entries.empty()) {
            line(tr(lang_, "summary.nothing"));
            return;
        }
        for (const Entry& e : v.entries) bullet(author_label(p_, e.author, lang_) + ": " + e.text);
    }

    std::string str() {
        close_list();
        if (f_ == SummaryFormat::Html && section_open_) out_ << "</section>\n";
        section_open_ = false;
        return out_.s;
    }

private:
    void close_list() {
        if (!list_open_) return;
        if (f_ == SummaryFormat::Html) out_ << (ordered_ ? "</ol>\n" : "</ul>\n");
        if (f_ == SummaryFormat::Markdown) out_ << "\n";
        list_open_ = ordered_ = false;
    }
    static std::size_t count_chars(const std::string& s) {
        std::size_t n = 0;
        for (unsigned char c : s) n += (c & 0xC0) != 0x80;
        return n;
    }
    static std::string indent(const std::string& text, const char* pad) {
        std::string out;
        for (char c : text) {
            out += c;
            if (c == '\n') out += pad;
        }
        return out;
    }
    // Markdown: people's words must not turn into markup.
    static std::string md(const std::string& text) {
        std::string out;
        for (char c : text) {
            if (std::string("\\`*_[]<>#|").find(c) != std::string::npos) out += '\\';
            out += c;
        }
        return out;
    }

    const Preparation& p_;
    Lang lang_;
    SummaryFormat f_;
    Out out_;
    bool list_open_ = false, ordered_ = false, section_open_ = false;
};

}  // namespace

std::string summary_text(const Preparation& p, Lang lang, const Date& today, const std::vector<Issue>& issues) {
    return summary(p, lang, today, issues, SummaryFormat::Text);
}

namespace {

std::string body(const Preparation& p, Lang lang, const Date& today, const std::vector<Issue>& issues,
                 SummaryFormat format) {
    Writer w(p, lang, format);
    const std::string name = p.owner.name.empty() ? tr(lang, "summary.no_name") : p.owner.name;
    w.title(tr(lang, "summary.title"), trf(lang, "summary.for", {name}));
    if (!p.owner.personal_id.empty()) {
        PersonalIdResult id = parse_personal_id(p.owner.personal_id, today.year);
        w.line(trf(lang, "summary.personal_id", {id.ok() ? id.id.digits : p.owner.personal_id}));
    }
    if (is_child(p, today)) w.line(tr(lang, "summary.child"));
    w.line(trf(lang, "summary.kind", {enum_label(lang, "kind", p.kind)}));
    if (!p.need_noticed.by.empty()) {
        std::string by;
        for (NoticedBy b : p.need_noticed.by) {
            by += (by.empty() ? "" : ", ") +
                  (b == NoticedBy::Other && !p.need_noticed.other.empty() ? p.need_noticed.other : enum_label(lang, "noticed", b));
        }
        w.line(trf(lang, "summary.noticed", {by}));
    }
    w.end_title();

    if (!p.representatives.empty()) {
        w.heading("representatives");
        for (const Representative& r : p.representatives) {
            std::string s = r.name + " – " + enum_label(lang, "rep", r.kind);
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
        w.sub_text(tr(lang, "field.situation.works_well"));
        w.voices(p.situation.works_well);
    }
    if (!p.situation.strengths.entries.empty()) {
        w.sub_text(tr(lang, "field.situation.strengths"));
        w.voices(p.situation.strengths);
    }

    if (!p.needs.empty()) {
        w.heading("needs");
        for (const AreaNeeds& n : p.needs) {
            w.sub_text(n.area == LifeArea::Other && !n.other_label.empty() ? n.other_label : enum_label(lang, "area", n.area));
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
        std::string s = q.text;
        if (q.priority != Priority::None) s += " [" + enum_label(lang, "priority", q.priority) + "]";
        if (!q.for_whom.empty()) s += " (" + trf(lang, "summary.for_whom", {q.for_whom}) + ")";
        if (q.author != kPersonId) s += " – " + author_label(p, q.author, lang);
        w.numbered(++n, s);
    }

    w.heading("invitations");
    if (p.invitations.actors.empty()) w.line(tr(lang, "summary.nothing"));
    for (const Invitee& a : p.invitations.actors) {
        std::string s = invitee_label(a, lang);
        if (!a.contact.empty()) s += " – " + a.contact;
        w.bullet(s);
    }
    const SupportPerson& sp = p.invitations.support_person;
    if (!sp.name.empty())
        w.line(trf(lang, "summary.support_person", {sp.name + (sp.contact.empty() ? "" : ", " + sp.contact)}));
    if (const Invitee* t = find_invitee(p, p.invitations.trusted_most)) {
        std::string s = invitee_label(*t, lang);
        if (!p.invitations.trusted_note.empty()) s += " – " + p.invitations.trusted_note;
        w.line(trf(lang, "summary.trusted", {s}));
    }

    const Participation& part = p.participation;
    w.heading("participation");
    for (ParticipationMode m : part.modes) w.bullet(enum_label(lang, "mode", m));
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
        w.line(trf(lang, "summary.pre_meeting", {enum_label(lang, "yesno", part.pre_meeting_allowed)}));

    w.heading("consents");
    if (p.consents.empty()) w.line(tr(lang, "summary.nothing"));
    for (const Consent& c : p.consents) {
        const Invitee* a = find_invitee(p, c.actor);
        std::string s = trf(lang, "summary.consent.line",
                            {a ? invitee_label(*a, lang) : c.actor, enum_label(lang, "decision", c.decision)});
        if (!c.information.empty()) s += " – " + c.information;
        std::string cats;
        for (InfoCategory k : c.categories) cats += (cats.empty() ? "" : ", ") + enum_label(lang, "category", k);
        if (!cats.empty()) s += " (" + cats + ")";
        s += "; " + trf(lang, "summary.consent.period",
                        {c.valid_from, c.valid_to.empty() ? tr(lang, "summary.open_date") : c.valid_to});
        s += "; " + trf(lang, "summary.consent.given", {enum_label(lang, "form", c.form), enum_label(lang, "giver", c.given_by)});
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

const char* kPrintStyle = R"CSS(
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #111; max-width: 48rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 18pt; margin: 0 0 .2rem; }
h2 { font-size: 14pt; margin: 1.2rem 0 .4rem; border-bottom: 1px solid #999; padding-bottom: .15rem; }
h3 { font-size: 11.5pt; margin: .8rem 0 .3rem; }
p, li { overflow-wrap: anywhere; white-space: normal; }
ul, ol { padding-left: 1.4rem; }
header { margin-bottom: 1rem; }
.subtitle { font-size: 12pt; margin: 0 0 .6rem; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  /* A page breaks between sections rather than inside one, where a section fits on a page;
     a heading never ends a page. */
  section { break-inside: avoid-page; }
  h2, h3 { break-after: avoid; }
  li, p { break-inside: avoid; }
}
)CSS";

}  // namespace

std::string summary(const Preparation& p, Lang lang, const Date& today, const std::vector<Issue>& issues,
                    SummaryFormat format) {
    std::string text = body(p, lang, today, issues, format);
    if (format != SummaryFormat::Html) return text;
    const std::string name = p.owner.name.empty() ? tr(lang, "summary.no_name") : p.owner.name;
    return "<!doctype html>\n<html lang=\"" + std::string(lang_code(lang)) + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
           html_escape(tr(lang, "summary.title") + " – " + name) + "</title>\n<style>" + kPrintStyle +
           "</style>\n</head>\n<body>\n" + text + "</body>\n</html>\n";
}

}  // namespace sipprep
