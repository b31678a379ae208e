/* The vertical layout's rows: where the cards go for a time scale, the scale chosen for the
 * chart's natural height or a fixed one, the span bars' lanes and the ticks along the line. */
#include "vertical.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "axis.h"
#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "ticks.h"

/* ---------------------------------------------------------------------------------------------
 * Rows: placing the cards for a time scale
 * ------------------------------------------------------------------------------------------- */

/* Each kept card goes level with its mark if its column is free there, else just below the
 * column's last card, on the side where it sits higher (ties alternate). Returns the lowest
 * card bottom (-INFINITY for none). */
static double place_cards(vertical *v)
{
    double col[2] = {-INFINITY, -INFINITY}, low = -INFINITY;
    int last = 0;
    v->pushed = 0;
    for (size_t k = 0; k < v->ncards; k++) {
        card *cd = &v->cards[k];
        cd->side = -1;
        cd->kept = cd->rank < v->keep;
        if (!cd->kept)
            continue;
        double want = fmax(y_at(v, cd->at) - cd->attach, v->plot_top);
        int side = 1;
        double top = fmax(want, col[1] + CARD_GAP);
        if (v->two_sides) {
            double other = fmax(want, col[0] + CARD_GAP);
            if (other < top - 0.01 || (other < top + 0.01 && last == 1)) {
                side = 0;
                top = other;
            }
        }
        cd->side = side;
        cd->top = top;
        v->pushed += top - want;
        col[side] = top + cd->h;
        last = side;
        low = fmax(low, col[side]);
    }
    return low;
}

static int cmp_want(const void *a, const void *b)
{
    const band *x = *(const band *const *)a, *y = *(const band *const *)b;
    if (x->want != y->want)
        return (x->want > y->want) - (x->want < y->want);
    return (x->ev > y->ev) - (x->ev < y->ev);
}

/* Gutter labels: an era's at the top of its band, a marker's level with its line, each
 * pushed below the label before it; an era label that would start past its band's end, a
 * marker label pushed off its line, or a label below `limit` is left out. Returns the
 * lowest label bottom. */
static double place_gutter(vertical *v, double limit)
{
    if (!v->nbands)
        return -INFINITY;
    band **order = tl_xmalloc(v->nbands * sizeof *order);
    for (size_t k = 0; k < v->nbands; k++) {
        band *b = &v->bands[k];
        double h = b->label.ext.height;
        b->want = b->marker ? y_at(v, b->t0) - h / 2 : fmax(y_at(v, b->t0), v->axis_top) + 3;
        b->want = fmax(b->want, v->plot_top);
        order[k] = b;
    }
    qsort(order, v->nbands, sizeof *order, cmp_want);
    double floor_y = -INFINITY, low = -INFINITY;
    for (size_t k = 0; k < v->nbands; k++) {
        band *b = order[k];
        double h = b->label.ext.height;
        double latest = b->marker ? b->want + h / 2 + 2 : fmax(b->want, y_at(v, b->t1) - h);
        b->top = fmax(b->want, floor_y + GUTTER_LABEL_GAP);
        b->shown = b->top <= latest && b->top + h <= limit;
        if (!b->shown)
            continue;
        floor_y = b->top + h;
        low = fmax(low, floor_y);
    }
    free(order);
    return low;
}

/* Places everything for `pps` points per second; returns the bottom of the plot. */
static double plan(vertical *v, double pps, double limit)
{
    v->pps = pps;
    v->axis_top = v->ya - AXIS_PAD;
    v->axis_bottom = y_at(v, v->hi) + AXIS_PAD;
    v->cards_bottom = place_cards(v);
    double gutter = place_gutter(v, limit);
    v->bottom = fmax(v->axis_bottom, fmax(v->cards_bottom, gutter));
    return v->bottom;
}

/* ---------------------------------------------------------------------------------------------
 * Choosing the time scale
 * ------------------------------------------------------------------------------------------- */

/* Whether the cards keep close enough to their dates: pushed cards end no lower than a card
 * hanging from the line's last date would, and on average a card is pushed less than DRIFT
 * card heights. Every push only shrinks as the scale grows, so this is monotonic in pps and
 * can be bisected. */
