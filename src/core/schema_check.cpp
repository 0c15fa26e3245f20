#include "schema_check.hpp"

#include <string_view>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace sipprep {
namespace embedded {
extern const std::string_view bundle_schema_v1;
}

namespace {

const valijson::Schema& bundle_schema() {
    static valijson::Schema schema;
    static const bool parsed = [] {
        nlohmann::json doc = nlohmann::json::parse(embedded::bundle_schema_v1);
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(doc), schema);
        return true;
    }();
    (void)parsed;
    return schema;
}

// valijson's context ["<root>", "[content]", "[questions]", "[3]"] -> "/content/questions/3".
std::string pointer(const std::vector<std::string>& context) {
    std::string out;
    for (const std::string& part : context) {
        if (part == "<root>") continue;
        std::string name = part;
        if (name.size() >= 2 && name.front() == '[' && name.back() == ']') name = name.substr(1, name.size() - 2);
        out += "/" + name;
    }
    return out;
}

}  // namespace

std::vector<Issue> check_schema(const nlohmann::json& document) {
    valijson::Validator validator(valijson::Validator::kStrongTypes);
    valijson::ValidationResults results;
    std::vector<Issue> issues;
    if (validator.validate(bundle_schema(), valijson::adapters::NlohmannJsonAdapter(document), &results)) return issues;
    valijson::ValidationResults::Error e;
    std::string last_path;
    while (results.popError(e)) {
        std::string path = pointer(e.context);
        // valijson reports the failing leaf and then each enclosing level; the leaf says the most.
        if (!last_path.empty() && last_path.rfind(path, 0) == 0) continue;
        last_path = path;
        issues.push_back(Issue{Severity::Error, path, "schema.invalid", {e.description}});
    }
    return issues;
}

}  // namespace sipprep
