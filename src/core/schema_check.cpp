// The bundle's JSON Schema (schema/sipprep-bundle-v1.schema.json, embedded) applied to a
// document. The schema stays the one description of the format; this file only reads it: the
// draft-7 keywords that schema uses (type, properties, required, $ref to definitions, enum,
// const, items, minItems, maxItems, minLength, maxLength, minimum, maximum, pattern), compiled
// once, then one pass over the document with the path built as it goes. Linear in the
// document, and each message names the field and the limit. A schema keyword this reader does
// not know is a programming error caught by tests/core/schema_check_test.cpp.
#include "schema_check.hpp"

#include <cmath>
#include <cstdlib>
#include <deque>
#include <map>
#include <optional>
#include <string_view>
#include <utility>

#include "base/json_parse.hpp"
#include "base/regex_lite.hpp"
#include "model_json.hpp"

namespace sipprep {
namespace embedded {
extern const std::string_view bundle_schema_v1;
}

namespace {

using Json = nlohmann::json;

enum TypeBit : unsigned {
    kNull = 1,
    kBoolean = 2,
    kInteger = 4,
    kNumber = 8,  // any number, integers included
    kString = 16,
    kArray = 32,
    kObject = 64,
};

struct Node {
    const Node* ref = nullptr;  // "$ref": the other keywords beside it do not apply (draft 7)
    unsigned types = 0;         // 0: any
    std::vector<std::pair<std::string, const Node*>> properties;
    std::vector<std::string> required;
    const Node* items = nullptr;
    std::optional<Json> constant;
    std::vector<Json> choices;  // "enum"
    long long min_length = -1, max_length = -1, min_items = -1, max_items = -1;
    std::optional<double> minimum, maximum;
    std::optional<regex_lite::Regex> pattern;
};

unsigned type_bit(const std::string& name) {
    if (name == "null") return kNull;
    if (name == "boolean") return kBoolean;
    if (name == "integer") return kInteger;
    if (name == "number") return kNumber | kInteger;
    if (name == "string") return kString;
    if (name == "array") return kArray;
    if (name == "object") return kObject;
    return 0;
}

class Compiler {
public:
    explicit Compiler(const Json& schema) : root_(schema) {}

    const Node* compile(const Json& s) {
        nodes_.emplace_back();
        Node* n = &nodes_.back();
        if (!s.is_object()) return n;
        for (auto it = s.begin(); it != s.end(); ++it) {
            const std::string& k = it.key();
            const Json& v = *it;
            if (k == "$ref") {
                const std::string target = v.get<std::string>();
                const std::string prefix = "#/definitions/";
                if (target.rfind(prefix, 0) == 0) n->ref = definition(target.substr(prefix.size()));
            } else if (k == "type") {
                if (v.is_string()) n->types = type_bit(v.get<std::string>());
                for (const Json& t : v.is_array() ? v : Json::array()) n->types |= type_bit(t.get<std::string>());
            } else if (k == "properties") {
                for (auto p = v.begin(); p != v.end(); ++p) n->properties.emplace_back(p.key(), compile(*p));
            } else if (k == "required") {
                for (const Json& r : v) n->required.push_back(r.get<std::string>());
            } else if (k == "items") {
                n->items = compile(v);
            } else if (k == "const") {
                n->constant = v;
            } else if (k == "enum") {
                n->choices.assign(v.begin(), v.end());
            } else if (k == "minLength") {
                n->min_length = v.get<long long>();
            } else if (k == "maxLength") {
                n->max_length = v.get<long long>();
            } else if (k == "minItems") {
                n->min_items = v.get<long long>();
            } else if (k == "maxItems") {
                n->max_items = v.get<long long>();
            } else if (k == "minimum") {
                n->minimum = v.get<double>();
            } else if (k == "maximum") {
                n->maximum = v.get<double>();
            } else if (k == "pattern") {
                n->pattern.emplace(v.get<std::string>());
            }
            // "description", "title", "$schema", "$id", "definitions": words for people, or read on demand
        }
        return n;
    }

private:
    const Node* definition(const std::string& name) {
        auto it = definitions_.find(name);
        if (it != definitions_.end()) return it->second;
        nodes_.emplace_back();  // a placeholder first: definitions may refer to themselves
        Node* placeholder = &nodes_.back();
        definitions_[name] = placeholder;
        const Node* compiled = compile(root_.at("definitions").at(name));
        *placeholder = *compiled;
        return placeholder;
    }

