#include "ticks-locale.h"

#include <stdio.h>

#include "common/tl-alloc.h"
#include "common/tl-calendar.h"

/* Deep time, as ticks.c counts it: years before 1950. */
enum { BP_EPOCH = 1950, BP_STEP = 10000 };

static void deep_time(tl_locale *loc, int64_t year, int64_t every, char *buf, size_t size)
{
    const int64_t bp = BP_EPOCH - year;
    char n[64];
    if (bp == 0) {
        if (!tl_locale_message(loc, "deep time", "present", NULL, 0, buf, size))
            snprintf(buf, size, "present");
        return;
    }
    const bool ma = bp % 1000000 == 0 || every >= 1000000;
    tl_locale_decimal(loc, (double)bp / (ma ? 1e6 : 1e3), 1, n, sizeof n);
    const tl_locale_arg args[1] = {{.text = n, .number = (double)bp / (ma ? 1e6 : 1e3)}};
    tl_locale_message(loc, "deep time", ma ? "{0} Ma" : "{0} ka", args, 1, buf, size);
}

void tl_ticks_locale_label(tl_locale *loc, tl_tick_unit unit, int64_t every, int64_t t, char *buf,
                           size_t size)
{
    switch (unit) {
    case TL_TICK_SECOND:
        tl_locale_date(loc, t, "Hms", buf, size);
        return;
    case TL_TICK_MINUTE:
    case TL_TICK_HOUR:
        tl_locale_date(loc, t, "Hm", buf, size);
        return;
    case TL_TICK_DAY:
    case TL_TICK_WEEK:
        tl_locale_date(loc, t, "d", buf, size);
        return;
    case TL_TICK_MONTH:
        tl_locale_date(loc, t, "MMM", buf, size);
        return;
    case TL_TICK_QUARTER:
        tl_locale_date(loc, t, "QQQ", buf, size);
        return;
    case TL_TICK_YEAR:
        if (every >= BP_STEP) {
            tl_civil c;
            tl_cal_split(t, &c);
            deep_time(loc, c.year, every, buf, size);
        } else {
            tl_locale_date(loc, t, "y", buf, size);
        }
        return;
    }
}

/* The year of the locale's calendar as one number that changes at every year start and era
 * start (Heisei 31 and Reiwa 1 are two years of 2019). */
static int64_t year_key(tl_locale *loc, int64_t t)
{
    return tl_locale_get(loc, t, TL_LOCALE_ERA) * INT64_C(100000000) +
           tl_locale_get(loc, t, TL_LOCALE_YEAR);
}

/* The start and end of the calendar year (or era year) holding t, walking its months: no
 * calendar has more than 13. */
static void year_bounds(tl_locale *loc, int64_t t, int64_t *start, int64_t *end)
{
    const int64_t key = year_key(loc, t);
    int64_t a = tl_locale_month_start(loc, t);
    for (int i = 0; i < 14; i++) {
        const int64_t prev = tl_locale_month_start(loc, a - 1);
        if (prev >= a || year_key(loc, prev) != key)
            break;
        a = prev;
    }
    int64_t b = tl_locale_next_month(loc, a);
    for (int i = 0; i < 14 && year_key(loc, b) == key; i++)
        b = tl_locale_next_month(loc, b);
    *start = a;
    *end = b;
}

void tl_ticks_locale_tier(tl_locale *loc, tl_tick_unit unit, int64_t t, int64_t *start,
                          int64_t *end, char *buf, size_t size)
{
    tl_civil c;
    tl_cal_split(t, &c);
    switch (unit) {
    case TL_TICK_SECOND:
    case TL_TICK_MINUTE:
    case TL_TICK_HOUR:
        *start = tl_cal_make(c.year, c.month, c.day, 0, 0, 0);
        *end = *start + TL_SECONDS_PER_DAY;
        tl_locale_date(loc, *start, "yMMMd", buf, size);
        return;
    case TL_TICK_DAY:
    case TL_TICK_WEEK:
        *start = tl_locale_month_start(loc, t);
        *end = tl_locale_next_month(loc, *start);
        tl_locale_date(loc, *start, "yMMM", buf, size);
        return;
    case TL_TICK_MONTH:
    case TL_TICK_QUARTER:
    case TL_TICK_YEAR:
        year_bounds(loc, t, start, end);
        tl_locale_date(loc, *start, "y", buf, size);
        return;
    }
}

bool tl_ticks_locale_calendar(tl_locale *loc, tl_tick_unit unit, int64_t every)
{
    return loc && !tl_locale_is_gregorian(loc) &&
           (unit == TL_TICK_MONTH || (unit == TL_TICK_YEAR && every < BP_STEP));
}

/* Beyond this many months a month walk costs too much (each month is several ICU calls, and the
 * tick chooser tries several steps): 200 years. */
enum { MONTH_WALK_MAX = 2400, JUMP_TRIES = 4 };

