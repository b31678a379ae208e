#include "scale.h"

#include <math.h>

#include "data/date.h"

void tl_scale_init(tl_scale *s, int64_t lo, int64_t hi, double pad, double x0, double x1)
{
    if (hi <= lo) {
        lo -= TL_SECONDS_PER_DAY;
        hi += TL_SECONDS_PER_DAY;
    }
    /* Integer margins keep the domain exact for far-away instants (deep time). */
    int64_t margin = (int64_t)((double)(hi - lo) * pad);
    tl_scale_init_mapped(s, lo - margin, hi + margin, x0, x1, x0, x1);
}

void tl_scale_init_mapped(tl_scale *s, int64_t lo, int64_t hi, double xa, double xb, double x0,
                          double x1)
{
    tl_scale_init_broken(s, lo, hi, xa, xb, x0, x1, NULL, 0, 0);
}

/* A stretch of time past the domain's ends, in seconds: a page may stretch far (or, when the
 * domain has no length on the page, infinitely), and a double beyond int64_t has no cast. */
static int64_t clamp_span(double seconds)
{
    const double most = 4e18; /* with the domain, still inside int64_t */
    if (!(seconds > -most)) /* NaN included */
        return seconds > 0 ? (int64_t)most : isnan(seconds) ? 0 : -(int64_t)most;
    return seconds < most ? (int64_t)seconds : (int64_t)most;
}

void tl_scale_init_broken(tl_scale *s, int64_t lo, int64_t hi, double xa, double xb, double x0,
                          double x1, const tl_scale_break *breaks, size_t nbreaks, double gap)
{
    if (nbreaks > TL_SCALE_MAX_BREAKS)
        nbreaks = TL_SCALE_MAX_BREAKS;
    int64_t cut = 0;
    for (size_t i = 0; i < nbreaks; i++)
        cut += breaks[i].t1 - breaks[i].t0;
    double width = (xb - xa) - (double)nbreaks * gap;
    if (width <= 0 || hi - lo - cut <= 0) { /* no room to draw breaks: a plain scale */
        nbreaks = 0;
        cut = 0;
        width = xb - xa;
    }
    s->lo = lo;
    s->xa = xa;
    s->xb = xb;
    s->log = false;
    s->k = width / (double)(hi - lo - cut);
    s->t0 = lo - clamp_span((xa - x0) / s->k);
    s->t1 = hi + clamp_span((x1 - xb) / s->k);
    s->x0 = x0;
    s->x1 = x1;
    s->nbreaks = nbreaks;
    double x = xa;
    int64_t prev = lo;
    for (size_t i = 0; i < nbreaks; i++) {
        s->breaks[i] = breaks[i];
        x += s->k * (double)(breaks[i].t0 - prev);
        s->breaks[i].x0 = x;
        s->breaks[i].x1 = x + gap;
        x += gap;
        prev = breaks[i].t1;
    }
}

void tl_scale_set_log(tl_scale *s, int64_t present, double youngest, double oldest)
{
    s->log = true;
    s->nbreaks = 0;
    s->present = present;
    s->log_lo = log10(youngest);
    s->log_hi = log10(oldest > youngest * 1.01 ? oldest : youngest * 10);
}

static double log_x(const tl_scale *s, int64_t t)
{
    const double age = (double)(s->present - t) / TL_SCALE_YEAR;
    const double lg = age > 0 ? log10(age) : s->log_lo;
    const double f = (s->log_hi - (lg < s->log_lo ? s->log_lo : lg)) / (s->log_hi - s->log_lo);
    return s->xa + (s->xb - s->xa) * f;
}

double tl_scale_x(const tl_scale *s, int64_t t)
{
    if (s->log)
        return log_x(s, t);
    double x = s->xa;
    int64_t prev = s->lo;
    for (size_t i = 0; i < s->nbreaks; i++) {
        const tl_scale_break *b = &s->breaks[i];
        if (t <= b->t0)
            break;
        if (t < b->t1) /* inside the cut: spread over the gap */
            return b->x0 + (b->x1 - b->x0) * (double)(t - b->t0) / (double)(b->t1 - b->t0);
        x = b->x1;
        prev = b->t1;
    }
    return x + s->k * (double)(t - prev);
}

const tl_scale_break *tl_scale_break_at(const tl_scale *s, int64_t t)
{
    for (size_t i = 0; i < s->nbreaks; i++)
        if (t > s->breaks[i].t0 && t < s->breaks[i].t1)
            return &s->breaks[i];
    return NULL;
}
