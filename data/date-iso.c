/* ISO 8601 / EDTF dates and all-numeric dates, and the clock times and offsets they share with
 * the word grammar. tl_date_parse_iso() allocates nothing: most cells are read by it alone. */
#include "data/date-private.h"

#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------------------------------------------
 * Characters
 * ------------------------------------------------------------------------------------------- */

/* Reads exactly two digits, as every ISO field after the year has. */
static bool two_digits(const char **s, int *out)
{
    const char *p = *s;
    if (!is_digit(p[0]) || !is_digit(p[1]) || is_digit(p[2]))
        return false;
    *out = (p[0] - '0') * 10 + (p[1] - '0');
    *s = p + 2;
    return true;
}

/* ---------------------------------------------------------------------------------------------
 * ISO 8601 and EDTF
 * ------------------------------------------------------------------------------------------- */

/* Parses a time zone designator ("Z", "+09:00", "+0900", "-05"): the offset east of UTC in
 * seconds. */
bool tl_date_parse_offset(const char **s, int64_t *offset, why *w)
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
            return fail(w, "invalid time zone offset (expected Z, +HH:MM or +HHMM)");
        /* "+0900": two digits followed by two more. */
        hours = (p[0] - '0') * 10 + (p[1] - '0');
        p += 2;
        if (!two_digits(&p, &minutes))
            return fail(w, "invalid time zone offset (expected Z, +HH:MM or +HHMM)");
    } else if (*p == ':') {
        p++;
        if (!two_digits(&p, &minutes))
            return fail(w, "invalid time zone offset (expected Z, +HH:MM or +HHMM)");
    }
    if (hours > 23 || minutes > 59)
        return fail(w, "time zone offset out of range");
    *offset = sign * (int64_t)(hours * 3600 + minutes * 60);
    *s = p;
    return true;
}

static bool check_time(int hour, int minute, int second, why *w)
{
    if (hour > 23)
        return failf(w, "hour out of range", "hour %d out of range", hour);
    if (minute > 59)
        return failf(w, "minute out of range", "minute %d out of range", minute);
    /* 60 would be a leap second, which Unix-style instants cannot represent. */
    if (second > 59)
        return failf(w, "second out of range", "second %d out of range", second);
    return true;
}

/* Parses "HH:MM[:SS[.fff]][Z|±HH[:MM]]" after the date-time separator into d. */
static bool parse_iso_time(const char **s, dexpr *d, why *w)
{
    const char *p = *s;
    if (!two_digits(&p, &d->hour) || *p != ':')
        return fail(w, "time must be HH:MM or HH:MM:SS");
    p++;
    if (!two_digits(&p, &d->minute))
        return fail(w, "time must be HH:MM or HH:MM:SS");
    d->second = 0;
    d->precision = TL_PRECISION_MINUTE;
    if (*p == ':') {
        p++;
        if (!two_digits(&p, &d->second))
            return fail(w, "time must be HH:MM or HH:MM:SS");
        d->precision = TL_PRECISION_SECOND;
        if (*p == '.' || *p == ',') {
            p++;
            size_t n = count_digits(p);
            if (n == 0)
                return fail(w, "expected digits after the decimal mark");
            p += n; /* the precision is the second; the fraction is dropped */
        }
    }
    if (!check_time(d->hour, d->minute, d->second, w))
        return false;
    if (*p == 'Z' || *p == 'z' || *p == '+' || *p == '-') {
        if (!tl_date_parse_offset(&p, &d->offset, w))
            return false;
        d->has_offset = true;
    }
    *s = p;
    return true;
}

/* EDTF qualifiers at the end: "~" approximate, "?" uncertain, "%" both. */
static const char *parse_qualifiers(const char *p, unsigned *flags)
{
    for (;; p++) {
        if (*p == '~')
            *flags |= TL_TIME_APPROXIMATE;
        else if (*p == '?')
            *flags |= TL_TIME_UNCERTAIN;
        else if (*p == '%')
            *flags |= TL_TIME_APPROXIMATE | TL_TIME_UNCERTAIN;
        else
            return p;
    }
}

static bool is_unknown_digit(char c)
{
    return c == 'X' || c == 'x';
}

