/* Pagination. The chart is laid out once for the page (wide enough, for horizontal layouts, to
 * be cut into slices that are each legible on a page) and the scene gets a plan of pages: each
 * page shows pieces of the chart through viewports, and overlays its number. The renderer
 * never lays anything out again.
 *
 * Cutting: ops that must stay whole (texts, marks, stems, cards; an event's are kept
 * together) form units; long shapes (the axis, bands, long bars) are continuous and are
 * clipped at the cut. A unit belongs to the page where it starts and is drawn there whole, so
 * a cut may pass behind a label but never through it; cuts are chosen in the gaps between
 * units when there are any, at an era boundary when one is near the end of the page. */
#include "paginate-continued.h"
#include "paginate-cuts.h"
#include "paginate.h"
#include "paginate-page.h"
#include "paginate-windows.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "common/tl-utf8.h"
#include "options-private.h"
#include "scene/scene.h"
#include "words.h"

enum { MAX_PAGES = 100, FIT_TRIES = 8 };

static const double DEFAULT_MARGIN = 15 * 72 / 25.4; /* 15 mm */
static const double SLACK = 0.96;                    /* room left for cuts to fall in gaps */
static const double BLEED = 3;                       /* continuous shapes past the plot */
#define M TL_CHART_MARGIN

const tl_font tl_paginate_number_font = {.size = 8, .weight = 400};
static const tl_font continued_font = {.size = 10, .weight = 700};
const tl_color tl_paginate_number_color = {0.42, 0.45, 0.5, 1};

/* ---------------------------------------------------------------------------------------------
 * The page
 * ------------------------------------------------------------------------------------------- */

bool tl_paginate_measure(const tl_text_measurer *m, const tl_font *font, const char *text,
                         double wrap, tl_text_extents *ext, tl_error **err)
{
    const tl_text_shape shape = {.wrap_width = wrap, .max_lines = 1};
    if (!m->measure(m->user, font, &shape, text, ext))
        return tl_set_error(err, TL_ERROR_CONFIG, "cannot measure text \"%.*s\"",
                            tl_utf8_prefix(text, 40), text);
    return true;
}

static bool page_geometry(const tl_layout_options *o, const tl_text_measurer *m, page_box *b,
                          tl_error **err)
{
    double w = o->page_width, h = o->page_height;
    if (o->landscape && w < h) {
        const double t = w;
        w = h;
        h = t;
    }
    const double defaults[4] = {DEFAULT_MARGIN, DEFAULT_MARGIN, DEFAULT_MARGIN, DEFAULT_MARGIN};
    const double *mg = o->margins_set ? o->margins : defaults;
    tl_text_extents ext;
    if (!tl_paginate_measure(m, &tl_paginate_number_font, "Page 100 of 100", 0, &ext, err))
        return false;
    *b = (page_box){w, h, mg[3], mg[0], w - mg[1] - mg[3], h - mg[0] - mg[2], 0};
    /* The number sits in the bottom margin; a margin too narrow for it gives up a line of the
     * content area instead. */
    if (mg[2] >= ext.height + 4) {
        b->number_y = h - mg[2] + (mg[2] - ext.height) / 2;
    } else {
        b->h -= ext.height + 4;
        b->number_y = b->y + b->h + 4;
    }
    if (b->w < 72 || b->h < 72)
        return tl_set_error(err, TL_ERROR_USAGE,
                            "the margins leave no room on a %.0f x %.0f pt page (at least 1 in "
                            "each way is needed)",
                            w, h);
    return true;
}

void tl_paginate_overlay_text(tl_scene *scene, tl_page *page, const tl_font *font, const char *text,
                              double x, double y, const tl_text_extents *ext, double wrap,
                              tl_color color, tl_role role)
{
    tl_op *op = tl_page_push_overlay(page, TL_OP_TEXT, role);
    op->u.text = (tl_text_op){
        .x = x,
        .y = y,
        .w = ext->width,
        .h = ext->height,
        .baseline = ext->baseline,
        .text = tl_scene_strdup(scene, text),
        .font = *font,
        .shape = {.wrap_width = wrap, .max_lines = 1, .lang = scene->lang},
        .color = color,
    };
}

/* ---------------------------------------------------------------------------------------------
 * The chart's parts
 * ------------------------------------------------------------------------------------------- */

bool tl_paginate_has_part(const tl_scene *s, part p)
{
    for (size_t i = 0; i < s->op_count; i++)
        if (tl_paginate_op_part(s, &s->ops[i]) == p)
            return true;
    return false;
}

