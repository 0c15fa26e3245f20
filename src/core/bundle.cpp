#include "bundle.hpp"

#include <array>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "base/json_parse.hpp"
#include "base/utf8.hpp"
#include "canonical.hpp"
#include "hidden_text.hpp"
#include "migration.hpp"
#include "model_json.hpp"
#include "schema_check.hpp"
#include "text_checks.hpp"
#include "validation.hpp"

namespace sipprep {
namespace {

// The deepest nesting of arrays and objects in `text`, counted without building anything, so
// that nothing recursive ever sees a too-deep document. Stops counting past `limit`.
int nesting_depth(std::string_view text, int limit) {
    int depth = 0, deepest = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > deepest && (deepest = depth) > limit) return deepest;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

Issue error(std::string path, std::string code, std::vector<std::string> args = {}) {
    return Issue{Severity::Error, std::move(path), std::move(code), std::move(args)};
}

}  // namespace

std::string canonical_content(const Preparation& p) { return canonical_text(to_json(p)); }

const char* integrity_name(Integrity i) {
    switch (i) {
        case Integrity::Unchanged:
            return "unchanged";
        case Integrity::Changed:
            return "changed";
        case Integrity::ContentOnly:
            return "content_only";
        case Integrity::Missing:
            break;
    }
    return "missing";
}

Json bundle_without_checksums(const Preparation& p, const BundleMeta& meta) {
    Json b;
    b["format"] = kBundleFormat;
    b["version"] = kBundleVersion;
    b["created"] = meta.created;
    b["updated"] = meta.updated;
    b["app"] = {{"name", meta.app_name}, {"version", meta.app_version}};
    b["language"] = std::string(lang_code(meta.language));
    b["content"] = to_json(p);
    return b;
}

Json bundle_document(const Preparation& p, const BundleMeta& meta) {
    Json b = bundle_without_checksums(p, meta);
    const BundleHashes hash = canonical_bundle_sha256(b);
    b["integrity"] = {{"algorithm", "sha256"}, {"sha256", hash.content}, {"bundle_sha256", hash.bundle}};
    return b;
}

std::string export_bundle(const Preparation& p, const BundleMeta& meta) {
    return bundle_document(p, meta).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

namespace {

// The first control character in `s` (utf8.hpp says which), as its code, or -1. `line_ends`: a
// carriage return is a line's end (Windows), not one.
long control_character(const std::string& s, bool line_ends = false) {
    // Most bytes cannot start one: a table lookup skips them (this runs over every text of a file).
    static constexpr auto kMaybe = [] {
        std::array<bool, 256> t{};
        for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = c != '\n' && c != '\t';
        t[0x7F] = t[0xC2] = true;
        return t;
    }();
    const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!kMaybe[bytes[i]] || (line_ends && bytes[i] == '\r')) continue;
        const std::size_t len = control_character_at(s, i);
        if (len == 1) return static_cast<unsigned char>(s[i]);
        if (len == 2) return static_cast<unsigned char>(s[i + 1]);
    }
    return -1;
}

constexpr std::size_t kMaxControlIssues = 20;
// How much of an unknown member's words its message quotes.
constexpr std::size_t kUnknownWordsChars = 600;

void control_issue(const std::string& path, long c, std::vector<Issue>* out) {
    char code[8];
    std::snprintf(code, sizeof code, "U+%04lX", static_cast<unsigned long>(c));
    out->push_back(error(path, "bundle.control_char", {code}));
}

// Control characters in any value, and control or hidden characters (hidden_text.hpp) in any
// member name: no name of the format has one, and the name would reach messages and paths.
void find_control_characters(const JsonIn& v, std::string* path, std::vector<Issue>* out) {
    if (out->size() >= kMaxControlIssues) return;
    if (v.is_string()) {
        // What people wrote may end its lines as Windows does (a file edited in Notepad).
        const long c = control_character(v.get_ref<const std::string&>(), path->rfind("/content/", 0) == 0);
        if (c >= 0) control_issue(*path, c, out);
    } else if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::size_t n = path->size();
            *path += '/';
            // Shown, not as it is: the path is printed and drawn.
            for (char ch : with_hidden_characters_shown(it.key()))
                *path += ch == '~' ? std::string("~0") : ch == '/' ? std::string("~1") : std::string(1, ch);
            const long c = control_character(it.key());
            const char32_t hidden = first_hidden_character(it.key());
            if (c >= 0 || hidden != 0)
                control_issue(*path, c >= 0 ? c : static_cast<long>(hidden), out);
            else
                find_control_characters(*it, path, out);
            path->resize(n);
        }
    } else if (v.is_array()) {
        for (std::size_t i = 0; i < v.size(); ++i) {
            const std::size_t n = path->size();
            *path += '/' + std::to_string(i);
            find_control_characters(v[i], path, out);
            path->resize(n);
        }
    }
}

