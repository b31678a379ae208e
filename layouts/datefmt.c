#include "datefmt.h"

#include <stdio.h>

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