/* The smallest text size in the header and the plot: what a scale must keep legible. */
double tl_paginate_smallest_text(const tl_scene *s)
{
    double least = INFINITY;
    for (size_t i = 0; i < s->op_count; i++)
        if (s->ops[i].kind == TL_OP_TEXT && tl_paginate_op_part(s, &s->ops[i]) != PART_FOOTER)
            least = fmin(least, s->ops[i].u.text.font.size);
    return isfinite(least) ? least : 10;
}

size_t tl_paginate_unplaced(const tl_scene *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->event_count; i++)
        /* Events summarised in a density strip count too: a printout has room for them. */
        n += !s->marks[i].placed;
    return n;
}

/* ---------------------------------------------------------------------------------------------
 * Pages
 * ------------------------------------------------------------------------------------------- */

/* Where a slice starting at `lo` lands on the page, and the region of the chart it shows. */
static void slice_origin(const plan *P, double lo, double *x, double *y, double src[4])
{
    const double band = P->box.y + P->s * P->hb;
    if (P->d == 0) {
        *x = P->box.x + P->s * (P->gutter - M);
        *y = band;
        src[0] = lo;
        src[1] = P->cross_lo;
        src[2] = P->len;
        src[3] = P->cross_hi - P->cross_lo;
    } else {
        *x = P->box.x;
        *y = band;
        src[0] = P->cross_lo;
        src[1] = lo;
        src[2] = P->cross_hi - P->cross_lo;
        src[3] = P->len;
    }
}

static bool overlaps(const double box[4], int d, double lo, double hi)
{
    return box[d] < hi && box[d] + box[2 + d] > lo;
}

/* Adds the page's view of its slice; marks in `shown` the ops it draws whole. */
static void add_slice_page(tl_scene *s, const cutter *k, const slice *sl, tl_page *page,
                           bool *shown)
{
    const plan *P = &k->P;
    double x, y, src[4];
    slice_origin(P, sl->lo, &x, &y, src);

    if (P->d == 0 && P->gutter > M) {
        const double gsrc[4] = {M, P->cross_lo, P->gutter - M, P->cross_hi - P->cross_lo};
        const double clip[4] = {x - P->s * (P->gutter - M), y - BLEED, P->s * (P->gutter - M),
                                P->s * gsrc[3] + 2 * BLEED};
        tl_viewport *g = tl_page_add_viewport(page, gsrc, clip[0], y, P->s, clip);
        for (size_t i = 0; i < s->op_count; i++) {
            double box[4];
            tl_scene_op_bbox(&s->ops[i], box);
            const int u = k->op_unit[i];
            if ((u == -1 && overlaps(box, 0, M, P->gutter)) || (u >= 0 && k->units[u].gutter))
                tl_viewport_add_op(g, i);
        }
    }

    /* Continuous shapes as far as the page shows the chart: the axis and the stripes go on
     * under labels that reach past the cut. */
    double csrc[4];
    memcpy(csrc, src, sizeof csrc);
    csrc[2 + P->d] = sl->end - sl->lo;
    double clip[4];
    if (P->d == 0) {
        const double c[4] = {x, y - BLEED, P->s * csrc[2], P->s * csrc[3] + 2 * BLEED};
        memcpy(clip, c, sizeof clip);
    } else {
        const double c[4] = {x - BLEED, y, P->s * csrc[2] + 2 * BLEED, P->s * csrc[3]};
        memcpy(clip, c, sizeof clip);
    }
    tl_viewport *cv = tl_page_add_viewport(page, csrc, x, y, P->s, clip);
    for (size_t i = 0; i < s->op_count; i++) {
        double box[4];
        tl_scene_op_bbox(&s->ops[i], box);
        if (k->op_unit[i] == -1 && overlaps(box, P->d, sl->lo, sl->end) &&
            overlaps(box, !P->d, P->cross_lo - BLEED, P->cross_hi + BLEED))
            tl_viewport_add_op(cv, i);
    }

    /* The page's units whole, and the furniture (tick labels) that it shows whole: clipped
     * only to the content area. */
    bool *mine = tl_xcalloc(k->nall + 1, sizeof *mine);
    for (size_t q = sl->first; q < sl->first + sl->count; q++)
        mine[k->order[q]] = true;
    const double uclip[4] = {x, y, P->box.x + P->box.w - x, P->box.y + P->box.h - y};
    tl_viewport *uv = tl_page_add_viewport(page, src, x, y, P->s, uclip);
    for (size_t i = 0; i < s->op_count; i++) {
        const int u = k->op_unit[i];
        double box[4];
        tl_scene_op_bbox(&s->ops[i], box);
        shown[i] =
            (u >= 0 && !k->units[u].gutter && mine[u]) ||
            (u == -3 && box[P->d] >= sl->lo - 0.01 && box[P->d] + box[2 + P->d] <= sl->end + 0.01);
        if (shown[i])
            tl_viewport_add_op(uv, i);
    }
    free(mine);
}

