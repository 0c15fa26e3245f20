#include "ui/app.hpp"

namespace sipprep::ui {

std::unique_ptr<HostEvents> make_app(Host& host) { return std::make_unique<App>(host); }

}  // namespace sipprep::ui
