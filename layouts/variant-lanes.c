/* The lanes layout: one horizontal lane per group, the group's name in a left gutter, under a
 * shared time axis. Inside a lane, spans are bars and points are diamonds, packed into the
 * fewest rows (first-fit interval packing; items that merely touch share a row). A label sits
 * inside its bar when it fits, beside it otherwise.
 *
 *   title, subtitle
 *   era and marker labels
 *            ═══ axis band ═══
 *   India  │ ▬▬▬ label   ◆ label        │
 *   Japan  │      ▬▬▬▬▬▬▬ label ▬▬▬▬    │
 *   legend, caption
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arrows.h"
#include "axis.h"
#include "bands.h"
#include "chart.h"
#include "footnotes.h"
#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "data/date.h"
#include "density.h"
#include "labels.h"
#include "lanes-plan.h"
#include "style.h"
#include "variant.h"
#include "shade.h"
#include "words.h"

static const double INSET = 10;        /* plot edge to the first or last date */
static const double GUTTER_PAD = 10;   /* lane name to the plot */
static const double GUTTER_MAX = 0.25; /* of the width */
static const double BAR_H = 16;
static const double ROW_GAP = 5;
static const double PLAN_ROW_GAP = 10; /* a plan's rows leave room for its arrows between them */
static const double LANE_PAD = 7;      /* lane edge to its first and last row */
static const double LABEL_PAD = 5;     /* label to its bar's edge or beside it */
static const double ITEM_GAP = 8;      /* between neighbours in a row */
static const double AXIS_GAP = 6;      /* axis band to the first lane */
enum { MAX_ROWS = 200 };
/* Level of detail: a lane with more items than LOD_ROWS_FULL rows could label at best labels
 * its most important ones in LOD_ROWS rows and counts the rest in a density strip. */
enum { LOD_ROWS_FULL = 40, LOD_ROWS = 6 };
static const double LOD_ITEM_W = 160; /* plot width an item and its label take in a row */
static const double DENSITY_GAP = 4;  /* the last row to the strip */
static const double DENSITY_H = 16;
static const double DENSITY_BIN = 1.5;
#define MARGIN TL_CHART_MARGIN
#define DIAMOND_R 5.5

typedef enum placement { INSIDE, RIGHT, LEFT } placement;

typedef struct item {
    size_t event;
    double x0, x1; /* the bar or the diamond */
    placement where;
    tl_text_block label;
    /* The label's text, set when first sized (the sources' numbers are on the titles by
     * then): the title, or with --show-progress "Title · 60 %". */
    const char *text;
    double label_x;
    size_t rank; /* level of detail: 0 for the item most deserving of a label */
} item;

typedef struct lane {
    int group; /* -1: events with no group */
    const char *name;
    tl_text_block name_block;
    item *items;
    size_t count;
    tl_row_item *rows;
    int row_count;
    double top, height;
    size_t total;       /* points and spans in the lane */
    size_t *summarised; /* level of detail: events counted in the strip */
    size_t nsummarised;
    tl_text_block more; /* "+N more", under the name */
    bool unsorted;      /* a label was sized since the items were last put in order */
} lane;

/* A point or span before it is an item: where it is drawn. */
typedef struct candidate {
    size_t event;
    double x0, x1;
} candidate;

typedef struct lanes {
    tl_chart c;
    lane *lanes;
    size_t nlanes;
    double gutter;         /* right edge of the gutter */
    size_t *lane_of_group; /* [group + 1]: its lane (group -1: no group) */
    bool lod;
    int max_rows;
    bool estimate;     /* labels are estimated until a packing places them */
    candidate **cands; /* per lane, until the items are chosen */
    size_t *ncands;
    tl_axis axis;
    tl_bands bands;
    double bands_h, bands_top, lanes_top, lanes_bottom, chart_bottom;
    double axis_top, axis_bottom_top; /* where each axis band starts; -1: not drawn */
    double row_gap;                   /* ROW_GAP, or PLAN_ROW_GAP for a plan's arrows */
    bool one_per_row;                 /* a plan: each task in a row of its own, as Gantt charts */
} lanes;

/* ---------------------------------------------------------------------------------------------
 * Lanes and their order
 * ------------------------------------------------------------------------------------------- */

/* Lane order: the groups named by the group-order option first, in that order, then the
 * others in the model's order; events with no group last. */
