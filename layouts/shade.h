/* Non-working days shaded behind the plot (--shade weekends, --holidays). */
#ifndef TL_SHADE_H
#define TL_SHADE_H

#include "chart.h"

/* Shades the weekends and holidays the options name between y0 and y1, when a day is at
 * least 2 points wide on the scale; nothing on coarser axes. Drawn before the events. */
void tl_shade_emit(tl_chart *c, const tl_scale *s, double y0, double y1);

#endif /* TL_SHADE_H */
