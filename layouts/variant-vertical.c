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
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "footnotes.h"
#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "data/date.h"
#include "common/tl-calendar.h"
#include "density.h"
#include "labels.h"
#include "scale.h"
#include "style.h"
#include "ticks.h"
#include "variant.h"

/* ---------------------------------------------------------------------------------------------
 * Geometry, in points
 * ------------------------------------------------------------------------------------------- */

enum {
    TITLE_LINES = 3,
    DESC_LINES = 4,
    GUTTER_LINES = 3,
    MAX_BAR_LANES = 3, /* span bars beside the line, per side */
    MAX_ERA_LANES = 3, /* era strips in the gutter */
};

static const double AXIS_W = 2;
static const double AXIS_PAD = 14;      /* the line runs this far past the first and last dates */
static const double TICK_LEN = 4;       /* the tick, left of the line */
static const double TICK_LABEL_GAP = 3; /* tick to its label */
static const double TICK_CANDIDATE_GAP = 6; /* between candidate tick labels */
static const double TICK_SPACING = 44;      /* between neighbouring tick labels' centres */
static const double TICK_CLEAR = 2;         /* tick label to a connector crossing its column */
static const double BAR_W = 5;
static const double BAR_GAP = 3;
static const double BAR_MIN = 5; /* a span of a few days still shows as a bar */
static const double LANE_W = 24; /* between the bars and the cards: where connectors slant */
static const double LANE_W_NARROW = 12;
static const double CARD_PAD_X = 8;
static const double CARD_PAD_X_NARROW = 6;
static const double CARD_PAD_Y = 6;
static const double CARD_STRIPE = 3; /* the event's colour, on the edge facing the line */
static const double CARD_RADIUS = 4;
static const double CARD_GAP = 8; /* between cards in a column */
static const double DATE_GAP = 1; /* date line to title */
static const double DESC_GAP = 3; /* title to description */
static const double CARD_MAX_W = 270;
static const double CARD_MIN_W_TWO = 140; /* two columns narrower than this: one column */
static const double NARROW_WIDTH = 460;
static const double GUTTER_GAP = 12;
static const double GUTTER_GAP_NARROW = 8;
static const double GUTTER_LABEL_GAP = 4;
static const double STRIP_W = 3;
static const double STRIP_GAP = 2;
static const double MIN_AXIS = 180;      /* a chart of a few events still gets some length */
static const double MIN_FIXED_AXIS = 40; /* the shortest line a fixed height may leave */
static const double STRETCH = 1.6;       /* the line is at most this many times the stacked cards */
static const double DRIFT = 0.5;         /* mean push of a card, in card heights, to aim for */
static const double MARKER_CLEAR = 3;    /* marker line to the things it breaks around */
/* Level of detail: more cards than two columns of about LOD_HEIGHT_FULL points hold and the
 * chart keeps the most important that about LOD_HEIGHT points hold; the others are counted in
 * a density strip along the line. */
static const double LOD_HEIGHT_FULL = 4000;
static const double LOD_HEIGHT = 4000;
static const double LOD_CARD_H = 64; /* a typical card and the gap after it */
static const double DENSITY_BIN = 1.5;
#define MARK_R TL_CHART_MARK_R
#define MARGIN TL_CHART_MARGIN

/* ---------------------------------------------------------------------------------------------
 * State
 * ------------------------------------------------------------------------------------------- */

/* A point or span event: its mark or bar on the line, and its card. */
typedef struct card {
    size_t ev;
    int64_t at;  /* where its connector leaves the line: a point's instant, a span's start */
    int64_t end; /* a span's end */
    bool span;
    char date_text[160];
    tl_text_block date, title, desc;
    bool has_desc;
    double h;      /* the whole card */
    double attach; /* card top to where the connector meets it: the middle of the date line */
    size_t rank;   /* when the page is short, cards of higher rank are left out first */

    /* The plan. */
    bool kept;
    int side; /* 0 left of the line, 1 right; -1 when the card is left out */
    double top;
    int bar_side, lane; /* a span's bar; lane -1 when it is drawn as a mark on the line */
} card;

