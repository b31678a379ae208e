/* Date grammar, formatting and civil-calendar arithmetic (data/date.c). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "data/date.h"
#include "tap.h"

/* Formats an instant at second precision, the form the tables use for lo and hi. */
static const char *iso_seconds(int64_t t, char *buf, size_t size)
{
    tl_time x = {.lo = t, .hi = t, .precision = TL_PRECISION_SECOND};
    tl_date_format_iso(&x, buf, size);
    return buf;
}

static const char *precision_name(tl_precision p)
{
    switch (p) {
    case TL_PRECISION_YEAR:
        return "year";
    case TL_PRECISION_MONTH:
        return "month";
    case TL_PRECISION_DAY:
        return "day";
    case TL_PRECISION_MINUTE:
        return "minute";
    case TL_PRECISION_SECOND:
        return "second";
    }
    return "?";
}

/* ---------------------------------------------------------------------------------------------
 * Accepted expressions
 * ------------------------------------------------------------------------------------------- */

typedef struct accepted {
    const char *text;
    const char *lo;
    const char *hi;
    tl_precision precision;
    const char *formatted; /* tl_date_format_iso() of the result */
} accepted;

static const accepted accepted_cases[] = {
    {"2020", "2020-01-01T00:00:00", "2020-12-31T23:59:59", TL_PRECISION_YEAR, "2020"},
    {"2019-11", "2019-11-01T00:00:00", "2019-11-30T23:59:59", TL_PRECISION_MONTH, "2019-11"},
    {"2020-02", "2020-02-01T00:00:00", "2020-02-29T23:59:59", TL_PRECISION_MONTH, "2020-02"},
    {"2019-02", "2019-02-01T00:00:00", "2019-02-28T23:59:59", TL_PRECISION_MONTH, "2019-02"},
    {"1900-02", "1900-02-01T00:00:00", "1900-02-28T23:59:59", TL_PRECISION_MONTH, "1900-02"},
    {"2000-02", "2000-02-01T00:00:00", "2000-02-29T23:59:59", TL_PRECISION_MONTH, "2000-02"},
    {"1600-02", "1600-02-01T00:00:00", "1600-02-29T23:59:59", TL_PRECISION_MONTH, "1600-02"},
    {"2100-02", "2100-02-01T00:00:00", "2100-02-28T23:59:59", TL_PRECISION_MONTH, "2100-02"},
    {"2019-12", "2019-12-01T00:00:00", "2019-12-31T23:59:59", TL_PRECISION_MONTH, "2019-12"},
    {"2020-09-16", "2020-09-16T00:00:00", "2020-09-16T23:59:59", TL_PRECISION_DAY, "2020-09-16"},
    {"2024-02-29", "2024-02-29T00:00:00", "2024-02-29T23:59:59", TL_PRECISION_DAY, "2024-02-29"},
    {"2000-02-29", "2000-02-29T00:00:00", "2000-02-29T23:59:59", TL_PRECISION_DAY, "2000-02-29"},
    {"1582-10-10", "1582-10-10T00:00:00", "1582-10-10T23:59:59", TL_PRECISION_DAY, "1582-10-10"},
    {"0001-01-01", "0001-01-01T00:00:00", "0001-01-01T23:59:59", TL_PRECISION_DAY, "0001-01-01"},
    {"0000-01-01", "0000-01-01T00:00:00", "0000-01-01T23:59:59", TL_PRECISION_DAY, "0000-01-01"},
    {"0000-02", "0000-02-01T00:00:00", "0000-02-29T23:59:59", TL_PRECISION_MONTH, "0000-02"},
    {"-0001-12", "-0001-12-01T00:00:00", "-0001-12-31T23:59:59", TL_PRECISION_MONTH, "-0001-12"},
    {"-0499", "-0499-01-01T00:00:00", "-0499-12-31T23:59:59", TL_PRECISION_YEAR, "-0499"},
    {"-0004-02", "-0004-02-01T00:00:00", "-0004-02-29T23:59:59", TL_PRECISION_MONTH, "-0004-02"},
    {"-10000-03-01", "-10000-03-01T00:00:00", "-10000-03-01T23:59:59", TL_PRECISION_DAY,
     "-10000-03-01"},
    {"+10000", "+10000-01-01T00:00:00", "+10000-12-31T23:59:59", TL_PRECISION_YEAR, "+10000"},
    {"+2020-05", "2020-05-01T00:00:00", "2020-05-31T23:59:59", TL_PRECISION_MONTH, "2020-05"},
    {"+123456789", "+123456789-01-01T00:00:00", "+123456789-12-31T23:59:59", TL_PRECISION_YEAR,
     "+123456789"},
    {"-999999999", "-999999999-01-01T00:00:00", "-999999999-12-31T23:59:59", TL_PRECISION_YEAR,
     "-999999999"},
    {"2020-10-07T12:30", "2020-10-07T12:30:00", "2020-10-07T12:30:59", TL_PRECISION_MINUTE,
     "2020-10-07T12:30"},
    {"2020-10-07T12:30:15", "2020-10-07T12:30:15", "2020-10-07T12:30:15", TL_PRECISION_SECOND,
     "2020-10-07T12:30:15"},
    {"2020-10-07 12:30", "2020-10-07T12:30:00", "2020-10-07T12:30:59", TL_PRECISION_MINUTE,
     "2020-10-07T12:30"},
    {"2020-10-07 12:30:15", "2020-10-07T12:30:15", "2020-10-07T12:30:15", TL_PRECISION_SECOND,
     "2020-10-07T12:30:15"},
    {"2020-10-07T12:30Z", "2020-10-07T12:30:00", "2020-10-07T12:30:59", TL_PRECISION_MINUTE,
     "2020-10-07T12:30"},
    {"2020-10-07T12:30:15Z", "2020-10-07T12:30:15", "2020-10-07T12:30:15", TL_PRECISION_SECOND,
     "2020-10-07T12:30:15"},
    {"2020-10-07t12:30z", "2020-10-07T12:30:00", "2020-10-07T12:30:59", TL_PRECISION_MINUTE,
     "2020-10-07T12:30"},
    {"2020-10-07T12:30+02:00", "2020-10-07T10:30:00", "2020-10-07T10:30:59", TL_PRECISION_MINUTE,
     "2020-10-07T10:30"},
    {"2020-10-07T12:30-0530", "2020-10-07T18:00:00", "2020-10-07T18:00:59", TL_PRECISION_MINUTE,
     "2020-10-07T18:00"},
    {"2020-10-07T12:30+05", "2020-10-07T07:30:00", "2020-10-07T07:30:59", TL_PRECISION_MINUTE,
     "2020-10-07T07:30"},
    {"2020-10-07T01:30+09:00", "2020-10-06T16:30:00", "2020-10-06T16:30:59", TL_PRECISION_MINUTE,
     "2020-10-06T16:30"},
    {"2020-12-31T23:30-01:00", "2021-01-01T00:30:00", "2021-01-01T00:30:59", TL_PRECISION_MINUTE,
     "2021-01-01T00:30"},
    {"2020-10-07T12:30:15+14:00", "2020-10-06T22:30:15", "2020-10-06T22:30:15", TL_PRECISION_SECOND,
     "2020-10-06T22:30:15"},
    {"2020-06-15T12:00-00:00", "2020-06-15T12:00:00", "2020-06-15T12:00:59", TL_PRECISION_MINUTE,
     "2020-06-15T12:00"},
    {"2020-10-07T12:30:15.250", "2020-10-07T12:30:15", "2020-10-07T12:30:15", TL_PRECISION_SECOND,
     "2020-10-07T12:30:15"},
    {"2020-10-07T12:30:15,5Z", "2020-10-07T12:30:15", "2020-10-07T12:30:15", TL_PRECISION_SECOND,
     "2020-10-07T12:30:15"},
    {"2020-10-07T00:00", "2020-10-07T00:00:00", "2020-10-07T00:00:59", TL_PRECISION_MINUTE,
     "2020-10-07T00:00"},
    {"2020-10-07T23:59", "2020-10-07T23:59:00", "2020-10-07T23:59:59", TL_PRECISION_MINUTE,
     "2020-10-07T23:59"},
    {"1970-01-01T00:00:00", "1970-01-01T00:00:00", "1970-01-01T00:00:00", TL_PRECISION_SECOND,
     "1970-01-01T00:00:00"},
    {"1969-12-31T23:59:59", "1969-12-31T23:59:59", "1969-12-31T23:59:59", TL_PRECISION_SECOND,
     "1969-12-31T23:59:59"},
    {"9999-12-31T23:59:59", "9999-12-31T23:59:59", "9999-12-31T23:59:59", TL_PRECISION_SECOND,
     "9999-12-31T23:59:59"},
    {"  2020-09-16  ", "2020-09-16T00:00:00", "2020-09-16T23:59:59", TL_PRECISION_DAY,
     "2020-09-16"},
    {"2020-01\t", "2020-01-01T00:00:00", "2020-01-31T23:59:59", TL_PRECISION_MONTH, "2020-01"},
    {"\t1999 ", "1999-01-01T00:00:00", "1999-12-31T23:59:59", TL_PRECISION_YEAR, "1999"},
};

