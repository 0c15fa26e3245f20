#include "text_checks.hpp"

#include <set>

#include "hidden_text.hpp"
#include "model_json.hpp"

namespace sipprep {
namespace {

constexpr std::size_t kMaxHiddenIssues = 20;

// Members whose value is exact wherever they are (docs/bundle-format.md lists them).
const std::set<std::string_view, std::less<>>& exact_members() {
    static const std::set<std::string_view, std::less<>> names = {
        "id",      "author",   "actor",        "representative_id", "lead",       "trusted_most", "personal_id",
        "phone",   "service",  "sha256",       "bundle_sha256",     "algorithm",  "saved",        "created",
        "updated", "language", "format",       "wished_date",       "valid_from", "valid_to",     "revoked_on",
        "date",    "by_when",  "follow_up_on", "follow_up_time",    "starts",     "closed_on",    "written_language",
        "reach",  // a contact's phone number or e-mail address
    };
    return names;
}

std::string_view last_token(std::string_view pointer) {
    const std::size_t slash = pointer.rfind('/');
    return slash == std::string_view::npos ? pointer : pointer.substr(slash + 1);
}

// Calls visit(pointer, node) for each string node of `v` (a const or a changeable document).
template <typename J, typename Visit>
void each_string(J& v, std::string* path, const Visit& visit) {
    if (v.is_string()) {
        visit(*path, v);
    } else if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::size_t n = path->size();
            *path += '/' + it.key();  // the format's own names need no "~" escapes
            each_string(*it, path, visit);
            path->resize(n);
        }
    } else if (v.is_array()) {
        for (std::size_t i = 0; i < v.size(); ++i) {
            const std::size_t n = path->size();
            *path += '/' + std::to_string(i);
            each_string(v[i], path, visit);
            path->resize(n);
        }
    }
}

// People's words that stand on one line wherever they are shown (a name in a heading, an address
// on a letter): a line break there would make a line of its own ("Personnummer: …") under it.
bool is_one_line_member(std::string_view name) {
    return name == "name" || name == "relation" || name == "address" || name == "contact" || name == "lead_person" ||
           name == "other_label";
}

bool has_line_break(std::string_view text) { return text.find_first_of("\n\r") != std::string_view::npos; }

// "Kerstin Lund‹U+000A›Personnummer: …": on one line, the break written out.
std::string with_line_breaks_shown(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
        if (text[i] == '\n' || text[i] == '\r')
            out += "\u2039" + code_point_name(0x0A) + "\u203A";
        else
            out += text[i];
    }
    return out;
}

void add_line_break_issue(const std::string& at, std::vector<Issue>* out) {
    out->push_back(Issue{Severity::Warning, at, "text.line_break", {code_point_name(0x0A)}});
}

void add_hidden_issue(const std::string& at, char32_t c, std::vector<Issue>* out) {
    if (is_exact_value(at))
        out->push_back(Issue{Severity::Error, at, "text.hidden_exact", {code_point_name(c)}});
    else
        out->push_back(Issue{Severity::Warning, at, "text.hidden_words", {code_point_name(c)}});
}

// Each text of the content with a hidden character, at its pointer, in the order of the field
// tables (the form's order); a pointer is only made for such a text, so a clean draft costs one
// look at each text.
class HiddenFinder final : public ContentSink {
public:
    explicit HiddenFinder(std::vector<Issue>* out) : out_(out), limit_(out->size() + kMaxHiddenIssues) {}

private:
    struct Step {
        const char* name = nullptr;  // a member's, or else an item's number
        std::size_t index = 0;
    };
    void begin_object() override { path_.emplace_back(); }
    void begin_list() override { path_.emplace_back(); }
    void member(const char* name) override { path_.back().name = name; }
    void item(std::size_t index) override { path_.back().index = index; }
    void end() override { path_.pop_back(); }
    void flag(bool) override {}
    void number(int) override {}
    void text(const std::string& value) override {
        if (out_->size() >= limit_) return;
        const char32_t c = first_hidden_character(value);
        const bool broken =
            !c && !path_.empty() && path_.back().name && is_one_line_member(path_.back().name) && has_line_break(value);
        if (!c && !broken) return;
        std::string at = "/content";
        for (const Step& s : path_) at += '/' + (s.name ? std::string(s.name) : std::to_string(s.index));
        if (c)
            add_hidden_issue(at, c, out_);
        else
            add_line_break_issue(at, out_);
    }
    std::vector<Step> path_;
    std::vector<Issue>* out_;
    std::size_t limit_;
};

}  // namespace

bool is_exact_value(std::string_view pointer) {
    const std::string_view name = last_token(pointer);
    if (exact_members().count(name)) return true;
    // The interpreter's "who" is a contributor's id; an effort's "who" is words ("Hemtjänsten").
    if (name == "who") return pointer.find("/interpreters/") != std::string_view::npos;
    return pointer == "/app/name" || pointer == "/app/version";
}

void check_hidden_characters(const nlohmann::json& value, std::string* path, std::vector<Issue>* out) {
    each_string(value, path, [&](const std::string& at, const nlohmann::json& node) {
        if (out->size() >= kMaxHiddenIssues) return;
        const std::string& text = node.get_ref<const std::string&>();
        if (const char32_t c = first_hidden_character(text))
            add_hidden_issue(at, c, out);
        else if (is_one_line_member(last_token(at)) && has_line_break(text))
            add_line_break_issue(at, out);
    });
}

void check_hidden_characters(const Preparation& p, std::vector<Issue>* out) {
    HiddenFinder finder(out);
    walk_content(p, finder);
}

Preparation shown_to_professional(const Preparation& p) {
    Json content = to_json(p);
    std::string path = "/content";
    bool changed = false;
    each_string(content, &path, [&](const std::string& at, Json& node) {
        std::string& text = node.get_ref<std::string&>();
        // An exact value with one is an error but still read: shown too (an id the same way
        // wherever it is used, so references still meet), and not isolated (FHIR identifiers).
        std::string shown = with_hidden_characters_shown(text);
        if (is_one_line_member(last_token(at)) && has_line_break(shown)) shown = with_line_breaks_shown(shown);
        if (!is_exact_value(at)) shown = isolated(shown);
        if (shown == text) return;
        text = std::move(shown);
        changed = true;
    });
    return changed ? preparation_from_json(content) : p;
}

}  // namespace sipprep
