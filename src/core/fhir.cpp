#include "fhir.hpp"

#include <algorithm>
#include <map>

#include "base/sha256.hpp"
#include "consent_status.hpp"
#include "labels.hpp"
#include "personal_id.hpp"
#include "sections.hpp"
#include "summary.hpp"
#include "text_checks.hpp"
#include "written_language.hpp"

namespace sipprep {
namespace {

using J = nlohmann::json;

// ---- the Questionnaire: one description, used for both the Questionnaire and the answers ----

struct Item {
    std::string link_id;
    std::string text_key;  // catalog key of the question text
    std::string type;      // FHIR item type
    bool repeats = false;
    std::vector<Item> children = {};
};

// A free-text answer in several voices: one group per contributor, with who wrote it.
Item voices(const std::string& link_id, const char* text_key) {
    return Item{link_id,
                text_key,
                "group",
                true,
                {Item{link_id + ".author", "fhir.author", "string"}, Item{link_id + ".text", text_key, "text"}}};
}

// An agreed effort: what, who, by when, and what a follow-up adds to it.
Item effort(const std::string& link_id, const char* text_key, std::vector<Item> extra) {
    std::vector<Item> parts = {Item{link_id + ".what", "agreed.what", "text"},
                               Item{link_id + ".who", "agreed.who", "string"},
                               Item{link_id + ".by-when", "agreed.by_when", "date"},
                               Item{link_id + ".starts", "agreed.starts", "date"},
                               Item{link_id + ".how-often", "agreed.how_often", "string"},
                               Item{link_id + ".where", "agreed.where", "string"}};
    for (Item& e : extra) parts.push_back(std::move(e));
    return Item{link_id, text_key, "group", true, std::move(parts)};
}

// The sections in the published Questionnaire's order.
std::vector<const Section*> questionnaire_sections() {
    std::vector<const Section*> out;
    for (const Section& s : plan_sections())
        if (s.questionnaire_rank > 0) out.push_back(&s);
    std::sort(out.begin(), out.end(),
              [](const Section* a, const Section* b) { return a->questionnaire_rank < b->questionnaire_rank; });
    return out;
}

// The questions of a section beyond its free-text ones.
std::vector<Item> own_questions(SectionId id) {
    switch (id) {
        case SectionId::FollowUp:
            return {effort("follow-up.agreed-effort", "followup.efforts.title",
                           {Item{"follow-up.agreed-effort.done", "followup.efforts.title", "string"},
                            Item{"follow-up.agreed-effort.note", "followup.efforts.note", "text"}})};
        case SectionId::Needs: {
            std::vector<Item> v = {Item{"needs.area", "fhir.area", "string"}};
            for (const WordsPart<AreaNeeds>& w : area_words()) v.push_back(voices(w.link_id, w.question_key));
            return v;
        }
        case SectionId::Questions:
            return {Item{"questions.text", "questions.new", "text"},
                    Item{"questions.important", "fhir.important", "boolean"},
                    Item{"questions.for-whom", "fhir.for_whom", "string"},
                    Item{"questions.author", "fhir.author", "string"}};
        case SectionId::Invitations:
            return {Item{"invite.actor",
                         "fhir.actor",
                         "group",
                         true,
                         {Item{"invite.actor.name", "fhir.actor", "string"},
                          Item{"invite.actor.contact", "fhir.contact", "string"}}},
                    Item{"invite.support-person", "invite.support.title", "string"},
                    Item{"invite.trusted-most", "invite.trusted", "string"}};
        case SectionId::Participation:
            return {Item{"participation.modes", "participation.modes", "string", true},
                    Item{"participation.adaptations", "participation.adaptations", "string", true},
                    Item{"participation.wished-date", "participation.wished_date", "date"},
                    Item{"participation.wished-time", "participation.wished_time", "string"},
                    Item{"participation.wished-place", "participation.wished_place", "string"},
                    voices("participation.avoid", "participation.avoid.field"),
                    Item{"participation.pre-meeting", "participation.pre_meeting", "boolean"}};
        case SectionId::Agreed:
            return {effort("agreed.effort", "agreed.efforts", {}),
                    Item{"agreed.lead", "agreed.lead", "string"},
                    Item{"agreed.follow-up", "agreed.follow_up_on", "date"},
                    Item{"agreed.follow-up-time", "agreed.follow_up_time", "string"},
                    Item{"agreed.follow-up-place", "agreed.follow_up_place", "string"},
                    Item{"agreed.contact", "agreed.contact", "string"},
                    Item{"agreed.contacts", "agreed.contacts", "string", true},
                    Item{"agreed.long-term-goal", "agreed.long_term_goal", "text"},
                    Item{"agreed.sub-goal", "summary.short_term", "string", true},
                    Item{"agreed.closed", "agreed.closed", "boolean"},
                    Item{"agreed.closed-on", "agreed.closed_on", "date"}};
        case SectionId::Evaluation:
            return {Item{"evaluation.listened-to", "eval.listened_to", "integer"},
                    Item{"evaluation.understood", "eval.understood", "integer"},
                    Item{"evaluation.started-from-me", "eval.started_from_me", "integer"},
                    Item{"evaluation.comment", "eval.comment", "text"}};
        default:  // free-text questions only
            return {};
    }
}

const std::vector<Item>& items() {
    static const std::vector<Item> all = [] {
        std::vector<Item> v = {Item{"kind", "fhir.kind", "choice"},
                               Item{"need-noticed", "noticed.title", "string", true}};
        for (const Section* s : questionnaire_sections()) {
            std::vector<Item> children;
            for (const WordsPart<Preparation>& w : s->words)
                if (w.link_id) children.push_back(voices(w.link_id, w.question_key));
            for (Item& own : own_questions(s->id)) children.push_back(std::move(own));
            if (s->fhir_group)
                v.push_back(Item{s->fhir_group, s->fhir_text_key, "group", s->fhir_repeats, std::move(children)});
            else
                for (Item& c : children) v.push_back(std::move(c));
        }
        return v;
    }();
    return all;
}

J questionnaire_item(const Item& it, Lang lang) {
    J j = {{"linkId", it.link_id}, {"text", tr(lang, it.text_key)}, {"type", it.type}};
    if (it.repeats) j["repeats"] = true;
    if (it.type == "choice") {
        J options = J::array();
        for (std::size_t k = 0; k < enum_count<PreparationKind>(); ++k) {
            const auto kind = static_cast<PreparationKind>(k);
            options.push_back(
                J{{"valueCoding", {{"code", std::string(enum_name(kind))}, {"display", enum_label(lang, kind)}}}});
        }
        j["answerOption"] = options;
    }
    if (!it.children.empty()) {
        J kids = J::array();
        for (const Item& c : it.children) kids.push_back(questionnaire_item(c, lang));
        j["item"] = std::move(kids);
    }
    return j;
}

// ---- answers ----

J answer_item(const std::string& link_id, J answer) {
    return J{{"linkId", link_id}, {"answer", J::array({std::move(answer)})}};
}
J string_item(const std::string& link_id, const std::string& v) { return answer_item(link_id, J{{"valueString", v}}); }

// People's words: the response's `language` is the one its own texts are in, and words written in
// another say theirs on the string.
struct Words {
    const Preparation& p;
    std::string response_language;