/* Month values 21..41 of EDTF: seasons, quarters and halves. */
bool tl_date_set_sub_year(dexpr *d, int64_t year, int code)
{
    /* Months of spring, summer, autumn, winter, north then south; winter runs into the next
     * year. */
    static const int north[4] = {3, 6, 9, 12};
    static const int south[4] = {9, 12, 3, 6};
    if ((code >= 21 && code <= 24) || (code >= 25 && code <= 28)) {
        const int n = (code - 21) % 4;
        dexpr_months(d, year, north[n], north[n] + 2, FORM_SEASON, n + 1);
    } else if (code >= 29 && code <= 32) {
        const int n = code - 29;
        dexpr_months(d, year, south[n], south[n] + 2, FORM_SOUTHERN, n + 1);
    } else if (code >= 33 && code <= 36) {
        const int n = code - 33;
        dexpr_months(d, year, 3 * n + 1, 3 * n + 3, FORM_QUARTER, n + 1);
    } else if (code == 40 || code == 41) {
        const int n = code - 40;
        dexpr_months(d, year, 6 * n + 1, 6 * n + 6, FORM_HALF, n + 1);
    } else {
        return false;
    }
    return true;
}

bool tl_date_fail_day(why *w, int day, int64_t year, int month)
{
    char y[32];
    if (year < 0)
        snprintf(y, sizeof y, "-%04lld", -(long long)year);
    else
        snprintf(y, sizeof y, "%04lld", (long long)year);
    return failf(w, "day out of range for the month", "day %d out of range for %s %s", day,
                 tl_cal_month_name(month), y);
}

/* ISO 8601 / EDTF levels 0 and 1:
 *   [Y][±]YYYY[-MM[-DD[(T| )hh:mm[:ss[.f]][Z|±hh[:mm]]]]][~?%]
 * with X for unknown trailing year digits (201X, 19XX), XX for an unknown month or day, and
 * month values 21..41 for seasons, quarters and halves. MATCH_NONE when the text does not
 * start like one (a space, letter or other separator right after the year digits). */
match tl_date_parse_iso(const char *s, dexpr *d, why *w)
{
    const char *p = s;
    bool y_prefix = false, signed_year = false;
    int sign = 1;
    if ((*p == 'Y' || *p == 'y') && (is_digit(p[1]) || p[1] == '-' || p[1] == '+')) {
        y_prefix = true;
        p++;
    }
    if (*p == '-' || *p == '+') {
        signed_year = true;
        sign = *p == '-' ? -1 : 1;
        p++;
    }
    const size_t n = count_digits(p);
    size_t nx = 0;
    while (is_unknown_digit(p[n + nx]))
        nx++;
    const char next = p[n + nx];
    if (n + nx == 0)
        return y_prefix ? (fail(w, "not a date"), MATCH_ERROR) : MATCH_NONE;
    if (next != '\0' && next != '-' && next != '~' && next != '?' && next != '%')
        return y_prefix ? (fail(w, "not a date"), MATCH_ERROR) : MATCH_NONE;
    if (y_prefix && next == '-')
        return fail(w, "a year written with Y has no month or day"), MATCH_ERROR;
    if (nx > 0 && (n + nx != YEAR_DIGITS || signed_year || y_prefix || nx > 2))
        return fail(w, "unknown digits (X) end a 4-digit year: 201X, 19XX"), MATCH_ERROR;
    if (!y_prefix && !signed_year && n + nx > YEAR_DIGITS)
        return fail(w, "a year of more than 4 digits needs a sign (+10000, -10000)"), MATCH_ERROR;
    if (n + nx > MAX_YEAR_DIGITS)
        return fail(w, "year out of range"), MATCH_ERROR;
    if (!y_prefix && n + nx < YEAR_DIGITS && (signed_year || next == '-'))
        return fail(w, "year must have 4 digits (0800, -0044)"), MATCH_ERROR;
    const int64_t year = sign * digits_value(p, n + nx);
    /* ISO 8601 has one year zero, 0000 (1 BCE); a minus sign on it means nothing. */
    if (sign < 0 && year == 0 && nx == 0)
        return fail(w, "year -0000 does not exist (1 BCE is 0000)"), MATCH_ERROR;
    p += n + nx;

    unsigned flags = 0;
    if (nx > 0) {
        int64_t scale = nx == 1 ? 10 : 100;
        const int64_t y0 = digits_value(s, n) * scale;
        dexpr_years(d, y0, y0 + scale - 1, nx == 1 ? FORM_DECADE : FORM_HUNDREDS, y0, false);
        flags |= TL_TIME_UNCERTAIN;
    } else {
        dexpr_date(d, year, 1, 1, TL_PRECISION_YEAR);
    }

    if (*p == '-') {
        p++;
        /* "2020-Q3" is a quarter, read with the words. */
        if (lower(*p) == 'q' || lower(*p) == 'h')
            return MATCH_NONE;
        if (nx > 0)
            return fail(w, "a year with unknown digits has no month"), MATCH_ERROR;
        if (is_unknown_digit(p[0]) && is_unknown_digit(p[1])) {
            p += 2;
            flags |= TL_TIME_UNCERTAIN;
            if (*p == '-') {
                if (!is_unknown_digit(p[1]) || !is_unknown_digit(p[2]))
                    return fail(w, "a day needs a known month"), MATCH_ERROR;
                p += 3;
            }
        } else {
            int month;
            if (!is_digit(*p))
                return fail(w, "not a date"), MATCH_ERROR;
            if (!two_digits(&p, &month))
                return fail(w, "month must have 2 digits"), MATCH_ERROR;
            if (month >= 21 && tl_date_set_sub_year(d, year, month)) {
                /* a season, quarter or half: nothing may follow but qualifiers */
            } else if (month < 1 || month > 12) {
                return failf(w, "month out of range", "month %d out of range", month), MATCH_ERROR;
            } else {
                d->month = month;
                d->precision = TL_PRECISION_MONTH;
                if (*p == '-') {
                    p++;
                    if (is_unknown_digit(p[0]) && is_unknown_digit(p[1])) {
                        p += 2;
                        flags |= TL_TIME_UNCERTAIN;
                    } else {
                        int day;
                        if (!is_digit(*p))
                            return fail(w, "not a date"), MATCH_ERROR;
                        if (!two_digits(&p, &day))
                            return fail(w, "day must have 2 digits"), MATCH_ERROR;
                        if (day < 1 || day > tl_cal_days_in_month(year, month))
                            return tl_date_fail_day(w, day, year, month), MATCH_ERROR;
                        d->day = day;
                        d->precision = TL_PRECISION_DAY;
                        if (*p == 'T' || *p == 't' || *p == ' ') {
                            p++;
                            if (!parse_iso_time(&p, d, w))
                                return MATCH_ERROR;
                        }
                    }
                }
            }
        }
    }
    p = parse_qualifiers(p, &flags);
    if (*p != '\0')
        return fail(w, "unexpected text after the date"), MATCH_ERROR;
    d->flags |= flags;
    return MATCH_OK;
}

