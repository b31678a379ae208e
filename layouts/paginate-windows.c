/* Pages of their own windows of time. A printed chronology gives each page a similar share of
 * the events: with one scale for the whole chart, the densest decade sets the scale and most
 * pages show a few years of mostly empty lanes. Here the events' start times are cut into as
 * many windows as there are pages, by count (quantiles), each cut moved to the widest gap
 * nearby so that it falls where nothing happens; each window is laid out on its own through
 * the same layout as a whole chart (its --from/--to set to the window), and the page states
 * its window and scale by its number. The pages' plots are then set side by side in one scene
 * whose pages look at them through viewports, so the renderer is the same as for any pages.
 *
 * A span or era that crosses a cut is in both windows: each page draws its part, clipped, with
 * its name, as any span reaching past a --from/--to window is. */
#include "paginate-windows.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart-text.h"
#include "common/tl-alloc.h"
#include "common/tl-calendar.h"
#include "paginate-page.h"
#include "words.h"

#define M TL_CHART_MARGIN

enum { MAX_WINDOWS = 100, FIT_TRIES = 3 };
static const double BLEED = 3; /* continuous shapes past the plot */
static const double PT_PER_CM = 72 / 2.54;
static const double YEAR = 365.2425 * 86400;

/* ---------------------------------------------------------------------------------------------
 * Choosing the windows
 * ------------------------------------------------------------------------------------------- */

/* An event's start, as far as it lies in the user's window: what a page's share counts. */
typedef struct item {
    int64_t lo, hi;
} item;

typedef struct starts {
    item *at;
    int64_t *reach; /* reach[i]: the latest hi of items 0..i */
    size_t n;
    int64_t t0, t1; /* the time the chart covers */
    size_t outside; /* events outside the user's window */
} starts;

static int cmp_item(const void *a, const void *b)
{
    const item *x = a, *y = b;
    if (x->lo != y->lo)
        return (x->lo > y->lo) - (x->lo < y->lo);
    return (x->hi > y->hi) - (x->hi < y->hi);
}

/* The events' starts in the user's window (eras, the background, are not counted), sorted. */
static void collect_starts(const tl_timeline *tl, const tl_layout_options *o, starts *st)
{
    const int64_t from = o->has_from ? o->from : INT64_MIN, to = o->has_to ? o->to : INT64_MAX;
    const size_t total = tl_timeline_get_event_count(tl);
    *st = (starts){.at = tl_xmalloc((total + 1) * sizeof *st->at),
                   .reach = tl_xmalloc((total + 1) * sizeof *st->reach),
                   .t0 = INT64_MAX,
                   .t1 = INT64_MIN};
    for (size_t i = 0; i < total; i++) {
        const tl_event *e = tl_timeline_get_event(tl, i);
        /* The test of the chart's own window (chart.c): an open era or span reaches on. */
        const bool open = (e->type == TL_EVENT_ERA && !e->has_end) || e->end_open;
        const int64_t hi = e->has_end ? e->end.hi : open ? INT64_MAX : e->start.hi;
        if (hi < from || e->start.lo > to) {
            st->outside++;
            continue;
        }
        const int64_t lo = e->start.lo < from ? from : e->start.lo;
        st->t0 = lo < st->t0 ? lo : st->t0;
        const int64_t end = open ? e->start.hi : hi;
        st->t1 = end > st->t1 ? end : st->t1;
        if (e->type != TL_EVENT_ERA)
            st->at[st->n++] = (item){lo, e->start.hi > to ? to : e->start.hi};
    }
    if (o->has_from)
        st->t0 = o->from;
    if (o->has_to)
        st->t1 = o->to;
    qsort(st->at, st->n, sizeof *st->at, cmp_item);
    for (size_t i = 0; i < st->n; i++)
        st->reach[i] = i > 0 && st->reach[i - 1] > st->at[i].hi ? st->reach[i - 1] : st->at[i].hi;
}

