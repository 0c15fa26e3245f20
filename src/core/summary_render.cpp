// The summary's structure as plain text, Markdown and a printable HTML page. Built with
// std::string, not iostreams (they would pull libc++'s locale code into the web app).
#include <string_view>

#include "summary.hpp"

namespace sipprep {
namespace embedded {
extern const std::string_view print_css;
}

namespace {

using Kind = SummaryItem::Kind;

std::size_t count_chars(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// Continuation lines of a list item line up under its text.
std::string indent(const std::string& text, const char* pad) {
    std::string out;
    for (char c : text) {
        out += c;
        if (c == '\n') out += pad;
    }
    return out;
}

// A line of people's text that would read as markup where it starts: a heading underline
// ("=====", "-----"), a list item ("- ", "+ ", "1. ", "2)") or a rule.
bool markup_at_line_start(std::string_view line) {
    if (line.empty()) return false;
    if (line[0] == '=' || line[0] == '-' || line[0] == '+') return true;
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    return digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')');
}

// Markdown: people's words must not turn into markup (links, images, emphasis, code, headings,
// lists, HTML); every character Markdown could read is escaped.
std::string md(const std::string& text) {
    std::string out;
    bool line_start = true;
    std::size_t escape_at = std::string::npos;  // "1." / "2)": the delimiter is escaped
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (line_start && markup_at_line_start(std::string_view(text).substr(i))) {
            if (c >= '0' && c <= '9')
                escape_at = text.find_first_not_of("0123456789", i);
            else
                out += '\\';
        } else if (i == escape_at || std::string_view("\\`*_[]<>#|!~&").find(c) != std::string_view::npos) {
            out += '\\';
        }
        out += c;
        line_start = c == '\n';
    }
    return out;
}

// Plain text: a line of people's text that looks like our own heading underline ("=====",
// "-----") is marked with a backslash, so that no text becomes a fake heading.
std::string plain(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string_view line(text.data() + start, end - start);
        if (line.size() >= 2 && (line.find_first_not_of('=') == std::string_view::npos ||
                                 line.find_first_not_of('-') == std::string_view::npos))
            out += '\\';
        out.append(line);
        if (end < text.size()) out += '\n';
        start = end + 1;
    }
    return out;
}

std::string html(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\n':
                out += "<br>";
                break;
            default:
                out += c;
        }
    }
    return out;
}

bool is_list(Kind k) { return k == Kind::Bullet || k == Kind::Numbered || k == Kind::Error; }

// An item's text; words in another language than the page's carry theirs, and their direction is
// found from them (Arabic prints right to left inside a Swedish page).
std::string html_item(const SummaryItem& i) {
    if (i.language.empty() || i.words_at + i.words_size > i.text.size()) return html(i.text);
    return html(i.text.substr(0, i.words_at)) + "<span lang=\"" + html(i.language) + "\" dir=\"auto\">" +
           html(i.text.substr(i.words_at, i.words_size)) + "</span>" + html(i.text.substr(i.words_at + i.words_size));
}

}  // namespace

// Whether a section belongs on a page or copy for `audience`.
static bool for_audience(const SummarySection& sec, Audience audience) {
    return !((audience == Audience::Meeting && sec.for_convener) ||
             (audience == Audience::Convener && !sec.for_convener));
}

std::string render_text(const Summary& s, Audience audience) {
    std::string out = s.title + "\n" + std::string(count_chars(s.title), '=') + "\n" + s.subtitle + "\n";
    auto item = [&](const SummaryItem& i) {
        switch (i.kind) {
            case Kind::Paragraph:
                out += plain(i.text) + "\n";
                break;
            case Kind::Subheading:
                out += "\n" + plain(i.text) + ":\n";
                break;
            case Kind::Bullet:
            case Kind::Error:
                out += "- " + indent(plain(i.text), "  ") + "\n";
                break;
            case Kind::Numbered:
                out += std::to_string(i.number) + ". " + indent(plain(i.text), "   ") + "\n";
                break;
            case Kind::Detail:
                out += "    " + indent(plain(i.text), "    ") + "\n";
                break;
        }
    };
    for (const SummaryItem& i : s.header) item(i);
    for (const SummarySection& sec : s.sections) {
        if (!for_audience(sec, audience)) continue;
        out += "\n" + sec.title + "\n" + std::string(count_chars(sec.title), '=') + "\n";
        for (const SummaryItem& i : sec.items) item(i);
    }
    return out;
}

