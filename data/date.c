/* Dates: a small ISO 8601 grammar into tl_time, and civil-calendar arithmetic.
 *
 * Everything here is integer arithmetic in the proleptic Gregorian calendar with astronomical
 * years (year 0 is 1 BCE). Nothing calls mktime/strptime/localtime, whose results depend on
 * TZ and locale; days_from_civil and civil_from_days are Howard Hinnant's algorithms
 * ("chrono-Compatible Low-Level Date Algorithms"), exact over the whole int64 day range we use. */
#include "data/date.h"

#include <stdio.h>
#include <string.h>

/* A year needs a sign to have more than 4 digits (ISO 8601 "expanded" years), which keeps
 * "20200916" (the basic format, not supported) from being read as year 20 million. Nine digits
 * keep every instant far inside int64 seconds (about 2.9e11 years fit). */
enum { YEAR_DIGITS = 4, MAX_YEAR_DIGITS = 9 };

/* Longer cells cannot be dates; refusing them early bounds the work and the copy below. */
enum { MAX_DATE_TEXT = 64 };

/* ---------------------------------------------------------------------------------------------
 * Civil arithmetic
 * ------------------------------------------------------------------------------------------- */

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if (a % b != 0 && (a < 0) != (b < 0))
        q--;
    return q;
}

