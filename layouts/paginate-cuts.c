/* Pagination's cuts. Ops that must stay whole form units along the axis pages follow; the
 * units are cut into slices, one a page, in the gaps between units when there are any. */
#include "paginate-cuts.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart-text.h"
#include "common/tl-alloc.h"

#define M TL_CHART_MARGIN

void tl_paginate_cutter_free(cutter *k)
{
    free(k->op_unit);
    free(k->units);
    free(k->order);
    free(k->slices);
    memset(k, 0, sizeof *k);
}

/* qsort() has no context argument: sort (lo, index) pairs instead. */
typedef struct keyed_unit {
    double lo;
    size_t index;
} keyed_unit;

static int cmp_keyed_unit(const void *a, const void *b)
{
    const keyed_unit *x = a, *y = b;
    if (x->lo != y->lo)
        return (x->lo > y->lo) - (x->lo < y->lo);
    return (x->index > y->index) - (x->index < y->index);
}

/* Whether an op must be drawn whole on one page. */
static bool is_atomic(const tl_op *op, const double box[4], int d, double len)
{
    switch (op->kind) {
    case TL_OP_TEXT:
    case TL_OP_MARKER:
        return true;
    case TL_OP_RECT:
    case TL_OP_LINE:
        /* An event's stem, card or short bar goes with its label; long shapes are cut, and so
         * is every piece of a dependency's arrow, which joins two events' places. */
        return op->event >= 0 && box[2 + d] <= len / 2 && op->role != TL_ROLE_DEPENDENCY;
    }
    return false;
}

static void build_units(cutter *k)
{
    const tl_scene *s = k->scene;
    const int d = k->P.d;
    k->op_unit = tl_xmalloc((s->op_count + 1) * sizeof *k->op_unit);
    k->units = tl_xmalloc((s->op_count + 1) * sizeof *k->units);
    int *event_unit = tl_xmalloc((s->event_count + 1) * sizeof *event_unit);
    for (size_t e = 0; e < s->event_count; e++)
        event_unit[e] = -1;
    k->nunits = 0;
    for (size_t i = 0; i < s->op_count; i++) {
        const tl_op *op = &s->ops[i];
        double box[4];
        tl_scene_op_bbox(op, box);
        if (tl_paginate_op_part(s, op) != PART_PLOT) {
            k->op_unit[i] = -2;
            continue;
        }
        if (!is_atomic(op, box, d, k->P.len)) {
            k->op_unit[i] = -1;
            continue;
        }
        const bool in_gutter = d == 0 && k->P.gutter > M && box[0] + box[2] <= k->P.gutter + 0.5;
        if (op->event < 0 && !in_gutter) {
            k->op_unit[i] = -3;
            continue;
        }
        int u = -1;
        if (op->event >= 0 && (size_t)op->event < s->event_count && !in_gutter)
            u = event_unit[op->event];
        if (u < 0) {
            u = (int)k->nunits++;
            k->units[u] = (unit){box[d], box[d] + box[2 + d], in_gutter, op->event >= 0};
            if (op->event >= 0 && (size_t)op->event < s->event_count && !in_gutter)
                event_unit[op->event] = u;
        } else {
            k->units[u].lo = fmin(k->units[u].lo, box[d]);
            k->units[u].hi = fmax(k->units[u].hi, box[d] + box[2 + d]);
        }
        k->op_unit[i] = u;
    }
    free(event_unit);
    keyed_unit *keys = tl_xmalloc((k->nunits + 1) * sizeof *keys);
    size_t n = 0;
    for (size_t u = 0; u < k->nunits; u++)
        if (!k->units[u].gutter)
            keys[n++] = (keyed_unit){k->units[u].lo, u};
    qsort(keys, n, sizeof *keys, cmp_keyed_unit);
    k->order = tl_xmalloc((n + 1) * sizeof *k->order);
    for (size_t j = 0; j < n; j++)
        k->order[j] = keys[j].index;
    k->nall = k->nunits;
    k->nunits = n;
    free(keys);
}

/* Era edges along d, where a page break reads best. */
static bool era_edge_in(const tl_scene *s, int d, double a, double b, double *edge)
{
    bool found = false;
    for (size_t i = 0; i < s->op_count; i++) {
        const tl_op *op = &s->ops[i];
        if (op->role != TL_ROLE_ERA || op->kind != TL_OP_RECT)
            continue;
        double box[4];
        tl_scene_op_bbox(op, box);
        const double edges[2] = {box[d], box[d] + box[2 + d]};
        for (int e = 0; e < 2; e++)
            if (edges[e] >= a && edges[e] <= b && (!found || edges[e] > *edge)) {
                *edge = edges[e];
                found = true;
            }
    }
    return found;
}

