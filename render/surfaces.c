/* The output format table and the one drawing path all Cairo formats share. */
#include "surfaces.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib.h>

#include "common/tl-buf.h"
#include "common/tl-error-private.h"
#include "png-writer.h"
#include "render-cairo.h"
#include "svg-ids.h"

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

/* Year, month and day of day `z` since 1970-01-01 in the proleptic Gregorian calendar
 * (H. Hinnant's civil_from_days), for z >= 0. No gmtime: plain arithmetic needs no TZ. */
static void civil_from_days(int64_t z, int64_t *year, int *month, int *day)
{
    z += 719468;
    const int64_t era = z / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    *day = (int)(doy - (153 * mp + 2) / 5 + 1);
    *month = (int)(mp < 10 ? mp + 3 : mp - 9);
    *year = yoe + era * 400 + (*month <= 2);
}

/* The PDF creation date, as ISO 8601 UTC: SOURCE_DATE_EPOCH when set and valid, otherwise the
 * epoch itself. Never the clock: the same scene must give the same bytes on every run. */
static void format_create_date(char *buf, size_t size)
{
    int64_t seconds;
    if (!parse_epoch(getenv("SOURCE_DATE_EPOCH"), &seconds))
        seconds = 0;
    int64_t year;
    int month, day;
    civil_from_days(seconds / 86400, &year, &month, &day);
    const int64_t rest = seconds % 86400;
    snprintf(buf, size, "%04lld-%02d-%02dT%02d:%02d:%02dZ", (long long)year, month, day,
             (int)(rest / 3600), (int)(rest / 60 % 60), (int)(rest % 60));
}

/* ---------------------------------------------------------------------------------------------
 * Formats
 * ------------------------------------------------------------------------------------------- */

static cairo_surface_t *create_svg(const tl_scene *scene, const tl_render_options *opts,
                                   cairo_write_func_t write_func, void *closure, double *scale,
                                   tl_error **err)
{
    (void)opts;
    (void)err;
    cairo_surface_t *surface =
        cairo_svg_surface_create_for_stream(write_func, closure, scene->width, scene->height);
    /* width="300pt": Cairo's default unit is the user unit (px to most viewers), which would
     * show the chart at 3/4 of its size. The viewBox stays in points. */
    cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
    *scale = 1;
    return surface;
}

static cairo_surface_t *create_pdf(const tl_scene *scene, const tl_render_options *opts,
                                   cairo_write_func_t write_func, void *closure, double *scale,
                                   tl_error **err)
{
    const struct {
        cairo_pdf_metadata_t key;
        const char *name, *value;
    } fields[] = {
        {CAIRO_PDF_METADATA_TITLE, "title", scene->title},
        {CAIRO_PDF_METADATA_AUTHOR, "author", opts->pdf_author},
        {CAIRO_PDF_METADATA_SUBJECT, "subject", opts->pdf_subject},
        {CAIRO_PDF_METADATA_KEYWORDS, "keywords", opts->pdf_keywords},
    };
    const size_t nfields = sizeof fields / sizeof fields[0];
    /* Cairo takes metadata as UTF-8 and would write other bytes into the file as they are. */
    for (size_t i = 0; i < nfields; i++)
        if (fields[i].value && !g_utf8_validate(fields[i].value, -1, NULL)) {
            tl_set_error(err, TL_ERROR_USAGE, "PDF %s is not valid UTF-8", fields[i].name);
            return NULL;
        }
    cairo_surface_t *surface =
        cairo_pdf_surface_create_for_stream(write_func, closure, scene->width, scene->height);
    for (size_t i = 0; i < nfields; i++)
        if (fields[i].value && *fields[i].value)
            cairo_pdf_surface_set_metadata(surface, fields[i].key, fields[i].value);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR,
                                   "timeline " TL_VERSION_STRING);
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
static const cairo_user_data_key_t png_dpi_key;

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
    cairo_surface_t *surface =
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)width, (int)height);
    /* The resolution the PNG records, for finish_png(): the surface carries it there. */
    double *dpi = malloc(sizeof *dpi);
    if (dpi) {
        *dpi = opts->dpi * opts->scale;
        if (cairo_surface_set_user_data(surface, &png_dpi_key, dpi, free) != CAIRO_STATUS_SUCCESS)
            free(dpi);
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
    const double *dpi = cairo_surface_get_user_data(surface, &png_dpi_key);
    return tl_png_write(surface, dpi ? *dpi : 0, write_func, closure);
}

static bool write_json(const tl_scene *scene, FILE *fp, const char *display, tl_error **err)
{
    char *json = tl_scene_to_json(scene);
    const size_t len = strlen(json);
    errno = 0;
    const bool written = fwrite(json, 1, len, fp) == len;
    const int errnum = errno;
    free(json);
    if (!written)
        return write_error(err, display, errnum);
    return flush_output(fp, display, err);
}

static const tl_render_format formats[] = {
    {
        .format = TL_FORMAT_SVG,
        .name = "svg",
        .extension = "svg",
        .create = create_svg,
        .finish = finish_vector,
        .rewrite = tl_svg_renumber_ids,
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
    if (!(isfinite(scene->width) && scene->width > 0 && isfinite(scene->height) &&
          scene->height > 0)) {
        tl_set_error(err, TL_ERROR_USAGE, "cannot draw a canvas of %g x %g pt", scene->width,
                     scene->height);
        goto fail;
    }
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
    if (!tl_cairo_draw_scene(cr, scene, err))
        goto fail;

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
        return fmt->write(scene, fp, display, err);
    return render_cairo(fmt, scene, opts, fp, display, err);
}
