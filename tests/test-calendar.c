/* Civil-calendar arithmetic (common/tl-calendar.c): days to and from civil dates, leap years,
 * month lengths, instants made and split, months added, SOURCE_DATE_EPOCH read, and ISO formatting
 * at each precision. */
#include <inttypes.h>
#include <stdlib.h>

#include "data/date.h"
#include "tap.h"

/* ---------------------------------------------------------------------------------------------
 * Civil arithmetic
 * ------------------------------------------------------------------------------------------- */

static void test_known_values(void)
{
    tap_is_int(tl_cal_days_from_civil(1970, 1, 1), 0, "1970-01-01 is day 0");
    tap_is_int(tl_cal_days_from_civil(2000, 3, 1), 11017, "2000-03-01 is day 11017");
    tap_is_int(tl_cal_days_from_civil(2000, 1, 1), 10957, "2000-01-01 is day 10957");
    tap_is_int(tl_cal_days_from_civil(0, 3, 1), -719468, "0000-03-01 is day -719468");
    tap_is_int(tl_cal_days_from_civil(1, 1, 1), -719162, "0001-01-01 is day -719162");
    tap_is_int(tl_cal_days_from_civil(1969, 12, 31), -1, "1969-12-31 is day -1");
    tap_is_int(tl_cal_days_from_civil(2020, 9, 16) * TL_SECONDS_PER_DAY, 1600214400,
               "2020-09-16 is 1600214400 s");
    tap_is_int(tl_cal_make(2001, 9, 9, 1, 46, 40), 1000000000, "one billion seconds");
    tap_is_int(tl_cal_make(1969, 12, 31, 23, 59, 59), -1, "one second before the epoch");

    tap_ok(!tl_cal_is_leap_year(1900), "1900 is not a leap year");
    tap_ok(tl_cal_is_leap_year(2000), "2000 is a leap year");
    tap_ok(tl_cal_is_leap_year(2024), "2024 is a leap year");
    tap_ok(!tl_cal_is_leap_year(2100), "2100 is not a leap year");
    tap_ok(tl_cal_is_leap_year(0), "year 0 is a leap year");
    tap_ok(tl_cal_is_leap_year(-4), "year -4 is a leap year");
    tap_ok(!tl_cal_is_leap_year(-100), "year -100 is not a leap year");
    tap_ok(tl_cal_is_leap_year(-400), "year -400 is a leap year");
    tap_is_int(tl_cal_days_in_month(1900, 2), 28, "February 1900 has 28 days");
    tap_is_int(tl_cal_days_in_month(2000, 2), 29, "February 2000 has 29 days");
    tap_is_int(tl_cal_days_in_month(2019, 4), 30, "April has 30 days");
    tap_is_int(tl_cal_days_in_month(2019, 12), 31, "December has 31 days");
    tap_is_int(tl_cal_days_in_month(2019, 13), 0, "month 13 has no days");
    tap_is_int(tl_cal_days_in_month(2019, 0), 0, "month 0 has no days");

    tl_civil c;
    tl_cal_split(0, &c);
    tap_is_int(c.weekday, 4, "1970-01-01 was a Thursday");
    tl_cal_split(tl_cal_make(2000, 1, 1, 0, 0, 0), &c);
    tap_is_int(c.weekday, 6, "2000-01-01 was a Saturday");
    tl_cal_split(tl_cal_make(2024, 2, 29, 12, 0, 0), &c);
    tap_is_int(c.weekday, 4, "2024-02-29 was a Thursday");
    tl_cal_split(tl_cal_make(1969, 12, 28, 0, 0, 0), &c);
    tap_is_int(c.weekday, 7, "1969-12-28 was a Sunday");
    tl_cal_split(tl_cal_make(1, 1, 1, 0, 0, 0), &c);
    tap_is_int(c.weekday, 1, "0001-01-01 was a Monday (proleptic)");

    tl_cal_split(-1, &c);
    tap_ok(c.year == 1969 && c.month == 12 && c.day == 31 && c.hour == 23 && c.minute == 59 &&
               c.second == 59,
           "split(-1) is 1969-12-31T23:59:59");
    tl_cal_split(tl_cal_make(-499, 7, 4, 5, 6, 7), &c);
    tap_ok(c.year == -499 && c.month == 7 && c.day == 4 && c.hour == 5 && c.minute == 6 &&
               c.second == 7,
           "split of -0499-07-04T05:06:07");
}

