/* Printing: the page plan of paginated scenes (every text drawn whole on one page, inside the
 * margins; page numbers; the title continued); footnotes and links in the scene; and the documents:
 * PDF pages and sizes, text per page, embedded fonts, links and bookmarks (checked with
 * poppler-utils when installed), PostScript and EPS headers. Skips when Noto Sans is not available.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "scene/scene.h"
#include "tap.h"
#include "test-util.h"

#define MM (72.0 / 25.4)

static char *samples_dir;
static char *out_dir;

/* ---------------------------------------------------------------------------------------------
 * The page plan
 * ------------------------------------------------------------------------------------------- */

typedef struct page_setup {
    const char *size;
    bool landscape;
    int pages;
    bool fit_width;
    tl_variant variant;
    const char *title;
} page_setup;

/* The page sizes used here, in points (options read them: lib/page-setup.c). */
static void page_points(const char *size, double *w, double *h)
{
    bool a5 = strcmp(size, "A5") == 0;
    *w = (a5 ? 148 : 210) * MM;
    *h = (a5 ? 210 : 297) * MM;
}

static tl_timeline *load_sample(const char *name)
{
    char *path = g_build_filename(samples_dir, name, NULL);
    tl_error *err = NULL;
    tl_timeline *tl = tl_timeline_load_csv_file(path, NULL, NULL, &err);
    if (!tl)
        tap_diag("cannot load %s: %s", path, err ? err->message : "?");
    tl_error_free(err);
    g_free(path);
    return tl;
}

static tl_scene *lay_out(const tl_timeline *tl, tl_fonts *fonts, const page_setup *ps)
{
    tl_layout_options *o = tl_layout_options_new();
    double w = 0, h = 0;
    page_points(ps->size, &w, &h);
    tl_layout_options_set_page(o, w, h);
    tl_layout_options_set_landscape(o, ps->landscape);
    tl_layout_options_set_pages(o, ps->pages);
    tl_layout_options_set_fit_width(o, ps->fit_width);
    tl_layout_options_set_variant(o, ps->variant);
    tl_layout_options_set_title(o, ps->title);
    tl_error *err = NULL;
    tl_scene *scene = tl_layout(tl, o, fonts, &err);
    if (!scene)
        tap_diag("layout failed: %s", err ? err->message : "?");
    tl_error_free(err);
    tl_layout_options_free(o);
    return scene;
}

/* Where op box `b` lands through viewport `vp`. */
static void map_box(const tl_viewport *vp, const double b[4], double out[4])
{
    out[0] = (b[0] - vp->src[0]) * vp->scale + vp->x;
    out[1] = (b[1] - vp->src[1]) * vp->scale + vp->y;
    out[2] = b[2] * vp->scale;
    out[3] = b[3] * vp->scale;
}

static bool inside(const double b[4], double x0, double y0, double x1, double y1)
{
    const double eps = 0.01;
    return b[0] >= x0 - eps && b[1] >= y0 - eps && b[0] + b[2] <= x1 + eps &&
           b[1] + b[3] <= y1 + eps;
}

static bool has_overlay(const tl_page *page, const char *needle)
{
    for (size_t k = 0; k < page->overlay_count; k++)
        if (page->overlay[k].kind == TL_OP_TEXT && strstr(page->overlay[k].u.text.text, needle))
            return true;
    return false;
}

/* What every paginated scene must satisfy, whatever the layout: pages of the size asked for;
 * every text drawn whole, inside its viewport's clip and the page's margins, on exactly one
 * page (event labels) or at least one (tick labels may fall in a skipped stretch of bare axis:
 * none of them is drawn twice); numbers on every page and the title continued. */
