/* Date cells (data/date.c, data/date-label.c): intervals and open ends, dates given in parts (TimelineJS),
 * labels from tl_time, and time zones. */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "data/date.h"
#include "tap.h"
#include "test-util.h"

enum {
    A = TL_TIME_APPROXIMATE,
    U = TL_TIME_UNCERTAIN,
    B = TL_TIME_BEFORE,
    F = TL_TIME_AFTER,
};

/* ---------------------------------------------------------------------------------------------
 * Cells: intervals and open ends
 * ------------------------------------------------------------------------------------------- */

typedef struct interval_case {
    const char *text;
    const char *start_lo, *start_hi, *start_label;
    unsigned start_flags;
    const char *end_lo, *end_hi, *end_label; /* NULL: no end */
    bool start_open, end_open;
} interval_case;

static const interval_case interval_cases[] = {
    {"2019-11/2020-03", "2019-11-01T00:00:00", "2019-11-30T23:59:59", "Nov 2019", 0,
     "2020-03-01T00:00:00", "2020-03-31T23:59:59", "Mar 2020", false, false},
    {"2020-09/..", "2020-09-01T00:00:00", "2020-09-30T23:59:59", "Sep 2020", 0, NULL, NULL,
     "\xE2\x80\xA6", false, true},
    {"2020-09/", "2020-09-01T00:00:00", "2020-09-30T23:59:59", "Sep 2020", 0, NULL, NULL,
     "\xE2\x80\xA6", false, true},
    {"../2020", "2020-01-01T00:00:00", "2020-01-01T00:00:00", "\xE2\x80\xA6", B,
     "2020-01-01T00:00:00", "2020-12-31T23:59:59", "2020", true, false},
    {"/2020-06", "2020-06-01T00:00:00", "2020-06-01T00:00:00", "\xE2\x80\xA6", B,
     "2020-06-01T00:00:00", "2020-06-30T23:59:59", "Jun 2020", true, false},
    {"1939-1945", "1939-01-01T00:00:00", "1939-12-31T23:59:59", "1939", 0, "1945-01-01T00:00:00",
     "1945-12-31T23:59:59", "1945", false, false},
    {"1939\xE2\x80\x93"
     "1945",
     "1939-01-01T00:00:00", "1939-12-31T23:59:59", "1939", 0, "1945-01-01T00:00:00",
     "1945-12-31T23:59:59", "1945", false, false},
    {"4 Nov 2019 \xE2\x80\x94 10 Nov 2019", "2019-11-04T00:00:00", "2019-11-04T23:59:59",
     "4 Nov 2019", 0, "2019-11-10T00:00:00", "2019-11-10T23:59:59", "10 Nov 2019", false, false},
    {"4 Nov 2019 - 10 Nov 2019", "2019-11-04T00:00:00", "2019-11-04T23:59:59", "4 Nov 2019", 0,
     "2019-11-10T00:00:00", "2019-11-10T23:59:59", "10 Nov 2019", false, false},
    {"1850 to 1860", "1850-01-01T00:00:00", "1850-12-31T23:59:59", "1850", 0, "1860-01-01T00:00:00",
     "1860-12-31T23:59:59", "1860", false, false},
    {"c. 3200 BCE / 3000 BCE", "-3199-01-01T00:00:00", "-3199-12-31T23:59:59", "c. 3200 BCE", A,
     "-2999-01-01T00:00:00", "-2999-12-31T23:59:59", "3000 BCE", false, false},
    {"-0499/-0400", "-0499-01-01T00:00:00", "-0499-12-31T23:59:59", "500 BCE", 0,
     "-0400-01-01T00:00:00", "-0400-12-31T23:59:59", "401 BCE", false, false},
    {"2019-11-04T09:30/2019-11-04T17:00", "2019-11-04T09:30:00", "2019-11-04T09:30:59",
     "4 Nov 2019 09:30", 0, "2019-11-04T17:00:00", "2019-11-04T17:00:59", "4 Nov 2019 17:00", false,
     false},
    {"2019-11", "2019-11-01T00:00:00", "2019-11-30T23:59:59", "Nov 2019", 0, NULL, NULL, "", false,
     false},
    {"11/2019", "2019-11-01T00:00:00", "2019-11-30T23:59:59", "Nov 2019", 0, NULL, NULL, "", false,
     false},
    {"2019/2020", "2019-01-01T00:00:00", "2019-12-31T23:59:59", "2019", 0, "2020-01-01T00:00:00",
     "2020-12-31T23:59:59", "2020", false, false},
};

