/* The date grammar (data/date*.c). The tables give, for every form the grammar accepts, the
 * interval it must mean (lo, hi, precision, flags) and its display label; and, for texts it
 * must refuse, the reason. Cells, dates in parts, labels and zones are in test-date-cells.c;
 * civil-calendar arithmetic in test-calendar.c. */
#include <glib.h>
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
    /* Deep time, back from 1950, give or take half a unit of the last digit. */
    {"", "66 Ma", "-66498050-01-01T00:00:00", "-65498051-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "66 Ma"},
    {"", "66 mya", "-66498050-01-01T00:00:00", "-65498051-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "66 Ma"},
    {"", "66 million years ago", "-66498050-01-01T00:00:00", "-65498051-12-31T23:59:59",
     TL_PRECISION_YEAR, 0, "66 Ma"},
    {"", "4.54 Ga", "-4544998050-01-01T00:00:00", "-4534998051-12-31T23:59:59", TL_PRECISION_YEAR,
     0, "4.54 Ga"},
    {"", "2.5 bya", "-2549998050-01-01T00:00:00", "-2449998051-12-31T23:59:59", TL_PRECISION_YEAR,
     0, "2.5 Ga"},
    {"", "300 ka", "-298550-01-01T00:00:00", "-297551-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "300 ka"},
    {"", "12 kya", "-10550-01-01T00:00:00", "-9551-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "12 ka"},
    {"", "0.05 Ma", "-53050-01-01T00:00:00", "-43051-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "0.05 Ma"},
    {"", "12,000 years ago", "-10050-01-01T00:00:00", "-10050-12-31T23:59:59", TL_PRECISION_YEAR,
     0, "12,000 years ago"},
    {"", "1 year ago", "1949-01-01T00:00:00", "1949-12-31T23:59:59", TL_PRECISION_YEAR, 0,
     "1 year ago"},
    {"", "c. 66 Ma", "-66498050-01-01T00:00:00", "-65498051-12-31T23:59:59", TL_PRECISION_YEAR,
     A, "c. 66 Ma"},
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
        tap_is_str(test_iso_seconds(t.lo, lo, sizeof lo), c->lo, "\"%s\" lo", c->text);
        tap_is_str(test_iso_seconds(t.hi, hi, sizeof hi), c->hi, "\"%s\" hi", c->text);
        tap_is_str(test_precision_name(t.precision), test_precision_name(c->precision),
                   "\"%s\" precision", c->text);
        tap_is_int(t.flags, c->flags, "\"%s\" flags", c->text);
        tap_is_str(label, c->label, "\"%s\" label", c->text);

        /* The label is itself a date of the grammar, and means the same. */
        tl_time back;
        char label2[TL_DATE_LABEL_SIZE];
        if (tl_date_parse_expr(label, &ctx, &back, label2, sizeof label2, why, sizeof why) ==
                TL_DATE_OK &&
            test_same_time(back, t) && strcmp(label2, label) == 0)
            round_trips++;
        else
            tap_diag("label \"%s\" of \"%s\" does not parse back the same", label, c->text);

        /* The default-context entry points agree. */
        if (!c->context[0]) {
            tl_time t2, t3;
            char reason[128] = "";
            const char *why_s = NULL;
            tap_ok(tl_date_parse_buf(c->text, &t2, reason, sizeof reason) &&
                       test_same_time(t2, t) && tl_date_parse(c->text, &t3, &why_s) &&
                       test_same_time(t3, t),
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
    {"", "66.0000001 Ma", "deep time more precise than a year", "deep time more precise than a year"},
    {"", "0 Ma", "0 years ago is the present: write the date", "0 years ago is the present: write the date"},
    {"", "200 Ga", "year out of range", "year out of range"},
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

int main(void)
{
    test_accepted();
    test_rejected();
    return tap_done();
}
