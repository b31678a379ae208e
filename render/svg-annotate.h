/* Accessible names, links and tooltips added to Cairo's SVG. */
#ifndef TL_SVG_ANNOTATE_H
#define TL_SVG_ANNOTATE_H

#include <stddef.h>

#include "layouts/scene.h"

/* Returns a copy of Cairo's SVG document `svg` (len bytes) for `scene` with role="img" and
 * aria-labelledby on the root element, the chart's <title> and <desc> right after it, and,
 * after the drawing, a transparent rectangle over each event label that has a link (inside
 * <a href>) or that shows less than the event's title (with a <title> tooltip). A document
 * without a root <svg> element is copied unchanged. The result is NUL-terminated, *out_len
 * bytes long; the caller frees it. */
char *tl_svg_annotate(const tl_scene *scene, const char *svg, size_t len, size_t *out_len);

#endif /* TL_SVG_ANNOTATE_H */