static const struct {
    const char *text;
    const char *why;
} bad_cells[] = {
    {"../..", "an interval needs at least one date"},
    {"/", "an interval needs at least one date"},
    {"2020/2019", "the interval ends before it starts"},
    {"2020-13/2021", "month 13 out of range"},
    {"2020/someday", "not a date (unknown word \"someday\")"},
    {"", "empty date"},
};

static void test_cells(void)
{
    for (size_t i = 0; i < sizeof interval_cases / sizeof interval_cases[0]; i++) {
        const interval_case *c = &interval_cases[i];
        tl_date_cell cell;
        char why[128] = "", lo[48], hi[48];
        if (!tap_ok(tl_date_parse_cell(c->text, NULL, &cell, why, sizeof why) == TL_DATE_OK,
                    "cell \"%s\"", c->text)) {
            tap_diag("why: %s", why);
            continue;
        }
        tap_is_str(test_iso_seconds(cell.start.lo, lo, sizeof lo), c->start_lo, "\"%s\" start lo",
                   c->text);
        tap_is_str(test_iso_seconds(cell.start.hi, hi, sizeof hi), c->start_hi, "\"%s\" start hi",
                   c->text);
        tap_is_int(cell.start.flags, c->start_flags, "\"%s\" start flags", c->text);
        tap_is_str(cell.start_label, c->start_label, "\"%s\" start label", c->text);
        tap_is_int(cell.has_end, c->end_lo != NULL, "\"%s\" has an end", c->text);
        tap_is_int(cell.start_open, c->start_open, "\"%s\" open start", c->text);
        tap_is_int(cell.end_open, c->end_open, "\"%s\" open end", c->text);
        tap_is_str(cell.end_label, c->end_label, "\"%s\" end label", c->text);
        if (c->end_lo && cell.has_end) {
            tap_is_str(test_iso_seconds(cell.end.lo, lo, sizeof lo), c->end_lo, "\"%s\" end lo",
                       c->text);
            tap_is_str(test_iso_seconds(cell.end.hi, hi, sizeof hi), c->end_hi, "\"%s\" end hi",
                       c->text);
        }
    }
    for (size_t i = 0; i < sizeof bad_cells / sizeof bad_cells[0]; i++) {
        tl_date_cell cell;
        char why[128] = "";
        tap_ok(tl_date_parse_cell(bad_cells[i].text, NULL, &cell, why, sizeof why) ==
                   TL_DATE_INVALID,
               "cell \"%s\" refused", bad_cells[i].text);
        tap_is_str(why, bad_cells[i].why, "reason for cell \"%s\"", bad_cells[i].text);
    }
    tl_date_cell cell;
    char why[128] = "";
    tap_is_int(tl_date_parse_cell("04/11/2019", NULL, &cell, why, sizeof why), TL_DATE_NEEDS_ORDER,
               "a numeric date without an order needs one");
    const tl_date_context dmy = {.order = TL_DATE_ORDER_DMY};
    tap_ok(tl_date_parse_cell("04/11/2019", &dmy, &cell, why, sizeof why) == TL_DATE_OK &&
               !cell.has_end && cell.start.lo == tl_cal_make(2019, 11, 4, 0, 0, 0),
           "04/11/2019 with dmy is one date, not an interval");

    /* End cells. */
    tl_time end;
    bool open = false;
    char label[TL_DATE_LABEL_SIZE];
    const char *const open_words[] = {"..", "open", "Ongoing", "present"};
    for (size_t i = 0; i < sizeof open_words / sizeof open_words[0]; i++) {
        tap_ok(tl_date_parse_end_cell(open_words[i], NULL, &end, &open, label, sizeof label, why,
                                      sizeof why) == TL_DATE_OK &&
                   open && strcmp(label, "\xE2\x80\xA6") == 0,
               "end \"%s\" is open", open_words[i]);
    }
    tap_ok(tl_date_parse_end_cell("2020-03", NULL, &end, &open, label, sizeof label, why,
                                  sizeof why) == TL_DATE_OK &&
               !open && end.lo == tl_cal_make(2020, 3, 1, 0, 0, 0) &&
               strcmp(label, "Mar 2020") == 0,
           "end 2020-03");
    tap_ok(tl_date_parse_end_cell("2020-03/2020-05", NULL, &end, &open, label, sizeof label, why,
                                  sizeof why) == TL_DATE_OK &&
               !open && end.lo == tl_cal_make(2020, 3, 1, 0, 0, 0) &&
               end.hi == tl_cal_make(2020, 6, 1, 0, 0, 0) - 1 &&
               end.precision == TL_PRECISION_MONTH && end.flags == 0 &&
               strcmp(label, "between Mar 2020 and May 2020") == 0,
           "an interval as an end is a date somewhere in it");
    tap_ok(tl_date_parse_end_cell("2020/..", NULL, &end, &open, label, sizeof label, why,
                                  sizeof why) == TL_DATE_INVALID &&
               strcmp(why, "an end date cannot be an open interval") == 0,
           "an open interval as an end is refused");
}

