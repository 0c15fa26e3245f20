// Bundle format v1: the JSON file the person exports and the professional imports.
// The contract is schema/sipprep-bundle-v1.schema.json and docs/bundle-format.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "date.hpp"
#include "issue.hpp"
#include "model.hpp"

namespace sipprep {

inline constexpr const char* kBundleFormat = "sipprep-bundle";
inline constexpr int kBundleVersion = 1;
inline constexpr std::size_t kMaxBundleBytes = 5 * 1024 * 1024;
// The most any file given to the app or the CLI may be: a bundle at kMaxBundleBytes and what an
// age envelope adds around it (a header and 16 bytes per 64 KiB). Larger files are refused
// before they are read into memory (web/shell.js asks for this number through
// sipprep_max_file_bytes; src/cli reads no further).
inline constexpr std::size_t kMaxFileBytes = 6 * 1024 * 1024;
inline constexpr int kMaxBundleDepth = 16;  // the format itself needs 7
inline constexpr const char* kAppName = "sipprep";
inline constexpr const char* kAppVersion = SIPPREP_APP_VERSION;  // project() in CMakeLists.txt

struct BundleMeta {
    std::string created;  // ISO 8601 UTC, first export of this preparation
    std::string updated;  // ISO 8601 UTC, this export
    Lang language = Lang::Sv;
    std::string app_name = kAppName;
    std::string app_version = kAppVersion;
};

// The compact, key-sorted serialisation of `content` that the SHA-256 covers.
std::string canonical_content(const Preparation& p);

// The bundle as a JSON document (checksums filled in), and as text: pretty-printed JSON,
// UTF-8, ending in a newline.
nlohmann::json bundle_document(const Preparation& p, const BundleMeta& meta);
std::string export_bundle(const Preparation& p, const BundleMeta& meta);
// The bundle without "integrity": what the draft on the device holds (draft.cpp says why).
nlohmann::json bundle_without_checksums(const Preparation& p, const BundleMeta& meta);

// What the checksums say. They prove only that the file was not damaged or edited by accident
// since it was saved: anyone can recompute them, so they say nothing about who made the file.
// ContentOnly: a file from before 1.1 whose content checksum holds; its dates, app version and
// language were not covered.
enum class Integrity { Unchanged, Changed, Missing, ContentOnly };
// "unchanged", "changed", "missing", "content_only" (catalog keys "pro.integrity.<name>" …).
const char* integrity_name(Integrity i);

struct ImportResult {
    bool readable = false;  // false: nothing could be read (see issues)
    Preparation preparation;
    BundleMeta meta;
    int source_version = 0;
    Integrity integrity = Integrity::Missing;
    std::vector<Issue> issues;  // errors and warnings, schema and rules
    bool valid() const { return readable && !has_errors(issues); }
};

// Reads, migrates, checks against the schema and the rules (as of `today`). Never throws.
// Limits::Enforce: a file beyond the format's limits (list lengths, text lengths) is not read.
// Limits::Report: they are errors, but what is there is read — for the draft on the device,
// whose words must never be lost because someone pasted a very long text.
enum class Limits { Enforce, Report };
ImportResult import_bundle(std::string_view text, const Date& today, Limits limits = Limits::Enforce);
ImportResult import_bundle(std::string_view text);  // today = the local date
// The same from a document already parsed (the draft on the device holds its bundle as one):
// everything after the text's own checks (size, nesting, syntax, repeated names).
ImportResult import_document(nlohmann::json document, const Date& today, Limits limits = Limits::Enforce);

}  // namespace sipprep
