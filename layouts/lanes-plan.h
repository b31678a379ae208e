/* What the lanes layout draws of a project plan's tasks (lanes-plan.c): the done part of a
 * bar, the critical path's outline, and a label with its progress. */
#ifndef TL_LANES_PLAN_H
#define TL_LANES_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "chart.h"

/* The outline of a critical task, in points. */
#define TL_LANES_CRITICAL_W 1.6

/* Whether the options outline the critical path and the event is on it. */
bool tl_lanes_is_critical(const tl_chart *c, const tl_event *ev);

/* The label of chart event i: its title, or with --show-progress "Title · 60 %" (in the
 * scene's strings). Call it once the sources' numbers are on the titles. */
const char *tl_lanes_label_text(tl_chart *c, size_t i);

/* Draws event i's bar from x0 to x1, `h` tall from `top`: with a progress, the done part in the
 * bar's colour over the rest in a lighter one (hatched in print); a critical task outlined.
 * Returns the ink of a label centred at label_mid inside it, for the part under that. */
tl_color tl_lanes_emit_bar(tl_chart *c, size_t i, double x0, double x1, double top, double h,
                           tl_color color, double label_mid);

#endif /* TL_LANES_PLAN_H */
