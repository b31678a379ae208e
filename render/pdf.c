/* PDF: the surface with its document information (a creation date that is never the clock),
 * the outline of bookmarks to the eras and groups, and the links of events to their URLs. */
#include "pdf-format.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib.h>

#include "common/tl-alloc.h"
#include "common/tl-calendar.h"
#include "common/tl-error-private.h"
#include "render-options-private.h"
#include "render.h"

/* ---------------------------------------------------------------------------------------------
 * Creation date
 * ------------------------------------------------------------------------------------------- */

/* The PDF creation date, as ISO 8601 UTC: SOURCE_DATE_EPOCH when set and valid, otherwise the
 * epoch itself. Never the clock: the same scene must give the same bytes on every run. */
void tl_pdf_creation_date(char *buf, size_t size)
{
    int64_t seconds;
    if (!tl_cal_source_date_epoch(&seconds))
        seconds = 0;
    tl_civil c;
    tl_cal_split(seconds, &c);
    snprintf(buf, size, "%04lld-%02d-%02dT%02d:%02d:%02dZ", (long long)c.year, c.month, c.day,
             c.hour, c.minute, c.second);
}

/* ---------------------------------------------------------------------------------------------
 * Surface
 * ------------------------------------------------------------------------------------------- */

cairo_surface_t *tl_pdf_create_surface(const tl_scene *scene, const tl_render_options *opts,
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
    tl_scene_get_first_page_size(scene, &width, &height);
    cairo_surface_t *surface =
        cairo_pdf_surface_create_for_stream(write_func, closure, width, height);
    for (size_t i = 0; i < nfields; i++)
        if (fields[i].value && *fields[i].value)
            cairo_pdf_surface_set_metadata(surface, fields[i].key, fields[i].value);
    /* Cairo stamps the current time when no date is given. */
    /* Room for any int64 year as far as the compiler can tell; the text is 20 bytes. */
    char date[96];
    tl_pdf_creation_date(date, sizeof date);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
    *scale = 1;
    return surface;
}

void tl_pdf_set_page_size(cairo_surface_t *surface, double width, double height)
{
    cairo_pdf_surface_set_size(surface, width, height);
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
            const tl_scene_event e = tl_scene_event_at(scene, (size_t)op->event), *ev = &e;
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
    /* No lanes: a group's first labelled event, in chart order. Found from the labels, which
     * are few, rather than from the events, which may be a million. */
    for (size_t i = 0; i < scene->op_count; i++) {
        const tl_op *op = &scene->ops[i];
        if (op->role != TL_ROLE_EVENT_LABEL || op->event < 0 ||
            (size_t)op->event >= scene->event_count)
            continue;
        const char *group = tl_scene_event_at(scene, (size_t)op->event).group;
        if (!group)
            continue;
        size_t k = 0;
        while (k < n && strcmp(out[k].title, group) != 0)
            k++;
        if (k == n || op->event < out[k].key)
            out[k] = (bookmark){group, i, op->event};
        n += k == n;
    }
    qsort(out, n, sizeof *out, cmp_bookmark);
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
void tl_pdf_add_outline(cairo_surface_t *surface, const tl_scene *scene)
{
    bookmark *lists[2];
    size_t counts[2];
    static const char *const heads[2] = {"Eras", "Groups"};
    for (int k = 0; k < 2; k++) {
        lists[k] = tl_xmalloc((scene->op_count + 1) * sizeof *lists[k]); /* one op each */
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

/* ---------------------------------------------------------------------------------------------
 * Links
 * ------------------------------------------------------------------------------------------- */

/* The attribute string of a link to `url` for cairo_tag_begin(): the value is quoted with
 * single quotes, inside which Cairo reads \' and \\ as escapes. */
static char *link_attributes(const char *url)
{
    GString *s = g_string_new("uri='");
    for (const char *p = url; *p; p++) {
        if (*p == '\'' || *p == '\\')
            g_string_append_c(s, '\\');
        g_string_append_c(s, *p);
    }
    g_string_append_c(s, '\'');
    return g_string_free(s, FALSE);
}

/* An event's label, date and mark link to its URL in PDF (other surfaces have no links). */
static const char *op_link(cairo_t *cr, const tl_scene *scene, const tl_op *op)
{
    if (op->event < 0 || (size_t)op->event >= scene->event_count)
        return NULL;
    if (op->role != TL_ROLE_EVENT_LABEL && op->role != TL_ROLE_EVENT_DATE &&
        op->role != TL_ROLE_EVENT_MARK)
        return NULL;
    if (cairo_surface_get_type(cairo_get_target(cr)) != CAIRO_SURFACE_TYPE_PDF)
        return NULL;
    return tl_scene_event_at(scene, (size_t)op->event).url;
}

char *tl_pdf_link_attributes(cairo_t *cr, const tl_scene *scene, const tl_op *op)
{
    const char *url = op_link(cr, scene, op);
    return url ? link_attributes(url) : NULL;
}