static void make_lanes(lanes *L)
{
    const tl_timeline *tl = L->c.tl;
    const char *order = L->c.opts->group_order;
    L->lanes = tl_xcalloc(tl->group_count + 1, sizeof *L->lanes);
    bool *taken = tl_xcalloc(tl->group_count + 1, sizeof *taken);
    if (order) {
        const char *p = order;
        while (*p) {
            const char *end = strchr(p, ',');
            size_t len = end ? (size_t)(end - p) : strlen(p);
            for (size_t g = 0; g < tl->group_count; g++)
                if (!taken[g] && L->c.group_present[g] && strlen(tl->groups[g]) == len &&
                    strncmp(tl->groups[g], p, len) == 0) {
                    taken[g] = true;
                    L->lanes[L->nlanes++] = (lane){.group = (int)g, .name = tl->groups[g]};
                }
            p += len + (end ? 1 : 0);
        }
    }
    for (size_t g = 0; g < tl->group_count; g++)
        if (!taken[g] && L->c.group_present[g])
            L->lanes[L->nlanes++] = (lane){.group = (int)g, .name = tl->groups[g]};
    bool ungrouped = false;
    for (size_t i = 0; i < L->c.n && !ungrouped; i++)
        ungrouped = tl_chart_event(&L->c, i)->group_index < 0 &&
                    (tl_chart_event(&L->c, i)->type == TL_EVENT_POINT ||
                     tl_chart_event(&L->c, i)->type == TL_EVENT_SPAN);
    if (ungrouped)
        L->lanes[L->nlanes++] = (lane){.group = -1, .name = L->nlanes ? "Other" : ""};
    free(taken);
    L->lane_of_group = tl_xcalloc(tl->group_count + 1, sizeof *L->lane_of_group);
    for (size_t k = 0; k < L->nlanes; k++)
        L->lane_of_group[L->lanes[k].group + 1] = k;
}

static lane *lane_of(lanes *L, int group)
{
    return &L->lanes[L->lane_of_group[group + 1]];
}

/* ---------------------------------------------------------------------------------------------
 * Items
 * ------------------------------------------------------------------------------------------- */

static void set_domain(lanes *L)
{
    int64_t lo, hi;
    tl_chart_extent(&L->c, &lo, &hi);
    const double x0 = L->gutter, x1 = L->c.scene->width - MARGIN;
    const double pad = INSET + 0.02 * (x1 - x0);
    tl_scale_break breaks[TL_SCALE_MAX_BREAKS];
    size_t nbreaks = tl_chart_find_breaks(&L->c, lo, hi, breaks);
    tl_scale_init_broken(&L->axis.scale, lo, hi, x0 + pad, x1 - pad, x0, x1, breaks, nbreaks,
                         TL_AXIS_BREAK_GAP);
    tl_chart_scale_log(&L->c, &L->axis.scale);
}

/* The item's label, inside its bar when it fits, else beside it where there is room. Sized
 * by an estimate while the lanes estimate, unless `exact` is asked for. */
static bool size_item(lanes *L, item *it, bool exact, tl_error **err)
{
    tl_chart *c = &L->c;
    const double left = L->gutter, right = c->scene->width - MARGIN;
    const bool estimate = L->estimate && !exact;
    const tl_event *ev = tl_chart_event(c, it->event);
    if (!it->text)
        it->text = tl_lanes_label_text(c, it->event);
    if (!tl_chart_size(c, &c->font.label, &it->label, it->text,
                       tl_chart_label_width(c, right - left), 1, estimate, err))
        return false;
    double w = it->label.ext.width;
    if (ev->type == TL_EVENT_SPAN && w + 2 * LABEL_PAD <= it->x1 - it->x0) {
        it->where = INSIDE;
        it->label_x = it->x0 + LABEL_PAD;
    } else if (it->x1 + LABEL_PAD + w <= right) {
        it->where = RIGHT;
        it->label_x = it->x1 + LABEL_PAD;
    } else if (it->x0 - LABEL_PAD - w >= left) {
        it->where = LEFT;
        it->label_x = it->x0 - LABEL_PAD - w;
    } else {
        /* Neither side has room for the whole label: shorten it on the roomier side. */
        double room_r = right - it->x1 - LABEL_PAD, room_l = it->x0 - LABEL_PAD - left;
        double room = fmax(fmax(room_r, room_l), 20);
        if (!tl_chart_size(c, &c->font.label, &it->label, it->text, room, 1, estimate, err))
            return false;
        it->where = room_r >= room_l ? RIGHT : LEFT;
        it->label_x =
            it->where == RIGHT ? it->x1 + LABEL_PAD : it->x0 - LABEL_PAD - it->label.ext.width;
    }
    return true;
}

/* The items a lane can label at best in `rows` rows. */
static size_t lane_capacity(const lanes *L, int rows)
{
    return (size_t)(rows * (L->c.scene->width - 2 * MARGIN) / LOD_ITEM_W);
}

/* Lanes with more items than they could label in LOD_ROWS_FULL rows switch the chart to level
 * of detail. */
