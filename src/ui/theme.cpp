#include "theme.hpp"

#include "imgui.h"

namespace sipprep::ui {

void apply_theme(float text_scale, float pixel_ratio, bool high_contrast) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(24, 20);
    style.FramePadding = ImVec2(10, 8);
    style.ItemSpacing = ImVec2(12, 12);
    style.FrameRounding = 6;
    style.GrabRounding = 6;
    style.FrameBorderSize = 1;
    style.WindowBorderSize = 0;
    style.ScrollbarSize = 18;
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.97f, 0.95f, 1.0f);
    c[ImGuiCol_Text] = ImVec4(0.10f, 0.10f, 0.12f, 1.0f);
    c[ImGuiCol_CheckMark] = ImVec4(0.13f, 0.36f, 0.55f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.36f, 0.36f, 0.40f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.45f, 0.45f, 0.50f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.13f, 0.36f, 0.55f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.10f, 0.29f, 0.46f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.07f, 0.22f, 0.36f, 1.0f);
    c[ImGuiCol_NavHighlight] = ImVec4(0.85f, 0.40f, 0.00f, 1.0f);
    c[ImGuiCol_Separator] = ImVec4(0.55f, 0.55f, 0.60f, 1.0f);
    if (high_contrast) {
        // Black on white, borders and controls that stand out at 7:1 or more.
        c[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 1);
        c[ImGuiCol_Text] = ImVec4(0, 0, 0, 1);
        c[ImGuiCol_TextDisabled] = ImVec4(0.20f, 0.20f, 0.20f, 1);
        c[ImGuiCol_Border] = ImVec4(0, 0, 0, 1);
        c[ImGuiCol_Separator] = ImVec4(0, 0, 0, 1);
        c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
        c[ImGuiCol_FrameBgHovered] = ImVec4(0.90f, 0.90f, 0.90f, 1);
        c[ImGuiCol_Button] = ImVec4(0, 0.20f, 0.40f, 1);
        c[ImGuiCol_ButtonHovered] = ImVec4(0, 0.13f, 0.27f, 1);
        c[ImGuiCol_ButtonActive] = ImVec4(0, 0, 0, 1);
        c[ImGuiCol_CheckMark] = ImVec4(0, 0, 0, 1);
        style.FrameBorderSize = 2;
    }
    style.ScaleAllSizes(text_scale);
    style.CircleTessellationMaxError = 0.30f / (pixel_ratio > 1.0f ? pixel_ratio : 1.0f);
    ImGui::GetStyle() = style;
}

}  // namespace sipprep::ui