static void test_accepted(void)
{
    const size_t n = sizeof accepted_cases / sizeof accepted_cases[0];
    tap_ok(n >= 40, "at least 40 accepted expressions (%zu)", n);
    for (size_t i = 0; i < n; i++) {
        const accepted *c = &accepted_cases[i];
        tl_time t;
        const char *why = NULL;
        if (!tap_ok(tl_date_parse(c->text, &t, &why), "parse \"%s\"", c->text)) {
            tap_diag("why: %s", why ? why : "(null)");
            continue;
        }
        char lo[48], hi[48], fmt[48];
        tap_is_str(iso_seconds(t.lo, lo, sizeof lo), c->lo, "\"%s\" lo", c->text);
        tap_is_str(iso_seconds(t.hi, hi, sizeof hi), c->hi, "\"%s\" hi", c->text);
        tap_is_str(precision_name(t.precision), precision_name(c->precision), "\"%s\" precision",
                   c->text);
        tl_date_format_iso(&t, fmt, sizeof fmt);
        tap_is_str(fmt, c->formatted, "\"%s\" formats as %s", c->text, c->formatted);

        /* The buffer variant agrees. */
        tl_time t2;
        char reason[128] = "";
        tap_ok(tl_date_parse_buf(c->text, &t2, reason, sizeof reason) && t2.lo == t.lo &&
                   t2.hi == t.hi && t2.precision == t.precision,
               "\"%s\" parse_buf agrees", c->text);
    }
}

