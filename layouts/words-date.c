/* Dates in the chart's locale. The model keeps what a date means (an interval, a precision,
 * qualifier flags), not the words it was written in; the shape of the interval says which
 * form names it: a whole month, the first ten days of one ("early"), a quarter, a decade, a
 * century. Each form is an ICU skeleton or a catalog phrase around one. */
#include "words.h"

#include <stdio.h>
#include <string.h>

#include "common/tl-calendar.h"

enum { TEXT = 160 };

/* The skeleton of a date of each precision: "2020", "Nov 2019", "16 Sep 2020", a time. */
static const char *skeleton(tl_precision p)
{
    switch (p) {
    case TL_PRECISION_YEAR:
        return "y";
    case TL_PRECISION_MONTH:
        return "yMMM";
    case TL_PRECISION_DAY:
        return "yMMMd";
    case TL_PRECISION_MINUTE:
        return "yMMMdHm";
    case TL_PRECISION_SECOND:
        return "yMMMdHms";
    }
    return "yMMMd";
}

/* The first instant of the unit of precision p that holds t. */
static int64_t unit_start(int64_t t, tl_precision p)
{
    tl_civil c;
    tl_cal_split(t, &c);
    switch (p) {
    case TL_PRECISION_YEAR:
        return tl_cal_make(c.year, 1, 1, 0, 0, 0);
    case TL_PRECISION_MONTH:
        return tl_cal_make(c.year, c.month, 1, 0, 0, 0);
    case TL_PRECISION_DAY:
        return tl_cal_make(c.year, c.month, c.day, 0, 0, 0);
    case TL_PRECISION_MINUTE:
        return tl_cal_make(c.year, c.month, c.day, c.hour, c.minute, 0);
    case TL_PRECISION_SECOND:
        return t;
    }
    return t;
}

/* The last instant of the unit of precision p that starts at t. */
static int64_t unit_end(int64_t t, tl_precision p)
{
    tl_civil c;
    tl_cal_split(t, &c);
    switch (p) {
    case TL_PRECISION_YEAR:
        return tl_cal_make(c.year + 1, 1, 1, 0, 0, 0) - 1;
    case TL_PRECISION_MONTH:
        return tl_cal_make(c.year, c.month, 1, 0, 0, 0) +
               tl_cal_days_in_month(c.year, c.month) * TL_SECONDS_PER_DAY - 1;
    case TL_PRECISION_DAY:
        return t + TL_SECONDS_PER_DAY - 1;
    case TL_PRECISION_MINUTE:
        return t + 59;
    case TL_PRECISION_SECOND:
        return t;
    }
    return t;
}

static bool say1(tl_locale *loc, const char *context, const char *msgid, const char *a,
                 double number, char *buf, size_t size)
{
    const tl_locale_arg args[1] = {{.text = a, .number = number}};
    return tl_locale_message(loc, context, msgid, args, 1, buf, size) > 0;
}

/* "early/mid/late" of a month: days 1-10, 11-20, 21-end. */
static bool month_part(tl_locale *loc, const tl_civil *a, const tl_civil *b, int64_t lo, char *buf,
                       size_t size)
{
    static const char *const parts[] = {"early {0}", "mid {0}", "late {0}"};
    const int last = tl_cal_days_in_month(a->year, a->month);
    int part = a->day == 1 && b->day == 10      ? 0
               : a->day == 11 && b->day == 20   ? 1
               : a->day == 21 && b->day == last ? 2
                                                : -1;
    char month[TEXT];
    return part >= 0 && tl_locale_date(loc, lo, "yMMM", month, sizeof month) &&
           say1(loc, "month", parts[part], month, 0, buf, size);
}

/* Months within one year: early/mid/late (thirds), a quarter, a half. */
static bool month_span(tl_locale *loc, const tl_civil *a, const tl_civil *b, int64_t lo, char *buf,
                       size_t size)
{
    const int n = b->month - a->month + 1;
    char year[TEXT];
    if (!tl_locale_date(loc, lo, "y", year, sizeof year))
        return false;
    if (n == 4 && (a->month - 1) % 4 == 0) {
        static const char *const parts[] = {"early {0}", "mid {0}", "late {0}"};
        return say1(loc, "year", parts[(a->month - 1) / 4], year, 0, buf, size);
    }
    if (n == 3 && (a->month - 1) % 3 == 0)
        return tl_locale_date(loc, lo, "yQQQ", buf, size) > 0;
    if (n == 6 && (a->month - 1) % 6 == 0)
        return say1(loc, "date", a->month == 1 ? "H1 {0}" : "H2 {0}", year, 0, buf, size);
    return false;
}

/* Whole years: a decade ("1940s"), a century, a millennium, before or in the common era. */
static bool year_span(tl_locale *loc, int64_t y0, int64_t y1, char *buf, size_t size)
{
    const bool bce = y1 <= 0;
    if (!bce && y0 <= 0)
        return false;
    /* Years as written: 1 BCE is astronomical 0. */
    const int64_t first = bce ? 1 - y0 : y0, last = bce ? 1 - y1 : y1;
    const int64_t lo = bce ? last : first, n = y1 - y0 + 1;
    char core[TEXT], number[64];
    bool ok = false;
    if ((n == 10 && lo % 10 == 0) || (n == 100 && lo % 100 == 0)) {
        ok = tl_locale_number(loc, lo, false, number, sizeof number) &&
             say1(loc, "date", "{0}s", number, (double)lo, core, sizeof core);
    } else if ((n == 100 || n == 1000) && (bce ? first : last) % n == 0) {
        const int64_t k = (bce ? first : last) / n;
        ok = tl_locale_number(loc, k, false, number, sizeof number) &&
             say1(loc, "date",
                  n == 100 ? "{0, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} century"
                           : "{0, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} "
                             "millennium",
                  number, (double)k, core, sizeof core);
    }
    if (!ok)
        return false;
    if (!bce) {
        snprintf(buf, size, "%s", core);
        return true;
    }
    return say1(loc, "date", "{0} BCE", core, 0, buf, size);
}

