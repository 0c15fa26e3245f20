#include "model_json.hpp"

#include <initializer_list>
#include <string_view>

#include "enum_names.hpp"

namespace sipprep {
namespace {

// ---- writing ----

template <typename E> Json name_of(E e) { return std::string(enum_name(e)); }

template <typename E> Json names_of(const std::vector<E>& values) {
    Json a = Json::array();
    for (E e : values) a.push_back(name_of(e));
    return a;
}

Json entry_json(const Entry& e) { return Json{{"author", e.author}, {"text", e.text}}; }

Json entries_json(const std::vector<Entry>& entries) {
    Json a = Json::array();
    for (const Entry& e : entries) a.push_back(entry_json(e));
    return a;
}

Json voices_json(const Voices& v) { return entries_json(v.entries); }

template <typename T, typename F> Json list_json(const std::vector<T>& items, F&& f) {
    Json a = Json::array();
    for (const T& item : items) a.push_back(f(item));
    return a;
}

// ---- reading: tolerant of wrong types (the schema reports them), never throws ----

class Reader {
public:
    explicit Reader(std::vector<std::string>* unknown) : unknown_(unknown) {}

    // Reports members of `obj` that are not in `known`.
    void check_known(const JsonIn& obj, const std::string& path, std::initializer_list<std::string_view> known) {
        if (!unknown_ || !obj.is_object()) return;
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            bool found = false;
            for (std::string_view k : known) found = found || it.key() == k;
            if (!found) unknown_->push_back(path + "/" + it.key());
        }
    }

private:
    std::vector<std::string>* unknown_;
};

const JsonIn& member(const JsonIn& obj, const char* key) {
    static const JsonIn null_json;
    if (!obj.is_object()) return null_json;
    auto it = obj.find(key);
    return it == obj.end() ? null_json : *it;
}

std::string str(const JsonIn& obj, const char* key) {
    const JsonIn& v = member(obj, key);
    return v.is_string() ? v.get<std::string>() : std::string();
}

bool boolean(const JsonIn& obj, const char* key) {
    const JsonIn& v = member(obj, key);
    return v.is_boolean() && v.get<bool>();
}

int integer(const JsonIn& obj, const char* key) {
    const JsonIn& v = member(obj, key);
    return v.is_number_integer() ? v.get<int>() : 0;
}

template <typename E> E enum_member(const JsonIn& obj, const char* key, E fallback) {
    const JsonIn& v = member(obj, key);
    if (!v.is_string()) return fallback;
    return enum_from_name<E>(v.get<std::string>()).value_or(fallback);
}

template <typename E> std::vector<E> enum_list(const JsonIn& obj, const char* key) {
    std::vector<E> out;
    const JsonIn& v = member(obj, key);
    if (!v.is_array()) return out;
    for (const JsonIn& item : v)
        if (item.is_string())
            if (auto e = enum_from_name<E>(item.get<std::string>())) out.push_back(*e);
    return out;
}

template <typename T, typename F> std::vector<T> list(const JsonIn& obj, const char* key, F&& f) {
    std::vector<T> out;
    const JsonIn& v = member(obj, key);
    if (!v.is_array()) return out;
    for (std::size_t i = 0; i < v.size(); ++i) out.push_back(f(v[i], i));
    return out;
}

}  // namespace