/* An era or a marker, labelled in the gutter. */
typedef struct band {
    size_t ev;
    bool marker;
    int64_t t0, t1; /* an era's extent; a marker's instant twice */
    tl_text_block label;
    int lane; /* an era's strip in the gutter, -1 for none */
    double want, top;
    bool shown;
} band;

/* A tick, labelled left of the line. */
typedef struct tick_text {
    double y;
    char text[64];
    tl_text_block label;
    const tl_font *font;
    bool shown;
} tick_text;

typedef struct vertical {
    tl_chart c;
    card *cards; /* by `at`, then chart order */
    size_t ncards;
    band *bands; /* chart order */
    size_t nbands;
    int64_t lo, hi;
    bool has_spans, has_eras;

    /* Columns. */
    bool two_sides;
    double gutter_x, gutter_w, gutter_text_x, gutter_text_w;
    int era_lanes;
    double axis_x;
    double tick_w;     /* the tick labels' column, left of the line */
    double tick_in;    /* distance from the line to the right edge of the tick labels */
    int bar_lanes;     /* per side */
    double bar_in[2];  /* distance from the line to the first bar lane, left and right */
    double lane_in[2]; /* distance from the line to the connector lane */
    double card_w, card_x[2], card_pad_x;

    /* Rows. */
    double plot_top, ya, pps;
    double axis_top, axis_bottom, cards_bottom, bottom;
    double pushed; /* how far the cards were pushed below their dates, in all */
    double tick_h; /* of a tick label */
    tick_text *ticks;
    size_t nticks;
    int title_lines, desc_lines;
    size_t keep; /* cards of rank below this are kept */
    /* Level of detail: events counted in the density strip instead of given a card. */
    bool lod;
    size_t *summarised, nsummarised;
} vertical;

static const tl_event *event(const vertical *v, size_t i)
{
    return tl_chart_event(&v->c, i);
}

static double y_at(const vertical *v, int64_t t)
{
    return v->ya + (double)(t - v->lo) * v->pps;
}

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
    tl_lod_item *items = tl_xmalloc(n * sizeof *items);
    for (size_t k = 0; k < n; k++) {
        const tl_event *ev = event(v, order[k].index);
        const int64_t end = ev->has_end ? ev->end.hi : ev->start.hi;
        items[k] = (tl_lod_item){
            .x = (double)order[k].key,
            .length = ev->type == TL_EVENT_SPAN ? (double)(end - ev->start.lo) : 0,
            .importance = ev->importance,
        };
    }
    size_t *best = tl_xmalloc(n * sizeof *best);
    tl_lod_order(items, n, (double)v->lo, (double)v->hi, best);
    bool *chosen = tl_xcalloc(n, sizeof *chosen);
    for (size_t j = 0; j < keep; j++)
        chosen[best[j]] = true;
    for (size_t k = 0; k < n; k++)
        if (!chosen[k])
            v->summarised[v->nsummarised++] = order[k].index;
    free(best);
    free(items);
    return chosen;
}

/* Cards in the order of the dates their connectors point at: a point is drawn at the middle
 * of its date's interval, so "2020" (mid-year) comes after "2020-03-20". Only the events that
 * get one have a card (level of detail). */
static void collect(vertical *v)
{
    const size_t n = v->c.n;
    tl_chart_extent(&v->c, &v->lo, &v->hi);
    v->bands = tl_xcalloc(n + 1, sizeof *v->bands);
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
            v->bands[v->nbands++] =
                (band){.ev = i, .t0 = ev->start.lo, .t1 = ev->has_end ? ev->end.hi : v->hi};
            v->has_eras = true;
            break;
        case TL_EVENT_MARKER: {
            int64_t t = tl_chart_point_instant(ev);
            v->bands[v->nbands++] = (band){.ev = i, .marker = true, .t0 = t, .t1 = t};
            break;
        }
        }
    }
    tl_keyed_sort(order, npoints);
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
    free(order);
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