std::string render_markdown(const Summary& s) {
    std::string out = "# " + md(s.title) + "\n\n" + md(s.subtitle) + "\n\n";
    bool in_list = false;
    auto item = [&](const SummaryItem& i) {
        if (in_list && !is_list(i.kind)) out += "\n";
        in_list = is_list(i.kind);
        switch (i.kind) {
            case Kind::Paragraph:
                out += md(i.text) + "\n\n";
                break;
            case Kind::Subheading:
                out += "\n### " + md(i.text) + "\n\n";
                break;
            case Kind::Bullet:
            case Kind::Error:
                out += "- " + indent(md(i.text), "  ") + "\n";
                break;
            case Kind::Numbered:
                out += std::to_string(i.number) + ". " + indent(md(i.text), "   ") + "\n";
                break;
            case Kind::Detail:
                out += "> " + indent(md(i.text), "> ") + "\n\n";
                break;
        }
    };
    for (const SummaryItem& i : s.header) item(i);
    for (const SummarySection& sec : s.sections) {
        if (in_list) out += "\n";
        in_list = false;
        out += "\n## " + md(sec.title) + "\n\n";
        for (const SummaryItem& i : sec.items) item(i);
    }
    return out;
}

bool has_convener_notes(const Summary& s) {
    for (const SummarySection& sec : s.sections)
        if (sec.for_convener && !sec.items.empty()) return true;
    return false;
}

std::string render_html(const Summary& s, Lang lang, Audience audience) {
    std::string body = "<header><h1>" + html(s.title) + "</h1><p class=\"subtitle\">" + html(s.subtitle) + "</p>";
    for (const SummaryItem& i : s.header) body += "<p>" + html(i.text) + "</p>\n";
    body += "</header>\n";
    for (const SummarySection& sec : s.sections) {
        if (!for_audience(sec, audience)) continue;
        const char* cls = sec.for_convener ? " class=\"convener\"" : sec.own_page ? " class=\"page\"" : "";
        body += "<section id=\"" + sec.id + "\"" + cls + "><h2>" + html(sec.title) + "</h2>\n";
        const char* open = nullptr;  // the list element open now
        for (const SummaryItem& i : sec.items) {
            const char* want = !is_list(i.kind) ? nullptr : i.kind == Kind::Numbered ? "ol" : "ul";
            if (open && (!want || std::string_view(open) != want)) body += std::string("</") + open + ">\n";
            if (want && (!open || std::string_view(open) != want)) body += std::string("<") + want + ">\n";
            open = want;
            switch (i.kind) {
                case Kind::Paragraph:
                    body += "<p>" + html_item(i) + "</p>\n";
                    break;
                case Kind::Subheading:
                    body += "<h3>" + html(i.text) + "</h3>\n";
                    break;
                case Kind::Detail:
                    body += "<p class=\"indent\">" + html(i.text) + "</p>\n";
                    break;
                case Kind::Numbered:
                    body += "<li value=\"" + std::to_string(i.number) + "\">" + html_item(i) + "</li>\n";
                    break;
                case Kind::Bullet:
                case Kind::Error:
                    body += "<li>" + html_item(i) + "</li>\n";
                    break;
            }
        }
        if (open) body += std::string("</") + open + ">\n";
        body += "</section>\n";
    }
    // The page reads in its language's direction; the person's own words carry theirs (dir="auto").
    return "<!doctype html>\n<html lang=\"" + std::string(lang_text_tag(lang)) + "\" dir=\"" +
           (lang_is_rtl(lang) ? "rtl" : "ltr") + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
           html(s.title + " – " + s.person) + "</title>\n<style>" + std::string(embedded::print_css) +
           "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
}

}  // namespace sipprep
