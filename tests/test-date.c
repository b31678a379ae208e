/* Date grammar, labels, time zones, formatting and civil-calendar arithmetic (data/date.c).
 * The tables give, for every form the grammar accepts, the interval it must mean (lo, hi,
 * precision, flags) and its display label; and, for texts it must refuse, the reason. */
#include <glib.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "data/date.h"
#include "tap.h"

enum {
    A = TL_TIME_APPROXIMATE,
    U = TL_TIME_UNCERTAIN,
    B = TL_TIME_BEFORE,
    F = TL_TIME_AFTER,
};

/* Formats an instant at second precision, the form the tables use for lo and hi. */
static const char *iso_seconds(int64_t t, char *buf, size_t size)
{
    tl_time x = {.lo = t, .hi = t, .precision = TL_PRECISION_SECOND};
    tl_cal_format_iso(&x, buf, size);
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

/* A context from a table's name: "" default, "dmy"/"mdy"/"ymd", or an IANA zone. The zone is
 * returned for the caller to unref. */
static tl_date_context make_context(const char *name)
{
    tl_date_context ctx = {.order = TL_DATE_ORDER_NONE};
    if (!name[0])
        return ctx;
    if (tl_date_order_from_name(name, &ctx.order))
        return ctx;
    ctx.zone = g_time_zone_new_identifier(name);
    return ctx;
}

static void free_context(tl_date_context *ctx)
{
    if (ctx->zone)
        g_time_zone_unref(ctx->zone);
}

/* ---------------------------------------------------------------------------------------------
 * Accepted expressions
 * ------------------------------------------------------------------------------------------- */

typedef struct accepted {
    const char *context; /* see make_context() */
    const char *text;
    const char *lo;
    const char *hi;
    tl_precision precision;
    unsigned flags;
    const char *label;
} accepted;

static const accepted accepted_cases[] = {
    {"", "2019", "2019-01-01T00:00:00", "2019-12-31T23:59:59", TL_PRECISION_YEAR, 0, "2019"},
    {"", "2019-11", "2019-11-01T00:00:00", "2019-11-30T23:59:59", TL_PRECISION_MONTH, 0,
     "Nov 2019"},
    {"", "2019-11-04", "2019-11-04T00:00:00", "2019-11-04T23:59:59", TL_PRECISION_DAY, 0,
     "4 Nov 2019"},
    {"", "2019-11-04T09:30", "2019-11-04T09:30:00", "2019-11-04T09:30:59", TL_PRECISION_MINUTE, 0,
     "4 Nov 2019 09:30"},
    {"", "2019-11-04T09:30:15", "2019-11-04T09:30:15", "2019-11-04T09:30:15", TL_PRECISION_SECOND,
     0, "4 Nov 2019 09:30:15"},
    {"", "2019-11-04T09:30:15+09:00", "2019-11-04T00:30:15", "2019-11-04T00:30:15",
     TL_PRECISION_SECOND, 0, "4 Nov 2019 00:30:15"},
    {"", "2019-11-04T09:30Z", "2019-11-04T09:30:00", "2019-11-04T09:30:59", TL_PRECISION_MINUTE, 0,
     "4 Nov 2019 09:30"},
    {"", "2019-11-04 09:30", "2019-11-04T09:30:00", "2019-11-04T09:30:59", TL_PRECISION_MINUTE, 0,
     "4 Nov 2019 09:30"},
    {"", "2020-02", "2020-02-01T00:00:00", "2020-02-29T23:59:59", TL_PRECISION_MONTH, 0,
     "Feb 2020"},
    {"", "2019-02", "2019-02-01T00:00:00", "2019-02-28T23:59:59", TL_PRECISION_MONTH, 0,
     "Feb 2019"},
    {"", "1900-02", "1900-02-01T00:00:00", "1900-02-28T23:59:59", TL_PRECISION_MONTH, 0,
     "Feb 1900"},
    {"", "2000-02", "2000-02-01T00:00:00", "2000-02-29T23:59:59", TL_PRECISION_MONTH, 0,
     "Feb 2000"},
    {"", "2024-02-29", "2024-02-29T00:00:00", "2024-02-29T23:59:59", TL_PRECISION_DAY, 0,
     "29 Feb 2024"},
    {"", "1582-10-10", "1582-10-10T00:00:00", "1582-10-10T23:59:59", TL_PRECISION_DAY, 0,
     "10 Oct 1582"},
    {"", "0001-01-01", "0001-01-01T00:00:00", "0001-01-01T23:59:59", TL_PRECISION_DAY, 0,
     "1 Jan AD 1"},
    {"", "0000-01-01", "0000-01-01T00:00:00", "0000-01-01T23:59:59", TL_PRECISION_DAY, 0,
     "1 Jan 1 BCE"},
    {"", "-0001-12", "-0001-12-01T00:00:00", "-0001-12-31T23:59:59", TL_PRECISION_MONTH, 0,
     "Dec 2 BCE"},
    {"", "-0499", "-0499-01-01T00:00:00", "-0499-12-31T23:59:59", TL_PRECISION_YEAR, 0, "500 BCE"},
    {"", "-0004-02", "-0004-02-01T00:00:00", "-0004-02-29T23:59:59", TL_PRECISION_MONTH, 0,
     "Feb 5 BCE"},
    {"", "-10000-03-01", "-10000-03-01T00:00:00", "-10000-03-01T23:59:59", TL_PRECISION_DAY, 0,
     "1 Mar 10,001 BCE"},
    {"", "+10000", "+10000-01-01T00:00:00", "+10000-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "10,000"},
    {"", "+2020-05", "2020-05-01T00:00:00", "2020-05-31T23:59:59", TL_PRECISION_MONTH, 0,
     "May 2020"},
    {"", "+123456789", "+123456789-01-01T00:00:00", "+123456789-12-31T23:59:59", TL_PRECISION_YEAR,
     0, "123,456,789"},
    {"", "-999999999", "-999999999-01-01T00:00:00", "-999999999-12-31T23:59:59", TL_PRECISION_YEAR,
     0, "1,000,000,000 BCE"},
    {"", "+12345678901", "+12345678901-01-01T00:00:00", "+12345678901-12-31T23:59:59",
     TL_PRECISION_YEAR, 0, "12,345,678,901"},
    {"", "2020-10-07T12:30-0530", "2020-10-07T18:00:00", "2020-10-07T18:00:59", TL_PRECISION_MINUTE,
     0, "7 Oct 2020 18:00"},
    {"", "2020-10-07T12:30+05", "2020-10-07T07:30:00", "2020-10-07T07:30:59", TL_PRECISION_MINUTE,
     0, "7 Oct 2020 07:30"},
    {"", "2020-12-31T23:30-01:00", "2021-01-01T00:30:00", "2021-01-01T00:30:59",
     TL_PRECISION_MINUTE, 0, "1 Jan 2021 00:30"},
    {"", "2020-10-07T12:30:15.250", "2020-10-07T12:30:15", "2020-10-07T12:30:15",
     TL_PRECISION_SECOND, 0, "7 Oct 2020 12:30:15"},
    {"", "2020-10-07T12:30:15,5Z", "2020-10-07T12:30:15", "2020-10-07T12:30:15",
     TL_PRECISION_SECOND, 0, "7 Oct 2020 12:30:15"},
    {"", "1969-12-31T23:59:59", "1969-12-31T23:59:59", "1969-12-31T23:59:59", TL_PRECISION_SECOND,
     0, "31 Dec 1969 23:59:59"},
    {"", "9999-12-31T23:59:59", "9999-12-31T23:59:59", "9999-12-31T23:59:59", TL_PRECISION_SECOND,
     0, "31 Dec 9999 23:59:59"},
    {"", "  2020-09-16  ", "2020-09-16T00:00:00", "2020-09-16T23:59:59", TL_PRECISION_DAY, 0,
     "16 Sep 2020"},
    {"", "2019-11~", "2019-11-01T00:00:00", "2019-11-30T23:59:59", TL_PRECISION_MONTH, A,
     "c. Nov 2019"},
    {"", "2019-11?", "2019-11-01T00:00:00", "2019-11-30T23:59:59", TL_PRECISION_MONTH, U,
     "Nov 2019?"},
    {"", "2019-11%", "2019-11-01T00:00:00", "2019-11-30T23:59:59", TL_PRECISION_MONTH, A | U,
     "c. Nov 2019?"},
    {"", "2019~", "2019-01-01T00:00:00", "2019-12-31T23:59:59", TL_PRECISION_YEAR, A, "c. 2019"},
    {"", "1850?", "1850-01-01T00:00:00", "1850-12-31T23:59:59", TL_PRECISION_YEAR, U, "1850?"},
    {"", "2019-11-04?", "2019-11-04T00:00:00", "2019-11-04T23:59:59", TL_PRECISION_DAY, U,
     "4 Nov 2019?"},
    {"", "2019-11-04T09:30~", "2019-11-04T09:30:00", "2019-11-04T09:30:59", TL_PRECISION_MINUTE, A,
     "c. 4 Nov 2019 09:30"},
    {"", "201X", "2010-01-01T00:00:00", "2019-12-31T23:59:59", TL_PRECISION_YEAR, U, "2010s?"},
    {"", "19XX", "1900-01-01T00:00:00", "1999-12-31T23:59:59", TL_PRECISION_YEAR, U, "1900s?"},
    {"", "201x", "2010-01-01T00:00:00", "2019-12-31T23:59:59", TL_PRECISION_YEAR, U, "2010s?"},
    {"", "201X?", "2010-01-01T00:00:00", "2019-12-31T23:59:59", TL_PRECISION_YEAR, U, "2010s?"},
    {"", "2019-XX", "2019-01-01T00:00:00", "2019-12-31T23:59:59", TL_PRECISION_YEAR, U, "2019?"},
    {"", "2019-XX-XX", "2019-01-01T00:00:00", "2019-12-31T23:59:59", TL_PRECISION_YEAR, U, "2019?"},
    {"", "2019-11-XX", "2019-11-01T00:00:00", "2019-11-30T23:59:59", TL_PRECISION_MONTH, U,
     "Nov 2019?"},
    {"", "2020-21", "2020-03-01T00:00:00", "2020-05-31T23:59:59", TL_PRECISION_MONTH, 0,
     "spring 2020"},
    {"", "2020-22", "2020-06-01T00:00:00", "2020-08-31T23:59:59", TL_PRECISION_MONTH, 0,
     "summer 2020"},
    {"", "2020-23", "2020-09-01T00:00:00", "2020-11-30T23:59:59", TL_PRECISION_MONTH, 0,
     "autumn 2020"},
    {"", "2020-24", "2020-12-01T00:00:00", "2021-02-28T23:59:59", TL_PRECISION_MONTH, 0,
     "winter 2020"},
    {"", "2020-25", "2020-03-01T00:00:00", "2020-05-31T23:59:59", TL_PRECISION_MONTH, 0,
     "spring 2020"},
    {"", "2020-29", "2020-09-01T00:00:00", "2020-11-30T23:59:59", TL_PRECISION_MONTH, 0,
     "southern spring 2020"},
    {"", "2020-31", "2020-03-01T00:00:00", "2020-05-31T23:59:59", TL_PRECISION_MONTH, 0,
     "southern autumn 2020"},
    {"", "2020-33", "2020-01-01T00:00:00", "2020-03-31T23:59:59", TL_PRECISION_MONTH, 0, "Q1 2020"},
    {"", "2020-34", "2020-04-01T00:00:00", "2020-06-30T23:59:59", TL_PRECISION_MONTH, 0, "Q2 2020"},
    {"", "2020-35", "2020-07-01T00:00:00", "2020-09-30T23:59:59", TL_PRECISION_MONTH, 0, "Q3 2020"},
    {"", "2020-36", "2020-10-01T00:00:00", "2020-12-31T23:59:59", TL_PRECISION_MONTH, 0, "Q4 2020"},
    {"", "2020-40", "2020-01-01T00:00:00", "2020-06-30T23:59:59", TL_PRECISION_MONTH, 0, "H1 2020"},
    {"", "2020-41", "2020-07-01T00:00:00", "2020-12-31T23:59:59", TL_PRECISION_MONTH, 0, "H2 2020"},
    {"", "2020-21~", "2020-03-01T00:00:00", "2020-05-31T23:59:59", TL_PRECISION_MONTH, A,
     "c. spring 2020"},
    {"", "Y170000", "+170000-01-01T00:00:00", "+170000-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "170,000"},
    {"", "Y-170000", "-170000-01-01T00:00:00", "-170000-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "170,001 BCE"},
    {"", "Y12345", "+12345-01-01T00:00:00", "+12345-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "12,345"},
    {"", "y-5", "-0005-01-01T00:00:00", "-0005-12-31T23:59:59", TL_PRECISION_YEAR, 0, "6 BCE"},
    {"", "4 Nov 2019", "2019-11-04T00:00:00", "2019-11-04T23:59:59", TL_PRECISION_DAY, 0,
     "4 Nov 2019"},
    {"", "04 Nov 2019", "2019-11-04T00:00:00", "2019-11-04T23:59:59", TL_PRECISION_DAY, 0,
     "4 Nov 2019"},
    {"", "4 November 2019", "2019-11-04T00:00:00", "2019-11-04T23:59:59", TL_PRECISION_DAY, 0,
     "4 Nov 2019"},
    {"", "4 NOVEMBER 2019", "2019-11-04T00:00:00", "2019-11-04T23:59:59", TL_PRECISION_DAY, 0,
     "4 Nov 2019"},
    {"", "4th November 2019", "2019-11-04T00:00:00", "2019-11-04T23:59:59", TL_PRECISION_DAY, 0,
     "4 Nov 2019"},
    {"", "4th of November 2019", "2019-11-04T00:00:00", "2019-11-04T23:59:59", TL_PRECISION_DAY, 0,
     "4 Nov 2019"},
    {"", "Nov 4, 2019", "2019-11-04T00:00:00", "2019-11-04T23:59:59", TL_PRECISION_DAY, 0,
     "4 Nov 2019"},
    {"", "Nov 4 2019", "2019-11-04T00:00:00", "2019-11-04T23:59:59", TL_PRECISION_DAY, 0,
     "4 Nov 2019"},
    {"", "November 4th, 2019", "2019-11-04T00:00:00", "2019-11-04T23:59:59", TL_PRECISION_DAY, 0,
     "4 Nov 2019"},
    {"", "Nov. 4, 2019", "2019-11-04T00:00:00", "2019-11-04T23:59:59", TL_PRECISION_DAY, 0,
     "4 Nov 2019"},
    {"", "Sept 4, 2019", "2019-09-04T00:00:00", "2019-09-04T23:59:59", TL_PRECISION_DAY, 0,
     "4 Sep 2019"},
    {"", "September 2019", "2019-09-01T00:00:00", "2019-09-30T23:59:59", TL_PRECISION_MONTH, 0,
     "Sep 2019"},
    {"", "Sep 2019", "2019-09-01T00:00:00", "2019-09-30T23:59:59", TL_PRECISION_MONTH, 0,
     "Sep 2019"},
    {"", "sep 2019", "2019-09-01T00:00:00", "2019-09-30T23:59:59", TL_PRECISION_MONTH, 0,
     "Sep 2019"},
    {"", "November 2019", "2019-11-01T00:00:00", "2019-11-30T23:59:59", TL_PRECISION_MONTH, 0,
     "Nov 2019"},
    {"", "Nov 2019", "2019-11-01T00:00:00", "2019-11-30T23:59:59", TL_PRECISION_MONTH, 0,
     "Nov 2019"},
    {"", "Nov, 2019", "2019-11-01T00:00:00", "2019-11-30T23:59:59", TL_PRECISION_MONTH, 0,
     "Nov 2019"},
    {"", "2019 Nov 4", "2019-11-04T00:00:00", "2019-11-04T23:59:59", TL_PRECISION_DAY, 0,
     "4 Nov 2019"},
    {"", "2019 November", "2019-11-01T00:00:00", "2019-11-30T23:59:59", TL_PRECISION_MONTH, 0,
     "Nov 2019"},
    {"", "Monday, 4 November 2019", "2019-11-04T00:00:00", "2019-11-04T23:59:59", TL_PRECISION_DAY,
     0, "4 Nov 2019"},
    {"", "Mon 4 Nov 2019", "2019-11-04T00:00:00", "2019-11-04T23:59:59", TL_PRECISION_DAY, 0,
     "4 Nov 2019"},
    {"", "29 Feb 2024", "2024-02-29T00:00:00", "2024-02-29T23:59:59", TL_PRECISION_DAY, 0,
     "29 Feb 2024"},
    {"", "7 Oct 2020 12:30", "2020-10-07T12:30:00", "2020-10-07T12:30:59", TL_PRECISION_MINUTE, 0,
     "7 Oct 2020 12:30"},
    {"", "7 Oct 2020 12:30:15", "2020-10-07T12:30:15", "2020-10-07T12:30:15", TL_PRECISION_SECOND,
     0, "7 Oct 2020 12:30:15"},
    {"", "Oct 7, 2020 12:30 pm", "2020-10-07T12:30:00", "2020-10-07T12:30:59", TL_PRECISION_MINUTE,
     0, "7 Oct 2020 12:30"},
    {"", "Oct 7, 2020 12:30 am", "2020-10-07T00:30:00", "2020-10-07T00:30:59", TL_PRECISION_MINUTE,
     0, "7 Oct 2020 00:30"},
    {"", "7 Oct 2020 at 9:05", "2020-10-07T09:05:00", "2020-10-07T09:05:59", TL_PRECISION_MINUTE, 0,
     "7 Oct 2020 09:05"},
    {"", "7 Oct 2020 12:30 UTC", "2020-10-07T12:30:00", "2020-10-07T12:30:59", TL_PRECISION_MINUTE,
     0, "7 Oct 2020 12:30"},
    {"", "7 Oct 2020 12:30 +09:00", "2020-10-07T03:30:00", "2020-10-07T03:30:59",
     TL_PRECISION_MINUTE, 0, "7 Oct 2020 03:30"},
    {"", "Jan 2020", "2020-01-01T00:00:00", "2020-01-31T23:59:59", TL_PRECISION_MONTH, 0,
     "Jan 2020"},
    {"", "Feb 2020", "2020-02-01T00:00:00", "2020-02-29T23:59:59", TL_PRECISION_MONTH, 0,
     "Feb 2020"},
    {"", "Mar 2020", "2020-03-01T00:00:00", "2020-03-31T23:59:59", TL_PRECISION_MONTH, 0,
     "Mar 2020"},
    {"", "Apr 2020", "2020-04-01T00:00:00", "2020-04-30T23:59:59", TL_PRECISION_MONTH, 0,
     "Apr 2020"},
    {"", "May 2020", "2020-05-01T00:00:00", "2020-05-31T23:59:59", TL_PRECISION_MONTH, 0,
     "May 2020"},
    {"", "Jun 2020", "2020-06-01T00:00:00", "2020-06-30T23:59:59", TL_PRECISION_MONTH, 0,
     "Jun 2020"},
    {"", "Jul 2020", "2020-07-01T00:00:00", "2020-07-31T23:59:59", TL_PRECISION_MONTH, 0,
     "Jul 2020"},
    {"", "Aug 2020", "2020-08-01T00:00:00", "2020-08-31T23:59:59", TL_PRECISION_MONTH, 0,
     "Aug 2020"},
    {"", "Oct 2020", "2020-10-01T00:00:00", "2020-10-31T23:59:59", TL_PRECISION_MONTH, 0,
     "Oct 2020"},
    {"", "Dec 2020", "2020-12-01T00:00:00", "2020-12-31T23:59:59", TL_PRECISION_MONTH, 0,
     "Dec 2020"},
    {"dmy", "04/11/2019", "2019-11-04T00:00:00", "2019-11-04T23:59:59", TL_PRECISION_DAY, 0,
     "4 Nov 2019"},
    {"mdy", "04/11/2019", "2019-04-11T00:00:00", "2019-04-11T23:59:59", TL_PRECISION_DAY, 0,
     "11 Apr 2019"},
    {"dmy", "4.11.2019", "2019-11-04T00:00:00", "2019-11-04T23:59:59", TL_PRECISION_DAY, 0,
     "4 Nov 2019"},
    {"dmy", "04-11-2019", "2019-11-04T00:00:00", "2019-11-04T23:59:59", TL_PRECISION_DAY, 0,
     "4 Nov 2019"},
    {"dmy", "4/11/2019 10:30", "2019-11-04T10:30:00", "2019-11-04T10:30:59", TL_PRECISION_MINUTE, 0,
     "4 Nov 2019 10:30"},
    {"mdy", "11/04/2019 10:30:15", "2019-11-04T10:30:15", "2019-11-04T10:30:15",
     TL_PRECISION_SECOND, 0, "4 Nov 2019 10:30:15"},
    {"ymd", "2019/11/04", "2019-11-04T00:00:00", "2019-11-04T23:59:59", TL_PRECISION_DAY, 0,
     "4 Nov 2019"},
    {"", "2019/11/04", "2019-11-04T00:00:00", "2019-11-04T23:59:59", TL_PRECISION_DAY, 0,
     "4 Nov 2019"},
    {"", "2019.11.04", "2019-11-04T00:00:00", "2019-11-04T23:59:59", TL_PRECISION_DAY, 0,
     "4 Nov 2019"},
    {"", "11/2019", "2019-11-01T00:00:00", "2019-11-30T23:59:59", TL_PRECISION_MONTH, 0,
     "Nov 2019"},
    {"", "2019/11", "2019-11-01T00:00:00", "2019-11-30T23:59:59", TL_PRECISION_MONTH, 0,
     "Nov 2019"},
    {"", "500 BCE", "-0499-01-01T00:00:00", "-0499-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "500 BCE"},
    {"", "500 BC", "-0499-01-01T00:00:00", "-0499-12-31T23:59:59", TL_PRECISION_YEAR, 0, "500 BCE"},
    {"", "500 B.C.", "-0499-01-01T00:00:00", "-0499-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "500 BCE"},
    {"", "500 bce", "-0499-01-01T00:00:00", "-0499-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "500 BCE"},
    {"", "500 B.C.E.", "-0499-01-01T00:00:00", "-0499-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "500 BCE"},
    {"", "AD 43", "0043-01-01T00:00:00", "0043-12-31T23:59:59", TL_PRECISION_YEAR, 0, "AD 43"},
    {"", "A.D. 43", "0043-01-01T00:00:00", "0043-12-31T23:59:59", TL_PRECISION_YEAR, 0, "AD 43"},
    {"", "43 CE", "0043-01-01T00:00:00", "0043-12-31T23:59:59", TL_PRECISION_YEAR, 0, "AD 43"},
    {"", "43 AD", "0043-01-01T00:00:00", "0043-12-31T23:59:59", TL_PRECISION_YEAR, 0, "AD 43"},
    {"", "43", "0043-01-01T00:00:00", "0043-12-31T23:59:59", TL_PRECISION_YEAR, 0, "AD 43"},
    {"", "800", "0800-01-01T00:00:00", "0800-12-31T23:59:59", TL_PRECISION_YEAR, 0, "800"},
    {"", "1 BCE", "0000-01-01T00:00:00", "0000-12-31T23:59:59", TL_PRECISION_YEAR, 0, "1 BCE"},
    {"", "AD 1", "0001-01-01T00:00:00", "0001-12-31T23:59:59", TL_PRECISION_YEAR, 0, "AD 1"},
    {"", "AD 40s", "0040-01-01T00:00:00", "0049-12-31T23:59:59", TL_PRECISION_YEAR, 0, "AD 40s"},
    {"", "4 Nov AD 43", "0043-11-04T00:00:00", "0043-11-04T23:59:59", TL_PRECISION_DAY, 0,
     "4 Nov AD 43"},
    {"", "15 Mar 44 BC", "-0043-03-15T00:00:00", "-0043-03-15T23:59:59", TL_PRECISION_DAY, 0,
     "15 Mar 44 BCE"},
    {"", "March 44 BC", "-0043-03-01T00:00:00", "-0043-03-31T23:59:59", TL_PRECISION_MONTH, 0,
     "Mar 44 BCE"},
    {"", "10,000 BP", "-8050-01-01T00:00:00", "-8050-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "10,000 BP"},
    {"", "10000 BP", "-8050-01-01T00:00:00", "-8050-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "10,000 BP"},
    {"", "1950 BP", "0000-01-01T00:00:00", "0000-12-31T23:59:59", TL_PRECISION_YEAR, 0, "1950 BP"},
    {"", "13,800,000,000 BCE", "-13799999999-01-01T00:00:00", "-13799999999-12-31T23:59:59",
     TL_PRECISION_YEAR, 0, "13,800,000,000 BCE"},
    {"", "170,000 BCE", "-169999-01-01T00:00:00", "-169999-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "170,000 BCE"},
    {"", "-13800000000", "-13800000000-01-01T00:00:00", "-13800000000-12-31T23:59:59",
     TL_PRECISION_YEAR, 0, "13,800,000,001 BCE"},
    {"", "c. 1850", "1850-01-01T00:00:00", "1850-12-31T23:59:59", TL_PRECISION_YEAR, A, "c. 1850"},
    {"", "c 1850", "1850-01-01T00:00:00", "1850-12-31T23:59:59", TL_PRECISION_YEAR, A, "c. 1850"},
    {"", "ca. 1850", "1850-01-01T00:00:00", "1850-12-31T23:59:59", TL_PRECISION_YEAR, A, "c. 1850"},
    {"", "circa 1850", "1850-01-01T00:00:00", "1850-12-31T23:59:59", TL_PRECISION_YEAR, A,
     "c. 1850"},
    {"", "Circa 1850", "1850-01-01T00:00:00", "1850-12-31T23:59:59", TL_PRECISION_YEAR, A,
     "c. 1850"},
    {"", "about 1850", "1850-01-01T00:00:00", "1850-12-31T23:59:59", TL_PRECISION_YEAR, A,
     "c. 1850"},
    {"", "around 1850", "1850-01-01T00:00:00", "1850-12-31T23:59:59", TL_PRECISION_YEAR, A,
     "c. 1850"},
    {"", "approx. 1850", "1850-01-01T00:00:00", "1850-12-31T23:59:59", TL_PRECISION_YEAR, A,
     "c. 1850"},
    {"", "abt 1850", "1850-01-01T00:00:00", "1850-12-31T23:59:59", TL_PRECISION_YEAR, A, "c. 1850"},
    {"", "~1850", "1850-01-01T00:00:00", "1850-12-31T23:59:59", TL_PRECISION_YEAR, A, "c. 1850"},
    {"", "~ 1850", "1850-01-01T00:00:00", "1850-12-31T23:59:59", TL_PRECISION_YEAR, A, "c. 1850"},
    {"", "1850 (approx.)", "1850-01-01T00:00:00", "1850-12-31T23:59:59", TL_PRECISION_YEAR, A,
     "c. 1850"},
    {"", "c. 3200 BCE", "-3199-01-01T00:00:00", "-3199-12-31T23:59:59", TL_PRECISION_YEAR, A,
     "c. 3200 BCE"},
    {"", "c. 10,000 BP", "-8050-01-01T00:00:00", "-8050-12-31T23:59:59", TL_PRECISION_YEAR, A,
     "c. 10,000 BP"},
    {"", "c. Nov 2019", "2019-11-01T00:00:00", "2019-11-30T23:59:59", TL_PRECISION_MONTH, A,
     "c. Nov 2019"},
    {"", "c. 1850?", "1850-01-01T00:00:00", "1850-12-31T23:59:59", TL_PRECISION_YEAR, A | U,
     "c. 1850?"},
    {"", "before 1850", "1849-12-31T23:59:59", "1849-12-31T23:59:59", TL_PRECISION_YEAR, B,
     "before 1850"},
    {"", "Before 1850", "1849-12-31T23:59:59", "1849-12-31T23:59:59", TL_PRECISION_YEAR, B,
     "before 1850"},
    {"", "bef 1850", "1849-12-31T23:59:59", "1849-12-31T23:59:59", TL_PRECISION_YEAR, B,
     "before 1850"},
    {"", "before Nov 2019", "2019-10-31T23:59:59", "2019-10-31T23:59:59", TL_PRECISION_MONTH, B,
     "before Nov 2019"},
    {"", "before 4 Nov 2019", "2019-11-03T23:59:59", "2019-11-03T23:59:59", TL_PRECISION_DAY, B,
     "before 4 Nov 2019"},
    {"", "before c. 1850", "1849-12-31T23:59:59", "1849-12-31T23:59:59", TL_PRECISION_YEAR, A | B,
     "before c. 1850"},
    {"", "after 1850", "1851-01-01T00:00:00", "1851-01-01T00:00:00", TL_PRECISION_YEAR, F,
     "after 1850"},
    {"", "after Oct 2020", "2020-11-01T00:00:00", "2020-11-01T00:00:00", TL_PRECISION_MONTH, F,
     "after Oct 2020"},
    {"", "after 16 Sep 2020", "2020-09-17T00:00:00", "2020-09-17T00:00:00", TL_PRECISION_DAY, F,
     "after 16 Sep 2020"},
    {"", "after 7 Oct 2020 12:30", "2020-10-07T12:31:00", "2020-10-07T12:31:00",
     TL_PRECISION_MINUTE, F, "after 7 Oct 2020 12:30"},
    {"", "aft 1850", "1851-01-01T00:00:00", "1851-01-01T00:00:00", TL_PRECISION_YEAR, F,
     "after 1850"},
    {"", "between 1850 and 1860", "1850-01-01T00:00:00", "1860-12-31T23:59:59", TL_PRECISION_YEAR,
     0, "between 1850 and 1860"},
    {"", "Between 1850 And 1860", "1850-01-01T00:00:00", "1860-12-31T23:59:59", TL_PRECISION_YEAR,
     0, "between 1850 and 1860"},
    {"", "between May 1850 and 1860", "1850-05-01T00:00:00", "1860-12-31T23:59:59",
     TL_PRECISION_MONTH, 0, "between May 1850 and 1860"},
    {"", "between c. 1850 and 1860", "1850-01-01T00:00:00", "1860-12-31T23:59:59",
     TL_PRECISION_YEAR, A, "between c. 1850 and 1860"},
    {"", "c. between 1850 and 1860", "1850-01-01T00:00:00", "1860-12-31T23:59:59",
     TL_PRECISION_YEAR, A, "c. between 1850 and 1860"},
    {"", "between 1850 and 1860?", "1850-01-01T00:00:00", "1860-12-31T23:59:59", TL_PRECISION_YEAR,
     U, "between 1850 and 1860?"},
    {"", "between 500 BCE and 400 BCE", "-0499-01-01T00:00:00", "-0399-12-31T23:59:59",
     TL_PRECISION_YEAR, 0, "between 500 BCE and 400 BCE"},
    {"", "bet 1850 and 1860", "1850-01-01T00:00:00", "1860-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "between 1850 and 1860"},
    {"", "between 1850 & 1860", "1850-01-01T00:00:00", "1860-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "between 1850 and 1860"},
    {"", "early November 2019", "2019-11-01T00:00:00", "2019-11-10T23:59:59", TL_PRECISION_DAY, 0,
     "early Nov 2019"},
    {"", "mid November 2019", "2019-11-11T00:00:00", "2019-11-20T23:59:59", TL_PRECISION_DAY, 0,
     "mid Nov 2019"},
    {"", "late November 2019", "2019-11-21T00:00:00", "2019-11-30T23:59:59", TL_PRECISION_DAY, 0,
     "late Nov 2019"},
    {"", "late February 2019", "2019-02-21T00:00:00", "2019-02-28T23:59:59", TL_PRECISION_DAY, 0,
     "late Feb 2019"},
    {"", "late February 2020", "2020-02-21T00:00:00", "2020-02-29T23:59:59", TL_PRECISION_DAY, 0,
     "late Feb 2020"},
    {"", "early Nov 2019", "2019-11-01T00:00:00", "2019-11-10T23:59:59", TL_PRECISION_DAY, 0,
     "early Nov 2019"},
    {"", "early 2020", "2020-01-01T00:00:00", "2020-04-30T23:59:59", TL_PRECISION_MONTH, 0,
     "early 2020"},
    {"", "mid 2020", "2020-05-01T00:00:00", "2020-08-31T23:59:59", TL_PRECISION_MONTH, 0,
     "mid 2020"},
    {"", "middle 2020", "2020-05-01T00:00:00", "2020-08-31T23:59:59", TL_PRECISION_MONTH, 0,
     "mid 2020"},
    {"", "late 2020", "2020-09-01T00:00:00", "2020-12-31T23:59:59", TL_PRECISION_MONTH, 0,
     "late 2020"},
    {"", "early 1940s", "1940-01-01T00:00:00", "1943-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "early 1940s"},
    {"", "mid 1940s", "1944-01-01T00:00:00", "1946-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "mid 1940s"},
    {"", "late 1940s", "1947-01-01T00:00:00", "1949-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "late 1940s"},
    {"", "mid-1850s", "1854-01-01T00:00:00", "1856-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "mid 1850s"},
    {"", "early 1450s", "1450-01-01T00:00:00", "1453-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "early 1450s"},
    {"", "early 19th century", "1801-01-01T00:00:00", "1834-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "early 19th century"},
    {"", "mid 19th century", "1835-01-01T00:00:00", "1867-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "mid 19th century"},
    {"", "late 19th century", "1868-01-01T00:00:00", "1900-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "late 19th century"},
    {"", "early 1800s", "1800-01-01T00:00:00", "1833-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "early 1800s"},
    {"", "late 500 BCE", "-0499-09-01T00:00:00", "-0499-12-31T23:59:59", TL_PRECISION_MONTH, 0,
     "late 500 BCE"},
    {"", "Q1 2020", "2020-01-01T00:00:00", "2020-03-31T23:59:59", TL_PRECISION_MONTH, 0, "Q1 2020"},
    {"", "Q2 2020", "2020-04-01T00:00:00", "2020-06-30T23:59:59", TL_PRECISION_MONTH, 0, "Q2 2020"},
    {"", "Q3 2020", "2020-07-01T00:00:00", "2020-09-30T23:59:59", TL_PRECISION_MONTH, 0, "Q3 2020"},
    {"", "Q4 2020", "2020-10-01T00:00:00", "2020-12-31T23:59:59", TL_PRECISION_MONTH, 0, "Q4 2020"},
    {"", "q3 2020", "2020-07-01T00:00:00", "2020-09-30T23:59:59", TL_PRECISION_MONTH, 0, "Q3 2020"},
    {"", "2020 Q3", "2020-07-01T00:00:00", "2020-09-30T23:59:59", TL_PRECISION_MONTH, 0, "Q3 2020"},
    {"", "2020-Q3", "2020-07-01T00:00:00", "2020-09-30T23:59:59", TL_PRECISION_MONTH, 0, "Q3 2020"},
    {"", "H1 2020", "2020-01-01T00:00:00", "2020-06-30T23:59:59", TL_PRECISION_MONTH, 0, "H1 2020"},
    {"", "H2 2020", "2020-07-01T00:00:00", "2020-12-31T23:59:59", TL_PRECISION_MONTH, 0, "H2 2020"},
    {"", "2020 H2", "2020-07-01T00:00:00", "2020-12-31T23:59:59", TL_PRECISION_MONTH, 0, "H2 2020"},
    {"", "spring 2020", "2020-03-01T00:00:00", "2020-05-31T23:59:59", TL_PRECISION_MONTH, 0,
     "spring 2020"},
    {"", "summer 2020", "2020-06-01T00:00:00", "2020-08-31T23:59:59", TL_PRECISION_MONTH, 0,
     "summer 2020"},
    {"", "autumn 2020", "2020-09-01T00:00:00", "2020-11-30T23:59:59", TL_PRECISION_MONTH, 0,
     "autumn 2020"},
    {"", "fall 2020", "2020-09-01T00:00:00", "2020-11-30T23:59:59", TL_PRECISION_MONTH, 0,
     "autumn 2020"},
    {"", "winter 2020", "2020-12-01T00:00:00", "2021-02-28T23:59:59", TL_PRECISION_MONTH, 0,
     "winter 2020"},
    {"", "Spring 2020", "2020-03-01T00:00:00", "2020-05-31T23:59:59", TL_PRECISION_MONTH, 0,
     "spring 2020"},
    {"", "southern spring 2020", "2020-09-01T00:00:00", "2020-11-30T23:59:59", TL_PRECISION_MONTH,
     0, "southern spring 2020"},
    {"", "southern winter 2020", "2020-06-01T00:00:00", "2020-08-31T23:59:59", TL_PRECISION_MONTH,
     0, "southern winter 2020"},
    {"", "winter 1 BCE", "0000-12-01T00:00:00", "0001-02-28T23:59:59", TL_PRECISION_MONTH, 0,
     "winter 1 BCE"},
    {"", "1940s", "1940-01-01T00:00:00", "1949-12-31T23:59:59", TL_PRECISION_YEAR, 0, "1940s"},
    {"", "1990s", "1990-01-01T00:00:00", "1999-12-31T23:59:59", TL_PRECISION_YEAR, 0, "1990s"},
    {"", "1800s", "1800-01-01T00:00:00", "1899-12-31T23:59:59", TL_PRECISION_YEAR, 0, "1800s"},
    {"", "2000s", "2000-01-01T00:00:00", "2099-12-31T23:59:59", TL_PRECISION_YEAR, 0, "2000s"},
    {"", "880s", "0880-01-01T00:00:00", "0889-12-31T23:59:59", TL_PRECISION_YEAR, 0, "880s"},
    {"", "340s BCE", "-0348-01-01T00:00:00", "-0339-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "340s BCE"},
    {"", "500s BC", "-0598-01-01T00:00:00", "-0499-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "500s BCE"},
    {"", "the 1940s", "1940-01-01T00:00:00", "1949-12-31T23:59:59", TL_PRECISION_YEAR, 0, "1940s"},
    {"", "in the 1940s", "1940-01-01T00:00:00", "1949-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "1940s"},
    {"", "1st century", "0001-01-01T00:00:00", "0100-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "1st century"},
    {"", "2nd century", "0101-01-01T00:00:00", "0200-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "2nd century"},
    {"", "3rd century", "0201-01-01T00:00:00", "0300-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "3rd century"},
    {"", "19th century", "1801-01-01T00:00:00", "1900-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "19th century"},
    {"", "21st century", "2001-01-01T00:00:00", "2100-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "21st century"},
    {"", "19th Century", "1801-01-01T00:00:00", "1900-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "19th century"},
    {"", "1st century BCE", "-0099-01-01T00:00:00", "0000-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "1st century BCE"},
    {"", "5th century BCE", "-0499-01-01T00:00:00", "-0400-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "5th century BCE"},
    {"", "1st millennium", "0001-01-01T00:00:00", "1000-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "1st millennium"},
    {"", "2nd millennium", "1001-01-01T00:00:00", "2000-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "2nd millennium"},
    {"", "3rd millennium BCE", "-2999-01-01T00:00:00", "-2000-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "3rd millennium BCE"},
    {"", "the 19th century", "1801-01-01T00:00:00", "1900-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "19th century"},
    {"America/New_York", "2020-07-01T12:00", "2020-07-01T16:00:00", "2020-07-01T16:00:59",
     TL_PRECISION_MINUTE, 0, "1 Jul 2020 12:00"},
    {"America/New_York", "2020-01-15T12:00", "2020-01-15T17:00:00", "2020-01-15T17:00:59",
     TL_PRECISION_MINUTE, 0, "15 Jan 2020 12:00"},
    {"America/New_York", "2020-03-08T02:30", "2020-03-08T07:30:00", "2020-03-08T07:30:59",
     TL_PRECISION_MINUTE, 0, "8 Mar 2020 03:30"},
    {"America/New_York", "2020-03-08T01:59", "2020-03-08T06:59:00", "2020-03-08T06:59:59",
     TL_PRECISION_MINUTE, 0, "8 Mar 2020 01:59"},
    {"America/New_York", "2020-03-08T03:00", "2020-03-08T07:00:00", "2020-03-08T07:00:59",
     TL_PRECISION_MINUTE, 0, "8 Mar 2020 03:00"},
    {"America/New_York", "2020-11-01T01:30", "2020-11-01T05:30:00", "2020-11-01T05:30:59",
     TL_PRECISION_MINUTE, 0, "1 Nov 2020 01:30"},
    {"America/New_York", "2020-11-01T00:59", "2020-11-01T04:59:00", "2020-11-01T04:59:59",
     TL_PRECISION_MINUTE, 0, "1 Nov 2020 00:59"},
    {"America/New_York", "2020-11-01T02:00", "2020-11-01T07:00:00", "2020-11-01T07:00:59",
     TL_PRECISION_MINUTE, 0, "1 Nov 2020 02:00"},
    {"America/New_York", "2020-07-01T12:00Z", "2020-07-01T12:00:00", "2020-07-01T12:00:59",
     TL_PRECISION_MINUTE, 0, "1 Jul 2020 08:00"},
    {"America/New_York", "2020-07-01T12:00+02:00", "2020-07-01T10:00:00", "2020-07-01T10:00:59",
     TL_PRECISION_MINUTE, 0, "1 Jul 2020 06:00"},
    {"America/New_York", "2020-07-01", "2020-07-01T00:00:00", "2020-07-01T23:59:59",
     TL_PRECISION_DAY, 0, "1 Jul 2020"},
    {"America/New_York", "July 2020", "2020-07-01T00:00:00", "2020-07-31T23:59:59",
     TL_PRECISION_MONTH, 0, "Jul 2020"},
    {"America/New_York", "1 Jul 2020 8:00 pm", "2020-07-02T00:00:00", "2020-07-02T00:00:59",
     TL_PRECISION_MINUTE, 0, "1 Jul 2020 20:00"},
    {"Asia/Tokyo", "7 Oct 2020 12:30", "2020-10-07T03:30:00", "2020-10-07T03:30:59",
     TL_PRECISION_MINUTE, 0, "7 Oct 2020 12:30"},
    {"Asia/Tokyo", "2020-12-31T23:30", "2020-12-31T14:30:00", "2020-12-31T14:30:59",
     TL_PRECISION_MINUTE, 0, "31 Dec 2020 23:30"},
    {"Asia/Tokyo", "2020-12-31T23:30Z", "2020-12-31T23:30:00", "2020-12-31T23:30:59",
     TL_PRECISION_MINUTE, 0, "1 Jan 2021 08:30"},
    {"America/New_York", "after 1 Jul 2020 12:00", "2020-07-01T16:01:00", "2020-07-01T16:01:00",
     TL_PRECISION_MINUTE, F, "after 1 Jul 2020 12:00"},
};

static bool same_time(tl_time a, tl_time b)
{
    return a.lo == b.lo && a.hi == b.hi && a.precision == b.precision && a.flags == b.flags;
}

static void test_accepted(void)
{
    const size_t n = sizeof accepted_cases / sizeof accepted_cases[0];
    tap_ok(n >= 150, "at least 150 accepted expressions (%zu)", n);
    size_t round_trips = 0;
    for (size_t i = 0; i < n; i++) {
        const accepted *c = &accepted_cases[i];
        tl_date_context ctx = make_context(c->context);
        tl_time t;
        char label[TL_DATE_LABEL_SIZE], why[128] = "";
        const tl_date_status st =
            tl_date_parse_expr(c->text, &ctx, &t, label, sizeof label, why, sizeof why);
        if (!tap_ok(st == TL_DATE_OK, "parse \"%s\" %s", c->text, c->context)) {
            tap_diag("why: %s", why);
            free_context(&ctx);
            continue;
        }
        char lo[48], hi[48];
        tap_is_str(iso_seconds(t.lo, lo, sizeof lo), c->lo, "\"%s\" lo", c->text);
        tap_is_str(iso_seconds(t.hi, hi, sizeof hi), c->hi, "\"%s\" hi", c->text);
        tap_is_str(precision_name(t.precision), precision_name(c->precision), "\"%s\" precision",
                   c->text);
        tap_is_int(t.flags, c->flags, "\"%s\" flags", c->text);
        tap_is_str(label, c->label, "\"%s\" label", c->text);

        /* The label is itself a date of the grammar, and means the same. */
        tl_time back;
        char label2[TL_DATE_LABEL_SIZE];
        if (tl_date_parse_expr(label, &ctx, &back, label2, sizeof label2, why, sizeof why) ==
                TL_DATE_OK &&
            same_time(back, t) && strcmp(label2, label) == 0)
            round_trips++;
        else
            tap_diag("label \"%s\" of \"%s\" does not parse back the same", label, c->text);

        /* The default-context entry points agree. */
        if (!c->context[0]) {
            tl_time t2, t3;
            char reason[128] = "";
            const char *why_s = NULL;
            tap_ok(tl_date_parse_buf(c->text, &t2, reason, sizeof reason) && same_time(t2, t) &&
                       tl_date_parse(c->text, &t3, &why_s) && same_time(t3, t),
                   "\"%s\" parse and parse_buf agree", c->text);
        }
        free_context(&ctx);
    }
    tap_is_int((long long)round_trips, (long long)n, "every label parses back to the same date");
}

/* ---------------------------------------------------------------------------------------------
 * Rejected expressions
 * ------------------------------------------------------------------------------------------- */

typedef struct rejected {
    const char *context;
    const char *text;
    const char *why;   /* tl_date_parse_buf() */
    const char *why_s; /* tl_date_parse(): static, without values ("-": not checked) */
} rejected;

static const rejected rejected_cases[] = {
    {"", "", "empty date", "empty date"},
    {"", "   ", "empty date", "empty date"},
    {"", "yesterday", "not a date (unknown word \"yesterday\")", "not a date"},
    {"", "12/03/2020", "numeric date \"12/03/2020\" needs a date order (dmy or mdy)",
     "numeric date needs a date order (dmy, mdy or ymd)"},
    {"", "2020-", "not a date", "not a date"},
    {"", "2020-01-", "not a date", "not a date"},
    {"", "-", "not a date", "not a date"},
    {"", "2019-13", "month 13 out of range", "month out of range"},
    {"", "2019-00", "month 0 out of range", "month out of range"},
    {"", "2019-02-30", "day 30 out of range for February 2019", "day out of range for the month"},
    {"", "2019-02-29", "day 29 out of range for February 2019", "day out of range for the month"},
    {"", "1900-02-29", "day 29 out of range for February 1900", "day out of range for the month"},
    {"", "2019-04-31", "day 31 out of range for April 2019", "day out of range for the month"},
    {"", "2019-01-00", "day 0 out of range for January 2019", "day out of range for the month"},
    {"", "2019-12-32", "day 32 out of range for December 2019", "day out of range for the month"},
    {"", "-0499-02-30", "day 30 out of range for February -0499", "day out of range for the month"},
    {"", "2019-1", "month must have 2 digits", "month must have 2 digits"},
    {"", "2019-123", "month must have 2 digits", "month must have 2 digits"},
    {"", "2019-01-1", "day must have 2 digits", "day must have 2 digits"},
    {"", "2019-01-01T24:00", "hour 24 out of range", "hour out of range"},
    {"", "2019-01-01T12:60", "minute 60 out of range", "minute out of range"},
    {"", "2019-01-01T12:30:60", "second 60 out of range", "second out of range"},
    {"", "2019-01-01T12", "time must be HH:MM or HH:MM:SS", "time must be HH:MM or HH:MM:SS"},
    {"", "2019-01-01T1:30", "time must be HH:MM or HH:MM:SS", "time must be HH:MM or HH:MM:SS"},
    {"", "2019-01-01T", "time must be HH:MM or HH:MM:SS", "time must be HH:MM or HH:MM:SS"},
    {"", "2019-01-01  12:30", "time must be HH:MM or HH:MM:SS", "time must be HH:MM or HH:MM:SS"},
    {"", "-44", "year must have 4 digits (0800, -0044)", "year must have 4 digits (0800, -0044)"},
    {"", "800-01", "year must have 4 digits (0800, -0044)",
     "year must have 4 digits (0800, -0044)"},
    {"", "20200916", "a year of more than 4 digits needs a sign (+10000, -10000)",
     "a year of more than 4 digits needs a sign (+10000, -10000)"},
    {"", "+123456789012", "year out of range", "year out of range"},
    {"", "2019-01-01x", "unexpected text after the date", "unexpected text after the date"},
    {"", "2019-01-01Z", "unexpected text after the date", "unexpected text after the date"},
    {"", "2019-01T10:00", "unexpected text after the date", "unexpected text after the date"},
    {"", "2019-01-01T12:30 PM", "unexpected text after the date", "unexpected text after the date"},
    {"", "2019-01-01T12:30+25:00", "time zone offset out of range",
     "time zone offset out of range"},
    {"", "2019-01-01T12:30+01:60", "time zone offset out of range",
     "time zone offset out of range"},
    {"", "2019-01-01T12:30+1", "invalid time zone offset (expected Z, +HH:MM or +HHMM)",
     "invalid time zone offset (expected Z, +HH:MM or +HHMM)"},
    {"", "2019-01-01T12:30:15.", "expected digits after the decimal mark",
     "expected digits after the decimal mark"},
    {"", "2019-01-01T12:30:15.5.5", "unexpected text after the date",
     "unexpected text after the date"},
    {"",
     "012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012"
     "3456789",
     "not a date", "not a date"},
    {"", "04/11/19", "numeric date \"04/11/19\" needs a date order (dmy or mdy)",
     "numeric date needs a date order (dmy, mdy or ymd)"},
    {"dmy", "04/11/19", "two-digit year in \"04/11/19\": write the year in full", "-"},
    {"dmy", "31/02/2019", "day 31 out of range for February 2019", "-"},
    {"dmy", "13/13/2019", "month 13 out of range", "-"},
    {"dmy", "4/11/20199", "\"4/11/20199\" is not a day/month/year date", "-"},
    {"ymd", "19/11/04", "two-digit year in \"19/11/04\": write the year in full", "-"},
    {"", "4 Nov 19", "two-digit year \"19\": write the year in full (or AD 19)",
     "two-digit year: write the year in full"},
    {"", "Nov 2019 10:30", "unexpected \"10:30\" after the date", "unexpected text after the date"},
    {"", "4 Nov", "a date needs a year", "a date needs a year"},
    {"", "November", "a month needs a year", "a month needs a year"},
    {"", "0 BCE", "there is no year 0 (1 BCE is followed by AD 1)",
     "there is no year 0 (1 BCE is followed by AD 1)"},
    {"", "AD 0", "there is no year 0 (1 BCE is followed by AD 1)",
     "there is no year 0 (1 BCE is followed by AD 1)"},
    {"", "40s", "two-digit decade \"40s\": write it in full (1940s)",
     "two-digit decade: write it in full (1940s)"},
    {"", "1945s", "\"1945s\" is not a decade (1940s)", "a decade ends in 0 (1940s)"},
    {"", "Q5 2020", "no such period \"Q5\"", "quarters are Q1 to Q4 and halves H1 and H2"},
    {"", "H3 2020", "no such period \"H3\"", "quarters are Q1 to Q4 and halves H1 and H2"},
    {"", "early Q3 2020", "early, mid and late need a month, a year or a longer period",
     "early, mid and late need a month, a year or a longer period"},
    {"", "early 4 Nov 2019", "early, mid and late need a month, a year or a longer period",
     "early, mid and late need a month, a year or a longer period"},
    {"", "before", "a qualifier needs a date", "a qualifier needs a date"},
    {"", "c.", "a qualifier needs a date", "a qualifier needs a date"},
    {"", "between 1860 and 1850", "\"between A and B\" needs A before B",
     "\"between A and B\" needs A before B"},
    {"", "between 1850", "expected \"between DATE and DATE\"",
     "expected \"between DATE and DATE\""},
    {"", "between before 1850 and 1860", "\"before\" and \"after\" do not combine with \"between\"",
     "\"before\" and \"after\" do not combine with \"between\""},
    {"", "2019-XX-04", "a day needs a known month", "a day needs a known month"},
    {"", "1XXX", "unknown digits (X) end a 4-digit year: 201X, 19XX",
     "unknown digits (X) end a 4-digit year: 201X, 19XX"},
    {"", "201X-11", "a year with unknown digits has no month",
     "a year with unknown digits has no month"},
    {"", "Y2019-11", "a year written with Y has no month or day",
     "a year written with Y has no month or day"},
    {"", "spring", "a season needs a year", "a season needs a year"},
    {"", "31 Feb 2020", "day 31 out of range for February 2020", "day out of range for the month"},
    {"", "Feb 30, 2020", "day 30 out of range for February 2020", "day out of range for the month"},
    {"", "1 BP BP", "unexpected \"BP\" after the date", "unexpected text after the date"},
    {"", "foo 2019", "not a date (unknown word \"foo\")", "not a date"},
    {"", "2019 foo", "unexpected \"foo\" after the date", "unexpected text after the date"},
    {"", "2019-11-04T25:00", "hour 25 out of range", "hour out of range"},
    {"", "4 Nov 2019 25:00", "hour 25 out of range", "hour out of range"},
    {"", "4 Nov 2019 13:00 pm", "hour 13 out of range for PM", "hour out of range"},
    {"", "100,000,000,000 BCE", "year out of range", "year out of range"},
    {"", "2020-00", "month 0 out of range", "month out of range"},
    {"", "2020-37", "month 37 out of range", "month out of range"},
    {"", "early spring 2020", "early, mid and late need a month, a year or a longer period",
     "early, mid and late need a month, a year or a longer period"},
    {"", "500 BCE BCE", "unexpected \"BCE\" after the date", "unexpected text after the date"},
    {"", "2019 November 31", "day 31 out of range for November 2019",
     "day out of range for the month"},
    {"", "1 Jan 10,000 BP", "a BP year has no month or day", "a BP year has no month or day"},
    {"", "Y", "not a date (unknown word \"Y\")", "not a date"},
    {"", "winter 10,000 BP", "a BP year has no season", "a BP year has no season"},
    {"", "Q3 10,000 BP", "a BP year has no quarter", "a BP year has no quarter"},
    {"", "decades 1940s", "not a date (unknown word \"decades\")", "not a date"},
    {"", "40 BCs", "unexpected \"BCs\" after the date", "unexpected text after the date"},
};

static void test_rejected(void)
{
    const size_t n = sizeof rejected_cases / sizeof rejected_cases[0];
    tap_ok(n >= 40, "at least 40 rejected expressions (%zu)", n);
    for (size_t i = 0; i < n; i++) {
        const rejected *c = &rejected_cases[i];
        tl_date_context ctx = make_context(c->context);
        tl_time t = {.lo = 1, .hi = 2, .precision = TL_PRECISION_DAY};
        char why[128] = "";
        const tl_date_status st = tl_date_parse_expr(c->text, &ctx, &t, NULL, 0, why, sizeof why);
        tap_ok(st != TL_DATE_OK, "reject \"%s\" %s", c->text, c->context);
        tap_is_str(why, c->why, "reason for \"%s\"", c->text);
        tap_is_int(st,
                   strncmp(c->why, "numeric date", 12) == 0 ? TL_DATE_NEEDS_ORDER : TL_DATE_INVALID,
                   "status for \"%s\"", c->text);
        if (strcmp(c->why_s, "-") != 0) {
            const char *why_s = NULL;
            char why_b[128] = "";
            tap_ok(!tl_date_parse(c->text, &t, &why_s), "reject \"%s\" (static reason)", c->text);
            tap_is_str(why_s, c->why_s, "static reason for \"%s\"", c->text);
            tap_ok(!tl_date_parse_buf(c->text, &t, why_b, sizeof why_b) &&
                       strcmp(why_b, c->why) == 0,
                   "parse_buf gives the same reason for \"%s\"", c->text);
        }
        free_context(&ctx);
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
    tap_ok(!tl_date_parse(NULL, &t, NULL), "NULL text");

    /* A short label buffer is cut and terminated. */
    char small[6];
    tap_ok(tl_date_parse_expr("between 1850 and 1860", NULL, &t, small, sizeof small, NULL, 0) ==
               TL_DATE_OK,
           "parse with a short label buffer");
    tap_is_str(small, "betwe", "label cut to the buffer");
}

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
        tap_is_str(iso_seconds(cell.start.lo, lo, sizeof lo), c->start_lo, "\"%s\" start lo",
                   c->text);
        tap_is_str(iso_seconds(cell.start.hi, hi, sizeof hi), c->start_hi, "\"%s\" start hi",
                   c->text);
        tap_is_int(cell.start.flags, c->start_flags, "\"%s\" start flags", c->text);
        tap_is_str(cell.start_label, c->start_label, "\"%s\" start label", c->text);
        tap_is_int(cell.has_end, c->end_lo != NULL, "\"%s\" has an end", c->text);
        tap_is_int(cell.start_open, c->start_open, "\"%s\" open start", c->text);
        tap_is_int(cell.end_open, c->end_open, "\"%s\" open end", c->text);
        tap_is_str(cell.end_label, c->end_label, "\"%s\" end label", c->text);
        if (c->end_lo && cell.has_end) {
            tap_is_str(iso_seconds(cell.end.lo, lo, sizeof lo), c->end_lo, "\"%s\" end lo",
                       c->text);
            tap_is_str(iso_seconds(cell.end.hi, hi, sizeof hi), c->end_hi, "\"%s\" end hi",
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
                    same = same_time(cell.start, t) && same_time(end, t) &&
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
        tap_is_str(iso_seconds(t.lo, lo, sizeof lo), c->lo, "parts %s/%s/%s/%s lo", c->year,
                   c->month, c->day, c->time);
        tap_is_str(iso_seconds(t.hi, hi, sizeof hi), c->hi, "parts %s/%s/%s/%s hi", c->year,
                   c->month, c->day, c->time);
        tap_is_str(precision_name(t.precision), precision_name(c->precision),
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
    tap_is_int(tl_cal_days_from_civil(1000000, 1, 1) - tl_cal_days_from_civil(999600, 1, 1),
               146097, "400 years are 146097 days near year 1,000,000");
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

int main(void)
{
    test_accepted();
    test_rejected();
    test_cells();
    test_plain_iso_agrees();
    test_compose();
    test_format_label();
    test_zones();
    test_known_values();
    test_round_trips();
    test_format();
    return tap_done();
}