static void count_items(lanes *L)
{
    size_t most = 0;
    for (size_t i = 0; i < L->c.n; i++) {
        const tl_event *ev = tl_chart_event(&L->c, i);
        if (ev->type != TL_EVENT_POINT && ev->type != TL_EVENT_SPAN)
            continue;
        lane *ln = lane_of(L, ev->group_index);
        if (++ln->total > most)
            most = ln->total;
    }
    L->lod = most > lane_capacity(L, LOD_ROWS_FULL) && !L->c.opts->no_summary;
    L->max_rows = L->lod ? LOD_ROWS : MAX_ROWS;
}

/* Makes the lane's items from its candidates: all of them, or with level of detail the `keep`
 * most deserving of a label (tl_lod_order), ranked; the others are summarised and never become
 * items (an item holds its measured label). `k` is the lane's place: each lane's slots are
 * offset from the last one's, so that the lanes, read together, label different dates
 * instead of the same ones. */
static void make_items(lanes *L, size_t k, const candidate *cands, size_t n, size_t keep)
{
    lane *ln = &L->lanes[k];
    bool *chosen = NULL;
    size_t *rank = NULL;
    if (L->lod && n > 0) {
        size_t *events = tl_xmalloc((n + 1) * sizeof *events);
        double *x = tl_xmalloc((n + 1) * sizeof *x);
        for (size_t j = 0; j < n; j++) {
            events[j] = cands[j].event;
            x[j] = cands[j].x0;
        }
        rank = tl_xmalloc((n + 1) * sizeof *rank);
        chosen = tl_chart_keep_best(&L->c, events, x, n, L->gutter, L->c.scene->width - MARGIN,
                                    keep, (double)k / (double)L->nlanes, rank);
        free(x);
        free(events);
        ln->summarised = tl_xmalloc((n + 1) * sizeof *ln->summarised);
    }
    ln->items = tl_xcalloc((chosen && keep < n ? keep : n) + 1, sizeof *ln->items);
    for (size_t j = 0; j < n; j++) {
        if (chosen && !chosen[j]) {
            ln->summarised[ln->nsummarised++] = cands[j].event;
            continue;
        }
        ln->items[ln->count++] = (item){
            .event = cands[j].event,
            .x0 = cands[j].x0,
            .x1 = cands[j].x1,
            .rank = rank ? rank[j] : j,
        };
    }
    free(rank);
    free(chosen);
}

/* Each lane's points and spans, where the axis puts them. */
static void collect_candidates(lanes *L)
{
    tl_chart *c = &L->c;
    const tl_scale *s = &L->axis.scale;
    candidate **cands = tl_xcalloc(L->nlanes + 1, sizeof *cands);
    size_t *ncands = tl_xcalloc(L->nlanes + 1, sizeof *ncands);
    for (size_t k = 0; k < L->nlanes; k++)
        cands[k] = tl_xmalloc((L->lanes[k].total + 1) * sizeof *cands[k]);
    for (size_t i = 0; i < c->n; i++) {
        const tl_event *ev = tl_chart_event(c, i);
        if (ev->type != TL_EVENT_POINT && ev->type != TL_EVENT_SPAN)
            continue;
        const size_t k = L->lane_of_group[ev->group_index + 1];
        candidate *cd = &cands[k][ncands[k]++];
        cd->event = i;
        if (ev->type == TL_EVENT_SPAN) {
            cd->x0 = tl_scale_x(s, ev->start.lo);
            cd->x1 = fmax(tl_scale_x(s, tl_bands_event_end(ev, s)), cd->x0 + 2);
        } else {
            double x = tl_scale_x(s, tl_chart_point_instant(ev));
            cd->x0 = x - DIAMOND_R;
            cd->x1 = x + DIAMOND_R;
        }
    }
    L->cands = cands;
    L->ncands = ncands;
}

static void free_candidates(lanes *L)
{
    for (size_t k = 0; L->cands && k < L->nlanes; k++)
        free(L->cands[k]);
    free(L->cands);
    free(L->ncands);
    L->cands = NULL;
    L->ncands = NULL;
}

/* Each lane's items, from its candidates; the sources of those that may be labelled are
 * numbered. */
static void choose_items(lanes *L)
{
    tl_chart *c = &L->c;
    for (size_t k = 0; k < L->nlanes; k++)
        make_items(L, k, L->cands[k], L->ncands[k], lane_capacity(L, LOD_ROWS));
    free_candidates(L);
    /* Only their sources are numbered: the others are never labelled. */
    size_t nout = 0;
    for (size_t k = 0; k < L->nlanes; k++)
        nout += L->lanes[k].nsummarised;
    size_t *out = tl_xmalloc((nout + 1) * sizeof *out);
    nout = 0;
    for (size_t k = 0; k < L->nlanes; k++)
        for (size_t j = 0; j < L->lanes[k].nsummarised; j++)
            out[nout++] = L->lanes[k].summarised[j];
    tl_footnotes_number(c, out, nout);
    free(out);
}

