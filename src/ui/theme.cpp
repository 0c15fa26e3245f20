#include "theme.hpp"

#include <cmath>

namespace sipprep::ui {
namespace {

Palette g_palette;

ImVec4 rgb(int r, int g, int b) { return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, 1.0f); }

float luminance(const ImVec4& c) {
    auto lin = [](float v) { return v <= 0.03928f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f); };
    return 0.2126f * lin(c.x) + 0.7152f * lin(c.y) + 0.0722f * lin(c.z);
}

}  // namespace

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
    c[ImGuiCol_WindowBg] = rgb(250, 248, 242);
    c[ImGuiCol_Text] = rgb(26, 26, 31);
    c[ImGuiCol_TextDisabled] = rgb(84, 84, 94);
    c[ImGuiCol_CheckMark] = rgb(33, 92, 140);
    c[ImGuiCol_FrameBg] = rgb(255, 255, 255);
    c[ImGuiCol_Border] = rgb(118, 118, 128);
    c[ImGuiCol_Button] = rgb(33, 92, 140);
    c[ImGuiCol_ButtonHovered] = rgb(26, 74, 117);
    c[ImGuiCol_ButtonActive] = rgb(18, 56, 92);
    c[ImGuiCol_NavHighlight] = rgb(201, 80, 0);
    c[ImGuiCol_Separator] = rgb(140, 140, 153);
    g_palette = Palette{rgb(196, 76, 0),    rgb(33, 92, 140),   rgb(173, 206, 240), rgb(176, 0, 32),
                        rgb(255, 255, 255), rgb(230, 235, 242), rgb(176, 0, 32),    rgb(33, 92, 140)};
    if (high_contrast) {
        // Black on white; borders and controls at 7:1 or more.
        c[ImGuiCol_WindowBg] = rgb(255, 255, 255);
        c[ImGuiCol_Text] = rgb(0, 0, 0);
        c[ImGuiCol_TextDisabled] = rgb(51, 51, 51);
        c[ImGuiCol_Border] = rgb(0, 0, 0);
        c[ImGuiCol_Separator] = rgb(0, 0, 0);
        c[ImGuiCol_FrameBg] = rgb(255, 255, 255);
        c[ImGuiCol_FrameBgHovered] = rgb(230, 230, 230);
        c[ImGuiCol_Button] = rgb(0, 51, 102);
        c[ImGuiCol_ButtonHovered] = rgb(0, 34, 68);
        c[ImGuiCol_ButtonActive] = rgb(0, 0, 0);
        c[ImGuiCol_CheckMark] = rgb(0, 0, 0);
        style.FrameBorderSize = 2;
        g_palette = Palette{rgb(153, 51, 0),    rgb(0, 0, 0),       rgb(255, 230, 120), rgb(153, 0, 0),
                            rgb(255, 255, 255), rgb(255, 255, 255), rgb(153, 0, 0),     rgb(0, 0, 0)};
    }
    style.ScaleAllSizes(text_scale);
    style.CircleTessellationMaxError = 0.30f / (pixel_ratio > 1.0f ? pixel_ratio : 1.0f);
    ImGui::GetStyle() = style;
}

const Palette& palette() { return g_palette; }

float contrast_ratio(const ImVec4& a, const ImVec4& b) {
    float la = luminance(a), lb = luminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05f) / (lb + 0.05f);
}

std::vector<ContrastPair> contrast_pairs() {
    const ImVec4* c = ImGui::GetStyle().Colors;
    const Palette& p = g_palette;
    return {
        {"text on the page", c[ImGuiCol_Text], c[ImGuiCol_WindowBg], 4.5f},
        {"help text on the page", c[ImGuiCol_TextDisabled], c[ImGuiCol_WindowBg], 4.5f},
        {"text in a field", c[ImGuiCol_Text], c[ImGuiCol_FrameBg], 4.5f},
        {"selected text", c[ImGuiCol_Text], p.selection, 4.5f},
        {"primary button text", p.primary_text, c[ImGuiCol_Button], 4.5f},
        {"primary button text, hovered", p.primary_text, c[ImGuiCol_ButtonHovered], 4.5f},
        {"secondary button text", c[ImGuiCol_Text], p.normal_button, 4.5f},
        {"danger button text", p.primary_text, p.danger_button, 4.5f},
        {"error text", p.error, c[ImGuiCol_WindowBg], 4.5f},
        {"field border", c[ImGuiCol_Border], c[ImGuiCol_WindowBg], 3.0f},
        {"focused field border", p.field_focused, c[ImGuiCol_FrameBg], 3.0f},
        {"focus ring", p.focus_ring, c[ImGuiCol_WindowBg], 3.0f},
        {"check mark and radio dot", c[ImGuiCol_CheckMark], c[ImGuiCol_FrameBg], 3.0f},
        {"progress bar", p.progress, c[ImGuiCol_WindowBg], 3.0f},
    };
}

}  // namespace sipprep::ui