/* Where the page puts its slice of the chart, for the marks made over it. */
static continued_page page_of(const cutter *k, const slice *sl, const bool *shown)
{
    double x, y, src[4];
    slice_origin(&k->P, sl->lo, &x, &y, src);
    return (continued_page){
        .lo = sl->lo,
        .end = sl->end,
        .cross_lo = k->P.cross_lo,
        .cross_hi = k->P.cross_hi,
        .x = x,
        .y = y,
        .src_y = src[1],
        .scale = k->P.s,
        .shown = shown,
    };
}

/* Spans and eras cut at the page's start, named again there. */
static bool name_continued(tl_scene *s, const cutter *k, const slice *sl, tl_page *page,
                           const bool *shown, const tl_text_measurer *m, tl_locale *loc,
                           tl_error **err)
{
    const continued_page cp = page_of(k, sl, shown);
    return tl_paginate_name_continued(s, page, &cp, k->op_unit, m, loc, err);
}

/* Dependencies' arrows cut at the page's edges, marked there. */
static void mark_links(tl_scene *s, const cutter *k, const slice *sl, tl_page *page)
{
    const continued_page cp = page_of(k, sl, NULL);
    tl_paginate_mark_links(s, page, &cp);
}

void tl_paginate_add_part(tl_scene *s, tl_page *page, part p, const double src[4], double x,
                          double y, double scale, const page_box *box)
{
    const double clip[4] = {box->x, y, box->w, box->y + box->h - y};
    tl_viewport *vp = tl_page_add_viewport(page, src, x, y, scale, clip);
    for (size_t i = 0; i < s->op_count; i++)
        if (tl_paginate_op_part(s, &s->ops[i]) == p)
            tl_viewport_add_op(vp, i);
}

void tl_paginate_header_src(const tl_scene *s, double src[4])
{
    src[0] = M;
    src[1] = M;
    src[2] = s->frame.text_width;
    src[3] = s->frame.plot_top - M;
}

void tl_paginate_footer_src(const tl_scene *s, double src[4])
{
    src[0] = M;
    src[1] = s->frame.footer_top;
    src[2] = s->frame.text_width;
    src[3] = s->height - M - s->frame.footer_top;
}

/* The title again on later pages, "(continued)" after it, in the header band. */
bool tl_paginate_add_continued(tl_scene *s, tl_page *page, const page_box *box,
                               const tl_text_measurer *m, tl_locale *loc, tl_error **err)
{
    char local[512];
    const tl_locale_arg args[1] = {{.text = s->title}};
    char *text;
    if (s->title ? tl_words_say(loc, "page", "{0} (continued)", args, 1, local, sizeof local)
                 : tl_words_say(loc, "page", "(continued)", NULL, 0, local, sizeof local))
        text = tl_xstrdup(local);
    else
        text = s->title ? tl_xasprintf("%s (continued)", s->title) : tl_xstrdup("(continued)");
    tl_text_extents ext;
    bool ok = tl_paginate_measure(m, &continued_font, text, box->w, &ext, err);
    if (ok)
        tl_paginate_overlay_text(s, page, &continued_font, text, box->x, box->y, &ext, box->w,
                                 tl_paginate_number_color, TL_ROLE_TITLE);
    free(text);
    return ok;
}

bool tl_paginate_add_numbers(tl_scene *s, const page_box *box, const tl_text_measurer *m,
                             tl_locale *loc, tl_error **err)
{
    if (s->page_count < 2)
        return true;
    for (size_t p = 0; p < s->page_count; p++) {
        char text[128], a[32], b[32];
        tl_words_count(loc, p + 1, a, sizeof a);
        tl_words_count(loc, s->page_count, b, sizeof b);
        const tl_locale_arg args[2] = {{.text = a, .number = (double)(p + 1)},
                                       {.text = b, .number = (double)s->page_count}};
        if (!tl_words_say(loc, "page", "Page {0} of {1}", args, 2, text, sizeof text))
            snprintf(text, sizeof text, "Page %zu of %zu", p + 1, s->page_count);
        tl_text_extents ext;
        if (!tl_paginate_measure(m, &tl_paginate_number_font, text, 0, &ext, err))
            return false;
        tl_paginate_overlay_text(s, &s->pages[p], &tl_paginate_number_font, text,
                                 box->x + (box->w - ext.width) / 2, box->number_y, &ext, 0,
                                 tl_paginate_number_color, TL_ROLE_NOTE);
    }
    return true;
}

