/* Text sizes told from each character's advance, without shaping the text: how wide a label
 * would be, for choosing which of many labels are worth shaping. Private to fonts/. */
#ifndef TL_FONTS_ESTIMATE_H
#define TL_FONTS_ESTIMATE_H

#include <stdbool.h>

#include "measure.h"

/* The characters whose advances are read from the font: printable ASCII, Latin-1 and the
 * common dashes, quotes and ellipsis. Others are sized roughly (estimate.c). */
enum { TL_FONTS_ADVANCE_CHARS = 95 + 96 + 24 };

/* The estimator of tl_text_measurer (measure.h), over `fonts` (a tl_fonts *). */
bool tl_fonts_estimate(void *fonts, const tl_font *font, const tl_text_shape *shape,
                       const char *text, tl_text_extents *out);

#endif /* TL_FONTS_ESTIMATE_H */
