/* The output format table and the one drawing path all Cairo formats share. */
#include "surfaces.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-ps.h>
#include <glib.h>

#include "common/tl-alloc.h"
#include "common/tl-buf.h"
#include "common/tl-calendar.h"
#include "common/tl-error-private.h"
#include "image-memory.h"
#include "png-writer.h"
#include "render-cairo.h"
#include "svg-writer.h"

/* ---------------------------------------------------------------------------------------------
 * Output stream
 * ------------------------------------------------------------------------------------------- */

/* Where Cairo's stream surfaces write. Cairo only learns that a write failed; the errno is kept
 * here for the message. */
typedef struct sink {
    FILE *fp;
    tl_buf *mem;  /* when not NULL, bytes go here instead of fp (the format rewrites them) */
    int error;    /* errno of the first failed write; 0 while all went well */
    bool discard; /* drawing failed: whatever Cairo still flushes must not reach fp */
} sink;

static cairo_status_t sink_write(void *closure, const unsigned char *data, unsigned int length)
{
    sink *out = closure;
    if (out->discard || out->error)
        return CAIRO_STATUS_WRITE_ERROR;
    if (out->mem) {
        tl_buf_append(out->mem, (const char *)data, length);
        return CAIRO_STATUS_SUCCESS;
    }
    errno = 0;
    if (length > 0 && fwrite(data, 1, length, out->fp) != length) {
        out->error = errno ? errno : EIO;
        return CAIRO_STATUS_WRITE_ERROR;
    }
    return CAIRO_STATUS_SUCCESS;
}

static bool write_error(tl_error **err, const char *display, int errnum)
{
    const char *reason = strerror(errnum ? errnum : EIO);
    if (display)
        return tl_set_error(err, TL_ERROR_IO, "cannot write \"%s\": %s", display, reason);
    return tl_set_error(err, TL_ERROR_IO, "cannot write output: %s", reason);
}

/* Flushes fp and reports an error it has seen, earlier writes included: stdio buffers, so a
 * full disk often shows only here. */
static bool flush_output(FILE *fp, const char *display, tl_error **err)
{
    errno = 0;
    if (fflush(fp) != 0 || ferror(fp))
        return write_error(err, display, errno);
    return true;
}

/* ---------------------------------------------------------------------------------------------
 * PDF metadata
 * ------------------------------------------------------------------------------------------- */

/* 9999-12-31T23:59:59Z: PDF dates have four-digit years. */
#define MAX_EPOCH INT64_C(253402300799)

/* SOURCE_DATE_EPOCH is decimal seconds since the epoch (reproducible-builds.org). Only plain
 * digits are accepted: no sign, no blanks, nothing after. */
static bool parse_epoch(const char *s, int64_t *out)
{
    if (!s || !*s)
        return false;
    int64_t value = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        value = value * 10 + (*p - '0');
        if (value > MAX_EPOCH)
            return false;
    }
    *out = value;
    return true;
}

/* The PDF creation date, as ISO 8601 UTC: SOURCE_DATE_EPOCH when set and valid, otherwise the
 * epoch itself. Never the clock: the same scene must give the same bytes on every run. */
static void format_create_date(char *buf, size_t size)
{
    int64_t seconds;
    if (!parse_epoch(getenv("SOURCE_DATE_EPOCH"), &seconds))
        seconds = 0;
    tl_civil c;
    tl_cal_split(seconds, &c);
    snprintf(buf, size, "%04lld-%02d-%02dT%02d:%02d:%02dZ", (long long)c.year, c.month, c.day,
             c.hour, c.minute, c.second);
}

/* ---------------------------------------------------------------------------------------------
 * Formats
 * ------------------------------------------------------------------------------------------- */

/* Paged formats start with the first page's size; a scene without pages is one page. */
static void first_page_size(const tl_scene *scene, double *width, double *height)
{
    *width = scene->page_count ? scene->pages[0].width : scene->width;
    *height = scene->page_count ? scene->pages[0].height : scene->height;
}

static void set_pdf_page_size(cairo_surface_t *surface, double width, double height)
{
    cairo_pdf_surface_set_size(surface, width, height);
}

