// The app's screens over the core model. Platform-free: the platform calls frame() between
// ImGui::NewFrame() and ImGui::Render() and asks for state_json() in tests.
#pragma once

#include <string>

#include "core/bundle.hpp"
#include "core/i18n.hpp"
#include "core/model.hpp"
#include "ui/fonts.hpp"

namespace sipprep::ui {

class App {
public:
    App();

    void frame(const Fonts& fonts);

    // The state a test can read back: language, current author and the content as the bundle has it.
    std::string state_json() const;

    Lang language() const { return lang_; }
    float text_scale() const { return text_scale_; }

private:
    void header();
    void goal_step();
    void export_bar();
    void export_file();

    Preparation prep_ = make_new_preparation();
    Lang lang_ = Lang::Sv;
    float text_scale_ = 1.0f;
    std::string author_ = kPersonId;
    std::string created_;  // first export of this preparation
    std::string status_;   // last message shown under the export button
};

}  // namespace sipprep::ui