/* Cuts the plot into slices at most P.len long. Returns false when some text had to be cut
 * (a unit longer than a page). */
static bool make_slices(cutter *k)
{
    const plan *P = &k->P;
    const size_t n = k->nunits;
    bool whole = true;
    free(k->slices);
    k->slices = tl_xmalloc((n + 2) * sizeof *k->slices);
    k->nslices = 0;
    double x0 = P->plot_lo;
    size_t j = 0;
    while (x0 < P->plot_hi - 0.5 || j < n) {
        /* A page shows at least one event: stretches of bare axis (the padding at the ends, a
         * long quiet time) are skipped, the tick labels of the next page saying so. */
        size_t first_event = j;
        while (first_event < n && !k->units[k->order[first_event]].event)
            first_event++;
        if (first_event == n && k->nslices > 0)
            break;
        if (first_event < n) {
            const double lead = k->units[k->order[first_event]].lo - 0.05 * P->len;
            if (lead > x0 + 0.5 * P->len) {
                x0 = lead;
                while (j < n && k->units[k->order[j]].lo < x0)
                    j++;
            }
        }
        const double limit = x0 + P->len;
        double rest = P->plot_hi;
        for (size_t q = j; q < n; q++)
            rest = fmax(rest, k->units[k->order[q]].hi);
        slice *sl = &k->slices[k->nslices++];
        if (rest <= limit) {
            *sl = (slice){x0, fmax(P->plot_hi, x0), limit, fmax(P->plot_hi, rest), j, n - j};
            break;
        }
        /* Candidates: a cut before unit q puts units j..q-1 on this page. */
        double clean = NAN, clean_a = NAN, any = NAN;
        size_t clean_q = j, any_q = j;
        double reach = x0; /* the farthest end of the units so far */
        size_t q = j;
        for (;; q++) {
            if (q > j)
                reach = fmax(reach, k->units[k->order[q - 1]].hi);
            if (reach > limit)
                break;
            const double next = q < n ? k->units[k->order[q]].lo : INFINITY;
            if (next > limit) { /* the gap runs past the page's end */
                if (limit - 1 > x0) {
                    clean = limit - 1;
                    clean_a = reach;
                    clean_q = q;
                }
                break;
            }
            if (q > j && next > x0 + 1) {
                if (reach <= next) {
                    clean = fmin((reach + next) / 2, limit);
                    clean_a = reach;
                    clean_q = q;
                } else {
                    any = next;
                    any_q = q;
                }
            }
            if (q == n)
                break;
        }
        double cut;
        size_t upto;
        /* The latest cut fills the page best; a clean one (no label crossing it) close to it
         * reads better. */
        if (!isnan(clean) && (isnan(any) || clean >= x0 + 0.85 * (any - x0) || clean >= any)) {
            cut = clean;
            upto = clean_q;
            double edge = 0;
            /* An era boundary in the chosen gap reads best. */
            if (era_edge_in(k->scene, P->d, clean_a, fmin(clean + (clean - clean_a), limit),
                            &edge) &&
                edge > x0 + 1)
                cut = edge;
        } else if (!isnan(any)) {
            cut = any;
            upto = any_q;
        } else {
            /* A unit longer than the page: cut through it. */
            whole = false;
            cut = limit;
            upto = j;
            while (upto < n && k->units[k->order[upto]].lo < cut)
                upto++;
        }
        double reach_all = cut;
        for (size_t r = j; r < upto; r++)
            reach_all = fmax(reach_all, k->units[k->order[r]].hi);
        *sl = (slice){x0, cut, limit, fmin(reach_all, limit), j, upto - j};
        j = upto;
        x0 = cut;
        if (k->nslices > n + 1)
            break;
    }
    return whole;
}

void tl_paginate_cut(cutter *k)
{
    build_units(k);
    k->cut_text = !make_slices(k);
}

/* Which part of the chart an op belongs to: the header and footer repeat on every page, the
 * plot is cut. */
part tl_paginate_op_part(const tl_scene *s, const tl_op *op)
{
    if (op->role == TL_ROLE_TITLE || op->role == TL_ROLE_SUBTITLE)
        return PART_HEADER;
    if (op->role == TL_ROLE_LEGEND || op->role == TL_ROLE_CAPTION)
        return PART_FOOTER;
    double box[4];
    tl_scene_op_bbox(op, box);
    /* The list of sources is a note below the plot; "+N" badges are notes inside it. */
    if (op->role == TL_ROLE_NOTE && box[1] >= s->frame.footer_top - 0.5)
        return PART_FOOTER;
    return PART_PLOT;
}
