/* PNG: the format's hooks for the table in render.c. The encoding is png-writer.c's. */
#ifndef TL_PNG_FORMAT_H
#define TL_PNG_FORMAT_H

#include <cairo.h>

#include "timeline/timeline.h"

#include "scene/scene.h"

/* PNG sides above this many pixels are refused: Cairo's image surfaces cannot be larger. */
#define TL_RENDER_PNG_MAX_PIXELS 32767

/* An image surface for `scene` at opts' dpi and scale, its pixel size rounded up; *scale is
 * the points-to-pixels factor. The pixels are not written to `write_func`: tl_png_finish()
 * does that. Returns NULL and sets *err (TL_ERROR_USAGE) for a resolution that is not a
 * positive number or an image over TL_RENDER_PNG_MAX_PIXELS a side. */
cairo_surface_t *tl_png_create_surface(const tl_scene *scene, const tl_render_options *opts,
                                       cairo_write_func_t write_func, void *closure, double *scale,
                                       tl_error **err);
/* Encodes the drawn image of `cr`'s target as PNG to `write_func(closure, ...)`. Returns
 * cr's error status if it has one, else tl_png_write()'s. */
cairo_status_t tl_png_finish(cairo_t *cr, cairo_write_func_t write_func, void *closure);

#endif /* TL_PNG_FORMAT_H */