/* The first instant of the unit (0 year, 1 month, 2 day) holding t, or of the next one. */
static int64_t unit_floor(int64_t t, int which, bool next)
{
    tl_civil c;
    tl_cal_split(t, &c);
    if (which == 0)
        return tl_cal_make(c.year + next, 1, 1, 0, 0, 0);
    if (which == 1)
        return next ? tl_cal_make(c.year + (c.month == 12), c.month % 12 + 1, 1, 0, 0, 0)
                    : tl_cal_make(c.year, c.month, 1, 0, 0, 0);
    return tl_cal_make(c.year, c.month, c.day, 0, 0, 0) + (next ? 86400 : 0);
}

/* A cut in [a, b]: the start of a year there if there is one, else of a month, else of a day,
 * the nearest the middle; a window then starts and ends on dates a reader names. */
static int64_t round_cut(int64_t a, int64_t b)
{
    const int64_t mid = a + (b - a) / 2;
    for (int which = 0; which < 3; which++) {
        int64_t best = 0;
        bool found = false;
        for (int next = 0; next < 2; next++) {
            const int64_t c = unit_floor(mid, which, next);
            if (c >= a && c <= b && (!found || llabs(c - mid) < llabs(best - mid)))
                best = c, found = true;
        }
        if (found)
            return best;
    }
    return mid;
}

/* Cuts the starts into n windows: cuts[0] = t0, ..., cuts[n] = t1 + 1; window k is
 * [cuts[k], cuts[k + 1]). False when there are no n windows of an event each. */
static bool choose_cuts(const starts *st, int n, int64_t *cuts)
{
    const size_t N = st->n;
    if ((size_t)n > N)
        return false;
    cuts[0] = st->t0;
    cuts[n] = st->t1 + 1;
    size_t prev = 0; /* the first item of the window before */
    for (int k = 1; k < n; k++) {
        const size_t target = (size_t)((double)k * (double)N / n + 0.5);
        const size_t near = N / (6 * (size_t)n) + 1;
        /* A cut before item i is clean when no start before it reaches past its start. */
        size_t best = 0;
        double best_score = -1;
        for (size_t i = prev + 1; i < N; i++) {
            if (st->reach[i - 1] >= st->at[i].lo)
                continue;
            const size_t off = i > target ? i - target : target - i;
            if ((size_t)(N - i) < (size_t)(n - k))
                break; /* each later window needs an event */
            /* Near the target, the widest gap; further off, the nearest cut. */
            const double gap = (double)(st->at[i].lo - st->reach[i - 1]);
            const double score = off <= near ? 1e30 + gap : 1e30 / (double)(off + 1);
            if (score > best_score) {
                best_score = score;
                best = i;
            }
        }
        if (best == 0)
            return false;
        cuts[k] = round_cut(st->reach[best - 1] + 1, st->at[best].lo);
        if (cuts[k] <= cuts[k - 1])
            return false;
        prev = best;
    }
    return cuts[n] > cuts[n - 1];
}

/* ---------------------------------------------------------------------------------------------
 * Laying out a page
 * ------------------------------------------------------------------------------------------- */

typedef struct page_run {
    tl_scene *s;
    double scale; /* chart to page */
    bool legible; /* every label placed, text at least TL_PAGE_MIN_TEXT on paper */
    int64_t from, to;
} page_run;

static double plot_h(const tl_scene *s)
{
    return s->frame.plot_bottom - s->frame.plot_top;
}

/* The window [from, to] laid out at `target` scale: the page's width over it. */
static tl_scene *lay_at(const tl_timeline *tl, tl_layout_options *po, const page_box *box,
                        double hb, const tl_text_measurer *m, tl_layout_once_fn once, double target,
                        double *scale, bool *ok, tl_error **err)
{
    po->width = fmin(100000, fmax(200, box->w / target + 2 * M));
    tl_scene *s = once(tl, po, m, err);
    if (!s)
        return NULL;
    const double by_h = s->frame.set ? box->h / (hb + plot_h(s)) : 1;
    *scale = fmin(1, fmin(box->w / (s->width - 2 * M), by_h));
    *ok = s->frame.set && s->frame.has_time && tl_paginate_unplaced(s) == 0;
    return s;
}

