/* The as-of line (--today) and the past dimmed (--past dim). */
#ifndef TL_TODAY_H
#define TL_TODAY_H

#include "chart-text.h"

/* With a today in the options, adds it to the chart's events as a marker (a full-height line
 * with its date for a label), in the order of time, so that every layout draws it as it draws
 * markers. The view (c->view) is made if there was none. */
void tl_today_add(tl_chart *c);
/* With --past dim, fades every op of an event that ended before today. */
void tl_today_dim_past(tl_scene *scene, const tl_layout_options *opts);

#endif /* TL_TODAY_H */
