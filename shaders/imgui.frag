#version 300 es
// The font atlas is a single-channel coverage texture. The output is premultiplied alpha
// (blend ONE, ONE_MINUS_SRC_ALPHA), so the canvas stays correct when the page composites it.
precision mediump float;

uniform sampler2D u_texture;

in vec2 v_uv;
in vec4 v_color;

out vec4 o_color;

void main() {
    float alpha = v_color.a * texture(u_texture, v_uv).r;
    o_color = vec4(v_color.rgb * alpha, alpha);
}