static void set_ps_page_size(cairo_surface_t *surface, double width, double height)
{
    cairo_ps_surface_set_size(surface, width, height);
}

/* PostScript and EPS. Cairo stamps %%CreationDate with the clock; rewrite_ps() replaces it.
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
        first_page_size(scene, &width, &height);
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

static cairo_surface_t *create_ps(const tl_scene *scene, const tl_render_options *opts,
                                  cairo_write_func_t write_func, void *closure, double *scale,
                                  tl_error **err)
{
    return create_ps_common(scene, opts, write_func, closure, false, scale, err);
}

static cairo_surface_t *create_eps(const tl_scene *scene, const tl_render_options *opts,
                                   cairo_write_func_t write_func, void *closure, double *scale,
                                   tl_error **err)
{
    return create_ps_common(scene, opts, write_func, closure, true, scale, err);
}

/* Replaces the value of Cairo's "%%CreationDate:" line (the clock) with the fixed date of
 * format_create_date(), so the same chart gives the same bytes. */
static char *rewrite_ps(const char *data, size_t len, size_t *out_len)
{
    static const char key[] = "%%CreationDate: ";
    char date[96];
    format_create_date(date, sizeof date);
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
    char *doc = tl_buf_steal(&out);
    return doc ? doc : calloc(1, 1);
}

static cairo_surface_t *create_pdf(const tl_scene *scene, const tl_render_options *opts,
                                   cairo_write_func_t write_func, void *closure, double *scale,
                                   tl_error **err)
{
    const struct {
        cairo_pdf_metadata_t key;
        const char *name, *value;
    } fields[] = {
        {CAIRO_PDF_METADATA_TITLE, "title", opts->pdf_title ? opts->pdf_title : scene->title},
        {CAIRO_PDF_METADATA_AUTHOR, "author", opts->pdf_author},
        {CAIRO_PDF_METADATA_SUBJECT, "subject", opts->pdf_subject},
        {CAIRO_PDF_METADATA_KEYWORDS, "keywords", opts->pdf_keywords},
        {CAIRO_PDF_METADATA_CREATOR, "creator",
         opts->pdf_creator ? opts->pdf_creator : "timeline " TL_VERSION_STRING},
    };
    const size_t nfields = sizeof fields / sizeof fields[0];
    /* Cairo takes metadata as UTF-8 and would write other bytes into the file as they are. */
    for (size_t i = 0; i < nfields; i++)
        if (fields[i].value && !g_utf8_validate(fields[i].value, -1, NULL)) {
            tl_set_error(err, TL_ERROR_USAGE, "PDF %s is not valid UTF-8", fields[i].name);
            return NULL;
        }
    double width, height;
    first_page_size(scene, &width, &height);
    cairo_surface_t *surface =
        cairo_pdf_surface_create_for_stream(write_func, closure, width, height);
    for (size_t i = 0; i < nfields; i++)
        if (fields[i].value && *fields[i].value)
            cairo_pdf_surface_set_metadata(surface, fields[i].key, fields[i].value);
    /* Cairo stamps the current time when no date is given. */
    /* Room for any int64 year as far as the compiler can tell; the text is 20 bytes. */
    char date[96];
    format_create_date(date, sizeof date);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
    *scale = 1;
    return surface;
}

/* Pixels for `length` device units: rounded up, so the page is never cropped, but with a
 * little slack so that 400.0000000001 (floating-point noise) is 400 and not 401. */
static double pixels(double length)
{
    const double n = ceil(length - 1e-6);
    return n < 1 ? 1 : n;
}

/* Only its address matters: it names the PNG resolution attached to an image surface. */
/* What finish_png() needs to know of the image, carried by the surface. */
typedef struct png_info {
    double dpi;
    bool opaque; /* an opaque background is painted first, so no pixel can be translucent */
} png_info;
static const cairo_user_data_key_t png_info_key;

static cairo_surface_t *create_png(const tl_scene *scene, const tl_render_options *opts,
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
    png_info *info = malloc(sizeof *info);
    if (info) {
        *info = (png_info){.dpi = opts->dpi * opts->scale, .opaque = scene->background.a >= 1};
        if (cairo_surface_set_user_data(surface, &png_info_key, info, free) != CAIRO_STATUS_SUCCESS)
            free(info);
    }
    return surface;
}