/* How much of the page a layout shown at `scale` fills, by its size: a page held to a small
 * scale by its height is better laid out wider, filling its width with the same events,
 * than left with a blank strip at its right. */
static double page_use(const tl_scene *s, double scale, const page_box *box)
{
    return scale * fmin(1, scale * (s->width - 2 * M) / box->w);
}

/* The window [from, to] at the largest scale that places every label: the page's width at
 * full size, else a wider layout scaled down to the page, as far as text stays legible.
 * Keeps the best it finds. */
static bool lay_page(const tl_timeline *tl, const tl_layout_options *o, const page_box *box,
                     double hb, const tl_text_measurer *m, tl_layout_once_fn once, page_run *pr,
                     tl_error **err)
{
    tl_layout_options po = *o;
    po.has_from = po.has_to = true;
    po.from = pr->from;
    po.to = pr->to;
    /* A page states one scale: no stretch of its time is cut out. */
    po.axis_breaks = false;
    po.page_window = true;
    po.no_summary = false;
    po.height = 0;
    pr->s = NULL;
    pr->scale = 0;
    pr->legible = false;
    double least = TL_PAGE_MIN_SCALE, target = 1;
    for (int t = 0; t < FIT_TRIES; t++) {
        double scale;
        bool ok;
        tl_scene *s = lay_at(tl, &po, box, hb, m, once, target, &scale, &ok, err);
        if (!s) {
            tl_scene_free(pr->s);
            pr->s = NULL;
            return false;
        }
        if (t == 0)
            least = fmax(TL_PAGE_MIN_SCALE, TL_PAGE_MIN_TEXT / tl_paginate_smallest_text(s));
        const bool legible = ok && scale >= least - 1e-9;
        if (!pr->s || (legible && !pr->legible) ||
            (legible == pr->legible &&
             page_use(s, scale, box) > page_use(pr->s, pr->scale, box) + 1e-9)) {
            tl_scene_free(pr->s);
            *pr = (page_run){s, scale, legible, pr->from, pr->to};
        } else {
            tl_scene_free(s);
        }
        if (pr->legible && pr->scale >= target - 1e-9)
            break;
        /* Taller than the page: wide enough to fill its width at the scale its height allows;
         * labels left out: as wide as legible text allows. */
        const double next = ok ? fmax(scale, least) : least;
        if (next >= target - 1e-3)
            break;
        target = next;
    }
    return true;
}

static void free_runs(page_run *runs, int n)
{
    for (int i = 0; i < n; i++) {
        tl_scene_free(runs[i].s);
        runs[i].s = NULL;
    }
}

/* The last window, laid out with `reserve` points left free at the foot of its page for the
 * legend and sources when it stays legible so; otherwise on the whole page (the footer then
 * takes a page of its own). */
static bool lay_last_page(const tl_timeline *tl, const tl_layout_options *o, const page_box *box,
                          double hb, double reserve, const tl_text_measurer *m,
                          tl_layout_once_fn once, page_run *pr, tl_error **err)
{
    if (reserve > 0 && reserve < box->h / 2) {
        page_box shorter = *box;
        shorter.h -= reserve;
        const page_run start = *pr;
        if (!lay_page(tl, o, &shorter, hb, m, once, pr, err))
            return false;
        if (pr->legible)
            return true;
        tl_scene_free(pr->s);
        *pr = start;
    }
    return lay_page(tl, o, box, hb, m, once, pr, err);
}

/* Lays out n windows, the last leaving `reserve` points for the footer when it can. *fits:
 * all legible (with `stop`, the first that is not ends the try). */