/* The whole chart on one page, scaled down to fit when it must be. */
static void single_page(tl_scene *s, const page_box *box)
{
    tl_scene_clear_pages(s);
    const double src[4] = {M, M, s->width - 2 * M, s->height - 2 * M};
    const double scale = fmin(1, fmin(box->w / src[2], box->h / src[3]));
    tl_page *page = tl_scene_add_page(s, box->width, box->height);
    const double clip[4] = {box->x, box->y, box->w, box->h};
    tl_viewport *vp = tl_page_add_viewport(page, src, box->x, box->y, scale, clip);
    for (size_t i = 0; i < s->op_count; i++)
        tl_viewport_add_op(vp, i);
}

static double single_scale(const tl_scene *s, const page_box *box)
{
    return fmin(1, fmin(box->w / (s->width - 2 * M), box->h / (s->height - 2 * M)));
}

/* Plans a chart tiled along d; the cutter keeps what the cut found. */
static void plan_tiles(const tl_scene *s, int d, const page_box *box, double continued_h, cutter *k)
{
    plan *P = &k->P;
    *P = (plan){.d = d, .box = *box};
    P->hb = fmax(s->frame.plot_top - M, continued_h + 6);
    P->gutter = d == 0 && s->frame.gutter > M ? s->frame.gutter : M;
    if (d == 0) {
        P->plot_lo = P->gutter;
        P->plot_hi = s->width - M;
        P->cross_lo = s->frame.plot_top;
        P->cross_hi = s->frame.plot_bottom;
        P->s = fmin(1, box->h / (P->hb + P->cross_hi - P->cross_lo));
        P->len = box->w / P->s - (P->gutter - M);
    } else {
        P->plot_lo = s->frame.plot_top;
        P->plot_hi = s->frame.plot_bottom;
        P->cross_lo = M;
        P->cross_hi = s->width - M;
        P->s = fmin(1, box->w / (P->cross_hi - P->cross_lo));
        P->len = box->h / P->s - P->hb;
    }
    k->scene = s;
    tl_paginate_cut(k);
}

static bool build_pages(tl_scene *s, cutter *k, const tl_text_measurer *m, tl_locale *loc,
                        tl_error **err)
{
    if (k->cut_text)
        tl_scene_add_warning(s, tl_xstrdup("a label is longer than a page: it is cut at the "
                                           "page's edge (use a larger page or --fit-width)"));
    const plan *P = &k->P;
    const page_box *box = &P->box;
    tl_scene_clear_pages(s);
    double src[4];
    bool *shown = tl_xmalloc((s->op_count + 1) * sizeof *shown);
    for (size_t i = 0; i < k->nslices; i++) {
        tl_page *page = tl_scene_add_page(s, box->width, box->height);
        if (i == 0) {
            tl_paginate_header_src(s, src);
            if (src[3] > 0 && tl_paginate_has_part(s, PART_HEADER))
                tl_paginate_add_part(s, page, PART_HEADER, src, box->x, box->y, P->s, box);
        } else if (!tl_paginate_add_continued(s, page, box, m, loc, err)) {
            free(shown);
            return false;
        }
        const slice *sl = &k->slices[i];
        add_slice_page(s, k, sl, page, shown);
        if (i > 0 && P->d == 0 && !name_continued(s, k, sl, page, shown, m, loc, err)) {
            free(shown);
            return false;
        }
        if (P->d == 0)
            mark_links(s, k, sl, page);
    }
    free(shown);
    /* The footer under the plot on the last page when it fits there, else on a page of its
     * own: legend, caption and sources appear once. */
    tl_paginate_footer_src(s, src);
    if (src[3] > 0.5 && tl_paginate_has_part(s, PART_FOOTER)) {
        const slice *last = &k->slices[k->nslices - 1];
        double used = P->d == 0 ? s->frame.footer_top - s->frame.plot_top
                                : last->cut - last->lo + (s->frame.footer_top - P->plot_hi);
        double y = box->y + P->s * (P->hb + used);
        double scale = fmin(P->s, box->w / src[2]);
        tl_page *page = &s->pages[s->page_count - 1];
        if (y + scale * src[3] > box->y + box->h) {
            page = tl_scene_add_page(s, box->width, box->height);
            if (!tl_paginate_add_continued(s, page, box, m, loc, err))
                return false;
            y = box->y + P->s * P->hb;
            scale = fmin(1, fmin(box->w / src[2], (box->y + box->h - y) / src[3]));
        }
        tl_paginate_add_part(s, page, PART_FOOTER, src, box->x, y, scale, box);
    }
    return tl_paginate_add_numbers(s, box, m, loc, err);
}

