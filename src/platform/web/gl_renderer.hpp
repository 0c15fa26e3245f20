// A small WebGL2 renderer for Dear ImGui draw data: one program, one vertex/index buffer pair,
// one single-channel font texture, scissor per command, premultiplied-alpha blending.
#pragma once

struct ImDrawData;

namespace sipprep::web {

bool renderer_init();               // compiles shaders/imgui.{vert,frag}; false (and a console message) on failure
void renderer_upload_font_atlas();  // after the ImGui font atlas was (re)built
// Draws the frame; false when it is the frame on screen already (nothing drawn: the canvas
// keeps showing it).
bool renderer_draw(ImDrawData* draw_data, int framebuffer_width, int framebuffer_height);

}  // namespace sipprep::web
