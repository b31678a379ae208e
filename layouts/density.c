#include "density.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "common/tl-alloc.h"

/* ---------------------------------------------------------------------------------------------
 * Choosing the events to label
 * ------------------------------------------------------------------------------------------- */

enum {
    MAX_SLOT_BITS = 12, /* 4,096 slots: finer than any canvas shows labels */
};

static unsigned bit_reverse(unsigned v, int bits)
{
    unsigned r = 0;
    for (int b = 0; b < bits; b++)
        r |= ((v >> b) & 1u) << (bits - 1 - b);
    return r;
}

static unsigned importance_of(const tl_lod_item *it)
{
    return (unsigned)(it->importance < 1 ? 1 : it->importance > 5 ? 5 : it->importance);
}

/* As many slots as labels are wanted (a power of two), so that each slot's best makes an even
 * spread; at most 4,096. */
static int slot_bits(size_t keep)
{
    int bits = 1;
    while (bits < MAX_SLOT_BITS && ((size_t)1 << bits) < keep)
        bits++;
    return bits;
}

void tl_lod_order(const tl_lod_item *items, size_t n, double x0, double x1, size_t keep,
                  double offset, size_t want, size_t *order)
{
    if (n == 0)
        return;
    const int bits = slot_bits(keep);
    const unsigned nslots = 1u << bits;
    const double span = x1 > x0 ? x1 - x0 : 1;
    unsigned *slot = tl_xmalloc(n * sizeof *slot);
    tl_keyed *keys = tl_xmalloc(n * sizeof *keys);
    /* First the events of each importance and slot, nearest its middle first: their rank in
     * that group. Slot after slot, the best are then evenly spaced. */
    for (size_t i = 0; i < n; i++) {
        double f = (items[i].x - x0) / span * nslots + offset;
        slot[i] = f <= 0 ? 0 : f >= nslots ? nslots - 1 : (unsigned)f;
        const unsigned off_centre = (unsigned)(fmin(fabs(f - slot[i] - 0.5), 0.5) * 510);
        keys[i] = (tl_keyed){
            .key = (int64_t)(5 - importance_of(&items[i])) << 32 | (int64_t)slot[i] << 8 |
                   (int64_t)off_centre,
            .index = i,
        };
    }
    tl_keyed_sort(keys, n);
    /* Then best first: the more important, then the lower rank in its slot (each slot's best
     * before any slot's second best, so labels spread over the whole range and a burst does
     * not take them all), then the slot that best fills the gaps left by those before it. An
     * event of rank `want` or more has at least `want` before it (its slot's better ones), so
     * only the others are sorted: a few thousand of a million. */
    int64_t group = -1;
    size_t rank = 0, m = 0;
    for (size_t k = 0; k < n; k++) {
        const size_t i = keys[k].index;
        const int64_t g = keys[k].key >> 8;
        rank = g == group ? rank + 1 : 0;
        group = g;
        if (rank < want)
            keys[m++] = (tl_keyed){
                .key = (int64_t)(5 - importance_of(&items[i])) << 56 | (int64_t)rank << 16 |
                       (int64_t)bit_reverse(slot[i], bits),
                .index = i,
            };
    }
    tl_keyed_sort(keys, m);
    for (size_t k = 0; k < want && k < m; k++)
        order[k] = keys[k].index;
    free(keys);
    free(slot);
}

/* ---------------------------------------------------------------------------------------------
 * Density bins
 * ------------------------------------------------------------------------------------------- */

void tl_density_init(tl_density *d, double lo, double hi, double bin)
{
    double len = hi > lo ? hi - lo : 1;
    size_t nbins = (size_t)ceil(len / (bin > 0 ? bin : 1));
    nbins = nbins < 1 ? 1 : nbins;
    *d = (tl_density){.lo = lo, .bin = len / (double)nbins, .nbins = nbins};
    d->counts = tl_xcalloc(nbins, sizeof *d->counts);
}

void tl_density_free(tl_density *d)
{
    free(d->counts);
    d->counts = NULL;
    d->nbins = 0;
}

void tl_density_add(tl_density *d, double x)
{
    double f = (x - d->lo) / d->bin;
    size_t k = !(f > 0) ? 0 : f >= (double)d->nbins ? d->nbins - 1 : (size_t)f;
    d->counts[k]++;
    d->total++;
}

size_t tl_density_peak(const tl_density *d)
{
    size_t peak = 0;
    for (size_t k = 0; k < d->nbins; k++)
        peak = d->counts[k] > peak ? d->counts[k] : peak;
    return peak;
}

/* A bin's share of the strip: the square root keeps single events visible beside a peak of
 * thousands, and one point is the least that still prints. */
static double bar_size(size_t count, size_t peak, double full)
{
    return fmax(1, full * sqrt((double)count / (double)peak));
}

void tl_density_emit_bars(const tl_density *d, tl_scene *scene, double base, double height,
                          size_t peak, tl_color color)
{
    if (peak == 0)
        peak = tl_density_peak(d);
    for (size_t k = 0; k < d->nbins; k++) {
        if (d->counts[k] == 0)
            continue;
        double h = bar_size(d->counts[k], peak, height);
        tl_rect_op *r = tl_scene_add_rect(scene, TL_ROLE_DENSITY, -1, d->lo + (double)k * d->bin,
                                          base - h, d->bin, h, color);
        r->count = d->counts[k];
    }
}

void tl_density_emit_violin(const tl_density *d, tl_scene *scene, double cx, double half,
                            tl_color color)
{
    const size_t peak = tl_density_peak(d);
    for (size_t k = 0; k < d->nbins; k++) {
        if (d->counts[k] == 0)
            continue;
        double w = bar_size(d->counts[k], peak, half);
        tl_rect_op *r = tl_scene_add_rect(scene, TL_ROLE_DENSITY, -1, cx - w,
                                          d->lo + (double)k * d->bin, 2 * w, d->bin, color);
        r->count = d->counts[k];
    }
}