    J answer(const std::string& text, const std::string& author) const {
        J a = {{"valueString", text}};
        const std::string language = author_language(p, author);
        if (primary_language(language) != primary_language(response_language))
            a["_valueString"] = {{"extension", J::array({J{{"url", kLanguageExtensionUrl}, {"valueCode", language}}})}};
        return a;
    }
    J item(const std::string& link_id, const std::string& text, const std::string& author = kPersonId) const {
        return answer_item(link_id, answer(text, author));
    }
};

void add_voices(J& parent, const std::string& link_id, const std::vector<Entry>& entries, const Words& words,
                Lang lang) {
    for (const Entry& e : entries) {
        if (e.text.empty()) continue;
        parent.push_back(J{{"linkId", link_id},
                           {"item", J::array({string_item(link_id + ".author", author_label(words.p, e.author, lang)),
                                              words.item(link_id + ".text", e.text, e.author)})}});
    }
}

// An effort's what, who, by when, from when, how often and where, under the link ids
// "<base>.what", ".who", ".by-when", ".starts", ".how-often", ".where".
J effort_items(const std::string& base, const Effort& e, const Words& words) {
    J g = J::array();
    if (!e.what.empty()) g.push_back(words.item(base + ".what", e.what));
    if (!e.who.empty()) g.push_back(words.item(base + ".who", e.who));
    if (parse_iso_date(e.by_when)) g.push_back(answer_item(base + ".by-when", J{{"valueDate", e.by_when}}));
    if (parse_iso_date(e.starts)) g.push_back(answer_item(base + ".starts", J{{"valueDate", e.starts}}));
    if (!e.how_often.empty()) g.push_back(words.item(base + ".how-often", e.how_often));
    if (!e.where.empty()) g.push_back(words.item(base + ".where", e.where));
    return g;
}

void add_group(J& items, const std::string& link_id, J children) {
    if (!children.empty()) items.push_back(J{{"linkId", link_id}, {"item", std::move(children)}});
}

// The answers of a section beyond its free-text ones, into its group (or, for a repeating
// section, into the response, a group per item).
void own_answers(J& into, SectionId id, const Preparation& p, const Words& words, Lang lang) {
    switch (id) {
        case SectionId::FollowUp:
            for (const EffortOutcome& o : p.follow_up.agreed_efforts) {
                J e = effort_items("follow-up.agreed-effort", o.effort, words);
                e.push_back(string_item("follow-up.agreed-effort.done", enum_label(lang, o.done)));
                if (!o.note.empty()) e.push_back(words.item("follow-up.agreed-effort.note", o.note));
                add_group(into, "follow-up.agreed-effort", std::move(e));
            }
            break;
        case SectionId::Needs:
            for (const AreaNeeds& n : p.needs) {
                J g = J::array({string_item("needs.area", area_label(n, lang))});
                for (const WordsPart<AreaNeeds>& w : area_words()) add_voices(g, w.link_id, w.entries(n), words, lang);
                add_group(into, "needs", std::move(g));
            }
            break;
        case SectionId::Questions:
            for (const Question& q : p.questions) {
                J g = J::array({words.item("questions.text", q.text, q.author),
                                answer_item("questions.important", J{{"valueBoolean", q.priority == Priority::High}})});
                if (!q.for_whom.empty()) g.push_back(words.item("questions.for-whom", q.for_whom, q.author));
                g.push_back(string_item("questions.author", author_label(p, q.author, lang)));
                add_group(into, "questions", std::move(g));
            }
            break;
        case SectionId::Invitations: {
            for (const Invitee& a : p.invitations.actors) {
                J actor = J::array({string_item("invite.actor.name", invitee_label(a, lang))});
                if (!a.contact.empty()) actor.push_back(string_item("invite.actor.contact", a.contact));
                add_group(into, "invite.actor", std::move(actor));
            }
            const SupportPerson& sp = p.invitations.support_person;
            if (!sp.name.empty())
                into.push_back(
                    string_item("invite.support-person", sp.name + (sp.contact.empty() ? "" : ", " + sp.contact)));
            if (const Invitee* t = find_invitee(p, p.invitations.trusted_most))
                into.push_back(string_item("invite.trusted-most", invitee_label(*t, lang)));
            break;
        }
        case SectionId::Participation: {
            const Participation& part = p.participation;
            for (ParticipationMode m : part.modes)
                into.push_back(string_item("participation.modes", enum_label(lang, m)));
            for (const std::string& a : adaptation_texts(p, lang))
                into.push_back(string_item("participation.adaptations", a));
            if (parse_iso_date(part.wished_date))
                into.push_back(answer_item("participation.wished-date", J{{"valueDate", part.wished_date}}));
            if (!part.wished_time.empty()) into.push_back(string_item("participation.wished-time", part.wished_time));
            if (!part.wished_place.empty())
                into.push_back(string_item("participation.wished-place", part.wished_place));
            // The topics not to raise are for the convener only (the summary's convener page); an
            // export meant for a record never carries them. The Questionnaire keeps the item for others.
            if (part.pre_meeting_allowed != YesNo::Unanswered)
                into.push_back(answer_item("participation.pre-meeting",
                                           J{{"valueBoolean", part.pre_meeting_allowed == YesNo::Yes}}));
            break;
        }
        case SectionId::Agreed: {
            const Agreement& a = p.agreed;
            for (const Effort& e : a.efforts) add_group(into, "agreed.effort", effort_items("agreed.effort", e, words));
            if (const std::string lead = lead_text(p, lang); !lead.empty())
                into.push_back(string_item("agreed.lead", lead));
            if (parse_iso_date(a.follow_up_on))
                into.push_back(answer_item("agreed.follow-up", J{{"valueDate", a.follow_up_on}}));
            if (!a.follow_up_time.empty()) into.push_back(string_item("agreed.follow-up-time", a.follow_up_time));
            if (!a.follow_up_place.empty()) into.push_back(string_item("agreed.follow-up-place", a.follow_up_place));
            if (!a.contact.empty()) into.push_back(string_item("agreed.contact", a.contact));
            if (!a.contacts.empty()) {
                J answers = J::array();
                for (const PlanContact& c : a.contacts)
                    answers.push_back(J{{"valueString", plan_contact_text(c, lang)}});
                into.push_back(J{{"linkId", "agreed.contacts"}, {"answer", std::move(answers)}});
            }
            if (!a.long_term_goal.empty()) into.push_back(words.item("agreed.long-term-goal", a.long_term_goal));
            if (!a.sub_goals.empty()) {
                J answers = J::array();
                for (const std::string& goal : a.sub_goals)
                    if (!goal.empty()) answers.push_back(words.answer(goal, kPersonId));
                if (!answers.empty()) into.push_back(J{{"linkId", "agreed.sub-goal"}, {"answer", std::move(answers)}});
            }
            if (a.closed) into.push_back(answer_item("agreed.closed", J{{"valueBoolean", true}}));
            if (parse_iso_date(a.closed_on))
                into.push_back(answer_item("agreed.closed-on", J{{"valueDate", a.closed_on}}));
            break;
        }
        case SectionId::Evaluation: {
            const Evaluation& ev = p.evaluation;
            if (ev.listened_to)
                into.push_back(answer_item("evaluation.listened-to", J{{"valueInteger", ev.listened_to}}));
            if (ev.understood) into.push_back(answer_item("evaluation.understood", J{{"valueInteger", ev.understood}}));
            if (ev.started_from_me)
                into.push_back(answer_item("evaluation.started-from-me", J{{"valueInteger", ev.started_from_me}}));
            if (!ev.comment.empty()) into.push_back(words.item("evaluation.comment", ev.comment));
            break;
        }
        default:  // free-text questions only
            break;
    }
}

std::string uuid_for(const std::string& seed) {
    std::string h = sha256_hex(seed);
    h[12] = '4';  // version 4 layout, derived deterministically
    h[16] = "89ab"[(h[16] >= 'a' ? h[16] - 'a' + 10 : h[16] - '0') & 3];
    return "urn:uuid:" + h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" +
           h.substr(20, 12);
}

J reference(const std::string& full_url, const std::string& display = {}) {
    J r = {{"reference", full_url}};
    if (!display.empty()) r["display"] = display;
    return r;
}

// A Consent of the person's: `scope` "patient-privacy" (sharing information) or "treatment" (the
// SIP itself).
J consent_resource(const char* status, const char* scope, J patient, J performers, const std::string& policy) {
    return {{"resourceType", "Consent"},
            {"status", status},
            {"scope",
             {{"coding",
               J::array({J{{"system", "http://terminology.hl7.org/CodeSystem/consentscope"}, {"code", scope}}})}}},
            {"category", J::array({J{{"coding", J::array({J{{"system", "http://loinc.org"},
                                                            {"code", "59284-0"},
                                                            {"display", "Patient Consent"}}})}}})},
            {"patient", std::move(patient)},
            {"performer", std::move(performers)},
            {"policyRule", {{"text", policy}}}};
}

}  // namespace

J fhir_questionnaire(Lang lang) {
    J items_json = J::array();
    for (const Item& it : items()) items_json.push_back(questionnaire_item(it, lang));
    return J{{"resourceType", "Questionnaire"},
             {"id", "sip-preparation"},
             {"url", kQuestionnaireUrl},
             {"version", kQuestionnaireVersion},
             {"name", "SipPreparation"},
             {"title", tr(lang, "app.title")},
             {"status", "active"},
             {"language", std::string(lang_code(lang))},
             {"subjectType", J::array({"Patient"})},
             {"item", std::move(items_json)}};
}

J to_fhir_bundle(const Preparation& original, const BundleMeta& meta, const Date& today, Lang lang) {
    // People's words with their hidden characters written out and isolated (text_checks.hpp).
    const Preparation shown = shown_to_professional(original);
    const Preparation& p = shown;
    const std::string seed = sha256_hex(canonical_content(p));
    J entries = J::array();
    auto add = [&](const std::string& id, J resource) {
        const std::string url = uuid_for(seed + id);
        entries.push_back(J{{"fullUrl", url}, {"resource", std::move(resource)}});
        return url;
    };

    // The person.
    J patient = {{"resourceType", "Patient"}};
    const PersonalIdResult pid = parse_personal_id(p.owner.personal_id, today.year);
    if (pid.ok()) {
        patient["identifier"] =
            J::array({J{{"system", pid.id.coordination ? kSamordningsnummerSystem : kPersonnummerSystem},
                        {"value", pid.id.digits}}});
        if (!pid.id.coordination || pid.id.birth.year > 0) patient["birthDate"] = format_iso_date(pid.id.birth);
    }
    if (!p.owner.name.empty()) patient["name"] = J::array({J{{"text", p.owner.name}}});
    if (!p.owner.phone.empty()) patient["telecom"] = J::array({J{{"system", "phone"}, {"value", p.owner.phone}}});
    if (!p.owner.address.empty()) patient["address"] = J::array({J{{"text", p.owner.address}}});
    const std::string patient_url = add("patient", std::move(patient));
    const std::string patient_name = p.owner.name.empty() ? tr(lang, "summary.the_person") : p.owner.name;

    // Guardians and representatives, then relatives who wrote.
    std::map<std::string, std::string> rep_urls;
    for (const Representative& r : p.representatives) {
        J rp = {
            {"resourceType", "RelatedPerson"},
            {"patient", reference(patient_url, patient_name)},
            {"relationship",
             J::array({J{{"text", enum_label(lang, r.kind) + (r.relation.empty() ? "" : " (" + r.relation + ")")}}})}};
        if (!r.name.empty()) rp["name"] = J::array({J{{"text", r.name}}});
        if (!r.phone.empty()) rp["telecom"] = J::array({J{{"system", "phone"}, {"value", r.phone}}});
        const PersonalIdResult rid = parse_personal_id(r.personal_id, today.year);
        if (rid.ok())
            rp["identifier"] =
                J::array({J{{"system", rid.id.coordination ? kSamordningsnummerSystem : kPersonnummerSystem},
                            {"value", rid.id.digits}}});
        rep_urls[r.id] = add("rep-" + r.id, std::move(rp));
    }
    for (const Contributor& c : p.contributors) {
        if (c.id == kPersonId) continue;
        const std::string prefix = kRepresentativeWriterPrefix;
        if (c.id.rfind(prefix, 0) == 0 && rep_urls.count(c.id.substr(prefix.size())))
            continue;  // a representative who writes
        J rp = {{"resourceType", "RelatedPerson"},
                {"patient", reference(patient_url, patient_name)},
                {"relationship", J::array({J{{"text", c.relation.empty() ? enum_label(lang, c.role) : c.relation}}})}};
        if (!c.name.empty()) rp["name"] = J::array({J{{"text", c.name}}});
        add("contributor-" + c.id, std::move(rp));
    }

    // The answers.
    const Words words{p, std::string(lang_text_tag(lang))};
    J items = J::array();
    items.push_back(answer_item(
        "kind", J{{"valueCoding", {{"code", std::string(enum_name(p.kind))}, {"display", enum_label(lang, p.kind)}}}}));
    for (NoticedBy b : p.need_noticed.by) items.push_back(string_item("need-noticed", noticed_label(p, b, lang)));
    for (const Section* sec : questionnaire_sections()) {
        // A repeating section has a group per item (a need, a question), made by its own case.
        const bool grouped = sec->fhir_group && !sec->fhir_repeats;
        J g = J::array();
        J& into = grouped ? g : items;
        for (const WordsPart<Preparation>& w : sec->words)
            if (w.link_id) add_voices(into, w.link_id, w.entries(p), words, lang);
        own_answers(into, sec->id, p, words, lang);
        if (grouped) add_group(items, sec->fhir_group, std::move(g));
    }
    J qr = {{"resourceType", "QuestionnaireResponse"},
            {"questionnaire", std::string(kQuestionnaireUrl) + "|" + kQuestionnaireVersion},
            {"status", "completed"},
            {"language", words.response_language},
            {"subject", reference(patient_url, patient_name)},
            {"author", reference(patient_url, patient_name)},
            {"source", reference(patient_url, patient_name)},
            {"item", std::move(items)}};
    if (is_utc_instant(meta.updated)) qr["authored"] = meta.updated;
    // The KVÅ code that matches this kind of SIP, suggested to whoever registers the meeting once
    // the meeting has established or followed up the plan (not before; never for a contribution).
    if (const auto kva = kva_suggestion(p)) {
        qr["extension"] = J::array(
            {J{{"url", kKvaExtensionUrl},
               {"valueCoding", {{"system", kKvaSystem}, {"code", kva->code}, {"display", tr(lang, kva->text_key)}}}}});
    }
    add("questionnaire-response", std::move(qr));

    // One Consent per consent entry.
    for (const Consent& c : p.consents) {
        // Everything in a preparation is a wish (seed 001: the consent is taken by the one who
        // offers the SIP): never "active"; "rejected" for a no, "inactive" once taken back, run out or the SIP closed.
        const ConsentState state = consent_status(p, c, today).state;
        const char* status =
            state == ConsentState::Denied || state == ConsentState::GuardianDeclines ? "rejected"
            : state == ConsentState::Withdrawn || state == ConsentState::Expired || state == ConsentState::Ended
                ? "inactive"
            : state == ConsentState::Unanswered ? "draft"
                                                : "proposed";
        J performers = J::array();
        std::string date = c.valid_from;
        if (c.given_by == ConsentGiver::Guardians) {
            for (const GuardianAnswerOf& g : guardian_answers(p, c.guardian_approvals))
                if (g.answer == GuardianAnswer::Agrees) {
                    performers.push_back(reference(rep_urls[g.guardian->id]));
                    if (parse_iso_date(g.date) && (date.empty() || date < g.date)) date = g.date;
                }
        } else if (c.given_by == ConsentGiver::Representative && rep_urls.count(c.representative_id)) {
            performers.push_back(reference(rep_urls[c.representative_id]));
        } else {
            performers.push_back(reference(patient_url, patient_name));
        }
        J provision = {
            {"actor",
             J::array(
                 {J{{"role",
                     {{"coding", J::array({J{{"system", "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"},
                                             {"code", "IRCP"},
                                             {"display", "information recipient"}}})}}},
                    {"reference", {{"display", consent_receiver_label(p, c.actor, lang)}}}}})}};
        if (c.decision != ConsentDecision::Unanswered)
            provision["type"] = c.decision == ConsentDecision::Permit ? "permit" : "deny";
        J period = J::object();
        if (parse_iso_date(c.valid_from)) period["start"] = c.valid_from;
        std::string end = c.valid_to;
        if (!c.revoked_on.empty() && parse_iso_date(c.revoked_on) && (end.empty() || c.revoked_on < end))
            end = c.revoked_on;
        if (parse_iso_date(end)) period["end"] = end;
        if (!period.empty()) provision["period"] = period;
        J classes = J::array();
        for (InfoCategory k : c.categories)
            classes.push_back(J{{"system", "https://sipprep.example/fhir/CodeSystem/information-category"},
                                {"code", std::string(enum_name(k))},
                                {"display", enum_label(lang, k)}});
        if (!classes.empty()) provision["class"] = classes;
        if (!c.information.empty()) provision["code"] = J::array({J{{"text", c.information}}});
        J consent = consent_resource(status, "patient-privacy", reference(patient_url, patient_name), performers,
                                     tr(lang, "fhir.policy"));
        consent["provision"] = provision;
        if (parse_iso_date(date)) consent["dateTime"] = date;
        add("consent-" + c.id, std::move(consent));
    }

    // The wish to have a SIP at all (1.2), with the guardians who said yes as performers.
    if (p.kind != PreparationKind::Contribution && !(p.sip_consent == SipConsent{})) {
        const SipConsent& sip = p.sip_consent;
        J performers = J::array({reference(patient_url, patient_name)});
        bool guardian_no = false;
        for (const GuardianAnswerOf& g : guardian_answers(p, sip.guardians)) {
            guardian_no = guardian_no || g.answer == GuardianAnswer::Declines;
            if (g.answer == GuardianAnswer::Agrees) performers.push_back(reference(rep_urls[g.guardian->id]));
        }
        const bool no = sip.wants == YesNo::No || guardian_no;
        J consent = consent_resource(no                        ? "rejected"
                                     : sip.wants == YesNo::Yes ? "proposed"
                                                               : "draft",
                                     "treatment", reference(patient_url, patient_name), performers,
                                     tr(lang, "fhir.policy.sip"));
        if (sip.wants != YesNo::Unanswered) consent["provision"] = {{"type", no ? "deny" : "permit"}};
        add("consent-sip", std::move(consent));
    }

    J bundle = {{"resourceType", "Bundle"}, {"type", "collection"}, {"entry", std::move(entries)}};
    if (is_utc_instant(meta.updated)) bundle["timestamp"] = meta.updated;
    bundle["identifier"] = {{"system", "urn:ietf:rfc:3986"}, {"value", uuid_for(seed)}};
    return bundle;
}

std::vector<std::string> check_fhir_required(const J& bundle) {
    std::vector<std::string> missing;
    auto need = [&](const J& obj, const char* what, const std::string& where) {
        if (!obj.contains(what) || obj[what].is_null() || (obj[what].is_array() && obj[what].empty()))
            missing.push_back(where + ": " + what);
    };
    need(bundle, "type", "Bundle");
    if (!bundle.contains("entry")) return missing;
    for (std::size_t i = 0; i < bundle["entry"].size(); ++i) {
        const J& r = bundle["entry"][i]["resource"];
        const std::string type = r.value("resourceType", "");
        const std::string where = type + " (entry " + std::to_string(i) + ")";
        if (type == "QuestionnaireResponse") need(r, "status", where);
        if (type == "RelatedPerson") need(r, "patient", where);
        if (type == "Consent") {
            for (const char* f : {"status", "scope", "category"}) need(r, f, where);
            if (!r.contains("policy") && !r.contains("policyRule")) missing.push_back(where + ": policy or policyRule");
            if (r.contains("provision") && r["provision"].contains("actor"))
                for (const J& a : r["provision"]["actor"]) {
                    need(a, "role", where + " provision.actor");
                    need(a, "reference", where + " provision.actor");
                }
        }
        if (!bundle["entry"][i].contains("fullUrl")) missing.push_back(where + ": fullUrl");
    }
    return missing;
}

}  // namespace sipprep
