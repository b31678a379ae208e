/* PNG: an image surface at the requested resolution, encoded by png-writer.c once drawn. */
#include "png-format.h"

#include <math.h>
#include <stdlib.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "image-memory.h"
#include "png-writer.h"
#include "render-cairo.h"
#include "render-options-private.h"

/* Pixels for `length` device units: rounded up, so the page is never cropped, but with a
 * little slack so that 400.0000000001 (floating-point noise) is 400 and not 401. */
static double pixels(double length)
{
    const double n = ceil(length - 1e-6);
    return n < 1 ? 1 : n;
}

/* What tl_png_finish() needs to know of the image, carried by the surface. */
typedef struct png_info {
    double dpi;
    bool opaque; /* an opaque background is painted first, so no pixel can be translucent */
} png_info;
/* Only its address matters: it names the png_info attached to an image surface. */
static const cairo_user_data_key_t png_info_key;

cairo_surface_t *tl_png_create_surface(const tl_scene *scene, const tl_render_options *opts,
                                       cairo_write_func_t write_func, void *closure, double *scale,
                                       tl_error **err)
{
    (void)write_func;
    (void)closure;
    if (!(isfinite(opts->dpi) && opts->dpi > 0 && isfinite(opts->scale) && opts->scale > 0)) {
        tl_set_error(err, TL_ERROR_USAGE, "invalid PNG resolution: %g dpi at scale %g", opts->dpi,
                     opts->scale);
        return NULL;
    }
    const double k = opts->dpi / 72 * opts->scale;
    const double width = pixels(scene->width * k), height = pixels(scene->height * k);
    if (width > TL_RENDER_PNG_MAX_PIXELS || height > TL_RENDER_PNG_MAX_PIXELS) {
        tl_set_error(err, TL_ERROR_USAGE,
                     "PNG would be %.0fx%.0f pixels, over the %d-pixel limit; "
                     "lower the dpi or scale",
                     width, height, TL_RENDER_PNG_MAX_PIXELS);
        return NULL;
    }
    *scale = k;
    cairo_surface_t *surface = tl_image_surface_new((int)width, (int)height);
    png_info *info = tl_xmalloc(sizeof *info);
    *info = (png_info){.dpi = opts->dpi * opts->scale, .opaque = scene->background.a >= 1};
    /* A surface in error (no memory for its pixels) takes no data: the driver reports its
     * status. On a good one only Cairo's own allocation can fail, and that is an error too,
     * never a PNG without its resolution. */
    const cairo_status_t status = cairo_surface_set_user_data(surface, &png_info_key, info, free);
    if (status != CAIRO_STATUS_SUCCESS) {
        free(info);
        if (cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS) {
            cairo_surface_destroy(surface);
            tl_cairo_set_error(err, status, "cannot render png");
            return NULL;
        }
    }
    return surface;
}

cairo_status_t tl_png_finish(cairo_t *cr, cairo_write_func_t write_func, void *closure)
{
    cairo_surface_t *surface = cairo_get_target(cr);
    cairo_surface_flush(surface);
    cairo_status_t status = cairo_status(cr);
    if (status != CAIRO_STATUS_SUCCESS)
        return status;
    const png_info *info = cairo_surface_get_user_data(surface, &png_info_key);
    return tl_png_write(surface, info ? info->dpi : 0, info && info->opaque, write_func, closure);
}
