// sipprep — the command line for professionals and scripts.
//   sipprep validate FILE…              exit 0 valid, 1 invalid, 2 unreadable
//   sipprep summary FILE [--lang en] [--format text|markdown|html]   a readable summary (Swedish by default)
//   sipprep migrate FILE [-o OUT]       rewrite as the current format version, canonical, fresh hash
//   sipprep fhir FILE [-o OUT]          the preparation as a FHIR R4 Bundle
//   sipprep diff OLD NEW [--format text|markdown]   what changed between two preparations, in words
//   sipprep fhir-questionnaire [-o OUT] the FHIR Questionnaire the bundle's answers refer to
//   sipprep protect FILE -o OUT.age --passphrase-file PASS [--work-factor N]
//                                       write an age v1 file locked with a passphrase
// FILE "-" reads standard input; "-o -" is standard output. An age file (`age -p`, or the app's
// "Skydda med lösenord") is read in every command when --passphrase-file gives its passphrase
// (the file's first line); one that demands more scrypt work than age::kMaxForeignWorkFactor is
// refused unless --max-work-factor allows it. `migrate` of an age file writes an age file again
// (--plaintext to write JSON), and no command writes plaintext from one to a file without
// --plaintext. `fhir` and `migrate` of an invalid bundle write nothing (exit 1) unless
// --allow-invalid. Exit codes: 0 valid (or done), 1 invalid, 2 usage, read or write error (an
// empty result, a full disk or standard output that cannot be written). Output files are
// written whole or not at all (a temporary file in the same folder, synced, then renamed), so
// -o may name the input; -o refuses what is not a regular file (a link, a device); the file
// gets the mode the target had, or the umask's, and never more than the input's. No input is
// read beyond the format's limit. What comes from a file is printed with control and direction
// characters written out ("\x1B", "‹U+202E›"), so a file cannot drive the terminal.
#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "base/utf8.hpp"
#include "core/age/age.hpp"
#include "core/bundle.hpp"
#include "core/changes.hpp"
#include "core/fhir.hpp"
#include "core/hidden_text.hpp"
#include "core/summary.hpp"

using namespace sipprep;

namespace {

const char* kUsage =
    "usage:\n"
    "  sipprep validate FILE...            check bundles (exit 0 valid, 1 invalid, 2 unreadable)\n"
    "  sipprep summary FILE [--lang ID] [--format text|markdown|html]\n"
    "                                      print a readable summary\n"
    "  sipprep migrate FILE [-o OUT]       rewrite in the current format version\n"
    "  sipprep fhir FILE [-o OUT]          convert to a FHIR R4 Bundle\n"
    "  sipprep diff OLD NEW [--lang ID] [--format text|markdown|html]\n"
    "                                      what changed between two preparations, in words\n"
    "  sipprep fhir-questionnaire [-o OUT] print the FHIR Questionnaire\n"
    "  sipprep protect FILE -o OUT.age --passphrase-file PASS [--work-factor N]\n"
    "                                      lock a bundle with a passphrase (age v1)\n"
    "FILE may be - for standard input, and -o - is standard output.\n"
    "Add --passphrase-file PASS to read age files; --max-work-factor N (at most 22) reads one that\n"
    "  demands more scrypt work than 19 (2^N KiB of memory: 19 is 512 MiB, 22 is 4 GiB).\n"
    "  migrate writes an age file again; --plaintext writes JSON (or any -o file) from one.\n"
    "--allow-invalid: fhir and migrate write an invalid bundle too (and still exit 1); migrate\n"
    "  also a file changed after it was saved (its checksum does not match); diff also two files\n"
    "  that are not about the same person.\n"
    "--lang ID: a catalog id of assets/i18n (sv, sv-x-easy, en, fi, so, ar; those in this build).\n"
    "Exit codes: 0 valid (or done), 1 invalid, 2 usage, read or write error.\n";

int usage() {
    std::cerr << kUsage;
    return 2;
}

// The most any input may be: a bundle at the format's limit, and the little age adds around it.
constexpr std::size_t kMaxInput = kMaxFileBytes;

// Reads at most kMaxInput bytes: /dev/zero or a runaway pipe gets a message, not an abort.
bool read_input(const std::string& path, std::string* out, std::string* error) {
    const int fd = path == "-" ? 0 : ::open(path.c_str(), O_RDONLY);
    if (fd < 0) {
        *error = std::string("cannot open: ") + std::strerror(errno);
        return false;
    }
    out->clear();
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            *error = std::string("cannot read: ") + std::strerror(errno);
            if (fd != 0) ::close(fd);
            return false;
        }
        if (n == 0) break;
        out->append(buf, static_cast<std::size_t>(n));
        if (out->size() > kMaxInput) {
            *error = "more than " + std::to_string(kMaxInput / 1024 / 1024) + " MB; a bundle may be at most " +
                     std::to_string(kMaxBundleBytes / 1024 / 1024) + " MB";
            if (fd != 0) ::close(fd);
            return false;
        }
    }
    if (fd != 0) ::close(fd);
    return true;
}

