/* A parsed expression (dexpr) made into what callers get: its interval, lo/hi at a precision
 * (tl_date_resolve), and its display label (tl_date_write_label). */
#include "data/date-private.h"

#include <string.h>

/* ---------------------------------------------------------------------------------------------
 * Intervals
 * ------------------------------------------------------------------------------------------- */

/* First instant of month `month` counted from January of `year`; month may pass 12. */
static int64_t month_start(int64_t year, int month)
{
    year += (month - 1) / 12;
    month = (month - 1) % 12 + 1;
    return tl_cal_make(year, month, 1, 0, 0, 0);
}

/* Splits `n` units into early, mid and late thirds, the first the largest: 10 years are
 * 4 + 3 + 3, 100 are 34 + 33 + 33, 12 months 4 + 4 + 4. */
static void thirds(int64_t n, int part, int64_t *first, int64_t *count)
{
    const int64_t a = (n + 2) / 3;
    const int64_t b = (n - a + 1) / 2;
    switch (part) {
    case 1:
        *first = 0;
        *count = a;
        break;
    case 2:
        *first = a;
        *count = b;
        break;
    default:
        *first = a + b;
        *count = n - a - b;
        break;
    }
}

/* Computes d->t from the unit, the part (early/mid/late), the zone and the flags. */
bool tl_date_resolve(dexpr *d, const tl_date_context *ctx, why *w)
{
    int64_t lo = 0, hi = 0;
    tl_precision precision = TL_PRECISION_YEAR;
    switch (d->unit) {
    case UNIT_DATE: {
        precision = d->precision;
        const int64_t local = tl_cal_make(d->year, d->month, d->day, d->hour, d->minute, d->second);
        lo = local;
        if (precision >= TL_PRECISION_MINUTE)
            lo = d->has_offset ? local - d->offset : tl_date_zone_to_utc(ctx->zone, local);
        switch (precision) {
        case TL_PRECISION_YEAR:
            hi = tl_cal_make(d->year + 1, 1, 1, 0, 0, 0) - 1;
            break;
        case TL_PRECISION_MONTH:
            hi = lo + (int64_t)tl_cal_days_in_month(d->year, d->month) * TL_SECONDS_PER_DAY - 1;
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
        break;
    }
    case UNIT_YEARS:
        lo = tl_cal_make(d->y0, 1, 1, 0, 0, 0);
        hi = tl_cal_make(d->y1 + 1, 1, 1, 0, 0, 0) - 1;
        precision = TL_PRECISION_YEAR;
        break;
    case UNIT_MONTHS:
        lo = month_start(d->year, d->m0);
        hi = month_start(d->year, d->m1 + 1) - 1;
        precision = TL_PRECISION_MONTH;
        break;
    }

    if (d->part) {
        int64_t first, count;
        if (d->unit == UNIT_DATE && precision == TL_PRECISION_MONTH) {
            /* Thirds of a month are fixed: 1-10, 11-20, 21-end. */
            const int64_t days = (hi - lo + 1) / TL_SECONDS_PER_DAY;
            first = (d->part - 1) * 10;
            count = d->part == 3 ? days - 20 : 10;
            lo += first * TL_SECONDS_PER_DAY;
            hi = lo + count * TL_SECONDS_PER_DAY - 1;
            precision = TL_PRECISION_DAY;
        } else if (d->unit == UNIT_DATE && precision == TL_PRECISION_YEAR) {
            thirds(12, d->part, &first, &count);
            lo = month_start(d->year, 1 + (int)first);
            hi = month_start(d->year, 1 + (int)(first + count)) - 1;
            precision = TL_PRECISION_MONTH;
        } else if (d->unit == UNIT_YEARS && d->y1 > d->y0) {
            thirds(d->y1 - d->y0 + 1, d->part, &first, &count);
            lo = tl_cal_make(d->y0 + first, 1, 1, 0, 0, 0);
            hi = tl_cal_make(d->y0 + first + count, 1, 1, 0, 0, 0) - 1;
        } else {
            return fail(w, "early, mid and late need a month, a year or a longer period");
        }
    }

    const unsigned flags = d->flags | ctx->add_flags;
    if (flags & TL_TIME_BEFORE) {
        lo = hi = lo - 1;
    } else if (flags & TL_TIME_AFTER) {
        lo = hi = hi + 1;
    }
    d->t = (tl_time){.lo = lo, .hi = hi, .precision = precision, .flags = flags};
    return true;
}

/* ---------------------------------------------------------------------------------------------
 * Labels
 * ------------------------------------------------------------------------------------------- */

/* The string builder is in date-private.h, which date.c shares. */

static void sb_char(sbuf *b, char c)
{
    sb_put(b, &c, 1);
}

/* A non-negative number; grouped by thousands with commas from 10,000 on. */
static void sb_uint(sbuf *b, uint64_t v)
{
    if (v < 10000) {
        /* Days and years of most dates: no grouping, at most 4 digits. */
        char small[4];
        size_t n = v >= 1000 ? 4 : v >= 100 ? 3 : v >= 10 ? 2 : 1;
        for (size_t i = n; i-- > 0; v /= 10)
            small[i] = (char)('0' + v % 10);
        sb_put(b, small, n);
        return;
    }
    char digits[32];
    size_t n = 0;
    const bool group = v >= 10000;
    do {
        if (group && n % 4 == 3)
            digits[n++] = ',';
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0);
    char out[32];
    for (size_t i = 0; i < n; i++)
        out[i] = digits[n - 1 - i];
    sb_put(b, out, n);
}

static void sb_2d(sbuf *b, int v)
{
    const char s[2] = {(char)('0' + v / 10 % 10), (char)('0' + v % 10)};
    sb_put(b, s, 2);
}

/* "2020", "AD 43", "170,000", "500 BCE" (astronomical -499). Years below 100 say AD, which
 * keeps "4 Nov AD 43" from reading as a two-digit year. */
static void sb_year(sbuf *b, int64_t year)
{
    if (year >= 1) {
        if (year < 100)
            sb_str(b, "AD ");
        sb_uint(b, (uint64_t)year);
    } else {
        sb_uint(b, (uint64_t)(1 - year));
        sb_str(b, " BCE");
    }
}

static const char *ordinal_suffix(int64_t n)
{
    if (n % 100 >= 11 && n % 100 <= 13)
        return "th";
    switch (n % 10) {
    case 1:
        return "st";
    case 2:
        return "nd";
    case 3:
        return "rd";
    default:
        return "th";
    }
}

/* The civil fields a label shows: as written for dates, the wall clock of the context's zone
 * for times (an explicit offset is converted). */
static void label_fields(const dexpr *d, const tl_date_context *ctx, tl_civil *c)
{
    if (d->precision >= TL_PRECISION_MINUTE) {
        /* Before and after moved lo; the date named is the one written. */
        int64_t utc = d->t.lo;
        if (d->t.flags & (TL_TIME_BEFORE | TL_TIME_AFTER)) {
            const int64_t local =
                tl_cal_make(d->year, d->month, d->day, d->hour, d->minute, d->second);
            utc = d->has_offset ? local - d->offset : tl_date_zone_to_utc(ctx->zone, local);
        }
        tl_cal_split(utc + tl_date_zone_offset(ctx->zone, utc), c);
        return;
    }
    c->year = d->year;
    c->month = d->month;
    c->day = d->day;
}

static void sb_core(sbuf *b, const dexpr *d, const tl_date_context *ctx)
{
    static const char *const seasons[4] = {"spring", "summer", "autumn", "winter"};
    switch (d->form) {
    case FORM_DATE: {
        if (d->bp) {
            sb_uint(b, (uint64_t)d->bp_years);
            sb_str(b, " BP");
            return;
        }
        tl_civil c;
        label_fields(d, ctx, &c);
        if (d->precision >= TL_PRECISION_DAY) {
            sb_uint(b, (uint64_t)c.day);
            sb_char(b, ' ');
        }
        if (d->precision >= TL_PRECISION_MONTH) {
            sb_str(b, tl_cal_month_abbr(c.month));
            sb_char(b, ' ');
        }
        sb_year(b, c.year);
        if (d->precision >= TL_PRECISION_MINUTE) {
            sb_char(b, ' ');
            sb_2d(b, c.hour);
            sb_char(b, ':');
            sb_2d(b, c.minute);
        }
        if (d->precision >= TL_PRECISION_SECOND) {
            sb_char(b, ':');
            sb_2d(b, c.second);
        }
        return;
    }
    case FORM_DECADE:
    case FORM_HUNDREDS:
        if (d->number < 100 && !d->bce)
            sb_str(b, "AD ");
        sb_uint(b, (uint64_t)d->number);
        sb_char(b, 's');
        if (d->bce)
            sb_str(b, " BCE");
        return;
    case FORM_CENTURY:
    case FORM_MILLENNIUM:
        sb_uint(b, (uint64_t)d->number);
        sb_str(b, ordinal_suffix(d->number));
        sb_str(b, d->form == FORM_CENTURY ? " century" : " millennium");
        if (d->bce)
            sb_str(b, " BCE");
        return;
    case FORM_QUARTER:
    case FORM_HALF:
        sb_char(b, d->form == FORM_QUARTER ? 'Q' : 'H');
        sb_uint(b, (uint64_t)d->number);
        sb_char(b, ' ');
        sb_year(b, d->year);
        return;
    case FORM_DEEP: {
        static const char *const symbols[] = {" years ago", " ka", " Ma", " Ga"};
        /* The mantissa with its decimals, as written: "4.54 Ga", "12000 years ago". */
        uint64_t scale = 1;
        for (int i = 0; i < d->deep_decimals; i++)
            scale *= 10;
        sb_uint(b, (uint64_t)d->number / scale);
        if (d->deep_decimals > 0) {
            /* At most 15 digits in all (date-deep.c), leading zeros kept: "0.05". */
            char frac[20];
            uint64_t f = (uint64_t)d->number % scale;
            frac[0] = '.';
            for (int i = d->deep_decimals; i > 0; i--, f /= 10)
                frac[i] = (char)('0' + f % 10);
            sb_put(b, frac, (size_t)d->deep_decimals + 1);
        }
        sb_str(b, d->deep == DEEP_YEARS && d->number == 1 ? " year ago" : symbols[d->deep]);
        return;
    }
    case FORM_SEASON:
    case FORM_SOUTHERN:
        if (d->form == FORM_SOUTHERN)
            sb_str(b, "southern ");
        sb_str(b, seasons[d->number - 1]);
        sb_char(b, ' ');
        sb_year(b, d->year);
        return;
    }
}

static void sb_label(sbuf *b, const dexpr *d, const tl_date_context *ctx)
{
    static const char *const parts[4] = {"", "early ", "mid ", "late "};
    if (d->t.flags & TL_TIME_BEFORE)
        sb_str(b, "before ");
    else if (d->t.flags & TL_TIME_AFTER)
        sb_str(b, "after ");
    if (d->t.flags & TL_TIME_APPROXIMATE)
        sb_str(b, "c. ");
    sb_str(b, parts[d->part]);
    sb_core(b, d, ctx);
    if (d->t.flags & TL_TIME_UNCERTAIN)
        sb_char(b, '?');
}

void tl_date_write_label(const dexpr *d, const tl_date_context *ctx, char *buf, size_t size)
{
    if (!buf || size == 0)
        return;
    sbuf b = {buf, size, 0};
    sb_label(&b, d, ctx);
    sb_end(&b);
}

/* ---------------------------------------------------------------------------------------------
 * Formatting
 * ------------------------------------------------------------------------------------------- */

/* The fields of a formatted time are UTC already: no zone to apply. */
static const tl_date_context utc = {.order = TL_DATE_ORDER_NONE};

size_t tl_date_format_label(const tl_time *t, char *buf, size_t size)
{
    /* Before and after moved lo and hi off the date they name: find it again. */
    const int64_t at = t->flags & TL_TIME_BEFORE  ? t->hi + 1
                       : t->flags & TL_TIME_AFTER ? t->lo - 1
                                                  : t->lo;
    tl_civil c;
    tl_cal_split(at, &c);
    dexpr d;
    dexpr_date(&d, c.year, c.month, c.day, t->precision);
    d.hour = c.hour;
    d.minute = c.minute;
    d.second = c.second;
    d.has_offset = true; /* the fields are UTC */
    d.t = *t;
    sbuf b = {buf, size, 0};
    sb_label(&b, &d, &utc);
    sb_end(&b);
    return b.len;
}
