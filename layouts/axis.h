/* A horizontal time axis drawn as a band holding its tick labels, shared by the variants
 * that run time left to right. */
#ifndef TL_AXIS_H
#define TL_AXIS_H

#include "chart.h"
#include "scale.h"
#include "ticks.h"

/* Width of the gap an axis break is drawn as. */
static const double TL_AXIS_BREAK_GAP = 18;

/* A row of the band naming units by spans (the tier above the ticks, or a --tiers row). */
typedef struct tl_axis_row {
    tl_tick_span *spans;
    size_t count;
    int tier; /* in the scene JSON: 1 for the nearest coarser unit, 2 for the next */
} tl_axis_row;

typedef struct tl_axis {
    tl_scale scale;
    tl_ticks ticks;
    double row_h;  /* one tier */
    double band_h; /* all its rows */
    /* The rows from the top: the ticks' row at `tick_row`, and the others, spans. */
    int nrows, tick_row;
    tl_axis_row rows[3];
} tl_axis;

/* --tiers in any layout: false when the chart has none, or its axis cannot take them (elapsed,
 * numeric, log); else the request for the ticks of the finest unit listed, and its index. */
bool tl_axis_tiers_request(const tl_chart *c, tl_ticks_request *rq, int *finest);
/* The scene JSON's tier of listed tier i: 1 for the nearest coarser unit than the ticks. */
int tl_axis_tier_of(const tl_chart *c, int finest, int i);
/* Chooses ticks for the scale already set in `a->scale` and sizes the band. */
bool tl_axis_build(tl_axis *a, tl_chart *c, tl_error **err);
/* Draws the band with its top edge at y, from scale.x0 to scale.x1. */
void tl_axis_emit(tl_chart *c, const tl_axis *a, double y);
void tl_axis_free(tl_axis *a);

#endif /* TL_AXIS_H */
