#include "ticks-elapsed.h"

#include <stdio.h>

#include "common/tl-alloc.h"
#include "common/tl-calendar.h"
#include "words.h"

const tl_tick_step *tl_ticks_elapsed_ladder(const tl_ticks_request *rq, size_t *count)
{
    static const tl_tick_step t_steps[] = {
        {TL_TICK_SECOND, 1}, {TL_TICK_SECOND, 5}, {TL_TICK_SECOND, 15}, {TL_TICK_SECOND, 30},
        {TL_TICK_MINUTE, 1}, {TL_TICK_MINUTE, 5}, {TL_TICK_MINUTE, 15}, {TL_TICK_MINUTE, 30},
        {TL_TICK_HOUR, 1},   {TL_TICK_HOUR, 3},   {TL_TICK_HOUR, 6},    {TL_TICK_HOUR, 12},
        {TL_TICK_DAY, 1},    {TL_TICK_DAY, 2},    {TL_TICK_DAY, 7},     {TL_TICK_DAY, 14},
        {TL_TICK_DAY, 30},   {TL_TICK_DAY, 60},   {TL_TICK_DAY, 90},    {TL_TICK_DAY, 180},
        {TL_TICK_DAY, 365},  {TL_TICK_DAY, 730},  {TL_TICK_DAY, 1825},  {TL_TICK_DAY, 3650},
    };
    static const tl_tick_step day_steps[] = {
        {TL_TICK_DAY, 1},   {TL_TICK_DAY, 2},   {TL_TICK_DAY, 7},    {TL_TICK_DAY, 14},
        {TL_TICK_DAY, 28},  {TL_TICK_DAY, 56},  {TL_TICK_DAY, 91},   {TL_TICK_DAY, 182},
        {TL_TICK_DAY, 364}, {TL_TICK_DAY, 728}, {TL_TICK_DAY, 1820},
    };
    static const tl_tick_step week_steps[] = {
        {TL_TICK_WEEK, 1},  {TL_TICK_WEEK, 2},   {TL_TICK_WEEK, 4},
        {TL_TICK_WEEK, 8},  {TL_TICK_WEEK, 13},  {TL_TICK_WEEK, 26},
        {TL_TICK_WEEK, 52}, {TL_TICK_WEEK, 104}, {TL_TICK_WEEK, 260},
    };
    static const tl_tick_step month_steps[] = {
        {TL_TICK_MONTH, 1},  {TL_TICK_MONTH, 2},  {TL_TICK_MONTH, 3},  {TL_TICK_MONTH, 6},
        {TL_TICK_MONTH, 12}, {TL_TICK_MONTH, 24}, {TL_TICK_MONTH, 60}, {TL_TICK_MONTH, 120},
    };
#define LADDER(a) (*count = sizeof a / sizeof *a, a)
    switch (rq->elapsed_style) {
    case TL_ELAPSED_T:
        return LADDER(t_steps);
    case TL_ELAPSED_DAY:
        return LADDER(day_steps);
    case TL_ELAPSED_WEEK:
        return LADDER(week_steps);
    case TL_ELAPSED_MONTH:
        return LADDER(month_steps);
    }
#undef LADDER
    *count = 0;
    return NULL;
}

/* Seconds a unit lasts when that is fixed; 0 for months and longer. */
static int64_t unit_seconds(tl_tick_unit unit)
{
    return unit <= TL_TICK_WEEK ? (int64_t)tl_ticks_approx_seconds(unit) : 0;
}

/* The epoch moved by k calendar months, the day of the month kept where the month has it. */
static int64_t add_months(int64_t epoch, int64_t k)
{
    tl_civil c;
    tl_cal_split(epoch, &c);
    const int64_t m = (int64_t)c.month - 1 + k;
    const int64_t year = c.year + tl_cal_floor_div(m, 12);
    const int month = (int)(m - tl_cal_floor_div(m, 12) * 12) + 1;
    const int days = tl_cal_days_in_month(year, month);
    return tl_cal_make(year, month, c.day < days ? c.day : days, c.hour, c.minute, c.second);
}

