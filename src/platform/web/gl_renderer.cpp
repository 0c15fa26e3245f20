#include "gl_renderer.hpp"

#include <GLES3/gl3.h>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <vector>

#include "imgui.h"

namespace sipprep::shaders {
extern const std::string_view imgui_vert;
extern const std::string_view imgui_frag;
}  // namespace sipprep::shaders

namespace sipprep::web {
namespace {

GLuint program = 0, vao = 0, vbo = 0, ibo = 0;
GLint u_projection = -1;

// The last frame drawn, byte for byte: a frame that would draw the same is not drawn again
// (where WebGL runs in software, each drawn frame costs the page tens of milliseconds).
struct LastFrame {
    std::vector<unsigned char> bytes, next;
    bool valid = false;
} last;

template <typename T>
void append(std::vector<unsigned char>& out, const T* data, std::size_t count) {
    const auto* p = reinterpret_cast<const unsigned char*>(data);
    out.insert(out.end(), p, p + count * sizeof(T));
}

// Everything renderer_draw reads, in one buffer.
void serialise(const ImDrawData* dd, int fb_width, int fb_height, std::vector<unsigned char>& out) {
    out.clear();
    const int size[2] = {fb_width, fb_height};
    append(out, size, 2);
    append(out, &dd->DisplayPos, 1);
    append(out, &dd->DisplaySize, 1);
    append(out, &dd->FramebufferScale, 1);
    append(out, &ImGui::GetStyle().Colors[ImGuiCol_WindowBg], 1);
    for (int n = 0; n < dd->CmdListsCount; ++n) {
        const ImDrawList* list = dd->CmdLists[n];
        const int counts[3] = {list->VtxBuffer.Size, list->IdxBuffer.Size, list->CmdBuffer.Size};
        append(out, counts, 3);
        append(out, list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size));
        append(out, list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            const std::uintptr_t fields[5] = {reinterpret_cast<std::uintptr_t>(cmd.UserCallback),
                                              reinterpret_cast<std::uintptr_t>(cmd.GetTexID()), cmd.ElemCount,
                                              cmd.IdxOffset, cmd.VtxOffset};
            append(out, fields, 5);
            append(out, &cmd.ClipRect, 1);
        }
    }
}

GLuint compile(GLenum type, std::string_view source) {
    GLuint s = glCreateShader(type);
    const char* text = source.data();
    GLint len = static_cast<GLint>(source.size());
    glShaderSource(s, 1, &text, &len);
    glCompileShader(s);
    return s;
}

// What every draw of ImGui's lists draws with, for the display rectangle `pos`, `size`.
void use_state(ImVec2 pos, ImVec2 size) {
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_SCISSOR_TEST);

    const float l = pos.x, r = pos.x + size.x;
    const float t = pos.y, b = pos.y + size.y;
    const float projection[16] = {2.0f / (r - l),    0, 0, 0, 0, 2.0f / (t - b), 0, 0, 0, 0, -1, 0, (r + l) / (l - r),
                                  (t + b) / (b - t), 0, 1};
    glUseProgram(program);
    glUniformMatrix4fv(u_projection, 1, GL_FALSE, projection);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vao);
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
}

void set_texture_parameters() {
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

// WebGL in software (SwiftShader) compiles its pipeline — the shaders for this program, blending,
// vertex layout and texture format — the first time something is drawn with it, in the GPU
// process; the first frame's commit then waited for that (hundreds of ms, issue 30). One pixel
// drawn the same way now, while the page still hides the canvas (web/style.css), and flushed: the
// GPU process compiles while this thread goes on to the font atlas, and nothing waits for it.
void warm_up() {
    GLuint texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    set_texture_parameters();
    const unsigned char texel = 0;
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, 1, 1, 0, GL_RED, GL_UNSIGNED_BYTE, &texel);
    use_state(ImVec2(0, 0), ImVec2(1, 1));
    glScissor(0, 0, 1, 1);
    const ImDrawVert vertices[3] = {
        {ImVec2(0, 0), ImVec2(0, 0), 0}, {ImVec2(1, 0), ImVec2(0, 0), 0}, {ImVec2(0, 1), ImVec2(0, 0), 0}};
    const ImDrawIdx indices[3] = {0, 1, 2};
    glBufferData(GL_ARRAY_BUFFER, sizeof vertices, vertices, GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof indices, indices, GL_STREAM_DRAW);
    glDrawElements(GL_TRIANGLES, 3, sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT, nullptr);
    glDisable(GL_SCISSOR_TEST);
    glBindVertexArray(0);
    glDeleteTextures(1, &texture);
    glFlush();
}

}  // namespace