static bool size_items(lanes *L, tl_error **err)
{
    /* Only the items that may be labelled are sized. */
    size_t count = 0;
    for (size_t k = 0; k < L->nlanes; k++)
        count += L->lanes[k].count;
    L->estimate = count > TL_CHART_ESTIMATE_MIN;
    for (size_t k = 0; k < L->nlanes; k++) {
        L->lanes[k].unsorted = true;
        for (size_t j = 0; j < L->lanes[k].count; j++)
            if (!size_item(L, &L->lanes[k].items[j], false, err))
                return false;
    }
    return true;
}

/* Measures the estimated labels of the items the last packing placed (every item's when
 * `all`); returns whether it measured any. A failure is kept in L->c.failed. */
static bool settle_items(lanes *L, bool all)
{
    bool measured = false;
    for (size_t k = 0; k < L->nlanes && !L->c.failed; k++) {
        lane *ln = &L->lanes[k];
        for (size_t j = 0; j < ln->count && !L->c.failed; j++) {
            if (!ln->items[j].label.estimated || (ln->rows[j].row < 0 && !all))
                continue;
            measured = ln->unsorted = true;
            size_item(L, &ln->items[j], true, &L->c.failed);
        }
    }
    return measured;
}

/* Where an item's label reads as being: a span's start, a point's date. */
static double item_anchor(const lanes *L, const item *it)
{
    return tl_chart_event(&L->c, it->event)->type == TL_EVENT_SPAN ? it->x0 : (it->x0 + it->x1) / 2;
}

/* The next item to place: the most important, then the one farthest from the labels placed so
 * far in all lanes (a reader scans down a date), then from those of its own lane, then the
 * best ranked. */
static size_t next_item(const lanes *L, const lane *ln, const bool *done, const tl_marks *own,
                        const tl_marks *marks)
{
    size_t best = ln->count;
    int best_imp = 0;
    double best_all = -1, best_own = -1;
    for (size_t j = 0; j < ln->count; j++) {
        if (done[j])
            continue;
        const item *it = &ln->items[j];
        const int imp = tl_chart_event(&L->c, it->event)->importance;
        const double x = item_anchor(L, it);
        const double all = fmin(tl_marks_distance(marks, x), L->c.scene->width);
        const double mine = fmin(tl_marks_distance(own, x), L->c.scene->width);
        const bool better =
            best == ln->count || imp > best_imp ||
            (imp == best_imp &&
             (all > best_all ||
              (all == best_all &&
               (mine > best_own || (mine == best_own && it->rank < ln->items[best].rank)))));
        if (better) {
            best = j;
            best_imp = imp;
            best_all = all;
            best_own = mine;
        }
    }
    return best;
}

/* Level of detail: the items go in farthest first, each to the first row with room for it, so
 * the rows hold labels spread over the whole range, in this lane and read across the lanes
 * (`marks`, the labels of the lanes packed before). */
static void pack_spread(lanes *L, lane *ln, int max_rows, tl_marks *marks)
{
    const item **order = tl_xmalloc((ln->count + 1) * sizeof *order);
    bool *done = tl_xcalloc(ln->count + 1, sizeof *done);
    tl_marks own = {.x = tl_xmalloc((ln->count + 1) * sizeof *own.x)};
    ln->row_count = 0;
    for (size_t r = 0; r < ln->count; r++) {
        const size_t j = next_item(L, ln, done, &own, marks);
        done[j] = true;
        order[r] = &ln->items[j];
        tl_row_item *it = &ln->rows[j];
        it->row = -1;
        for (int row = 0; row < max_rows && it->row < 0; row++) {
            bool free_row = true;
            for (size_t q = 0; q < r && free_row; q++) {
                const tl_row_item *o = &ln->rows[order[q] - ln->items];
                free_row = o->row != row || o->x1 <= it->x0 || it->x1 <= o->x0;
            }
            if (free_row)
                it->row = row;
        }
        if (it->row + 1 > ln->row_count)
            ln->row_count = it->row + 1;
        if (it->row >= 0) {
            tl_marks_add(marks, item_anchor(L, &ln->items[j]));
            tl_marks_add(&own, item_anchor(L, &ln->items[j]));
        }
    }
    free(own.x);
    free(done);
    free(order);
}

