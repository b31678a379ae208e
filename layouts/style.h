/* How a status looks, shared by every layout variant: marks, bars, stems and labels. */
#ifndef TL_STYLE_H
#define TL_STYLE_H

#include <stdbool.h>

#include "scene.h"

typedef struct tl_status_style {
    tl_marker_fill mark_fill;
    tl_dash mark_dash;
    bool mark_cross;
    double bar_alpha; /* fill opacity of a span bar: 1 solid, 0 outline only */
    bool bar_outline;
    tl_dash bar_dash; /* of the outline */
    tl_dash stem_dash;
    bool strike; /* the label is struck through and muted */
} tl_status_style;

const tl_status_style *tl_style_status(tl_status status);
/* The word a status is shown and explained by: "tentative", "cancelled". */
const char *tl_style_status_word(tl_status status);
void tl_style_marker(tl_marker_op *mk, tl_status status, tl_color color);
void tl_style_bar(tl_rect_op *bar, tl_status status, tl_color color);

#endif /* TL_STYLE_H */