// What the CLI prints that came from a file, made safe for a terminal: control characters as
// "\x1B", direction controls and zero-width characters as "‹U+202E›" (hidden_text.hpp), bytes
// that are not UTF-8 as U+FFFD. Newlines and tabs stay when `lines` (a whole summary).
std::string terminal_safe(std::string_view text, bool lines = false) {
    const std::string valid = sanitize_utf8(text);
    std::string out;
    out.reserve(valid.size());
    for (std::size_t i = 0; i < valid.size(); ++i) {
        const std::size_t control = control_character_at(valid, i);
        const char c = valid[i];
        if (control || (!lines && (c == '\n' || c == '\t'))) {
            const unsigned code =
                control == 2 ? static_cast<unsigned char>(valid[i + 1]) : static_cast<unsigned char>(c);
            static constexpr char kHex[] = "0123456789ABCDEF";
            out += "\\x";
            out += kHex[code >> 4];
            out += kHex[code & 15];
            i += control == 2 ? 1 : 0;
            continue;
        }
        if (char32_t hidden = 0; const std::size_t len = hidden_character_at(valid, i, &hidden)) {
            out += "\u2039" + code_point_name(hidden) + "\u203A";
            i += len - 1;
            continue;
        }
        out += c;
    }
    return out;
}

// The permission bits a new output file gets: the target's when it is there, else what the
// umask leaves of 0666; and never a group or other bit the input does not have.
mode_t output_mode(const struct stat* target, const struct stat* input) {
    mode_t mode;
    if (target) {
        mode = target->st_mode & 07777;
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        mode = 0666 & ~mask;
    }
    if (input) mode &= (input->st_mode & 0777) | 0700;
    return mode & 0777;
}

// Writes `text` to `path` whole or not at all: a temporary file beside it, synced, renamed over.
// Only a regular file is replaced: a link or a device named by -o is refused, not followed.
bool write_atomically(const std::string& path, const std::string& text, const struct stat* input, std::string* error) {
    struct stat target {};
    const bool exists = ::lstat(path.c_str(), &target) == 0;
    if (exists && !S_ISREG(target.st_mode)) {
        *error = "will not write " + path + ": it is not a regular file (a link, a device or a folder); " +
                 "name the file itself";
        return false;
    }
    std::string tmp = path + ".tmp-XXXXXX";
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0) {
        *error = "cannot write " + path + ": " + std::strerror(errno);
        return false;
    }
    std::size_t done = 0;
    bool ok = true;
    while (ok && done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) done += static_cast<std::size_t>(n);
    }
    ok = ok && ::fchmod(fd, output_mode(exists ? &target : nullptr, input)) == 0 && ::fsync(fd) == 0;
    const int saved = errno;
    ok = ::close(fd) == 0 && ok;
    if (ok && ::rename(tmp.c_str(), path.c_str()) == 0) return true;
    *error = "cannot write " + path + ": " + std::strerror(ok ? errno : saved);
    ::unlink(tmp.c_str());
    return false;
}

std::string g_passphrase;  // from --passphrase-file; wiped when the program ends (main)
bool g_has_passphrase = false;
int g_max_work_factor = age::kMaxForeignWorkFactor;  // --max-work-factor
bool g_read_age = false;                             // an input was an age file
int g_age_work_factor = 0;                           // the largest work factor among them