static int cmp_item(const void *a, const void *b)
{
    const item *x = a, *y = b;
    double ax = x->where == LEFT ? x->label_x : x->x0;
    double bx = y->where == LEFT ? y->label_x : y->x0;
    if (ax != bx)
        return (ax > bx) - (ax < bx);
    return (x->event > y->event) - (x->event < y->event);
}

/* A plan's rows: each task in its own, in order of start, so that its arrows read as in a
 * Gantt chart. Tasks past `max_rows` are not placed. */
static int cmp_mark(const void *a, const void *b)
{
    const item *const *x = a, *const *y = b;
    if ((*x)->x0 != (*y)->x0)
        return ((*x)->x0 > (*y)->x0) - ((*x)->x0 < (*y)->x0);
    return ((*x)->event > (*y)->event) - ((*x)->event < (*y)->event);
}

static int one_per_row(lane *ln, int max_rows)
{
    /* By the mark, not by a label set to its left. */
    const item **order = tl_xmalloc((ln->count + 1) * sizeof *order);
    for (size_t j = 0; j < ln->count; j++)
        order[j] = &ln->items[j];
    qsort(order, ln->count, sizeof *order, cmp_mark);
    int rows = 0;
    for (size_t r = 0; r < ln->count; r++) {
        tl_row_item *it = &ln->rows[order[r] - ln->items];
        it->row = (int)r < max_rows ? (int)r : -1;
        rows = it->row >= 0 ? it->row + 1 : rows;
    }
    free(order);
    return rows;
}

/* Rows inside each lane. An item occupies its bar or diamond and its outside label. */
static void pack_lanes(lanes *L, int max_rows)
{
    size_t total = 0;
    for (size_t k = 0; k < L->nlanes; k++)
        total += L->lanes[k].count;
    tl_marks marks = {.x = L->lod ? tl_xmalloc((total + 1) * sizeof *marks.x) : NULL};
    for (size_t k = 0; k < L->nlanes; k++) {
        lane *ln = &L->lanes[k];
        /* The packer wants the items by left edge, which a label sized since the last
         * packing may have moved. */
        if (ln->unsorted && ln->count) /* qsort's pointer must be valid even for no items */
            qsort(ln->items, ln->count, sizeof *ln->items, cmp_item);
        ln->unsorted = false;
        free(ln->rows);
        ln->rows = tl_xcalloc(ln->count + 1, sizeof *ln->rows);
        for (size_t j = 0; j < ln->count; j++) {
            const item *it = &ln->items[j];
            double a = it->x0, b = it->x1;
            if (it->where == RIGHT)
                b = it->label_x + it->label.ext.width + ITEM_GAP;
            else if (it->where == LEFT)
                a = it->label_x;
            ln->rows[j] = (tl_row_item){.x0 = a, .x1 = b};
        }
        if (L->lod)
            pack_spread(L, ln, max_rows, &marks);
        else if (L->one_per_row)
            ln->row_count = one_per_row(ln, max_rows);
        else
            ln->row_count = ln->count ? tl_labels_pack_rows(ln->rows, ln->count, max_rows, 0) : 0;
    }
    free(marks.x);
}

static double row_h(const lanes *L)
{
    return BAR_H + L->row_gap;
}

static double plan(lanes *L, int max_rows)
{
    /* A label left out is never shaped (TL_CHART_ESTIMATE_MIN). */
    for (int round = 1;; round++) {
        pack_lanes(L, max_rows);
        if (!L->estimate || L->c.failed || !settle_items(L, round >= TL_CHART_SETTLE_ROUNDS))
            break;
    }
    const tl_axis_position at =
        L->c.opts->axis_position == TL_AXIS_AUTO ? TL_AXIS_TOP : L->c.opts->axis_position;
    L->bands_top = L->c.header_h;
    double y = L->bands_top + L->bands_h;
    L->axis_top = L->axis_bottom_top = -1;
    if (at != TL_AXIS_BOTTOM) {
        L->axis_top = y;
        y += L->axis.band_h + AXIS_GAP;
    }
    L->lanes_top = y;
    for (size_t k = 0; k < L->nlanes; k++) {
        lane *ln = &L->lanes[k];
        int rows = ln->row_count > 0 ? ln->row_count : 1;
        double content = rows * row_h(L) - L->row_gap + (L->lod ? DENSITY_GAP + DENSITY_H : 0);
        double name = ln->name_block.ext.height + (L->lod ? 2 + ln->more.ext.height : 0);
        ln->top = y;
        ln->height = fmax(content + 2 * LANE_PAD, name + 2 * LANE_PAD);
        y += ln->height;
    }
    L->lanes_bottom = y;
    if (at != TL_AXIS_TOP) {
        /* Under the lanes, the ticks' row against them as on top. */
        L->axis_bottom_top = y + AXIS_GAP;
        y = L->axis_bottom_top + L->axis.band_h;
    }
    L->chart_bottom = y;
    return y + L->c.footer_h;
}