static double inner_width(const vertical *v)
{
    return fmax(20, v->card_w - 2 * v->card_pad_x - CARD_STRIPE);
}

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
    v->lane_in[0] = v->tick_in + v->tick_w;
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
        return tl_set_error(err, TL_ERROR_USAGE,
                            "a height of %.0f pt cannot hold this chart (it needs at least "
                            "%.0f pt)",
                            height, ceil(height - limit + v->ya + AXIS_PAD + MIN_FIXED_AXIS));

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
static double bar_end(const vertical *v, const card *cd)
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
        const double y0 = y_at(v, cd->at), y1 = bar_end(v, cd);
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
static bool has_mark(const card *cd)
{
    return !cd->span || cd->lane < 0;
}

static double bar_x(const vertical *v, const card *cd)
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

/* Calendar ticks for the line: the densest step of the calendar ladder whose labels keep
 * `spacing` points apart. */
static bool ladder_ticks(const vertical *v, double spacing, tl_ticks *out)
{
    tl_scale s = {0};
    tl_scale_init_mapped(&s, v->lo, v->hi, v->ya, y_at(v, v->hi), v->axis_top, v->axis_bottom);
    height_measurer hm = {.m = v->c.m};
    const tl_text_measurer adapter = {.measure = measure_height, .user = &hm};
    return tl_ticks_generate(&s, &adapter, &v->c.font.tick, spacing - v->tick_h, v->axis_top,
                             v->axis_bottom, out);
}

/* Calendar ticks along the line. The labels follow a regular grid (the ladder's step for
 * TICK_SPACING). Events often fall on the very dates it marks (a year's first day, mid-year
 * for "2020"), and a label cannot sit on a connector crossing its column, so such labels are
 * left out; where that leaves a wide gap, a finer step that nests in the grid (months in
 * years, days in months, but not weeks in months) fills in, roundest dates first. Sets
 * *widest to the width of the widest label. */