/* ---------------------------------------------------------------------------------------------
 * All-numeric dates: 04/11/2019, 4.11.2019, 04-11-2019, 2019/11/04, 11/2019
 * ------------------------------------------------------------------------------------------- */

/* Reads "H:MM[:SS]" (1 or 2 hour digits) and an optional "am"/"pm" after white space; for
 * TimelineJS times and human forms. */
bool tl_date_parse_clock(const char **s, dexpr *d, why *w)
{
    const char *p = *s;
    const size_t nh = count_digits(p);
    if (nh < 1 || nh > 2 || p[nh] != ':')
        return fail(w, "time must be HH:MM or HH:MM:SS");
    d->hour = (int)digits_value(p, nh);
    p += nh + 1;
    if (!two_digits(&p, &d->minute))
        return fail(w, "time must be HH:MM or HH:MM:SS");
    d->second = 0;
    d->precision = TL_PRECISION_MINUTE;
    if (*p == ':') {
        p++;
        if (!two_digits(&p, &d->second))
            return fail(w, "time must be HH:MM or HH:MM:SS");
        d->precision = TL_PRECISION_SECOND;
    }
    const char *q = p;
    while (*q == ' ')
        q++;
    const bool am =
        (lower(q[0]) == 'a' && (lower(q[1]) == 'm' || (q[1] == '.' && lower(q[2]) == 'm')));
    const bool pm =
        (lower(q[0]) == 'p' && (lower(q[1]) == 'm' || (q[1] == '.' && lower(q[2]) == 'm')));
    if (am || pm) {
        if (d->hour < 1 || d->hour > 12)
            return failf(w, "hour out of range", "hour %d out of range for %s", d->hour,
                         am ? "AM" : "PM");
        d->hour = d->hour % 12 + (pm ? 12 : 0);
        q += q[1] == '.' ? 3 : 2;
        if (*q == '.')
            q++;
        p = q;
    }
    if (!check_time(d->hour, d->minute, d->second, w))
        return false;
    *s = p;
    return true;
}