static cairo_status_t finish_vector(cairo_t *cr, cairo_write_func_t write_func, void *closure)
{
    (void)write_func;
    (void)closure;
    cairo_surface_t *surface = cairo_get_target(cr);
    cairo_show_page(cr);
    /* Vector surfaces write the document when finished. */
    cairo_surface_finish(surface);
    cairo_status_t status = cairo_status(cr);
    return status != CAIRO_STATUS_SUCCESS ? status : cairo_surface_status(surface);
}

static cairo_status_t finish_png(cairo_t *cr, cairo_write_func_t write_func, void *closure)
{
    cairo_surface_t *surface = cairo_get_target(cr);
    cairo_surface_flush(surface);
    cairo_status_t status = cairo_status(cr);
    if (status != CAIRO_STATUS_SUCCESS)
        return status;
    const png_info *info = cairo_surface_get_user_data(surface, &png_info_key);
    return tl_png_write(surface, info ? info->dpi : 0, info && info->opaque, write_func, closure);
}

bool tl_render_write_all(FILE *fp, const char *data, size_t len, const char *display,
                         tl_error **err)
{
    errno = 0;
    if (len > 0 && fwrite(data, 1, len, fp) != len)
        return write_error(err, display, errno);
    return flush_output(fp, display, err);
}

static bool write_json(const tl_scene *scene, const tl_render_options *opts, FILE *fp,
                       const char *display, tl_error **err)
{
    (void)opts;
    char *json = tl_scene_to_json(scene);
    const bool ok = tl_render_write_all(fp, json, strlen(json), display, err);
    free(json);
    return ok;
}

/* ---------------------------------------------------------------------------------------------
 * PDF bookmarks
 * ------------------------------------------------------------------------------------------- */

/* Where op `index` is drawn: its page (1-based) and the top-left corner of its box there.
 * False when no page shows it. */
static bool op_position(const tl_scene *scene, size_t index, int *page, double *x, double *y)
{
    double box[4];
    tl_scene_op_bbox(&scene->ops[index], box);
    if (scene->page_count == 0) {
        *page = 1;
        *x = box[0];
        *y = box[1];
        return true;
    }
    for (size_t p = 0; p < scene->page_count; p++)
        for (size_t v = 0; v < scene->pages[p].viewport_count; v++) {
            const tl_viewport *vp = &scene->pages[p].viewports[v];
            for (size_t k = 0; k < vp->op_count; k++)
                if (vp->ops[k] == index) {
                    *page = (int)p + 1;
                    *x = (box[0] - vp->src[0]) * vp->scale + vp->x;
                    *y = (box[1] - vp->src[1]) * vp->scale + vp->y;
                    return true;
                }
        }
    return false;
}

typedef struct bookmark {
    const char *title;
    size_t op;
    int64_t key; /* eras: their start, for time order */
} bookmark;

static int cmp_bookmark(const void *a, const void *b)
{
    const bookmark *x = a, *y = b;
    if (x->key != y->key)
        return (x->key > y->key) - (x->key < y->key);
    return (x->op > y->op) - (x->op < y->op);
}

/* The eras, by start, where their names are drawn; the groups in the chart's order, where the
 * lanes name them or else where their first event's label is. */