Json to_json(const Preparation& p) {
    Json j;
    j["kind"] = name_of(p.kind);
    j["owner"] = {{"name", p.owner.name},
                  {"personal_id", p.owner.personal_id},
                  {"address", p.owner.address},
                  {"phone", p.owner.phone}};
    j["representatives"] = list_json(p.representatives, [](const Representative& r) {
        return Json{{"id", r.id},       {"name", r.name},   {"kind", name_of(r.kind)},
                    {"relation", r.relation}, {"phone", r.phone}, {"personal_id", r.personal_id}};
    });
    j["contributors"] = list_json(p.contributors, [](const Contributor& c) {
        return Json{{"id", c.id}, {"name", c.name}, {"role", name_of(c.role)}, {"relation", c.relation}};
    });
    j["need_noticed"] = {{"by", names_of(p.need_noticed.by)}, {"other", p.need_noticed.other}};
    j["follow_up"] = {{"how_it_went", voices_json(p.follow_up.how_it_went)},
                      {"what_changed", voices_json(p.follow_up.what_changed)},
                      {"efforts_done", voices_json(p.follow_up.efforts_done)},
                      {"efforts_helped", voices_json(p.follow_up.efforts_helped)},
                      {"other_needed", voices_json(p.follow_up.other_needed)}};
    j["goals"] = {{"long_term", voices_json(p.goals.long_term)}, {"short_term", entries_json(p.goals.short_term)}};
    j["situation"] = {{"now", voices_json(p.situation.now)},
                      {"works_well", voices_json(p.situation.works_well)},
                      {"strengths", voices_json(p.situation.strengths)}};
    j["needs"] = list_json(p.needs, [](const AreaNeeds& n) {
        return Json{{"area", name_of(n.area)},
                    {"other_label", n.other_label},
                    {"can_do_myself", voices_json(n.can_do_myself)},
                    {"need_help_with", voices_json(n.need_help_with)}};
    });
    j["questions"] = list_json(p.questions, [](const Question& q) {
        return Json{{"id", q.id},
                    {"author", q.author},
                    {"text", q.text},
                    {"priority", name_of(q.priority)},
                    {"for_whom", q.for_whom}};
    });
    const Invitations& inv = p.invitations;
    j["invitations"] = {
        {"actors", list_json(inv.actors,
                             [](const Invitee& a) {
                                 return Json{{"id", a.id},
                                             {"kind", name_of(a.kind)},
                                             {"other_label", a.other_label},
                                             {"unit", a.unit},
                                             {"contact", a.contact}};
                             })},
        {"support_person", {{"name", inv.support_person.name}, {"contact", inv.support_person.contact}}},
        {"trusted_most", inv.trusted_most},
        {"trusted_note", inv.trusted_note}};
    const Participation& part = p.participation;
    const Adaptations& ad = part.adaptations;
    j["participation"] = {{"modes", names_of(part.modes)},
                          {"adaptations",
                           {{"interpreter", ad.interpreter},
                            {"interpreter_language", ad.interpreter_language},
                            {"sign_language", ad.sign_language},
                            {"aac", ad.aac},
                            {"aac_note", ad.aac_note},
                            {"easy_language", ad.easy_language},
                            {"physical_access", ad.physical_access},
                            {"breaks", ad.breaks},
                            {"other", ad.other}}},
                          {"wished_date", part.wished_date},
                          {"wished_time", part.wished_time},
                          {"wished_place", part.wished_place},
                          {"topics_to_avoid", voices_json(part.topics_to_avoid)},
                          {"pre_meeting_allowed", name_of(part.pre_meeting_allowed)}};
    j["consents"] = list_json(p.consents, [](const Consent& c) {
        return Json{{"id", c.id},
                    {"actor", c.actor},
                    {"decision", name_of(c.decision)},
                    {"information", c.information},
                    {"categories", names_of(c.categories)},
                    {"valid_from", c.valid_from},
                    {"valid_to", c.valid_to},
                    {"form", name_of(c.form)},
                    {"given_by", name_of(c.given_by)},
                    {"guardian_approvals", list_json(c.guardian_approvals,
                                                     [](const GuardianApproval& g) {
                                                         return Json{{"representative_id", g.representative_id},
                                                                     {"date", g.date},
                                                                     {"agrees", g.agrees}};
                                                     })},
                    {"representative_id", c.representative_id},
                    {"representative_basis", c.representative_basis},
                    {"revoked_on", c.revoked_on}};
    });
    j["evaluation"] = {{"listened_to", p.evaluation.listened_to},
                       {"understood", p.evaluation.understood},
                       {"started_from_me", p.evaluation.started_from_me},
                       {"comment", p.evaluation.comment}};
    return j;
}

