/* PostScript and EPS: the surface at language level 3, the DSC header's title, and the
 * creation date Cairo stamps with the clock replaced by the PDF one (pdf.h). */
#include "ps-format.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-ps.h>
#include <glib.h>

#include "common/tl-buf.h"
#include "common/tl-error-private.h"
#include "pdf-format.h"
#include "render-options-private.h"
#include "render.h"

void tl_ps_set_page_size(cairo_surface_t *surface, double width, double height)
{
    cairo_ps_surface_set_size(surface, width, height);
}

/* PostScript and EPS. Cairo stamps %%CreationDate with the clock; tl_ps_rewrite() replaces it.
 * The title goes into the DSC header. */
static cairo_surface_t *create_ps_common(const tl_scene *scene, const tl_render_options *opts,
                                         cairo_write_func_t write_func, void *closure, bool eps,
                                         double *scale, tl_error **err)
{
    const char *title = opts->pdf_title ? opts->pdf_title : scene->title;
    if (title && !g_utf8_validate(title, -1, NULL)) {
        tl_set_error(err, TL_ERROR_USAGE, "document title is not valid UTF-8");
        return NULL;
    }
    double width = scene->width, height = scene->height;
    if (!eps)
        tl_scene_get_first_page_size(scene, &width, &height);
    cairo_surface_t *surface =
        cairo_ps_surface_create_for_stream(write_func, closure, width, height);
    cairo_ps_surface_restrict_to_level(surface, CAIRO_PS_LEVEL_3);
    /* What PostScript cannot draw (translucent fills) Cairo rasterises at this resolution; an
     * image cannot be larger than 32767 pixels, so very wide charts get a coarser one. */
    const double dpi = fmin(300, 30000 * 72 / fmax(width, height));
    cairo_surface_set_fallback_resolution(surface, dpi, dpi);
    cairo_ps_surface_set_eps(surface, eps);
    if (title && *title) {
        /* DSC text is a PostScript string: parentheses and backslashes escaped, no line
         * breaks, ASCII kept as is (other bytes pass through; viewers show them as Latin-1). */
        GString *dsc = g_string_new("%%Title: (");
        for (const char *p = title; *p && dsc->len < 240; p++) {
            if (*p == '(' || *p == ')' || *p == '\\')
                g_string_append_c(dsc, '\\');
            g_string_append_c(dsc, *p == '\n' || *p == '\r' ? ' ' : *p);
        }
        g_string_append_c(dsc, ')');
        cairo_ps_surface_dsc_comment(surface, dsc->str);
        g_string_free(dsc, TRUE);
    }
    *scale = 1;
    return surface;
}

cairo_surface_t *tl_ps_create_surface(const tl_scene *scene, const tl_render_options *opts,
                                      cairo_write_func_t write_func, void *closure, double *scale,
                                      tl_error **err)
{
    return create_ps_common(scene, opts, write_func, closure, false, scale, err);
}

cairo_surface_t *tl_eps_create_surface(const tl_scene *scene, const tl_render_options *opts,
                                       cairo_write_func_t write_func, void *closure, double *scale,
                                       tl_error **err)
{
    return create_ps_common(scene, opts, write_func, closure, true, scale, err);
}

/* Replaces the value of Cairo's "%%CreationDate:" line (the clock) with the fixed date of
 * tl_pdf_creation_date(), so the same chart gives the same bytes. */
char *tl_ps_rewrite(const tl_scene *scene, const char *data, size_t len, size_t *out_len)
{
    static const char key[] = "%%CreationDate: ";
    char date[96];
    tl_pdf_creation_date(date, sizeof date);
    tl_buf out = TL_BUF_INIT;
    /* Only the header holds it: the first comments of the document. */
    const char *hit = g_strstr_len(data, len < 4096 ? (gssize)len : 4096, key);
    if (hit) {
        const char *eol = memchr(hit, '\n', len - (size_t)(hit - data));
        const char *rest = eol ? eol : data + len;
        tl_buf_append(&out, data, (size_t)(hit - data) + strlen(key));
        tl_buf_printf(&out, "(%s)", date);
        tl_buf_append(&out, rest, len - (size_t)(rest - data));
    } else {
        tl_buf_append(&out, data, len);
    }
    *out_len = out.len;
    return tl_buf_steal(&out);
}
