/* Drawing a scene on a Cairo context: the one place that knows how each op looks. */
#ifndef TL_RENDER_CAIRO_H
#define TL_RENDER_CAIRO_H

#include <stdbool.h>

#include <cairo.h>

#include "timeline/timeline.h"

#include "scene/scene.h"

/* Checks that the scene can be drawn: a canvas of positive, finite size (else TL_ERROR_USAGE),
 * every op with finite coordinates, and text that the scene's font context can lay out (there
 * is one, the size is usable, the text is valid UTF-8). Output code calls this before it
 * writes anything, so a bad scene writes nothing. Returns false and sets *err
 * (TL_ERROR_INTERNAL: scenes come from the library's own layouts) otherwise. */
bool tl_cairo_check_scene(const tl_scene *scene, tl_error **err);

/* The strokes of a cancelled mark's cross, corner to corner of its bounding square (past a
 * circle's edge, so the mark reads as struck out): the cross in the outline's colour, or the
 * fill's without one, and under it a halo in the background colour, without which a cross in
 * the fill's colour would vanish into a filled mark. Returns false when the cross is not
 * drawn; *halo is then not to be drawn either, nor for a hollow mark (its alpha is 0). */
bool tl_render_cross_strokes(const tl_marker_op *m, tl_color background, tl_stroke *cross,
                             tl_stroke *halo);

/* A rectangle op's box as every backend draws it: a negative width or height flips it to
 * positive, and the corner radius is clamped to half the shorter side. */
void tl_render_rect_normalise(double *x, double *y, double *w, double *h, double *radius);

/* Draws the background and every op of `scene` in order onto `cr`, in scene units (points)
 * at the current transformation. Leaves the source, line width, dash, cap, join, operator and
 * current point changed (callers that care save and restore). Text is laid out with the
 * scene's font context, exactly as it was measured.
 *
 * Cairo errors are sticky, so they are checked once, at the end: returns false and sets *err
 * when the scene fails tl_cairo_check_scene() or `cr` is, or ends, in an error state. */
bool tl_cairo_draw_scene(cairo_t *cr, const tl_scene *scene, tl_error **err);

/* Draws page `index` of the scene's page plan (tl_scene_add_page()) onto `cr`, in page units
 * (points): its background, each viewport's ops clipped and mapped onto the page, then the
 * page's overlays. Ops with a checked URL become links on PDF surfaces. Returns false and
 * sets *err as tl_cairo_draw_scene() does, or for a page that does not exist. */
bool tl_cairo_draw_page(cairo_t *cr, const tl_scene *scene, size_t index, tl_error **err);

/* Turns a failed Cairo status into an error "CONTEXT: cairo's message": TL_ERROR_IO for
 * CAIRO_STATUS_WRITE_ERROR, TL_ERROR_INTERNAL for anything else. Always returns false. */
bool tl_cairo_set_error(tl_error **err, cairo_status_t status, const char *context);

#endif /* TL_RENDER_CAIRO_H */
