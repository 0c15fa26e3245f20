#include "summary.hpp"

#include <algorithm>

#include "base/utf8.hpp"
#include "clock.hpp"
#include "consent_status.hpp"
#include "hidden_text.hpp"
#include "labels.hpp"
#include "personal_id.hpp"
#include "sections.hpp"
#include "text_checks.hpp"
#include "validation.hpp"
#include "written_language.hpp"

namespace sipprep {
namespace {

using Kind = SummaryItem::Kind;

class Builder {
public:
    Builder(const Preparation& p, Lang lang) : p_(p), lang_(lang) {}

    void section(const char* id) {
        // A relative's contribution speaks of the person, not as them ("Det här är viktigt för mig").
        const std::string about = std::string("summary.") + id + ".contribution";
        s_.sections.push_back(SummarySection{id,
                                             p_.kind == PreparationKind::Contribution && has_text(lang_, about)
                                                 ? trf(lang_, about, {person()})
                                                 : tr(lang_, std::string("summary.") + id),
                                             {}});
    }
    std::string person() const { return p_.owner.name.empty() ? tr(lang_, "summary.no_name") : p_.owner.name; }
    void add(Kind kind, std::string text, std::string author = {}, int number = 0) {
        s_.sections.back().items.push_back(SummaryItem{kind, std::move(text), std::move(author), number});
    }
    // An item holding `said` as written by `author` (at `at` in its text), marked with its
    // language when it is not the reader's.
    void words(Kind kind, std::string text, std::size_t at, const std::string& said, const std::string& author,
               int number = 0) {
        const std::string language = author_language(p_, author);
        const std::string note = answer_language_note(language, lang_);
        add(kind, std::move(text), author, number);
        if (note.empty()) return;
        SummaryItem& item = s_.sections.back().items.back();
        item.language = language;
        item.words_at = at;
        item.words_size = said.size();
        add(Kind::Detail, note, author);
    }
    void line(std::string text) { add(Kind::Paragraph, std::move(text)); }
    void bullet(std::string text) { add(Kind::Bullet, std::move(text)); }
    void sub(const std::string& title) { add(Kind::Subheading, title); }
    void nothing() { line(tr(lang_, "summary.nothing")); }
    // Each contributor's words, the person's first, with who wrote them.
    void voices(const std::vector<Entry>& entries) {
        if (entries.empty()) return nothing();
        // A relative's words read as theirs ("Karin (dotter) skriver: …"), never as the person's own.
        for (const Entry& e : entries) {
            // Where the words go in the line, found by a character no catalog text holds.
            const std::string line = e.author == kPersonId
                                         ? author_label(p_, e.author, lang_) + ": \x1f"
                                         : trf(lang_, "summary.writes", {author_label(p_, e.author, lang_), "\x1f"});
            const std::size_t at = line.find('\x1f');
            if (at == std::string::npos)  // a catalog text without the words' place: the words after it
                words(Kind::Bullet, line + " " + e.text, line.size() + 1, e.text, e.author);
            else
                words(Kind::Bullet, line.substr(0, at) + e.text + line.substr(at + 1), at, e.text, e.author);
        }
    }
    Summary& summary() { return s_; }

private:
    const Preparation& p_;
    Lang lang_;
    Summary s_;
};

bool is_guardian(const Preparation& p, const std::string& id) {
    return std::any_of(p.representatives.begin(), p.representatives.end(),
                       [&](const Representative& r) { return r.id == id && r.kind == RepresentativeKind::Guardian; });
}

std::string guardian_name(const Preparation& p, const std::string& id) {
    for (const Representative& r : p.representatives)
        if (r.id == id && !r.name.empty()) return r.name;
    return id;
}

// "Jag vill ha en SIP" and, for a child, each guardian's own answer.
void sip_consent_lines(Builder& b, const Preparation& p, Lang lang, const Date& today) {
    b.add(Kind::Subheading, tr(lang, "summary.sip_consent"));
    const std::vector<std::string> words = sip_consent_words(p, lang, today);
    b.bullet(words.front());
    for (std::size_t i = 1; i < words.size(); ++i) b.add(Kind::Detail, words[i]);
}

// What a section holds beyond its free-text questions.
void own_items(Builder& b, SectionId id, const Preparation& p, Lang lang, const Date& today, Reader reader) {
    switch (id) {
        case SectionId::Representatives:
            for (const Representative& r : p.representatives) b.bullet(representative_text(r, lang));
            break;
        case SectionId::Contributors:
            for (const Contributor& c : p.contributors) {
                // A relative's contribution: the person did not write in it.
                if (p.kind == PreparationKind::Contribution && c.id == kPersonId) continue;
                // A writer who has written nothing (yet) is not among those who wrote it.
                if (!has_words_by(p, c.id) && c.attends == YesNo::Unanswered) continue;
                std::string line = author_label(p, c.id, lang);
                if (c.attends != YesNo::Unanswered)
                    line += " \u2013 " + tr(lang, c.attends == YesNo::Yes ? "summary.attends" : "summary.attends_not");
                b.add(Kind::Bullet, line, c.id);
            }
            break;
        case SectionId::Needs:
            for (const AreaNeeds& n : p.needs) {
                b.sub(area_label(n, lang));
                for (const WordsPart<AreaNeeds>& w : area_words()) {
                    if (w.entries(n).empty()) continue;
                    b.line(tr(lang, w.heading_key) + ":");
                    b.voices(w.entries(n));
                }
            }
            break;
        case SectionId::FollowUp:
            if (p.follow_up.agreed_efforts.empty()) break;
            b.sub(tr(lang, "summary.fu.agreed_efforts"));
            for (const EffortOutcome& o : p.follow_up.agreed_efforts) {
                b.bullet(effort_text(o.effort, lang));
                b.add(Kind::Detail, trf(lang, "summary.fu.done", {enum_label(lang, o.done)}));
                if (!o.note.empty()) b.add(Kind::Detail, o.note);
                if (o.done == EffortDone::No)
                    b.add(Kind::Detail,
                          tr(lang, reader == Reader::Professional ? "pro.followup.deviation" : "followup.deviation"));
            }
            break;
        case SectionId::Questions: {
            if (p.questions.empty()) b.nothing();
            int number = 0;
            for (const Question& q : p.questions) {
                std::string line = q.text;
                if (q.priority != Priority::None) line += " [" + enum_label(lang, q.priority) + "]";
                if (!q.for_whom.empty()) line += " (" + trf(lang, "summary.for_whom", {q.for_whom}) + ")";
                if (q.author != kPersonId) line += " – " + author_label(p, q.author, lang);
                b.words(Kind::Numbered, line, 0, q.text, q.author, ++number);
            }
            break;
        }
        case SectionId::Invitations: {
            if (p.invitations.actors.empty()) b.nothing();
            for (const Invitee& a : p.invitations.actors)
                b.bullet(invitee_label(a, lang) + (a.contact.empty() ? "" : " – " + a.contact));
            if (std::string line = support_person_words(p, lang); !line.empty()) b.line(std::move(line));
            if (std::string line = trusted_words(p, lang); !line.empty()) b.line(std::move(line));
            break;
        }
        case SectionId::Participation: {
            const Participation& part = p.participation;
            // Under "Så vill jag vara med", answers a guardian or relative chose say so.
            if (std::string line = answered_by_words(p, lang); !line.empty()) b.line(std::move(line));
            for (ParticipationMode m : part.modes) b.bullet(enum_label(lang, m));
            const std::vector<std::string> adapt = adaptation_texts(p, lang);
            if (!adapt.empty()) {
                b.sub(tr(lang, "summary.adaptations"));
                for (const std::string& a : adapt) b.bullet(a);
            }
            if (std::string line = wished_meeting_words(p, lang); !line.empty()) b.line(std::move(line));
            // The words are not in Swedish and nobody has asked for an interpreter: the one who calls the
            // meeting should ask (seeds 000, 003: interpreter as an adaptation).
            if (reader == Reader::Professional)
                if (std::string hint = interpreter_suggestion(p, lang); !hint.empty()) b.line(std::move(hint));
            if (std::string line = pre_meeting_words(p, lang); !line.empty()) b.line(std::move(line));
            break;
        }
        case SectionId::Consents:
            // All of it is a wish: the consent is taken by the one who offers the SIP (seed 001).
            if (p.kind != PreparationKind::Contribution) {
                b.line(tr(lang, reader == Reader::Professional ? "summary.consent.wish.professional"
                                                               : "summary.consent.wish"));
                sip_consent_lines(b, p, lang, today);
                // The consents to share under a heading of their own, not under "Samtycke till SIP".
                b.add(Kind::Subheading, tr(lang, "summary.sharing"));
            }
            if (p.consents.empty()) b.nothing();
            for (const Consent& c : p.consents) {
                b.bullet(consent_receiver_label(p, c.actor, lang) + " \u2013 " +
                         consent_status_text(p, c, today, lang));
                if (const std::string what = consent_what_words(c, lang); !what.empty()) b.add(Kind::Detail, what);
                b.add(Kind::Detail, consent_given_words(p, c, lang));
                // An oral consent leaves no paper: the one who takes it writes it down (seed 001).
                if (reader == Reader::Professional && c.form == ConsentForm::Oral)
                    b.add(Kind::Detail, tr(lang, "pro.consent.oral"));
                for (const std::string& line : consent_guardian_words(p, c, lang)) b.add(Kind::Detail, line);
            }
            break;
        case SectionId::Convener:
            // Never on the page that everyone at the meeting gets.
            b.summary().sections.back().for_convener = true;
            b.line(tr(lang, "summary.convener.note"));
            break;
        case SectionId::Agreed: {
            const Agreement& ag = p.agreed;
            if (ag.closed) {
                const auto day = parse_iso_date(ag.closed_on);
                b.line(day ? trf(lang, "summary.agreed.closed_on", {date_words(*day, lang)})
                           : tr(lang, "summary.agreed.closed"));
            }
            if (!ag.long_term_goal.empty()) b.line(trf(lang, "summary.agreed.long_term_goal", {ag.long_term_goal}));
            if (!ag.sub_goals.empty()) {
                b.sub(tr(lang, "summary.short_term"));
                for (const std::string& g : ag.sub_goals) b.bullet(g);
            }
            if (!ag.efforts.empty()) b.sub(tr(lang, "agreed.efforts"));
            int effort_number = 0;
            for (const Effort& e : ag.efforts) b.add(Kind::Numbered, effort_text(e, lang), {}, ++effort_number);
            if (const std::string lead = lead_text(p, lang); !lead.empty())
                b.line(trf(lang, "summary.agreed.lead", {lead}));
            if (!ag.follow_up_on.empty() || !ag.follow_up_time.empty() || !ag.follow_up_place.empty()) {
                const auto day = parse_iso_date(ag.follow_up_on);
                std::string when = day ? date_words(*day, lang) : ag.follow_up_on;
                if (!ag.follow_up_time.empty()) when += (when.empty() ? "" : ", ") + ag.follow_up_time;
                if (!ag.follow_up_place.empty()) when += (when.empty() ? "" : ", ") + ag.follow_up_place;
                b.line(trf(lang, "summary.agreed.follow_up", {when}));
            }
            if (!ag.contact.empty()) b.line(trf(lang, "summary.agreed.contact", {ag.contact}));
            for (const PlanContact& c : ag.contacts) b.bullet(plan_contact_text(c, lang));
            break;
        }
        case SectionId::Evaluation: {
            const Evaluation& ev = p.evaluation;
            if (ev.listened_to) b.line(trf(lang, "summary.eval.listened_to", {std::to_string(ev.listened_to)}));
            if (ev.understood) b.line(trf(lang, "summary.eval.understood", {std::to_string(ev.understood)}));
            if (ev.started_from_me)
                b.line(trf(lang, "summary.eval.started_from_me", {std::to_string(ev.started_from_me)}));
            if (!ev.comment.empty()) b.words(Kind::Paragraph, ev.comment, 0, ev.comment, kPersonId);
            break;
        }
        default:  // free-text questions only
            break;
    }
}

}  // namespace

std::vector<std::string> header_lines(const Preparation& p, Lang lang, const Date& today) {
    std::vector<std::string> out;
    if (!p.owner.personal_id.empty()) {
        PersonalIdResult id = parse_personal_id(p.owner.personal_id, today.year);
        out.push_back(trf(lang, "summary.personal_id", {id.ok() ? personal_id_display(id.id) : p.owner.personal_id}));
    }
    // "Planen tillhör: namn, personnummer, adress, telefon", as the SIP form has it (seed 000).
    if (!p.owner.address.empty()) out.push_back(tr(lang, "owner.address") + ": " + p.owner.address);
    if (!p.owner.phone.empty()) out.push_back(tr(lang, "owner.phone") + ": " + p.owner.phone);
    if (is_child(p, today)) out.push_back(tr(lang, "summary.child"));
    out.push_back(trf(lang, "summary.kind", {enum_label(lang, p.kind)}));
    if (p.kind == PreparationKind::Contribution) out.push_back(tr(lang, "summary.contribution"));
    if (!p.follows.sha256.empty()) {
        const auto saved = parse_iso_date(p.follows.saved.substr(0, 10));
        out.push_back(trf(lang, "summary.follows",
                          {saved ? date_words(*saved, lang) : p.follows.saved, p.follows.sha256.substr(0, 12)}));
    }
    if (!p.need_noticed.by.empty()) {
        std::string by;
        for (NoticedBy n : p.need_noticed.by) by += (by.empty() ? "" : ", ") + noticed_label(p, n, lang);
        out.push_back(trf(lang, "summary.noticed", {by}));
    }
    return out;
}

std::vector<SummaryItem> own_summary_items(const Preparation& p, SectionId id, Lang lang, const Date& today) {
    Builder b(p, lang);
    b.section("own");
    own_items(b, id, p, lang, today, Reader::Professional);
    std::vector<SummaryItem> out;
    for (SummaryItem& item : b.summary().sections.back().items)
        if (item.kind != SummaryItem::Kind::Subheading) out.push_back(std::move(item));
    return out;
}

std::vector<std::string> own_lines(const Preparation& p, SectionId id, Lang lang, const Date& today) {
    std::vector<std::string> out;
    for (SummaryItem& item : own_summary_items(p, id, lang, today)) out.push_back(std::move(item.text));
    return out;
}

std::vector<std::string> adaptation_texts(const Preparation& p, Lang lang) {
    const Adaptations& ad = p.participation.adaptations;
    std::vector<std::string> out;
    // An interpreter without a language says so, not "Tolk: " with nothing after it.
    const auto language = [&](const std::string& l) {
        return l.empty() ? tr(lang, "summary.interpreter.no_language") : l;
    };
    if (ad.interpreter) out.push_back(trf(lang, "summary.interpreter", {language(ad.interpreter_language)}));
    for (const InterpreterNeed& n : ad.interpreters)
        out.push_back(trf(lang, "summary.interpreter_for", {author_label(p, n.who, lang), language(n.language)}));
    if (ad.hearing_loop) out.push_back(tr(lang, "adapt.hearing_loop"));
    if (ad.speak_slowly) out.push_back(tr(lang, "adapt.speak_slowly"));
    if (ad.speech_to_text) out.push_back(tr(lang, "adapt.speech_to_text"));
    if (ad.accessible_documents) out.push_back(tr(lang, "adapt.accessible_documents"));
    if (ad.guide) out.push_back(tr(lang, "adapt.guide"));
    if (ad.sign_language) out.push_back(tr(lang, "summary.sign_language"));
    if (ad.aac) out.push_back(tr(lang, "summary.aac") + (ad.aac_note.empty() ? "" : ": " + ad.aac_note));
    if (ad.easy_language) out.push_back(tr(lang, "summary.easy_language"));
    if (ad.physical_access) out.push_back(tr(lang, "summary.physical_access"));
    if (ad.breaks) out.push_back(tr(lang, "summary.breaks"));
    if (!ad.other.empty()) out.push_back(ad.other);
    return out;
}

Summary build_summary(const Preparation& original, Lang lang, const Date& today, const std::vector<Issue>& issues,
                      Reader reader) {
    // People's words with their hidden characters written out and isolated (text_checks.hpp).
    const Preparation shown = shown_to_professional(original);
    const Preparation& p = shown;
    Builder b(p, lang);
    Summary& s = b.summary();
    const std::string name = b.person();
    const bool contribution = p.kind == PreparationKind::Contribution;
    s.title = tr(lang, contribution ? "summary.title.contribution" : "summary.title");
    s.subtitle = trf(lang, contribution ? "summary.about" : "summary.for", {name});
    s.person = name;
    for (std::string& line : header_lines(p, lang, today))
        s.header.push_back(SummaryItem{Kind::Paragraph, std::move(line), {}, 0});

    for (const Section& sec : plan_sections()) {
        if (sec.in_summary == InSummary::InFollowUp    ? p.kind != PreparationKind::FollowUp
            : sec.in_summary == InSummary::WithContent ? !has_content(p, sec)
                                                       : false)
            continue;
        b.section(sec.name);
        if (sec.own_first) own_items(b, sec.id, p, lang, today, reader);
        for (const WordsPart<Preparation>& w : sec.words) {
            const std::vector<Entry>& entries = w.entries(p);
            if (w.heading_key && !sec.every_heading && entries.empty()) continue;
            if (w.heading_key) b.sub(tr(lang, w.heading_key));
            b.voices(entries);
        }
        if (!sec.own_first) own_items(b, sec.id, p, lang, today, reader);
        if (sec.in_summary == InSummary::WithItems && s.sections.back().items.empty()) s.sections.pop_back();
    }

    // A relative's contribution: only what they wrote, not the plan's empty sections.
    if (p.kind == PreparationKind::Contribution) {
        const std::string& nothing = tr(lang, "summary.nothing");
        s.sections.erase(std::remove_if(s.sections.begin(), s.sections.end(),
                                        [&](const SummarySection& sec) {
                                            return std::all_of(sec.items.begin(), sec.items.end(),
                                                               [&](const SummaryItem& i) { return i.text == nothing; });
                                        }),
                         s.sections.end());
    }

    for (Severity sev : {Severity::Error, Severity::Warning}) {
        bool any = false;
        for (const Issue& i : issues) {
            if (i.severity != sev) continue;
            if (!any) b.section(sev == Severity::Error ? "errors" : "todo");
            any = true;
            // A message may quote a value from the file (an id, a date): shown, never acting.
            b.add(sev == Severity::Error ? Kind::Error : Kind::Bullet,
                  with_hidden_characters_shown(describe(i, lang, reader)));
        }
    }
    return s;
}

Summary opened_file_summary(const ImportResult& r, Lang lang, const Date& today) {
    Summary s = build_summary(r.preparation, lang, today, r.issues, Reader::Professional);
    // Two copies of a plan, printed, are told apart by when each was saved.
    if (!r.meta.updated.empty())
        s.header.insert(
            s.header.begin(),
            SummaryItem{
                Kind::Paragraph, trf(lang, "pro.exported", {local_datetime_text(r.meta.updated, lang)}), {}, 0});
    if (r.integrity == Integrity::Changed)
        s.header.insert(s.header.begin(), SummaryItem{Kind::Paragraph, tr(lang, "pro.integrity.changed"), {}, 0});
    return s;
}

std::string summary(const Preparation& p, Lang lang, const Date& today, const std::vector<Issue>& issues,
                    SummaryFormat format, Reader reader) {
    return render(build_summary(p, lang, today, issues, reader), lang, format);
}

std::string render(const Summary& s, Lang lang, SummaryFormat format) {
    switch (format) {
        case SummaryFormat::Text:
            return render_text(s);
        case SummaryFormat::Markdown:
            return render_markdown(s);
        case SummaryFormat::Html:
            return render_html(s, lang);
    }
    return render_text(s);
}

std::string summary_text(const Preparation& p, Lang lang, const Date& today, const std::vector<Issue>& issues) {
    return summary(p, lang, today, issues, SummaryFormat::Text);
}

std::string support_person_words(const Preparation& p, Lang lang) {
    const SupportPerson& sp = p.invitations.support_person;
    if (sp.name.empty()) return {};
    return trf(lang, "summary.support_person", {sp.name + (sp.contact.empty() ? "" : ", " + sp.contact)});
}

std::string trusted_words(const Preparation& p, Lang lang) {
    const Invitee* t = find_invitee(p, p.invitations.trusted_most);
    if (!t) return {};
    std::string line = invitee_label(*t, lang);
    if (!p.invitations.trusted_note.empty()) line += " – " + p.invitations.trusted_note;
    // The catalog may go on after it with a sentence of its own ("… {0}. Jag önskar …").
    while (!line.empty() && (line.back() == '.' || line.back() == ' ')) line.pop_back();
    return trf(lang, "summary.trusted", {line});
}

std::string wished_meeting_words(const Preparation& p, Lang lang) {
    const Participation& part = p.participation;
    std::string wished;
    for (const std::string* w : {&part.wished_date, &part.wished_time, &part.wished_place})
        if (!w->empty()) wished += (wished.empty() ? "" : ", ") + *w;
    return wished.empty() ? std::string() : trf(lang, "summary.wished", {wished});
}

std::string answered_by_words(const Preparation& p, Lang lang) {
    const std::vector<std::string>& by = p.participation.answered_by;
    if (std::all_of(by.begin(), by.end(), [](const std::string& id) { return id == kPersonId; })) return {};
    std::string names;
    for (const std::string& id : by) names += (names.empty() ? "" : ", ") + author_label(p, id, lang);
    return trf(lang, "summary.answered_by", {names});
}

std::string pre_meeting_words(const Preparation& p, Lang lang) {
    const YesNo allowed = p.participation.pre_meeting_allowed;
    return allowed == YesNo::Unanswered ? std::string() : trf(lang, "summary.pre_meeting", {enum_label(lang, allowed)});
}

std::vector<std::string> sip_consent_words(const Preparation& p, Lang lang, const Date& today) {
    const SipConsent& s = p.sip_consent;
    std::vector<std::string> out{tr(lang, s.wants == YesNo::Yes  ? "summary.sip_consent.yes"
                                          : s.wants == YesNo::No ? "summary.sip_consent.no"
                                                                 : "summary.sip_consent.unanswered")};
    // A child's SIP needs every guardian's consent (seed 001): each one's answer, and a missing
    // one said where the answers are, not only among the warnings. Beside theirs, the child's own
    // answer says it is the child's ("Vill ha en SIP" stood there with no name).
    const bool child = is_child(p, today);
    if (child || !s.guardians.empty()) {
        const std::vector<GuardianAnswerOf> answers = guardian_answers(p, s.guardians);
        if (child && !answers.empty()) out.front() = trf(lang, "sip_consent.child_answer", {out.front()});
        for (const GuardianAnswerOf& g : answers)
            out.push_back(sip_guardian_words(g.answer, guardian_label(*g.guardian), lang));
    }
    // An answer by someone who is not a guardian here (a file made by hand; the rules name it).
    for (const GuardianApproval& g : s.guardians)
        if (!is_guardian(p, g.representative_id))
            out.push_back(trf(lang, g.agrees ? "summary.sip_consent.guardian_yes" : "summary.sip_consent.guardian_no",
                              {guardian_name(p, g.representative_id)}));
    return out;
}

std::string sip_guardian_words(GuardianAnswer answer, const std::string& name, Lang lang) {
    return trf(lang,
               answer == GuardianAnswer::Agrees     ? "summary.sip_consent.guardian_yes"
               : answer == GuardianAnswer::Declines ? "summary.sip_consent.guardian_no"
                                                    : "summary.sip_consent.guardian_none",
               {name});
}

std::vector<std::string> consent_guardian_words(const Preparation& p, const Consent& c, Lang lang) {
    std::vector<std::string> out;
    if (c.given_by != ConsentGiver::Guardians) {
        // Answers left from when the guardians were to give it: as they stand.
        for (const GuardianApproval& g : c.guardian_approvals)
            out.push_back(trf(lang, g.agrees ? "summary.consent.guardian" : "summary.consent.guardian_no",
                              {guardian_name(p, g.representative_id)}));
        return out;
    }
    // A yes is an answer to a yes: beside a no or no answer it is not "vill samtycka" but a
    // contradiction (the rules name it too). A missing answer to a yes is said.
    const bool permit = c.decision == ConsentDecision::Permit;
    for (const GuardianAnswerOf& g : guardian_answers(p, c.guardian_approvals)) {
        // Taken back: a yes from before is not a wish now (the status says who took it back).
        if (!c.revoked_on.empty() && g.answer == GuardianAnswer::Agrees) continue;
        const char* key = g.answer == GuardianAnswer::Declines ? "summary.consent.guardian_no"
                          : g.answer == GuardianAnswer::Agrees
                              ? (permit ? "summary.consent.guardian" : "summary.consent.guardian_mismatch")
                          : permit && c.revoked_on.empty() ? "consent.guardian.not_yet"
                                                           : nullptr;
        if (key) out.push_back(trf(lang, key, {guardian_label(*g.guardian)}));
    }
    for (const GuardianApproval& g : c.guardian_approvals)
        if (!is_guardian(p, g.representative_id))
            out.push_back(trf(lang, g.agrees ? "summary.consent.guardian" : "summary.consent.guardian_no",
                              {guardian_name(p, g.representative_id)}));
    return out;
}

std::string consent_what_words(const Consent& c, Lang lang) {
    // The kinds first, then the person's words as they wrote them, after a dash: where one ends and
    // the other begins stays plain. Said for a no or no answer too: "inget om min psykiska hälsa".
    std::string what;
    for (InfoCategory k : c.categories) what += (what.empty() ? "" : ", ") + enum_label(lang, k);
    if (!c.information.empty()) what += (what.empty() ? "" : " \u2013 ") + c.information;
    if (what.empty()) return {};
    return trf(lang, c.decision == ConsentDecision::Permit ? "summary.consent.what" : "summary.consent.what.other",
               {what});
}

std::string consent_given_words(const Preparation& p, const Consent& c, Lang lang) {
    std::string given;
    if (c.form != ConsentForm::Unanswered) given = enum_label(lang, c.form);
    // "Amir Karimi själv", as his words are signed, where the plan has his name.
    given += (given.empty() ? "" : ", ") + (c.given_by == ConsentGiver::Person && !p.owner.name.empty()
                                                ? author_label(p, kPersonId, lang)
                                                : enum_label(lang, c.given_by));
    // Which representative: with a god man and a holder of a framtidsfullmakt both listed,
    // "En företrädare" alone did not say who gave it.
    if (c.given_by == ConsentGiver::Representative)
        for (const Representative& r : p.representatives)
            if (r.id == c.representative_id && !r.name.empty())
                given += " \u2013 " + r.name + ", " + lower_first_letter(enum_label(lang, r.kind));
    if (c.given_by == ConsentGiver::Representative && !c.representative_basis.empty())
        given += " (" + c.representative_basis + ")";
    return trf(lang, "summary.consent.given", {given});
}

}  // namespace sipprep
