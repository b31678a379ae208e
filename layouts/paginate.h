/* Pagination: lays a chart out for a page size and plans its pages (scene.h, tl_page). */
#ifndef TL_PAGINATE_H
#define TL_PAGINATE_H

#include "timeline/timeline.h"

#include "fonts/measure.h"

/* Lays the chart out once: what tl_layout_run() does without pages. */
typedef tl_scene *(*tl_layout_once_fn)(const tl_timeline *tl, const tl_layout_options *opts,
                                       const tl_text_measurer *measurer, tl_error **err);

/* Lays out `tl` for the options' page size (not "fit"), running `once` at the widths it
 * tries, and returns the scene with its pages, or NULL with *err set by `once`. A chart whose
 * time runs `down` the page is cut across into pages one below the other; any other, along
 * its time axis. */
tl_scene *tl_paginate(const tl_timeline *tl, const tl_layout_options *opts,
                      const tl_text_measurer *measurer, bool down, tl_layout_once_fn once,
                      tl_error **err);

#endif /* TL_PAGINATE_H */
