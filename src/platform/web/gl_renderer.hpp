// A small WebGL2 renderer for Dear ImGui draw data: one program, one vertex/index buffer pair,
// a single-channel texture per font atlas, scissor per command, premultiplied-alpha blending.
#pragma once

struct ImDrawData;
struct ImFontAtlas;

namespace sipprep::web {

bool renderer_init();  // compiles shaders/imgui.{vert,frag}; false (and a console message) on failure
void renderer_upload_font_atlas(ImFontAtlas& atlas);  // after a font atlas was (re)built
// Draws the frame; false when it is the frame on screen already (nothing drawn: the canvas
// keeps showing it).
bool renderer_draw(ImDrawData* draw_data, int framebuffer_width, int framebuffer_height);

}  // namespace sipprep::web
