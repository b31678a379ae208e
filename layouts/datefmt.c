#include "datefmt.h"

#include <stdio.h>

#include "data/date.h"

static const char *const month_abbr[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

const char *tl_datefmt_month_abbr(int month)
{
    return month >= 1 && month <= 12 ? month_abbr[month - 1] : "?";
}

static size_t clamp_len(int n, size_t size)
{
    if (n < 0)
        return 0;
    return (size_t)n < size ? (size_t)n : (size ? size - 1 : 0);
}

size_t tl_datefmt_year(int64_t year, char *buf, size_t size)
{
    if (year <= 0)
        return clamp_len(snprintf(buf, size, "%lld BCE", (long long)(1 - year)), size);
    return clamp_len(snprintf(buf, size, "%lld", (long long)year), size);
}

size_t tl_datefmt_event(const tl_time *t, char *buf, size_t size)
{
    tl_civil c;
    tl_date_split(t->lo, &c);
    char year[32];
    tl_datefmt_year(c.year, year, sizeof year);
    int n = 0;
    switch (t->precision) {
    case TL_PRECISION_YEAR:
        n = snprintf(buf, size, "%s", year);
        break;
    case TL_PRECISION_MONTH:
        n = snprintf(buf, size, "%s %s", month_abbr[c.month - 1], year);
        break;
    case TL_PRECISION_DAY:
        n = snprintf(buf, size, "%d %s %s", c.day, month_abbr[c.month - 1], year);
        break;
    case TL_PRECISION_MINUTE:
        n = snprintf(buf, size, "%d %s %s %02d:%02d", c.day, month_abbr[c.month - 1], year,
                     c.hour, c.minute);
        break;
    case TL_PRECISION_SECOND:
        n = snprintf(buf, size, "%d %s %s %02d:%02d:%02d", c.day, month_abbr[c.month - 1], year,
                     c.hour, c.minute, c.second);
        break;
    }
    return clamp_len(n, size);
}

size_t tl_datefmt_range(const tl_time *start, const tl_time *end, char *buf, size_t size)
{
    char a[64], b[64];
    tl_datefmt_event(start, a, sizeof a);
    if (!end)
        return clamp_len(snprintf(buf, size, "%s \u2013 ", a), size);
    tl_datefmt_event(end, b, sizeof b);
    return clamp_len(snprintf(buf, size, "%s \u2013 %s", a, b), size);
}