/* ---------------------------------------------------------------------------------------------
 * Rejected expressions
 * ------------------------------------------------------------------------------------------- */

typedef struct rejected {
    const char *text;
    const char *why;   /* tl_date_parse_buf() */
    const char *why_s; /* tl_date_parse(): static, without values */
} rejected;

static const rejected rejected_cases[] = {
    {"", "empty date", "empty date"},
    {"   ", "empty date", "empty date"},
    {"yesterday", "not a date", "not a date"},
    {"12/03/2020", "not a date", "not a date"},
    {"2020/09/16", "not a date", "not a date"},
    {"2020-", "not a date", "not a date"},
    {"2020-01-", "not a date", "not a date"},
    {"-", "not a date", "not a date"},
    {"2019-13", "month 13 out of range", "month out of range"},
    {"2019-00", "month 0 out of range", "month out of range"},
    {"2019-02-30", "day 30 out of range for February 2019", "day out of range for the month"},
    {"2019-02-29", "day 29 out of range for February 2019", "day out of range for the month"},
    {"1900-02-29", "day 29 out of range for February 1900", "day out of range for the month"},
    {"2019-04-31", "day 31 out of range for April 2019", "day out of range for the month"},
    {"2019-01-00", "day 0 out of range for January 2019", "day out of range for the month"},
    {"2019-12-32", "day 32 out of range for December 2019", "day out of range for the month"},
    {"-0499-02-30", "day 30 out of range for February -0499", "day out of range for the month"},
    {"2019-1", "month must have 2 digits", "month must have 2 digits"},
    {"2019-123", "month must have 2 digits", "month must have 2 digits"},
    {"2019-01-1", "day must have 2 digits", "day must have 2 digits"},
    {"2019-01-01T24:00", "hour 24 out of range", "hour out of range"},
    {"2019-01-01T12:60", "minute 60 out of range", "minute out of range"},
    {"2019-01-01T12:30:60", "second 60 out of range", "second out of range"},
    {"2019-01-01T12", "time must be HH:MM or HH:MM:SS", "time must be HH:MM or HH:MM:SS"},
    {"2019-01-01T1:30", "time must be HH:MM or HH:MM:SS", "time must be HH:MM or HH:MM:SS"},
    {"2019-01-01T", "time must be HH:MM or HH:MM:SS", "time must be HH:MM or HH:MM:SS"},
    {"2019-01-01  12:30", "time must be HH:MM or HH:MM:SS", "time must be HH:MM or HH:MM:SS"},
    {"800", "year must have 4 digits (0800, -0044)", "year must have 4 digits (0800, -0044)"},
    {"-44", "year must have 4 digits (0800, -0044)", "year must have 4 digits (0800, -0044)"},
    {"20200916", "a year of more than 4 digits needs a sign (+10000, -10000)",
     "a year of more than 4 digits needs a sign (+10000, -10000)"},
    {"+1234567890", "year out of range", "year out of range"},
    {"2019-01-01x", "unexpected text after the date", "unexpected text after the date"},
    {"2019-01-01Z", "unexpected text after the date", "unexpected text after the date"},
    {"2019-01T10:00", "unexpected text after the date", "unexpected text after the date"},
    {"2019-01-01T12:30 PM", "unexpected text after the date", "unexpected text after the date"},
    {"2019-01-01T12:30+25:00", "time zone offset out of range", "time zone offset out of range"},
    {"2019-01-01T12:30+01:60", "time zone offset out of range", "time zone offset out of range"},
    {"2019-01-01T12:30+1", "invalid time zone offset (expected Z, +HH:MM or +HHMM)",
     "invalid time zone offset (expected Z, +HH:MM or +HHMM)"},
    {"2019-01-01T12:30:15.", "expected digits after the decimal mark",
     "expected digits after the decimal mark"},
    {"2019-01-01T12:30:15.5.5", "unexpected text after the date", "unexpected text after the date"},
    {"01234567890123456789012345678901234567890123456789012345678901234567890123456789",
     "not a date", "not a date"},
};