/* ---------------------------------------------------------------------------------------------
 * Driver
 * ------------------------------------------------------------------------------------------- */

static tl_scene *run_at(const tl_timeline *tl, tl_layout_options *o, double width,
                        const tl_text_measurer *m, tl_layout_once_fn once, tl_error **err)
{
    o->width = fmin(100000, fmax(200, width));
    return once(tl, o, m, err);
}

/* Builds the pages of a cut chart; consumes the cutter, and the scene on failure. */
static tl_scene *finish_tiles(tl_scene *s, cutter *k, const tl_text_measurer *m, tl_locale *loc,
                              tl_error **err)
{
    const bool ok = build_pages(s, k, m, loc, err);
    tl_paginate_cutter_free(k);
    if (!ok) {
        tl_scene_free(s);
        return NULL;
    }
    return s;
}

/* The chart laid out to exactly one page, at scale 1; NULL when it cannot be (a page too
 * short for its frame): the caller keeps what it has. */
static tl_scene *fit_page(const tl_timeline *tl, tl_layout_options *o, const page_box *box,
                          const tl_text_measurer *m, tl_layout_once_fn once)
{
    tl_error *err = NULL;
    o->height = box->h + 2 * M;
    tl_scene *s = run_at(tl, o, box->w + 2 * M, m, once, &err);
    o->height = 0;
    tl_error_free(err);
    if (s)
        single_page(s, box);
    return s;
}

/* Horizontal layouts: as few pages as keep every label placed at a legible scale, or the
 * number asked for. */
