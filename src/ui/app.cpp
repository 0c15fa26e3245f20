#include "app.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/model_json.hpp"
#include "imgui.h"
#include "platform/platform.hpp"
#include "ui/a11y.hpp"
#include "ui/widgets.hpp"

namespace sipprep::ui {

App::App() = default;

void App::frame(const Fonts& fonts) {
    a11y().begin_frame();
    set_widget_fonts(fonts);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::Begin("##main", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    // Content keeps a readable line length on wide screens.
    const float max_width = 760.0f * text_scale_;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float column = std::min(avail, max_width);
    if (avail > column) ImGui::Indent((avail - column) * 0.5f);
    set_column_right(ImGui::GetCursorPosX() + column);

    header();
    goal_step();
    export_bar();

    ImGui::End();
    a11y().end_frame();
}

void App::header() {
    heading(tr(lang_, "app.title"), 1);
    paragraph(tr(lang_, "app.subtitle"));
    int selected = lang_ == Lang::En ? 1 : 0;
    if (radio_group(tr(lang_, "app.language"), "language", {tr(Lang::Sv, "lang.sv"), tr(Lang::En, "lang.en")},
                    &selected))
        lang_ = selected == 1 ? Lang::En : Lang::Sv;
    ImGui::Separator();
}

void App::goal_step() {
    ImGui::Spacing();
    FieldOptions o;
    o.multiline = true;
    o.min_lines = 4;
    o.help = tr(lang_, "goal.help");
    std::string text = find_text(prep_.goals.long_term, author_) ? *find_text(prep_.goals.long_term, author_) : "";
    if (text_field(tr(lang_, "goal.question"), "goal", &text, o)) set_text(prep_.goals.long_term, author_, text);
}

void App::export_bar() {
    ImGui::Spacing();
    if (button(tr(lang_, "export.button"), "export", ButtonStyle::Primary)) export_file();
    if (!status_.empty()) paragraph(status_);
}

void App::export_file() {
    BundleMeta meta;
    meta.updated = now_utc_iso();
    if (created_.empty()) created_ = meta.updated;
    meta.created = created_;
    meta.language = lang_;
    const std::string name = "sip-forberedelse-" + today_local_iso() + ".json";
    platform::download_file(name, "application/json", export_bundle(prep_, meta));
    status_ = trf(lang_, "export.done", {name});
    announce(status_);
}

std::string App::state_json() const {
    Json j;
    j["language"] = std::string(lang_code(lang_));
    j["author"] = author_;
    j["content"] = to_json(prep_);
    return j.dump();
}

}  // namespace sipprep::ui
