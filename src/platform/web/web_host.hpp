// The browser's side of the app's requests (ui/host.hpp): WebHostBase (generated from
// src/platform/seam.def) sends each to the page; this class adds what needs more than that.
#pragma once

#include "seam_web.hpp"

namespace sipprep::web {

class WebHost final : public WebHostBase {
public:
    void request_frames(int count) override;

    // Frames still wanted (ImGui settling after input, messages to show); counted down per frame.
    bool take_frame_wanted();

private:
    int frames_wanted_ = 0;
};

}  // namespace sipprep::web
