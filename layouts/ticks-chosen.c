#include "ticks-chosen.h"

#include <stdio.h>

#include "common/tl-calendar.h"
#include "locale/locale.h"

int tl_ticks_quarter(const tl_ticks_request *rq, int month)
{
    const int start = rq && rq->fiscal_start >= 1 && rq->fiscal_start <= 12 ? rq->fiscal_start : 1;
    return ((month - start + 12) % 12) / 3 + 1;
}

void tl_ticks_fiscal_year(const tl_ticks_request *rq, int64_t t, int64_t *start, int64_t *end,
                          char *buf, size_t size)
{
    const int first = rq && rq->fiscal_start >= 1 && rq->fiscal_start <= 12 ? rq->fiscal_start : 1;
    tl_civil c;
    tl_cal_split(t, &c);
    const int64_t year = c.month >= first ? c.year : c.year - 1; /* the year it starts in */
    *start = tl_cal_make(year, first, 1, 0, 0, 0);
    *end = tl_cal_make(year + 1, first, 1, 0, 0, 0);
    if (first == 1) {
        tl_cal_format_year(year, buf, size);
        return;
    }
    /* By convention a fiscal year is named by the year it ends in. */
    snprintf(buf, size, "FY%lld", (long long)(rq->fiscal_by_start ? year : year + 1));
}

/* Days since 1970-01-01 of the Monday of ISO week 1 of `year`: the week with 4 January. */
static int64_t week_one(int64_t year)
{
    const int64_t jan4 = tl_cal_days_from_civil(year, 1, 4);
    /* 1970-01-01 was a Thursday: weekday 0 = Monday. */
    const int64_t weekday = ((jan4 + 3) % 7 + 7) % 7;
    return jan4 - weekday;
}

int tl_ticks_iso_week(int64_t t, int64_t *week_year)
{
    const int64_t day = tl_cal_floor_div(t, TL_SECONDS_PER_DAY);
    tl_civil c;
    tl_cal_split(t, &c);
    int64_t year = c.year;
    if (day < week_one(year))
        year--;
    else if (day >= week_one(year + 1))
        year++;
    *week_year = year;
    return (int)((day - week_one(year)) / 7) + 1;
}

void tl_ticks_iso_year(int64_t t, int64_t *start, int64_t *end, char *buf, size_t size)
{
    int64_t year;
    tl_ticks_iso_week(t, &year);
    *start = week_one(year) * TL_SECONDS_PER_DAY;
    *end = week_one(year + 1) * TL_SECONDS_PER_DAY;
    tl_cal_format_year(year, buf, size);
}

/* Days since 1970-01-01 of the first day of the week holding `day`, weeks starting on
 * `first` (0 Monday .. 6 Sunday). */
static int64_t week_start_day(int64_t day, int first)
{
    const int64_t weekday = ((day + 3) % 7 + 7) % 7; /* 1970-01-01 was a Thursday */
    return day - ((weekday - first) % 7 + 7) % 7;
}

int tl_ticks_week(const tl_ticks_request *rq, int64_t t, int64_t *week_year)
{
    const int first = rq ? rq->week_start % 7 : 0;
    if (first == 0)
        return tl_ticks_iso_week(t, week_year);
    const int64_t day = tl_cal_floor_div(t, TL_SECONDS_PER_DAY);
    /* Week 1 holds 1 January; the last days of December may be week 1 of the next year. */
    tl_civil c;
    tl_cal_split(t, &c);
    int64_t year = c.year;
    if (week_start_day(tl_cal_days_from_civil(year + 1, 1, 1), first) <= day)
        year++;
    *week_year = year;
    const int64_t one = week_start_day(tl_cal_days_from_civil(year, 1, 1), first);
    return (int)((day - one) / 7) + 1;
}

void tl_ticks_week_year(const tl_ticks_request *rq, int64_t t, int64_t *start, int64_t *end,
                        char *buf, size_t size)
{
    const int first = rq ? rq->week_start % 7 : 0;
    if (first == 0) {
        tl_ticks_iso_year(t, start, end, buf, size);
        return;
    }
    int64_t year;
    tl_ticks_week(rq, t, &year);
    *start = week_start_day(tl_cal_days_from_civil(year, 1, 1), first) * TL_SECONDS_PER_DAY;
    *end = week_start_day(tl_cal_days_from_civil(year + 1, 1, 1), first) * TL_SECONDS_PER_DAY;
    tl_cal_format_year(year, buf, size);
}