static void check_plan(const tl_scene *s, const char *what, double pw, double ph,
                       const double margins[4])
{
    const size_t pages = s->page_count;
    tap_ok(pages >= 1, "%s: has pages (%zu)", what, pages);
    bool sizes = true, within = true, number = true, continued = true, overlay_in = true;
    size_t *drawn = calloc(s->op_count + 1, sizeof *drawn);
    for (size_t p = 0; p < pages; p++) {
        const tl_page *page = &s->pages[p];
        sizes = sizes && fabs(page->width - pw) < 0.01 && fabs(page->height - ph) < 0.01;
        for (size_t v = 0; v < page->viewport_count; v++) {
            const tl_viewport *vp = &page->viewports[v];
            for (size_t k = 0; k < vp->op_count; k++) {
                const tl_op *op = &s->ops[vp->ops[k]];
                if (op->kind != TL_OP_TEXT)
                    continue;
                drawn[vp->ops[k]]++;
                double b[4], m[4];
                tl_scene_op_bbox(op, b);
                map_box(vp, b, m);
                const bool ok = inside(m, vp->clip[0], vp->clip[1], vp->clip[0] + vp->clip[2],
                                       vp->clip[1] + vp->clip[3]) &&
                                inside(m, margins[3], margins[0], pw - margins[1], ph - margins[2]);
                if (!ok && within)
                    tap_diag("%s: page %zu: \"%s\" at [%.1f %.1f %.1f %.1f] is cut", what, p + 1,
                             op->u.text.text, m[0], m[1], m[2], m[3]);
                within = within && ok;
            }
        }
        for (size_t k = 0; k < page->overlay_count; k++) {
            double b[4];
            tl_scene_op_bbox(&page->overlay[k], b);
            overlay_in = overlay_in && inside(b, 0, 0, pw, ph);
        }
        if (pages > 1) {
            char text[64];
            snprintf(text, sizeof text, "Page %zu of %zu", p + 1, pages);
            number = number && has_overlay(page, text);
            continued = continued && (p == 0 || has_overlay(page, "(continued)"));
        }
    }
    tap_ok(sizes, "%s: every page is %.2f x %.2f pt", what, pw, ph);
    tap_ok(within, "%s: every text is whole, inside its clip and the margins", what);
    tap_ok(overlay_in, "%s: page numbers and notes are on the page", what);
    if (pages > 1) {
        tap_ok(number, "%s: every page says \"Page N of %zu\"", what, pages);
        tap_ok(continued, "%s: later pages carry the title \"(continued)\"", what);
    }
    size_t labels = 0, label_once = 0, twice = 0, missing = 0;
    for (size_t i = 0; i < s->op_count; i++) {
        const tl_op *op = &s->ops[i];
        if (op->kind != TL_OP_TEXT)
            continue;
        /* Tick labels are furniture: on every page that shows them whole. */
        twice += drawn[i] > 1 && op->event >= 0;
        if (op->role == TL_ROLE_EVENT_LABEL || op->role == TL_ROLE_TITLE ||
            op->role == TL_ROLE_LEGEND || op->role == TL_ROLE_ERA_LABEL ||
            op->role == TL_ROLE_LANE_LABEL) {
            labels++;
            label_once += drawn[i] == 1 || (op->role == TL_ROLE_LANE_LABEL && drawn[i] >= 1);
            if (drawn[i] == 0 && missing++ < 3)
                tap_diag("%s: \"%s\" is on no page", what, op->u.text.text);
        }
    }
    tap_ok(labels > 0 && label_once == labels,
           "%s: all %zu labels, titles, era names and legend texts are drawn, once (group names "
           "on every page)",
           what, labels);
    tap_is_int((long long)twice, 0, "%s: no text of an event is drawn twice", what);
    free(drawn);
}

