/* Entry point of the layouts layer. */
#ifndef TL_LAYOUT_H
#define TL_LAYOUT_H

#include "timeline/timeline.h"

#include "fonts/measure.h"

/* The largest canvas side a layout may produce, in points (about 350 m). */
enum { TL_MAX_CANVAS = 1000000 };

/* Lays out `tl` with text measured by `measurer`. Returns a new scene (no font context
 * attached) or NULL with *err set: TL_ERROR_DATA when there is nothing to draw,
 * TL_ERROR_USAGE when the requested canvas cannot hold the chart. */
tl_scene *tl_layout_run(const tl_timeline *tl, const tl_layout_options *opts,
                        const tl_text_measurer *measurer, tl_error **err);

#endif /* TL_LAYOUT_H */