/* ---------------------------------------------------------------------------------------------
 * Emitting
 * ------------------------------------------------------------------------------------------- */

static void emit_lane(lanes *L, lane *ln, size_t index)
{
    tl_chart *c = &L->c;
    const double rows_h = (ln->row_count > 0 ? ln->row_count : 1) * row_h(L) - L->row_gap;
    /* With a density strip the rows start at the top and the strip ends the lane. */
    const double first_row = L->lod ? ln->top + LANE_PAD : ln->top + (ln->height - rows_h) / 2;
    for (size_t j = 0; j < ln->count; j++) {
        const item *it = &ln->items[j];
        const tl_row_item *row = &ln->rows[j];
        size_t i = it->event;
        if (row->row < 0)
            continue;
        const tl_event *ev = tl_chart_event(c, i);
        const tl_status_style *st = tl_style_status(ev->status);
        tl_color color = tl_chart_event_color(c, i);
        double top = first_row + row->row * row_h(L);
        double cy = top + BAR_H / 2;
        tl_color label_color = st->strike ? c->th->muted : c->th->text;
        if (ev->type == TL_EVENT_SPAN) {
            const tl_color ink = tl_lanes_emit_bar(c, i, it->x0, it->x1, top, BAR_H, color,
                                                   it->label_x + it->label.ext.width / 2);
            if (it->where == INSIDE && !st->strike)
                label_color = ink;
            tl_chart_add_clip_marks(c, i, it->x0, it->x1, cy, color);
        } else {
            /* What the date leaves open: in the gap under the row, clear of the labels
             * beside the diamond. */
            tl_chart_add_extent(c, i, &L->axis.scale, (it->x0 + it->x1) / 2, DIAMOND_R,
                                top + BAR_H + 1.5, 3, color);
            tl_chart_add_marker(c, TL_ROLE_EVENT_MARK, (int32_t)i, (it->x0 + it->x1) / 2, cy,
                                DIAMOND_R, TL_MARKER_DIAMOND, ev->status, color);
            if (tl_lanes_is_critical(c, ev))
                c->scene->ops[c->scene->op_count - 1].u.marker.stroke =
                    (tl_stroke){.color = tl_arrows_critical_color(c), .width = TL_LANES_CRITICAL_W};
        }
        tl_chart_add_text(c, TL_ROLE_EVENT_LABEL, (int32_t)i, it->label_x,
                          cy - it->label.ext.height / 2, &it->label, &c->font.label, label_color,
                          st->strike);
        c->scene->marks[i].placed = true;
    }

    /* The lane's name, in the gutter, against the lane's first row. */
    if (ln->name[0] && !L->lod)
        tl_chart_add_text(c, TL_ROLE_LANE_LABEL, -1, MARGIN,
                          ln->top + (ln->height - ln->name_block.ext.height) / 2, &ln->name_block,
                          &c->font.band, c->th->text, false);
    /* ... or at its top, over the count of what its strip holds. */
    if (L->lod) {
        double y = ln->top + LANE_PAD;
        if (ln->name[0])
            tl_chart_add_text(c, TL_ROLE_LANE_LABEL, -1, MARGIN, y, &ln->name_block, &c->font.band,
                              c->th->text, false);
        y += ln->name_block.ext.height + 2;
        tl_chart_add_text(c, TL_ROLE_NOTE, -1, MARGIN, y, &ln->more, &c->font.badge, c->th->muted,
                          false);
    }
    (void)index;
}

static void emit_stripes(lanes *L)
{
    tl_chart *c = &L->c;
    const double x0 = MARGIN, x1 = c->scene->width - MARGIN;
    for (size_t k = 0; k < L->nlanes; k++) {
        const lane *ln = &L->lanes[k];
        tl_color fill = c->th->axis_fill;
        fill.a = k % 2 ? 0.0 : 0.45;
        if (fill.a > 0)
            tl_scene_add_rect(c->scene, TL_ROLE_LANE, -1, x0, ln->top, x1 - x0, ln->height, fill);
        if (k > 0) {
            const tl_stroke rule = {.color = c->th->axis_fill, .width = 1};
            tl_scene_add_line(c->scene, TL_ROLE_LANE, -1, x0, ln->top, x1, ln->top, rule);
        }
    }
}