static void test_india_japan(tl_fonts *fonts)
{
    tl_timeline *tl = load_sample("india-japan-2019-2020.csv");
    const page_setup ps = {.size = "A4", .variant = TL_VARIANT_RIBBON, .title = "India and Japan"};
    tl_scene *s = tl ? lay_out(tl, fonts, &ps) : NULL;
    tap_ok(s != NULL, "India-Japan on A4 lays out");
    if (!s)
        goto done;
    const double margins[4] = {15 * MM, 15 * MM, 15 * MM, 15 * MM};
    tap_is_int((long long)tl_scene_get_page_count(s), 1, "India-Japan on A4: one page");
    check_plan(s, "India-Japan A4", 210 * MM, 297 * MM, margins);
    const tl_viewport *vp = &s->pages[0].viewports[0];
    tap_ok(vp->scale > 0.99 && vp->scale <= 1, "... drawn at full size (scale %.3f)", vp->scale);
    tap_is_near(vp->x, 15 * MM, 0.01, "... from the left margin");
    tap_is_near(vp->y, 15 * MM, 0.01, "... from the top margin");
    tap_ok(s->width - 48 <= 180 * MM + 0.01, "... laid out as wide as the page's content (%.1f)",
           s->width - 48);
    char *json = tl_scene_to_json(s);
    tap_ok(strstr(json, "\"pages\":[") && strstr(json, "\"viewports\":[") &&
               strstr(json, "\"width\":595.28,\"height\":841.89"),
           "the scene JSON shows the page and its viewports");
    free(json);
    tl_scene_free(s);

    /* Margins that leave no room are an error, not a page of nothing. */
    tl_layout_options *o = tl_layout_options_new();
    double w = 0, h = 0, margins_wide[4] = {100, 200, 100, 200};
    page_points("A5", &w, &h);
    tl_layout_options_set_page(o, w, h);
    tl_layout_options_set_margins(o, margins_wide);
    tl_error *err = NULL;
    s = tl_layout(tl, o, fonts, &err);
    tap_ok(!s && err && err->code == TL_ERROR_USAGE && strstr(err->message, "margins"),
           "margins wider than the page are refused: %s", err ? err->message : "accepted");
    tl_error_free(err);
    tl_scene_free(s);
    /* Custom margins move the chart. */
    const double margins_in[4] = {72, 36, 72, 36};
    tl_layout_options_set_margins(o, margins_in);
    s = tl_layout(tl, o, fonts, NULL);
    tap_ok(s && s->page_count == 1 && fabs(s->pages[0].viewports[0].x - 36) < 0.01 &&
               fabs(s->pages[0].viewports[0].y - 72) < 0.01,
           "margins given as top, right, bottom, left place the chart");
    if (s)
        check_plan(s, "India-Japan A5, custom margins", w, h, margins_in);
    tl_scene_free(s);
    tl_layout_options_free(o);

    /* Without a page size: no pages, and the JSON says nothing about them. */
    o = tl_layout_options_new();
    s = tl_layout(tl, o, fonts, NULL);
    tap_ok(s && s->page_count == 0 && tl_scene_get_page_count(s) == 1,
           "without a page size the chart is one page of its own size");
    json = s ? tl_scene_to_json(s) : NULL;
    tap_ok(json && !strstr(json, "\"pages\""), "... and the JSON has no \"pages\"");
    free(json);
    tl_scene_free(s);
    tl_layout_options_free(o);
done:
    tl_timeline_free(tl);
}

static bool ends_with_superscript(const char *text)
{
    static const char *const digits[] = {"\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
                                         "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
    const size_t n = strlen(text);
    for (size_t d = 0; d < 10; d++) {
        const size_t k = strlen(digits[d]);
        if (n >= k && strcmp(text + n - k, digits[d]) == 0)
            return true;
    }
    return false;
}

/* The history of computing: 300 events, eras, groups, links and sources. */
/* Each layout on A4 landscape pages: every event placed, each page inside its margins. */
static void check_history_variants(tl_fonts *fonts, tl_timeline *tl, double pw, double ph,
                                   const double margins[4])
{
    const struct {
        tl_variant variant;
        const char *name;
    } variants[] = {{TL_VARIANT_LANES, "lanes"},
                    {TL_VARIANT_RIBBON, "ribbon"},
                    {TL_VARIANT_VERTICAL, "vertical"}};
    for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++) {
        const page_setup ps = {.size = "A4",
                               .landscape = true,
                               .variant = variants[i].variant,
                               .title = "A history of computing"};
        tl_scene *s = lay_out(tl, fonts, &ps);
        char what[64];
        snprintf(what, sizeof what, "history %s, A4 landscape", variants[i].name);
        tap_ok(s != NULL, "%s lays out", what);
        if (!s)
            continue;
        size_t unplaced = 0;
        for (size_t e = 0; e < s->event_count; e++)
            unplaced += !s->marks[e].placed;
        /* The vertical layout summarises cards past a count, whatever the page. */
        if (variants[i].variant != TL_VARIANT_VERTICAL)
            tap_is_int((long long)unplaced, 0, "%s: every event is placed", what);
        tap_ok(s->page_count > 1 && s->page_count <= 100, "%s: %zu pages", what, s->page_count);
        check_plan(s, what, pw, ph, margins);
        /* Horizontal layouts show the axis on every page that shows the plot. */
        if (variants[i].variant != TL_VARIANT_VERTICAL) {
            bool axis = true;
            for (size_t p = 0; p < s->page_count; p++) {
                bool plot = false, ticks = false;
                for (size_t v = 0; v < s->pages[p].viewport_count; v++) {
                    const tl_viewport *vp = &s->pages[p].viewports[v];
                    for (size_t k = 0; k < vp->op_count; k++) {
                        plot = plot || s->ops[vp->ops[k]].role == TL_ROLE_EVENT_LABEL;
                        ticks = ticks || s->ops[vp->ops[k]].role == TL_ROLE_TICK_LABEL;
                    }
                }
                axis = axis && (!plot || ticks);
            }
            tap_ok(axis, "%s: every page of the plot has tick labels", what);
        }
        tl_scene_free(s);
    }
}