// Each text's Windows line ends ("\r\n", or a lone "\r") made "\n", as the app's own fields
// make them when something is pasted; returns how many texts had one.
std::size_t with_plain_line_ends(JsonIn& v) {
    std::size_t texts = 0;
    if (v.is_string()) {
        std::string& text = v.get_ref<std::string&>();
        if (text.find('\r') == std::string::npos) return 0;
        std::string out;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] != '\r') {
                out += text[i];
            } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
                out += '\n';
            }
        }
        text = std::move(out);
        return 1;
    }
    if (v.is_object() || v.is_array())
        for (auto& child : v) texts += with_plain_line_ends(child);
    return texts;
}

// `created` and `updated` are shown ("Exported: …") and go into FHIR as instants: one that is
// not "YYYY-MM-DDTHH:MM:SSZ" is reported and left out, never shown as it is.
void read_time(const JsonIn& doc, const char* key, std::string* out, std::vector<Issue>* issues) {
    auto it = doc.find(key);
    if (it == doc.end() || !it->is_string()) return;
    const std::string& value = it->get_ref<const std::string&>();
    if (value.empty()) return;  // not exported yet (a draft): nothing to say
    if (is_utc_instant(value))
        *out = value;
    else
        issues->push_back(Issue{Severity::Warning, std::string("/") + key, "bundle.bad_time", {}});
}

}  // namespace

ImportResult import_bundle(std::string_view text) { return import_bundle(text, today_local()); }

ImportResult import_bundle(std::string_view text, const Date& today, Limits limits) {
    ImportResult r;
    if (text.size() > kMaxBundleBytes) {
        // Not the file's size in whole MB: a file just over the limit read "6 MB, at most 5".
        r.issues.push_back(error("", "bundle.too_large", {std::to_string(kMaxBundleBytes / 1024 / 1024)}));
        return r;
    }
    // Empty, or only spaces, line ends and a byte order mark (a file saved empty in Notepad).
    std::string_view rest = text;
    if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
    if (rest.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        r.issues.push_back(error("", "bundle.empty"));
        return r;
    }
    if (nesting_depth(text, kMaxBundleDepth) > kMaxBundleDepth) {
        r.issues.push_back(error("", "bundle.too_deep", {std::to_string(kMaxBundleDepth)}));
        return r;
    }
    JsonIn doc;
    JsonDuplicate duplicate;
    std::size_t error_at = 0;
    if (!parse_json(text, &doc, &duplicate, &error_at)) {
        // A successful parse implies well-formed UTF-8; after a failure, say which problem it is.
        std::size_t bad = 0;
        if (!is_valid_utf8(text, &bad)) {
            r.issues.push_back(error("", "bundle.not_utf8", {std::to_string(bad)}));
            return r;
        }
        r.issues.push_back(error("", "bundle.not_json", {std::to_string(utf8_character_number(text, error_at))}));
        return r;
    }
    // Two values for one name: which one counts is up to the reader, so the file means two things.
    if (!duplicate.key.empty()) {
        r.issues.push_back(error("", "bundle.duplicate_key",
                                 {with_hidden_characters_shown(utf8_excerpt(duplicate.key, 80)),
                                  std::to_string(utf8_character_number(text, duplicate.offset))}));
        return r;
    }
    return import_document(std::move(doc), today, limits);
}

