/* A time scale: instants (seconds since the epoch) to x in points, linear (with breaks) or
 * logarithmic in the time before a present. */
#ifndef TL_SCALE_H
#define TL_SCALE_H

#include <stdbool.h>
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
    double xa, xb, k;
    /* A logarithmic scale of the time before `present` (tl_scale_set_log()): x falls with
     * log10 of the age in years, from log_hi at xa to log_lo at xb. */
    bool log;
    int64_t present;
    double log_lo, log_hi;
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
/* Makes the scale logarithmic in the time before `present`: ages from `oldest` (at xa) to
 * `youngest` (at xb) years, both positive; younger instants, the present and after it, are at
 * xb. Breaks are dropped. */
void tl_scale_set_log(tl_scale *s, int64_t present, double youngest, double oldest);
/* The seconds of a (Julian) year, which ages on a log scale are counted in. */
#define TL_SCALE_YEAR 31557600.0
double tl_scale_x(const tl_scale *s, int64_t t);
/* The break containing t, or NULL. */
const tl_scale_break *tl_scale_break_at(const tl_scale *s, int64_t t);

#endif /* TL_SCALE_H */
