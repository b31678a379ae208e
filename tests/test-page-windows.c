/* Pages of their own windows of time (--page-scale auto, the default): the history of
 * computing on A4 landscape in lanes and in the ribbon takes fewer pages than at one scale;
 * the pages hold similar shares of the events; every text is legible on paper; each page
 * states its window and scale; a span or era crossing a page's edge is named on both pages;
 * every point event is on exactly one page; --pages N still gives N pages; --page-scale
 * uniform keeps one scale; a chart of 10,000 events in lanes, too many to label on any
 * number of pages, is printed summarised and legible, not shrunk. Asserted on the library's
 * scene. Skips when the fonts are not available. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "scene/scene.h"
#include "tap.h"

#define MM (72.0 / 25.4)

static const double MIN_TEXT = 6.5; /* points on paper */

static tl_timeline *load_sample(const char *dir, const char *name)
{
    char *path = g_build_filename(dir, name, NULL);
    tl_error *err = NULL;
    tl_timeline *tl = tl_timeline_load_csv_file(path, NULL, NULL, &err);
    if (!tl)
        tap_diag("cannot load %s: %s", path, err ? err->message : "?");
    tl_error_free(err);
    g_free(path);
    return tl;
}

static tl_scene *lay_out(const tl_timeline *tl, tl_fonts *fonts, tl_variant variant,
                         tl_page_scale mode, int pages)
{
    tl_layout_options *o = tl_layout_options_new();
    tl_layout_options_set_page(o, 210 * MM, 297 * MM);
    tl_layout_options_set_landscape(o, true);
    tl_layout_options_set_variant(o, variant);
    tl_layout_options_set_title(o, "A history of computing");
    tl_layout_options_set_page_scale(o, mode);
    tl_layout_options_set_pages(o, pages);
    tl_error *err = NULL;
    tl_scene *s = tl_layout(tl, o, fonts, &err);
    if (!s)
        tap_diag("layout failed: %s", err ? err->message : "?");
    tl_error_free(err);
    tl_layout_options_free(o);
    return s;
}

/* Whether the page draws event e (any of its ops) through a viewport. */
static bool page_draws(const tl_scene *s, const tl_page *page, int32_t e)
{
    for (size_t v = 0; v < page->viewport_count; v++)
        for (size_t k = 0; k < page->viewports[v].op_count; k++)
            if (s->ops[page->viewports[v].ops[k]].event == e)
                return true;
    return false;
}

/* The events the page draws: its share. */
static size_t page_events(const tl_scene *s, const tl_page *page)
{
    size_t n = 0;
    for (size_t e = 0; e < s->event_count; e++)
        n += page_draws(s, page, (int32_t)e);
    return n;
}

/* Whether the page names event e: a label of it, in a viewport or over the page. */
static bool page_names(const tl_scene *s, const tl_page *page, int32_t e)
{
    const char *title = tl_scene_event_at(s, e).title;
    const size_t prefix = strlen(title) < 12 ? strlen(title) : 12;
    for (size_t v = 0; v < page->viewport_count; v++)
        for (size_t k = 0; k < page->viewports[v].op_count; k++) {
            const tl_op *op = &s->ops[page->viewports[v].ops[k]];
            if (op->event == e && op->kind == TL_OP_TEXT &&
                strncmp(op->u.text.text, title, prefix) == 0)
                return true;
        }
    for (size_t k = 0; k < page->overlay_count; k++) {
        const tl_op *op = &page->overlay[k];
        if (op->event == e && op->kind == TL_OP_TEXT &&
            strncmp(op->u.text.text, title, prefix) == 0)
            return true;
    }
    return false;
}

/* The page's statement of its window and scale, or NULL. */
static const char *page_scale_text(const tl_page *page)
{
    for (size_t k = 0; k < page->overlay_count; k++)
        if (page->overlay[k].kind == TL_OP_TEXT && strstr(page->overlay[k].u.text.text, " 1 cm "))
            return page->overlay[k].u.text.text;
    return NULL;
}

static bool has_plot(const tl_scene *s, const tl_page *page)
{
    for (size_t v = 0; v < page->viewport_count; v++)
        for (size_t k = 0; k < page->viewports[v].op_count; k++)
            if (s->ops[page->viewports[v].ops[k]].role == TL_ROLE_TICK_LABEL)
                return true;
    return false;
}

