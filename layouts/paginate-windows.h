/* Pagination with a window of time per page (paginate-windows.c): each page of a chart across
 * time is laid out on its own, for its own stretch of time, at its own scale. */
#ifndef TL_PAGINATE_WINDOWS_H
#define TL_PAGINATE_WINDOWS_H

#include "options-private.h"
#include "paginate-cuts.h"
#include "paginate.h"

typedef enum tl_windows_result {
    TL_WINDOWS_DONE,     /* *scene is the paged chart */
    TL_WINDOWS_UNSUITED, /* the chart is printed at one scale: *scene is untouched */
    TL_WINDOWS_FAILED,   /* *scene is freed and NULL, *err set */
} tl_windows_result;

/* Pages of their own windows for the chart in *scene (laid out once at the page's width with
 * the options `o`, the pagination's copy): as few as keep every page legible, each holding a
 * similar share of the events, or o->pages of them. `continued_h` is the height of the
 * continued title. Charts this does not suit (see tl_layout_options_set_page_scale()), and
 * those no count of pages prints legibly, are left to the pages of one scale. */
tl_windows_result tl_paginate_windows(const tl_timeline *tl, const tl_layout_options *o,
                                      const page_box *box, double continued_h,
                                      const tl_text_measurer *m, tl_layout_once_fn once,
                                      tl_scene **scene, tl_error **err);

#endif /* TL_PAGINATE_WINDOWS_H */
