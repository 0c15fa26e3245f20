#include "gl_renderer.hpp"

#include <GLES3/gl3.h>
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <utility>

#include "imgui.h"

namespace sipprep::shaders {
extern const std::string_view imgui_vert;
extern const std::string_view imgui_frag;
}  // namespace sipprep::shaders

namespace sipprep::web {
namespace {

GLuint program = 0, vao = 0, vbo = 0, ibo = 0;
GLint u_projection = -1;

// The picture on the canvas, band by band: a hash of what is drawn into each band of kBand
// framebuffer rows, in drawing order. The drawing buffer is kept between frames (web/load.js:
// preserveDrawingBuffer), so a frame draws only the bands whose hash changed — a keystroke the
// lines of its field, not the whole canvas — and nothing when none did. Where WebGL runs in
// software, every pixel drawn is the page's time (issue 30); on a phone's GPU it is power.
constexpr int kBand = 32;
struct Picture {
    int width = 0, height = 0;
    ImVec2 pos, size, scale;
    ImVec4 background;
};
struct Shown {
    Picture picture;
    ImVector<ImU64> bands, next;  // ImGui's vector: its code is in the module already
    bool valid = false;           // the canvas shows `bands` of `picture`
} shown;

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
    h = (h ^ v) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 29);
}

// Position and texture coordinates as two 64-bit words, the colour as a third: three mixes a
// vertex, not five (every vertex of every frame passes here, about six times each).
std::uint64_t vertex_hash(const ImDrawVert& v) {
    static_assert(sizeof(ImDrawVert) == 20, "pos, uv (2 floats each) and col (4 bytes)");
    std::uint64_t pos = 0, uv = 0;
    std::memcpy(&pos, &v.pos, sizeof pos);
    std::memcpy(&uv, &v.uv, sizeof uv);
    return mix(mix(mix(0, pos), uv), v.col);
}

// A command's clip rectangle in framebuffer pixels (x0, y0, x1, y1 from the top left).
ImVec4 clip_pixels(const ImDrawCmd& cmd, const ImDrawData* dd) {
    const ImVec2 o = dd->DisplayPos, k = dd->FramebufferScale;
    return ImVec4((cmd.ClipRect.x - o.x) * k.x, (cmd.ClipRect.y - o.y) * k.y, (cmd.ClipRect.z - o.x) * k.x,
                  (cmd.ClipRect.w - o.y) * k.y);
}

