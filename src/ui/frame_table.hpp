// Hash tables filled anew in every frame. clear() costs the table's bucket count, not its size,
// and one frame that met many keys (the first draws a whole long list) leaves that count large:
// such a table is made anew instead, so the frames after cost what they hold.
#pragma once

namespace sipprep::ui {

template <typename Table>
void clear_for_next_frame(Table& table) {
    if (table.bucket_count() > 8 * table.size() + 64)
        table = Table{};
    else
        table.clear();
}

}  // namespace sipprep::ui