static void test_rejected(void)
{
    const size_t n = sizeof rejected_cases / sizeof rejected_cases[0];
    tap_ok(n >= 20, "at least 20 rejected expressions (%zu)", n);
    for (size_t i = 0; i < n; i++) {
        const rejected *c = &rejected_cases[i];
        tl_time t = {.lo = 1, .hi = 2, .precision = TL_PRECISION_DAY};
        char why[128] = "";
        tap_ok(!tl_date_parse_buf(c->text, &t, why, sizeof why), "reject \"%s\"", c->text);
        tap_is_str(why, c->why, "reason for \"%s\"", c->text);
        const char *why_s = NULL;
        tap_ok(!tl_date_parse(c->text, &t, &why_s), "reject \"%s\" (static reason)", c->text);
        tap_is_str(why_s, c->why_s, "static reason for \"%s\"", c->text);
    }

    /* A short reason buffer is truncated, never overrun. */
    tl_time t;
    char tiny[8];
    memset(tiny, 'x', sizeof tiny);
    tap_ok(!tl_date_parse_buf("2019-02-30", &t, tiny, 4), "short reason buffer");
    tap_is_str(tiny, "day", "reason truncated to the buffer");
    tap_ok(tiny[4] == 'x', "nothing written past the buffer");
    tap_ok(!tl_date_parse_buf("2019-02-30", &t, NULL, 0), "NULL reason buffer");
    tap_ok(!tl_date_parse("2019-13", &t, NULL), "NULL why pointer");
}

