// The bundle format is described twice on purpose: the published schema
// (schema/sipprep-bundle-v1.schema.json, the contract other systems read) and the field and enum
// tables the app reads and writes with (core/fields.hpp, core/enum_names.hpp). They say the same:
// every member, its type and every enum's names; the envelope's members as export_bundle writes
// them; the languages as core/i18n.hpp and core/written_language.hpp list them.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/bundle.hpp"
#include "core/enum_names.hpp"
#include "core/fields.hpp"
#include "core/i18n.hpp"
#include "core/written_language.hpp"

using namespace sipprep;
using nlohmann::json;

namespace {

template <typename T>
struct is_list : std::false_type {};
template <typename T>
struct is_list<std::vector<T>> : std::true_type {};

class Comparison {
public:
    explicit Comparison(json schema) : schema_(std::move(schema)) {}

    const json& resolve(const json& n) const {
        if (n.contains("$ref")) return schema_.at(json::json_pointer(n["$ref"].get<std::string>().substr(1)));
        return n;
    }

    std::set<std::string> keys(const json& object) const {
        std::set<std::string> out;
        for (auto it = object.begin(); it != object.end(); ++it) out.insert(it.key());
        return out;
    }

    template <typename T>
    void check(const json& node, const std::string& at) {
        const json& n = resolve(node);
        const std::string type = n.value("type", "");
        if constexpr (std::is_same_v<T, std::string>) {
            expect(type == "string", at, "a text in the model, " + type + " in the schema");
            if (n.contains("enum")) {
                const std::set<std::string> tags(std::begin(kWrittenLanguages), std::end(kWrittenLanguages));
                expect(at.size() >= 16 && at.compare(at.size() - 16, 16, "written_language") == 0, at,
                       "a text the schema limits to a list the code does not have");
                expect(n["enum"].get<std::set<std::string>>() == tags, at, "not core/written_language.hpp's tags");
            }
        } else if constexpr (std::is_same_v<T, bool>) {
            expect(type == "boolean", at, "a yes/no in the model, " + type + " in the schema");
        } else if constexpr (std::is_same_v<T, int>) {
            expect(type == "integer", at, "a number in the model, " + type + " in the schema");
        } else if constexpr (std::is_enum_v<T>) {
            std::set<std::string> names;
            for (const char* name : EnumNames<T>::names) names.insert(name);
            expect(n.contains("enum") && n["enum"].get<std::set<std::string>>() == names, at,
                   "the schema's names are not core/enum_names.hpp's");
        } else if constexpr (std::is_same_v<T, Voices>) {
            check<std::vector<Entry>>(n, at);
        } else if constexpr (is_list<T>::value) {
            expect(type == "array" && n.contains("items"), at, "a list in the model, " + type + " in the schema");
            if (n.contains("items")) check<typename T::value_type>(n["items"], at + "/*");
        } else {
            static_assert(is_described<T>::value, "a model type without a field table");
            if (!n.contains("properties")) {
                expect(false, at, "a record in the model, no properties in the schema");
                return;
            }
            const json& props = n["properties"];
            std::set<std::string> fields;
            std::apply(
                [&](const auto&... f) {
                    auto one = [&](const auto& field) {
                        using M = std::decay_t<decltype(std::declval<T>().*(field.member))>;
                        fields.insert(field.name);
                        const std::string path = at + "/" + field.name;
                        if (props.contains(field.name))
                            check<M>(props[field.name], path);
                        else
                            expect(false, path, "in core/fields.hpp, not in the schema");
                    };
                    (one(f), ...);
                },
                Fields<T>::list);
            for (const std::string& k : keys(props))
                expect(fields.count(k) > 0, at + "/" + k, "in the schema, not in core/fields.hpp");
        }
    }

    void expect(bool ok, const std::string& at, const std::string& what) {
        ++checked;
        if (!ok) problems.push_back(at + ": " + what);
    }

    std::vector<std::string> problems;
    int checked = 0;

private:
    json schema_;
};

json schema() {
    std::ifstream f(std::string(SIPPREP_SOURCE_DIR) + "/schema/sipprep-bundle-v1.schema.json");
    return json::parse(f);
}

}  // namespace

TEST(SchemaAndFields, EveryMemberAndEnumNameIsTheSame) {
    const json s = schema();
    Comparison a(s);
    a.check<Preparation>(s["properties"]["content"], "/content");
    EXPECT_GT(a.checked, 150);
    for (const std::string& p : a.problems) ADD_FAILURE() << p;
}

// A member added to one side only is found (the check is not vacuous).
TEST(SchemaAndFields, AMemberOnOneSideOnlyIsFound) {
    json s = schema();
    s["properties"]["content"]["properties"]["questions"]["items"]["properties"]["colour"] = {{"type", "string"}};
    s["definitions"]["actorKind"]["enum"].push_back("court");
    s["properties"]["content"]["properties"]["owner"]["properties"].erase("phone");
    Comparison a(s);
    a.check<Preparation>(s["properties"]["content"], "/content");
    const std::set<std::string> found(a.problems.begin(), a.problems.end());
    EXPECT_EQ(found, (std::set<std::string>{"/content/questions/*/colour: in the schema, not in core/fields.hpp",
                                            "/content/invitations/actors/*/kind: the schema's names are not "
                                            "core/enum_names.hpp's",
                                            "/content/owner/phone: in core/fields.hpp, not in the schema"}));
}

// The envelope as the app writes it, member for member, and the languages a bundle may be in.
TEST(SchemaAndFields, TheEnvelopeAndItsLanguages) {
    const json s = schema();
    BundleMeta meta;
    meta.created = meta.updated = "2026-11-20T10:00:00Z";
    const json written = json::parse(export_bundle(make_new_preparation(), meta));
    Comparison a(s);
    EXPECT_EQ(a.keys(written), a.keys(s["properties"]));
    for (const char* record : {"app", "integrity"})
        EXPECT_EQ(a.keys(written[record]), a.keys(s["properties"][record]["properties"])) << record;
    std::set<std::string> langs;
    for (Lang l : kAllLangs) langs.insert(std::string(lang_code(l)));
    EXPECT_EQ(s["properties"]["language"]["enum"].get<std::set<std::string>>(), langs);
}
