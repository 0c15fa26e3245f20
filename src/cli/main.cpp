// sipprep — the command line for professionals and scripts.
//   sipprep validate FILE…              exit 0 valid, 1 invalid, 2 unreadable
//   sipprep summary FILE [--lang en] [--format text|markdown|html]   a readable summary (Swedish by default)
//   sipprep migrate FILE [-o OUT]       rewrite as the current format version, canonical, fresh hash
//   sipprep fhir FILE [-o OUT]          the preparation as a FHIR R4 Bundle
//   sipprep diff OLD NEW [--format text|markdown]   what changed between two preparations, in words
//   sipprep fhir-questionnaire [-o OUT] the FHIR Questionnaire the bundle's answers refer to
//   sipprep protect FILE -o OUT.age --passphrase-file PASS [--work-factor N]
//                                       write an age v1 file locked with a passphrase
// FILE "-" reads standard input. An age file (`age -p`, or the app's "Skydda med lösenord") is
// read in every command when --passphrase-file gives its passphrase (the file's first line).
// Exit codes: 0 valid (or done), 1 invalid, 2 usage, read or write error. Output files are
// written whole or not at all (a temporary file in the same folder, synced, then renamed), so
// -o may name the input. No input is read beyond the format's limit.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

#include "core/age/age.hpp"
#include "core/bundle.hpp"
#include "core/changes.hpp"
#include "core/fhir.hpp"
#include "core/summary.hpp"

using namespace sipprep;