static bool make_ticks(vertical *v, double *widest, tl_error **err)
{
    tl_chart *c = &v->c;
    free(v->ticks);
    v->ticks = NULL;
    v->nticks = 0;
    *widest = 0;

    tl_ticks grid, fine;
    if (!ladder_ticks(v, TICK_SPACING, &grid))
        return tl_set_error(err, TL_ERROR_CONFIG, "cannot measure tick labels");
    if (!ladder_ticks(v, v->tick_h + TICK_CANDIDATE_GAP, &fine)) {
        tl_ticks_free(&grid);
        return tl_set_error(err, TL_ERROR_CONFIG, "cannot measure tick labels");
    }
    /* on_grid[k]: the grid tick at fine tick k, or -1. */
    long *on_grid = tl_xmalloc((fine.count + 1) * sizeof *on_grid);
    const bool nests = tl_ticks_nest(&grid, &fine, on_grid);
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
    double *next = tl_xmalloc((nc + 1) * sizeof *next);
    const double clear = v->tick_h / 2 + TICK_CLEAR;
    enum { GRID = 100 }; /* above any roundness */
    int top = -1;
    for (size_t k = 0; k < nc; k++) {
        tick_text *tt = &v->ticks[k];
        tt->y = cand->items[k].x;
        tt->shown = false;
        if (any_in(blocked, nblocked, tt->y - clear, tt->y + clear))
            level[k] = -1;
        else if (!nests || on_grid[k] >= 0)
            level[k] = GRID + tl_ticks_roundness(grid.unit, grid.step, cand->items[k].t);
        else
            level[k] = tl_ticks_roundness(fine.unit, fine.step, cand->items[k].t);
        top = level[k] > top ? level[k] : top;
    }
    /* One pass per level, highest first; within a pass, a label keeps its distance from
     * those kept before it in the pass and from every label of a higher level. */
    for (int lv = top; lv >= 0; lv--) {
        next[nc] = INFINITY;
        for (size_t k = nc; k-- > 0;)
            next[k] = v->ticks[k].shown ? v->ticks[k].y : next[k + 1];
        double last = -INFINITY;
        for (size_t k = 0; k < nc; k++) {
            tick_text *tt = &v->ticks[k];
            if (level[k] == lv && tt->y - last >= TICK_SPACING &&
                next[k + 1] - tt->y >= TICK_SPACING)
                tt->shown = true;
            if (tt->shown)
                last = tt->y;
        }
    }

    /* Grid ticks are named in the grid's unit ("Mar", "2020"), fill-ins in the finer one. */
    tl_civil prev;
    bool have_prev = false, ok = true;
    for (size_t k = 0; k < nc && ok; k++) {
        tick_text *tt = &v->ticks[k];
        if (!tt->shown)
            continue;
        const bool grid_tick = !nests || on_grid[k] >= 0;
        const tl_tick *tk = !nests      ? &grid.items[k]
                            : grid_tick ? &grid.items[on_grid[k]]
                                        : &fine.items[k];
        /* A year among months stands out, as the band names do. */
        tt->font = tl_ticks_label_one_tier(grid_tick ? grid.unit : fine.unit, tk,
                                           have_prev ? &prev : NULL, tt->text, sizeof tt->text)
                       ? &c->font.band
                       : &c->font.tick;
        tl_cal_split(tk->t, &prev);
        have_prev = true;
        ok = tl_chart_measure(c, tt->font, &tt->label, tt->text, 0, 1, err);
        *widest = fmax(*widest, tt->label.ext.width);
    }
    tl_ticks_free(&grid);
    tl_ticks_free(&fine);
    free(on_grid);
    free(blocked);
    free(level);
    free(next);
    return ok;
}

/* ---------------------------------------------------------------------------------------------
 * Emitting the scene
 * ------------------------------------------------------------------------------------------- */

static tl_color mix(tl_color a, tl_color b, double t)
{
    return (tl_color){a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t,
                      a.a + (b.a - a.a) * t};
}

static double plot_right(const vertical *v)
{
    return v->c.scene->width - MARGIN;
}

/* Era washes across the plot, from the era's start to its end on the line, and each era's
 * strip in the gutter. */
static void emit_eras(vertical *v)
{
    tl_chart *c = &v->c;
    for (size_t k = 0; k < v->nbands; k++) {
        const band *b = &v->bands[k];
        if (b->marker)
            continue;
        double y0 = fmax(y_at(v, b->t0), v->axis_top);
        double y1 = fmin(y_at(v, b->t1), v->axis_bottom);
        if (y1 - y0 < 1)
            y1 = y0 + 1;
        tl_color color = tl_chart_era_color(c, b->ev);
        tl_color wash = color, strip = color;
        wash.a = c->th->era_alpha;
        strip.a = fmin(1, c->th->era_alpha * 4);
        tl_scene_add_rect(c->scene, TL_ROLE_ERA, (int32_t)b->ev, MARGIN, y0, plot_right(v) - MARGIN,
                          y1 - y0, wash);
        if (b->lane >= 0) {
            tl_rect_op *r = tl_scene_add_rect(c->scene, TL_ROLE_ERA, (int32_t)b->ev,
                                              v->gutter_x + b->lane * (STRIP_W + STRIP_GAP), y0,
                                              STRIP_W, y1 - y0, strip);
            r->radius = 1;
        }
    }
}

typedef struct obstacle {
    double x0, y0, x1, y1;
} obstacle;

static int cmp_obstacle(const void *a, const void *b)
{
    const obstacle *x = a, *y = b;
    return (x->y0 > y->y0) - (x->y0 < y->y0);
}

static void card_box(const vertical *v, const card *cd, obstacle *o)
{
    *o = (obstacle){v->card_x[cd->side], cd->top, v->card_x[cd->side] + v->card_w, cd->top + cd->h};
}

