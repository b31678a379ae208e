/* Level of detail: which events get a label when there are too many to label them all, and
 * density bins that count the rest, so a chart of a million events costs what one of a few
 * hundred does and stays readable. */
#ifndef TL_DENSITY_H
#define TL_DENSITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scene/scene.h"

/* An event competing for a label. */
typedef struct tl_lod_item {
    double x; /* where it is drawn along the time axis */
    int importance;
} tl_lod_item;

/* Fills order[0..want) (want <= n) with the indices of `items`, the events most deserving of a
 * label first (the first `want` of the whole order: only they are sorted at the end):
 * higher importance, then spread over time: [x0, x1] is cut into about `keep` slots (the
 * number of labels wanted) and each slot's best (the event nearest its middle) comes before
 * any slot's second best, the slots
 * themselves taken in an order that halves the gaps (bit-reversed), so any prefix is spread
 * evenly and a burst of events does not take every label. The slots' bounds are moved
 * `offset` of a slot (0 to 1) later: charts side by side (the lanes) that offset theirs by
 * different fractions label dates between each other's. Ties keep index order.
 * O(n log n); deterministic. */
void tl_lod_order(const tl_lod_item *items, size_t n, double x0, double x1, size_t keep,
                  double offset, size_t want, size_t *order);

/* A histogram of events along an axis: bins of equal width from `lo` to `hi`. */
typedef struct tl_density {
    double lo, bin;
    size_t nbins;
    size_t *counts;
    size_t total;
} tl_density;

/* Bins of about `bin` points (at least one) over [lo, hi]. */
void tl_density_init(tl_density *d, double lo, double hi, double bin);
void tl_density_free(tl_density *d);
/* Counts an event at `x` (clamped into the range). */
void tl_density_add(tl_density *d, double x);
size_t tl_density_peak(const tl_density *d);

/* A horizontal strip: one rect per non-empty bin, standing on `base` and at most `height`
 * tall, its height growing with the square root of the count (so a bin of one event still
 * shows beside the peak). Each rect records its count. `peak` scales the bars (0: this
 * histogram's own peak; several strips pass a shared one). */
void tl_density_emit_bars(const tl_density *d, tl_scene *scene, double base, double height,
                          size_t peak, tl_color color);
/* A vertical strip centred on x = cx (bins run down the page): bars at most 2 * half wide. */
void tl_density_emit_violin(const tl_density *d, tl_scene *scene, double cx, double half,
                            tl_color color);

#endif /* TL_DENSITY_H */