static bool lay_pages(const tl_timeline *tl, const tl_layout_options *o, const page_box *box,
                      double hb, double reserve, const tl_text_measurer *m, tl_layout_once_fn once,
                      const int64_t *cuts, int n, bool stop, page_run *runs, bool *fits,
                      tl_error **err)
{
    *fits = true;
    for (int i = 0; i < n; i++) {
        runs[i] = (page_run){.from = cuts[i], .to = cuts[i + 1] - 1};
        const bool ok = i == n - 1 ? lay_last_page(tl, o, box, hb, reserve, m, once, &runs[i], err)
                                   : lay_page(tl, o, box, hb, m, once, &runs[i], err);
        if (!ok) {
            free_runs(runs, i);
            return false;
        }
        *fits = *fits && runs[i].legible;
        if (!*fits && stop) {
            free_runs(runs, i + 1);
            return true;
        }
    }
    return true;
}

/* ---------------------------------------------------------------------------------------------
 * One scene of the pages
 * ------------------------------------------------------------------------------------------- */

static void shift_op(tl_op *op, double dx, double dy)
{
    switch (op->kind) {
    case TL_OP_RECT:
        op->u.rect.x += dx;
        op->u.rect.y += dy;
        break;
    case TL_OP_LINE:
        op->u.line.x1 += dx;
        op->u.line.x2 += dx;
        op->u.line.y1 += dy;
        op->u.line.y2 += dy;
        break;
    case TL_OP_MARKER:
        op->u.marker.cx += dx;
        op->u.marker.cy += dy;
        break;
    case TL_OP_TEXT:
        op->u.text.x += dx;
        op->u.text.y += dy;
        break;
    }
}

/* Each of the page's events as the whole chart's (the same event of the timeline: its title is
 * the timeline's string in both), or -1. Both keep the timeline's order. */
static int32_t *map_events(const tl_scene *all, const tl_scene *page)
{
    int32_t *map = tl_xmalloc((page->event_count + 1) * sizeof *map);
    size_t j = 0;
    for (size_t k = 0; k < page->event_count; k++) {
        map[k] = -1;
        const char *title = tl_scene_event_at(page, k).title;
        for (size_t q = j; q < all->event_count; q++)
            if (tl_scene_event_at(all, q).title == title) {
                map[k] = (int32_t)q;
                j = q + 1;
                break;
            }
    }
    return map;
}

/* Copies op into s, its strings into s's, moved by (dx, dy), its event through `map`. */
static void copy_op(tl_scene *s, const tl_op *src, double dx, double dy, const int32_t *map,
                    size_t nmap)
{
    int32_t ev = src->event;
    if (map)
        ev = ev >= 0 && (size_t)ev < nmap ? map[ev] : -1;
    tl_op *op = tl_scene_push(s, src->kind, src->role, ev);
    const int32_t keep = op->event;
    *op = *src;
    op->event = keep;
    if (op->kind == TL_OP_TEXT) {
        op->u.text.text = tl_scene_strdup(s, src->u.text.text);
        op->u.text.shape.lang = s->lang;
    }
    shift_op(op, dx, dy);
}

static void add_warning_once(tl_scene *s, const char *text)
{
    for (size_t i = 0; i < s->warnings.len; i++)
        if (strcmp(s->warnings.items[i], text) == 0)
            return;
    tl_scene_add_warning(s, tl_xstrdup(text));
}

/* Where each page's plot lies in the scene made of them all. */
typedef struct placed_plot {
    size_t first, count; /* its ops */
    double src[4];
} placed_plot;

/* Rebuilds `all` (the whole chart at the page's width: its title block and footer) with the
 * pages' plots side by side between them, the footer under the tallest. */
