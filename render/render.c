/* The driver: one format table, and one way of drawing every Cairo format (make the surface,
 * draw the scene with render-cairo.c, finish, check Cairo's status once, turn a failure into
 * a tl_error). Also the public rendering API: format lookups, streams, atomic files, and
 * callers' contexts. What differs between formats is in one file per format (render.h). */
/* realpath(), for outputs that are symbolic links; X/Open 7 includes POSIX.1-2008. */
#define _XOPEN_SOURCE 700

#include "render.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo.h>
#include <glib.h>

#include "common/tl-alloc.h"
#include "common/tl-buf.h"
#include "common/tl-error-private.h"
#include "json-format.h"
#include "pdf-format.h"
#include "png-format.h"
#include "ps-format.h"
#include "render-cairo.h"
#include "render-options-private.h"
#include "svg-format.h"
#include "timeline/timeline-cairo.h"

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

bool tl_render_write_all(FILE *fp, const char *data, size_t len, const char *display,
                         tl_error **err)
{
    errno = 0;
    if (len > 0 && fwrite(data, 1, len, fp) != len)
        return write_error(err, display, errno);
    return flush_output(fp, display, err);
}

/* ---------------------------------------------------------------------------------------------
 * Vector documents
 * ------------------------------------------------------------------------------------------- */

/* Vector surfaces write the document when finished. What failed on the way is left in the
 * context's and the surface's status, which the driver checks once, after this. */
static cairo_status_t finish_vector(cairo_t *cr, cairo_write_func_t write_func, void *closure)
{
    (void)write_func;
    (void)closure;
    cairo_show_page(cr);
    cairo_surface_finish(cairo_get_target(cr));
    return CAIRO_STATUS_SUCCESS;
}

/* ---------------------------------------------------------------------------------------------
 * Formats
 * ------------------------------------------------------------------------------------------- */

/* Output formats as a table: what differs between SVG, PNG, PDF and PostScript is how the
 * Cairo surface is made and finished; the drawing is shared (render-cairo.c). JSON, the scene
 * itself, is a row too, so that names and extensions are looked up in one place. */
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
    /* Completes the document after drawing (shows the page, encodes the image). Returns a
     * failure of its own; the context's and surface's states are checked after it. */
    cairo_status_t (*finish)(cairo_t *cr, cairo_write_func_t write_func, void *closure);
    /* When set, Cairo writes the document into memory and this rewrites it (into a new string
     * of *out_len bytes the caller frees) before it is written out. */
    char *(*rewrite)(const tl_scene *scene, const char *data, size_t len, size_t *out_len);
    /* Whether a scene's document is rewritten; NULL: always, when there is a rewrite. */
    bool (*rewrites)(const tl_scene *scene);
    /* Formats of several pages: sets the size of the next page (after cairo_show_page()). NULL
     * for formats that draw the whole canvas as one page (even when the scene has pages). */
    void (*set_page_size)(cairo_surface_t *surface, double width, double height);
    /* Adds the document's bookmarks once the pages are drawn; NULL for none. */
    void (*outline)(cairo_surface_t *surface, const tl_scene *scene);
    /* Raster surfaces get the page background painted over every pixel, since their pixel
     * size is the page size rounded up. */
    bool raster;
} tl_render_format;

/* Adding an output format is one new file, render/NAME.c with its hooks declared in NAME.h,
 * and one row here (and its value in tl_format). */
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
        .create = tl_png_create_surface,
        .finish = tl_png_finish,
        .raster = true,
    },
    {
        .format = TL_FORMAT_PDF,
        .name = "pdf",
        .extension = "pdf",
        .create = tl_pdf_create_surface,
        .finish = finish_vector,
        .rewrite = tl_pdf_rewrite,
        .rewrites = tl_pdf_rewrites,
        .set_page_size = tl_pdf_set_page_size,
        .outline = tl_pdf_add_outline,
    },
    {
        .format = TL_FORMAT_PS,
        .name = "ps",
        .extension = "ps",
        .create = tl_ps_create_surface,
        .finish = finish_vector,
        .rewrite = tl_ps_rewrite,
        .set_page_size = tl_ps_set_page_size,
    },
    {
        .format = TL_FORMAT_EPS,
        .name = "eps",
        .extension = "eps",
        .create = tl_eps_create_surface,
        .finish = finish_vector,
        .rewrite = tl_ps_rewrite,
    },
    {
        .format = TL_FORMAT_JSON,
        .name = "json",
        .extension = "json",
        .write = tl_render_json_write,
    },
};