/* Marker lines across the plot, from the marker's label, broken around the cards, tick
 * labels, bars and gutter labels they would cross. */
static void emit_markers(vertical *v)
{
    tl_chart *c = &v->c;
    size_t nmarkers = 0;
    for (size_t k = 0; k < v->nbands; k++)
        nmarkers += v->bands[k].marker;
    if (!nmarkers)
        return;

    obstacle *obs = tl_xmalloc((v->ncards * 2 + v->nticks + v->nbands + 1) * sizeof *obs);
    size_t nobs = 0;
    double tallest = 0;
    for (size_t k = 0; k < v->ncards; k++) {
        const card *cd = &v->cards[k];
        if (cd->side >= 0)
            card_box(v, cd, &obs[nobs++]);
        if (cd->span && cd->lane >= 0) {
            double x = bar_x(v, cd);
            obs[nobs++] = (obstacle){x, y_at(v, cd->at), x + BAR_W, bar_end(v, cd)};
        }
    }
    for (size_t k = 0; k < v->nticks; k++) {
        const tick_text *tt = &v->ticks[k];
        if (tt->shown) {
            double x1 = v->axis_x - v->tick_in;
            obs[nobs++] = (obstacle){x1 - tt->label.ext.width, tt->y - tt->label.ext.height / 2, x1,
                                     tt->y + tt->label.ext.height / 2};
        }
    }
    for (size_t k = 0; k < v->nbands; k++) {
        const band *b = &v->bands[k];
        if (b->shown)
            obs[nobs++] =
                (obstacle){v->gutter_text_x, b->top, v->gutter_text_x + b->label.ext.width,
                           b->top + b->label.ext.height};
    }
    for (size_t k = 0; k < nobs; k++)
        tallest = fmax(tallest, obs[k].y1 - obs[k].y0);
    qsort(obs, nobs, sizeof *obs, cmp_obstacle);

    double *cuts = tl_xmalloc(2 * (nobs + 1) * sizeof *cuts);
    for (size_t k = 0; k < v->nbands; k++) {
        const band *b = &v->bands[k];
        if (!b->marker)
            continue;
        const double y = y_at(v, b->t0);
        const double x0 = b->shown ? v->gutter_text_x + b->label.ext.width + 4 : MARGIN;
        const double x1 = plot_right(v);
        /* The first obstacle that may reach down to y. */
        size_t lo = 0, hi = nobs;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (obs[mid].y0 < y - tallest - MARKER_CLEAR)
                lo = mid + 1;
            else
                hi = mid;
        }
        size_t ncuts = 0;
        for (size_t j = lo; j < nobs && obs[j].y0 <= y + MARKER_CLEAR; j++) {
            if (obs[j].y1 < y - MARKER_CLEAR || obs[j].x1 < x0 || obs[j].x0 > x1)
                continue;
            cuts[2 * ncuts] = obs[j].x0 - MARKER_CLEAR;
            cuts[2 * ncuts + 1] = obs[j].x1 + MARKER_CLEAR;
            ncuts++;
        }
        qsort(cuts, ncuts, 2 * sizeof *cuts, cmp_double);
        const tl_stroke st = {
            .color = tl_chart_event_color(c, b->ev), .width = 1, .dash = TL_DASH_DASHED};
        double x = x0;
        for (size_t n = 0; n <= ncuts; n++) {
            double stop = n < ncuts ? cuts[2 * n] : x1;
            if (stop > x + 1)
                tl_scene_add_line(c->scene, TL_ROLE_MARKER, (int32_t)b->ev, x, y, stop, y, st);
            if (n < ncuts && cuts[2 * n + 1] > x)
                x = cuts[2 * n + 1];
        }
    }
    free(cuts);
    free(obs);
}