static void emit_grid(lanes *L)
{
    tl_chart *c = &L->c;
    tl_color g = c->th->faint;
    g.a = 0.35;
    const tl_stroke st = {.color = g, .width = 0.6, .dash = TL_DASH_DOTTED};
    tl_text_index ix;
    tl_text_index_build(&ix, c->scene);
    for (size_t k = 0; k < L->axis.ticks.count; k++)
        tl_chart_add_vline_around(c, &ix, TL_ROLE_GRID, -1, L->axis.ticks.items[k].x, L->lanes_top,
                                  L->lanes_bottom, st);
    tl_text_index_free(&ix);
}

/* "+19,990 more": what a lane's density strip holds. */
static const char *more_text(lanes *L, size_t count)
{
    char n[32], text[128];
    tl_chart_format_count(&L->c, count, n, sizeof n);
    const tl_locale_arg args[1] = {{.text = n, .number = (double)count}};
    if (!tl_words_say(L->c.loc, "note", "+{0} more", args, 1, text, sizeof text))
        snprintf(text, sizeof text, "+%s more", n);
    return tl_scene_strdup(L->c.scene, text);
}

/* Each lane's strip of the events it does not label (those left out and those the rows had
 * no room for), on one scale for all lanes so their heights compare (*peak, its tallest bar);
 * the count under each lane's name. */
static bool emit_density(lanes *L, size_t *labelled, size_t *summarised, size_t *peak,
                         tl_error **err)
{
    tl_chart *c = &L->c;
    const double x0 = L->gutter, x1 = c->scene->width - MARGIN;
    tl_density *d = tl_xcalloc(L->nlanes + 1, sizeof *d);
    *labelled = *summarised = *peak = 0;
    for (size_t k = 0; k < L->nlanes; k++) {
        lane *ln = &L->lanes[k];
        tl_density_init(&d[k], x0, x1, DENSITY_BIN);
        for (size_t j = 0; j < ln->count; j++)
            if (ln->rows[j].row < 0)
                ln->summarised[ln->nsummarised++] = ln->items[j].event;
        tl_chart_summarise(c, &d[k], ln->summarised, ln->nsummarised, &L->axis.scale);
        size_t p = tl_density_peak(&d[k]);
        *peak = p > *peak ? p : *peak;
        *summarised += ln->nsummarised;
        for (size_t j = 0; j < ln->count; j++)
            *labelled += ln->rows[j].row >= 0;
    }
    bool ok = true;
    for (size_t k = 0; k < L->nlanes; k++) {
        lane *ln = &L->lanes[k];
        tl_density_emit_bars(&d[k], c->scene, ln->top + ln->height - LANE_PAD, DENSITY_H, *peak,
                             tl_chart_density_color(c));
        tl_density_free(&d[k]);
        if (ok && !tl_chart_measure(c, &c->font.badge, &ln->more, more_text(L, ln->nsummarised), 0,
                                    1, err))
            ok = false;
    }
    free(d);
    return ok;
}

/* ---------------------------------------------------------------------------------------------
 * Driver
 * ------------------------------------------------------------------------------------------- */

static bool measure_gutter(lanes *L, tl_error **err)
{
    tl_chart *c = &L->c;
    const double max = c->scene->width * GUTTER_MAX;
    double w = 0;
    for (size_t k = 0; k < L->nlanes; k++) {
        lane *ln = &L->lanes[k];
        if (!tl_chart_measure(c, &c->font.band, &ln->name_block, ln->name, max, 3, err))
            return false;
        w = fmax(w, ln->name_block.ext.width);
        /* Measured with the most it can say; the count is set once the rows are packed. */
        if (L->lod) {
            if (!tl_chart_measure(c, &c->font.badge, &ln->more, more_text(L, ln->total), 0, 1, err))
                return false;
            w = fmax(w, ln->more.ext.width);
        }
    }
    L->gutter = MARGIN + (w > 0 ? w + GUTTER_PAD : 0);
    return true;
}

/* For a requested height, gives up rows until the lanes fit. Returns the height they need
 * then. */
static double shrink_to(lanes *L, double height)
{
    int rows = L->max_rows;
    while (plan(L, rows) > height && rows > 1) {
        int used = 0;
        for (size_t k = 0; k < L->nlanes; k++)
            used = L->lanes[k].row_count > used ? L->lanes[k].row_count : used;
        rows = rows > used ? used - 1 : rows - 1;
    }
    return plan(L, rows);
}

/* ---------------------------------------------------------------------------------------------
 * Hooks
 * ------------------------------------------------------------------------------------------- */

static bool lanes_collect(tl_chart *c, tl_error **err)
{
    lanes *L = (lanes *)c;
    L->one_per_row = c->tl->nlinks > 0;
    L->row_gap = L->one_per_row ? PLAN_ROW_GAP : ROW_GAP;
    make_lanes(L);
    count_items(L);
    if (!measure_gutter(L, err))
        return false;
    set_domain(L);
    if (!tl_axis_build(&L->axis, c, err))
        return false;
    collect_candidates(L);
    return true;
}

