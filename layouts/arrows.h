/* A project plan's dependencies as arrows between the marks already in the scene: routed
 * orthogonally through the gaps between rows, around every bar, mark and text, with a small
 * head on the successor's edge (arrows.c). */
#ifndef TL_ARROWS_H
#define TL_ARROWS_H

#include <stdbool.h>

#include "chart.h"

/* Colours of the dependency arrows and the critical path (also for the legend). */
tl_color tl_arrows_color(const tl_chart *c);
tl_color tl_arrows_critical_color(const tl_chart *c);
tl_color tl_arrows_violated_color(const tl_chart *c);

/* The legend entries a plan's dependencies need: the arrows (`drawn`: the layout draws them),
 * the critical path and violated dependencies when there are some; or, when the layout does
 * not draw them, a note that they are not shown. 0 without dependencies. */
unsigned tl_arrows_legend(const tl_chart *c, bool drawn);

/* Routes and draws the dependencies of the chart's timeline whose two events have marks in
 * the scene, and records every dependency (drawn or not) in the scene's links. `gap` is the
 * free height between two rows; arrows stay between x = left and right. One that has no free
 * route is not drawn (a warning counts them). Returns the number drawn. */
size_t tl_arrows_emit(tl_chart *c, double gap, double left, double right);

#endif /* TL_ARROWS_H */
