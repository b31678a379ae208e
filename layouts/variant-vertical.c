/* The vertical layout: time runs down the page along a line, and every event is a card beside
 * it, joined to its mark on the line by a connector. Made for long, printable timelines and
 * for narrow report columns.
 *
 *   title, subtitle
 *   gutter        left column                 line               right column
 *   ┃ Era         ┌──────────────┐              │
 *   ┃ label       │ date         ├──────────────●
 *   ┃             │ Title        │         2020 ┤                ┌──────────────┐
 *   ┃             └──────────────┘              │ ┃──────────────┤ date         │  a span: bar
 *   Marker - - - - - - - - - - - - - - - - - - -│-┃- - - - - -   │ Title        │  beside the
 *                                          Apr ┤●──────────╮    │ description  │  line
 *                                               │           ╲   └──────────────┘
 *   legend, caption
 *
 * Time is linear, so every mark sits at its true date. A card sits level with its mark when
 * its column is free there, else just below the column's previous card; its connector then
 * slants down through a lane that holds nothing else, so connectors cross no card, no tick
 * label and no other connector. Tick labels stand in a narrow column just left of the line,
 * where only the connectors of left-hand cards cross, level; a label is left out where one
 * does. The line is as long as the cards stacked without gaps, longer where the cards need
 * it to fit along it, and never much longer, so a chart whose events cluster stays compact.
 * Below NARROW_WIDTH, or when two columns would be too narrow, every card goes right of a
 * line near the left edge, its dates to the left.
 *
 * With a fixed height the chart shrinks its time scale, then shortens and drops descriptions,
 * then shortens titles, then leaves out the cards of the least important events.
 */
#include "vertical.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-calendar.h"
#include "arrows.h"
#include "footnotes.h"
#include "labels.h"
#include "variant.h"

/* ---------------------------------------------------------------------------------------------
 * Collecting and measuring
 * ------------------------------------------------------------------------------------------- */

/* Level of detail: with more points and spans (`order`, by date) than the page can sensibly
 * hold cards for, returns which are most deserving of one (tl_lod_order) and lists the others
 * as summarised; else NULL. */
static bool *choose_lod(vertical *v, const tl_keyed *order, size_t n)
{
    const double sides = v->c.scene->width >= NARROW_WIDTH ? 2 : 1;
    if (n <= (size_t)(sides * LOD_HEIGHT_FULL / LOD_CARD_H))
        return NULL;
    const size_t keep = (size_t)(sides * LOD_HEIGHT / LOD_CARD_H);
    v->lod = true;
    v->summarised = tl_xmalloc((n + 1) * sizeof *v->summarised);
    size_t *events = tl_xmalloc((n + 1) * sizeof *events);
    double *x = tl_xmalloc((n + 1) * sizeof *x);
    for (size_t k = 0; k < n; k++) {
        events[k] = order[k].index;
        x[k] = (double)order[k].key;
    }
    bool *chosen =
        tl_chart_keep_best(&v->c, events, x, n, (double)v->lo, (double)v->hi, keep, 0, NULL);
    for (size_t k = 0; k < n; k++)
        if (!chosen[k])
            v->summarised[v->nsummarised++] = order[k].index;
    free(x);
    free(events);
    return chosen;
}

/* The points and spans in the order of the dates their connectors point at: a point is drawn
 * at the middle of its date's interval, so "2020" (mid-year) comes after "2020-03-20"; the
 * eras and markers, for the gutter. */
static void collect(vertical *v)
{
    const size_t n = v->c.n;
    tl_chart_extent(&v->c, &v->lo, &v->hi);
    /* A log scale: the fraction of the way down the line, 0 the oldest, 1 the present. */
    tl_scale_init_mapped(&v->warp, v->lo, v->hi, 0, 1, 0, 1);
    tl_chart_scale_log(&v->c, &v->warp);
    v->log = v->warp.log;
    /* Grown as eras and markers come: a band per event would ask for 240 MB at a million. */
    size_t band_cap = 0;
    v->bands = tl_xgrow(NULL, &band_cap, 1, sizeof *v->bands);
    tl_keyed *order = tl_xmalloc((n + 1) * sizeof *order);
    size_t npoints = 0;
    for (size_t i = 0; i < n; i++) {
        const tl_event *ev = event(v, i);
        switch (ev->type) {
        case TL_EVENT_POINT:
            order[npoints++] = (tl_keyed){tl_chart_point_instant(ev), i};
            break;
        case TL_EVENT_SPAN:
            order[npoints++] = (tl_keyed){ev->start.lo, i};
            v->has_spans = true;
            break;
        case TL_EVENT_ERA:
            v->bands = tl_xgrow(v->bands, &band_cap, v->nbands + 1, sizeof *v->bands);
            v->bands[v->nbands++] =
                (band){.ev = i, .t0 = ev->start.lo, .t1 = ev->has_end ? ev->end.hi : v->hi};
            v->has_eras = true;
            break;
        case TL_EVENT_MARKER: {
            int64_t t = tl_chart_point_instant(ev);
            v->bands = tl_xgrow(v->bands, &band_cap, v->nbands + 1, sizeof *v->bands);
            v->bands[v->nbands++] = (band){.ev = i, .marker = true, .t0 = t, .t1 = t};
            break;
        }
        }
    }
    tl_keyed_sort(order, npoints);
    v->order = order;
    v->npoints = npoints;
}

