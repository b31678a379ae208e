/* SVG with live text (tl_render_options.svg_text), written from the scene without Cairo. */
#ifndef TL_SVG_TEXT_H
#define TL_SVG_TEXT_H

#include <stdbool.h>

#include "common/tl-buf.h"
#include "common/tl-error-private.h"
#include "layouts/scene.h"

/* Appends the whole document for `scene` to `out`: <title>, <desc>, one <g class="ROLE"> per
 * run of ops of one role in drawing order, shapes as <rect>, <line>, <circle> and <path>, text
 * as <text> with one <tspan> per line where Pango laid it out (links and tooltips on event
 * labels as in tl_svg_op_extra()). Numbers have two decimals, in no locale. The scene must
 * have passed tl_cairo_check_scene(). Returns false and sets *err (TL_ERROR_INTERNAL) when a
 * text cannot be laid out; `out` then holds a partial document. */
bool tl_svg_text_write(const tl_scene *scene, tl_buf *out, tl_error **err);

#endif /* TL_SVG_TEXT_H */