/* The share of the page's width between its margins that its viewports draw. */
static double width_used(const tl_page *page)
{
    double lo = INFINITY, hi = -INFINITY;
    for (size_t v = 0; v < page->viewport_count; v++) {
        const tl_viewport *vp = &page->viewports[v];
        lo = fmin(lo, vp->x);
        hi = fmax(hi, vp->x + vp->src[2] * vp->scale);
    }
    return hi > lo ? (hi - lo) / (page->width - 2 * 15 * MM) : 0;
}

static void check_windows(const tl_scene *s, const tl_scene *uniform, const char *what)
{
    size_t plots = 0, most = 0, least = SIZE_MAX, small = 0, stated = 0;
    double smallest = INFINITY, narrowest = INFINITY;
    for (size_t p = 0; p < s->page_count; p++) {
        const tl_page *page = &s->pages[p];
        for (size_t v = 0; v < page->viewport_count; v++)
            for (size_t k = 0; k < page->viewports[v].op_count; k++) {
                const tl_op *op = &s->ops[page->viewports[v].ops[k]];
                if (op->kind != TL_OP_TEXT)
                    continue;
                const double size = op->u.text.font.size * page->viewports[v].scale;
                smallest = fmin(smallest, size);
                small += size < MIN_TEXT - 1e-9;
            }
        for (size_t k = 0; k < page->overlay_count; k++)
            if (page->overlay[k].kind == TL_OP_TEXT) {
                smallest = fmin(smallest, page->overlay[k].u.text.font.size);
                small += page->overlay[k].u.text.font.size < MIN_TEXT - 1e-9;
            }
        if (!has_plot(s, page))
            continue;
        plots++;
        narrowest = fmin(narrowest, width_used(page));
        const size_t n = page_events(s, page);
        most = n > most ? n : most;
        least = n < least ? n : least;
        const char *text = page_scale_text(page);
        stated += text != NULL;
        if (p < 2 && text)
            tap_diag("%s, page %zu: \"%s\"", what, p + 1, text);
    }
    tap_diag("%s: %zu pages (%zu at one scale); events a page %zu to %zu", what, s->page_count,
             uniform ? uniform->page_count : 0, least, most);
    tap_ok(uniform && s->page_count < uniform->page_count,
           "%s: fewer pages than at one scale (%zu, %zu)", what, s->page_count,
           uniform ? uniform->page_count : 0);
    tap_ok(plots > 1 && least > 0 && 3 * least >= most,
           "%s: no page a third as full of events as the fullest (%zu to %zu)", what, least, most);
    tap_is_int((long long)small, 0, "%s: every text at least %.1f pt on paper (smallest %.2f)",
               what, MIN_TEXT, smallest);
    tap_is_int((long long)stated, (long long)plots, "%s: every page of the chart states its scale",
               what);
    tap_ok(narrowest >= 0.9, "%s: every page of the chart fills its width (the least %.0f%%)", what,
           100 * narrowest);

    /* Spans and eras on more than one page are named on each; points on exactly one. */
    size_t crossing = 0, unnamed = 0, points_twice = 0, points_lost = 0;
    for (size_t e = 0; e < s->event_count; e++) {
        size_t on = 0;
        for (size_t p = 0; p < s->page_count; p++)
            on += page_draws(s, &s->pages[p], (int32_t)e);
        const bool point = !tl_scene_event_at(s, e).end;
        if (point) {
            points_twice += on > 1;
            points_lost += on == 0;
            continue;
        }
        if (on < 2)
            continue;
        crossing++;
        for (size_t p = 0; p < s->page_count; p++)
            if (page_draws(s, &s->pages[p], (int32_t)e) &&
                !page_names(s, &s->pages[p], (int32_t)e)) {
                unnamed++;
                tap_diag("%s: page %zu draws \"%s\" without its name", what, p + 1,
                         tl_scene_event_at(s, e).title);
            }
    }
    tap_ok(crossing > 0 && unnamed == 0,
           "%s: every span or era crossing a page's edge is named on each of its pages (%zu)", what,
           crossing);
    tap_ok(points_twice == 0 && points_lost == 0,
           "%s: every point event is on exactly one page (%zu twice, %zu on none)", what,
           points_twice, points_lost);
}

