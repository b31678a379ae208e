/* Output formats as a table: what differs between SVG, PNG and PDF is how the Cairo surface
 * is made and finished; the drawing is shared (render-cairo.c). JSON, the scene itself, is a
 * row too, so that names and extensions are looked up in one place. */
#ifndef TL_SURFACES_H
#define TL_SURFACES_H

#include <stdbool.h>
#include <stdio.h>

#include <cairo.h>

#include "timeline/timeline.h"

#include "scene/scene.h"

/* PNG sides above this many pixels are refused: Cairo's image surfaces cannot be larger. */
#define TL_RENDER_PNG_MAX_PIXELS 32767

typedef struct tl_render_format {
    tl_format format;
    const char *name;      /* for tl_format_from_name(), lower case */
    const char *extension; /* without the dot, lower case */
    /* Formats that are not drawn on a Cairo surface write the scene themselves, then flush
     * `fp`; a scene that cannot be written writes nothing. */
    bool (*write)(const tl_scene *scene, const tl_render_options *opts, FILE *fp,
                  const char *display, tl_error **err);
    /* Cairo formats: makes a surface for `scene` whose bytes go to `write_func(closure, ...)`,
     * and the scale from points to surface units. Returns NULL and sets *err when the options
     * cannot produce an image (a PNG too large); a surface in an error state is returned
     * as is, for the status check after drawing. */
    cairo_surface_t *(*create)(const tl_scene *scene, const tl_render_options *opts,
                               cairo_write_func_t write_func, void *closure, double *scale,
                               tl_error **err);
    /* Completes the document after drawing (shows the page, encodes the image). */
    cairo_status_t (*finish)(cairo_t *cr, cairo_write_func_t write_func, void *closure);
    /* When set, Cairo writes the document into memory and this rewrites it (into a new string
     * of *out_len bytes the caller frees) before it is written out. */
    char *(*rewrite)(const char *data, size_t len, size_t *out_len);
    /* Formats of several pages: sets the size of the next page (after cairo_show_page()). NULL
     * for formats that draw the whole canvas as one page (even when the scene has pages). */
    void (*set_page_size)(cairo_surface_t *surface, double width, double height);
    /* Adds the document's bookmarks once the pages are drawn; NULL for none. */
    void (*outline)(cairo_surface_t *surface, const tl_scene *scene);
    /* Raster surfaces get the page background painted over every pixel, since their pixel
     * size is the page size rounded up. */
    bool raster;
} tl_render_format;

/* The row for `format`; NULL for a value outside the enum. */
const tl_render_format *tl_render_format_lookup(tl_format format);
/* The row whose name, or extension, is `s` (ASCII case-insensitive); NULL for none. */
const tl_render_format *tl_render_format_by_name(const char *s);
const tl_render_format *tl_render_format_by_extension(const char *s);

/* Writes `scene` to `fp` in `fmt`, then flushes `fp` (it is not closed). `display` names the
 * output in messages ("cannot write \"out.png\": ..."); NULL says "output". `opts` is not NULL
 * (the public entry points fill in the defaults). A scene that cannot be drawn and an impossible size are detected before
 * anything is written. Returns false and sets *err: TL_ERROR_USAGE (size), TL_ERROR_IO (a
 * write failed), TL_ERROR_INTERNAL (anything else Cairo reports, an invalid scene). */
/* Writes `len` bytes of a finished document and flushes `fp`; a failure, a full disk seen
 * only at the flush included, is TL_ERROR_IO naming `display` (NULL: "output"). */
bool tl_render_write_all(FILE *fp, const char *data, size_t len, const char *display,
                         tl_error **err);

bool tl_render_write(const tl_render_format *fmt, const tl_scene *scene,
                     const tl_render_options *opts, FILE *fp, const char *display, tl_error **err);

#endif /* TL_SURFACES_H */
