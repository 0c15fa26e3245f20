#include "schema_check.hpp"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <string_view>

#include <iostream>  // the real stream headers first: the rename below must not touch them
#include <sstream>

// valijson reads integers out of strings with std::istringstream, and that one use pulls all of
// libc++'s locale machinery into the web app (about 13 KB gzip). Within valijson's headers only,
// the name means this small reader instead, which does what valijson asks of it:
// `if (!(!(i >> x) || i.get(c)))` — an integer, and nothing after it.
namespace sipprep::detail {
class IntegerReader {
public:
    explicit IntegerReader(const std::string& s) : s_(s) {}
    IntegerReader& operator>>(int64_t& x) {
        while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
        errno = 0;
        char* end = nullptr;
        const char* begin = s_.c_str() + pos_;
        const long long v = std::strtoll(begin, &end, 10);
        if (end == begin || errno != 0) {
            failed_ = true;
        } else {
            x = v;
            pos_ += static_cast<std::size_t>(end - begin);
        }
        return *this;
    }
    IntegerReader& get(char& c) {
        if (failed_ || pos_ >= s_.size())
            failed_ = true;
        else
            c = s_[pos_++];
        return *this;
    }
    explicit operator bool() const { return !failed_; }
    bool operator!() const { return failed_; }

private:
    std::string s_;
    std::size_t pos_ = 0;
    bool failed_ = false;
};
}  // namespace sipprep::detail
namespace std {
using sipprep_integer_reader = ::sipprep::detail::IntegerReader;
}
#define istringstream sipprep_integer_reader
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>
#undef istringstream

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