int64_t tl_date_days_from_civil(int64_t year, int month, int day)
{
    const int64_t y = year - (month <= 2);
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;                         /* [0, 399] */
    const int64_t mp = month > 2 ? month - 3 : month + 9;      /* March = 0 */
    const int64_t doy = (153 * mp + 2) / 5 + day - 1;          /* [0, 365] */
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

void tl_date_civil_from_days(int64_t days, int64_t *year, int *month, int *day)
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

bool tl_date_is_leap_year(int64_t year)
{
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int tl_date_days_in_month(int64_t year, int month)
{
    static const unsigned char days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    if (month == 2 && tl_date_is_leap_year(year))
        return 29;
    return days[month - 1];
}

int64_t tl_date_make(int64_t year, int month, int day, int hour, int minute, int second)
{
    return tl_date_days_from_civil(year, month, day) * TL_SECONDS_PER_DAY + hour * 3600 +
           minute * 60 + second;
}

void tl_date_split(int64_t t, tl_civil *out)
{
    const int64_t days = floor_div(t, TL_SECONDS_PER_DAY);
    const int64_t secs = t - days * TL_SECONDS_PER_DAY;
    tl_date_civil_from_days(days, &out->year, &out->month, &out->day);
    out->hour = (int)(secs / 3600);
    out->minute = (int)(secs / 60 % 60);
    out->second = (int)(secs % 60);
    /* 1970-01-01 was a Thursday (ISO weekday 4). */
    out->weekday = (int)(((days + 3) % 7 + 7) % 7) + 1;
}

/* ---------------------------------------------------------------------------------------------
 * Parsing
 * ------------------------------------------------------------------------------------------- */

/* Why a parse failed. `generic` is always a static sentence; the other fields let
 * tl_date_parse_buf() name the values. */
typedef struct why {
    enum { WHY_PLAIN, WHY_VALUE, WHY_DAY } kind;
    const char *generic;
    const char *field; /* WHY_VALUE: "month", "hour", ... */
    long value;        /* WHY_VALUE and WHY_DAY */
    int64_t year;      /* WHY_DAY */
    int month;         /* WHY_DAY */
} why;

static bool fail_plain(why *w, const char *reason)
{
    w->kind = WHY_PLAIN;
    w->generic = reason;
    return false;
}

static bool fail_value(why *w, const char *generic, const char *field, long value)
{
    w->kind = WHY_VALUE;
    w->generic = generic;
    w->field = field;
    w->value = value;
    return false;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static size_t count_digits(const char *s)
{
    size_t n = 0;
    while (is_digit(s[n]))
        n++;
    return n;
}

/* Callers bound n (at most MAX_YEAR_DIGITS), so this cannot overflow. */
static int64_t digits_value(const char *s, size_t n)
{
    int64_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* Reads exactly two digits, as every field after the year has. */
static bool two_digits(const char **s, int *out)
{
    const char *p = *s;
    if (!is_digit(p[0]) || !is_digit(p[1]) || is_digit(p[2]))
        return false;
    *out = (p[0] - '0') * 10 + (p[1] - '0');
    *s = p + 2;
    return true;
}

/* Parses a time zone designator ("Z", "+09:00", "+0900", "-05"): the offset east of UTC in
 * seconds. */
static bool parse_offset(const char **s, int64_t *offset, why *w)
{
    const char *p = *s;
    if (*p == 'Z' || *p == 'z') {
        *offset = 0;
        *s = p + 1;
        return true;
    }
    const int sign = *p == '-' ? -1 : 1;
    p++;
    int hours = 0, minutes = 0;
    if (!two_digits(&p, &hours)) {
        if (!is_digit(p[0]) || !is_digit(p[1]))
            return fail_plain(w, "invalid time zone offset (expected Z, +HH:MM or +HHMM)");
        /* "+0900": two digits followed by two more. */
        hours = (p[0] - '0') * 10 + (p[1] - '0');
        p += 2;
        if (!two_digits(&p, &minutes))
            return fail_plain(w, "invalid time zone offset (expected Z, +HH:MM or +HHMM)");
    } else if (*p == ':') {
        p++;
        if (!two_digits(&p, &minutes))
            return fail_plain(w, "invalid time zone offset (expected Z, +HH:MM or +HHMM)");
    }
    if (hours > 23 || minutes > 59)
        return fail_plain(w, "time zone offset out of range");
    *offset = sign * (int64_t)(hours * 3600 + minutes * 60);
    *s = p;
    return true;
}

/* Parses "HH:MM[:SS[.fff]][Z|±HH[:MM]]" after the date-time separator. */
static bool parse_time(const char **s, int *hour, int *minute, int *second, bool *has_second,
                       int64_t *offset, why *w)
{
    const char *p = *s;
    if (!two_digits(&p, hour) || *p != ':')
        return fail_plain(w, "time must be HH:MM or HH:MM:SS");
    p++;
    if (!two_digits(&p, minute))
        return fail_plain(w, "time must be HH:MM or HH:MM:SS");
    if (*hour > 23)
        return fail_value(w, "hour out of range", "hour", *hour);
    if (*minute > 59)
        return fail_value(w, "minute out of range", "minute", *minute);
    *second = 0;
    *has_second = false;
    if (*p == ':') {
        p++;
        if (!two_digits(&p, second))
            return fail_plain(w, "time must be HH:MM or HH:MM:SS");
        /* 60 would be a leap second, which Unix-style instants cannot represent. */
        if (*second > 59)
            return fail_value(w, "second out of range", "second", *second);
        *has_second = true;
        if (*p == '.' || *p == ',') {
            p++;
            size_t n = count_digits(p);
            if (n == 0)
                return fail_plain(w, "expected digits after the decimal mark");
            p += n; /* the precision is the second; the fraction is dropped */
        }
    }
    *offset = 0;
    if (*p == 'Z' || *p == 'z' || *p == '+' || *p == '-') {
        if (!parse_offset(&p, offset, w))
            return false;
    }
    *s = p;
    return true;
}

static bool parse_date(const char *text, tl_time *out, why *w)
{
    if (!text)
        return fail_plain(w, "empty date");
    while (is_space(*text))
        text++;
    size_t len = strlen(text);
    while (len > 0 && is_space(text[len - 1]))
        len--;
    if (len == 0)
        return fail_plain(w, "empty date");
    if (len > MAX_DATE_TEXT)
        return fail_plain(w, "not a date");

    /* A bounded, NUL-terminated copy lets the grammar below look ahead without length checks. */
    char buf[MAX_DATE_TEXT + 1];
    memcpy(buf, text, len);
    buf[len] = '\0';
    const char *p = buf;

    bool signed_year = false;
    int sign = 1;
    if (*p == '-' || *p == '+') {
        signed_year = true;
        sign = *p == '-' ? -1 : 1;
        p++;
    }
    size_t n = count_digits(p);
    if (n == 0 || (p[n] != '\0' && p[n] != '-'))
        return fail_plain(w, "not a date");
    if (n < YEAR_DIGITS)
        return fail_plain(w, "year must have 4 digits (0800, -0044)");
    if (n > YEAR_DIGITS && !signed_year)
        return fail_plain(w, "a year of more than 4 digits needs a sign (+10000, -10000)");
    if (n > MAX_YEAR_DIGITS)
        return fail_plain(w, "year out of range");
    const int64_t year = sign * digits_value(p, n);
    p += n;

    tl_precision precision = TL_PRECISION_YEAR;
    int month = 1, day = 1, hour = 0, minute = 0, second = 0;
    int64_t offset = 0;
    if (*p == '-') {
        p++;
        if (!is_digit(*p))
            return fail_plain(w, "not a date");
        if (!two_digits(&p, &month))
            return fail_plain(w, "month must have 2 digits");
        if (month < 1 || month > 12)
            return fail_value(w, "month out of range", "month", month);
        precision = TL_PRECISION_MONTH;
        if (*p == '-') {
            p++;
            if (!is_digit(*p))
                return fail_plain(w, "not a date");
            if (!two_digits(&p, &day))
                return fail_plain(w, "day must have 2 digits");
            if (day < 1 || day > tl_date_days_in_month(year, month)) {
                w->kind = WHY_DAY;
                w->generic = "day out of range for the month";
                w->value = day;
                w->year = year;
                w->month = month;
                return false;
            }
            precision = TL_PRECISION_DAY;
            if (*p == 'T' || *p == 't' || *p == ' ') {
                p++;
                bool has_second = false;
                if (!parse_time(&p, &hour, &minute, &second, &has_second, &offset, w))
                    return false;
                precision = has_second ? TL_PRECISION_SECOND : TL_PRECISION_MINUTE;
            }
        }
    }
    if (*p != '\0')
        return fail_plain(w, "unexpected text after the date");

    const int64_t lo = tl_date_make(year, month, day, hour, minute, second) - offset;
    int64_t hi = lo;
    switch (precision) {
    case TL_PRECISION_YEAR:
        hi = tl_date_make(year + 1, 1, 1, 0, 0, 0) - 1;
        break;
    case TL_PRECISION_MONTH:
        hi = lo + (int64_t)tl_date_days_in_month(year, month) * TL_SECONDS_PER_DAY - 1;
        break;
    case TL_PRECISION_DAY:
        hi = lo + TL_SECONDS_PER_DAY - 1;
        break;
    case TL_PRECISION_MINUTE:
        hi = lo + 59;
        break;
    case TL_PRECISION_SECOND:
        hi = lo;
        break;
    }
    out->lo = lo;
    out->hi = hi;
    out->precision = precision;
    return true;
}

bool tl_date_parse(const char *text, tl_time *out, const char **why_out)
{
    why w = {.kind = WHY_PLAIN, .generic = "not a date"};
    if (parse_date(text, out, &w))
        return true;
    if (why_out)
        *why_out = w.generic;
    return false;
}

static int format_year(int64_t year, char *buf, size_t size)
{
    if (year < 0)
        return snprintf(buf, size, "-%04lld", -(long long)year);
    if (year > 9999)
        return snprintf(buf, size, "+%lld", (long long)year);
    return snprintf(buf, size, "%04lld", (long long)year);
}

bool tl_date_parse_buf(const char *text, tl_time *out, char *why_buf, size_t why_size)
{
    static const char *const month_names[12] = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December",
    };
    why w = {.kind = WHY_PLAIN, .generic = "not a date"};
    if (parse_date(text, out, &w))
        return true;
    if (!why_buf || why_size == 0)
        return false;
    switch (w.kind) {
    case WHY_PLAIN:
        snprintf(why_buf, why_size, "%s", w.generic);
        break;
    case WHY_VALUE:
        snprintf(why_buf, why_size, "%s %ld out of range", w.field, w.value);
        break;
    case WHY_DAY: {
        char year[24];
        format_year(w.year, year, sizeof year);
        snprintf(why_buf, why_size, "day %ld out of range for %s %s", w.value,
                 month_names[w.month - 1], year);
        break;
    }
    }
    return false;
}

/* ---------------------------------------------------------------------------------------------
 * Formatting
 * ------------------------------------------------------------------------------------------- */

size_t tl_date_format_iso(const tl_time *t, char *buf, size_t size)
{
    tl_civil c;
    tl_date_split(t->lo, &c);
    char year[24];
    format_year(c.year, year, sizeof year);
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
