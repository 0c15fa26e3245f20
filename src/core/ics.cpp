#include "ics.hpp"

#include <algorithm>
#include <cstdio>

#include "base/sha256.hpp"
#include "date.hpp"
#include "labels.hpp"

namespace sipprep {

std::string ics_escape(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (ch == '\\' || ch == ';' || ch == ',') {
            out += '\\';
            out += ch;
        } else if (ch == '\r') {
            out += "\\n";
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else if (ch == '\n') {
            out += "\\n";
        } else {
            out += ch;
        }
    }
    return out;
}

std::string ics_fold(std::string_view line) {
    std::string out;
    std::size_t used = 0;  // octets on the current physical line
    for (std::size_t i = 0; i < line.size();) {
        std::size_t len = 1;  // the octets of this UTF-8 character
        const auto lead = static_cast<unsigned char>(line[i]);
        if (lead >= 0xF0)
            len = 4;
        else if (lead >= 0xE0)
            len = 3;
        else if (lead >= 0xC0)
            len = 2;
        len = std::min(len, line.size() - i);
        if (used + len > 75) {
            out += "\r\n ";
            used = 1;
        }
        out.append(line.substr(i, len));
        used += len;
        i += len;
    }
    return out + "\r\n";
}

std::optional<int> parse_hhmm(std::string_view t) {
    if (t.size() != 5 || t[2] != ':') return std::nullopt;
    for (std::size_t i : {0, 1, 3, 4})
        if (t[i] < '0' || t[i] > '9') return std::nullopt;
    const int h = (t[0] - '0') * 10 + (t[1] - '0');
    const int m = (t[3] - '0') * 10 + (t[4] - '0');
    if (h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

namespace {

std::string two(int n) {
    char b[8];
    std::snprintf(b, sizeof b, "%02d", n);
    return b;
}

std::string ics_date(const Date& d) { return std::to_string(d.year) + two(d.month) + two(d.day); }

Date next_day(Date d) {
    if (is_valid_date(d.year, d.month, d.day + 1)) return {d.year, d.month, d.day + 1};
    if (d.month < 12) return {d.year, d.month + 1, 1};
    return {d.year + 1, 1, 1};
}

// "2026-11-23T14:05:09Z" → "20261123T140509Z"; "" when it is not that shape.
std::string ics_stamp(const std::string& iso) {
    if (iso.size() != 20 || iso[10] != 'T' || iso[19] != 'Z') return "";
    std::string out;
    for (char ch : iso)
        if (ch != '-' && ch != ':') out += ch;
    return out;
}

}  // namespace

std::optional<std::string> follow_up_ics(const Preparation& p, Lang lang, const std::string& stamp_utc) {
    const Agreement& a = p.agreed;
    const auto day = parse_iso_date(a.follow_up_on);
    if (!day) return std::nullopt;
    const auto minutes = a.follow_up_time.empty() ? std::optional<int>() : parse_hhmm(a.follow_up_time);
    if (!a.follow_up_time.empty() && !minutes) return std::nullopt;
    const std::string stamp = ics_stamp(stamp_utc);
    if (stamp.empty()) return std::nullopt;

    std::string description;
    if (const std::string lead = lead_text(p, lang); !lead.empty())
        description += trf(lang, "summary.agreed.lead", {lead});
    if (!a.contact.empty())
        description += (description.empty() ? "" : "\n") + trf(lang, "summary.agreed.contact", {a.contact});

    std::string out;
    auto line = [&](const std::string& l) { out += ics_fold(l); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//sipprep//Förbered din SIP//" + std::string(lang == Lang::Sv ? "SV" : "EN"));
    line("CALSCALE:GREGORIAN");
    line("BEGIN:VEVENT");
    line("UID:" + sha256_hex(stamp + a.follow_up_on + a.follow_up_time + a.follow_up_place).substr(0, 32) + "@sipprep");
    line("DTSTAMP:" + stamp);
    if (minutes) {
        // An hour: the meeting structure in seed 000 ("Mötetid") is three parts of 20 minutes.
        line("DTSTART:" + ics_date(*day) + "T" + two(*minutes / 60) + two(*minutes % 60) + "00");
        line("DURATION:PT1H");
    } else {
        line("DTSTART;VALUE=DATE:" + ics_date(*day));
        line("DTEND;VALUE=DATE:" + ics_date(next_day(*day)));
    }
    line("SUMMARY:" + ics_escape(tr(lang, "ics.summary")));
    if (!a.follow_up_place.empty()) line("LOCATION:" + ics_escape(a.follow_up_place));
    if (!description.empty()) line("DESCRIPTION:" + ics_escape(description));
    line("END:VEVENT");
    line("END:VCALENDAR");
    return out;
}

}  // namespace sipprep