/* ---------------------------------------------------------------------------------------------
 * Civil arithmetic
 * ------------------------------------------------------------------------------------------- */

static void test_known_values(void)
{
    tap_is_int(tl_date_days_from_civil(1970, 1, 1), 0, "1970-01-01 is day 0");
    tap_is_int(tl_date_days_from_civil(2000, 3, 1), 11017, "2000-03-01 is day 11017");
    tap_is_int(tl_date_days_from_civil(2000, 1, 1), 10957, "2000-01-01 is day 10957");
    tap_is_int(tl_date_days_from_civil(0, 3, 1), -719468, "0000-03-01 is day -719468");
    tap_is_int(tl_date_days_from_civil(1, 1, 1), -719162, "0001-01-01 is day -719162");
    tap_is_int(tl_date_days_from_civil(1969, 12, 31), -1, "1969-12-31 is day -1");
    tap_is_int(tl_date_days_from_civil(2020, 9, 16) * TL_SECONDS_PER_DAY, 1600214400,
               "2020-09-16 is 1600214400 s");
    tap_is_int(tl_date_make(2001, 9, 9, 1, 46, 40), 1000000000, "one billion seconds");
    tap_is_int(tl_date_make(1969, 12, 31, 23, 59, 59), -1, "one second before the epoch");

    tap_ok(!tl_date_is_leap_year(1900), "1900 is not a leap year");
    tap_ok(tl_date_is_leap_year(2000), "2000 is a leap year");
    tap_ok(tl_date_is_leap_year(2024), "2024 is a leap year");
    tap_ok(!tl_date_is_leap_year(2100), "2100 is not a leap year");
    tap_ok(tl_date_is_leap_year(0), "year 0 is a leap year");
    tap_ok(tl_date_is_leap_year(-4), "year -4 is a leap year");
    tap_ok(!tl_date_is_leap_year(-100), "year -100 is not a leap year");
    tap_ok(tl_date_is_leap_year(-400), "year -400 is a leap year");
    tap_is_int(tl_date_days_in_month(1900, 2), 28, "February 1900 has 28 days");
    tap_is_int(tl_date_days_in_month(2000, 2), 29, "February 2000 has 29 days");
    tap_is_int(tl_date_days_in_month(2019, 4), 30, "April has 30 days");
    tap_is_int(tl_date_days_in_month(2019, 12), 31, "December has 31 days");
    tap_is_int(tl_date_days_in_month(2019, 13), 0, "month 13 has no days");
    tap_is_int(tl_date_days_in_month(2019, 0), 0, "month 0 has no days");

    tl_civil c;
    tl_date_split(0, &c);
    tap_is_int(c.weekday, 4, "1970-01-01 was a Thursday");
    tl_date_split(tl_date_make(2000, 1, 1, 0, 0, 0), &c);
    tap_is_int(c.weekday, 6, "2000-01-01 was a Saturday");
    tl_date_split(tl_date_make(2024, 2, 29, 12, 0, 0), &c);
    tap_is_int(c.weekday, 4, "2024-02-29 was a Thursday");
    tl_date_split(tl_date_make(1969, 12, 28, 0, 0, 0), &c);
    tap_is_int(c.weekday, 7, "1969-12-28 was a Sunday");
    tl_date_split(tl_date_make(1, 1, 1, 0, 0, 0), &c);
    tap_is_int(c.weekday, 1, "0001-01-01 was a Monday (proleptic)");

    tl_date_split(-1, &c);
    tap_ok(c.year == 1969 && c.month == 12 && c.day == 31 && c.hour == 23 && c.minute == 59 &&
               c.second == 59,
           "split(-1) is 1969-12-31T23:59:59");
    tl_date_split(tl_date_make(-499, 7, 4, 5, 6, 7), &c);
    tap_ok(c.year == -499 && c.month == 7 && c.day == 4 && c.hour == 5 && c.minute == 6 &&
               c.second == 7,
           "split of -0499-07-04T05:06:07");
}