ImportResult import_document(JsonIn doc, const Date& today, Limits limits) {
    ImportResult r;
    if (!doc.is_object()) {
        r.issues.push_back(error("", "bundle.not_object"));
        return r;
    }
    auto format = doc.find("format");
    if (format == doc.end() || !format->is_string() || format->get<std::string>() != kBundleFormat) {
        r.issues.push_back(error("/format", "bundle.wrong_format"));
        return r;
    }
    auto version = doc.find("version");
    // 1.0 is 1 (a tool that writes every number with a decimal point): JSON Schema says the same.
    const bool whole = version != doc.end() &&
                       (version->is_number_integer() ||
                        (version->is_number_float() && version->get<double>() == std::floor(version->get<double>()) &&
                         std::abs(version->get<double>()) < 1e9));
    if (!whole || version->get<long long>() < 0) {
        r.issues.push_back(error("/version", "bundle.bad_version"));
        return r;
    }
    if (version->get<long long>() > kBundleVersion) {
        r.issues.push_back(error("/version", "bundle.newer_version",
                                 {std::to_string(version->get<long long>()), std::to_string(kBundleVersion)}));
        return r;
    }
    r.source_version = static_cast<int>(version->get<long long>());
    std::vector<UnknownField> unknown;
    // "version": 0 over a file written as version 1 (its writers and owner: version 0 had only a
    // goal and questions), changed by hand: read as what it is. Taken for version 0, everything in
    // it was left out and the file read as empty.
    if (r.source_version == 0 && doc.contains("content") && doc["content"].is_object() &&
        (doc["content"].contains("contributors") || doc["content"].contains("owner"))) {
        r.issues.push_back(Issue{Severity::Warning, "/version", "bundle.version_zero_of_one", {}});
        r.source_version = kBundleVersion;
    }
    if (r.source_version == 0) {
        doc = migrate_v0_to_v1(doc, &unknown);
        r.issues.push_back(
            Issue{Severity::Warning, "/version", "bundle.migrated", {"0", std::to_string(kBundleVersion)}});
    }
    // The format's limits (how many entries a list may have, how long a text may be) are
    // checked before any model is built: a file beyond them is not read further.
    bool over_limits = false;
    for (Issue& i : check_schema(doc)) {
        over_limits = over_limits || beyond_limits(i);
        r.issues.push_back(std::move(i));
    }
    if (over_limits && limits == Limits::Enforce) return r;

    auto str = [&](const char* key) {
        auto it = doc.find(key);
        return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    read_time(doc, "created", &r.meta.created, &r.issues);
    read_time(doc, "updated", &r.meta.updated, &r.issues);
    Lang lang = Lang::Sv;
    if (lang_from_code(str("language"), &lang)) r.meta.language = lang;
    if (auto app = doc.find("app"); app != doc.end() && app->is_object()) {
        if (auto n = app->find("name"); n != app->end() && n->is_string()) r.meta.app_name = n->get<std::string>();
        if (auto v = app->find("version"); v != app->end() && v->is_string())
            r.meta.app_version = v->get<std::string>();
    }

    auto content = doc.find("content");
    if (content == doc.end() || !content->is_object()) {
        r.issues.push_back(error("/content", "bundle.no_content"));
        return r;
    }
    // Control characters have no place in what people write; a NUL would cut a text short in
    // print and copies. The file is not read, and the messages say where they are. The whole
    // file is searched: `app`, `created` and member names are shown too. A carriage return in
    // the content is a Windows line end: read as one, below.
    std::string path;
    std::vector<Issue> controls;
    find_control_characters(doc, &path, &controls);
    if (!controls.empty()) {
        for (Issue& i : controls) r.issues.push_back(std::move(i));
        return r;
    }
    // Hidden characters outside the content (which validate() checks, as the page's typing).
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (it.key() == "content") continue;
        path = "/" + it.key();
        check_hidden_characters(*it, &path, &r.issues);
    }
    // The checksums are over the file as the format defines it; a hand edit changes them. A file
    // from before 1.1 has only the content's: its dates, app version and language are not covered.
    std::string stored, stored_bundle;
    if (auto integ = doc.find("integrity"); integ != doc.end() && integ->is_object()) {
        if (auto h = integ->find("sha256"); h != integ->end() && h->is_string()) stored = h->get<std::string>();
        if (auto h = integ->find("bundle_sha256"); h != integ->end() && h->is_string())
            stored_bundle = h->get<std::string>();
    }
    if (stored.empty()) {
        r.integrity = Integrity::Missing;
    } else {
        const BundleHashes actual = canonical_bundle_sha256(doc);
        if (actual.content != stored || (!stored_bundle.empty() && actual.bundle != stored_bundle))
            r.integrity = Integrity::Changed;
        else
            r.integrity = stored_bundle.empty() ? Integrity::ContentOnly : Integrity::Unchanged;
    }
    // Read as the app's fields keep text (the checksums above are over the file as it came).
    if (const std::size_t texts = with_plain_line_ends(*content))
        r.issues.push_back(Issue{Severity::Warning, "/content", "bundle.line_ends", {std::to_string(texts)}});
    r.preparation = preparation_from_json(*content, &unknown);
    r.readable = true;
    // A newer app's member (or a version-0 member that version 1 has no place for): not read
    // here, but the words in it are quoted, so that the one who reads the file sees them and the
    // one who goes on writing knows what they would lose.
    for (const UnknownField& f : unknown) {
        if (f.words.empty()) {
            r.issues.push_back(Issue{Severity::Warning, f.path, "bundle.unknown_field", {}});
            continue;
        }
        std::string words = with_hidden_characters_shown(utf8_excerpt(f.words, kUnknownWordsChars));
        for (char& ch : words)
            if (ch == '\n' || ch == '\t') ch = ' ';
        r.issues.push_back(Issue{Severity::Warning, f.path, "bundle.unknown_words", {std::move(words)}});
    }

    // The limits the rules check are the schema's, already reported from the file (Limits::Report).
    for (Issue& i : validate(r.preparation, today))
        if (!beyond_limits(i)) r.issues.push_back(std::move(i));
    return r;
}

}  // namespace sipprep