static tl_scene *paginate_across(const tl_timeline *tl, tl_layout_options *o, const page_box *box,
                                 double continued_h, const tl_text_measurer *m,
                                 tl_layout_once_fn once, tl_error **err)
{
    const int wanted = o->pages;
    tl_scene *s = run_at(tl, o, box->w + 2 * M, m, once, err);
    if (!s)
        return NULL;
    if (!s->frame.set) {
        single_page(s, box);
        return s;
    }
    const double least = fmax(TL_PAGE_MIN_SCALE, TL_PAGE_MIN_TEXT / tl_paginate_smallest_text(s));
    if (o->fit_width || wanted == 1 ||
        (wanted == 0 && tl_paginate_unplaced(s) == 0 && single_scale(s, box) >= least)) {
        single_page(s, box);
        return s;
    }
    switch (tl_paginate_windows(tl, o, box, continued_h, m, once, &s, err)) {
    case TL_WINDOWS_DONE:
        return s;
    case TL_WINDOWS_FAILED:
        return NULL;
    case TL_WINDOWS_UNSUITED:
        break;
    }
    /* A slice of a page's width per page, at scale 1, less the repeated gutter. */
    const double gutter = s->frame.gutter > M ? s->frame.gutter - M : 0;
    const double per_page = box->w - gutter;
    static const int tries[] = {2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12,       14,
                                16, 20, 24, 28, 32, 40, 48, 56, 64, 80, MAX_PAGES};
    cutter k = {0};
    double heights[sizeof tries / sizeof tries[0]];
    size_t missing[sizeof tries / sizeof tries[0]];
    /* A chart that summarises its events (level of detail) a page wide. */
    const bool summarises = s->lod_summarised > 0;
    if (wanted == 0) {
        for (size_t t = 0; t < sizeof tries / sizeof tries[0]; t++) {
            tl_scene_free(s);
            s = run_at(tl, o, 2 * M + gutter + tries[t] * per_page * SLACK, m, once, err);
            if (!s)
                return NULL;
            tl_paginate_cutter_free(&k);
            plan_tiles(s, 0, box, continued_h, &k);
            if (tl_paginate_unplaced(s) == 0 && k.P.s >= least)
                break;
            const double plot_h = s->frame.plot_bottom - s->frame.plot_top;
            heights[t] = plot_h;
            missing[t] = tl_paginate_unplaced(s);
            /* Labels that no width places (the layout leaves them out whatever the room):
             * more pages would not bring them back. */
            if (t >= 3 && missing[t] > 0 && missing[t] >= missing[t - 3])
                break;
            /* Taller than a page whatever the width (spans that overlap in time stack up):
             * more pages would only add empty axis. */
            if (missing[t] == 0 && t >= 3 && plot_h > 0.93 * heights[t - 3]) {
                tl_scene_add_warning(s, tl_xasprintf("the chart is taller than the page: it is "
                                                     "printed at %.0f%% of its size",
                                                     100 * k.P.s));
                break;
            }
            if (tries[t] == MAX_PAGES || 2 * M + gutter + tries[t] * per_page * SLACK > 100000)
                tl_scene_add_warning(s, tl_xasprintf("the chart does not fit %d pages at a "
                                                     "legible size; labels left out are listed",
                                                     tries[t]));
            if (2 * M + gutter + tries[t] * per_page * SLACK > 100000)
                break;
        }
        if (summarises && k.P.s < 0.5 * least) {
            /* Wider pages label more of its events, until the chart stops summarising and its
             * rows outgrow any page: printed at under half a legible size (10,000 events in
             * lanes came out at 9 %), it says nothing. The chart laid out to the page instead,
             * summarising what does not fit, is legible. */
            tl_scene *page = fit_page(tl, o, box, m, once);
            if (page) {
                tl_scene_free(s);
                tl_paginate_cutter_free(&k);
                return page;
            }
        }
    } else {
        /* Aim at the page count: lay out, cut, and widen or narrow until it comes out. */
        const int n = wanted > MAX_PAGES ? MAX_PAGES : wanted;
        double width = 2 * M + gutter + n * per_page * SLACK;
        tl_scene *best = NULL;
        size_t best_miss = SIZE_MAX;
        for (int t = 0; t < FIT_TRIES; t++) {
            tl_scene_free(s);
            s = run_at(tl, o, width, m, once, err);
            if (!s) {
                tl_scene_free(best);
                return NULL;
            }
            tl_paginate_cutter_free(&k);
            plan_tiles(s, 0, box, continued_h, &k);
            const size_t got = k.nslices;
            const size_t miss = got > (size_t)n ? got - n : n - got;
            if (miss < best_miss) {
                tl_scene_free(best);
                best = s;
                s = NULL;
                best_miss = miss;
            }
            if (miss == 0)
                break;
            /* The plot length that n slices at this scale hold, with slack for the cuts. */
            double per = k.P.len * pow(SLACK, t + 1);
            width = 2 * M + gutter + n * per;
            if (width > 100000 || width < 200)
                break;
        }
        tl_scene_free(s);
        s = best;
        tl_paginate_cutter_free(&k);
        plan_tiles(s, 0, box, continued_h, &k);
    }
    return finish_tiles(s, &k, m, o->locale, err);
}

/* The vertical layout: a page wide (or scaled to it), tiled down. */
static tl_scene *paginate_down(const tl_timeline *tl, tl_layout_options *o, const page_box *box,
                               double continued_h, const tl_text_measurer *m,
                               tl_layout_once_fn once, tl_error **err)
{
    tl_scene *s = run_at(tl, o, o->width > 0 ? o->width : box->w + 2 * M, m, once, err);
    if (!s)
        return NULL;
    if (!s->frame.set || s->height - 2 * M <= box->h / fmin(1, box->w / (s->width - 2 * M)) ||
        o->pages == 1) {
        single_page(s, box);
        return s;
    }
    cutter k = {0};
    plan_tiles(s, 1, box, continued_h, &k);
    return finish_tiles(s, &k, m, o->locale, err);
}

tl_scene *tl_paginate(const tl_timeline *tl, const tl_layout_options *opts,
                      const tl_text_measurer *m, bool down, tl_layout_once_fn once, tl_error **err)
{
    page_box box;
    if (!page_geometry(opts, m, &box, err))
        return NULL;
    tl_text_extents ext;
    if (!tl_paginate_measure(m, &continued_font, "Continued", 0, &ext, err))
        return NULL;
    /* The options for each run: the title and footer wrap at the page's width, and a fixed
     * height would defeat the point of pages. */
    tl_layout_options o = *opts;
    o.text_width = box.w;
    o.height = 0;
    tl_scene *s = down ? paginate_down(tl, &o, &box, ext.height, m, once, err)
                       : paginate_across(tl, &o, &box, ext.height, m, once, err);
    return s;
}
