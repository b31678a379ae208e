/* The scene as an SVG document, written without a Cairo surface: Cairo's SVG surface can only
 * draw text as outlines, records every drawing twice, and writes every number through printf;
 * this writer draws the same ops (render-cairo.c) in a fraction of the time. */
#ifndef TL_SVG_SCENE_H
#define TL_SVG_SCENE_H

#include <stdbool.h>

#include "common/tl-buf.h"
#include "common/tl-error-private.h"
#include "scene/scene.h"

/* Appends the whole document for `scene` to `out`: <title>, <desc>, one <g class="ROLE"> per
 * run of ops of one role in drawing order, shapes as <rect>, <line>, <circle> and <path>, and
 * text where Pango laid it out: as glyph outlines (svg-glyphs.h), or with `live_text` as
 * <text> with one <tspan> per line. Links and tooltips on event labels as in
 * tl_svg_op_extra(). Numbers have two decimals, in no locale. The scene must have passed
 * tl_cairo_check_scene(). Returns false and sets *err (TL_ERROR_INTERNAL) when a text cannot
 * be drawn; `out` then holds a partial document. */
bool tl_svg_scene_write(const tl_scene *scene, bool live_text, tl_buf *out, tl_error **err);

#endif /* TL_SVG_SCENE_H */