static placed_plot *merge_pages(tl_scene *all, page_run *runs, int n, size_t outside)
{
    const size_t nold = all->op_count;
    tl_op *old = all->ops;
    part *parts = tl_xmalloc((nold + 1) * sizeof *parts);
    for (size_t i = 0; i < nold; i++)
        parts[i] = tl_paginate_op_part(all, &old[i]);
    all->ops = NULL;
    all->op_count = all->op_cap = 0;
    for (size_t i = 0; i < nold; i++)
        if (parts[i] == PART_HEADER)
            copy_op(all, &old[i], 0, 0, NULL, 0);

    /* Every event as the pages drew it; warnings as the pages gave them. */
    for (size_t e = 0; e < all->event_count; e++)
        all->marks[e].placed = all->marks[e].summarised = false;
    all->lod_labelled = all->lod_summarised = 0;
    tl_strv_free(&all->warnings);
    if (outside)
        tl_scene_add_warning(all, tl_xasprintf("%zu event%s outside the --from/--to window not "
                                               "drawn",
                                               outside, outside == 1 ? "" : "s"));

    placed_plot *pp = tl_xcalloc((size_t)n + 1, sizeof *pp);
    double x = 0, bottom = all->frame.plot_top;
    for (int i = 0; i < n; i++) {
        const tl_scene *p = runs[i].s;
        const double dy = all->frame.plot_top - p->frame.plot_top;
        int32_t *map = map_events(all, p);
        pp[i].first = all->op_count;
        for (size_t k = 0; k < p->op_count; k++)
            if (tl_paginate_op_part(p, &p->ops[k]) == PART_PLOT)
                copy_op(all, &p->ops[k], x, dy, map, p->event_count);
        pp[i].count = all->op_count - pp[i].first;
        for (size_t k = 0; k < p->event_count; k++)
            if (map[k] >= 0) {
                tl_scene_mark *e = &all->marks[map[k]];
                e->placed = e->placed || p->marks[k].placed;
                e->summarised = !e->placed && (e->summarised || p->marks[k].summarised);
            }
        free(map);
        all->lod_labelled += p->lod_labelled;
        all->lod_summarised += p->lod_summarised;
        for (size_t w = 0; w < p->warnings.len; w++)
            add_warning_once(all, p->warnings.items[w]);
        const double src[4] = {x + M, all->frame.plot_top, p->width - 2 * M, plot_h(p)};
        memcpy(pp[i].src, src, sizeof src);
        bottom = fmax(bottom, all->frame.plot_top + plot_h(p));
        x += p->width - 2 * M;
    }
    const double dyf = bottom - all->frame.plot_bottom;
    for (size_t i = 0; i < nold; i++)
        if (parts[i] == PART_FOOTER)
            copy_op(all, &old[i], 0, dyf, NULL, 0);
    free(parts);
    free(old);
    all->frame.plot_bottom = bottom;
    all->frame.footer_top += dyf;
    all->frame.gutter = 0;
    all->frame.has_time = false;
    all->width = fmax(all->width, x + 2 * M);
    all->height += dyf;
    return pp;
}

/* ---------------------------------------------------------------------------------------------
 * What a page states: its window and scale
 * ------------------------------------------------------------------------------------------- */

/* "1943–1950", "Mar 1943 – Jun 1950", "3 Mar – 9 Jun 1950": as precise as the window's
 * length asks, in the chart's language. */
static void window_text(tl_locale *loc, int64_t from, int64_t to, char *buf, size_t size)
{
    const int64_t len = to - from;
    const char *skeleton = len >= 2 * (int64_t)YEAR ? "y" : len >= 60 * 86400 ? "yMMM" : "yMMMd";
    if (loc && tl_locale_interval(loc, from, to, skeleton, buf, size) > 0)
        return;
    tl_civil a, b;
    tl_cal_split(from, &a);
    tl_cal_split(to, &b);
    char ya[32], yb[32];
    tl_cal_format_year(a.year, ya, sizeof ya);
    tl_cal_format_year(b.year, yb, sizeof yb);
    if (skeleton[1] == 0) {
        if (a.year == b.year)
            snprintf(buf, size, "%s", ya);
        else
            snprintf(buf, size, "%s\u2013%s", ya, yb);
    } else if (skeleton[4] == 0) {
        snprintf(buf, size, "%s %s \u2013 %s %s", tl_cal_month_abbr(a.month), ya,
                 tl_cal_month_abbr(b.month), yb);
    } else {
        snprintf(buf, size, "%d %s %s \u2013 %d %s %s", a.day, tl_cal_month_abbr(a.month), ya,
                 b.day, tl_cal_month_abbr(b.month), yb);
    }
}