/* A number of pages asked for, and one page fitted to the width. */
static void check_history_page_count(tl_fonts *fonts, tl_timeline *tl, double pw, double ph,
                                     const double margins[4])
{
    const page_setup three = {.size = "A4",
                              .landscape = true,
                              .pages = 3,
                              .variant = TL_VARIANT_LANES,
                              .title = "A history of computing"};
    tl_scene *s = lay_out(tl, fonts, &three);
    tap_ok(s && s->page_count >= 3 && s->page_count <= 4,
           "lanes with --pages 3: 3 pages of plot and perhaps one for the legend (%zu)",
           s ? s->page_count : 0);
    if (s)
        check_plan(s, "history lanes, 3 pages", pw, ph, margins);
    tl_scene_free(s);

    /* Fit to the width: one page, scaled. */
    const page_setup fit = {.size = "A4",
                            .landscape = true,
                            .fit_width = true,
                            .variant = TL_VARIANT_LANES,
                            .title = "A history of computing"};
    s = lay_out(tl, fonts, &fit);
    tap_ok(s && s->page_count == 1 && s->pages[0].viewports[0].scale <= 1,
           "lanes with fit-width: one page");
    if (s)
        check_plan(s, "history lanes, fit width", pw, ph, margins);
    tl_scene_free(s);
}

/* Footnotes and links, in the scene whatever the format. */
static void check_history_footnotes(tl_fonts *fonts, tl_timeline *tl)
{
    tl_layout_options *o = tl_layout_options_new();
    tl_scene *s = tl_layout(tl, o, fonts, NULL);
    tl_layout_options_free(o);
    if (!s) {
        tap_ok(false, "history lays out without pages");
        return;
    }
    size_t with_source = 0, numbered = 0, same = 0, linked = 0, marked = 0, labels = 0;
    int highest = 0;
    for (size_t e = 0; e < s->event_count; e++) {
        const tl_scene_event ev_at = tl_scene_event_at(s, e), *ev = &ev_at;
        with_source += ev->source != NULL;
        numbered += (ev->source != NULL) == (ev->footnote > 0);
        linked += ev->url && strncmp(ev->url, "https://en.wikipedia.org/wiki/", 30) == 0;
        if (ev->footnote > highest)
            highest = ev->footnote;
        for (size_t f = 0; f < e; f++)
            if (ev->source && tl_scene_event_at(s, f).source &&
                strcmp(ev->source, tl_scene_event_at(s, f).source) == 0)
                same += ev->footnote != s->marks[f].footnote;
    }
    tap_ok(with_source > 200, "most history events cite a source (%zu)", with_source);
    tap_is_int((long long)numbered, (long long)s->event_count,
               "exactly the events with a source have a footnote number");
    tap_is_int((long long)same, 0, "the same source always has the same number");
    tap_is_int(highest, 5, "five distinct sources are numbered 1 to 5");
    tap_ok(linked + 7 == s->event_count, "every event but the eras links to its page (%zu)",
           linked);
    size_t list = 0;
    bool heading = false;
    for (size_t i = 0; i < s->op_count; i++) {
        const tl_op *op = &s->ops[i];
        if (op->kind != TL_OP_TEXT)
            continue;
        if (op->role == TL_ROLE_EVENT_LABEL && op->event >= 0) {
            labels++;
            marked += ends_with_superscript(op->u.text.text) == (s->marks[op->event].footnote > 0);
        }
        if (op->role == TL_ROLE_NOTE && strcmp(op->u.text.text, "Sources") == 0)
            heading = true;
        if (op->role == TL_ROLE_NOTE && op->u.text.text[0] >= '1' && op->u.text.text[0] <= '5' &&
            strncmp(op->u.text.text + 1, ". ", 2) == 0)
            list++;
    }
    tap_ok(labels > 0 && marked == labels,
           "labels end with a superscript number exactly when their event has a source");
    tap_ok(heading && list == 5, "the footer lists the 5 sources under \"Sources\"");
    tl_scene_free(s);
}

static void test_history(tl_fonts *fonts, tl_timeline *tl)
{
    const double margins[4] = {15 * MM, 15 * MM, 15 * MM, 15 * MM};
    const double pw = 297 * MM, ph = 210 * MM;
    check_history_variants(fonts, tl, pw, ph, margins);
    check_history_page_count(fonts, tl, pw, ph, margins);
    check_history_footnotes(fonts, tl);
}