static bool cards_follow_line(vertical *v, double pps, double overhang, double drift)
{
    plan(v, pps, INFINITY);
    return v->cards_bottom <= y_at(v, v->hi) + overhang + 0.5 && v->pushed <= drift;
}

/* The natural height. The line is at least as long as the columns of cards stacked with no
 * gaps, so the marks spread over the whole chart rather than bunching at its top; longer
 * where that is what it takes for the cards to follow their dates; and at most STRETCH times
 * that, so clusters (which no scale can spread: events on one day) do not stretch the whole
 * chart. */
static void fit_natural(vertical *v)
{
    const double range = (double)(v->hi - v->lo);
    const double stacked = fmax(MIN_AXIS, plan(v, 0, INFINITY) - v->ya);
    double overhang = 0, heights = 0;
    for (size_t k = 0; k < v->ncards; k++) {
        overhang = fmax(overhang, v->cards[k].h - v->cards[k].attach);
        heights += v->cards[k].h;
    }
    const double drift = DRIFT * heights;
    double lo = stacked / range;
    double hi = STRETCH * stacked / range;
    double pps = lo;
    if (!cards_follow_line(v, lo, overhang, drift)) {
        if (!cards_follow_line(v, hi, overhang, drift)) {
            pps = hi;
        } else {
            for (int i = 0; i < 40 && hi > lo * 1.0005; i++) {
                double mid = sqrt(lo * hi);
                if (cards_follow_line(v, mid, overhang, drift))
                    hi = mid;
                else
                    lo = mid;
            }
            pps = hi;
        }
    }
    plan(v, pps, INFINITY);
}

