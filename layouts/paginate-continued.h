/* Pagination: the names of spans and eras that run on from the page before
 * (paginate-continued.c). */
#ifndef TL_PAGINATE_CONTINUED_H
#define TL_PAGINATE_CONTINUED_H

#include <stdbool.h>

#include "fonts/measure.h"
#include "locale/locale.h"
#include "scene/scene.h"

/* A page across time, as the pages' assembly (paginate.c) places its slice of the chart. */
typedef struct continued_page {
    double lo, end;            /* the chart's x the page shows, from its start */
    double cross_lo, cross_hi; /* and its y */
    double x, y, src_y, scale; /* chart (lo, src_y) lands at page (x, y), scaled */
    const bool *shown;         /* per op: drawn whole on this page */
} continued_page;

/* Adds to the page's overlay the name of each span or era whose bar the page shows cut at its
 * start while its label is drawn on another page: inside the bar, "NAME (continued)" in the
 * chart's words, shortened to the room the row has, left out when that is too little. */
bool tl_paginate_name_continued(tl_scene *s, tl_page *page, const continued_page *cp,
                                const int *op_unit, const tl_text_measurer *m, tl_locale *loc,
                                tl_error **err);

/* Marks where the page cuts a dependency's arrow at its left or right edge: a small head at
 * the edge, in the arrow's colour, pointing the way the arrow runs, so that an arrow leaving
 * the page is seen to go on, and one arriving to come from the page before. */
void tl_paginate_mark_links(tl_scene *s, tl_page *page, const continued_page *cp);

#endif /* TL_PAGINATE_CONTINUED_H */
