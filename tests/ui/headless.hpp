// A headless Dear ImGui context for tests (the example_null pattern): no backend, a built font
// atlas, frames run on demand.
#pragma once

#include <functional>

#include "imgui.h"
#include "ui/a11y.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace sipprep::test {

class Headless {
public:
    Headless(float width = 800, float height = 2000) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        // ImGui's own font (the app's is a build artefact of the web build).
        fonts.body = fonts.subheading = fonts.heading = io.Fonts->AddFontDefault();
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        ui::invisible_marks_take_no_room(fonts.body);
        ui::apply_theme(1.0f, 1.0f);
    }
    ~Headless() { ImGui::DestroyContext(); }

    // One frame: `body` builds the UI inside a window that covers the display, with the tree open.
    void frame(const std::function<void()>& body) {
        ImGui::NewFrame();
        ui::set_current_a11y(&tree);
        tree.begin_frame();
        ui::set_widget_fonts(fonts);
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("##test", nullptr, ImGuiWindowFlags_NoDecoration);
        body();
        ImGui::End();
        tree.end_frame();
        ImGui::Render();
    }

    // For App, which opens its own window and tree.
    void app_frame(const std::function<void(const ui::Fonts&)>& body) {
        ImGui::NewFrame();
        body(fonts);
        ImGui::Render();
    }

    ui::Fonts fonts;
    ui::A11y tree;  // frame()'s accessibility tree
};

}  // namespace sipprep::test
