// Every item Dear ImGui drew in the last frame (rectangle, label, status), collected through
// ImGui's test-engine hooks. The seed of the accessibility tree; tests find items here.
#pragma once

#include <string>
#include <vector>

namespace sipprep::ui {

struct LoggedItem {
    unsigned int id = 0;
    float x = 0, y = 0, w = 0, h = 0;  // CSS pixels
    std::string label;                  // visible part of the ImGui label ("Exportera")
    std::string key;                    // the part after "##", our stable name for hidden labels
    int status = 0;                     // ImGuiItemStatusFlags
};

void item_log_begin_frame();
void item_log_end_frame();
const std::vector<LoggedItem>& item_log_last_frame();
std::string item_log_json();

}  // namespace sipprep::ui
