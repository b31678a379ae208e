/* The public rendering API: format lookups, streams, atomic files, and caller's contexts. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "render-cairo.h"
#include "surfaces.h"

bool tl_format_from_name(const char *name, tl_format *out)
{
    const tl_render_format *fmt = tl_render_format_by_name(name);
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
    const tl_render_format *fmt = tl_render_format_by_extension(dot + 1);
    if (!fmt)
        return false;
    *out = fmt->format;
    return true;
}

void tl_render_options_init(tl_render_options *opts)
{
    /* pdf_title stays NULL: the chart's title, which only the scene knows. */
    *opts = (tl_render_options){
        .dpi = 96,
        .scale = 1,
        .pdf_creator = "timeline " TL_VERSION_STRING,
    };
}

bool tl_render_to_stream(const tl_scene *scene, tl_format format, const tl_render_options *opts,
                         FILE *fp, tl_error **err)
{
    const tl_render_format *fmt = tl_render_format_lookup(format);
    if (!fmt)
        return tl_set_error(err, TL_ERROR_USAGE, "unknown output format %d", (int)format);
    tl_render_options defaults;
    if (!opts) {
        tl_render_options_init(&defaults);
        opts = &defaults;
    }
    return tl_render_write(fmt, scene, opts, fp, NULL, err);
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

bool tl_render_to_file(const tl_scene *scene, tl_format format, const tl_render_options *opts,
                       const char *path, tl_error **err)
{
    const tl_render_format *fmt = tl_render_format_lookup(format);
    char *temp = NULL;
    int fd = -1;
    FILE *fp = NULL;
    tl_render_options defaults;
    if (!opts) {
        tl_render_options_init(&defaults);
        opts = &defaults;
    }

    if (!fmt)
        return tl_set_error(err, TL_ERROR_USAGE, "unknown output format %d", (int)format);
    if (!path || !*path)
        return tl_set_error(err, TL_ERROR_CANTCREAT, "cannot create output \"\": %s",
                            strerror(ENOENT));

    /* Mode 0666 at creation, as for any new file: the kernel applies the umask (and a default
     * ACL) itself. mkstemp() creates 0600, and fixing that afterwards would mean reading the
     * umask, which POSIX only allows by changing it, racing with other threads. */
    temp = temp_template(path);
    fd = g_mkstemp_full(temp, O_WRONLY | O_CLOEXEC, 0666);
    if (fd < 0) {
        tl_set_error(err, TL_ERROR_CANTCREAT, "cannot create output \"%s\": %s", path,
                     strerror(errno));
        free(temp);
        temp = NULL; /* nothing to remove */
        goto fail;
    }
    fp = fdopen(fd, "wb");
    if (!fp) {
        tl_set_error(err, TL_ERROR_CANTCREAT, "cannot create output \"%s\": %s", path,
                     strerror(errno));
        goto fail;
    }
    fd = -1; /* fp owns it now */

    if (!tl_render_write(fmt, scene, opts, fp, path, err))
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
    if (rename(temp, path) != 0) {
        tl_set_error(err, TL_ERROR_CANTCREAT, "cannot create output \"%s\": %s", path,
                     strerror(errno));
        goto fail;
    }
    free(temp);
    return true;

fail:
    if (fp)
        fclose(fp);
    if (fd >= 0)
        close(fd);
    if (temp) {
        unlink(temp);
        free(temp);
    }
    return false;
}

bool tl_render_to_cairo(const tl_scene *scene, struct _cairo *cr, tl_error **err)
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