// Reads FILE; an age file is unlocked with the passphrase, or the reason it cannot be is said.
bool open_input(const std::string& path, Lang lang, std::string* out, std::string* error) {
    if (!read_input(path, out, error)) return false;
    if (!age::looks_like_age(*out)) return true;
    if (!g_has_passphrase) {
        *error = tr(lang, "age.needs_passphrase") + " (--passphrase-file)";
        return false;
    }
    age::Decrypted d = age::decrypt(*out, g_passphrase, g_max_work_factor);
    sodium_memzero(d.sealer.file_key.data(), d.sealer.file_key.size());
    if (!d.ok()) {
        *error = tr(lang, age::error_key(d.error));
        if (d.error == age::Error::WorkFactorTooHigh)
            *error += " (--max-work-factor N reads it: up to " + std::to_string(age::kMaxWorkFactor) +
                      "; scrypt needs 2^N KiB of memory, 1 GiB at 20, 4 GiB at 22)";
        return false;
    }
    g_read_age = true;
    // "-> scrypt SALT N": the file's own work factor, to write it again as hard.
    const std::size_t line = d.sealer.header.find("-> scrypt ");
    const std::size_t end = d.sealer.header.find('\n', line);
    const std::size_t space = d.sealer.header.rfind(' ', end);
    if (line != std::string::npos && end != std::string::npos && space != std::string::npos)
        g_age_work_factor = std::max(g_age_work_factor, std::atoi(d.sealer.header.c_str() + space + 1));
    *out = std::move(d.plaintext);
    return true;
}

const std::string& integrity_text(Integrity i, Lang lang) {
    return tr(lang, std::string("integrity.short.") + integrity_name(i));
}

int validate_files(const std::vector<std::string>& files, Lang lang) {
    int worst = 0;
    for (const std::string& file : files) {
        std::string text, err;
        const std::string name = file == "-" ? "<stdin>" : terminal_safe(file);
        if (!open_input(file, lang, &text, &err)) {
            std::cout << name << ": " << terminal_safe(err) << "\n";
            worst = 2;
            continue;
        }
        ImportResult r = import_bundle(text);
        int code = !r.readable ? 2 : r.valid() ? 0 : 1;
        std::cout << name << ": "
                  << (code == 0   ? (lang == Lang::Sv ? "giltig" : "valid")
                      : code == 1 ? (lang == Lang::Sv ? "ogiltig" : "invalid")
                                  : (lang == Lang::Sv ? "kan inte läsas" : "unreadable"));
        if (r.readable) std::cout << " (" << integrity_text(r.integrity, lang) << ")";
        std::cout << "\n";
        for (const Issue& i : r.issues)
            std::cout << "  " << (i.severity == Severity::Error ? "error  " : "warning") << " "
                      << terminal_safe(i.path.empty() ? "/" : i.path) << ": "
                      << terminal_safe(describe(i, lang, Reader::Professional)) << "\n";
        if (code > worst) worst = code;
    }
    return worst;
}

// One line on standard error, made safe for the terminal.
void say(const std::string& message) { std::cerr << terminal_safe(message) << "\n"; }

// Text on standard output: as it is into a pipe or a file (the bytes are the result), made safe
// when it is a terminal. False when it could not be written (a full disk, a closed pipe).
bool print(const std::string& text) {
    std::cout << (::isatty(1) ? terminal_safe(text, true) : text);
    std::cout.flush();
    return static_cast<bool>(std::cout) && std::fflush(stdout) == 0 && !std::ferror(stdout);
}

// Reads the passphrase file's first line (a file written by `echo` ends in a newline that is
// not part of it) into g_passphrase without leaving a copy of the rest behind.
bool read_passphrase(const std::string& path) {
    std::string err;
    if (!read_input(path, &g_passphrase, &err)) {
        say(path + ": " + err);
        return false;
    }
    const std::size_t end = std::min(g_passphrase.find_first_of("\r\n"), g_passphrase.size());
    sodium_memzero(g_passphrase.data() + end, g_passphrase.size() - end);
    g_passphrase.resize(end);
    if (g_passphrase.empty()) {
        say("the passphrase file " + path + " is empty");
        return false;
    }
    g_has_passphrase = true;
    return true;
}

bool number_option(const std::string& name, const std::string& value, int low, int high, int* out) {
    *out = std::atoi(value.c_str());
    if (*out >= low && *out <= high && value.find_first_not_of("0123456789") == std::string::npos) return true;
    say(name + " must be " + std::to_string(low) + ".." + std::to_string(high));
    return false;
}

