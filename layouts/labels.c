#include "labels.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"

/* Lowest level on one side that takes a box ending at b1 hung on a stem at `a`, or -1.
 * box_left[k] is the leftmost edge of the boxes already at level k, stem_left[k] the leftmost
 * stem passing through level k; everything placed so far has an anchor >= a. */
static int lowest_level(const double *box_left, const double *stem_left, int max_levels, double a,
                        double b1, double gap)
{
    for (int k = 0; k < max_levels; k++) {
        double occupied = fmin(box_left[k], stem_left[k]);
        if (b1 + gap <= occupied)
            return k;
        /* A box at this level reaches over the stem: any higher level would cross it. */
        if (box_left[k] < a)
            return -1;
    }
    return -1;
}

/* Occupancy of the levels of both sides, in one orientation: the leftmost box edge and the
 * leftmost stem at each level (see lowest_level()). */
typedef struct skyline {
    double *box_left;
    double *stem_left;
    size_t levels;
} skyline;

static void skyline_init(skyline *s, size_t levels)
{
    s->levels = levels;
    s->box_left = tl_xmalloc(2 * levels * sizeof *s->box_left);
    s->stem_left = tl_xmalloc(2 * levels * sizeof *s->stem_left);
    for (size_t k = 0; k < 2 * levels; k++)
        s->box_left[k] = s->stem_left[k] = INFINITY;
}

static void skyline_add(skyline *s, int side, int level, double anchor, double box_left)
{
    double *bl = s->box_left + (size_t)side * s->levels;
    double *sl = s->stem_left + (size_t)side * s->levels;
    bl[level] = fmin(bl[level], box_left);
    for (int k = 0; k < level; k++)
        sl[k] = fmin(sl[k], anchor);
}

static void skyline_free(skyline *s)
{
    free(s->box_left);
    free(s->stem_left);
}

/* Places one item whose box, in the skyline's orientation, is [a, a + w]. Chooses the side
 * with the lower level; ties alternate with the previous item. */
static void place(tl_stem_item *it, const skyline *sky, int sides, int max_levels, double a,
                  double w, double gap, int *last_side)
{
    int best_level = -1, best_side = 0;
    for (int s = 0; s < sides; s++) {
        int side = sides == 2 ? (*last_side + 1 + s) % 2 : 0;
        int lv =
            lowest_level(sky->box_left + (size_t)side * sky->levels,
                         sky->stem_left + (size_t)side * sky->levels, max_levels, a, a + w, gap);
        if (lv >= 0 && (best_level < 0 || lv < best_level)) {
            best_level = lv;
            best_side = side;
        }
    }
    it->level = best_level;
    it->side = best_side;
    if (best_level >= 0)
        *last_side = best_side;
}

/* Labels that extend right, taken right to left: a box then never lies across a stem placed
 * after it, except where lowest_level() refuses the level. With `free_flip`, every label also
 * tries extending left (its box then ends at its stem, left of everything placed so far, which
 * the same search checks) and takes whichever side of its stem gives the lower level; labels
 * pushed left by the canvas edge are taken in this sweep too. */
static void pack_forward(tl_stem_item *items, size_t n, int sides, int max_levels, double gap,
                         skyline *fwd, skyline *rev, int *last_side, bool free_flip, double left,
                         double right)
{
    for (size_t i = n; i-- > 0;) {
        tl_stem_item *it = &items[i];
        if (it->flip && !free_flip)
            continue;
        const double a = it->anchor, w = it->width;
        bool can_right = a + w <= right, can_left = a - w >= left;
        if (!free_flip)
            can_left = false;
        if (!can_right && !can_left) {
            it->level = -1; /* wider than the canvas allows on either side of its stem */
            continue;
        }
        tl_stem_item r = *it, l = *it;
        int side_r = *last_side, side_l = *last_side;
        r.level = l.level = -1;
        if (can_right)
            place(&r, fwd, sides, max_levels, a, w, gap, &side_r);
        if (can_left)
            place(&l, fwd, sides, max_levels, a, 0, gap, &side_l);
        bool use_left = l.level >= 0 && (r.level < 0 || l.level < r.level);
        *it = use_left ? l : r;
        it->flip = use_left;
        if (it->level < 0)
            continue;
        *last_side = use_left ? side_l : side_r;
        double b0 = use_left ? a - w : a;
        skyline_add(fwd, it->side, it->level, a, b0);
        skyline_add(rev, it->side, it->level, -a, -(b0 + w));
    }
}

/* Labels pushed left by the canvas edge: the same, mirrored (x negated, left to right). */
static void pack_reverse(tl_stem_item *items, size_t n, int sides, int max_levels, double gap,
                         skyline *fwd, skyline *rev, int *last_side)
{
    for (size_t i = 0; i < n; i++) {
        tl_stem_item *it = &items[i];
        if (!it->flip)
            continue;
        double a = it->anchor;
        place(it, rev, sides, max_levels, -a, it->width, gap, last_side);
        if (it->level < 0)
            continue;
        skyline_add(rev, it->side, it->level, -a, -a);
        skyline_add(fwd, it->side, it->level, a, a - it->width);
    }
}

