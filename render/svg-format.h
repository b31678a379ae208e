/* SVG: the format's entry. The document is written without a Cairo surface by svg-scene.c,
 * with text as glyph outlines (svg-glyphs.c) or live, and titles and links (svg-meta.c). */
#ifndef TL_SVG_FORMAT_H
#define TL_SVG_FORMAT_H

#include <stdbool.h>
#include <stdio.h>

#include "timeline/timeline.h"

#include "scene/scene.h"

/* Writes `scene` as SVG to `fp` (svg-scene.h; live text with opts->svg_text), then flushes it
 * (it is not closed). The whole document is made in memory first, so a scene that cannot be
 * drawn writes nothing. `display` names the output in messages (NULL: "output"). Returns false
 * and sets *err: TL_ERROR_USAGE (canvas size), TL_ERROR_IO (a write failed),
 * TL_ERROR_INTERNAL (an invalid scene, a Cairo failure). */
bool tl_svg_write(const tl_scene *scene, const tl_render_options *opts, FILE *fp,
                  const char *display, tl_error **err);

#endif /* TL_SVG_FORMAT_H */
