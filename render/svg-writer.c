/* SVG output: both ways of writing it build the whole document in memory, then write it. */
#include "svg-writer.h"

#include <stdlib.h>
#include <string.h>

#include "common/tl-buf.h"
#include "common/tl-error-private.h"
#include "render-cairo.h"
#include "svg-annotate.h"
#include "svg-text.h"

static cairo_status_t buf_write(void *closure, const unsigned char *data, unsigned int length)
{
    tl_buf_append(closure, (const char *)data, length);
    return CAIRO_STATUS_SUCCESS;
}

/* Cairo's document for `scene`, its ids renumbered (fmt->rewrite), into *doc. */
static bool draw_cairo(const tl_render_format *fmt, const tl_scene *scene,
                       const tl_render_options *opts, tl_buf *doc, tl_error **err)
{
    tl_buf mem = TL_BUF_INIT;
    double scale = 1;
    cairo_t *cr = NULL;
    cairo_surface_t *surface = fmt->create(scene, opts, buf_write, &mem, &scale, err);
    if (!surface)
        goto fail;
    cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    if (!tl_cairo_draw_scene(cr, scene, err))
        goto fail;
    cairo_status_t status = fmt->finish(cr, buf_write, &mem);
    cairo_surface_finish(surface);
    if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_status(cr);
    if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
        tl_cairo_set_error(err, status, "cannot render svg");
        goto fail;
    }
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    if (fmt->rewrite) {
        size_t len;
        char *renumbered = fmt->rewrite(mem.data ? mem.data : "", mem.len, &len);
        tl_buf_append(doc, renumbered, len);
        free(renumbered);
    } else {
        tl_buf_append(doc, mem.data ? mem.data : "", mem.len);
    }
    tl_buf_free(&mem);
    return true;

fail:
    if (cr)
        cairo_destroy(cr);
    if (surface)
        cairo_surface_destroy(surface);
    tl_buf_free(&mem);
    return false;
}

bool tl_svg_write(const tl_render_format *fmt, const tl_scene *scene, const tl_render_options *opts,
                  FILE *fp, const char *display, tl_error **err)
{
    tl_buf doc = TL_BUF_INIT;
    if (!tl_cairo_check_scene(scene, err))
        goto fail;
    if (opts->svg_text) {
        if (!tl_svg_text_write(scene, &doc, err))
            goto fail;
    } else {
        tl_buf drawn = TL_BUF_INIT;
        if (!draw_cairo(fmt, scene, opts, &drawn, err)) {
            tl_buf_free(&drawn);
            goto fail;
        }
        size_t len;
        char *annotated = tl_svg_annotate(scene, drawn.data ? drawn.data : "", drawn.len, &len);
        tl_buf_free(&drawn);
        tl_buf_append(&doc, annotated, len);
        free(annotated);
    }

    if (!tl_render_write_all(fp, doc.data, doc.len, display, err))
        goto fail;
    tl_buf_free(&doc);
    return true;

fail:
    tl_buf_free(&doc);
    return false;
}
