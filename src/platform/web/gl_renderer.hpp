// A small WebGL2 renderer for Dear ImGui draw data: one program, one vertex/index buffer pair,
// a single-channel texture per font atlas, scissor per command, premultiplied-alpha blending.
#pragma once

struct ImDrawData;
struct ImFontAtlas;

namespace sipprep::web {

void renderer_init();  // compiles and links shaders/imgui.{vert,frag}, without waiting for the result
// Whether they linked (false and a console message when not); the first call, tasks after
// renderer_init(), also warms up WebGL's pipeline. Before the first draw.
bool renderer_ready();
void renderer_upload_font_atlas(ImFontAtlas& atlas);  // after a font atlas was (re)built
// Draws the frame; false when it is the frame on screen already (nothing drawn: the canvas
// keeps showing it).
bool renderer_draw(ImDrawData* draw_data, int framebuffer_width, int framebuffer_height);
// The next renderer_draw draws the whole canvas.
void renderer_forget_picture();

}  // namespace sipprep::web