static void emit_axis(vertical *v)
{
    tl_chart *c = &v->c;
    tl_color line = c->th->faint;
    line.a *= 0.7;
    tl_scene_add_rect(c->scene, TL_ROLE_AXIS, -1, v->axis_x - AXIS_W / 2, v->axis_top, AXIS_W,
                      v->axis_bottom - v->axis_top, line);
}

static void emit_ticks(vertical *v)
{
    tl_chart *c = &v->c;
    const tl_stroke tick = {.color = c->th->faint, .width = 0.8};
    const double x1 = v->axis_x - v->tick_in;
    for (size_t k = 0; k < v->nticks; k++) {
        const tick_text *tt = &v->ticks[k];
        if (!tt->shown || tt->label.ext.width > v->tick_w + 0.01)
            continue;
        tl_scene_add_line(c->scene, TL_ROLE_TICK, -1, x1 + TICK_LABEL_GAP - 1, tt->y,
                          v->axis_x - AXIS_W / 2, tt->y, tick);
        tl_chart_add_text(c, TL_ROLE_TICK_LABEL, -1, x1 - tt->label.ext.width,
                          tt->y - tt->label.ext.height / 2, &tt->label, tt->font, c->th->axis_text,
                          false);
    }
}

static void emit_bars(vertical *v)
{
    tl_chart *c = &v->c;
    for (size_t k = 0; k < v->ncards; k++) {
        const card *cd = &v->cards[k];
        if (!cd->span || cd->lane < 0 || (v->lod && cd->side < 0))
            continue;
        const tl_event *ev = event(v, cd->ev);
        tl_color color = tl_chart_event_color(c, cd->ev);
        double y0 = y_at(v, cd->at), y1 = bar_end(v, cd);
        tl_rect_op *bar = tl_scene_add_rect(c->scene, TL_ROLE_SPAN, (int32_t)cd->ev, bar_x(v, cd),
                                            y0, BAR_W, y1 - y0, color);
        bar->radius = 2;
        tl_style_bar(bar, ev->status, color);
    }
}

/* A connector runs level from its mark (or bar) to the lane, then straight to the card: level
 * all the way when the card is at its date, slanting down when it was pushed. */
static void emit_connectors(vertical *v)
{
    tl_chart *c = &v->c;
    for (size_t k = 0; k < v->ncards; k++) {
        const card *cd = &v->cards[k];
        if (cd->side < 0)
            continue;
        const tl_event *ev = event(v, cd->ev);
        const double dir = cd->side == 1 ? 1 : -1;
        const double y0 = y_at(v, cd->at), y1 = cd->top + cd->attach;
        double x0 = v->axis_x + dir * MARK_R;
        if (!has_mark(cd))
            x0 = cd->side == 1 ? bar_x(v, cd) + BAR_W : bar_x(v, cd);
        const double xl = v->axis_x + dir * v->lane_in[cd->side];
        const double x1 = cd->side == 1 ? v->card_x[1] : v->card_x[0] + v->card_w;
        const tl_stroke st = {
            .color = c->th->faint, .width = 0.8, .dash = tl_style_status(ev->status)->stem_dash};
        if (y1 - y0 < 0.01) {
            tl_scene_add_line(c->scene, TL_ROLE_EVENT_STEM, (int32_t)cd->ev, x0, y0, x1, y0, st);
            continue;
        }
        if (dir * (xl - x0) > 0.01)
            tl_scene_add_line(c->scene, TL_ROLE_EVENT_STEM, (int32_t)cd->ev, x0, y0, xl, y0, st);
        tl_scene_add_line(c->scene, TL_ROLE_EVENT_STEM, (int32_t)cd->ev, xl, y0, x1, y1, st);
    }
}