    const Json& root_;
    std::map<std::string, const Node*> definitions_;

public:
    std::deque<Node> nodes_;  // stable addresses
};

struct CompiledSchema {
    Json source;
    std::unique_ptr<Compiler> compiler;
    const Node* root = nullptr;
};

const CompiledSchema& bundle_schema() {
    static const CompiledSchema schema = [] {
        CompiledSchema s;
        // Embedded at build from schema/; a schema that does not parse would let every file
        // through unchecked, so a broken build stops here instead.
        if (!parse_json(embedded::bundle_schema_v1, &s.source)) std::abort();
        s.compiler = std::make_unique<Compiler>(s.source);
        s.root = s.compiler->compile(s.source);
        return s;
    }();
    return schema;
}

unsigned type_of(const Json& v) {
    switch (v.type()) {
        case Json::value_t::null:
            return kNull;
        case Json::value_t::boolean:
            return kBoolean;
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
            return kInteger;
        case Json::value_t::number_float: {
            // JSON Schema (draft 7): a number with no fraction is an integer; "version": 1.0 is 1.
            const double d = v.get<double>();
            return std::isfinite(d) && d == std::floor(d) ? (kNumber | kInteger) : kNumber;
        }
        case Json::value_t::string:
            return kString;
        case Json::value_t::array:
            return kArray;
        case Json::value_t::object:
            return kObject;
        default:
            return 0;
    }
}

// The catalog code for "should be <type>": the first type the schema allows.
const char* type_code(unsigned allowed) {
    if (allowed & kString) return "schema.type.string";
    if (allowed & kInteger && !(allowed & kNumber)) return "schema.type.integer";
    if (allowed & kNumber) return "schema.type.number";
    if (allowed & kBoolean) return "schema.type.boolean";
    if (allowed & kArray) return "schema.type.array";
    if (allowed & kObject) return "schema.type.object";
    return "schema.type.null";
}

long long code_points(const std::string& s) {
    long long n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::string number_text(double d) {
    if (d == static_cast<double>(static_cast<long long>(d))) return std::to_string(static_cast<long long>(d));
    return Json(d).dump();
}

constexpr std::size_t kMaxIssues = 50;

class Checker {
public:
    explicit Checker(std::vector<Issue>* out) : out_(out) {}

    void check(const Node& n, const Json& v, std::string& path) {
        if (out_->size() >= kMaxIssues) return;
        if (n.ref) {
            check(*n.ref, v, path);
            return;
        }
        const unsigned t = type_of(v);
        if (n.types && !(t & n.types)) {
            fail(path, type_code(n.types));
            return;
        }
        if (n.constant && v != *n.constant) fail(path, "schema.value", {v.dump()});
        if (!n.choices.empty()) {
            bool found = false;
            for (const Json& c : n.choices) found = found || v == c;
            if (!found) fail(path, "schema.value", {v.dump()});
        }
        if (t == kString) string(n, v.get_ref<const std::string&>(), path);
        if (t == kInteger || t == kNumber) number(n, v.get<double>(), path);
        if (t == kArray) array(n, v, path);
        if (t == kObject) object(n, v, path);
    }

private:
    void fail(const std::string& path, const char* code, std::vector<std::string> args = {}) {
        if (out_->size() < kMaxIssues) out_->push_back(Issue{Severity::Error, path, code, std::move(args)});
    }

    void string(const Node& n, const std::string& s, const std::string& path) {
        if (n.max_length >= 0 || n.min_length >= 0) {
            const long long len = code_points(s);
            if (n.max_length >= 0 && len > n.max_length)
                fail(path, "schema.too_long", {std::to_string(len), std::to_string(n.max_length)});
            if (n.min_length >= 0 && len < n.min_length) fail(path, "schema.too_short", {std::to_string(n.min_length)});
        }
        if (n.pattern && !n.pattern->run(s, true, nullptr)) fail(path, "schema.pattern");
    }

    void number(const Node& n, double d, const std::string& path) {
        if (n.minimum && d < *n.minimum) fail(path, "schema.too_small", {number_text(d), number_text(*n.minimum)});
        if (n.maximum && d > *n.maximum) fail(path, "schema.too_large", {number_text(d), number_text(*n.maximum)});
    }

    void array(const Node& n, const Json& v, std::string& path) {
        if (n.max_items >= 0 && static_cast<long long>(v.size()) > n.max_items) {
            // Checked before the items: a list far over its limit is not read item by item.
            fail(path, "schema.too_many", {std::to_string(v.size()), std::to_string(n.max_items)});
            return;
        }
        if (n.min_items >= 0 && static_cast<long long>(v.size()) < n.min_items)
            fail(path, "schema.too_few", {std::to_string(n.min_items)});
        if (!n.items) return;
        for (std::size_t i = 0; i < v.size() && out_->size() < kMaxIssues; ++i) {
            const std::size_t at = path.size();
            path += '/';
            path += std::to_string(i);
            check(*n.items, v[i], path);
            path.resize(at);
        }
    }

    void object(const Node& n, const Json& v, std::string& path) {
        for (const std::string& name : n.required)
            if (!v.contains(name)) fail(path + "/" + name, "schema.required");
        for (const auto& [name, sub] : n.properties) {
            auto it = v.find(name);
            if (it == v.end()) continue;
            const std::size_t at = path.size();
            path += '/';
            path += name;  // the schema's names need no escaping in a JSON pointer
            check(*sub, *it, path);
            path.resize(at);
        }
    }

    std::vector<Issue>* out_;
};

}  // namespace

std::vector<Issue> check_schema(const nlohmann::json& document) {
    std::vector<Issue> issues;
    std::string path;
    Checker(&issues).check(*bundle_schema().root, document, path);
    return issues;
}

bool beyond_limits(const Issue& issue) { return issue.code == "schema.too_long" || issue.code == "schema.too_many"; }

namespace {

const Node* resolved(const Node* n) {
    while (n && n->ref) n = n->ref;
    return n;
}

const Node* property(const Node* n, std::string_view name) {
    if (!n) return nullptr;
    for (const auto& [key, sub] : n->properties)
        if (key == name) return sub;
    return nullptr;
}

// Walks the schema beside walk_content; a pointer is made only for a value over its limit.
class LimitFinder final : public ContentSink {
public:
    explicit LimitFinder(std::vector<Issue>* out)
        : out_(out), next_(resolved(property(resolved(bundle_schema().root), "content"))) {}

private:
    struct Step {
        const Node* node = nullptr;  // the object's or list's own
        const char* name = nullptr;  // a member's, or else an item's number
        std::size_t index = 0;
        std::size_t count = 0;  // a list's items so far
    };
    void begin_object() override { path_.push_back({next_}); }
    void begin_list() override { path_.push_back({next_}); }
    void member(const char* name) override {
        path_.back().name = name;
        next_ = resolved(property(path_.back().node, name));
    }
    void item(std::size_t index) override {
        Step& list = path_.back();
        list.name = nullptr;
        list.index = index;
        list.count = index + 1;
        next_ = list.node ? resolved(list.node->items) : nullptr;
    }
    void end() override {
        const Step done = path_.back();
        path_.pop_back();
        if (done.node && done.node->max_items >= 0 && static_cast<long long>(done.count) > done.node->max_items)
            add("schema.too_many", {std::to_string(done.count), std::to_string(done.node->max_items)});
    }
    void flag(bool) override {}
    void number(int) override {}
    void text(const std::string& value) override {
        const Node* n = next_;
        if (!n || n->max_length < 0 || static_cast<long long>(value.size()) <= n->max_length) return;
        const long long len = code_points(value);
        if (len > n->max_length) add("schema.too_long", {std::to_string(len), std::to_string(n->max_length)});
    }
    void add(const char* code, std::vector<std::string> args) {
        if (out_->size() >= kMaxIssues) return;
        std::string at = "/content";
        for (const Step& s : path_) at += '/' + (s.name ? std::string(s.name) : std::to_string(s.index));
        out_->push_back(Issue{Severity::Error, std::move(at), code, std::move(args)});
    }
    std::vector<Issue>* out_;
    const Node* next_;  // the schema of the value told next
    std::vector<Step> path_;
};

}  // namespace

void check_limits(const Preparation& p, std::vector<Issue>* out) {
    LimitFinder finder(out);
    walk_content(p, finder);
}

}  // namespace sipprep
