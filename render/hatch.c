#include "hatch.h"

#include <math.h>

/* Distance between neighbouring lines, across them. */
static const double SPACING = 3.5;

/* Lines x + y = k (rising to the right on a y-down canvas), or x - y = k when `back`. */
static void diagonals(double x0, double y0, double x1, double y1, bool back, tl_hatch_line_fn line,
                      void *user)
{
    const double step = SPACING * sqrt(2);
    const double kmin = back ? x0 - y1 : x0 + y0, kmax = back ? x1 - y0 : x1 + y1;
    for (double n = ceil(kmin / step); n * step <= kmax; n++) {
        const double k = n * step;
        const double lo = back ? fmax(x0, k + y0) : fmax(x0, k - y1);
        const double hi = back ? fmin(x1, k + y1) : fmin(x1, k - y0);
        if (hi - lo < 0.01)
            continue;
        if (back)
            line(user, lo, lo - k, hi, hi - k);
        else
            line(user, lo, k - lo, hi, k - hi);
    }
}

void tl_hatch_lines(const tl_rect_op *r, tl_hatch_line_fn line, void *user)
{
    const double x0 = fmin(r->x, r->x + r->w), x1 = fmax(r->x, r->x + r->w);
    const double y0 = fmin(r->y, r->y + r->h), y1 = fmax(r->y, r->y + r->h);
    switch (r->hatch) {
    case TL_HATCH_NONE:
        return;
    case TL_HATCH_DIAGONAL:
        diagonals(x0, y0, x1, y1, false, line, user);
        return;
    case TL_HATCH_CROSS:
        diagonals(x0, y0, x1, y1, false, line, user);
        diagonals(x0, y0, x1, y1, true, line, user);
        return;
    case TL_HATCH_HORIZONTAL:
        for (double n = floor(y0 / SPACING) + 1; n * SPACING < y1; n++)
            line(user, x0, n * SPACING, x1, n * SPACING);
        return;
    }
}
