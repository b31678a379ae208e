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
    SLOT_BITS = 12, /* 4,096 slots: finer than any canvas shows labels */
    SLOTS = 1 << SLOT_BITS,
    CLASSES = 512, /* importance (1..5) * 64 + length class (0..63) */
};

static unsigned bit_reverse(unsigned v)
{
    unsigned r = 0;
    for (int b = 0; b < SLOT_BITS; b++)
        r |= ((v >> b) & 1u) << (SLOT_BITS - 1 - b);
    return r;
}

/* Importance first, then the doubling of the length: an hour-long span is class 1, a day
 * class 5 or 6, a decade class 17. */
static unsigned item_class(const tl_lod_item *it)
{
    int imp = it->importance < 1 ? 1 : it->importance > 5 ? 5 : it->importance;
    unsigned len = 0;
    if (it->length > 0) {
        double l = floor(log2(it->length / 3600.0)) + 1;
        len = l < 1 ? 1 : l > 63 ? 63 : (unsigned)l;
    }
    return (unsigned)imp * 64 + len;
}

void tl_lod_order(const tl_lod_item *items, size_t n, double x0, double x1, size_t *order)
{
    if (n == 0)
        return;
    /* Ranks within a slot are counted per class present; classes are few. */
    int dense[CLASSES];
    memset(dense, -1, sizeof dense);
    size_t nclasses = 0;
    unsigned *cls = tl_xmalloc(n * sizeof *cls);
    for (size_t i = 0; i < n; i++) {
        cls[i] = item_class(&items[i]);
        if (dense[cls[i]] < 0)
            dense[cls[i]] = (int)nclasses++;
    }
    uint32_t *seen = tl_xcalloc(nclasses * SLOTS, sizeof *seen);
    tl_keyed *keys = tl_xmalloc(n * sizeof *keys);
    const double span = x1 > x0 ? x1 - x0 : 1;
    for (size_t i = 0; i < n; i++) {
        double f = (items[i].x - x0) / span;
        unsigned slot = f <= 0 ? 0 : f >= 1 ? SLOTS - 1 : (unsigned)(f * SLOTS);
        uint32_t rank = seen[(size_t)dense[cls[i]] * SLOTS + slot]++;
        /* Best first: the higher class, then the lower rank in its slot, then the slot that
         * best fills the gaps left by those before it. */
        keys[i] = (tl_keyed){
            .key = (int64_t)(CLASSES - 1 - cls[i]) << 50 | (int64_t)rank << SLOT_BITS |
                   (int64_t)bit_reverse(slot),
            .index = i,
        };
    }
    tl_keyed_sort(keys, n);
    for (size_t i = 0; i < n; i++)
        order[i] = keys[i].index;
    free(keys);
    free(seen);
    free(cls);
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
