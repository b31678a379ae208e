/* libtimeline on Cairo: drawing a scene onto a caller's cairo_t (a window, a page of a larger
 * document). The one public header that includes <cairo.h>, so that programs that only write
 * files do not compile against Cairo's headers; pkg-config's timeline gives Cairo's flags. */
#ifndef TL_TIMELINE_CAIRO_H
#define TL_TIMELINE_CAIRO_H

#include <cairo.h>

#include "timeline/timeline.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Draws the scene onto `cr` in scene units (points), at the current transformation. Both are
 * borrowed: the scene is not changed, and the context's state (its path included) is saved and
 * restored; nothing is freed or kept. Events with a URL become links when `cr` draws on a PDF
 * surface. Returns false and sets *err (when `err` is not NULL) when `cr` is in an error
 * state before drawing (nothing is drawn) or after it (what was drawn stays): TL_ERROR_IO
 * for a write error, TL_ERROR_INTERNAL for any other; and when the scene cannot be drawn
 * (TL_ERROR_USAGE for an impossible size, TL_ERROR_INTERNAL otherwise). */
TL_EXPORT bool tl_render_to_cairo(const tl_scene *scene, cairo_t *cr, tl_error **err);

#ifdef __cplusplus
}
#endif

#endif /* TL_TIMELINE_CAIRO_H */