static void test_links(tl_fonts *fonts)
{
    const char csv[] = "start,title,url,source\n"
                       "2020-01-01,Safe,https://example.org/a?b='c',Ref A\n"
                       "2020-02-01,Script,javascript:alert(1),Ref B\n"
                       "2020-03-01,Relative,notes/march.html,Ref A\n"
                       "2020-04-01,Mail,MAILTO:someone@example.org,\n";
    tl_timeline *tl = tl_timeline_load_csv_buffer(csv, strlen(csv), "links.csv", NULL, NULL);
    tl_layout_options *o = tl_layout_options_new();
    tl_scene *s = tl ? tl_layout(tl, o, fonts, NULL) : NULL;
    tap_ok(s != NULL, "links chart lays out");
    if (s) {
        tap_ok(tl_scene_event_at(s, 0).url &&
                   strcmp(tl_scene_event_at(s, 0).url, "https://example.org/a?b='c'") == 0,
               "an https link is kept");
        tap_ok(tl_scene_event_at(s, 1).url == NULL, "a javascript: link is refused");
        tap_ok(tl_scene_event_at(s, 2).url != NULL, "a relative link is kept");
        tap_ok(tl_scene_event_at(s, 3).url != NULL, "a mailto: link is kept (scheme in any case)");
        bool warned = false;
        for (size_t i = 0; i < tl_scene_get_warning_count(s); i++)
            warned = warned || strstr(tl_scene_get_warning(s, i), "javascript:alert(1)");
        tap_ok(warned, "... with a warning naming it");
        tap_ok(s->marks[0].footnote == 1 && s->marks[1].footnote == 2 &&
                   s->marks[2].footnote == 1 && s->marks[3].footnote == 0,
               "footnotes numbered in chart order, a repeated source keeps its number");
        char *json = tl_scene_to_json(s);
        tap_ok(strstr(json, "\"url\":\"https://example.org/a?b='c'\"") &&
                   strstr(json, "\"source\":\"Ref A\",\"footnote\":1"),
               "the scene JSON has the events' links, sources and footnote numbers");
        free(json);
    }
    tl_scene_free(s);
    tl_layout_options_free(o);
    tl_timeline_free(tl);
}

/* A window and today make the chart's own copies of its events, which the scene keeps; the
 * footnote numbers go on the labels, not on the scene's titles. */
static void test_window_footnotes(tl_fonts *fonts)
{
    const char csv[] = "start,end,title,source\n"
                       "2019-06-01,,Before the window,Ref A\n"
                       "2019-12-01,2020-03-01,Across its start,Ref A\n"
                       "2020-02-01,,Inside,Ref B\n"
                       "2020-04-01,,Unsourced,\n";
    tl_timeline *tl = tl_timeline_load_csv_buffer(csv, strlen(csv), "window.csv", NULL, NULL);
    tl_layout_options *o = tl_layout_options_new();
    tl_time from, today;
    tl_time_parse("2020-01", &from, NULL);
    tl_time_parse("2020-03-15", &today, NULL);
    tl_layout_options_set_window(o, &from, NULL);
    tl_layout_options_set_today(o, &today);
    tl_scene *s = tl ? tl_layout(tl, o, fonts, NULL) : NULL;
    tl_layout_options_free(o);
    tl_timeline_free(tl); /* the scene keeps what it needs */
    tap_ok(s != NULL, "a window with today and sources lays out");
    if (!s)
        return;
    const char *want[] = {"Across its start", "Inside", NULL, "Unsourced"};
    const int notes[] = {1, 2, 0, 0};
    bool titles = s->event_count == 4, numbers = titles, clipped = false;
    for (size_t i = 0; titles && i < 4; i++) {
        const tl_scene_event ev = tl_scene_event_at(s, i);
        if (want[i])
            titles = titles && strcmp(ev.title, want[i]) == 0;
        else
            titles = titles && ev.end == NULL && ev.start_time.lo == today.lo; /* today */
        numbers = numbers && ev.footnote == notes[i];
        clipped = clipped || (i == 0 && ev.start_time.lo == from.lo);
    }
    tap_ok(titles, "the scene's events are the window's, today among them, titles as written");
    tap_ok(numbers, "their footnotes are numbered in chart order");
    tap_ok(clipped, "the span across the window's start is clipped to it");
    size_t marked = 0;
    for (size_t i = 0; i < s->op_count; i++) {
        const tl_op *op = &s->ops[i];
        if (op->kind == TL_OP_TEXT && op->role == TL_ROLE_EVENT_LABEL && op->event >= 0 &&
            op->event < 2)
            marked += ends_with_superscript(op->u.text.text);
    }
    tap_is_int((long long)marked, 2, "the labels of the sourced events carry their number");
    tl_scene_free(s);
}

