#include "ticks-zone.h"

#include "common/tl-calendar.h"
#include "data/date.h"

/* Every zone's offset is a whole number of quarter hours. */
enum { QUARTER_HOUR = 900 };

int64_t tl_ticks_wall(const tl_ticks_request *rq, int64_t t)
{
    return rq && rq->zone ? t + tl_date_zone_offset(rq->zone, t) : t;
}

bool tl_ticks_zone_collects(const tl_ticks_request *rq, tl_tick_unit unit)
{
    return rq->zone && (unit == TL_TICK_HOUR || unit == TL_TICK_DAY);
}

bool tl_ticks_zone_collect(const tl_ticks_request *rq, tl_tick_unit unit, int64_t n, int64_t t0,
                           int64_t t1, size_t limit, tl_ticks *out, size_t *cap)
{
    const int64_t len = (unit == TL_TICK_HOUR ? 3600 : TL_SECONDS_PER_DAY) * n;
    /* More ticks than the limit: fail before walking the candidates, which would be many. */
    if ((t1 - t0) / len >= (int64_t)limit)
        return false;
    /* Each quarter hour of UTC is a candidate: the wall clock is at a tick there or not. */
    for (int64_t t = tl_cal_floor_div(t0, QUARTER_HOUR) * QUARTER_HOUR; t <= t1;
         t += QUARTER_HOUR) {
        const int64_t wall = tl_ticks_wall(rq, t);
        if (t < t0 || wall - tl_cal_floor_div(wall, len) * len != 0)
            continue;
        if (!tl_ticks_push(out, cap, limit, t))
            return false;
    }
    return true;
}

void tl_ticks_zone_day(const tl_ticks_request *rq, int64_t t, int64_t *start, int64_t *end)
{
    const int64_t midnight =
        tl_cal_floor_div(tl_ticks_wall(rq, t), TL_SECONDS_PER_DAY) * TL_SECONDS_PER_DAY;
    *start = tl_date_zone_to_utc(rq->zone, midnight);
    *end = tl_date_zone_to_utc(rq->zone, midnight + TL_SECONDS_PER_DAY);
}