// Each band's hash: every triangle that reaches into it (its vertices, texture and clip rectangle).
void hash_bands(const ImDrawData* dd, int fb_height, ImVector<ImU64>& bands) {
    const int count = (fb_height + kBand - 1) / kBand;
    bands.resize(count, 0);
    std::fill(bands.begin(), bands.end(), 0);
    for (int n = 0; n < dd->CmdListsCount; ++n) {
        const ImDrawList* list = dd->CmdLists[n];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            const ImVec4 clip = clip_pixels(cmd, dd);
            if (cmd.UserCallback || clip.z <= clip.x || clip.w <= clip.y) continue;
            std::uint32_t words[4];
            std::memcpy(words, &clip, sizeof words);
            std::uint64_t seed = mix(0, reinterpret_cast<std::uintptr_t>(cmd.GetTexID()));
            for (std::uint32_t w : words) seed = mix(seed, w);
            const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
            const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                std::uint64_t h = seed;
                float top = clip.w, bottom = clip.y;
                for (unsigned c = 0; c < 3; ++c) {
                    const ImDrawVert& v = vtx[idx[i + c]];
                    h = mix(h, vertex_hash(v));
                    const float y = (v.pos.y - dd->DisplayPos.y) * dd->FramebufferScale.y;
                    top = std::min(top, y);
                    bottom = std::max(bottom, y);
                }
                top = std::max(top, clip.y);
                bottom = std::min(bottom, clip.w);
                if (bottom <= top) continue;
                const int first = std::max(0, static_cast<int>(top) / kBand);
                const int last = std::min(count - 1, static_cast<int>(bottom) / kBand);
                for (int b = first; b <= last; ++b) bands[b] = mix(bands[b], h);
            }
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

// The first triangles of the picture that fill with the clear colour, opaque and untextured
// (the window's background): over the rows just cleared they change no pixel, yet they cover
// every row drawn, the most of a frame's pixels where WebGL runs in software (issue 30).
unsigned background_indices(const ImDrawData* dd, ImU32 clear) {
    if (dd->CmdListsCount == 0) return 0;
    const ImDrawList* list = dd->CmdLists[0];
    if (list->CmdBuffer.empty()) return 0;
    const ImDrawCmd& cmd = list->CmdBuffer[0];
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (cmd.UserCallback || cmd.GetTexID() != atlas->TexID) return 0;
    const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
    const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
    unsigned n = 0;
    for (; n + 2 < cmd.ElemCount; n += 3) {
        bool fill = true;
        for (unsigned c = 0; c < 3 && fill; ++c) {
            const ImDrawVert& v = vtx[idx[n + c]];
            fill = v.col == clear && v.uv.x == atlas->TexUvWhitePixel.x && v.uv.y == atlas->TexUvWhitePixel.y;
        }
        if (!fill) break;
    }
    return n;
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
    shown.valid = false;   // the same vertices show other glyphs now
}

void renderer_forget_picture() { shown.valid = false; }

bool renderer_draw(ImDrawData* dd, int fb_width, int fb_height) {
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    // Cleared to the very bytes the window's background has in its vertices.
    const ImU32 clear = ImGui::ColorConvertFloat4ToU32(ImVec4(bg.x, bg.y, bg.z, 1.0f));
    glViewport(0, 0, fb_width, fb_height);
    glClearColor(static_cast<float>(clear >> IM_COL32_R_SHIFT & 0xFF) / 255.0f,
                 static_cast<float>(clear >> IM_COL32_G_SHIFT & 0xFF) / 255.0f,
                 static_cast<float>(clear >> IM_COL32_B_SHIFT & 0xFF) / 255.0f, 1.0f);
    if (fb_width <= 0 || fb_height <= 0) return false;  // nothing to see
    const Picture picture{fb_width, fb_height, dd->DisplayPos, dd->DisplaySize, dd->FramebufferScale, bg};
    const bool whole = !shown.valid || std::memcmp(&picture, &shown.picture, sizeof picture) != 0;
    hash_bands(dd, fb_height, shown.next);
    shown.bands.swap(shown.next);
    shown.picture = picture;
    shown.valid = true;
    // The runs of changed bands: rows [runs[i], runs[i + 1]) from the top.
    ImVector<int> runs;
    for (int b = 0; b < shown.bands.Size; ++b) {
        if (!whole && shown.bands[b] == shown.next[b]) continue;
        const int top = b * kBand, bottom = std::min(fb_height, top + kBand);
        if (!runs.empty() && runs.back() == top)
            runs.back() = bottom;
        else {
            runs.push_back(top);
            runs.push_back(bottom);
        }
    }
    if (runs.empty()) return false;  // on screen already
    use_state(dd->DisplayPos, dd->DisplaySize);
    unsigned skip = background_indices(dd, clear);
    for (int r = 0; r < runs.Size; r += 2) {
        glScissor(0, fb_height - runs[r + 1], fb_width, runs[r + 1] - runs[r]);
        glClear(GL_COLOR_BUFFER_BIT);
    }
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
            const unsigned first = std::exchange(skip, 0);
            if (first == cmd.ElemCount) continue;
            const ImVec4 clip = clip_pixels(cmd, dd);
            for (int r = 0; r < runs.Size; r += 2) {
                const float y0 = std::max(clip.y, static_cast<float>(runs[r]));
                const float y1 = std::min(clip.w, static_cast<float>(runs[r + 1]));
                if (clip.z <= clip.x || y1 <= y0) continue;
                glScissor(static_cast<GLint>(clip.x), static_cast<GLint>(fb_height - y1),
                          static_cast<GLsizei>(clip.z - clip.x), static_cast<GLsizei>(y1 - y0));
                glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID())));
                glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount - first),
                               sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                               reinterpret_cast<const void*>((cmd.IdxOffset + first) * sizeof(ImDrawIdx)));
            }
        }
    }
    glDisable(GL_SCISSOR_TEST);
    glBindVertexArray(0);
    return true;
}

}  // namespace sipprep::web