/* Cells of the form YYYY, YYYY-MM and YYYY-MM-DD take a short path; it must agree with the
 * full grammar on every value, valid or not. */
static void test_plain_iso_agrees(void)
{
    static const int years[] = {999,  1000, 1582, 1600, 1900, 1969,
                                1970, 2000, 2019, 2024, 2100, 9999};
    size_t checked = 0, mismatched = 0;
    for (size_t y = 0; y < sizeof years / sizeof years[0]; y++) {
        for (int m = 0; m <= 13; m++) {
            for (int d = -1; d <= 32; d++) {
                char text[16];
                if (m == 0 && d == -1)
                    snprintf(text, sizeof text, "%04d", years[y]);
                else if (d == -1)
                    snprintf(text, sizeof text, "%04d-%02d", years[y], m);
                else
                    snprintf(text, sizeof text, "%04d-%02d-%02d", years[y], m, d);
                tl_date_cell cell;
                tl_time t = {0}, end = {0};
                bool open = false;
                char why_cell[128] = "", why_expr[128] = "", why_end[128] = "";
                char label[TL_DATE_LABEL_SIZE] = "", end_label[TL_DATE_LABEL_SIZE] = "";
                const tl_date_status a =
                    tl_date_parse_cell(text, NULL, &cell, why_cell, sizeof why_cell);
                const tl_date_status b = tl_date_parse_expr(text, NULL, &t, label, sizeof label,
                                                            why_expr, sizeof why_expr);
                const tl_date_status c = tl_date_parse_end_cell(
                    text, NULL, &end, &open, end_label, sizeof end_label, why_end, sizeof why_end);
                bool same = a == b && b == c;
                if (same && a == TL_DATE_OK)
                    same = test_same_time(cell.start, t) && test_same_time(end, t) &&
                           strcmp(cell.start_label, label) == 0 && strcmp(end_label, label) == 0 &&
                           !cell.has_end && !open;
                else if (same)
                    same = strcmp(why_cell, why_expr) == 0 && strcmp(why_end, why_expr) == 0;
                if (!same) {
                    mismatched++;
                    tap_diag("short path disagrees on \"%s\"", text);
                }
                checked++;
                if (d == -1 && m == 0)
                    break; /* one year-only text per year */
            }
        }
    }
    tap_ok(mismatched == 0, "short path agrees with the grammar on %zu texts", checked);
}