static void emit_marks(vertical *v)
{
    tl_chart *c = &v->c;
    for (size_t k = 0; k < v->ncards; k++) {
        const card *cd = &v->cards[k];
        if (!has_mark(cd) || (v->lod && cd->side < 0))
            continue;
        const tl_event *ev = event(v, cd->ev);
        tl_chart_add_marker(c, TL_ROLE_EVENT_MARK, (int32_t)cd->ev, v->axis_x, y_at(v, cd->at),
                            MARK_R, tl_chart_group_shape(c, ev->group_index), ev->status,
                            tl_chart_event_color(c, cd->ev));
    }
}

/* A card: a light panel with a stripe of the event's colour on the edge facing the line,
 * holding the date, the title and the description. */
static void emit_cards(vertical *v)
{
    tl_chart *c = &v->c;
    const tl_color fill = mix(c->th->background, c->th->axis_fill, 0.55);
    tl_color edge = c->th->faint;
    edge.a *= 0.45;
    for (size_t k = 0; k < v->ncards; k++) {
        const card *cd = &v->cards[k];
        if (cd->side < 0)
            continue;
        const tl_event *ev = event(v, cd->ev);
        const tl_status_style *st = tl_style_status(ev->status);
        const double x = v->card_x[cd->side];
        tl_rect_op *panel = tl_scene_add_rect(c->scene, TL_ROLE_CARD, (int32_t)cd->ev, x, cd->top,
                                              v->card_w, cd->h, fill);
        panel->radius = CARD_RADIUS;
        panel->stroke = (tl_stroke){.color = edge, .width = 0.6};
        tl_color accent = tl_chart_event_color(c, cd->ev);
        if (st->strike)
            accent.a *= 0.4;
        double sx = cd->side == 1 ? x : x + v->card_w - CARD_STRIPE;
        tl_rect_op *stripe = tl_scene_add_rect(c->scene, TL_ROLE_CARD, (int32_t)cd->ev, sx, cd->top,
                                               CARD_STRIPE, cd->h, accent);
        stripe->radius = 1;

        const double tx = x + v->card_pad_x + (cd->side == 1 ? CARD_STRIPE : 0);
        double y = cd->top + CARD_PAD_Y;
        tl_chart_add_text(c, TL_ROLE_EVENT_DATE, (int32_t)cd->ev, tx, y, &cd->date, &c->font.date,
                          c->th->muted, false);
        y += cd->date.ext.height + DATE_GAP;
        tl_chart_add_text(c, TL_ROLE_EVENT_LABEL, (int32_t)cd->ev, tx, y, &cd->title,
                          &c->font.label, st->strike ? c->th->muted : c->th->text, st->strike);
        y += cd->title.ext.height + DESC_GAP;
        if (cd->has_desc)
            tl_chart_add_text(c, TL_ROLE_NOTE, (int32_t)cd->ev, tx, y, &cd->desc, &c->font.body,
                              c->th->muted, false);
        c->scene->events[cd->ev].placed = true;
    }
}

static void emit_gutter_labels(vertical *v)
{
    tl_chart *c = &v->c;
    for (size_t k = 0; k < v->nbands; k++) {
        const band *b = &v->bands[k];
        if (!b->shown)
            continue;
        tl_chart_add_text(c, b->marker ? TL_ROLE_MARKER_LABEL : TL_ROLE_ERA_LABEL, (int32_t)b->ev,
                          v->gutter_text_x, b->top, &b->label, &c->font.band,
                          b->marker ? c->th->text : c->th->muted, false);
        c->scene->events[b->ev].placed = true;
    }
}

/* The events without a card (and, with a fixed height, those whose card was left out), as a
 * strip of bars across the line, under it and its marks: as wide as a mark at the peak. */