/* ---------------------------------------------------------------------------------------------
 * Documents
 * ------------------------------------------------------------------------------------------- */

/* The standard output of `cmd` (the caller frees it). */
static char *run(const char *cmd)
{
    FILE *p = popen(cmd, "r");
    if (!p)
        return g_strdup("");
    GString *out = g_string_new(NULL);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0)
        g_string_append_len(out, buf, (gssize)n);
    pclose(p);
    return g_string_free(out, FALSE);
}

static size_t count(const char *haystack, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(haystack, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* The first `needle` in `len` bytes that may hold NUL bytes (a PDF's streams). */
static const char *find_bytes(const char *data, size_t len, const char *needle)
{
    const size_t n = strlen(needle);
    for (size_t i = 0; data && n <= len && i <= len - n; i++)
        if (memcmp(data + i, needle, n) == 0)
            return data + i;
    return NULL;
}

/* The PDF, written twice: the same bytes. */
static void check_pdf_twice(const tl_scene *s, const char *pdf, const char *pdf2)
{
    tl_render_options *ro = tl_render_options_new();
    tl_render_options_set_pdf_creator(ro, "timeline tests");
    tl_error *err = NULL;
    tap_ok(tl_render_to_file(s, TL_FORMAT_PDF, ro, pdf, &err), "history PDF written: %s",
           err ? err->message : "ok");
    tl_error_free(err);
    err = NULL;
    tap_ok(tl_render_to_file(s, TL_FORMAT_PDF, ro, pdf2, NULL), "... twice");
    tl_render_options_free(ro);
    size_t la = 0, lb = 0;
    char *a = test_read_file(pdf, &la), *b = test_read_file(pdf2, &lb);
    tap_ok(a && b && la == lb && memcmp(a, b, la) == 0, "the same scene gives the same PDF bytes");
    free(a);
    free(b);
}

static void check_postscript(const tl_scene *s, const char *ps_path, size_t pages)
{
    tl_error *err = NULL;
    tap_ok(tl_render_to_file(s, TL_FORMAT_PS, NULL, ps_path, &err),
           "history PostScript written: %s", err ? err->message : "ok");
    tl_error_free(err);
    err = NULL;
    size_t len = 0;
    char *doc = test_read_file(ps_path, &len);
    char pages_line[64];
    snprintf(pages_line, sizeof pages_line, "\n%%%%Pages: %zu\n", pages);
    tap_ok(doc && strncmp(doc, "%!PS-Adobe-3.0\n", 15) == 0, "PostScript: DSC header");
    tap_ok(doc && strstr(doc, pages_line) && count(doc, "\n%%Page: ") == pages,
           "PostScript: %zu pages, as the scene", pages);
    /* The test environment sets SOURCE_DATE_EPOCH=1600000000. */
    tap_ok(doc && strstr(doc, "\n%%CreationDate: (2020-09-13T12:26:40Z)\n"),
           "PostScript: the creation date is SOURCE_DATE_EPOCH, not the clock");
    tap_ok(doc && strstr(doc, "\n%%Title: (A history of computing)\n"), "PostScript: title");
    tap_ok(doc && strstr(doc, "\n%%DocumentMedia: 297x210mm 842 595 "),
           "PostScript: A4 landscape media");
    free(doc);
}

static void check_eps(const tl_scene *s, const char *eps)
{
    tl_error *err = NULL;
    tap_ok(tl_render_to_file(s, TL_FORMAT_EPS, NULL, eps, &err), "history EPS written: %s",
           err ? err->message : "ok");
    tl_error_free(err);
    size_t len = 0;
    char *doc = test_read_file(eps, &len);
    char bbox[96];
    snprintf(bbox, sizeof bbox, "\n%%%%BoundingBox: 0 0 %.0f %.0f\n", ceil(s->width),
             ceil(s->height));
    tap_ok(doc && strncmp(doc, "%!PS-Adobe-3.0 EPSF-3.0\n", 24) == 0 &&
               strstr(doc, "\n%%Pages: 1\n"),
           "EPS: one page");
    tap_ok(doc && strstr(doc, bbox), "EPS: the bounding box is the whole chart%s", bbox + 1);
    tap_ok(doc && strstr(doc, "\n%%CreationDate: (2020-09-13T12:26:40Z)\n"), "EPS: fixed date");
    free(doc);
}

/* Ghostscript, when installed, reads the PostScript and the EPS back. */
static void check_ghostscript(const tl_scene *s, const char *ps_path, const char *eps, size_t pages)
{
    if (test_have_program("ps2pdf") && test_have_program("pdfinfo")) {
        /* Ghostscript reads the PostScript back: as many pages, each A4 landscape. */
        char *converted = g_build_filename(out_dir, "history-ps.pdf", NULL);
        char *cmd =
            g_strdup_printf("ps2pdf '%s' '%s' 2>&1 && pdfinfo '%s'", ps_path, converted, converted);
        char *info = run(cmd);
        char want[64];
        snprintf(want, sizeof want, "Pages:           %zu\n", pages);
        tap_ok(strstr(info, want) && strstr(info, "Page size:       842 x 59") &&
                   strstr(info, " pts (A4)"),
               "ps2pdf reads the PostScript: %zu A4 landscape pages", pages);
        g_free(info);
        g_free(cmd);
        cmd = g_strdup_printf("ps2pdf -dEPSCrop '%s' '%s' 2>&1 && pdfinfo '%s'", eps, converted,
                              converted);
        info = run(cmd);
        snprintf(want, sizeof want, "Page size:       %.0f x %.0f pts", ceil(s->width),
                 ceil(s->height));
        tap_ok(strstr(info, "Pages:           1\n") && strstr(info, want),
               "ps2pdf reads the EPS: one page of the chart's size");
        g_free(info);
        g_free(cmd);
        unlink(converted);
        g_free(converted);
    } else {
        tap_diag("ghostscript not installed: PostScript not read back");
    }
}

static void check_pdf_info(const char *pdf, size_t pages)
{
    char *cmd = g_strdup_printf("pdfinfo '%s'", pdf);
    char *info = run(cmd);
    g_free(cmd);
    char want[64];
    snprintf(want, sizeof want, "Pages:           %zu\n", pages);
    tap_ok(strstr(info, want) != NULL, "pdfinfo: %zu pages", pages);
    tap_ok(strstr(info, "Page size:       841.89 x 595.276 pts (A4)") != NULL,
           "pdfinfo: A4 landscape");
    tap_ok(strstr(info, "Title:           A history of computing\n") &&
               strstr(info, "Creator:         timeline tests\n"),
           "pdfinfo: title from the chart, creator from the options");
    g_free(info);
}

static void check_pdf_text(const char *pdf, size_t pages)
{
    bool numbers = true, continued = true;
    for (size_t p = 1; p <= pages; p++) {
        char *cmd = g_strdup_printf("pdftotext -f %zu -l %zu '%s' -", p, p, pdf);
        char *text = run(cmd);
        g_free(cmd);
        char number[64];
        snprintf(number, sizeof number, "Page %zu of %zu", p, pages);
        numbers = numbers && strstr(text, number);
        continued = continued && (p == 1 || strstr(text, "A history of computing (continued)"));
        if (p == 1)
            tap_ok(strstr(text, "A history of computing\n") && strstr(text, "Research") &&
                       strstr(text, "Turing"),
                   "pdftotext: page 1 has the title, the group names and the first labels");
        if (p == pages)
            tap_ok(strstr(text, "Sources") && strstr(text, "Inventing the Internet"),
                   "pdftotext: the last page lists the sources");
        g_free(text);
    }
    tap_ok(numbers, "pdftotext: every page has its number");
    tap_ok(continued, "pdftotext: every later page says \"continued\"");
}

static void check_pdf_fonts_and_links(const char *pdf)
{
    char *cmd = g_strdup_printf("pdffonts '%s'", pdf);
    char *fonts_out = run(cmd);
    g_free(cmd);
    size_t listed = 0, embedded = 0;
    for (char *line = strtok(fonts_out, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, "name", 4) == 0 || strncmp(line, "----", 4) == 0)
            continue;
        listed++;
        embedded += strstr(line, " yes yes ") != NULL;
    }
    tap_ok(listed > 0 && embedded == listed, "pdffonts: all %zu fonts embedded", listed);
    g_free(fonts_out);

    cmd = g_strdup_printf("pdfinfo -url '%s' 2>/dev/null", pdf);
    char *urls = run(cmd);
    g_free(cmd);
    tap_ok(strstr(urls, "https://en.wikipedia.org/wiki/ENIAC") &&
               strstr(urls, "https://en.wikipedia.org/wiki/Intel_4004"),
           "pdfinfo -url: labels link to their events' pages");
    g_free(urls);
}

static void check_pdf_bookmarks(const char *pdf)
{
    /* Bookmarks: the outline's titles, as Cairo writes them (uncompressed objects). */
    size_t la = 0;
    char *a = test_read_file(pdf, &la);
    const char *bookmarks[] = {"/Title (Eras)",    "/Title (Groups)",   "/Title (Foundations)",
                               "/Title (The web)", "/Title (Research)", "/Title (Networks)"};
    bool found = a != NULL;
    for (size_t i = 0; a && i < sizeof bookmarks / sizeof bookmarks[0]; i++)
        found = found && find_bytes(a, la, bookmarks[i]);
    tap_ok(found && find_bytes(a, la, "/Outlines"),
           "bookmarks: \"Eras\" and \"Groups\" with their entries");
    /* The eras in time order. */
    const char *first = find_bytes(a, la, "/Title (Foundations)");
    const char *later = find_bytes(a, la, "/Title (Mobile and cloud)");
    tap_ok(first && later && first < later, "bookmarks: eras in time order");
    free(a);
}

/* The history in lanes on A4 landscape pages as PDF, PostScript and EPS, read back by the
 * tools that are installed. */
static void test_documents(tl_fonts *fonts, tl_timeline *tl)
{
    const page_setup ps = {.size = "A4",
                           .landscape = true,
                           .variant = TL_VARIANT_LANES,
                           .title = "A history of computing"};
    tl_scene *s = lay_out(tl, fonts, &ps);
    if (!s) {
        tap_ok(false, "history lanes lays out for the documents");
        return;
    }
    const size_t pages = s->page_count;
    char *pdf = g_build_filename(out_dir, "history.pdf", NULL);
    char *pdf2 = g_build_filename(out_dir, "history-again.pdf", NULL);
    char *ps_path = g_build_filename(out_dir, "history.ps", NULL);
    char *eps = g_build_filename(out_dir, "history.eps", NULL);
    check_pdf_twice(s, pdf, pdf2);
    check_postscript(s, ps_path, pages);
    check_eps(s, eps);

    tl_format f;
    tap_ok(tl_format_from_name("PS", &f) && f == TL_FORMAT_PS && tl_format_from_name("eps", &f) &&
               f == TL_FORMAT_EPS && tl_format_from_filename("a/b.ps", &f) && f == TL_FORMAT_PS &&
               tl_format_from_filename("chart.EPS", &f) && f == TL_FORMAT_EPS,
           "ps and eps by name and by extension");

    check_ghostscript(s, ps_path, eps, pages);
    if (test_have_program("pdfinfo") && test_have_program("pdftotext") &&
        test_have_program("pdffonts")) {
        check_pdf_info(pdf, pages);
        check_pdf_text(pdf, pages);
        check_pdf_fonts_and_links(pdf);
        check_pdf_bookmarks(pdf);
    } else {
        tap_diag("poppler-utils not installed: PDF checks skipped");
    }
    tl_scene_free(s);
    unlink(pdf);
    unlink(pdf2);
    unlink(ps_path);
    unlink(eps);
    g_free(pdf);
    g_free(pdf2);
    g_free(ps_path);
    g_free(eps);
}

int main(void)
{
    tl_error *err = NULL;
    tl_fonts *fonts = tl_fonts_new(NULL, &err);
    if (!fonts) {
        tap_diag("%s", err ? err->message : "no fonts");
        tl_error_free(err);
        return tap_done();
    }
    const char *src = getenv("TL_TEST_SRCDIR");
    const char *build = getenv("TL_TEST_BUILDDIR");
    samples_dir = g_build_filename(src ? src : "tests", "..", "data", "samples", NULL);
    out_dir = g_strdup(build ? build : ".");
    test_india_japan(fonts);
    test_links(fonts);
    test_window_footnotes(fonts);
    tl_timeline *history = load_sample("history-of-computing.csv");
    tap_ok(history && tl_timeline_get_event_count(history) >= 300,
           "the history of computing sample has 300 events or more");
    if (history) {
        test_history(fonts, history);
        test_documents(fonts, history);
    }
    tl_timeline_free(history);
    tl_fonts_unref(fonts);
    g_free(samples_dir);
    g_free(out_dir);
    return tap_done();
}
