/* Pixel memory for PNG drawing. A chart of a few megapixels otherwise costs a page fault for
 * every 4 kB the background paint first touches (1,700 for a 1200x1448 chart), which on a
 * virtual machine is several milliseconds. */
#ifndef TL_IMAGE_MEMORY_H
#define TL_IMAGE_MEMORY_H

#include <cairo.h>

/* A zeroed (transparent) ARGB32 image surface. Where the system offers it the pixels are
 * mapped in 2 MB pages; otherwise this is cairo_image_surface_create(). Check the result
 * with cairo_surface_status() as for Cairo's own. */
cairo_surface_t *tl_image_surface_new(int width, int height);

#endif /* TL_IMAGE_MEMORY_H */