/* "3 months": the time a centimetre of paper stands for, in the largest unit it makes at
 * least one of, to two figures. */
static void per_cm_text(tl_locale *loc, double seconds, char *buf, size_t size)
{
    static const struct {
        double seconds;
        const char *one, *other, *msgid;
    } units[] = {
        {365.2425 * 86400, "year", "years", "{0, plural, one {# year} other {# years}}"},
        {365.2425 * 86400 / 12, "month", "months", "{0, plural, one {# month} other {# months}}"},
        {86400, "day", "days", "{0, plural, one {# day} other {# days}}"},
        {3600, "hour", "hours", "{0, plural, one {# hour} other {# hours}}"},
        {60, "minute", "minutes", "{0, plural, one {# minute} other {# minutes}}"},
        {1, "second", "seconds", "{0, plural, one {# second} other {# seconds}}"},
    };
    const size_t nunits = sizeof units / sizeof units[0];
    size_t u = 0;
    while (u + 1 < nunits && seconds / units[u].seconds < 1)
        u++;
    double v = seconds / units[u].seconds;
    v = v >= 10 ? round(v) : round(v * 10) / 10;
    const tl_locale_arg args[1] = {{.number = v}};
    if (tl_words_say(loc, "page", units[u].msgid, args, 1, buf, size))
        return;
    snprintf(buf, size, "%g %s", v, v == 1 ? units[u].one : units[u].other);
}

/* The window and scale of each page of a plot, at the left of its number. */
static bool add_scales(tl_scene *s, const page_run *runs, int n, const page_box *box,
                       const tl_text_measurer *m, tl_locale *loc, tl_error **err)
{
    for (int i = 0; i < n && (size_t)i < s->page_count; i++) {
        const tl_scene_frame *f = &runs[i].s->frame;
        if (!f->has_time || f->time_x1 <= f->time_x0)
            continue;
        tl_page *page = &s->pages[i];
        /* The page number is the last overlay: the statement ends before it. */
        double room = box->w / 2;
        if (page->overlay_count > 0 && page->overlay[page->overlay_count - 1].kind == TL_OP_TEXT)
            room = page->overlay[page->overlay_count - 1].u.text.x - box->x - 8;
        if (room < 24)
            continue;
        const double seconds = (double)(f->time_t1 - f->time_t0) / (f->time_x1 - f->time_x0) /
                               runs[i].scale * PT_PER_CM;
        char range[160], per[96], text[320];
        window_text(loc, runs[i].from, runs[i].to, range, sizeof range);
        per_cm_text(loc, seconds, per, sizeof per);
        const tl_locale_arg args[2] = {{.text = range}, {.text = per}};
        if (!tl_words_say(loc, "page", "{0} · 1 cm ≈ {1}", args, 2, text, sizeof text))
            snprintf(text, sizeof text, "%s \u00b7 1 cm \u2248 %s", range, per);
        tl_text_extents ext;
        if (!tl_paginate_measure(m, &tl_paginate_number_font, text, room, &ext, err))
            return false;
        tl_paginate_overlay_text(s, page, &tl_paginate_number_font, text, box->x, box->number_y,
                                 &ext, room, tl_paginate_number_color, TL_ROLE_NOTE);
    }
    return true;
}

/* ---------------------------------------------------------------------------------------------
 * The pages
 * ------------------------------------------------------------------------------------------- */

