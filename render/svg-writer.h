/* The SVG format's writer: Cairo's outlines made accessible, or live text. */
#ifndef TL_SVG_WRITER_H
#define TL_SVG_WRITER_H

#include <stdbool.h>
#include <stdio.h>

#include "timeline/timeline.h"

#include "layouts/scene.h"
#include "surfaces.h"

/* Writes `scene` as SVG to `fp`, then flushes it (it is not closed). With opts->svg_text the
 * document is written from the scene with live <text> (svg-text.h); otherwise Cairo draws it
 * through `fmt` (the SVG row of the format table: its create, finish and rewrite) and the
 * result gets role, <title>, <desc>, links and tooltips (svg-annotate.h). The whole document
 * is made in memory first, so a scene that cannot be drawn writes nothing. `display` names the
 * output in messages (NULL: "output"). Returns false and sets *err: TL_ERROR_USAGE (canvas
 * size), TL_ERROR_IO (a write failed), TL_ERROR_INTERNAL (an invalid scene, a Cairo failure). */
bool tl_svg_write(const tl_render_format *fmt, const tl_scene *scene, const tl_render_options *opts,
                  FILE *fp, const char *display, tl_error **err);

#endif /* TL_SVG_WRITER_H */