static size_t collect_bookmarks(const tl_scene *scene, bool eras, bookmark *out)
{
    size_t n = 0;
    for (size_t i = 0; i < scene->op_count; i++) {
        const tl_op *op = &scene->ops[i];
        if (op->kind != TL_OP_TEXT)
            continue;
        if (eras && op->role == TL_ROLE_ERA_LABEL && op->event >= 0 &&
            (size_t)op->event < scene->event_count) {
            const tl_scene_event *ev = &scene->events[op->event];
            bool seen = false;
            for (size_t k = 0; k < n && !seen; k++)
                seen = scene->ops[out[k].op].event == op->event;
            if (!seen)
                out[n++] = (bookmark){ev->title, i, ev->start_time.lo};
        } else if (!eras && op->role == TL_ROLE_LANE_LABEL) {
            out[n] = (bookmark){op->u.text.text, i, (int64_t)n};
            n++;
        }
    }
    if (eras) {
        qsort(out, n, sizeof *out, cmp_bookmark);
        return n;
    }
    if (n > 0)
        return n;
    /* No lanes: a group's first labelled event, in chart order. */
    for (size_t e = 0; e < scene->event_count; e++) {
        const char *group = scene->events[e].group;
        if (!group)
            continue;
        bool seen = false;
        for (size_t k = 0; k < n && !seen; k++)
            seen = strcmp(out[k].title, group) == 0;
        if (seen)
            continue;
        for (size_t i = 0; i < scene->op_count; i++)
            if (scene->ops[i].event == (int32_t)e && scene->ops[i].role == TL_ROLE_EVENT_LABEL) {
                out[n] = (bookmark){group, i, (int64_t)n};
                n++;
                break;
            }
    }
    return n;
}

static int add_bookmark(cairo_surface_t *surface, const tl_scene *scene, int parent,
                        const char *title, size_t op)
{
    int page;
    double x, y;
    if (!op_position(scene, op, &page, &x, &y))
        return -1;
    char dest[96];
    /* A little above the text, so it is not at the very edge of the window. */
    snprintf(dest, sizeof dest, "page=%d pos=[%.2f %.2f]", page, fmax(0, x - 6), fmax(0, y - 6));
    return cairo_pdf_surface_add_outline(surface, parent, title, dest, CAIRO_PDF_OUTLINE_FLAG_OPEN);
}

/* Bookmarks for the eras and the groups: under "Eras" and "Groups", or flat when the chart
 * has only one of the two. */
static void add_outline(cairo_surface_t *surface, const tl_scene *scene)
{
    bookmark *lists[2];
    size_t counts[2];
    static const char *const heads[2] = {"Eras", "Groups"};
    for (int k = 0; k < 2; k++) {
        lists[k] = tl_xmalloc((scene->op_count + scene->event_count + 1) * sizeof *lists[k]);
        counts[k] = collect_bookmarks(scene, k == 0, lists[k]);
    }
    const bool nested = counts[0] > 0 && counts[1] > 0;
    for (int k = 0; k < 2; k++) {
        int parent = CAIRO_PDF_OUTLINE_ROOT;
        if (nested && counts[k] > 0)
            parent = add_bookmark(surface, scene, CAIRO_PDF_OUTLINE_ROOT, heads[k], lists[k][0].op);
        for (size_t i = 0; i < counts[k] && parent >= 0; i++)
            if (g_utf8_validate(lists[k][i].title, -1, NULL))
                add_bookmark(surface, scene, parent, lists[k][i].title, lists[k][i].op);
        free(lists[k]);
    }
}

static const tl_render_format formats[] = {
    {
        .format = TL_FORMAT_SVG,
        .name = "svg",
        .extension = "svg",
        .write = tl_svg_write,
    },
    {
        .format = TL_FORMAT_PNG,
        .name = "png",
        .extension = "png",
        .create = create_png,
        .finish = finish_png,
        .raster = true,
    },
    {
        .format = TL_FORMAT_PDF,
        .name = "pdf",
        .extension = "pdf",
        .create = create_pdf,
        .finish = finish_vector,
        .set_page_size = set_pdf_page_size,
        .outline = add_outline,
    },
    {
        .format = TL_FORMAT_PS,
        .name = "ps",
        .extension = "ps",
        .create = create_ps,
        .finish = finish_vector,
        .rewrite = rewrite_ps,
        .set_page_size = set_ps_page_size,
    },
    {
        .format = TL_FORMAT_EPS,
        .name = "eps",
        .extension = "eps",
        .create = create_eps,
        .finish = finish_vector,
        .rewrite = rewrite_ps,
    },
    {
        .format = TL_FORMAT_JSON,
        .name = "json",
        .extension = "json",
        .write = write_json,
    },
};

#define FORMAT_COUNT (sizeof formats / sizeof formats[0])

