#include "summary_view.hpp"

#include "imgui.h"
#include "ui/widgets.hpp"

namespace sipprep::ui {

void summary_view(const Summary& s, const std::string& id) {
    using Kind = SummaryItem::Kind;
    heading(s.title, 3);
    paragraph(s.subtitle);
    for (const SummaryItem& i : s.header) paragraph(i.text);
    for (const SummarySection& sec : s.sections) {
        Group group(Role::Group, id + "-" + sec.id, sec.title);
        heading(sec.title, 3);
        for (const SummaryItem& i : sec.items) {
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
                    ImGui::Indent();
                    muted(i.text);
                    ImGui::Unindent();
                    break;
            }
        }
    }
}

}  // namespace sipprep::ui