/* The cards, in that order: only the events that get one have a card (level of detail). */
static void make_cards(vertical *v)
{
    const tl_keyed *order = v->order;
    const size_t npoints = v->npoints;
    bool *chosen = choose_lod(v, order, npoints);
    v->cards = tl_xcalloc(npoints - v->nsummarised + 1, sizeof *v->cards);
    size_t ncards = 0;
    for (size_t k = 0; k < npoints; k++) {
        if (chosen && !chosen[k])
            continue;
        const tl_event *ev = event(v, order[k].index);
        card *cd = &v->cards[ncards++];
        cd->ev = order[k].index;
        cd->at = order[k].key;
        cd->span = ev->type == TL_EVENT_SPAN;
        cd->end = cd->span && ev->has_end ? ev->end.hi : ev->start.hi;
        if (cd->end < cd->at)
            cd->end = cd->at;
        tl_chart_date_text(&v->c, cd->ev, cd->date_text, sizeof cd->date_text);
    }
    v->ncards = ncards;
    free(chosen);
    free(v->order);
    v->order = NULL;
}

static unsigned trailing_zeros(size_t k)
{
    unsigned z = 0;
    while (k && !(k & 1)) {
        k >>= 1;
        z++;
    }
    return z;
}

static int cmp_rank(const void *a, const void *b)
{
    const tl_keyed *x = a, *y = b;
    if (x->key != y->key)
        return (x->key < y->key) - (x->key > y->key); /* higher key first */
    return (x->index > y->index) - (x->index < y->index);
}

/* The order in which cards give way to a short page: least important first; among equals,
 * every other card, then every fourth, and so on, so the cards that stay are spread over the
 * whole time range rather than bunched at its start. */
static void rank_cards(vertical *v)
{
    tl_keyed *order = tl_xmalloc((v->ncards + 1) * sizeof *order);
    for (size_t k = 0; k < v->ncards; k++) {
        int imp = event(v, v->cards[k].ev)->importance;
        imp = imp < 1 ? 1 : imp > 5 ? 5 : imp;
        order[k] = (tl_keyed){(int64_t)imp * 64 + trailing_zeros(k + 1), k};
    }
    qsort(order, v->ncards, sizeof *order, cmp_rank);
    for (size_t r = 0; r < v->ncards; r++)
        v->cards[order[r].index].rank = r;
    free(order);
}

/* The gutter's text width: the longest label on one line (on a narrow canvas, where every
 * point counts, the longest word: labels wrap), within bounds for the canvas, and never
 * narrower than the longest word (up to the bound), so no word is broken. */
static bool size_gutter(vertical *v, tl_error **err)
{
    const double width = v->c.scene->width;
    const bool narrow = width < NARROW_WIDTH;
    const double lo = narrow ? 40 : 64, hi = narrow ? 64 : fmax(80, fmin(130, 0.14 * width));
    double label = 0, word = 0;
    for (size_t k = 0; k < v->nbands; k++) {
        const char *title = event(v, v->bands[k].ev)->title;
        tl_text_block b;
        if (!tl_chart_measure(&v->c, &v->c.font.band, &b, title, 0, 1, err))
            return false;
        label = fmax(label, b.ext.width);
        for (const char *p = title; *p;) {
            size_t len = strcspn(p, " \n");
            if (len > 0 && len < 64) {
                char w[64];
                memcpy(w, p, len);
                w[len] = '\0';
                if (!tl_chart_measure(&v->c, &v->c.font.band, &b, w, 0, 1, err))
                    return false;
                word = fmax(word, b.ext.width);
            }
            p += len + (p[len] != '\0');
        }
    }
    v->gutter_text_w = fmin(hi, fmax(lo, narrow ? word : fmax(label, word)));
    return true;
}