static bool emit_density(vertical *v, tl_error **err)
{
    if (!v->lod)
        return true;
    tl_chart *c = &v->c;
    size_t labelled = 0;
    for (size_t k = 0; k < v->ncards; k++) {
        if (v->cards[k].side >= 0)
            labelled++;
        else
            v->summarised[v->nsummarised++] = v->cards[k].ev;
    }
    tl_density d;
    /* A long line gets wider bins: a few hundred along it read as a profile, not as ticks. */
    const double y0 = y_at(v, v->lo), y1 = y_at(v, v->hi);
    tl_density_init(&d, y0, y1, fmax(DENSITY_BIN, (y1 - y0) / 400));
    for (size_t k = 0; k < v->nsummarised; k++) {
        size_t i = v->summarised[k];
        const tl_event *ev = event(v, i);
        tl_density_add(
            &d, y_at(v, ev->type == TL_EVENT_SPAN ? ev->start.lo : tl_chart_point_instant(ev)));
        c->scene->events[i].summarised = true;
    }
    tl_density_emit_violin(&d, c->scene, v->axis_x, MARK_R + 1.5, tl_chart_density_color(c));
    tl_density_free(&d);
    return tl_chart_set_summary(c, labelled, v->nsummarised, err);
}

/* ---------------------------------------------------------------------------------------------
 * Driver
 * ------------------------------------------------------------------------------------------- */

/* Lays out the rows for the current columns: measures the cards for the card width, chooses
 * the scale, gives spans their bar lanes and the line its ticks. */
static bool lay_out(vertical *v, double *widest_tick, tl_error **err)
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

static bool vertical_run(const tl_timeline *tl, const tl_layout_options *opts,
                         const tl_text_measurer *measurer, tl_scene *scene, tl_error **err)
{
    bool ok = false;
    vertical v = {0};
    tl_chart_init(&v.c, tl, opts, measurer, scene);
    collect(&v);
    tl_footnotes_number(&v.c, v.summarised, v.nsummarised);
    rank_cards(&v);
    v.era_lanes = pack_era_lanes(&v);
    v.bar_lanes = bar_lanes_needed(&v);

    unsigned legend = (v.has_spans ? TL_LEGEND_SPANS : 0) | (v.has_eras ? TL_LEGEND_ERAS : 0);
    if (v.lod)
        v.c.lod_candidates = v.ncards;
    if (!tl_chart_frame(&v.c, legend, err))
        goto done;
    v.plot_top = v.c.header_h;
    if (!size_gutter(&v, err) || !measure_bands(&v, err))
        goto done;

    /* The tick column starts as wide as a year's label and grows to the widest label the
     * chosen ticks need; growing narrows the cards, which changes the scale, so repeat. */
    tl_text_block probe;
    char year[32];
    tl_civil first;
    tl_cal_split(v.hi, &first);
    tl_cal_format_year(first.year, year, sizeof year);
    if (!tl_chart_measure(&v.c, &v.c.font.tick, &probe, year, 0, 1, err))
        goto done;
    v.tick_h = probe.ext.height;
    v.tick_w = probe.ext.width;
    for (int pass = 0;; pass++) {
        layout_columns(&v);
        double widest = 0;
        if (!lay_out(&v, &widest, err))
            goto done;
        if (widest <= v.tick_w + 0.01 || pass == 2)
            break; /* after the last pass, labels still too wide are left out */
        v.tick_w = widest;
    }

    if (opts->height > 0) {
        scene->height = opts->height;
    } else {
        scene->height = ceil(v.bottom + v.c.footer_h);
    }
    emit_eras(&v);
    emit_markers(&v);
    if (!emit_density(&v, err))
        goto done;
    emit_axis(&v);
    emit_ticks(&v);
    emit_connectors(&v);
    emit_bars(&v);
    emit_marks(&v);
    emit_cards(&v);
    emit_gutter_labels(&v);
    tl_chart_emit_header(&v.c);
    tl_chart_emit_footer(&v.c, opts->height > 0 ? opts->height - v.c.footer_h : v.bottom);
    tl_chart_report_unplaced(&v.c);
    ok = true;
done:
    tl_chart_fini(&v.c);
    free(v.cards);
    free(v.summarised);
    free(v.bands);
    free(v.ticks);
    return ok;
}

const tl_variant_ops tl_variant_vertical = {
    .name = "vertical",
    .run = vertical_run,
};