static void test_round_trips(void)
{
    /* Every day from -1000 to 3000 (1.46 million days), exhaustively. */
    bool ok = true;
    int64_t prev = tl_cal_days_from_civil(-1001, 12, 31);
    for (int64_t y = -1000; y <= 3000 && ok; y++) {
        for (int m = 1; m <= 12 && ok; m++) {
            const int dim = tl_cal_days_in_month(y, m);
            for (int d = 1; d <= dim; d++) {
                const int64_t days = tl_cal_days_from_civil(y, m, d);
                int64_t y2;
                int m2, d2;
                tl_cal_civil_from_days(days, &y2, &m2, &d2);
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
    int64_t prev_dec31 = tl_cal_days_from_civil(-1000001, 12, 31);
    for (int64_t y = -1000000; y <= 1000000 && ok; y++) {
        const int64_t jan1 = tl_cal_days_from_civil(y, 1, 1);
        const int64_t feb_last = tl_cal_days_from_civil(y, 2, tl_cal_is_leap_year(y) ? 29 : 28);
        const int64_t mar1 = tl_cal_days_from_civil(y, 3, 1);
        const int64_t dec31 = tl_cal_days_from_civil(y, 12, 31);
        int64_t y2;
        int m2, d2;
        tl_cal_civil_from_days(jan1, &y2, &m2, &d2);
        bool good = jan1 == prev_dec31 + 1 && mar1 == feb_last + 1 && y2 == y && m2 == 1 &&
                    d2 == 1 && dec31 - jan1 == (tl_cal_is_leap_year(y) ? 365 : 364);
        tl_cal_civil_from_days(mar1, &y2, &m2, &d2);
        good = good && y2 == y && m2 == 3 && d2 == 1;
        tl_cal_civil_from_days(dec31, &y2, &m2, &d2);
        good = good && y2 == y && m2 == 12 && d2 == 31;
        if (!good) {
            tap_diag("mismatch in year %" PRId64, y);
            ok = false;
        }
        prev_dec31 = dec31;
    }
    tap_ok(ok, "years -1,000,000..1,000,000 round-trip at Jan 1, Mar 1 and Dec 31");

    /* 400 Gregorian years are exactly 146097 days, far out too. */
    tap_is_int(tl_cal_days_from_civil(1000000, 1, 1) - tl_cal_days_from_civil(999600, 1, 1), 146097,
               "400 years are 146097 days near year 1,000,000");
    tap_is_int(tl_cal_days_from_civil(-999600, 1, 1) - tl_cal_days_from_civil(-1000000, 1, 1),
               146097, "400 years are 146097 days near year -1,000,000");

    /* Instants: split(make(x)) == x, at awkward seconds on both sides of the epoch. */
    ok = true;
    const int64_t years[] = {-1000000, -4713, -1, 0, 1, 1969, 1970, 2038, 9999, 1000000};
    for (size_t i = 0; i < sizeof years / sizeof years[0]; i++) {
        const int64_t t = tl_cal_make(years[i], 2, 28, 23, 59, 59);
        tl_civil c;
        tl_cal_split(t, &c);
        if (c.year != years[i] || c.month != 2 || c.day != 28 || c.hour != 23 || c.minute != 59 ||
            c.second != 59) {
            tap_diag("split(make()) mismatch in year %" PRId64, years[i]);
            ok = false;
        }
        tl_cal_split(t + 1, &c);
        const int want_day = tl_cal_is_leap_year(years[i]) ? 29 : 1;
        const int want_month = tl_cal_is_leap_year(years[i]) ? 2 : 3;
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
    tl_time t = {.lo = tl_cal_make(2019, 11, 4, 9, 30, 15), .precision = TL_PRECISION_YEAR};
    tl_cal_format_iso(&t, buf, sizeof buf);
    tap_is_str(buf, "2019", "format year");
    t.precision = TL_PRECISION_MONTH;
    tl_cal_format_iso(&t, buf, sizeof buf);
    tap_is_str(buf, "2019-11", "format month");
    t.precision = TL_PRECISION_DAY;
    tl_cal_format_iso(&t, buf, sizeof buf);
    tap_is_str(buf, "2019-11-04", "format day");
    t.precision = TL_PRECISION_MINUTE;
    tl_cal_format_iso(&t, buf, sizeof buf);
    tap_is_str(buf, "2019-11-04T09:30", "format minute");
    t.precision = TL_PRECISION_SECOND;
    const size_t n = tl_cal_format_iso(&t, buf, sizeof buf);
    tap_is_str(buf, "2019-11-04T09:30:15", "format second");
    tap_is_int((long long)n, 19, "format returns the length");

    t = (tl_time){.lo = tl_cal_make(-499, 1, 1, 0, 0, 0), .precision = TL_PRECISION_YEAR};
    tl_cal_format_iso(&t, buf, sizeof buf);
    tap_is_str(buf, "-0499", "format negative year");
    t = (tl_time){.lo = tl_cal_make(-12345, 6, 1, 0, 0, 0), .precision = TL_PRECISION_MONTH};
    tl_cal_format_iso(&t, buf, sizeof buf);
    tap_is_str(buf, "-12345-06", "format 5-digit negative year");

    /* snprintf semantics: the full length is returned and the output is cut. */
    char small[6];
    t = (tl_time){.lo = tl_cal_make(2019, 11, 4, 0, 0, 0), .precision = TL_PRECISION_DAY};
    tap_is_int((long long)tl_cal_format_iso(&t, small, sizeof small), 10,
               "truncated format returns the full length");
    tap_is_str(small, "2019-", "truncated format is cut and terminated");

    /* Parsing what was formatted gives the same start back. */
    tl_time p;
    t = (tl_time){.lo = tl_cal_make(1234, 5, 6, 7, 8, 9), .precision = TL_PRECISION_SECOND};
    tl_cal_format_iso(&t, buf, sizeof buf);
    tap_ok(tl_date_parse(buf, &p, NULL) && p.lo == t.lo, "format then parse round-trips");
}

static void test_add_months(void)
{
    tap_is_int(tl_cal_add_months(tl_cal_make(2024, 1, 31, 9, 30, 0), 1),
               tl_cal_make(2024, 2, 29, 9, 30, 0), "31 Jan 2024 + 1 month: 29 Feb, same time");
    tap_is_int(tl_cal_add_months(tl_cal_make(2023, 3, 31, 0, 0, 0), -1),
               tl_cal_make(2023, 2, 28, 0, 0, 0), "31 Mar 2023 - 1 month: 28 Feb");
    tap_is_int(tl_cal_add_months(tl_cal_make(2020, 12, 15, 0, 0, 0), 1),
               tl_cal_make(2021, 1, 15, 0, 0, 0), "15 Dec 2020 + 1 month: into the next year");
    tap_is_int(tl_cal_add_months(tl_cal_make(2021, 1, 15, 0, 0, 0), -13),
               tl_cal_make(2019, 12, 15, 0, 0, 0), "15 Jan 2021 - 13 months: 15 Dec 2019");
    tap_is_int(tl_cal_add_months(tl_cal_make(-1, 12, 31, 0, 0, 0), 2),
               tl_cal_make(0, 2, 29, 0, 0, 0), "31 Dec of year -1 + 2 months: 29 Feb of year 0");
    tap_is_int(tl_cal_add_months(tl_cal_make(0, 2, 29, 0, 0, 0), -12),
               tl_cal_make(-1, 2, 28, 0, 0, 0), "29 Feb of year 0 - 12 months: 28 Feb of -1");
    tap_is_int(tl_cal_add_months(tl_cal_make(2022, 5, 5, 0, 0, 0), 0),
               tl_cal_make(2022, 5, 5, 0, 0, 0), "0 months: the same instant");
}

static void test_source_date_epoch(void)
{
    const struct {
        const char *value;
        bool ok;
        int64_t seconds;
    } cases[] = {{"1600000000", true, 1600000000},
                 {"0", true, 0},
                 {"253402300799", true, INT64_C(253402300799)},
                 {"253402300800", false, 0},
                 {"-5", false, 0},
                 {" 5", false, 0},
                 {"5s", false, 0},
                 {"", false, 0},
                 {"99999999999999999999999", false, 0}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        setenv("SOURCE_DATE_EPOCH", cases[i].value, 1);
        int64_t s = -1;
        const bool ok = tl_cal_source_date_epoch(&s);
        tap_ok(ok == cases[i].ok && (!ok || s == cases[i].seconds), "SOURCE_DATE_EPOCH=\"%s\": %s",
               cases[i].value, cases[i].ok ? "read" : "refused");
    }
    unsetenv("SOURCE_DATE_EPOCH");
    int64_t s = -1;
    tap_ok(!tl_cal_source_date_epoch(&s), "SOURCE_DATE_EPOCH unset: none");
}

int main(void)
{
    test_known_values();
    test_add_months();
    test_source_date_epoch();
    test_round_trips();
    test_format();
    return tap_done();
}
