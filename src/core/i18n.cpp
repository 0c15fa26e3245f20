#include "i18n.hpp"

#include <map>
#include <nlohmann/json.hpp>

namespace sipprep {
namespace embedded {
extern const std::string_view catalog_sv;
extern const std::string_view catalog_en;
}  // namespace embedded

namespace {

using Catalog = std::map<std::string, std::string, std::less<>>;

Catalog load(std::string_view text) {
    Catalog c;
    // The catalogs are ours and tested; a broken one must not take the app down.
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) return c;
    for (auto it = j.begin(); it != j.end(); ++it)
        if (it->is_string()) c.emplace(it.key(), it->get<std::string>());
    return c;
}

const Catalog& catalog(Lang lang) {
    static const Catalog sv = load(embedded::catalog_sv);
    static const Catalog en = load(embedded::catalog_en);
    return lang == Lang::En ? en : sv;
}

}  // namespace

std::string_view lang_code(Lang lang) { return lang == Lang::En ? "en" : "sv"; }

bool lang_from_code(std::string_view code, Lang* out) {
    if (code == "sv") {
        *out = Lang::Sv;
        return true;
    }
    if (code == "en") {
        *out = Lang::En;
        return true;
    }
    return false;
}

const std::string& tr(Lang lang, std::string_view key) {
    const Catalog& c = catalog(lang);
    auto it = c.find(key);
    if (it != c.end()) return it->second;
    static thread_local std::string missing;
    missing.assign(key);
    return missing;
}

std::string format_text(std::string_view pattern, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(pattern.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '0' &&
            pattern[i + 1] <= '9') {
            std::size_t n = static_cast<std::size_t>(pattern[i + 1] - '0');
            if (n < args.size()) {
                out += args[n];
                i += 2;
                continue;
            }
        }
        out += pattern[i];
    }
    return out;
}

std::string trf(Lang lang, std::string_view key, std::initializer_list<std::string_view> args) {
    return format_text(tr(lang, key), std::vector<std::string>(args.begin(), args.end()));
}

bool has_text(Lang lang, std::string_view key) { return catalog(lang).count(key) != 0; }

std::vector<std::string> catalog_keys(Lang lang) {
    std::vector<std::string> keys;
    for (const auto& [k, v] : catalog(lang)) keys.push_back(k);
    return keys;
}

}  // namespace sipprep
