/* One paragraph through FriBidi: the Unicode bidirectional algorithm's embedding levels and
 * Arabic shaping (joining forms as presentation forms, lam-alef ligatures, mirrored brackets).
 * Shared by the native build (Debian's libfribidi) and the web's lazily loaded bidi module
 * (the same library built from Debian's source package by build-wasm.sh). */
#ifndef SIPPREP_FRIBIDI_SHAPE_H
#define SIPPREP_FRIBIDI_SHAPE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* base: 0 left-to-right, 1 right-to-left, 2 from the first strong character (left-to-right if
 * none), 3 the same but right-to-left if none.
 * `text` (UTF-32, logical order, `length` characters, no line breaks) is shaped in place: each
 * character stays at its index (a ligature's second character becomes U+FEFF, which takes no
 * room). `levels` gets each character's embedding level (odd: right to left).
 * Returns the paragraph's direction (0 or 1), or -1 when FriBidi could not allocate. */
int sipprep_fribidi_shape(uint32_t* text, int length, int base, uint8_t* levels);

#ifdef __cplusplus
}
#endif

#endif
