// UI and message texts, one catalog per language (assets/i18n/<lang>.json, embedded at build).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace sipprep {

enum class Lang { Sv, En };

inline constexpr Lang kAllLangs[] = {Lang::Sv, Lang::En};

std::string_view lang_code(Lang lang);                  // "sv", "en"
bool lang_from_code(std::string_view code, Lang* out);  // false when unknown

// The text for `key`; a missing key returns the key itself so it shows up rather than crash.
const std::string& tr(Lang lang, std::string_view key);
// tr() with "{0}", "{1}" … replaced by args.
std::string trf(Lang lang, std::string_view key, std::initializer_list<std::string_view> args);
// Replaces "{0}", "{1}" … in `pattern`.
std::string format_text(std::string_view pattern, const std::vector<std::string>& args);

bool has_text(Lang lang, std::string_view key);
std::vector<std::string> catalog_keys(Lang lang);

}  // namespace sipprep