/* The largest scale in [lo, hi] whose plan ends by `limit`, given that `lo`'s does. */
static double stretch_to(vertical *v, double lo, double hi, double limit)
{
    if (plan(v, hi, limit) <= limit)
        return hi;
    for (int i = 0; i < 40 && hi - lo > lo * 0.0005; i++) {
        double mid = (lo + hi) / 2;
        if (plan(v, mid, limit) <= limit)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static double inner_width(const vertical *v)
{
    return fmax(20, v->card_w - 2 * v->card_pad_x - CARD_STRIPE);
}

/* Measures every card at the card width with at most that many title and description lines. */
static bool measure_cards(vertical *v, int title_lines, int desc_lines, tl_error **err)
{
    tl_chart *c = &v->c;
    const double inner = inner_width(v);
    v->title_lines = title_lines;
    v->desc_lines = desc_lines;
    for (size_t k = 0; k < v->ncards; k++) {
        card *cd = &v->cards[k];
        const tl_event *ev = event(v, cd->ev);
        if (!tl_chart_measure(c, &c->font.date, &cd->date, cd->date_text, inner, 1, err) ||
            !tl_chart_measure(c, &c->font.label, &cd->title, ev->title, inner, title_lines, err))
            return false;
        cd->has_desc = desc_lines > 0 && ev->description[0];
        if (cd->has_desc &&
            !tl_chart_measure(c, &c->font.body, &cd->desc, ev->description, inner, desc_lines, err))
            return false;
        cd->attach = CARD_PAD_Y + cd->date.ext.height / 2;
        cd->h = 2 * CARD_PAD_Y + cd->date.ext.height + DATE_GAP + cd->title.ext.height +
                (cd->has_desc ? DESC_GAP + cd->desc.ext.height : 0);
    }
    return true;
}

/* A fixed height: shrink the time scale (to half the room: below that the marks bunch up at
 * the top), then shorten the cards step by step, then shrink the scale further, then leave out
 * cards, least important first. */
static bool fit_height(vertical *v, double height, tl_error **err)
{
    static const int levels[][2] = {
        {TITLE_LINES, DESC_LINES}, {TITLE_LINES, 2}, {TITLE_LINES, 1}, {TITLE_LINES, 0}, {1, 0},
    };
    const size_t nlevels = sizeof levels / sizeof levels[0];
    const double limit = height - v->c.footer_h;
    const double range = (double)(v->hi - v->lo);
    const double full = (limit - AXIS_PAD - v->ya) / range; /* the line fills the room */
    if (full * range < MIN_FIXED_AXIS)
        return tl_chart_height_error(
            err, height, ceil(height - limit + v->ya + AXIS_PAD + MIN_FIXED_AXIS), "this chart");

    for (int pass = 0; pass < 2; pass++) {
        const double floor_pps = full * (pass == 0 ? 0.5 : 0.1);
        for (size_t l = pass == 0 ? 0 : nlevels - 1; l < nlevels; l++) {
            if ((v->title_lines != levels[l][0] || v->desc_lines != levels[l][1]) &&
                !measure_cards(v, levels[l][0], levels[l][1], err))
                return false;
            v->keep = v->ncards;
            if (plan(v, floor_pps, limit) <= limit) {
                plan(v, stretch_to(v, floor_pps, full, limit), limit);
                return true;
            }
        }
    }

    /* Keep the most cards that fit; none always fits, since the line alone does. */
    const double floor_pps = full * 0.1;
    size_t lo = 0, hi = v->ncards;
    while (lo < hi) {
        v->keep = lo + (hi - lo + 1) / 2;
        if (plan(v, floor_pps, limit) <= limit)
            lo = v->keep;
        else
            hi = v->keep - 1;
    }
    v->keep = lo;
    plan(v, stretch_to(v, floor_pps, full, limit), limit);
    return true;
}

/* ---------------------------------------------------------------------------------------------
 * Span bars and tick labels, for the chosen scale
 * ------------------------------------------------------------------------------------------- */

/* Where a span's bar ends. */
double tl_vertical_bar_end(const vertical *v, const card *cd)
{
    return fmax(y_at(v, cd->end), y_at(v, cd->at) + BAR_MIN);
}

/* Each span's bar takes the first free lane on its card's side (a span whose card was left
 * out tries the right side first). A span with no free lane is drawn as a mark on the line. */
static void assign_lanes(vertical *v)
{
    double end[2][MAX_BAR_LANES];
    for (int s = 0; s < 2; s++)
        for (int l = 0; l < MAX_BAR_LANES; l++)
            end[s][l] = -INFINITY;
    for (size_t k = 0; k < v->ncards; k++) {
        card *cd = &v->cards[k];
        cd->lane = -1;
        cd->bar_side = cd->side >= 0 ? cd->side : 1;
        if (!cd->span)
            continue;
        const double y0 = y_at(v, cd->at), y1 = tl_vertical_bar_end(v, cd);
        for (int attempt = 0; attempt < (cd->side < 0 && v->two_sides ? 2 : 1); attempt++) {
            int s = attempt ? 1 - cd->bar_side : cd->bar_side;
            for (int l = 0; l < v->bar_lanes; l++)
                if (end[s][l] + BAR_GAP <= y0) {
                    end[s][l] = y1;
                    cd->lane = l;
                    cd->bar_side = s;
                    break;
                }
            if (cd->lane >= 0)
                break;
        }
    }
}

/* Whether a card's connector leaves from a mark on the line (rather than from a bar). */
bool tl_vertical_has_mark(const card *cd)
{
    return !cd->span || cd->lane < 0;
}

double tl_vertical_bar_x(const vertical *v, const card *cd)
{
    double d = v->bar_in[cd->bar_side] + cd->lane * (BAR_W + BAR_GAP);
    return cd->bar_side == 1 ? v->axis_x + d : v->axis_x - d - BAR_W;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Whether any of the sorted values lies in [a, b]. */
static bool any_in(const double *sorted, size_t n, double a, double b)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sorted[mid] < a)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && sorted[lo] <= b;
}

/* tl_ticks_generate() spaces labels along x by their measured widths. Along a vertical line
 * every label takes one line's height, whatever its text, so this measurer reports that
 * height as the width; the labels themselves are written and measured afterwards. */
typedef struct height_measurer {
    const tl_text_measurer *m;
} height_measurer;

static bool measure_height(void *user, const tl_font *font, const tl_text_shape *shape,
                           const char *text, tl_text_extents *out)
{
    const height_measurer *hm = user;
    if (!hm->m->measure(hm->m->user, font, shape, text, out))
        return false;
    out->width = out->height;
    return true;
}

void tl_vertical_line_scale(const vertical *v, tl_scale *s)
{
    *s = (tl_scale){0};
    tl_scale_init_mapped(s, v->lo, v->hi, v->ya, y_at(v, v->hi), v->axis_top, v->axis_bottom);
    tl_chart_scale_log(&v->c, s);
}

/* Calendar ticks for the line: the densest step of the calendar ladder whose labels keep
 * `spacing` points apart. */
static bool ladder_ticks(const vertical *v, const tl_ticks_request *rq, double spacing,
                         tl_ticks *out)
{
    tl_scale s;
    tl_vertical_line_scale(v, &s);
    height_measurer hm = {.m = v->c.m};
    const tl_text_measurer adapter = {.measure = measure_height, .user = &hm};
    return tl_ticks_generate(&s, &adapter, &v->c.font.tick, spacing - v->tick_h, v->axis_top,
                             v->axis_bottom, rq, out);
}

/* Names the shown ticks and measures them: grid ticks in the grid's unit ("Mar", "2020"),
 * fill-ins in the finer one; with --tiers, each in the finest tier's own words ("Mar"), the
 * columns beside them naming the larger units. Sets *widest to the widest label. */
static bool label_ticks(vertical *v, const tl_ticks_request *rq, bool tiered, const tl_ticks *grid,
                        const tl_ticks *fine, bool nests, const long *on_grid, double *widest,
                        tl_error **err)
{
    tl_chart *c = &v->c;
    tl_civil prev;
    int64_t prev_t = 0;
    bool have_prev = false;
    for (size_t k = 0; k < v->nticks; k++) {
        tick_text *tt = &v->ticks[k];
        if (!tt->shown)
            continue;
        const bool grid_tick = !nests || on_grid[k] >= 0;
        const tl_tick *tk = !nests      ? &grid->items[k]
                            : grid_tick ? &grid->items[on_grid[k]]
                                        : &fine->items[k];
        tt->font = &c->font.tick;
        if (tiered)
            snprintf(tt->text, sizeof tt->text, "%s", tk->label);
        else if (tl_ticks_label_one_tier(grid_tick ? grid->unit : fine->unit, tk,
                                         have_prev ? &prev : NULL, prev_t, rq, tt->text,
                                         sizeof tt->text))
            tt->font = &c->font.band; /* a year among months stands out, as the band names do */
        tl_cal_split(tk->t, &prev);
        prev_t = tk->t;
        tt->t = tk->t;
        have_prev = true;
        tt->shown = tt->text[0] != '\0'; /* a chosen step's ticks too dense to name them all */
        if (tt->shown && !tl_chart_measure(c, tt->font, &tt->label, tt->text, 0, 1, err))
            return false;
        *widest = fmax(*widest, tt->shown ? tt->label.ext.width : 0);
    }
    return true;
}

/* Calendar ticks along the line. The labels follow a regular grid (the ladder's step for
 * TICK_SPACING). Events often fall on the very dates it marks (a year's first day, mid-year
 * for "2020"), and a label cannot sit on a connector crossing its column, so such labels are
 * left out; where that leaves a wide gap, a finer step that nests in the grid (months in
 * years, days in months, but not weeks in months) fills in, roundest dates first. A chosen
 * step (--ticks, --tiers) keeps its ticks and thins only their labels, as densely as they
 * fit. Sets *widest to the width of the widest label. */
static bool make_ticks(vertical *v, double *widest, tl_error **err)
{
    tl_chart *c = &v->c;
    tl_ticks_request rq = tl_chart_ticks_request(c);
    int finest;
    const bool tiered = tl_axis_tiers_request(c, &rq, &finest);
    free(v->ticks);
    v->ticks = NULL;
    v->nticks = 0;
    *widest = 0;

    /* A chosen step is its own grid, its labels as dense as they fit. */
    const double dense = v->tick_h + TICK_CANDIDATE_GAP;
    tl_ticks grid, fine = {0};
    if (!ladder_ticks(v, &rq, rq.fixed ? dense : TICK_SPACING, &grid))
        return tl_set_error(err, TL_ERROR_CONFIG, "cannot measure tick labels");
    if (!rq.fixed && !ladder_ticks(v, &rq, dense, &fine)) {
        tl_ticks_free(&grid);
        return tl_set_error(err, TL_ERROR_CONFIG, "cannot measure tick labels");
    }
    /* on_grid[k]: the grid tick at fine tick k, or -1. */
    long *on_grid = tl_xmalloc((fine.count + 1) * sizeof *on_grid);
    const bool nests = !rq.fixed && tl_ticks_nest(&grid, &fine, on_grid);
    const tl_ticks *cand = nests ? &fine : &grid;
    const size_t nc = cand->count;

    /* Only the connectors of left-hand cards cross the column, level with their marks or the
     * tops of their bars. */
    double *blocked = tl_xmalloc((v->ncards + 1) * sizeof *blocked);
    size_t nblocked = 0;
    for (size_t k = 0; k < v->ncards; k++)
        if (v->cards[k].side == 0)
            blocked[nblocked++] = y_at(v, v->cards[k].at);
    qsort(blocked, nblocked, sizeof *blocked, cmp_double);

    v->ticks = tl_xcalloc(nc + 1, sizeof *v->ticks);
    v->nticks = nc;
    int *level = tl_xmalloc((nc + 1) * sizeof *level);
    double *y = tl_xmalloc((nc + 1) * sizeof *y);
    bool *shown = tl_xmalloc((nc + 1) * sizeof *shown);
    const double clear = v->tick_h / 2 + TICK_CLEAR;
    enum { GRID = 100 }; /* above any roundness */
    for (size_t k = 0; k < nc; k++) {
        y[k] = v->ticks[k].y = cand->items[k].x;
        if (any_in(blocked, nblocked, y[k] - clear, y[k] + clear))
            level[k] = -1;
        else if (!nests || on_grid[k] >= 0)
            level[k] = GRID + tl_ticks_roundness(grid.unit, grid.step, cand->items[k].t);
        else
            level[k] = tl_ticks_roundness(fine.unit, fine.step, cand->items[k].t);
    }
    tl_ticks_thin(y, level, nc, rq.fixed ? dense : TICK_SPACING, shown);
    for (size_t k = 0; k < nc; k++) {
        v->ticks[k].shown = shown[k];
        grid.thinned = grid.thinned || (rq.fixed && level[k] >= 0 && !shown[k]);
    }
    bool ok = label_ticks(v, &rq, tiered, &grid, &fine, nests, on_grid, widest, err);
    if (ok && tiered) {
        tl_scale s;
        tl_vertical_line_scale(v, &s);
        height_measurer hm = {.m = c->m};
        const tl_text_measurer adapter = {.measure = measure_height, .user = &hm};
        ok = tl_vertical_tiers_make(v, &s, &rq, &adapter, blocked, nblocked, err);
    }
    if (ok)
        tl_chart_warn_thinned(c, &grid);
    tl_ticks_free(&grid);
    tl_ticks_free(&fine);
    free(on_grid);
    free(blocked);
    free(level);
    free(y);
    free(shown);
    return ok;
}

/* ---------------------------------------------------------------------------------------------
 * Laying out the rows
 * ------------------------------------------------------------------------------------------- */

/* Lays out the rows for the current columns: measures the cards for the card width, chooses
 * the scale, gives spans their bar lanes and the line its ticks. */
bool tl_vertical_lay_out(vertical *v, double *widest_tick, tl_error **err)
{
    const tl_layout_options *opts = v->c.opts;
    v->keep = v->ncards;
    if (!measure_cards(v, TITLE_LINES, DESC_LINES, err))
        return false;
    double attach = 0;
    for (size_t k = 0; k < v->ncards; k++)
        attach = fmax(attach, v->cards[k].attach);
    v->ya = v->plot_top + fmax(AXIS_PAD, fmax(attach, v->tick_h / 2 + 2));
    if (opts->height > 0) {
        if (!fit_height(v, opts->height, err))
            return false;
    } else {
        fit_natural(v);
    }
    assign_lanes(v);
    return make_ticks(v, widest_tick, err);
}