/* One packing; returns its cost: unplaced items first, then levels used. */
enum pack_mode { FORWARD_FIRST, FLIPPED_FIRST, FREE_FLIP };

static size_t pack_once(tl_stem_item *items, size_t n, int sides, int max_levels, double gap,
                        enum pack_mode mode, double left, double right)
{
    /* Two orientations of the same occupancy: `fwd` for boxes extending right, `rev` (x
     * negated) for boxes extending left, so one level search serves both. */
    skyline fwd, rev;
    skyline_init(&fwd, (size_t)max_levels);
    skyline_init(&rev, (size_t)max_levels);
    int last_side = 1; /* so the rightmost item goes above */
    switch (mode) {
    case FORWARD_FIRST:
        pack_forward(items, n, sides, max_levels, gap, &fwd, &rev, &last_side, false, left, right);
        pack_reverse(items, n, sides, max_levels, gap, &fwd, &rev, &last_side);
        break;
    case FLIPPED_FIRST:
        pack_reverse(items, n, sides, max_levels, gap, &fwd, &rev, &last_side);
        pack_forward(items, n, sides, max_levels, gap, &fwd, &rev, &last_side, false, left, right);
        break;
    case FREE_FLIP:
        pack_forward(items, n, sides, max_levels, gap, &fwd, &rev, &last_side, true, left, right);
        break;
    }
    skyline_free(&fwd);
    skyline_free(&rev);
    size_t unplaced = 0;
    int top = 0;
    for (size_t i = 0; i < n; i++) {
        if (items[i].level < 0)
            unplaced++;
        else if (items[i].level + 1 > top)
            top = items[i].level + 1;
    }
    return unplaced * (size_t)(max_levels + 1) + (size_t)top;
}

void tl_labels_pack_stems(tl_stem_item *items, size_t n, int sides, int max_levels, double gap,
                          double left, double right)
{
    sides = sides < 2 ? 1 : 2;
    size_t flipped = 0;
    for (size_t i = 0; i < n; i++) {
        tl_stem_item *it = &items[i];
        it->level = -1;
        it->side = 0;
        it->flip = it->anchor + it->width > right && it->anchor - it->width >= left;
        flipped += it->flip;
    }
    if (max_levels < 1)
        return;
    /* Who blocks whom decides the result: labels pushed left by the edge before or after the
     * others, or every label free to hang on either side of its stem. No order is best for
     * every chart, and all are safe, so keep the cheapest. */
    static const enum pack_mode modes[] = {FORWARD_FIRST, FLIPPED_FIRST, FREE_FLIP};
    tl_stem_item *initial = tl_xmalloc((n + 1) * sizeof *initial);
    tl_stem_item *best = tl_xmalloc((n + 1) * sizeof *best);
    memcpy(initial, items, n * sizeof *items);
    size_t best_cost = SIZE_MAX;
    for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++) {
        if (modes[m] == FLIPPED_FIRST && flipped == 0)
            continue;
        memcpy(items, initial, n * sizeof *items);
        size_t cost = pack_once(items, n, sides, max_levels, gap, modes[m], left, right);
        if (cost < best_cost) {
            best_cost = cost;
            memcpy(best, items, n * sizeof *items);
        }
    }
    memcpy(items, best, n * sizeof *items);
    free(initial);
    free(best);
}

int tl_labels_pack_rows(tl_row_item *items, size_t n, int max_rows, double gap)
{
    if (max_rows < 1)
        max_rows = 1;
    double *row_end = tl_xmalloc((size_t)max_rows * sizeof *row_end);
    int used = 0;
    for (size_t i = 0; i < n; i++) {
        tl_row_item *it = &items[i];
        it->row = -1;
        for (int r = 0; r < max_rows; r++) {
            if (r == used) {
                used++;
                row_end[r] = -INFINITY;
            }
            if (row_end[r] + gap <= it->x0) {
                it->row = r;
                row_end[r] = it->x1;
                break;
            }
        }
    }
    free(row_end);
    return used;
}

void tl_marks_add(tl_marks *m, double x)
{
    size_t i = m->n;
    while (i > 0 && m->x[i - 1] > x) {
        m->x[i] = m->x[i - 1];
        i--;
    }
    m->x[i] = x;
    m->n++;
}

double tl_marks_distance(const tl_marks *m, double x)
{
    size_t lo = 0, hi = m->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (m->x[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    double d = INFINITY;
    if (lo < m->n)
        d = m->x[lo] - x;
    if (lo > 0)
        d = fmin(d, x - m->x[lo - 1]);
    return d;
}
