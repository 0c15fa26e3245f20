#include "app.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/model_json.hpp"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/item_log.hpp"
#include "platform/platform.hpp"

namespace sipprep::ui {
namespace {

// Height for a multi-line field that grows with its text (at least `min_lines`).
float grown_height(const std::string& text, int min_lines) {
    int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    lines = std::max(lines + 1, min_lines);
    return ImGui::GetTextLineHeight() * static_cast<float>(lines) + ImGui::GetStyle().FramePadding.y * 2.0f;
}

// Edits `author`'s voice in `voices`; returns true when the text changed.
bool voice_field(const char* id, Voices& voices, const std::string& author, int min_lines) {
    const std::string* current = find_text(voices, author);
    std::string text = current ? *current : std::string();
    bool changed = ImGui::InputTextMultiline(id, &text, ImVec2(-1.0f, grown_height(text, min_lines)));
    if (changed) set_text(voices, author, std::move(text));
    return changed;
}

}  // namespace

App::App() = default;

void App::frame(const Fonts& fonts) {
    item_log_begin_frame();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::Begin("##main", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    // Content keeps a readable line length on wide screens.
    const float max_width = 760.0f * text_scale_;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > max_width) ImGui::Indent((avail - max_width) * 0.5f);
    ImGui::PushItemWidth(std::min(avail, max_width));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(avail, max_width));

    header(fonts);
    goal_step();
    export_bar();

    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::PopItemWidth();
    ImGui::End();
    item_log_end_frame();
}

void App::header(const Fonts& fonts) {
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(tr(lang_, "app.title").c_str());
    ImGui::PopFont();
    ImGui::TextWrapped("%s", tr(lang_, "app.subtitle").c_str());

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(lang_, "app.language").c_str());
    for (Lang l : kAllLangs) {
        ImGui::SameLine();
        std::string label = tr(l, "lang." + std::string(lang_code(l))) + "##lang-" + std::string(lang_code(l));
        if (ImGui::RadioButton(label.c_str(), lang_ == l)) lang_ = l;
    }
    ImGui::Separator();
}

void App::goal_step() {
    ImGui::Spacing();
    ImGui::TextUnformatted(tr(lang_, "goal.question").c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", tr(lang_, "goal.help").c_str());
    ImGui::PopStyleColor();
    voice_field("##goal", prep_.goals.long_term, author_, 5);
}

void App::export_bar() {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    const bool pressed = ImGui::Button(tr(lang_, "export.button").c_str());
    ImGui::PopStyleColor();
    if (pressed) export_file();
    if (!status_.empty()) ImGui::TextWrapped("%s", status_.c_str());
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
}

std::string App::state_json() const {
    Json j;
    j["language"] = std::string(lang_code(lang_));
    j["author"] = author_;
    j["content"] = to_json(prep_);
    return j.dump();
}

}  // namespace sipprep::ui