bool tl_date_valid_day(dexpr *d, int64_t year, int month, int day, why *w)
{
    if (month < 1 || month > 12)
        return failf(w, "month out of range", "month %d out of range", month);
    if (day < 1 || day > tl_cal_days_in_month(year, month))
        return tl_date_fail_day(w, day, year, month);
    dexpr_date(d, year, month, day, TL_PRECISION_DAY);
    return true;
}

match tl_date_parse_numeric(const char *s, const tl_date_context *ctx, dexpr *d, why *w)
{
    size_t len[3];
    const char *field[3];
    const char *p = s;
    char sep = 0;
    int parts = 0;
    while (parts < 3) {
        const size_t n = count_digits(p);
        if (n == 0)
            return MATCH_NONE;
        field[parts] = p;
        len[parts++] = n;
        p += n;
        if (*p != '/' && *p != '.' && *p != '-')
            break;
        if (sep && *p != sep)
            return MATCH_NONE;
        sep = *p;
        if (!is_digit(p[1]))
            return MATCH_NONE;
        p++;
    }
    /* ISO dates ("2019-11-04") and years with a hyphen belong to tl_date_parse_iso(). */
    if (parts < 2 || (sep == '-' && (len[0] >= YEAR_DIGITS || parts == 2)))
        return MATCH_NONE;
    if (*p != '\0' && *p != ' ' && *p != 'T' && *p != 't')
        return MATCH_NONE;
    if (parts == 2 && *p != '\0')
        return MATCH_NONE;
    char text[MAX_EXPR_TEXT + 1];
    snprintf(text, sizeof text, "%.*s", (int)(p - s), s);

    if (parts == 2) {
        /* Month and year are never ambiguous: one of them has 4 digits. */
        const int y = len[0] == YEAR_DIGITS ? 0 : len[1] == YEAR_DIGITS ? 1 : -1;
        if (y < 0 || len[1 - y] > 2)
            return MATCH_NONE;
        const int month = (int)digits_value(field[1 - y], len[1 - y]);
        if (month < 1 || month > 12)
            return failf(w, "month out of range", "month %d out of range", month), MATCH_ERROR;
        dexpr_date(d, digits_value(field[y], YEAR_DIGITS), month, 1, TL_PRECISION_MONTH);
        return MATCH_OK;
    }

    tl_date_order order = ctx->order;
    if (len[0] == YEAR_DIGITS)
        order = TL_DATE_ORDER_YMD; /* 2019/11/04: no other reading */
    int yi = 0, mi = 0, di = 0;
    switch (order) {
    case TL_DATE_ORDER_NONE:
        failf(w, "numeric date needs a date order (dmy, mdy or ymd)",
              "numeric date \"%s\" needs a date order (dmy or mdy)", text);
        w->needs_order = true;
        return MATCH_ERROR;
    case TL_DATE_ORDER_DMY:
        di = 0, mi = 1, yi = 2;
        break;
    case TL_DATE_ORDER_MDY:
        mi = 0, di = 1, yi = 2;
        break;
    case TL_DATE_ORDER_YMD:
        yi = 0, mi = 1, di = 2;
        break;
    }
    if (len[yi] <= 2)
        return failf(w, "two-digit year: write the year in full",
                     "two-digit year in \"%s\": write the year in full", text),
               MATCH_ERROR;
    if (len[yi] > YEAR_DIGITS || len[mi] > 2 || len[di] > 2)
        return failf(w, "not a date", "\"%s\" is not a %s date", text,
                     order == TL_DATE_ORDER_DMY   ? "day/month/year"
                     : order == TL_DATE_ORDER_MDY ? "month/day/year"
                                                  : "year/month/day"),
               MATCH_ERROR;
    const int64_t year = digits_value(field[yi], len[yi]);
    if (!tl_date_valid_day(d, year, (int)digits_value(field[mi], len[mi]),
                           (int)digits_value(field[di], len[di]), w))
        return MATCH_ERROR;
    if (*p == ' ' || *p == 'T' || *p == 't') {
        p++;
        if (!tl_date_parse_clock(&p, d, w))
            return MATCH_ERROR;
        if (*p == 'Z' || *p == 'z' || *p == '+' || *p == '-') {
            if (!tl_date_parse_offset(&p, &d->offset, w))
                return MATCH_ERROR;
            d->has_offset = true;
        }
        if (*p != '\0')
            return fail(w, "unexpected text after the date"), MATCH_ERROR;
    }
    return MATCH_OK;
}