static bool build_pages(tl_scene *s, const page_run *runs, const placed_plot *pp, int n,
                        const page_box *box, double hb, const tl_text_measurer *m, tl_locale *loc,
                        tl_error **err)
{
    const double gap = s->frame.footer_top - s->frame.plot_bottom;
    tl_scene_clear_pages(s);
    double src[4];
    for (int i = 0; i < n; i++) {
        const double sc = runs[i].scale;
        tl_page *page = tl_scene_add_page(s, box->width, box->height);
        if (i == 0) {
            tl_paginate_header_src(s, src);
            if (src[3] > 0 && tl_paginate_has_part(s, PART_HEADER))
                tl_paginate_add_part(s, page, PART_HEADER, src, box->x, box->y, sc, box);
        } else if (!tl_paginate_add_continued(s, page, box, m, loc, err)) {
            return false;
        }
        const double y = box->y + sc * hb;
        const double clip[4] = {box->x, y - BLEED, box->w, box->y + box->h - y + BLEED};
        tl_viewport *vp = tl_page_add_viewport(page, pp[i].src, box->x, y, sc, clip);
        for (size_t k = pp[i].first; k < pp[i].first + pp[i].count; k++)
            tl_viewport_add_op(vp, k);
    }
    /* The footer under the last plot when it fits there, else on a page of its own. */
    tl_paginate_footer_src(s, src);
    if (src[3] > 0.5 && tl_paginate_has_part(s, PART_FOOTER)) {
        const double sc = runs[n - 1].scale;
        double y = box->y + sc * (hb + pp[n - 1].src[3] + gap);
        /* At full size when the page has the room (the last window left it: lay_last_page()),
         * else at the plot's scale. */
        double scale = fmin(1, box->w / src[2]);
        if (y + scale * src[3] > box->y + box->h)
            scale = fmin(sc, box->w / src[2]);
        tl_page *page = &s->pages[s->page_count - 1];
        if (y + scale * src[3] > box->y + box->h) {
            page = tl_scene_add_page(s, box->width, box->height);
            if (!tl_paginate_add_continued(s, page, box, m, loc, err))
                return false;
            y = box->y + hb;
            scale = fmin(1, fmin(box->w / src[2], (box->y + box->h - y) / src[3]));
        }
        tl_paginate_add_part(s, page, PART_FOOTER, src, box->x, y, scale, box);
    }
    return tl_paginate_add_numbers(s, box, m, loc, err) && add_scales(s, runs, n, box, m, loc, err);
}

/* ---------------------------------------------------------------------------------------------
 * Driver
 * ------------------------------------------------------------------------------------------- */

/* The whole chart's sources by number (its scene's strings), for the pages to number theirs
 * the same. */
static const char **sources_of(const tl_scene *all, size_t *count)
{
    int most = 0;
    for (size_t e = 0; e < all->event_count; e++)
        most = all->marks[e].footnote > most ? all->marks[e].footnote : most;
    const char **sources = tl_xcalloc((size_t)most + 1, sizeof *sources);
    for (size_t e = 0; e < all->event_count; e++) {
        const tl_scene_event ev = tl_scene_event_at(all, e);
        if (ev.footnote > 0 && ev.source)
            sources[ev.footnote - 1] = ev.source;
    }
    size_t n = 0;
    for (int k = 0; k < most; k++)
        if (sources[k])
            sources[n++] = sources[k];
    *count = n;
    return sources;
}

/* Charts whose pages keep one scale: no time of day to window (log, numeric and elapsed axes
 * count otherwise), mirrored ones, and plans, whose arrows join events across pages. */
static bool suited(const tl_timeline *tl, const tl_layout_options *o, const tl_scene *s)
{
    if (o->page_scale != TL_PAGE_SCALE_AUTO || o->log_scale || o->numeric || o->elapsed ||
        o->direction == TL_DIRECTION_RTL ||
        (o->direction == TL_DIRECTION_AUTO && o->locale && tl_locale_is_rtl(o->locale)) ||
        s->link_count > 0)
        return false;
    return true;
}

