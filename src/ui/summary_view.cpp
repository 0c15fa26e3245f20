#include "summary_view.hpp"

#include <algorithm>
#include <functional>

#include "imgui.h"
#include "ui/widgets.hpp"

namespace sipprep::ui {
namespace {

std::size_t run_signature(const std::vector<SummaryItem>& items, std::size_t begin, std::size_t end) {
    const std::hash<std::string> h;
    std::size_t sig = end - begin;
    for (std::size_t k = begin; k < end; ++k) {
        sig = hash_combine(sig, h(items[k].text));
        sig = hash_combine(sig, static_cast<std::size_t>(items[k].kind) * 1000003u + items[k].number);
    }
    return sig;
}

void draw_item(const SummaryItem& i) {
    using Kind = SummaryItem::Kind;
    switch (i.kind) {
        case Kind::Paragraph:
            paragraph(i.text);
            break;
        case Kind::Subheading:
            heading(i.text, 4);
            break;
        case Kind::Bullet:
            paragraph("• " + i.text);
            break;
        case Kind::Error:
            error_text("• " + i.text);
            break;
        case Kind::Numbered:
            paragraph(std::to_string(i.number) + ". " + i.text);
            break;
        case Kind::Detail:
            indent();
            muted(i.text);
            unindent();
            break;
    }
}

}  // namespace

void summary_view(const Summary& s, const std::string& id) {
    heading(s.title, 3);
    paragraph(s.subtitle);
    for (const SummaryItem& i : s.header) paragraph(i.text);
    for (const SummarySection& sec : s.sections) {
        Group group(Role::Group, id + "-" + sec.id, sec.title);
        heading(sec.title, 3);
        for (std::size_t begin = 0; begin < sec.items.size(); begin += kRunLength) {
            const std::size_t end = std::min(sec.items.size(), begin + kRunLength);
            CachedRegion region(id + "-" + sec.id + "-" + std::to_string(begin), run_signature(sec.items, begin, end));
            if (!region.draw()) continue;
            Group run(Role::Run, id + "-" + sec.id + "-" + std::to_string(begin), "");
            for (std::size_t k = begin; k < end; ++k) draw_item(sec.items[k]);
        }
    }
}

void text_list(const std::vector<std::string>& lines, bool errors, const std::string& id) {
    const std::hash<std::string> h;
    for (std::size_t begin = 0; begin < lines.size(); begin += kRunLength) {
        const std::size_t end = std::min(lines.size(), begin + kRunLength);
        std::size_t sig = errors ? 1 : 2;
        for (std::size_t k = begin; k < end; ++k) sig = hash_combine(sig, h(lines[k]));
        CachedRegion region(id + "-" + std::to_string(begin), sig);
        if (!region.draw()) continue;
        Group run(Role::Run, id + "-" + std::to_string(begin), "");
        for (std::size_t k = begin; k < end; ++k) {
            if (errors)
                error_text("• " + lines[k]);
            else
                paragraph("• " + lines[k]);
        }
    }
}

}  // namespace sipprep::ui