static bool measure_bands(vertical *v, tl_error **err)
{
    for (size_t k = 0; k < v->nbands; k++)
        if (!tl_chart_measure(&v->c, &v->c.font.band, &v->bands[k].label,
                              event(v, v->bands[k].ev)->title, v->gutter_text_w, GUTTER_LINES, err))
            return false;
    return true;
}

/* ---------------------------------------------------------------------------------------------
 * Columns
 * ------------------------------------------------------------------------------------------- */

/* Era strips share lanes at the gutter's edge; overlapping eras each keep a visible strip. */
static int pack_era_lanes(vertical *v)
{
    size_t ne = 0;
    tl_row_item *items = tl_xmalloc((v->nbands + 1) * sizeof *items);
    for (size_t k = 0; k < v->nbands; k++)
        if (!v->bands[k].marker)
            items[ne++] = (tl_row_item){.x0 = (double)v->bands[k].t0, .x1 = (double)v->bands[k].t1};
    int used = ne ? tl_labels_pack_rows(items, ne, MAX_ERA_LANES, 0) : 0;
    ne = 0;
    for (size_t k = 0; k < v->nbands; k++)
        v->bands[k].lane = v->bands[k].marker ? -1 : items[ne++].row;
    free(items);
    return used;
}

/* Span bars need as many lanes as spans overlap, up to MAX_BAR_LANES; each side reserves
 * them, since which side a span lands on is only known once the cards are placed. */
static int bar_lanes_needed(const vertical *v)
{
    size_t ns = 0;
    tl_row_item *items = tl_xmalloc((v->ncards + 1) * sizeof *items);
    for (size_t k = 0; k < v->ncards; k++)
        if (v->cards[k].span)
            items[ns++] =
                (tl_row_item){.x0 = (double)v->cards[k].at, .x1 = (double)v->cards[k].end};
    int used = ns ? tl_labels_pack_rows(items, ns, MAX_BAR_LANES, 1) : 0;
    free(items);
    return used;
}

/* Distances out from the line: bar lanes on both sides, then on the left the tick labels
 * (their ticks reach in to the line beneath the bars), then the connector lanes. */
static void set_spine(vertical *v, int left_lanes)
{
    v->bar_in[0] = v->bar_in[1] = MARK_R + BAR_GAP;
    v->tick_in =
        fmax(v->bar_in[0] + left_lanes * (BAR_W + BAR_GAP), AXIS_W / 2 + TICK_LEN) + TICK_LABEL_GAP;
    v->lane_in[0] = v->tick_in + v->tick_w + tl_vertical_tiers_width(v);
    v->lane_in[1] = v->bar_in[1] + v->bar_lanes * (BAR_W + BAR_GAP);
}

/* The columns across the page, for the current tick column width:
 *   [gutter] [left cards] [lane] [tick labels] [bars] line [bars] [lane] [right cards]
 * Two sides are centred in the room right of the gutter; one side hugs the gutter. */
static void layout_columns(vertical *v)
{
    const double width = v->c.scene->width;
    const double left = MARGIN, right = width - MARGIN;
    const bool bands = v->nbands > 0, narrow = width < NARROW_WIDTH;
    const double gutter_gap = narrow ? GUTTER_GAP_NARROW : GUTTER_GAP;
    const double strips = v->era_lanes ? v->era_lanes * (STRIP_W + STRIP_GAP) + 3 : 0;
    const double gutter_w = bands ? strips + v->gutter_text_w : 0;
    set_spine(v, v->bar_lanes);
    const double room = right - left - (bands ? gutter_w + gutter_gap : 0);

    double card_w = (room - v->lane_in[0] - v->lane_in[1] - 2 * LANE_W) / 2;
    v->two_sides = width >= NARROW_WIDTH && card_w >= CARD_MIN_W_TWO;
    if (!v->two_sides)
        set_spine(v, 0);
    double lane = v->two_sides ? LANE_W : LANE_W_NARROW;
    v->gutter_x = left;
    v->gutter_w = gutter_w;
    double plot_x = left + (bands ? gutter_w + gutter_gap : 0);
    v->card_pad_x = v->two_sides ? CARD_PAD_X : CARD_PAD_X_NARROW;
    if (v->two_sides) {
        card_w = fmin(card_w, CARD_MAX_W);
        double block = 2 * (card_w + lane) + v->lane_in[0] + v->lane_in[1];
        double x = plot_x + (room - block) / 2;
        v->card_x[0] = x;
        v->axis_x = x + card_w + lane + v->lane_in[0];
        v->card_x[1] = v->axis_x + v->lane_in[1] + lane;
    } else {
        /* Nothing goes left of the line but its tick labels. */
        v->axis_x = plot_x + v->lane_in[0];
        v->card_x[1] = v->axis_x + v->lane_in[1] + lane;
        card_w = fmin(right - v->card_x[1], 1.25 * CARD_MAX_W);
        v->card_x[0] = v->card_x[1];
    }
    v->card_w = fmax(card_w, 2 * v->card_pad_x + CARD_STRIPE + 20);
    v->gutter_text_x = left + strips;
}

