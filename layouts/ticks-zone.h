/* An axis in a time zone's wall clock (--tz): hour and day ticks at the zone's hours and
 * midnights, across daylight-saving changes (the skipped hour has no tick, the repeated one
 * two), labelled with the wall clock. ticks.c calls these when the request has a zone. */
#ifndef TL_TICKS_ZONE_H
#define TL_TICKS_ZONE_H

#include "ticks.h"

/* The wall-clock time at t, as seconds since the epoch as if it were UTC. */
int64_t tl_ticks_wall(const tl_ticks_request *rq, int64_t t);
/* Whether ticks of this unit follow the zone (hours and days; minutes and seconds fall on the
 * same instants whatever the zone, weeks and longer are too coarse to tell). */
bool tl_ticks_zone_collects(const tl_ticks_request *rq, tl_tick_unit unit);
/* Appends the instants inside [t0, t1] where the wall clock is at a multiple of n hours (or
 * at midnight of a multiple of n days); false at `limit` ticks. */
bool tl_ticks_zone_collect(const tl_ticks_request *rq, tl_tick_unit unit, int64_t n, int64_t t0,
                           int64_t t1, size_t limit, tl_ticks *out, size_t *cap);
/* The wall-clock day holding t: its first and last instants as UTC. */
void tl_ticks_zone_day(const tl_ticks_request *rq, int64_t t, int64_t *start, int64_t *end);

#endif /* TL_TICKS_ZONE_H */
