/* Non-working days shaded behind the plot (--shade weekends, --holidays). */
#ifndef TL_SHADE_H
#define TL_SHADE_H

#include "chart.h"

/* Shades the weekends and holidays the options name across [a0, a1], when a day is at least 2
 * points long on the scale; nothing on coarser axes. Time runs along x (y from a0 to a1), or,
 * `down`, along y (x from a0 to a1: the vertical layout). Drawn before the events. */
void tl_shade_emit(tl_chart *c, const tl_scale *s, double a0, double a1, bool down);

#endif /* TL_SHADE_H */