// Nothing here waits for the GPU process: asking whether the program linked (WebGL asks too, at
// its first use) waits until it has, 20-45 ms of main() at 4x CPU (issue 30). renderer_ready()
// asks tasks later, when the answer is there.
void renderer_init() {
    program = glCreateProgram();
    for (GLuint shader :
         {compile(GL_VERTEX_SHADER, shaders::imgui_vert), compile(GL_FRAGMENT_SHADER, shaders::imgui_frag)}) {
        glAttachShader(program, shader);
        glDeleteShader(shader);  // goes with the program
    }
    glLinkProgram(program);

    glGenVertexArrays(1, &vao);
    glGenBuffers(1, &vbo);
    glGenBuffers(1, &ibo);
    glBindVertexArray(vao);
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    auto offset = [](std::size_t o) { return reinterpret_cast<const void*>(o); };
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), offset(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), offset(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), offset(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);
    glFlush();  // the GPU process compiles and links while this thread goes on
}

bool renderer_ready() {
    static int linked = -1;
    if (linked >= 0) return linked;
    glGetProgramiv(program, GL_LINK_STATUS, &linked);
    if (!linked) {
        char log[1024];
        glGetProgramInfoLog(program, sizeof log, nullptr, log);
        std::fputs("shaders did not link: ", stderr);
        std::fputs(log, stderr);
        return false;
    }
    u_projection = glGetUniformLocation(program, "u_projection");  // u_texture is 0, the unit used
    warm_up();
    return true;
}

void renderer_upload_font_atlas(ImFontAtlas& atlas) {
    // Built by ui::build_font (GetTexDataAsAlpha8 would link ImGui's fallback font).
    GLuint texture = static_cast<GLuint>(reinterpret_cast<intptr_t>(atlas.TexID));
    if (!texture) glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    set_texture_parameters();
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, atlas.TexWidth, atlas.TexHeight, 0, GL_RED, GL_UNSIGNED_BYTE,
                 atlas.TexPixelsAlpha8);
    // Sent to the GPU process now: it copies the atlas (megabytes at a phone's pixel ratio) while
    // this thread lays out the first frame, not in the first frame's commit (issue 30).
    glFlush();
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture)));
    atlas.ClearTexData();  // the GPU has it now
    last.valid = false;    // the same vertices show other glyphs now
}

bool renderer_draw(ImDrawData* dd, int fb_width, int fb_height) {
    if (dd) {
        serialise(dd, fb_width, fb_height, last.next);
        if (last.valid && last.next == last.bytes) return false;  // on screen already
        std::swap(last.bytes, last.next);
        last.valid = true;
    } else {
        last.valid = false;
    }
    glViewport(0, 0, fb_width, fb_height);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (!dd || fb_width <= 0 || fb_height <= 0) return true;

    use_state(dd->DisplayPos, dd->DisplaySize);

    const ImVec2 clip_off = dd->DisplayPos;
    const ImVec2 clip_scale = dd->FramebufferScale;
    for (int n = 0; n < dd->CmdListsCount; ++n) {
        const ImDrawList* list = dd->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, list->VtxBuffer.Size * sizeof(ImDrawVert), list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, list->IdxBuffer.Size * sizeof(ImDrawIdx), list->IdxBuffer.Data,
                     GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                continue;
            }
            const float x0 = (cmd.ClipRect.x - clip_off.x) * clip_scale.x;
            const float y0 = (cmd.ClipRect.y - clip_off.y) * clip_scale.y;
            const float x1 = (cmd.ClipRect.z - clip_off.x) * clip_scale.x;
            const float y1 = (cmd.ClipRect.w - clip_off.y) * clip_scale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            glScissor(static_cast<GLint>(x0), static_cast<GLint>(fb_height - y1), static_cast<GLsizei>(x1 - x0),
                      static_cast<GLsizei>(y1 - y0));
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                           sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<const void*>(cmd.IdxOffset * sizeof(ImDrawIdx)));
        }
    }
    glDisable(GL_SCISSOR_TEST);
    glBindVertexArray(0);
    return true;
}

}  // namespace sipprep::web