bool tl_ticks_elapsed_collect(const tl_ticks_request *rq, tl_tick_unit unit, int64_t n, int64_t t0,
                              int64_t t1, size_t limit, tl_ticks *out, size_t *cap)
{
    const int64_t len = unit_seconds(unit) * n;
    if (len > 0) {
        int64_t k = tl_cal_floor_div(t0 - rq->epoch, len);
        for (int64_t t = rq->epoch + k * len; t <= t1; t += len)
            if (t >= t0 && !tl_ticks_push(out, cap, limit, t))
                return false;
        return true;
    }
    /* Months: from the epoch, before it as after. */
    int64_t k = tl_cal_floor_div(t0 - rq->epoch, 31 * TL_SECONDS_PER_DAY * n) - 1;
    for (;; k++) {
        const int64_t t = add_months(rq->epoch, k * n);
        if (t > t1)
            return true;
        if (t >= t0 && !tl_ticks_push(out, cap, limit, t))
            return false;
    }
}

/* The whole number of `unit`s from the epoch to t, rounded toward minus infinity. */
static int64_t count_units(const tl_ticks_request *rq, tl_tick_unit unit, int64_t t)
{
    const int64_t len = unit_seconds(unit);
    if (len > 0)
        return tl_cal_floor_div(t - rq->epoch, len);
    tl_civil a, b;
    tl_cal_split(rq->epoch, &a);
    tl_cal_split(t, &b);
    int64_t months = (b.year - a.year) * 12 + (b.month - a.month);
    if (add_months(rq->epoch, months) > t)
        months--;
    return months;
}

void tl_ticks_elapsed_label(const tl_ticks_request *rq, tl_tick_unit unit, int64_t t, char *buf,
                            size_t size)
{
    char number[32];
    switch (rq->elapsed_style) {
    case TL_ELAPSED_T: {
        /* Days, hours, minutes and seconds, the zero ones left out: "T+1 h 30 min",
         * "T−2 d", with the step's unit as the finest. */
        static const char *const symbols[] = {"d", "h", "min", "s"};
        static const int64_t lengths[] = {TL_SECONDS_PER_DAY, 3600, 60, 1};
        const int finest = unit == TL_TICK_SECOND   ? 3
                           : unit == TL_TICK_MINUTE ? 2
                           : unit == TL_TICK_HOUR   ? 1
                                                    : 0;
        const int64_t delta = t - rq->epoch;
        if (delta == 0) {
            snprintf(buf, size, "T+0");
            return;
        }
        int64_t rest = delta < 0 ? -delta : delta;
        /* A true minus sign, as a typesetter would set it. */
        size_t len = (size_t)snprintf(buf, size, "T%s", delta < 0 ? "\u2212" : "+");
        bool first = true;
        for (int u = 0; u <= finest && len < size; u++) {
            const int64_t v = rest / lengths[u];
            rest -= v * lengths[u];
            if (v == 0)
                continue;
            tl_words_count(rq->loc, (size_t)v, number, sizeof number);
            len += (size_t)snprintf(buf + len, size - len, "%s%s %s", first ? "" : " ", number,
                                    symbols[u]);
            first = false;
        }
        return;
    }
    case TL_ELAPSED_DAY:
    case TL_ELAPSED_WEEK:
    case TL_ELAPSED_MONTH: {
        static const char *const words[] = {"", "Day {0}", "Week {0}", "Month {0}"};
        static const tl_tick_unit units[] = {TL_TICK_DAY, TL_TICK_DAY, TL_TICK_WEEK, TL_TICK_MONTH};
        const int64_t k = count_units(rq, units[rq->elapsed_style], t) + rq->elapsed_base;
        if (rq->loc && tl_locale_number(rq->loc, k, false, number, sizeof number)) {
            const tl_locale_arg args[1] = {{.text = number, .number = (double)k}};
            if (tl_words_say(rq->loc, "elapsed", words[rq->elapsed_style], args, 1, buf, size))
                return;
        }
        snprintf(buf, size, "%s %s%lld",
                 rq->elapsed_style == TL_ELAPSED_DAY    ? "Day"
                 : rq->elapsed_style == TL_ELAPSED_WEEK ? "Week"
                                                        : "Month",
                 k < 0 ? "\u2212" : "", (long long)(k < 0 ? -k : k));
        return;
    }
    }
}