const tl_render_format *tl_render_format_lookup(tl_format format)
{
    for (size_t i = 0; i < FORMAT_COUNT; i++)
        if (formats[i].format == format)
            return &formats[i];
    return NULL;
}

/* ASCII-only case folding: strcasecmp() follows the locale, where "I" need not fold to "i". */
const tl_render_format *tl_render_format_by_name(const char *s)
{
    for (size_t i = 0; s && i < FORMAT_COUNT; i++)
        if (g_ascii_strcasecmp(s, formats[i].name) == 0)
            return &formats[i];
    return NULL;
}

const tl_render_format *tl_render_format_by_extension(const char *s)
{
    for (size_t i = 0; s && i < FORMAT_COUNT; i++)
        if (g_ascii_strcasecmp(s, formats[i].extension) == 0)
            return &formats[i];
    return NULL;
}

/* ---------------------------------------------------------------------------------------------
 * Drawing to a stream
 * ------------------------------------------------------------------------------------------- */

static bool render_cairo(const tl_render_format *fmt, const tl_scene *scene,
                         const tl_render_options *opts, FILE *fp, const char *display,
                         tl_error **err)
{
    tl_buf mem = TL_BUF_INIT;
    sink out = {.fp = fp, .mem = fmt->rewrite ? &mem : NULL};
    cairo_surface_t *surface = NULL;
    cairo_t *cr = NULL;
    double scale = 1;

    /* Everything that can be known to fail is checked before the first byte is written. */
    if (!tl_cairo_check_scene(scene, err))
        goto fail;
    surface = fmt->create(scene, opts, sink_write, &out, &scale, err);
    if (!surface)
        goto fail;

    cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    if (fmt->raster && scene->background.a > 0) {
        cairo_set_source_rgba(cr, scene->background.r, scene->background.g, scene->background.b,
                              scene->background.a);
        cairo_paint(cr);
    }
    if (fmt->set_page_size && scene->page_count > 0) {
        for (size_t p = 0; p < scene->page_count; p++) {
            if (p > 0) {
                cairo_show_page(cr);
                fmt->set_page_size(surface, scene->pages[p].width, scene->pages[p].height);
            }
            if (!tl_cairo_draw_page(cr, scene, p, err))
                goto fail;
        }
    } else if (!tl_cairo_draw_scene(cr, scene, err)) {
        goto fail;
    }
    if (fmt->outline)
        fmt->outline(surface, scene);

    cairo_status_t status = fmt->finish(cr, sink_write, &out);
    cairo_surface_finish(surface);
    if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_status(cr);
    if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status(surface);
    if (out.error) {
        write_error(err, display, out.error);
        goto fail;
    }
    if (status != CAIRO_STATUS_SUCCESS) {
        if (status == CAIRO_STATUS_WRITE_ERROR)
            write_error(err, display, 0);
        else {
            char context[32];
            snprintf(context, sizeof context, "cannot render %s", fmt->name);
            tl_cairo_set_error(err, status, context);
        }
        goto fail;
    }
    cairo_destroy(cr);
    cr = NULL;
    cairo_surface_destroy(surface);
    surface = NULL;
    if (fmt->rewrite) {
        size_t len;
        char *doc = fmt->rewrite(mem.data ? mem.data : "", mem.len, &len);
        errno = 0;
        const bool written = fwrite(doc, 1, len, fp) == len;
        const int errnum = errno;
        free(doc);
        if (!written) {
            write_error(err, display, errnum);
            goto fail;
        }
    }
    tl_buf_free(&mem);
    return flush_output(fp, display, err);

fail:
    /* Destroying an unfinished vector surface finishes it, which writes the document. */
    out.discard = true;
    if (cr)
        cairo_destroy(cr);
    if (surface)
        cairo_surface_destroy(surface);
    tl_buf_free(&mem);
    return false;
}

bool tl_render_write(const tl_render_format *fmt, const tl_scene *scene,
                     const tl_render_options *opts, FILE *fp, const char *display, tl_error **err)
{
    if (fmt->write)
        return fmt->write(scene, opts, fp, display, err);
    return render_cairo(fmt, scene, opts, fp, display, err);
}