/* ---------------------------------------------------------------------------------------------
 * Dates in parts (TimelineJS)
 * ------------------------------------------------------------------------------------------- */

typedef struct compose_case {
    const char *year, *month, *day, *time;
    const char *lo, *hi;
    tl_precision precision;
    const char *label; /* NULL: refused, with `hi` the reason */
} compose_case;

static const compose_case compose_cases[] = {
    {"1815", "", "", "", "1815-01-01T00:00:00", "1815-12-31T23:59:59", TL_PRECISION_YEAR, "1815"},
    {"1943", "7", "", "", "1943-07-01T00:00:00", "1943-07-31T23:59:59", TL_PRECISION_MONTH,
     "Jul 1943"},
    {"1815", "12", "10", "", "1815-12-10T00:00:00", "1815-12-10T23:59:59", TL_PRECISION_DAY,
     "10 Dec 1815"},
    {"622", "08", "09", "", "0622-08-09T00:00:00", "0622-08-09T23:59:59", TL_PRECISION_DAY,
     "9 Aug 622"},
    {"2000", "01", "05", "6:45:56", "2000-01-05T06:45:56", "2000-01-05T06:45:56",
     TL_PRECISION_SECOND, "5 Jan 2000 06:45:56"},
    {"2000", "1", "5", "6:45 PM", "2000-01-05T18:45:00", "2000-01-05T18:45:59", TL_PRECISION_MINUTE,
     "5 Jan 2000 18:45"},
    {"2000", "1", "5", "12:00 am", "2000-01-05T00:00:00", "2000-01-05T00:00:59",
     TL_PRECISION_MINUTE, "5 Jan 2000 00:00"},
    {"-500", "", "", "", "-0499-01-01T00:00:00", "-0499-12-31T23:59:59", TL_PRECISION_YEAR,
     "500 BCE"},
    {"-1", "", "", "", "0000-01-01T00:00:00", "0000-12-31T23:59:59", TL_PRECISION_YEAR, "1 BCE"},
    {"-13800000000", "", "", "", "-13799999999-01-01T00:00:00", "-13799999999-12-31T23:59:59",
     TL_PRECISION_YEAR, "13,800,000,000 BCE"},
    {"-13,800,000,000", "", "", "", "-13799999999-01-01T00:00:00", "-13799999999-12-31T23:59:59",
     TL_PRECISION_YEAR, "13,800,000,000 BCE"},
    {"1609", "Nov", "", "", "1609-11-01T00:00:00", "1609-11-30T23:59:59", TL_PRECISION_MONTH,
     "Nov 1609"},
    {" 1969 ", " 7 ", " 20 ", "", "1969-07-20T00:00:00", "1969-07-20T23:59:59", TL_PRECISION_DAY,
     "20 Jul 1969"},
    {"c. 1850", "", "", "", "1850-01-01T00:00:00", "1850-12-31T23:59:59", TL_PRECISION_YEAR,
     "c. 1850"},
    {"", "", "", "", NULL, "missing year", TL_PRECISION_YEAR, NULL},
    {"0", "", "", "", NULL, "there is no year 0 (1 BCE is -1)", TL_PRECISION_YEAR, NULL},
    {"1900", "13", "", "", NULL, "month 13 out of range", TL_PRECISION_YEAR, NULL},
    {"1900", "2", "29", "", NULL, "day 29 out of range for February 1900", TL_PRECISION_YEAR, NULL},
    {"1900", "", "5", "", NULL, "a day needs a month", TL_PRECISION_YEAR, NULL},
    {"1900", "1", "", "10:00", NULL, "a time needs a month and a day", TL_PRECISION_YEAR, NULL},
    {"1900", "1", "1", "25:00", NULL, "hour 25 out of range", TL_PRECISION_YEAR, NULL},
    {"1900", "1", "1", "noon", NULL, "time must be HH:MM or HH:MM:SS", TL_PRECISION_YEAR, NULL},
    {"19x0", "1", "", "", NULL, "year \"19x0\" is not a number", TL_PRECISION_YEAR, NULL},
    {"1900", "Smarch", "", "", NULL, "month \"Smarch\" is not a month", TL_PRECISION_YEAR, NULL},
    {"1900", "1", "32", "", NULL, "day \"32\" is not a day of the month", TL_PRECISION_YEAR, NULL},
};

