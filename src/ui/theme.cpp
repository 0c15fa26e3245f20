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

// The page's colours, and the few others ImGui draws with here (scrollbars, selections, hovered
// fields: their values from ImGui's light style), as one table each: ImGuiStyle starts dark, and
// ImGui::StyleColorsLight would set 55 colours in 2.5 KB of code for the 30 the app shows.
struct ColorOf {
    ImGuiCol col;
    ImU32 rgba;
};
constexpr ColorOf kColors[] = {
    {ImGuiCol_WindowBg, IM_COL32(250, 248, 242, 255)},
    {ImGuiCol_Text, IM_COL32(26, 26, 31, 255)},
    {ImGuiCol_TextDisabled, IM_COL32(84, 84, 94, 255)},
    {ImGuiCol_CheckMark, IM_COL32(33, 92, 140, 255)},
    {ImGuiCol_FrameBg, IM_COL32(255, 255, 255, 255)},
    {ImGuiCol_Border, IM_COL32(118, 118, 128, 255)},
    {ImGuiCol_Button, IM_COL32(33, 92, 140, 255)},
    {ImGuiCol_ButtonHovered, IM_COL32(26, 74, 117, 255)},
    {ImGuiCol_ButtonActive, IM_COL32(18, 56, 92, 255)},
    {ImGuiCol_NavHighlight, IM_COL32(201, 80, 0, 255)},
    {ImGuiCol_Separator, IM_COL32(140, 140, 153, 255)},
    {ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0)},
    {ImGuiCol_PopupBg, IM_COL32(255, 255, 255, 250)},
    {ImGuiCol_BorderShadow, IM_COL32(0, 0, 0, 0)},
    {ImGuiCol_FrameBgHovered, IM_COL32(66, 150, 250, 102)},
    {ImGuiCol_FrameBgActive, IM_COL32(66, 150, 250, 171)},
    {ImGuiCol_ScrollbarBg, IM_COL32(250, 250, 250, 135)},
    {ImGuiCol_ScrollbarGrab, IM_COL32(176, 176, 176, 204)},
    {ImGuiCol_ScrollbarGrabHovered, IM_COL32(125, 125, 125, 204)},
    {ImGuiCol_ScrollbarGrabActive, IM_COL32(125, 125, 125, 255)},
    {ImGuiCol_Header, IM_COL32(66, 150, 250, 79)},
    {ImGuiCol_HeaderHovered, IM_COL32(66, 150, 250, 204)},
    {ImGuiCol_HeaderActive, IM_COL32(66, 150, 250, 255)},
    {ImGuiCol_SeparatorHovered, IM_COL32(36, 112, 204, 199)},
    {ImGuiCol_SeparatorActive, IM_COL32(36, 112, 204, 255)},
    {ImGuiCol_TextSelectedBg, IM_COL32(66, 150, 250, 89)},
    {ImGuiCol_ModalWindowDimBg, IM_COL32(51, 51, 51, 89)},
    {ImGuiCol_NavWindowingHighlight, IM_COL32(179, 179, 179, 179)},
    {ImGuiCol_NavWindowingDimBg, IM_COL32(51, 51, 51, 51)},
};
// High contrast, over those: black on white; borders and controls at 7:1 or more.
constexpr ColorOf kHighContrast[] = {
    {ImGuiCol_WindowBg, IM_COL32(255, 255, 255, 255)},
    {ImGuiCol_Text, IM_COL32(0, 0, 0, 255)},
    {ImGuiCol_TextDisabled, IM_COL32(51, 51, 51, 255)},
    {ImGuiCol_Border, IM_COL32(0, 0, 0, 255)},
    {ImGuiCol_Separator, IM_COL32(0, 0, 0, 255)},
    {ImGuiCol_FrameBg, IM_COL32(255, 255, 255, 255)},
    {ImGuiCol_FrameBgHovered, IM_COL32(230, 230, 230, 255)},
    {ImGuiCol_Button, IM_COL32(0, 51, 102, 255)},
    {ImGuiCol_ButtonHovered, IM_COL32(0, 34, 68, 255)},
    {ImGuiCol_ButtonActive, IM_COL32(0, 0, 0, 255)},
    {ImGuiCol_CheckMark, IM_COL32(0, 0, 0, 255)},
};

template <std::size_t N>
void set_colors(ImVec4* to, const ColorOf (&from)[N]) {
    for (const ColorOf& c : from) to[c.col] = ImGui::ColorConvertU32ToFloat4(c.rgba);
}

}  // namespace

void apply_theme(float text_scale, float pixel_ratio, bool high_contrast) {
    ImGuiStyle style;
    style.WindowPadding = ImVec2(24, 20);
    style.FramePadding = ImVec2(10, 8);
    style.ItemSpacing = ImVec2(12, 12);
    style.FrameRounding = 6;
    style.GrabRounding = 6;
    style.FrameBorderSize = 1;
    style.WindowBorderSize = 0;
    style.ScrollbarSize = 18;
    set_colors(style.Colors, kColors);
    g_palette = Palette{rgb(196, 76, 0),    rgb(33, 92, 140),   rgb(173, 206, 240), rgb(176, 0, 32),
                        rgb(255, 255, 255), rgb(230, 235, 242), rgb(176, 0, 32),    rgb(33, 92, 140)};
    if (high_contrast) {
        set_colors(style.Colors, kHighContrast);
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