static void lanes_choose(tl_chart *c)
{
    choose_items((lanes *)c);
}

static bool lanes_measure(tl_chart *c, unsigned *legend, tl_error **err)
{
    lanes *L = (lanes *)c;
    /* The eras' titles are measured once the sources are numbered, which the items settle. */
    if (!size_items(L, err) || !tl_bands_init(&L->bands, c, err))
        return false;
    L->bands_h = tl_bands_pack(&L->bands, c, &L->axis.scale, c->scene->width - MARGIN);

    /* Lanes name the groups, so the legend needs them only when colours were overridden;
     * it still explains statuses and eras. */
    *legend = TL_LEGEND_NO_GROUPS;
    for (size_t i = 0; i < c->n; i++) {
        const tl_event *ev = tl_chart_event(c, i);
        *legend |= ev->type == TL_EVENT_ERA ? TL_LEGEND_ERAS : 0;
        if (ev->type != TL_EVENT_POINT)
            continue;
        *legend |= tl_chart_extent_legend(c, i, &L->axis.scale, DIAMOND_R);
    }
    for (size_t k = 0; k < L->nlanes && L->lod; k++)
        c->lod_candidates += L->lanes[k].count;
    /* The lanes' strips share one scale, which only the legend can give. */
    c->lod_peak_in_legend = true;
    *legend |= tl_arrows_legend(c, true) | tl_chart_progress_legend(c);
    return true;
}

static bool lanes_plan(tl_chart *c, double height, double *need, tl_error **err)
{
    lanes *L = (lanes *)c;
    (void)err;
    *need = height > 0 ? shrink_to(L, height) : plan(L, L->max_rows);
    return true;
}

static void lanes_describe(const tl_chart *c, char *buf, size_t size)
{
    snprintf(buf, size, "%zu lanes", ((const lanes *)c)->nlanes);
}

static bool lanes_emit(tl_chart *c, tl_error **err)
{
    lanes *L = (lanes *)c;
    emit_stripes(L);
    tl_shade_emit(c, &L->axis.scale, L->lanes_top, L->lanes_bottom, false);
    tl_bands_emit_eras(&L->bands, c, &L->axis.scale, L->bands_top, L->bands_top, L->chart_bottom);
    if (L->axis_top >= 0)
        tl_axis_emit(c, &L->axis, L->axis_top);
    if (L->axis_bottom_top >= 0)
        tl_axis_emit(c, &L->axis, L->axis_bottom_top);
    size_t labelled, summarised, peak;
    if (L->lod && (!emit_density(L, &labelled, &summarised, &peak, err) ||
                   !tl_chart_set_summary(c, labelled, summarised, peak, err)))
        return false;
    for (size_t k = 0; k < L->nlanes; k++)
        emit_lane(L, &L->lanes[k], k);
    tl_bands_emit_labels(&L->bands, c, L->bands_top);
    tl_arrows_emit(c, L->row_gap, L->gutter, c->scene->width - MARGIN);
    tl_chart_emit_header(c);
    tl_chart_emit_footer(c, L->chart_bottom);
    c->scene->frame.gutter = L->gutter; /* pages repeat the group names */
    tl_chart_note_time_scale(c, &L->axis.scale);
    emit_grid(L);
    tl_bands_emit_markers(&L->bands, c, &L->axis.scale, L->bands_top, L->chart_bottom);
    return true;
}

static void lanes_free(tl_chart *c)
{
    lanes *L = (lanes *)c;
    free_candidates(L);
    tl_axis_free(&L->axis);
    tl_bands_free(&L->bands);
    for (size_t k = 0; k < L->nlanes; k++) {
        free(L->lanes[k].items);
        free(L->lanes[k].rows);
        free(L->lanes[k].summarised);
    }
    free(L->lanes);
    free(L->lane_of_group);
}

static bool lanes_run(const tl_timeline *tl, const tl_layout_options *opts,
                      const tl_text_measurer *measurer, tl_scene *scene, tl_error **err)
{
    return tl_variant_run(&tl_variant_lanes, tl, opts, measurer, scene, err);
}

const tl_variant_ops tl_variant_lanes = {
    .name = "lanes",
    .size = sizeof(lanes),
    .groups_apart = true,
    .collect = lanes_collect,
    .choose = lanes_choose,
    .measure = lanes_measure,
    .plan = lanes_plan,
    .describe = lanes_describe,
    .emit = lanes_emit,
    .free = lanes_free,
    .run = lanes_run,
};
