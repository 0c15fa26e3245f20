#include "issue.hpp"

#include <cctype>
#include <string_view>
#include <utility>

namespace sipprep {

namespace {

// The question the form asks for a field with no name of its own ("field.…"): the step's words for
// it. "field.agreed.lead_person" -> "agreed.lead_person", "field.participation.adaptations.aac_note"
// -> "adapt.aac_note".
std::string asked_as(const std::string& key) {
    static const std::pair<std::string_view, std::string_view> renamed[] = {
        {"participation.adaptations.", "adapt."},
        {"evaluation.", "eval."},
        {"invitations.support_person.", "invite.support."},
        {"participation.pre_meeting_allowed", "participation.pre_meeting"},
    };
    std::string k = key.substr(6);  // "field."
    for (const auto& [from, to] : renamed)
        if (k.rfind(from, 0) == 0) return std::string(to) + k.substr(from.size());
    return k;
}

}  // namespace

std::string field_label(Lang lang, const std::string& path) {
    // "/content/consents/2/valid_to" -> "Samtycke 3 › Giltigt till" from the keys
    // "field.consents" and "field.consents.valid_to".
    std::vector<std::string> parts;
    std::string key = "field";
    bool last_was_index = false;
    std::string last_name;
    std::size_t start = path.rfind("/content", 0) == 0 ? 8 : 0;
    for (std::size_t i = start; i < path.size();) {
        std::size_t next = path.find('/', i + 1);
        std::string part = path.substr(i + 1, next == std::string::npos ? std::string::npos : next - i - 1);
        i = next == std::string::npos ? path.size() : next;
        if (part.empty()) continue;
        bool is_index = true;
        for (char c : part) is_index = is_index && std::isdigit(static_cast<unsigned char>(c));
        if (is_index && part.size() < 9) {
            std::string label = has_text(lang, key) ? tr(lang, key) : std::string();
            unsigned long index = 0;
            for (char c : part) index = index * 10 + static_cast<unsigned long>(c - '0');
            parts.push_back(label + (label.empty() ? "" : " ") + std::to_string(index + 1));
        } else {
            key += "." + part;
            last_name = part;
        }
        last_was_index = is_index;
    }
    if (!last_was_index) {
        if (key == "field") key = "field.bundle";
        const std::string generic = "field." + last_name;  // e.g. "field.author" for any author
        // A member with no name for people is left out ("Vårdnadshavarnas svar 2", not
        // "… › /content/sip_consent/guardians/1/agrees", which a printout showed everyone); the
        // path only where nothing else says where.
        if (has_text(lang, key))
            parts.push_back(tr(lang, key));
        else if (const std::string asked = asked_as(key); has_text(lang, asked))
            parts.push_back(tr(lang, asked));
        else if (has_text(lang, generic))
            parts.push_back(tr(lang, generic));
        else if (parts.empty())
            parts.push_back(path);
    }
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : " \u203a ") + p;
    return out;
}

std::string describe(const Issue& issue, Lang lang, Reader reader) {
    // A field may word a general message its own way: "msg.schema.value.written_language".
    const std::string specific = "msg." + issue.code + "." + issue.path.substr(issue.path.rfind('/') + 1);
    const std::string about = "pro.msg." + issue.code;
    const std::string& key = reader == Reader::Professional && has_text(lang, about) ? about
                             : has_text(lang, specific)                              ? specific
                                                                                     : "msg." + issue.code;
    std::string text = format_text(tr(lang, key), issue.args);
    if (issue.path.empty()) return text;
    if (issue.code == "bundle.unknown_field" || issue.code == "bundle.unknown_words")
        return issue.path + ": " + text;  // a member no one has named
    return field_label(lang, issue.path) + ": " + text;
}

bool has_errors(const std::vector<Issue>& issues) {
    for (const Issue& i : issues)
        if (i.severity == Severity::Error) return true;
    return false;
}

bool only_not_filled_in(const Issue& issue) {
    static const char* const codes[] = {"adapt.interpreter_language",
                                        "agreed.no_follow_up",
                                        "agreed.no_lead",
                                        "consent.no_information",
                                        "consent.no_period",
                                        "consent.none",
                                        "consent.unanswered",
                                        "contribution.no_name",
                                        "contribution.no_person",
                                        "effort.no_what",
                                        "followup.effort_unanswered",
                                        "followup.empty",
                                        "goal.missing",
                                        "invite.none",
                                        "invite.other_unnamed",
                                        "needs.other_unnamed",
                                        "noticed.other_unnamed",
                                        "pnr.missing",
                                        "question.empty",
                                        "questions.none",
                                        "sip_consent.unanswered"};
    for (const char* code : codes)
        if (issue.code == code) return true;
    return false;
}

}  // namespace sipprep
