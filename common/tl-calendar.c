#include "common/tl-calendar.h"

#include <stdio.h>
#include <stdlib.h>

static const char *const month_abbr[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

static const char *const month_names[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December",
};

int64_t tl_cal_floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if (a % b != 0 && (a < 0) != (b < 0))
        q--;
    return q;
}

int64_t tl_cal_days_from_civil(int64_t year, int month, int day)
{
    const int64_t y = year - (month <= 2);
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;                         /* [0, 399] */
    const int64_t mp = month > 2 ? month - 3 : month + 9;      /* March = 0 */
    const int64_t doy = (153 * mp + 2) / 5 + day - 1;          /* [0, 365] */
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

void tl_cal_civil_from_days(int64_t days, int64_t *year, int *month, int *day)
{
    const int64_t z = days + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;                                      /* [0, 146096] */
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               /* [0, 365] */
    const int64_t mp = (5 * doy + 2) / 153;                                    /* [0, 11] */
    const int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    const int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *year = yoe + era * 400 + (m <= 2);
    *month = m;
    *day = d;
}

bool tl_cal_is_leap_year(int64_t year)
{
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int tl_cal_days_in_month(int64_t year, int month)
{
    static const unsigned char days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    if (month == 2 && tl_cal_is_leap_year(year))
        return 29;
    return days[month - 1];
}

int64_t tl_cal_make(int64_t year, int month, int day, int hour, int minute, int second)
{
    return tl_cal_days_from_civil(year, month, day) * TL_SECONDS_PER_DAY + hour * 3600 +
           minute * 60 + second;
}

bool tl_cal_source_date_epoch(int64_t *seconds)
{
    const int64_t most = INT64_C(253402300799); /* four-digit years, as PDF dates have */
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (!s || !*s)
        return false;
    int64_t value = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        value = value * 10 + (*p - '0');
        if (value > most)
            return false;
    }
    *seconds = value;
    return true;
}

int64_t tl_cal_add_months(int64_t t, int64_t months)
{
    tl_civil c;
    tl_cal_split(t, &c);
    const int64_t index = c.year * 12 + (c.month - 1) + months;
    const int64_t year = tl_cal_floor_div(index, 12);
    const int month = (int)(index - year * 12) + 1;
    const int last = tl_cal_days_in_month(year, month);
    return tl_cal_make(year, month, c.day < last ? c.day : last, c.hour, c.minute, c.second);
}

void tl_cal_split(int64_t t, tl_civil *out)
{
    const int64_t days = tl_cal_floor_div(t, TL_SECONDS_PER_DAY);
    const int64_t secs = t - days * TL_SECONDS_PER_DAY;
    tl_cal_civil_from_days(days, &out->year, &out->month, &out->day);
    out->hour = (int)(secs / 3600);
    out->minute = (int)(secs / 60 % 60);
    out->second = (int)(secs % 60);
    /* 1970-01-01 was a Thursday (ISO weekday 4). */
    out->weekday = (int)(((days + 3) % 7 + 7) % 7) + 1;
}

const char *tl_cal_month_abbr(int month)
{
    return month >= 1 && month <= 12 ? month_abbr[month - 1] : "?";
}

const char *tl_cal_month_name(int month)
{
    return month >= 1 && month <= 12 ? month_names[month - 1] : "?";
}

static size_t clamp_len(int n, size_t size)
{
    if (n < 0)
        return 0;
    return (size_t)n < size ? (size_t)n : (size ? size - 1 : 0);
}

size_t tl_cal_format_year(int64_t year, char *buf, size_t size)
{
    if (year <= 0)
        return clamp_len(snprintf(buf, size, "%lld BCE", (long long)(1 - year)), size);
    return clamp_len(snprintf(buf, size, "%lld", (long long)year), size);
}

static int format_iso_year(int64_t year, char *buf, size_t size)
{
    if (year < 0)
        return snprintf(buf, size, "-%04lld", -(long long)year);
    if (year > 9999)
        return snprintf(buf, size, "+%lld", (long long)year);
    return snprintf(buf, size, "%04lld", (long long)year);
}

size_t tl_cal_format_iso(const tl_time *t, char *buf, size_t size)
{
    tl_civil c;
    tl_cal_split(t->lo, &c);
    char year[24];
    format_iso_year(c.year, year, sizeof year);
    int n = -1;
    switch (t->precision) {
    case TL_PRECISION_YEAR:
        n = snprintf(buf, size, "%s", year);
        break;
    case TL_PRECISION_MONTH:
        n = snprintf(buf, size, "%s-%02d", year, c.month);
        break;
    case TL_PRECISION_DAY:
        n = snprintf(buf, size, "%s-%02d-%02d", year, c.month, c.day);
        break;
    case TL_PRECISION_MINUTE:
        n = snprintf(buf, size, "%s-%02d-%02dT%02d:%02d", year, c.month, c.day, c.hour, c.minute);
        break;
    case TL_PRECISION_SECOND:
        n = snprintf(buf, size, "%s-%02d-%02dT%02d:%02d:%02d", year, c.month, c.day, c.hour,
                     c.minute, c.second);
        break;
    }
    if (n < 0) {
        /* Only an out-of-range precision value gets here. */
        if (size > 0)
            buf[0] = '\0';
        return 0;
    }
    return (size_t)n;
}