static void test_round_trips(void)
{
    /* Every day from -1000 to 3000 (1.46 million days), exhaustively. */
    bool ok = true;
    int64_t prev = tl_date_days_from_civil(-1001, 12, 31);
    for (int64_t y = -1000; y <= 3000 && ok; y++) {
        for (int m = 1; m <= 12 && ok; m++) {
            const int dim = tl_date_days_in_month(y, m);
            for (int d = 1; d <= dim; d++) {
                const int64_t days = tl_date_days_from_civil(y, m, d);
                int64_t y2;
                int m2, d2;
                tl_date_civil_from_days(days, &y2, &m2, &d2);
                if (days != prev + 1 || y2 != y || m2 != m || d2 != d) {
                    tap_diag("mismatch at %" PRId64 "-%02d-%02d: day %" PRId64 " -> %" PRId64
                             "-%02d-%02d",
                             y, m, d, days, y2, m2, d2);
                    ok = false;
                    break;
                }
                prev = days;
            }
        }
    }
    tap_ok(ok, "every day of years -1000..3000 round-trips and days are consecutive");

    /* Year boundaries over -1,000,000..1,000,000: Jan 1 follows Dec 31, Mar 1 follows the
     * last day of February, and each converts back. */
    ok = true;
    int64_t prev_dec31 = tl_date_days_from_civil(-1000001, 12, 31);
    for (int64_t y = -1000000; y <= 1000000 && ok; y++) {
        const int64_t jan1 = tl_date_days_from_civil(y, 1, 1);
        const int64_t feb_last = tl_date_days_from_civil(y, 2, tl_date_is_leap_year(y) ? 29 : 28);
        const int64_t mar1 = tl_date_days_from_civil(y, 3, 1);
        const int64_t dec31 = tl_date_days_from_civil(y, 12, 31);
        int64_t y2;
        int m2, d2;
        tl_date_civil_from_days(jan1, &y2, &m2, &d2);
        bool good = jan1 == prev_dec31 + 1 && mar1 == feb_last + 1 && y2 == y && m2 == 1 &&
                    d2 == 1 && dec31 - jan1 == (tl_date_is_leap_year(y) ? 365 : 364);
        tl_date_civil_from_days(mar1, &y2, &m2, &d2);
        good = good && y2 == y && m2 == 3 && d2 == 1;
        tl_date_civil_from_days(dec31, &y2, &m2, &d2);
        good = good && y2 == y && m2 == 12 && d2 == 31;
        if (!good) {
            tap_diag("mismatch in year %" PRId64, y);
            ok = false;
        }
        prev_dec31 = dec31;
    }
    tap_ok(ok, "years -1,000,000..1,000,000 round-trip at Jan 1, Mar 1 and Dec 31");

    /* 400 Gregorian years are exactly 146097 days, far out too. */
    tap_is_int(tl_date_days_from_civil(1000000, 1, 1) - tl_date_days_from_civil(999600, 1, 1),
               146097, "400 years are 146097 days near year 1,000,000");
    tap_is_int(tl_date_days_from_civil(-999600, 1, 1) - tl_date_days_from_civil(-1000000, 1, 1),
               146097, "400 years are 146097 days near year -1,000,000");

    /* Instants: split(make(x)) == x, at awkward seconds on both sides of the epoch. */
    ok = true;
    const int64_t years[] = {-1000000, -4713, -1, 0, 1, 1969, 1970, 2038, 9999, 1000000};
    for (size_t i = 0; i < sizeof years / sizeof years[0]; i++) {
        const int64_t t = tl_date_make(years[i], 2, 28, 23, 59, 59);
        tl_civil c;
        tl_date_split(t, &c);
        if (c.year != years[i] || c.month != 2 || c.day != 28 || c.hour != 23 || c.minute != 59 ||
            c.second != 59) {
            tap_diag("split(make()) mismatch in year %" PRId64, years[i]);
            ok = false;
        }
        tl_date_split(t + 1, &c);
        const int want_day = tl_date_is_leap_year(years[i]) ? 29 : 1;
        const int want_month = tl_date_is_leap_year(years[i]) ? 2 : 3;
        if (c.month != want_month || c.day != want_day || c.hour != 0 || c.second != 0) {
            tap_diag("next second mismatch in year %" PRId64, years[i]);
            ok = false;
        }
    }
    tap_ok(ok, "make/split round trips");
}

