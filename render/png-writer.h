/* PNG encoding instead of cairo_surface_write_to_png_stream(): the pixels filtered and
 * compressed in strips on every processor (png-strips.h) with a zlib setting suited to charts
 * (large flat areas), RGB when every pixel is opaque, and the resolution recorded in a pHYs
 * chunk. No time stamp or other varying chunk is written, so the
 * bytes depend only on the pixels and the resolution. */
#ifndef TL_PNG_WRITER_H
#define TL_PNG_WRITER_H

#include <cairo.h>
#include <stdbool.h>

/* Encodes an ARGB32 image surface (flushed) to `write_func`. `opaque` says every pixel is
 * known to be opaque; otherwise the pixels are looked at to choose RGB or RGBA. Returns
 * CAIRO_STATUS_WRITE_ERROR when a write fails, CAIRO_STATUS_NO_MEMORY or
 * CAIRO_STATUS_INVALID_FORMAT otherwise. */
cairo_status_t tl_png_write(cairo_surface_t *image, double dpi, bool opaque,
                            cairo_write_func_t write_func, void *closure);

#endif /* TL_PNG_WRITER_H */