bool tl_ticks_label_chosen(const tl_text_measurer *m, const tl_font *font, const char *lang,
                           double min_gap, double left, double right, tl_ticks *out)
{
    const tl_text_shape one_line = {.lang = lang};
    double last_right = -1e300;
    for (size_t i = 0; i < out->count; i++) {
        tl_tick *tk = &out->items[i];
        if (!m->measure(m->user, font, &one_line, tk->label, &tk->extents))
            return false;
        const double half = tk->extents.width / 2;
        const bool inside = tk->x - half >= left && tk->x + half <= right;
        if (inside && tk->x - half >= last_right + min_gap) {
            last_right = tk->x + half;
            continue;
        }
        /* An edge label is left out as with any step; one between others is thinned. */
        out->thinned = out->thinned || inside;
        tk->label[0] = '\0';
        tk->extents = (tl_text_extents){0};
    }
    return true;
}

bool tl_ticks_formatted(const tl_ticks_request *rq, tl_tick_unit unit, int64_t t, char *buf,
                        size_t size)
{
    if (!rq || !rq->formats || !rq->formats[unit] || !rq->format_loc)
        return false;
    char text[96];
    if (!tl_locale_date(rq->format_loc, t, rq->formats[unit], text, sizeof text))
        return false;
    snprintf(buf, size, "%s", text);
    return true;
}

static void unit_span(const tl_ticks_request *rq, tl_tick_unit unit, int64_t t, int64_t *start,
                      int64_t *end, char *buf, size_t size);

void tl_ticks_unit_span(const tl_ticks_request *rq, tl_tick_unit unit, int64_t t, int64_t *start,
                        int64_t *end, char *buf, size_t size)
{
    unit_span(rq, unit, t, start, end, buf, size);
    tl_ticks_formatted(rq, unit, *start, buf, size);
}

static void unit_span(const tl_ticks_request *rq, tl_tick_unit unit, int64_t t, int64_t *start,
                      int64_t *end, char *buf, size_t size)
{
    tl_civil c;
    tl_cal_split(t, &c);
    switch (unit) {
    case TL_TICK_YEAR:
        tl_ticks_fiscal_year(rq, t, start, end, buf, size);
        if (rq->loc && rq->fiscal_start <= 1)
            tl_locale_date(rq->loc, *start, "y", buf, size);
        return;
    case TL_TICK_QUARTER: {
        const int q = tl_ticks_quarter(rq, c.month);
        const int fs = rq->fiscal_start >= 1 && rq->fiscal_start <= 12 ? rq->fiscal_start : 1;
        const int first = (fs - 1 + (q - 1) * 3) % 12 + 1; /* the quarter's first month */
        const int64_t year = first <= c.month ? c.year : c.year - 1;
        *start = tl_cal_make(year, first, 1, 0, 0, 0);
        *end = tl_cal_make(year + (first + 3 > 12), (first + 2) % 12 + 1, 1, 0, 0, 0);
        snprintf(buf, size, "Q%d", q);
        if (rq->loc && fs == 1)
            tl_locale_date(rq->loc, *start, "QQQ", buf, size);
        return;
    }
    case TL_TICK_MONTH:
        *start = tl_cal_make(c.year, c.month, 1, 0, 0, 0);
        *end = tl_cal_make(c.year + (c.month == 12), c.month % 12 + 1, 1, 0, 0, 0);
        snprintf(buf, size, "%s", tl_cal_month_abbr(c.month));
        if (rq->loc)
            tl_locale_date(rq->loc, *start, "MMM", buf, size);
        return;
    case TL_TICK_WEEK: {
        int64_t year;
        const int week = tl_ticks_week(rq, t, &year);
        const int64_t day = tl_cal_floor_div(t, TL_SECONDS_PER_DAY);
        *start = week_start_day(day, rq->week_start % 7) * TL_SECONDS_PER_DAY;
        *end = *start + 7 * TL_SECONDS_PER_DAY;
        snprintf(buf, size, "W%02d", week);
        return;
    }
    case TL_TICK_DAY:
        *start = tl_cal_make(c.year, c.month, c.day, 0, 0, 0);
        *end = *start + TL_SECONDS_PER_DAY;
        snprintf(buf, size, "%d", c.day);
        if (rq->loc)
            tl_locale_date(rq->loc, *start, "d", buf, size);
        return;
    case TL_TICK_HOUR:
    case TL_TICK_MINUTE:
    case TL_TICK_SECOND:
        *start = tl_cal_make(c.year, c.month, c.day, c.hour, 0, 0);
        *end = *start + 3600;
        snprintf(buf, size, "%02d:00", c.hour);
        if (rq->loc)
            tl_locale_date(rq->loc, *start, "Hm", buf, size);
        return;
    }
}
