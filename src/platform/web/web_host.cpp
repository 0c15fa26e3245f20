#include "web_host.hpp"

namespace sipprep::web {

void WebHost::request_frames(int count) {
    if (count > frames_wanted_) frames_wanted_ = count;
    sipprep_js_request_frames(count);
}

bool WebHost::take_frame_wanted() {
    if (frames_wanted_ <= 0) return false;
    --frames_wanted_;
    return true;
}

}  // namespace sipprep::web
