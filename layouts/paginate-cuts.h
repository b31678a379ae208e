/* Pagination's cuts: the plan of a chart's pages, and the units and slices that cut it into
 * them (paginate-cuts.c); shared with the pages' assembly (paginate.c). */
#ifndef TL_PAGINATE_CUTS_H
#define TL_PAGINATE_CUTS_H

#include <stdbool.h>
#include <stddef.h>

#include "scene/scene.h"

typedef struct page_box {
    double width, height;
    double x, y, w, h; /* the content area, inside the margins */
    double number_y;   /* top of the page number */
} page_box;

typedef enum part { PART_HEADER, PART_PLOT, PART_FOOTER } part;

/* Which part of the chart an op belongs to. */
part tl_paginate_op_part(const tl_scene *s, const tl_op *op);

typedef struct plan {
    int d;                   /* the axis pages follow: 0 across (x), 1 down (y) */
    double s;                /* chart to page */
    double hb;               /* header band, chart units: the title block or the continued title */
    double plot_lo, plot_hi; /* along d */
    double cross_lo, cross_hi; /* across d */
    double gutter;             /* d == 0: the group names end here (M: none) */
    double len;                /* a slice's length along d, chart units */
    page_box box;
} plan;

typedef struct unit {
    double lo, hi; /* along d */
    bool gutter;   /* lies in the gutter: drawn on every page */
    bool event;    /* draws an event (a page needs one to be worth printing) */
} unit;

typedef struct slice {
    double lo, cut, limit; /* its units start from lo to cut and end before limit */
    double end;            /* the page shows the chart from lo to here: cut, or past it as far
                            * as its units reach */
    size_t first, count;   /* its units, in the sorted order */
} slice;

typedef struct cutter {
    const tl_scene *scene;
    plan P;
    /* Per op: its unit; or -1 (continuous), -2 (not in the plot), -3 (furniture: a text or
     * mark of no event, such as a tick label, drawn on every page that shows it whole). */
    int *op_unit;
    unit *units;
    size_t nall;   /* units, the gutter's included */
    size_t nunits; /* units cut into pages: the length of `order` */
    size_t *order; /* units sorted by lo */
    slice *slices;
    bool cut_text; /* a unit longer than a page had to be cut */
    size_t nslices;
} cutter;

/* Cuts k->scene into units and the units into slices along k->P; sets k->cut_text when a unit
 * longer than a page had to be cut. */
void tl_paginate_cut(cutter *k);
void tl_paginate_cutter_free(cutter *k);

#endif /* TL_PAGINATE_CUTS_H */
