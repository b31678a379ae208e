#include "scale.h"

#include "data/date.h"

void tl_scale_init(tl_scale *s, int64_t lo, int64_t hi, double pad, double x0, double x1)
{
    if (hi <= lo) {
        lo -= TL_SECONDS_PER_DAY;
        hi += TL_SECONDS_PER_DAY;
    }
    /* Integer margins keep the domain exact for far-away instants (deep time). */
    int64_t margin = (int64_t)((double)(hi - lo) * pad);
    s->t0 = lo - margin;
    s->t1 = hi + margin;
    s->x0 = x0;
    s->x1 = x1;
}

void tl_scale_init_mapped(tl_scale *s, int64_t lo, int64_t hi, double xa, double xb, double x0,
                          double x1)
{
    double per_pt = (double)(hi - lo) / (xb - xa);
    s->t0 = lo - (int64_t)((xa - x0) * per_pt);
    s->t1 = hi + (int64_t)((x1 - xb) * per_pt);
    s->x0 = x0;
    s->x1 = x1;
}

double tl_scale_x(const tl_scale *s, int64_t t)
{
    double f = (double)(t - s->t0) / (double)(s->t1 - s->t0);
    return s->x0 + f * (s->x1 - s->x0);
}

double tl_scale_resolution(const tl_scale *s)
{
    return (double)(s->t1 - s->t0) / (s->x1 - s->x0);
}
