/* A linear time scale: instants (seconds since the epoch) to x in points. */
#ifndef TL_SCALE_H
#define TL_SCALE_H

#include <stddef.h>
#include <stdint.h>

enum { TL_SCALE_MAX_BREAKS = 4 };

/* A stretch of time cut out of the axis: drawn as a narrow gap with a break mark. */
typedef struct tl_scale_break {
    int64_t t0, t1; /* the time cut out */
    double x0, x1;  /* the gap it is drawn as (set by the scale) */
} tl_scale_break;

typedef struct tl_scale {
    int64_t t0, t1; /* domain, t1 > t0 */
    double x0, x1;  /* range */
    /* Piecewise mapping when there are breaks: x = xa + k (t - lo), minus the cut time. */
    size_t nbreaks;
    tl_scale_break breaks[TL_SCALE_MAX_BREAKS];
    int64_t lo;
    double xa, k;
} tl_scale;

/* A domain covering [lo, hi] with a margin of `pad` (a fraction of the extent) on each side;
 * an empty extent (every event at one instant) is widened to a day either side. */
void tl_scale_init(tl_scale *s, int64_t lo, int64_t hi, double pad, double x0, double x1);
/* A scale that maps lo to xa and hi to xb (hi > lo, xb > xa), with a domain extended to cover
 * the range [x0, x1]. */
void tl_scale_init_mapped(tl_scale *s, int64_t lo, int64_t hi, double xa, double xb, double x0,
                          double x1);
/* As tl_scale_init_mapped(), with `nbreaks` stretches of time (sorted, disjoint, inside
 * (lo, hi)) each drawn as a gap `gap` points wide. */
void tl_scale_init_broken(tl_scale *s, int64_t lo, int64_t hi, double xa, double xb, double x0,
                          double x1, const tl_scale_break *breaks, size_t nbreaks, double gap);
double tl_scale_x(const tl_scale *s, int64_t t);
/* The break containing t, or NULL. */
const tl_scale_break *tl_scale_break_at(const tl_scale *s, int64_t t);

#endif /* TL_SCALE_H */
