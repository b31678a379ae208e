/* A linear time scale: instants (seconds since the epoch) to x in points. */
#ifndef TL_SCALE_H
#define TL_SCALE_H

#include <stdint.h>

typedef struct tl_scale {
    int64_t t0, t1; /* domain, t1 > t0 */
    double x0, x1;  /* range */
} tl_scale;

/* A domain covering [lo, hi] with a margin of `pad` (a fraction of the extent) on each side;
 * an empty extent (every event at one instant) is widened to a day either side. */
void tl_scale_init(tl_scale *s, int64_t lo, int64_t hi, double pad, double x0, double x1);
/* A scale that maps lo to xa and hi to xb (hi > lo, xb > xa), with a domain extended to cover
 * the range [x0, x1]. */
void tl_scale_init_mapped(tl_scale *s, int64_t lo, int64_t hi, double xa, double xb, double x0,
                          double x1);
double tl_scale_x(const tl_scale *s, int64_t t);
/* Seconds per point. */
double tl_scale_resolution(const tl_scale *s);

#endif /* TL_SCALE_H */