#define FORMAT_COUNT (sizeof formats / sizeof formats[0])

static const tl_render_format *format_lookup(tl_format format)
{
    for (size_t i = 0; i < FORMAT_COUNT; i++)
        if (formats[i].format == format)
            return &formats[i];
    return NULL;
}

/* ASCII-only case folding: strcasecmp() follows the locale, where "I" need not fold to "i". */
static const tl_render_format *format_by_name(const char *s)
{
    for (size_t i = 0; s && i < FORMAT_COUNT; i++)
        if (g_ascii_strcasecmp(s, formats[i].name) == 0)
            return &formats[i];
    return NULL;
}

static const tl_render_format *format_by_extension(const char *s)
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
    const bool rewrite = fmt->rewrite && (!fmt->rewrites || fmt->rewrites(scene));
    sink out = {.fp = fp, .mem = rewrite ? &mem : NULL};
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
    if (rewrite) {
        size_t len;
        char *doc = fmt->rewrite(scene, mem.data ? mem.data : "", mem.len, &len);
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

/* Writes `scene` to `fp` in `fmt`, then flushes `fp` (it is not closed). `display` names the
 * output in messages ("cannot write \"out.png\": ..."); NULL says "output". `opts` is not NULL
 * (the public entry points fill in the defaults). A scene that cannot be drawn and an
 * impossible size are detected before anything is written. Returns false and sets *err:
 * TL_ERROR_USAGE (size), TL_ERROR_IO (a write failed), TL_ERROR_INTERNAL (anything else Cairo
 * reports, an invalid scene). */
static bool render_write(const tl_render_format *fmt, const tl_scene *scene,
                         const tl_render_options *opts, FILE *fp, const char *display,
                         tl_error **err)
{
    if (fmt->write)
        return fmt->write(scene, opts, fp, display, err);
    return render_cairo(fmt, scene, opts, fp, display, err);
}

/* ---------------------------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------------------------- */

bool tl_format_from_name(const char *name, tl_format *out)
{
    const tl_render_format *fmt = format_by_name(name);
    if (!fmt)
        return false;
    *out = fmt->format;
    return true;
}

bool tl_format_from_filename(const char *filename, tl_format *out)
{
    if (!filename)
        return false;
    const char *slash = strrchr(filename, '/');
    const char *base = slash ? slash + 1 : filename;
    const char *dot = strrchr(base, '.');
    /* ".png" alone is a hidden file's whole name, not an extension. */
    if (!dot || dot == base)
        return false;
    const tl_render_format *fmt = format_by_extension(dot + 1);
    if (!fmt)
        return false;
    *out = fmt->format;
    return true;
}

bool tl_render_to_stream(const tl_scene *scene, tl_format format, const tl_render_options *opts,
                         FILE *fp, tl_error **err)
{
    const tl_render_format *fmt = format_lookup(format);
    if (!fmt)
        return tl_set_error(err, TL_ERROR_USAGE, "unknown output format %d", (int)format);
    if (!opts)
        opts = tl_render_options_defaults();
    return render_write(fmt, scene, opts, fp, NULL, err);
}

bool tl_render_to_memory(const tl_scene *scene, tl_format format, const tl_render_options *opts,
                         unsigned char **data, size_t *len, tl_error **err)
{
    *data = NULL;
    *len = 0;
    char *buf = NULL;
    size_t size = 0;
    FILE *fp = open_memstream(&buf, &size);
    if (!fp)
        return tl_set_error(err, TL_ERROR_INTERNAL, "cannot open a memory stream: %s",
                            strerror(errno));
    bool ok = tl_render_to_stream(scene, format, opts, fp, err);
    /* The buffer and its size are final only once the stream is closed. */
    if (fclose(fp) != 0 && ok)
        ok = tl_set_error(err, TL_ERROR_IO, "cannot write to memory: %s", strerror(errno));
    if (!ok) {
        free(buf);
        return false;
    }
    *data = (unsigned char *)buf;
    *len = size;
    return true;
}

void tl_free(void *ptr)
{
    free(ptr);
}

/* "DIR/.NAME.XXXXXX" for "DIR/NAME": in the same folder, so rename() is atomic (same file
 * system), and hidden. Long names are cut so the temporary name stays under NAME_MAX (255)
 * whenever the final one does. */
static char *temp_template(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const int dir_len = slash ? (int)(slash - path) + 1 : 0;
    size_t base_len = strlen(base);
    if (base_len > 200)
        base_len = 200;
    return tl_xasprintf("%.*s.%.*s.XXXXXX", dir_len, path, (int)base_len, base);
}

/* The temporary file of the tl_render_to_file() under way, for tl_render_abort_temp_files() to
 * remove from a signal handler, which may only read what it cannot see half-written: the path
 * is copied into a static buffer, and `temp_registered` (a volatile sig_atomic_t, the one type
 * a handler may read safely) is set only after it, and cleared before the buffer changes
 * again; the signal fences keep the compiler from moving the copy across the flag. Renders
 * that run at the same time in other threads race for the one slot: `temp_slot` is held by the
 * render that registered, and the others go unregistered. */
static char temp_path[4096];
static volatile sig_atomic_t temp_registered;
static atomic_flag temp_slot = ATOMIC_FLAG_INIT;

static bool register_temp(const char *temp)
{
    const size_t len = strlen(temp);
    if (len >= sizeof temp_path || atomic_flag_test_and_set(&temp_slot))
        return false;
    memcpy(temp_path, temp, len + 1);
    atomic_signal_fence(memory_order_seq_cst);
    temp_registered = 1;
    return true;
}

/* Called once the temporary name is gone (renamed or removed): a signal in between removes a
 * name that no longer exists, while clearing first would let one leave the file behind. */
static void unregister_temp(bool registered)
{
    if (!registered)
        return;
    temp_registered = 0;
    atomic_signal_fence(memory_order_seq_cst);
    atomic_flag_clear(&temp_slot);
}

void tl_render_abort_temp_files(void)
{
    if (!temp_registered)
        return;
    atomic_signal_fence(memory_order_seq_cst);
    const int saved = errno;
    unlink(temp_path);
    errno = saved;
}

/* An output that is not a regular file (a device such as /dev/null, a FIFO, a socket) is
 * written in place: a new file renamed over it would replace the node itself, and as root that
 * is /dev/null gone for the whole machine. Nothing is truncated or created here. */
static bool write_in_place(const tl_render_format *fmt, const tl_scene *scene,
                           const tl_render_options *opts, const char *path, tl_error **err)
{
    const int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return tl_set_error(err, TL_ERROR_CANTCREAT, "cannot create output \"%s\": %s", path,
                            strerror(errno));
    FILE *fp = fdopen(fd, "wb");
    if (!fp) {
        tl_set_error(err, TL_ERROR_CANTCREAT, "cannot create output \"%s\": %s", path,
                     strerror(errno));
        close(fd);
        return false;
    }
    bool ok = render_write(fmt, scene, opts, fp, path, err);
    if (fclose(fp) != 0 && ok)
        ok = tl_set_error(err, TL_ERROR_IO, "cannot write \"%s\": %s", path, strerror(errno));
    return ok;
}

/* Where a new file goes: the file a symbolic link names (so the link stays a link, as the
 * build that made it expects), else the path itself. Returns NULL when `path` is no link or
 * the link cannot be resolved; the caller frees the result. *in_place is set when what the
 * path leads to exists and is not a regular file or a folder. */
static char *output_target(const char *path, bool *in_place)
{
    struct stat st;
    char *real = NULL;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        char *resolved = realpath(path, NULL);
        if (resolved) {
            real = tl_xstrdup(resolved);
            free(resolved);
        }
    }
    *in_place = stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
    return real;
}