namespace {

const char* kUsage =
    "usage:\n"
    "  sipprep validate FILE...            check bundles (exit 0 valid, 1 invalid, 2 unreadable)\n"
    "  sipprep summary FILE [--lang sv|en] [--format text|markdown|html]\n"
    "                                      print a readable summary\n"
    "  sipprep migrate FILE [-o OUT]       rewrite in the current format version\n"
    "  sipprep fhir FILE [-o OUT]          convert to a FHIR R4 Bundle\n"
    "  sipprep diff OLD NEW [--lang sv|en] [--format text|markdown|html]\n"
    "                                      what changed between two preparations, in words\n"
    "  sipprep fhir-questionnaire [-o OUT] print the FHIR Questionnaire\n"
    "  sipprep protect FILE -o OUT.age --passphrase-file PASS [--work-factor N]\n"
    "                                      lock a bundle with a passphrase (age v1)\n"
    "FILE may be - for standard input. Add --passphrase-file PASS to read age files.\n"
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

// Writes `text` to `path` whole or not at all: a temporary file beside it, synced, renamed over.
bool write_atomically(const std::string& path, const std::string& text, std::string* error) {
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
    ok = ok && ::fchmod(fd, 0644) == 0 && ::fsync(fd) == 0;
    const int saved = errno;
    ok = ::close(fd) == 0 && ok;
    if (ok && ::rename(tmp.c_str(), path.c_str()) == 0) return true;
    *error = "cannot write " + path + ": " + std::strerror(ok ? errno : saved);
    ::unlink(tmp.c_str());
    return false;
}

std::string g_passphrase;  // from --passphrase-file
bool g_has_passphrase = false;

// Reads FILE; an age file is unlocked with the passphrase, or the reason it cannot be is said.
bool open_input(const std::string& path, Lang lang, std::string* out, std::string* error) {
    if (!read_input(path, out, error)) return false;
    if (!age::looks_like_age(*out)) return true;
    if (!g_has_passphrase) {
        *error = tr(lang, "age.needs_passphrase") + " (--passphrase-file)";
        return false;
    }
    age::Decrypted d = age::decrypt(*out, g_passphrase);
    if (!d.ok()) {
        *error = tr(lang, age::error_key(d.error));
        return false;
    }
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
        const std::string name = file == "-" ? "<stdin>" : file;
        if (!open_input(file, lang, &text, &err)) {
            std::cout << name << ": " << err << "\n";
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
                      << (i.path.empty() ? "/" : i.path) << ": " << describe(i, lang) << "\n";
        if (code > worst) worst = code;
    }
    return worst;
}

int run(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage();
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << kUsage;
        return 0;
    }
    const std::string command = args[0];
    std::vector<std::string> files;
    Lang lang = Lang::Sv;
    std::string out_path;
    SummaryFormat format = SummaryFormat::Text;
    int work_factor = age::kDefaultWorkFactor;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--lang" && i + 1 < args.size()) {
            if (!lang_from_code(args[++i], &lang)) {
                std::cerr << "unknown language " << args[i] << " (sv or en)\n";
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
                std::cerr << "unknown format " << f << " (text, markdown or html)\n";
                return 2;
            }
        } else if (args[i] == "--passphrase-file" && i + 1 < args.size()) {
            std::string err;
            if (!read_input(args[++i], &g_passphrase, &err)) {
                std::cerr << args[i] << ": " << err << "\n";
                return 2;
            }
            // The first line: a file written by `echo` ends in a newline that is not part of it.
            g_passphrase = g_passphrase.substr(0, g_passphrase.find_first_of("\r\n"));
            if (g_passphrase.empty()) {
                std::cerr << "the passphrase file " << args[i] << " is empty\n";
                return 2;
            }
            g_has_passphrase = true;
        } else if (args[i] == "--work-factor" && i + 1 < args.size()) {
            work_factor = std::atoi(args[++i].c_str());
            if (work_factor < 1 || work_factor > age::kMaxWorkFactor) {
                std::cerr << "--work-factor must be 1.." << age::kMaxWorkFactor << "\n";
                return 2;
            }
        } else if (args[i] == "-o" && i + 1 < args.size()) {
            out_path = args[++i];
        } else {
            files.push_back(args[i]);
        }
    }
    auto write_out = [&](const std::string& text) {
        if (out_path.empty()) {
            std::cout << text;
            return 0;
        }
        std::string err;
        if (!write_atomically(out_path, text, &err)) {
            std::cerr << err << "\n";
            return 2;
        }
        return 0;
    };
    if (command == "fhir-questionnaire") return write_out(fhir_questionnaire(lang).dump(2) + "\n");
    if (files.empty()) return usage();

    if (command == "validate") return validate_files(files, lang);

    if (command == "protect") {
        if (files.size() != 1 || out_path.empty() || !g_has_passphrase) return usage();
        std::string text, err;
        if (!open_input(files[0], lang, &text, &err)) {
            std::cerr << files[0] << ": " << err << "\n";
            return 2;
        }
        if (!import_bundle(text).readable) {
            std::cerr << files[0] << ": " << tr(lang, "age.not_a_bundle") << "\n";
            return 2;
        }
        return write_out(age::encrypt(text, g_passphrase, work_factor));
    }

    if (command == "diff") {
        if (files.size() != 2) return usage();
        ImportResult r[2];
        for (int k = 0; k < 2; ++k) {
            std::string text, err;
            if (!open_input(files[k], lang, &text, &err)) {
                std::cerr << files[k] << ": " << err << "\n";
                return 2;
            }
            r[k] = import_bundle(text);
            if (!r[k].readable) {
                for (const Issue& i : r[k].issues) std::cerr << files[k] << ": " << describe(i, lang) << "\n";
                return 2;
            }
        }
        const Summary changes = compare_preparations(r[0].preparation, r[1].preparation, lang, today_local());
        return write_out(format == SummaryFormat::Markdown ? render_markdown(changes)
                         : format == SummaryFormat::Html   ? render_html(changes, lang)
                                                           : render_text(changes));
    }

    if (command == "summary" || command == "migrate" || command == "fhir") {
        if (files.size() != 1) return usage();
        std::string text, err;
        if (!open_input(files[0], lang, &text, &err)) {
            std::cerr << files[0] << ": " << err << "\n";
            return 2;
        }
        ImportResult r = import_bundle(text);
        if (!r.readable) {
            for (const Issue& i : r.issues) std::cerr << describe(i, lang) << "\n";
            return 2;
        }
        if (command == "summary") {
            const int written =
                write_out(summary(r.preparation, lang, today_local(), r.issues, format, SummaryReader::Professional));
            return written != 0 ? written : r.valid() ? 0 : 1;
        }
        if (command == "fhir") {
            const nlohmann::json fhir = to_fhir_bundle(r.preparation, r.meta, today_local(), lang);
            for (const std::string& m : check_fhir_required(fhir)) std::cerr << "FHIR: missing " << m << "\n";
            return write_out(fhir.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
        }
        std::string bundle = export_bundle(r.preparation, r.meta);
        for (const Issue& i : r.issues)
            if (i.code == "bundle.unknown_field" || i.code == "bundle.migrated") std::cerr << describe(i, lang) << "\n";
        return write_out(bundle);
    }
    return usage();
}

}  // namespace

int main(int argc, char** argv) {
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