static void test_compose(void)
{
    for (size_t i = 0; i < sizeof compose_cases / sizeof compose_cases[0]; i++) {
        const compose_case *c = &compose_cases[i];
        const tl_date_parts parts = {c->year, c->month, c->day, c->time};
        tl_time t;
        char label[TL_DATE_LABEL_SIZE] = "", why[128] = "", lo[48], hi[48];
        const tl_date_status st =
            tl_date_compose(&parts, NULL, &t, label, sizeof label, why, sizeof why);
        if (!c->label) {
            tap_ok(st == TL_DATE_INVALID, "parts %s/%s/%s/%s refused", c->year, c->month, c->day,
                   c->time);
            tap_is_str(why, c->hi, "reason for parts %s/%s/%s/%s", c->year, c->month, c->day,
                       c->time);
            continue;
        }
        if (!tap_ok(st == TL_DATE_OK, "parts %s/%s/%s/%s", c->year, c->month, c->day, c->time)) {
            tap_diag("why: %s", why);
            continue;
        }
        tap_is_str(test_iso_seconds(t.lo, lo, sizeof lo), c->lo, "parts %s/%s/%s/%s lo", c->year,
                   c->month, c->day, c->time);
        tap_is_str(test_iso_seconds(t.hi, hi, sizeof hi), c->hi, "parts %s/%s/%s/%s hi", c->year,
                   c->month, c->day, c->time);
        tap_is_str(test_precision_name(t.precision), test_precision_name(c->precision),
                   "parts %s/%s/%s/%s precision", c->year, c->month, c->day, c->time);
        tap_is_str(label, c->label, "parts %s/%s/%s/%s label", c->year, c->month, c->day, c->time);
    }
    /* NULL parts are absent parts; the context adds flags and a zone. */
    GTimeZone *paris = g_time_zone_new_identifier("Europe/Paris");
    const tl_date_context ctx = {.zone = paris, .add_flags = TL_TIME_APPROXIMATE};
    const tl_date_parts parts = {"2020", "7", "14", "10:00"};
    tl_time t;
    char label[TL_DATE_LABEL_SIZE];
    tap_ok(tl_date_compose(&parts, &ctx, &t, label, sizeof label, NULL, 0) == TL_DATE_OK &&
               t.lo == tl_cal_make(2020, 7, 14, 8, 0, 0) && t.flags == TL_TIME_APPROXIMATE &&
               strcmp(label, "c. 14 Jul 2020 10:00") == 0,
           "parts with a zone and added flags");
    const tl_date_parts only_year = {.year = "1999"};
    tap_ok(tl_date_compose(&only_year, NULL, &t, NULL, 0, NULL, 0) == TL_DATE_OK &&
               t.precision == TL_PRECISION_YEAR,
           "NULL parts are absent");
    g_time_zone_unref(paris);
}

/* ---------------------------------------------------------------------------------------------
 * Labels from tl_time, and zones
 * ------------------------------------------------------------------------------------------- */

