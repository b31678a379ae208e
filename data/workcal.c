/* The working calendar as a clock that only runs on working days: tl_workcal_to_work() maps
 * an instant to the working seconds since an origin, tl_workcal_from_work() maps back. In that
 * time a duration of n working days is n * 86400, whatever weekends and holidays lie between,
 * so scheduling and the critical path method add and compare plain numbers. */
#include "data/plan.h"

#include <math.h>
#include <stdlib.h>

#include "common/tl-alloc.h"
#include "common/tl-calendar.h"

enum { DAY = 86400 };

/* 1970-01-01 was a Thursday: day + 3 counts from a Monday. */
static int weekday(int64_t day)
{
    return (int)(((day + 3) % 7 + 7) % 7);
}

static int cmp_day(const void *a, const void *b)
{
    const int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

void tl_workcal_init(tl_workcal *cal, unsigned mask, const tl_time *holidays, size_t count)
{
    /* No working day at all would stop the clock: every day works instead. */
    *cal = (tl_workcal){.mask = (mask & 0x7f) ? mask & 0x7f : 0x7f};
    for (int d = 0; d < 7; d++)
        cal->per_week += (cal->mask >> d) & 1;
    size_t cap = 0;
    for (size_t i = 0; i < count; i++) {
        const int64_t first = tl_cal_floor_div(holidays[i].lo, DAY);
        const int64_t last = tl_cal_floor_div(holidays[i].hi, DAY);
        /* A holiday given as a year would close a whole year: the setter's dates are days, and
         * a longer one is capped rather than trusted. */
        for (int64_t d = first; d <= last && d - first < 366; d++) {
            if (!((cal->mask >> weekday(d)) & 1))
                continue;
            cal->holidays = tl_xgrow(cal->holidays, &cap, cal->nholidays + 1, sizeof(int64_t));
            cal->holidays[cal->nholidays++] = d;
        }
    }
    if (cal->nholidays > 1) {
        qsort(cal->holidays, cal->nholidays, sizeof(int64_t), cmp_day);
        size_t k = 1;
        for (size_t i = 1; i < cal->nholidays; i++)
            if (cal->holidays[i] != cal->holidays[k - 1])
                cal->holidays[k++] = cal->holidays[i];
        cal->nholidays = k;
    }
}

void tl_workcal_clear(tl_workcal *cal)
{
    free(cal->holidays);
    *cal = (tl_workcal){0};
}

/* Holidays before `day`. */
static int64_t holidays_before(const tl_workcal *cal, int64_t day)
{
    size_t lo = 0, hi = cal->nholidays;
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (cal->holidays[mid] < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (int64_t)lo;
}

static bool holiday(const tl_workcal *cal, int64_t day)
{
    const int64_t k = holidays_before(cal, day);
    return (size_t)k < cal->nholidays && cal->holidays[k] == day;
}

bool tl_workcal_is_working_day(const tl_workcal *cal, int64_t day)
{
    return ((cal->mask >> weekday(day)) & 1) && !holiday(cal, day);
}

/* Working days before `day`, counted from the Monday 1969-12-29. */
static int64_t workdays_before(const tl_workcal *cal, int64_t day)
{
    const int64_t from_monday = day + 3;
    const int64_t weeks = tl_cal_floor_div(from_monday, 7);
    const int rest = (int)(from_monday - weeks * 7);
    int64_t n = weeks * cal->per_week;
    for (int d = 0; d < rest; d++)
        n += (cal->mask >> d) & 1;
    return n - holidays_before(cal, day);
}

int64_t tl_workcal_to_work(const tl_workcal *cal, int64_t t)
{
    const int64_t day = tl_cal_floor_div(t, DAY);
    const int64_t in_day = tl_workcal_is_working_day(cal, day) ? t - day * DAY : 0;
    return workdays_before(cal, day) * DAY + in_day;
}

/* The day that is the k-th working day from the origin (k counted from 0). */
static int64_t nth_working_day(const tl_workcal *cal, int64_t k)
{
    /* workdays_before() grows by at most one a day and by per_week a week: the answer lies
     * within a week (and the holidays) of the even-spread guess. */
    const int64_t guess = k / cal->per_week * 7 - 3;
    int64_t lo = guess - 14,
            hi = guess + 14 + 7 * (int64_t)(cal->nholidays / (size_t)cal->per_week + 1);
    while (workdays_before(cal, lo + 1) > k)
        lo -= 7 * (int64_t)(cal->nholidays + 1);
    while (workdays_before(cal, hi + 1) <= k)
        hi += 7 * (int64_t)(cal->nholidays + 1);
    /* The first day d with workdays_before(d + 1) > k. */
    while (lo < hi) {
        const int64_t mid = lo + (hi - lo) / 2;
        if (workdays_before(cal, mid + 1) > k)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

int64_t tl_workcal_from_work(const tl_workcal *cal, int64_t w, bool as_end)
{
    int64_t k = tl_cal_floor_div(w, DAY);
    int64_t in_day = w - k * DAY;
    if (as_end && in_day == 0) {
        k--;
        in_day = DAY;
    }
    return nth_working_day(cal, k) * DAY + in_day;
}

int64_t tl_workcal_add(const tl_workcal *cal, int64_t w, const tl_plan_amount *amount, int sign)
{
    const double n = amount->n * sign;
    switch (amount->unit) {
    case TL_PLAN_HOURS:
        return w + (int64_t)llround(n * 3600);
    case TL_PLAN_DAYS:
        return w + (int64_t)llround(n * DAY);
    case TL_PLAN_WEEKS:
        return w + (int64_t)llround(n * cal->per_week * DAY);
    case TL_PLAN_MONTHS:
    case TL_PLAN_YEARS:
        break;
    }
    /* Calendar months: the same day of the month n months on (clamped to the month's end),
     * whole months only; a fraction is taken as 30-day (or 365-day) parts. */
    const int64_t t = tl_workcal_from_work(cal, w, sign < 0);
    const double months = amount->unit == TL_PLAN_YEARS ? n * 12 : n;
    const int64_t whole = (int64_t)(months >= 0 ? floor(months) : ceil(months));
    int64_t moved = tl_cal_add_months(t, whole);
    moved += (int64_t)llround((months - (double)whole) * 30 * DAY);
    return tl_workcal_to_work(cal, moved);
}
