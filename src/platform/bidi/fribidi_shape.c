#include "fribidi_shape.h"

#include <fribidi.h>
#include <stdlib.h>

int sipprep_fribidi_shape(uint32_t* text, int length, int base, uint8_t* levels) {
    if (length <= 0) return base == 1 ? 1 : 0;
    FriBidiCharType* types = malloc((size_t)length * sizeof *types);
    FriBidiBracketType* brackets = malloc((size_t)length * sizeof *brackets);
    FriBidiArabicProp* joining = malloc((size_t)length * sizeof *joining);
    FriBidiLevel* lv = malloc((size_t)length * sizeof *lv);
    int result = -1;
    if (types && brackets && joining && lv) {
        FriBidiChar* s = (FriBidiChar*)text;
        FriBidiParType dir = base == 0   ? FRIBIDI_PAR_LTR
                             : base == 1 ? FRIBIDI_PAR_RTL
                             : base == 2 ? FRIBIDI_PAR_WLTR
                                         : FRIBIDI_PAR_WRTL;
        fribidi_get_bidi_types(s, length, types);
        fribidi_get_bracket_types(s, length, types, brackets);
        if (fribidi_get_par_embedding_levels_ex(types, brackets, length, &dir, lv)) {
            fribidi_get_joining_types(s, length, joining);
            fribidi_join_arabic(types, length, lv, joining);
            fribidi_shape(FRIBIDI_FLAGS_ARABIC | FRIBIDI_FLAG_SHAPE_MIRRORING, lv, length, joining, s);
            for (int i = 0; i < length; ++i) levels[i] = (uint8_t)lv[i];
            result = FRIBIDI_IS_RTL(dir) ? 1 : 0;
        }
    }
    free(types);
    free(brackets);
    free(joining);
    free(lv);
    return result;
}