bool tl_render_to_file(const tl_scene *scene, tl_format format, const tl_render_options *opts,
                       const char *path, tl_error **err)
{
    const tl_render_format *fmt = format_lookup(format);
    char *temp = NULL;
    int fd = -1;
    FILE *fp = NULL;
    bool registered = false;
    if (!opts)
        opts = tl_render_options_defaults();

    if (!fmt)
        return tl_set_error(err, TL_ERROR_USAGE, "unknown output format %d", (int)format);
    if (!path || !*path)
        return tl_set_error(err, TL_ERROR_CANTCREAT, "cannot create output \"\": %s",
                            strerror(ENOENT));

    bool in_place;
    char *real = output_target(path, &in_place);
    if (in_place) {
        free(real);
        return write_in_place(fmt, scene, opts, path, err);
    }
    const char *target = real ? real : path;

    /* Mode 0666 at creation, as for any new file: the kernel applies the umask (and a default
     * ACL) itself. mkstemp() creates 0600, and fixing that afterwards would mean reading the
     * umask, which POSIX only allows by changing it, racing with other threads. */
    temp = temp_template(target);
    fd = g_mkstemp_full(temp, O_WRONLY | O_CLOEXEC, 0666);
    if (fd < 0) {
        tl_set_error(err, TL_ERROR_CANTCREAT, "cannot create output \"%s\": %s", path,
                     strerror(errno));
        free(temp);
        temp = NULL; /* nothing to remove */
        goto fail;
    }
    registered = register_temp(temp);
    fp = fdopen(fd, "wb");
    if (!fp) {
        tl_set_error(err, TL_ERROR_CANTCREAT, "cannot create output \"%s\": %s", path,
                     strerror(errno));
        goto fail;
    }
    fd = -1; /* fp owns it now */

    if (!render_write(fmt, scene, opts, fp, path, err))
        goto fail;
    /* No fsync(): it costs more than drawing a small chart (10 ms and more on a busy disk), and
     * a figure build writes hundreds. The rename makes a failed or interrupted run leave the
     * old file; after a power cut, ext4 and XFS flush a file renamed over another first, as
     * compilers and make rely on. */
    FILE *closing = fp;
    fp = NULL;
    if (fclose(closing) != 0) {
        tl_set_error(err, TL_ERROR_IO, "cannot write \"%s\": %s", path, strerror(errno));
        goto fail;
    }
    if (rename(temp, target) != 0) {
        /* A folder that has no room left for the new entry is a full disk, like a write that
         * failed: 74, not 73. */
        const int errnum = errno;
        const bool full = errnum == ENOSPC || errnum == EDQUOT || errnum == EIO;
        tl_set_error(err, full ? TL_ERROR_IO : TL_ERROR_CANTCREAT,
                     full ? "cannot write \"%s\": %s" : "cannot create output \"%s\": %s", path,
                     strerror(errnum));
        goto fail;
    }
    unregister_temp(registered);
    free(temp);
    free(real);
    return true;

fail:
    if (fp)
        fclose(fp);
    if (fd >= 0)
        close(fd);
    if (temp) {
        unlink(temp);
        unregister_temp(registered);
        free(temp);
    }
    free(real);
    return false;
}

bool tl_render_to_cairo(const tl_scene *scene, cairo_t *cr, tl_error **err)
{
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        return tl_cairo_set_error(err, cairo_status(cr), "cannot draw on the given context");

    /* cairo_save() does not cover the path: keep the caller's, which drawing would consume. */
    cairo_path_t *path = cairo_copy_path(cr);
    cairo_save(cr);
    cairo_new_path(cr);
    bool ok = tl_cairo_draw_scene(cr, scene, err);
    cairo_restore(cr);
    cairo_new_path(cr);
    cairo_append_path(cr, path);
    cairo_path_destroy(path);

    if (ok && cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        return tl_cairo_set_error(err, cairo_status(cr), "cannot draw");
    return ok;
}