static void test_format(void)
{
    char buf[64];
    tl_time t = {.lo = tl_date_make(2019, 11, 4, 9, 30, 15), .precision = TL_PRECISION_YEAR};
    tl_date_format_iso(&t, buf, sizeof buf);
    tap_is_str(buf, "2019", "format year");
    t.precision = TL_PRECISION_MONTH;
    tl_date_format_iso(&t, buf, sizeof buf);
    tap_is_str(buf, "2019-11", "format month");
    t.precision = TL_PRECISION_DAY;
    tl_date_format_iso(&t, buf, sizeof buf);
    tap_is_str(buf, "2019-11-04", "format day");
    t.precision = TL_PRECISION_MINUTE;
    tl_date_format_iso(&t, buf, sizeof buf);
    tap_is_str(buf, "2019-11-04T09:30", "format minute");
    t.precision = TL_PRECISION_SECOND;
    const size_t n = tl_date_format_iso(&t, buf, sizeof buf);
    tap_is_str(buf, "2019-11-04T09:30:15", "format second");
    tap_is_int((long long)n, 19, "format returns the length");

    t = (tl_time){.lo = tl_date_make(-499, 1, 1, 0, 0, 0), .precision = TL_PRECISION_YEAR};
    tl_date_format_iso(&t, buf, sizeof buf);
    tap_is_str(buf, "-0499", "format negative year");
    t = (tl_time){.lo = tl_date_make(-12345, 6, 1, 0, 0, 0), .precision = TL_PRECISION_MONTH};
    tl_date_format_iso(&t, buf, sizeof buf);
    tap_is_str(buf, "-12345-06", "format 5-digit negative year");

    /* snprintf semantics: the full length is returned and the output is cut. */
    char small[6];
    t = (tl_time){.lo = tl_date_make(2019, 11, 4, 0, 0, 0), .precision = TL_PRECISION_DAY};
    tap_is_int((long long)tl_date_format_iso(&t, small, sizeof small), 10,
               "truncated format returns the full length");
    tap_is_str(small, "2019-", "truncated format is cut and terminated");

    /* Parsing what was formatted gives the same start back. */
    tl_time p;
    t = (tl_time){.lo = tl_date_make(1234, 5, 6, 7, 8, 9), .precision = TL_PRECISION_SECOND};
    tl_date_format_iso(&t, buf, sizeof buf);
    tap_ok(tl_date_parse(buf, &p, NULL) && p.lo == t.lo, "format then parse round-trips");
}

int main(void)
{
    test_accepted();
    test_rejected();
    test_known_values();
    test_round_trips();
    test_format();
    return tap_done();
}