int run(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage();
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") return print(kUsage) ? 0 : 2;
    const std::string command = args[0];
    std::vector<std::string> files;
    Lang lang = Lang::Sv;
    std::string out_path;
    SummaryFormat format = SummaryFormat::Text;
    int work_factor = age::kDefaultWorkFactor;
    bool plaintext = false, allow_invalid = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--lang" && i + 1 < args.size()) {
            if (!lang_from_code(args[++i], &lang) || !lang_built(lang)) {
                std::string known;
                for (Lang l : built_langs()) known += (known.empty() ? "" : ", ") + std::string(lang_code(l));
                say("unknown language " + args[i] + " (" + known + ")");
                return 2;
            }
        } else if (args[i] == "--format" && i + 1 < args.size()) {
            const std::string f = args[++i];
            if (f == "text")
                format = SummaryFormat::Text;
            else if (f == "markdown")
                format = SummaryFormat::Markdown;
            else if (f == "html")
                format = SummaryFormat::Html;
            else {
                say("unknown format " + f + " (text, markdown or html)");
                return 2;
            }
        } else if (args[i] == "--passphrase-file" && i + 1 < args.size()) {
            if (!read_passphrase(args[++i])) return 2;
        } else if (args[i] == "--work-factor" && i + 1 < args.size()) {
            if (!number_option("--work-factor", args[++i], 1, age::kMaxWorkFactor, &work_factor)) return 2;
        } else if (args[i] == "--max-work-factor" && i + 1 < args.size()) {
            if (!number_option("--max-work-factor", args[++i], 1, age::kMaxWorkFactor, &g_max_work_factor)) return 2;
        } else if (args[i] == "--plaintext") {
            plaintext = true;
        } else if (args[i] == "--allow-invalid") {
            allow_invalid = true;
        } else if (args[i] == "-o" && i + 1 < args.size()) {
            out_path = args[++i];
        } else {
            files.push_back(args[i]);
        }
    }
    // The input's mode bounds the output's (one input file; standard input bounds nothing).
    struct stat input_stat {};
    const bool input_known = files.size() == 1 && files[0] != "-" && ::stat(files[0].c_str(), &input_stat) == 0;
    auto write_out = [&](const std::string& text) {
        // An empty result is a failure somewhere before (encryption without memory …): an
        // empty file must never replace a good one.
        if (text.empty()) {
            say("nothing to write: the result is empty; " +
                (out_path.empty() ? std::string("standard output") : out_path) + " is left as it was");
            return 2;
        }
        if (out_path.empty() || out_path == "-") {
            if (print(text)) return 0;
            say(std::string("cannot write to standard output: ") + std::strerror(errno));
            return 2;
        }
        std::string err;
        if (!write_atomically(out_path, text, input_known ? &input_stat : nullptr, &err)) {
            say(err);
            return 2;
        }
        return 0;
    };
    if (command == "fhir-questionnaire") return write_out(fhir_questionnaire(lang).dump(2) + "\n");
    if (files.empty()) return usage();

    if (command == "validate") {
        const int code = validate_files(files, lang);
        if (print("")) return code;
        say(std::string("cannot write to standard output: ") + std::strerror(errno));
        return 2;
    }

    if (command == "protect") {
        if (files.size() != 1 || out_path.empty() || !g_has_passphrase) return usage();
        std::string text, err;
        if (!open_input(files[0], lang, &text, &err)) {
            say(files[0] + ": " + err);
            return 2;
        }
        if (!import_bundle(text).readable) {
            say(files[0] + ": " + tr(lang, "age.not_a_bundle"));
            return 2;
        }
        const std::string locked = age::encrypt(text, g_passphrase, work_factor);
        if (locked.empty()) {
            say("could not lock the file: scrypt found no memory for work factor " + std::to_string(work_factor) +
                " (2^N KiB); nothing was written");
            return 2;
        }
        return write_out(locked);
    }

    // Plaintext from a passphrase-protected file goes to a file only when asked for.
    auto plaintext_refused = [&] {
        if (!g_read_age || plaintext || out_path.empty() || out_path == "-") return false;
        say("the input is protected with a passphrase; add --plaintext to write " + out_path +
            " without it (migrate writes an age file again by itself)");
        return true;
    };

    if (command == "diff") {
        if (files.size() != 2) return usage();
        ImportResult r[2];
        for (int k = 0; k < 2; ++k) {
            std::string text, err;
            if (!open_input(files[k], lang, &text, &err)) {
                say(files[k] + ": " + err);
                return 2;
            }
            r[k] = import_bundle(text);
            if (!r[k].readable) {
                for (const Issue& i : r[k].issues) say(files[k] + ": " + describe(i, lang, Reader::Professional));
                return 2;
            }
        }
        if (plaintext_refused()) return 2;
        // Two people's files compared would put one person's words under the other's name.
        if (!same_person(r[0].preparation, r[1].preparation) && !allow_invalid) {
            say("nothing shows the two files are about the same person (their personnummer or names differ, or are "
                "missing): nothing was compared (--allow-invalid compares them anyway)");
            return 1;
        }
        const Summary changes = compare_preparations(r[0].preparation, r[1].preparation, lang, today_local());
        return write_out(render(changes, lang, format));
    }

    if (command == "summary" || command == "migrate" || command == "fhir") {
        if (files.size() != 1) return usage();
        std::string text, err;
        if (!open_input(files[0], lang, &text, &err)) {
            say(files[0] + ": " + err);
            return 2;
        }
        ImportResult r = import_bundle(text);
        if (!r.readable) {
            for (const Issue& i : r.issues) say(describe(i, lang, Reader::Professional));
            return 2;
        }
        // A file changed after it was saved is said so whatever is made from it: a summary piped
        // into a journal, or a FHIR bundle, would otherwise carry no word of it.
        const bool changed = r.integrity == Integrity::Changed;
        if (changed) say(files[0] + ": " + tr(lang, "pro.integrity.changed"));
        if (command == "summary") {
            if (plaintext_refused()) return 2;
            const int written = write_out(render(opened_file_summary(r, lang, today_local()), lang, format));
            return written != 0 ? written : r.valid() ? 0 : 1;
        }
        // An export of an invalid bundle passes its errors on, and `migrate` would give a
        // hand-edited file a fresh checksum: neither unless asked for.
        if (!r.valid()) {
            for (const Issue& i : r.issues)
                if (i.severity == Severity::Error) say(describe(i, lang, Reader::Professional));
            if (!allow_invalid) {
                say("the bundle is invalid: nothing was written (--allow-invalid writes it anyway)");
                return 1;
            }
        }
        if (command == "migrate" && changed && !allow_invalid) {
            say("the file was changed after it was saved: migrating it would seal the change with a new checksum; "
                "nothing was written (--allow-invalid writes it anyway)");
            return 1;
        }
        const int invalid = r.valid() ? 0 : 1;
        if (command == "fhir") {
            if (plaintext_refused()) return 2;
            const nlohmann::json fhir = to_fhir_bundle(r.preparation, r.meta, today_local(), lang);
            for (const std::string& m : check_fhir_required(fhir)) say("FHIR: missing " + m);
            const int written = write_out(fhir.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
            return written != 0 ? written : invalid;
        }
        std::string bundle = export_bundle(r.preparation, r.meta);
        for (const Issue& i : r.issues)
            if (i.code == "bundle.unknown_field" || i.code == "bundle.unknown_words" || i.code == "bundle.migrated")
                say(describe(i, lang, Reader::Professional));
        // An age file stays one: locked again under its passphrase, as hard as it was.
        if (g_read_age && !plaintext) {
            bundle = age::encrypt(bundle, g_passphrase, std::max(g_age_work_factor, age::kDefaultWorkFactor));
            if (bundle.empty()) {
                say("could not lock the file again: scrypt found no memory; nothing was written");
                return 2;
            }
        }
        const int written = write_out(bundle);
        return written != 0 ? written : invalid;
    }
    return usage();
}

}  // namespace

int main(int argc, char** argv) {
    // The passphrase is wiped however the program ends short of a crash.
    struct WipePassphrase {
        ~WipePassphrase() { sodium_memzero(g_passphrase.data(), g_passphrase.size()); }
    } wipe;
    // Anything unforeseen ends as a message and exit code 2, never as an abort.
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "sipprep: internal error: " << e.what() << "\n";
    } catch (...) {
        std::cerr << "sipprep: internal error\n";
    }
    return 2;
}
