/* The web's bidi module: a small WebAssembly file of its own (sipprep-bidi.wasm), fetched by
 * browser.js only when right-to-left text is to be drawn, so the first download does not carry
 * FriBidi. The app calls it synchronously through one imported function (browser.js). */
#include <stdlib.h>

#include "fribidi_shape.h"

static uint32_t* g_text;
static uint8_t* g_levels;
static int g_capacity;

/* Room for `length` characters; the page writes the text there, then calls sipprep_bidi_run.
 * Returns 0 when there is no memory. */
__attribute__((export_name("sipprep_bidi_buffer"))) uint32_t* sipprep_bidi_buffer(int length) {
    if (length > g_capacity) {
        free(g_text);
        free(g_levels);
        g_text = malloc((size_t)length * sizeof *g_text);
        g_levels = malloc((size_t)length);
        g_capacity = g_text && g_levels ? length : 0;
        if (!g_capacity) return 0;
    }
    return g_text;
}

__attribute__((export_name("sipprep_bidi_levels"))) uint8_t* sipprep_bidi_levels(void) { return g_levels; }

__attribute__((export_name("sipprep_bidi_run"))) int sipprep_bidi_run(int length, int base) {
    if (length > g_capacity) return -1;
    return sipprep_fribidi_shape(g_text, length, base, g_levels);
}