static void test_history(tl_fonts *fonts, const tl_timeline *tl)
{
    const struct {
        tl_variant variant;
        const char *name;
    } variants[] = {{TL_VARIANT_LANES, "lanes"}, {TL_VARIANT_RIBBON, "ribbon"}};
    for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++) {
        tl_scene *s = lay_out(tl, fonts, variants[i].variant, TL_PAGE_SCALE_AUTO, 0);
        tl_scene *u = lay_out(tl, fonts, variants[i].variant, TL_PAGE_SCALE_UNIFORM, 0);
        tap_ok(s && u, "history %s lays out in both page scales", variants[i].name);
        if (s)
            check_windows(s, u, variants[i].name);
        if (s && variants[i].variant == TL_VARIANT_LANES)
            tap_ok(s->page_count > 0 && has_plot(s, &s->pages[s->page_count - 1]),
                   "lanes: the legend and sources share the last page with the chart, not a "
                   "page of their own");
        if (u) {
            /* One scale: every page of the plot at the same scale, none stating its own. */
            bool one = true, stated = false;
            double scale = 0;
            for (size_t p = 0; p < u->page_count; p++) {
                const tl_page *page = &u->pages[p];
                stated = stated || page_scale_text(page);
                if (!has_plot(u, page))
                    continue;
                for (size_t v = 0; v < page->viewport_count; v++) {
                    if (scale == 0)
                        scale = page->viewports[v].scale;
                    one = one && fabs(page->viewports[v].scale - scale) < 1e-9;
                }
            }
            tap_ok(one && !stated, "%s, uniform: one scale, no page stating its own",
                   variants[i].name);
        }
        tl_scene_free(s);
        tl_scene_free(u);
    }

    /* --pages N: N pages of the chart, perhaps one more for the legend. */
    tl_scene *s = lay_out(tl, fonts, TL_VARIANT_LANES, TL_PAGE_SCALE_AUTO, 5);
    size_t plots = 0;
    for (size_t p = 0; s && p < s->page_count; p++)
        plots += has_plot(s, &s->pages[p]);
    tap_is_int((long long)plots, 5, "lanes with --pages 5: 5 pages of the chart (%zu in all)",
               s ? s->page_count : 0);
    tl_scene_free(s);
}

/* 10,000 events in 5 lanes, a third of them spans, on A4 landscape: wider pages would label
 * more until the rows outgrow any page (the chart had come out at 9 % of its size); it is
 * summarised on one page at its full size instead. */
static void test_many(tl_fonts *fonts)
{
    GString *csv = g_string_new("start,end,title,group\n");
    unsigned long state = 11;
    for (int i = 0; i < 10000; i++) {
        state = state * 6364136223846793005ul + 1442695040888963407ul;
        const int year = 1975 + (int)((state >> 33) % 50), month = 1 + (int)((state >> 20) % 12);
        g_string_append_printf(csv, "%d-%02d-01,", year, month);
        if (i % 3 == 0)
            g_string_append_printf(csv, "%d-%02d-01", year + 1 + i % 2, month);
        g_string_append_printf(csv, ",Event number %d of the generated set,Group %d\n", i,
                               (int)((state >> 40) % 5));
    }
    tl_error *err = NULL;
    tl_timeline *tl = tl_timeline_load_csv_buffer(csv->str, csv->len, "many.csv", NULL, &err);
    g_string_free(csv, TRUE);
    tl_error_free(err);
    tl_scene *s = tl ? lay_out(tl, fonts, TL_VARIANT_LANES, TL_PAGE_SCALE_AUTO, 0) : NULL;
    if (tap_ok(s != NULL, "10,000 events in lanes on A4 lay out")) {
        double least = 1;
        for (size_t p = 0; p < s->page_count; p++)
            for (size_t v = 0; v < s->pages[p].viewport_count; v++)
                least = fmin(least, s->pages[p].viewports[v].scale);
        tap_ok(s->page_count >= 1 && s->page_count <= 4 && least >= 0.7,
               "10,000 events in lanes: %zu page(s), printed at %.0f %% at least", s->page_count,
               100 * least);
        tap_ok(s->lod_summarised > 0 && s->lod_labelled >= 20,
               "10,000 events in lanes: %zu labelled, the rest summarised", s->lod_labelled);
    }
    tl_scene_free(s);
    tl_timeline_free(tl);
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
    char *samples = g_build_filename(src ? src : "tests", "..", "data", "samples", NULL);
    tl_timeline *history = load_sample(samples, "history-of-computing.csv");
    tap_ok(history != NULL, "the history of computing sample loads");
    if (history)
        test_history(fonts, history);
    test_many(fonts);
    tl_timeline_free(history);
    tl_fonts_unref(fonts);
    g_free(samples);
    return tap_done();
}