Preparation preparation_from_json(const JsonIn& c, std::vector<std::string>* unknown_fields) {
    Reader r(unknown_fields);
    r.check_known(c, "/content",
                  {"kind", "owner", "representatives", "contributors", "need_noticed", "follow_up", "goals",
                   "situation", "needs", "questions", "invitations", "participation", "consents", "evaluation"});

    auto entry = [&](const JsonIn& e, const std::string& path) {
        r.check_known(e, path, {"author", "text"});
        return Entry{str(e, "author"), str(e, "text")};
    };
    auto entries = [&](const JsonIn& obj, const char* key, const std::string& path) {
        return list<Entry>(obj, key, [&](const JsonIn& e, std::size_t i) {
            return entry(e, path + "/" + key + "/" + std::to_string(i));
        });
    };
    auto voices = [&](const JsonIn& obj, const char* key, const std::string& path) {
        return Voices{entries(obj, key, path)};
    };

    Preparation p;
    p.kind = enum_member(c, "kind", PreparationKind::NewPlan);

    const JsonIn& owner = member(c, "owner");
    r.check_known(owner, "/content/owner", {"name", "personal_id", "address", "phone"});
    p.owner = PlanOwner{str(owner, "name"), str(owner, "personal_id"), str(owner, "address"), str(owner, "phone")};

    p.representatives = list<Representative>(c, "representatives", [&](const JsonIn& o, std::size_t i) {
        r.check_known(o, "/content/representatives/" + std::to_string(i),
                      {"id", "name", "kind", "relation", "phone", "personal_id"});
        return Representative{str(o, "id"),       str(o, "name"),  enum_member(o, "kind", RepresentativeKind::Guardian),
                              str(o, "relation"), str(o, "phone"), str(o, "personal_id")};
    });
    p.contributors = list<Contributor>(c, "contributors", [&](const JsonIn& o, std::size_t i) {
        r.check_known(o, "/content/contributors/" + std::to_string(i), {"id", "name", "role", "relation"});
        return Contributor{str(o, "id"), str(o, "name"), enum_member(o, "role", ContributorRole::Relative),
                           str(o, "relation")};
    });

    const JsonIn& noticed = member(c, "need_noticed");
    r.check_known(noticed, "/content/need_noticed", {"by", "other"});
    p.need_noticed = NeedNoticed{enum_list<NoticedBy>(noticed, "by"), str(noticed, "other")};

    const JsonIn& fu = member(c, "follow_up");
    const std::string fu_path = "/content/follow_up";
    r.check_known(fu, fu_path, {"how_it_went", "what_changed", "efforts_done", "efforts_helped", "other_needed"});
    p.follow_up = FollowUp{voices(fu, "how_it_went", fu_path), voices(fu, "what_changed", fu_path),
                           voices(fu, "efforts_done", fu_path), voices(fu, "efforts_helped", fu_path),
                           voices(fu, "other_needed", fu_path)};

    const JsonIn& goals = member(c, "goals");
    r.check_known(goals, "/content/goals", {"long_term", "short_term"});
    p.goals = Goals{voices(goals, "long_term", "/content/goals"), entries(goals, "short_term", "/content/goals")};

    const JsonIn& sit = member(c, "situation");
    r.check_known(sit, "/content/situation", {"now", "works_well", "strengths"});
    p.situation = Situation{voices(sit, "now", "/content/situation"), voices(sit, "works_well", "/content/situation"),
                            voices(sit, "strengths", "/content/situation")};

    p.needs = list<AreaNeeds>(c, "needs", [&](const JsonIn& o, std::size_t i) {
        const std::string path = "/content/needs/" + std::to_string(i);
        r.check_known(o, path, {"area", "other_label", "can_do_myself", "need_help_with"});
        return AreaNeeds{enum_member(o, "area", LifeArea::Other), str(o, "other_label"),
                         voices(o, "can_do_myself", path), voices(o, "need_help_with", path)};
    });
    p.questions = list<Question>(c, "questions", [&](const JsonIn& o, std::size_t i) {
        r.check_known(o, "/content/questions/" + std::to_string(i), {"id", "author", "text", "priority", "for_whom"});
        return Question{str(o, "id"), str(o, "author"), str(o, "text"), enum_member(o, "priority", Priority::None),
                        str(o, "for_whom")};
    });

    const JsonIn& inv = member(c, "invitations");
    r.check_known(inv, "/content/invitations", {"actors", "support_person", "trusted_most", "trusted_note"});
    p.invitations.actors = list<Invitee>(inv, "actors", [&](const JsonIn& o, std::size_t i) {
        r.check_known(o, "/content/invitations/actors/" + std::to_string(i),
                      {"id", "kind", "other_label", "unit", "contact"});
        return Invitee{str(o, "id"), enum_member(o, "kind", ActorKind::Other), str(o, "other_label"), str(o, "unit"),
                       str(o, "contact")};
    });
    const JsonIn& sp = member(inv, "support_person");
    r.check_known(sp, "/content/invitations/support_person", {"name", "contact"});
    p.invitations.support_person = SupportPerson{str(sp, "name"), str(sp, "contact")};
    p.invitations.trusted_most = str(inv, "trusted_most");
    p.invitations.trusted_note = str(inv, "trusted_note");

    const JsonIn& part = member(c, "participation");
    r.check_known(part, "/content/participation",
                  {"modes", "adaptations", "wished_date", "wished_time", "wished_place", "topics_to_avoid",
                   "pre_meeting_allowed"});
    p.participation.modes = enum_list<ParticipationMode>(part, "modes");
    const JsonIn& ad = member(part, "adaptations");
    r.check_known(ad, "/content/participation/adaptations",
                  {"interpreter", "interpreter_language", "sign_language", "aac", "aac_note", "easy_language",
                   "physical_access", "breaks", "other"});
    p.participation.adaptations =
        Adaptations{boolean(ad, "interpreter"),   str(ad, "interpreter_language"), boolean(ad, "sign_language"),
                    boolean(ad, "aac"),           str(ad, "aac_note"),             boolean(ad, "easy_language"),
                    boolean(ad, "physical_access"), boolean(ad, "breaks"),         str(ad, "other")};
    p.participation.wished_date = str(part, "wished_date");
    p.participation.wished_time = str(part, "wished_time");
    p.participation.wished_place = str(part, "wished_place");
    p.participation.topics_to_avoid = voices(part, "topics_to_avoid", "/content/participation");
    p.participation.pre_meeting_allowed = enum_member(part, "pre_meeting_allowed", YesNo::Unanswered);

    p.consents = list<Consent>(c, "consents", [&](const JsonIn& o, std::size_t i) {
        const std::string path = "/content/consents/" + std::to_string(i);
        r.check_known(o, path,
                      {"id", "actor", "decision", "information", "categories", "valid_from", "valid_to", "form",
                       "given_by", "guardian_approvals", "representative_id", "representative_basis", "revoked_on"});
        Consent k;
        k.id = str(o, "id");
        k.actor = str(o, "actor");
        k.decision = enum_member(o, "decision", ConsentDecision::Permit);
        k.information = str(o, "information");
        k.categories = enum_list<InfoCategory>(o, "categories");
        k.valid_from = str(o, "valid_from");
        k.valid_to = str(o, "valid_to");
        k.form = enum_member(o, "form", ConsentForm::Written);
        k.given_by = enum_member(o, "given_by", ConsentGiver::Person);
        k.guardian_approvals = list<GuardianApproval>(o, "guardian_approvals", [&](const JsonIn& g, std::size_t gi) {
            r.check_known(g, path + "/guardian_approvals/" + std::to_string(gi),
                          {"representative_id", "date", "agrees"});
            const JsonIn& agrees = member(g, "agrees");
            return GuardianApproval{str(g, "representative_id"), str(g, "date"),
                                    agrees.is_boolean() ? agrees.get<bool>() : true};
        });
        k.representative_id = str(o, "representative_id");
        k.representative_basis = str(o, "representative_basis");
        k.revoked_on = str(o, "revoked_on");
        return k;
    });

    const JsonIn& ev = member(c, "evaluation");
    r.check_known(ev, "/content/evaluation", {"listened_to", "understood", "started_from_me", "comment"});
    p.evaluation = Evaluation{integer(ev, "listened_to"), integer(ev, "understood"), integer(ev, "started_from_me"),
                              str(ev, "comment")};
    return p;
}

}  // namespace sipprep
