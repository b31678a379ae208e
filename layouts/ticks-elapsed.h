/* An elapsed-time axis (--axis elapsed): ticks counted from an origin, labelled "T−2 h", "T+0",
 * "T+3 d", or "Day 1", "Week 2", "Month 3", while positions stay the data's time. ticks.c
 * calls these when the request has an epoch. */
#ifndef TL_TICKS_ELAPSED_H
#define TL_TICKS_ELAPSED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ticks.h"

/* The steps to try, densest first, for the request's style; *count is set. */
const tl_tick_step *tl_ticks_elapsed_ladder(const tl_ticks_request *rq, size_t *count);
/* Appends the ticks of a step inside [t0, t1], on the grid that passes through the epoch:
 * every n units from it (calendar months for months). False at `limit` ticks. */
bool tl_ticks_elapsed_collect(const tl_ticks_request *rq, tl_tick_unit unit, int64_t n, int64_t t0,
                              int64_t t1, size_t limit, tl_ticks *out, size_t *cap);
/* The label of the tick at t on a step of `unit`. */
void tl_ticks_elapsed_label(const tl_ticks_request *rq, tl_tick_unit unit, int64_t t, char *buf,
                            size_t size);

#endif /* TL_TICKS_ELAPSED_H */