/* The words of the interval [lo, hi] of precision p, without qualifiers. */
static bool core(tl_locale *loc, int64_t lo, int64_t hi, tl_precision p, char *buf, size_t size)
{
    /* In a calendar whose months are not the Gregorian ones (Hebrew, Persian, Islamic,
     * Indian), a Gregorian month or year is a run of days of its months: "Nov 2019" is
     * 10 Aban to 9 Azar 1398, never "Aban 1398". */
    if (!tl_locale_months_align(loc)) {
        if (p >= TL_PRECISION_DAY && hi <= unit_end(lo, p))
            return tl_locale_date(loc, lo, skeleton(p), buf, size) > 0;
        return tl_locale_interval(loc, lo, hi, "yMMMd", buf, size) > 0;
    }
    if (hi <= unit_end(lo, p))
        return tl_locale_date(loc, lo, skeleton(p), buf, size) > 0;
    tl_civil a, b;
    tl_cal_split(lo, &a);
    tl_cal_split(hi, &b);
    const bool same_year = a.year == b.year, same_month = same_year && a.month == b.month;
    if (p == TL_PRECISION_DAY && same_month && month_part(loc, &a, &b, lo, buf, size))
        return true;
    if (p == TL_PRECISION_MONTH && same_year && month_span(loc, &a, &b, lo, buf, size))
        return true;
    if (p == TL_PRECISION_YEAR && year_span(loc, a.year, b.year, buf, size))
        return true;
    /* "between A and B", seasons, anything else: the interval in the locale's form. */
    return tl_locale_interval(loc, lo, hi, skeleton(p), buf, size) > 0;
}

bool tl_words_time(tl_locale *loc, const tl_time *t, char *buf, size_t size)
{
    if (!loc)
        return false;
    char text[TEXT], wrapped[TEXT];
    bool ok;
    if (t->flags & (TL_TIME_BEFORE | TL_TIME_AFTER)) {
        /* Before and after moved lo and hi off the date they name: find it again. */
        const bool before = t->flags & TL_TIME_BEFORE;
        const int64_t at = before ? t->hi + 1 : t->lo - 1;
        const int64_t start = before ? at : unit_start(at, t->precision);
        ok = core(loc, start, unit_end(start, t->precision), t->precision, wrapped,
                  sizeof wrapped) &&
             say1(loc, "date", before ? "before {0}" : "after {0}", wrapped, 0, text, sizeof text);
    } else {
        ok = core(loc, t->lo, t->hi, t->precision, text, sizeof text);
    }
    if (ok && (t->flags & TL_TIME_APPROXIMATE)) {
        snprintf(wrapped, sizeof wrapped, "%s", text);
        ok = say1(loc, "date", "c. {0}", wrapped, 0, text, sizeof text);
    }
    if (ok && (t->flags & TL_TIME_UNCERTAIN)) {
        snprintf(wrapped, sizeof wrapped, "%s", text);
        ok = say1(loc, "date", "{0}?", wrapped, 0, text, sizeof text);
    }
    if (ok)
        snprintf(buf, size, "%s", text);
    return ok;
}

/* Whether a span's two ends are plain dates of one precision, which ICU's interval format
 * writes with their shared fields once ("Dec 2019 – Mar 2020", "2019年12月～2020年3月"). */
static bool plain_pair(tl_locale *loc, const tl_event *ev)
{
    const tl_time *a = &ev->start, *b = &ev->end;
    return !ev->start_open && !ev->end_open && a->flags == 0 && b->flags == 0 &&
           (a->precision >= TL_PRECISION_DAY || tl_locale_months_align(loc)) &&
           a->precision == b->precision && a->hi <= unit_end(a->lo, a->precision) &&
           b->hi <= unit_end(b->lo, b->precision);
}

bool tl_words_event_date(tl_locale *loc, const tl_event *ev, char *buf, size_t size)
{
    if (!loc || ev->own_date_label)
        return false;
    if (!ev->has_end && !ev->end_open)
        return tl_words_time(loc, &ev->start, buf, size);
    if (plain_pair(loc, ev) && ev->start.lo != ev->end.lo)
        return tl_locale_interval(loc, ev->start.lo, ev->end.lo, skeleton(ev->start.precision), buf,
                                  size) > 0;
    if (!tl_locale_months_align(loc) && !ev->start_open && !ev->end_open && ev->start.flags == 0 &&
        ev->end.flags == 0)
        return tl_locale_interval(loc, ev->start.lo, ev->end.hi, "yMMMd", buf, size) > 0;
    char a[TEXT], b[TEXT];
    if (ev->end_open)
        return tl_words_time(loc, &ev->start, a, sizeof a) &&
               say1(loc, "date", "{0} – …", a, 0, buf, size);
    if (ev->start_open)
        return tl_words_time(loc, &ev->end, b, sizeof b) &&
               say1(loc, "date", "… – {0}", b, 0, buf, size);
    if (!tl_words_time(loc, &ev->start, a, sizeof a) || !tl_words_time(loc, &ev->end, b, sizeof b))
        return false;
    if (strcmp(a, b) == 0) {
        snprintf(buf, size, "%s", a);
        return true;
    }
    const tl_locale_arg args[2] = {{.text = a}, {.text = b}};
    return tl_locale_message(loc, "date", "{0} – {1}", args, 2, buf, size) > 0;
}