/* ---------------------------------------------------------------------------------------------
 * Hooks
 * ------------------------------------------------------------------------------------------- */

static bool vertical_collect(tl_chart *c, tl_error **err)
{
    (void)err;
    collect((vertical *)c);
    return true;
}

static void vertical_choose(tl_chart *c)
{
    vertical *v = (vertical *)c;
    make_cards(v);
    tl_footnotes_number(c, v->summarised, v->nsummarised);
}

static bool vertical_measure(tl_chart *c, unsigned *legend, tl_error **err)
{
    vertical *v = (vertical *)c;
    (void)err;
    rank_cards(v);
    v->era_lanes = pack_era_lanes(v);
    v->bar_lanes = bar_lanes_needed(v);
    tl_vertical_tiers_init(v);
    *legend = (v->has_spans ? TL_LEGEND_SPANS : 0) | (v->has_eras ? TL_LEGEND_ERAS : 0) |
              tl_arrows_legend(c, false);
    if (v->lod)
        c->lod_candidates = v->ncards;
    c->lod_peak_in_legend = true;
    return true;
}

static bool vertical_plan(tl_chart *c, double height, double *need, tl_error **err)
{
    vertical *v = (vertical *)c;
    v->plot_top = c->header_h;
    if (!size_gutter(v, err) || !measure_bands(v, err))
        return false;

    /* The tick column starts as wide as a year's label and grows to the widest label the
     * chosen ticks need; growing narrows the cards, which changes the scale, so repeat. */
    tl_text_block probe;
    char year[32];
    tl_civil first;
    tl_cal_split(v->hi, &first);
    tl_cal_format_year(first.year, year, sizeof year);
    if (!tl_chart_measure(c, &c->font.tick, &probe, year, 0, 1, err))
        return false;
    v->tick_h = probe.ext.height;
    v->tick_w = probe.ext.width;
    for (int pass = 0;; pass++) {
        layout_columns(v);
        double widest = 0;
        if (!tl_vertical_lay_out(v, &widest, err))
            return false;
        if (pass == 2)
            break; /* after the last pass, labels still too wide are left out */
        const bool tiers_grew = tl_vertical_tiers_grow(v);
        if (widest <= v->tick_w + 0.01 && !tiers_grew)
            break;
        v->tick_w = fmax(v->tick_w, widest);
    }
    /* A fixed height always holds the chart once it is planned: it leaves out what it must. */
    *need = height > 0 ? height : v->bottom + c->footer_h;
    return true;
}

static bool vertical_emit(tl_chart *c, tl_error **err)
{
    return tl_vertical_emit((vertical *)c, err);
}

static void vertical_free(tl_chart *c)
{
    vertical *v = (vertical *)c;
    free(v->order);
    free(v->cards);
    free(v->summarised);
    free(v->bands);
    free(v->ticks);
    tl_vertical_tiers_free(v);
}

static bool vertical_run(const tl_timeline *tl, const tl_layout_options *opts,
                         const tl_text_measurer *measurer, tl_scene *scene, tl_error **err)
{
    return tl_variant_run(&tl_variant_vertical, tl, opts, measurer, scene, err);
}

const tl_variant_ops tl_variant_vertical = {
    .name = "vertical",
    .size = sizeof(vertical),
    .runs_down = true,
    .collect = vertical_collect,
    .choose = vertical_choose,
    .measure = vertical_measure,
    .plan = vertical_plan,
    .emit = vertical_emit,
    .free = vertical_free,
    .run = vertical_run,
};
