// UI and message texts, one catalog per language (assets/i18n/<id>.json). Swedish, the source,
// is always built in; the others are built in natively, and in the web app each is a file the
// page fetches when someone chooses the language and hands to load_catalog().
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace sipprep {

// The reading options, in the order the language menu lists them.
enum class Lang { Sv, SvEasy, En, Fi, So, Ar };

inline constexpr Lang kAllLangs[] = {Lang::Sv, Lang::SvEasy, Lang::En, Lang::Fi, Lang::So, Lang::Ar};

std::string_view lang_code(Lang lang);                  // the catalog id: "sv", "sv-x-easy", "en" …
bool lang_from_code(std::string_view code, Lang* out);  // false when unknown
bool lang_is_rtl(Lang lang);                            // written right to left (Arabic)
std::string_view lang_text_tag(Lang lang);              // BCP 47 tag of text typed in it: "sv" for both Swedish

// This build has a catalog for the language (built in, or a file beside the web app).
bool lang_built(Lang lang);
std::vector<Lang> built_langs();
// Its texts are here now: built in, or loaded by load_catalog().
bool lang_loaded(Lang lang);
// Every entry of its catalog has been read by a fluent reader (assets/i18n/<id>.review.json).
bool lang_reviewed(Lang lang);
// Takes a fetched catalog file (tools/embed_catalogs.py --lazy). Returns "" when its texts are
// now used, or the catalog key saying why not ("lang.stale": made by another build).
std::string load_catalog(Lang lang, std::string_view file);

// The text for `key`; where a catalog lacks it, the Swedish text; a key Swedish lacks too
// returns the key itself so it shows up rather than crash.
const std::string& tr(Lang lang, std::string_view key);
// tr() with "{0}", "{1}" … replaced by args.
std::string trf(Lang lang, std::string_view key, std::initializer_list<std::string_view> args);
// Replaces "{0}", "{1}" … in `pattern`.
std::string format_text(std::string_view pattern, const std::vector<std::string>& args);

// The language's catalog has its own text for `key` (not the Swedish one in its place).
bool has_text(Lang lang, std::string_view key);
std::vector<std::string> catalog_keys(Lang lang);

}  // namespace sipprep