tl_windows_result tl_paginate_windows(const tl_timeline *tl, const tl_layout_options *o,
                                      const page_box *box, double continued_h,
                                      const tl_text_measurer *m, tl_layout_once_fn once,
                                      tl_scene **scene, tl_error **err)
{
    if (!suited(tl, o, *scene))
        return TL_WINDOWS_UNSUITED;
    /* The title block and the footer of the whole chart, without the density summary a
     * page-wide chart may have had: no page summarises. Its sources' numbers are the pages'. */
    tl_scene *all = *scene;
    /* A page-wide chart that labels only some of its events (level of detail) tells how many
     * labels a page takes: windows need every event labelled, so fewer pages than that
     * allows cannot do, and more than MAX_WINDOWS are not tried. */
    size_t fewest = 2;
    if (all->lod_labelled > 0) {
        const size_t events = all->lod_labelled + all->lod_summarised;
        fewest = (events + all->lod_labelled - 1) / all->lod_labelled;
        if (fewest > MAX_WINDOWS && o->pages <= 0)
            return TL_WINDOWS_UNSUITED;
        fewest = fewest < 2 ? 2 : fewest;
    }
    /* The page-wide chart with its summary stays the caller's until windows are laid out: when
     * no number of pages holds every label, it is what is printed, on one scale. */
    tl_scene *summarised = NULL;
    if (all->lod_labelled + all->lod_summarised > 0) {
        tl_layout_options ao = *o;
        ao.no_summary = true;
        ao.width = all->width;
        summarised = all;
        all = once(tl, &ao, m, err);
        if (!all) {
            tl_scene_free(*scene);
            *scene = NULL;
            return TL_WINDOWS_FAILED;
        }
        *scene = all;
    }
    tl_layout_options po = *o;
    const char **sources = sources_of(all, &po.nsources);
    po.sources = sources;
    starts st;
    collect_starts(tl, o, &st);
    const double hb = fmax(all->frame.plot_top - M, continued_h + 6);
    /* Room for the legend and sources under the last window, as at full size. */
    double reserve = 0;
    if (tl_paginate_has_part(all, PART_FOOTER)) {
        double fsrc[4];
        tl_paginate_footer_src(all, fsrc);
        if (fsrc[3] > 0.5)
            reserve = fsrc[3] + (all->frame.footer_top - all->frame.plot_bottom);
    }
    int64_t *cuts = tl_xmalloc((MAX_WINDOWS + 2) * sizeof *cuts);
    page_run *runs = tl_xcalloc(MAX_WINDOWS + 1, sizeof *runs);
    tl_windows_result result = TL_WINDOWS_UNSUITED;
    int n = 0;
    bool fits = false;
    if (o->pages > 0) {
        n = o->pages > MAX_WINDOWS ? MAX_WINDOWS : o->pages;
        if (choose_cuts(&st, n, cuts)) {
            if (!lay_pages(tl, &po, box, hb, reserve, m, once, cuts, n, false, runs, &fits, err))
                goto fail;
            result = TL_WINDOWS_DONE;
        }
    } else {
        /* The fewest pages that all stay legible. */
        for (n = (int)fewest; n <= MAX_WINDOWS && (size_t)n <= st.n; n++) {
            if (!choose_cuts(&st, n, cuts))
                continue;
            if (!lay_pages(tl, &po, box, hb, reserve, m, once, cuts, n, true, runs, &fits, err))
                goto fail;
            if (fits) {
                result = TL_WINDOWS_DONE;
                break;
            }
        }
    }
    if (result != TL_WINDOWS_DONE && summarised) {
        tl_scene_free(all);
        *scene = all = summarised;
        summarised = NULL;
    }
    tl_scene_free(summarised);
    summarised = NULL;
    if (result == TL_WINDOWS_DONE) {
        placed_plot *pp = merge_pages(all, runs, n, st.outside);
        if (!fits)
            tl_scene_add_warning(all, tl_xasprintf("the chart does not fit %d pages at a "
                                                   "legible size",
                                                   n));
        const bool ok = build_pages(all, runs, pp, n, box, hb, m, o->locale, err);
        free(pp);
        free_runs(runs, n);
        if (!ok)
            goto fail;
    }
    free(sources);
    free(runs);
    free(cuts);
    free(st.at);
    free(st.reach);
    return result;
fail:
    free(sources);
    free(runs);
    free(cuts);
    free(st.at);
    free(st.reach);
    tl_scene_free(summarised);
    tl_scene_free(*scene);
    *scene = NULL;
    return TL_WINDOWS_FAILED;
}