static void test_format_label(void)
{
    const struct {
        const char *text;
        const char *label;
    } cases[] = {
        {"2020", "2020"},
        {"2019-11", "Nov 2019"},
        {"2020-09-16", "16 Sep 2020"},
        {"2020-10-07T12:30", "7 Oct 2020 12:30"},
        {"2020-10-07T12:30:15", "7 Oct 2020 12:30:15"},
        {"-0499", "500 BCE"},
        {"c. 1850", "c. 1850"},
        {"Nov 2019?", "Nov 2019?"},
        {"2019-11%", "c. Nov 2019?"},
        {"before 1850", "before 1850"},
        {"after Oct 2020", "after Oct 2020"},
        {"before 4 Nov 2019 10:30", "before 4 Nov 2019 10:30"},
        {"+12345", "12,345"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tl_time t;
        char buf[TL_DATE_LABEL_SIZE];
        tap_ok(tl_date_parse(cases[i].text, &t, NULL), "parse %s", cases[i].text);
        const size_t n = tl_date_format_label(&t, buf, sizeof buf);
        tap_is_str(buf, cases[i].label, "format_label of %s", cases[i].text);
        tap_is_int((long long)n, (long long)strlen(cases[i].label), "format_label length");
    }
    tl_time t;
    char small[4];
    tl_date_parse("2020-09-16", &t, NULL);
    tap_is_int((long long)tl_date_format_label(&t, small, sizeof small), 11,
               "format_label returns the full length");
    tap_is_str(small, "16 ", "format_label cuts and terminates");
}

static void test_zones(void)
{
    GTimeZone *ny = g_time_zone_new_identifier("America/New_York");
    if (!tap_ok(ny != NULL, "tzdata has America/New_York")) {
        return;
    }
    /* 2020-03-08 02:00 EST jumps to 03:00 EDT; 2020-11-01 02:00 EDT falls back to 01:00 EST. */
    tap_is_int(tl_date_zone_to_utc(ny, tl_cal_make(2020, 3, 8, 1, 30, 0)),
               tl_cal_make(2020, 3, 8, 6, 30, 0), "before the gap: EST");
    tap_is_int(tl_date_zone_to_utc(ny, tl_cal_make(2020, 3, 8, 2, 30, 0)),
               tl_cal_make(2020, 3, 8, 7, 30, 0), "in the gap: moved forward by an hour");
    tap_is_int(tl_date_zone_to_utc(ny, tl_cal_make(2020, 3, 8, 3, 30, 0)),
               tl_cal_make(2020, 3, 8, 7, 30, 0), "after the gap: EDT");
    tap_is_int(tl_date_zone_to_utc(ny, tl_cal_make(2020, 11, 1, 1, 30, 0)),
               tl_cal_make(2020, 11, 1, 5, 30, 0), "repeated hour: the first (EDT)");
    tap_is_int(tl_date_zone_to_utc(ny, tl_cal_make(2020, 11, 1, 2, 30, 0)),
               tl_cal_make(2020, 11, 1, 7, 30, 0), "after the repeated hour: EST");
    tap_is_int(tl_date_zone_offset(ny, tl_cal_make(2020, 7, 1, 0, 0, 0)), -4 * 3600,
               "summer offset");
    tap_is_int(tl_date_zone_offset(ny, tl_cal_make(2020, 1, 1, 0, 0, 0)), -5 * 3600,
               "winter offset");
    tap_is_int(tl_date_zone_to_utc(NULL, 12345), 12345, "no zone is UTC");
    tap_is_int(tl_date_zone_offset(NULL, 12345), 0, "no zone: offset 0");
    g_time_zone_unref(ny);

    tl_date_order order = TL_DATE_ORDER_NONE;
    tap_ok(tl_date_order_from_name("DMY", &order) && order == TL_DATE_ORDER_DMY, "order DMY");
    tap_ok(tl_date_order_from_name("mdy", &order) && order == TL_DATE_ORDER_MDY, "order mdy");
    tap_ok(tl_date_order_from_name("ymd", &order) && order == TL_DATE_ORDER_YMD, "order ymd");
    tap_ok(!tl_date_order_from_name("myd", &order) && !tl_date_order_from_name(NULL, &order),
           "unknown order");
}

int main(void)
{
    test_cells();
    test_plain_iso_agrees();
    test_compose();
    test_format_label();
    test_zones();
    return tap_done();
}