/* The year start at or after `from` whose number is a multiple of `every`, found by jumping a
 * year length at a time and correcting on the year number; INT64_MIN when the calendar's years
 * do not converge there (an era starts in between), and the caller steps one year instead. */
static int64_t jump_to_multiple(tl_locale *loc, int64_t from, int64_t every, int64_t year_len)
{
    int64_t y = tl_locale_get(loc, from, TL_LOCALE_YEAR);
    const int64_t target = y + (every - (y % every + every) % every) % every;
    /* Aim at the middle of a year so that year-length drift cannot land on a neighbour. */
    int64_t t = from + year_len / 2;
    for (int i = 0; i < JUMP_TRIES && y != target; i++) {
        t += (target - y) * year_len;
        y = tl_locale_get(loc, t, TL_LOCALE_YEAR);
    }
    if (y != target)
        return INT64_MIN;
    int64_t start, end;
    year_bounds(loc, t, &start, &end);
    return start;
}

/* Year ticks over a long span: from one tick to the next in a few calls rather than a month
 * walk, so that ten thousand years in the Hebrew calendar cost what two hundred do. */
static bool collect_years_jumping(tl_locale *loc, int64_t every, int64_t t0, int64_t t1,
                                  size_t limit, tl_ticks *out, size_t *cap)
{
    int64_t start, end;
    year_bounds(loc, t0, &start, &end);
    const int64_t year_len = end - start;
    for (int64_t s = start; s <= t1;) {
        int64_t next = jump_to_multiple(loc, s, every, year_len);
        if (next == INT64_MIN || next < s) {
            year_bounds(loc, s, &start, &end); /* step over the era change a year at a time */
            s = end > s ? end : s + year_len;
            continue;
        }
        if (next > t1)
            break;
        if (next >= t0 && !tl_ticks_push(out, cap, limit, next))
            return false;
        year_bounds(loc, next, &start, &end);
        s = end > next ? end : next + year_len;
    }
    return true;
}

bool tl_ticks_locale_collect(tl_locale *loc, tl_tick_unit unit, int64_t every, int64_t t0,
                             int64_t t1, size_t limit, tl_ticks *out, size_t *cap)
{
    if (unit == TL_TICK_YEAR && (t1 - t0) / (28 * TL_SECONDS_PER_DAY) > MONTH_WALK_MAX)
        return collect_years_jumping(loc, every, t0, t1, limit, out, cap);
    /* Month by month from the start of t0's year: a month is a tick when it is the n-th of
     * its year (months), or starts a year whose number is a multiple of n (years). */
    int64_t start, end;
    year_bounds(loc, t0, &start, &end);
    int64_t key = year_key(loc, start), index = 0;
    for (int64_t m = start; m <= t1; m = tl_locale_next_month(loc, m)) {
        const int64_t k = year_key(loc, m);
        if (k != key) {
            key = k;
            index = 0;
        }
        const bool tick = unit == TL_TICK_MONTH
                              ? index % every == 0
                              : index == 0 && tl_locale_get(loc, m, TL_LOCALE_YEAR) % every == 0;
        if (tick && m >= t0 && !tl_ticks_push(out, cap, limit, m))
            return false;
        index++;
    }
    return true;
}

bool tl_ticks_locale_one_tier(tl_locale *loc, tl_tick_unit unit, const tl_tick *tk,
                              const int64_t *prev, char *buf, size_t size)
{
    tl_civil c, p;
    tl_cal_split(tk->t, &c);
    if (prev)
        tl_cal_split(*prev, &p);
    const bool new_year = !prev || year_key(loc, *prev) != year_key(loc, tk->t);
    const bool new_day = new_year || p.month != c.month || p.day != c.day;
    switch (unit) {
    case TL_TICK_SECOND:
        tl_locale_date(loc, tk->t, "Hms", buf, size);
        break;
    case TL_TICK_MINUTE:
    case TL_TICK_HOUR:
        tl_locale_date(loc, tk->t, !prev ? "MMMdHm" : new_day ? "MMMd" : "Hm", buf, size);
        break;
    case TL_TICK_DAY:
    case TL_TICK_WEEK:
        tl_locale_date(loc, tk->t, new_year ? "yMMMd" : "MMMd", buf, size);
        break;
    case TL_TICK_QUARTER:
        tl_locale_date(loc, tk->t, new_year ? "yQQQ" : "QQQ", buf, size);
        break;
    case TL_TICK_MONTH: {
        int64_t start, end;
        year_bounds(loc, tk->t, &start, &end);
        if (start == tk->t) {
            tl_locale_date(loc, tk->t, "y", buf, size);
            return true;
        }
        tl_locale_date(loc, tk->t, new_year ? "yMMM" : "MMM", buf, size);
        break;
    }
    case TL_TICK_YEAR:
        snprintf(buf, size, "%s", tk->label);
        break;
    }
    return false;
}
