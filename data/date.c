/* Dates: one grammar from cell text to tl_time plus a display label, and civil-calendar
 * arithmetic.
 *
 * Everything here is integer arithmetic in the proleptic Gregorian calendar with astronomical
 * years (year 0 is 1 BCE). Nothing calls mktime/strptime/localtime, whose results depend on
 * TZ and locale; days_from_civil and civil_from_days are Howard Hinnant's algorithms
 * ("chrono-Compatible Low-Level Date Algorithms"), exact over the whole int64 day range we use.
 *
 * A cell is parsed in three layers: the cell (an interval "A/B" or a single expression), the
 * expression (qualifier words such as "c.", "before", "early", "between ... and ..." around a
 * core), and the core, tried as an all-numeric date, as ISO 8601/EDTF, then as words. Every
 * layer fills a `dexpr`, which names a unit (a civil date at some precision, a run of years,
 * a run of months) and how to label it; resolve() turns it into lo/hi and write_label() into
 * text. The ISO path comes first and allocates nothing, so the common case stays fast. */
#include "data/date.h"

#include <glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* An ISO year has exactly 4 digits unless it has a sign (ISO 8601 "expanded" years) or the
 * EDTF "Y" prefix, which keeps "20200916" (the basic format, not supported) from being read as
 * year 20 million. */
enum { YEAR_DIGITS = 4, MAX_YEAR_DIGITS = 11 };

/* Longer texts cannot be dates; refusing them early bounds the work and the copies below. A
 * cell may hold two expressions and a separator. */
enum { MAX_EXPR_TEXT = 80, MAX_CELL_TEXT = 2 * MAX_EXPR_TEXT + 16 };

/* Words and numbers of one expression; more cannot be a date. */
enum { MAX_TOKENS = 24, MAX_WORD = 16 };

/* UTF-8 of the label of an open interval side, and of the range dash. */
#define ELLIPSIS "\xE2\x80\xA6"

/* First instant of month `month` counted from January of `year`; month may pass 12. */
static int64_t month_start(int64_t year, int month)
{
    year += (month - 1) / 12;
    month = (month - 1) % 12 + 1;
    return tl_cal_make(year, month, 1, 0, 0, 0);
}

/* ---------------------------------------------------------------------------------------------
 * Time zones
 * ------------------------------------------------------------------------------------------- */

int64_t tl_date_zone_offset(tl_date_zone *zone, int64_t t)
{
    if (!zone)
        return 0;
    const gint interval = g_time_zone_find_interval(zone, G_TIME_TYPE_UNIVERSAL, t);
    return g_time_zone_get_offset(zone, interval);
}

int64_t tl_date_zone_to_utc(tl_date_zone *zone, int64_t local)
{
    if (!zone)
        return 0 + local;
    const gint i = g_time_zone_find_interval(zone, G_TIME_TYPE_STANDARD, local);
    if (i < 0) {
        /* Skipped by a change to daylight time: read with the offset in force before the
         * gap, which moves the time forward by the gap's length, as most software does. */
        gint64 t = local;
        const gint after = g_time_zone_adjust_time(zone, G_TIME_TYPE_STANDARD, &t);
        return local - g_time_zone_get_offset(zone, after > 0 ? after - 1 : after);
    }
    if (i > 0) {
        /* GLib picks the later of two occurrences of a repeated time; the first is what a
         * reader of "01:30" on the night clocks go back usually means. */
        const int64_t earlier = local - g_time_zone_get_offset(zone, i - 1);
        if (g_time_zone_find_interval(zone, G_TIME_TYPE_UNIVERSAL, earlier) == i - 1)
            return earlier;
    }
    return local - g_time_zone_get_offset(zone, i);
}

/* ---------------------------------------------------------------------------------------------
 * Reasons for failures
 * ------------------------------------------------------------------------------------------- */

/* Why a parse failed: `generic` is always a static sentence (what tl_date_parse() reports);
 * `detail`, when not empty, says the same with the values. */
typedef struct why {
    const char *generic;
    char detail[128];
    bool needs_order;
} why;

static bool fail(why *w, const char *generic)
{
    w->generic = generic;
    w->detail[0] = '\0';
    w->needs_order = false;
    return false;
}

static bool failf(why *w, const char *generic, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool failf(why *w, const char *generic, const char *fmt, ...)
{
    w->generic = generic;
    w->needs_order = false;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w->detail, sizeof w->detail, fmt, ap);
    va_end(ap);
    return false;
}

static void write_why(const why *w, char *buf, size_t size)
{
    if (buf && size > 0)
        snprintf(buf, size, "%s", w->detail[0] ? w->detail : w->generic);
}

/* Results of the parsers that may not recognise a text at all, so the next may try. */
typedef enum match { MATCH_OK, MATCH_NONE, MATCH_ERROR } match;

/* ---------------------------------------------------------------------------------------------
 * Parsed expressions
 * ------------------------------------------------------------------------------------------- */

typedef enum unit {
    UNIT_DATE,   /* a civil date and time at `precision` */
    UNIT_YEARS,  /* whole years y0..y1 */
    UNIT_MONTHS, /* whole months m0..m1 of `year` (m1 may pass 12: winter) */
} unit;

/* How a label names the unit. */
typedef enum form {
    FORM_DATE,       /* "2019", "Nov 2019", "4 Nov 2019 10:30", "10,000 BP" */
    FORM_DECADE,     /* "1940s", "340s BCE" (number = 1940, 340) */
    FORM_HUNDREDS,   /* "1800s", "500s BCE" */
    FORM_CENTURY,    /* "19th century", "1st century BCE" (number = ordinal) */
    FORM_MILLENNIUM, /* "3rd millennium BCE" */
    FORM_QUARTER,    /* "Q3 2020" */
    FORM_HALF,       /* "H1 2020" */
    FORM_SEASON,     /* "spring 2020" (number 1..4 = spring..winter) */
    FORM_SOUTHERN,   /* "southern spring 2020" */
} form;

typedef struct dexpr {
    unit unit;
    form form;
    tl_precision precision; /* UNIT_DATE */
    /* UNIT_DATE: the wall-clock fields as written; UNIT_MONTHS: the year. */
    int64_t year;
    int month, day, hour, minute, second;
    bool has_offset; /* an explicit offset or "Z" */
    int64_t offset;
    int64_t y0, y1; /* UNIT_YEARS, astronomical, inclusive */
    int m0, m1;     /* UNIT_MONTHS */
    int64_t number; /* what the label counts (see form) */
    bool bce;       /* the label counts years BCE */
    bool bp;        /* FORM_DATE at year precision written "N BP" */
    int64_t bp_years;
    int part; /* 0, or 1..3: early, mid, late */
    unsigned flags;
    /* Set by resolve(). */
    tl_time t;
} dexpr;

static void dexpr_date(dexpr *d, int64_t year, int month, int day, tl_precision precision)
{
    memset(d, 0, sizeof *d);
    d->unit = UNIT_DATE;
    d->form = FORM_DATE;
    d->precision = precision;
    d->year = year;
    d->month = month;
    d->day = day;
}

static void dexpr_years(dexpr *d, int64_t y0, int64_t y1, form f, int64_t number, bool bce)
{
    memset(d, 0, sizeof *d);
    d->unit = UNIT_YEARS;
    d->form = f;
    d->y0 = y0;
    d->y1 = y1;
    d->number = number;
    d->bce = bce;
}

static void dexpr_months(dexpr *d, int64_t year, int m0, int m1, form f, int64_t number)
{
    memset(d, 0, sizeof *d);
    d->unit = UNIT_MONTHS;
    d->form = f;
    d->year = year;
    d->m0 = m0;
    d->m1 = m1;
    d->number = number;
}

static bool year_in_range(int64_t year)
{
    return year >= -TL_DATE_YEAR_MAX && year <= TL_DATE_YEAR_MAX;
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
static bool resolve(dexpr *d, const tl_date_context *ctx, why *w)
{
    int64_t lo = 0, hi = 0;
    tl_precision precision = TL_PRECISION_YEAR;
    switch (d->unit) {
    case UNIT_DATE: {
        precision = d->precision;
        const int64_t local =
            tl_cal_make(d->year, d->month, d->day, d->hour, d->minute, d->second);
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

/* A bounded string builder: `len` counts everything written, even what did not fit, so the
 * result has snprintf semantics. Hand-written digits keep labelling a million dates cheap. */
typedef struct sbuf {
    char *p;
    size_t size;
    size_t len;
} sbuf;

static void sb_put(sbuf *b, const char *s, size_t n)
{
    if (b->len < b->size) {
        const size_t room = b->size - 1 - b->len;
        memcpy(b->p + b->len, s, n < room ? n : room);
    }
    b->len += n;
}

static void sb_str(sbuf *b, const char *s)
{
    sb_put(b, s, strlen(s));
}

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

static void sb_end(sbuf *b)
{
    if (b->size > 0)
        b->p[b->len < b->size ? b->len : b->size - 1] = '\0';
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

static void write_label(const dexpr *d, const tl_date_context *ctx, char *buf, size_t size)
{
    if (!buf || size == 0)
        return;
    sbuf b = {buf, size, 0};
    sb_label(&b, d, ctx);
    sb_end(&b);
}

/* ---------------------------------------------------------------------------------------------
 * Characters
 * ------------------------------------------------------------------------------------------- */

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
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

/* Trims white space from both ends of s[0..*len). */
static const char *trim(const char *s, size_t *len)
{
    size_t n = *len;
    while (n > 0 && is_space(*s)) {
        s++;
        n--;
    }
    while (n > 0 && is_space(s[n - 1]))
        n--;
    *len = n;
    return s;
}

static bool equals_ci(const char *s, size_t n, const char *word)
{
    const size_t m = strlen(word);
    if (n != m)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (lower(s[i]) != word[i])
            return false;
    }
    return true;
}

/* ---------------------------------------------------------------------------------------------
 * ISO 8601 and EDTF
 * ------------------------------------------------------------------------------------------- */

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
        if (!parse_offset(&p, &d->offset, w))
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
static bool set_sub_year(dexpr *d, int64_t year, int code)
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

static bool fail_day(why *w, int day, int64_t year, int month)
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
static match parse_iso(const char *s, dexpr *d, why *w)
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
            if (month >= 21 && set_sub_year(d, year, month)) {
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
                            return fail_day(w, day, year, month), MATCH_ERROR;
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
static bool parse_clock(const char **s, dexpr *d, why *w)
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

static bool valid_day(dexpr *d, int64_t year, int month, int day, why *w)
{
    if (month < 1 || month > 12)
        return failf(w, "month out of range", "month %d out of range", month);
    if (day < 1 || day > tl_cal_days_in_month(year, month))
        return fail_day(w, day, year, month);
    dexpr_date(d, year, month, day, TL_PRECISION_DAY);
    return true;
}

static match parse_numeric(const char *s, const tl_date_context *ctx, dexpr *d, why *w)
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
    /* ISO dates ("2019-11-04") and years with a hyphen belong to parse_iso(). */
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
    if (!valid_day(d, year, (int)digits_value(field[mi], len[mi]),
                   (int)digits_value(field[di], len[di]), w))
        return MATCH_ERROR;
    if (*p == ' ' || *p == 'T' || *p == 't') {
        p++;
        if (!parse_clock(&p, d, w))
            return MATCH_ERROR;
        if (*p == 'Z' || *p == 'z' || *p == '+' || *p == '-') {
            if (!parse_offset(&p, &d->offset, w))
                return MATCH_ERROR;
            d->has_offset = true;
        }
        if (*p != '\0')
            return fail(w, "unexpected text after the date"), MATCH_ERROR;
    }
    return MATCH_OK;
}

/* ---------------------------------------------------------------------------------------------
 * Words: "4 Nov 2019", "500 BCE", "19th century", "Q3 2020", "spring 2020", "1940s"
 * ------------------------------------------------------------------------------------------- */

typedef enum tok_kind {
    TOK_NUM,    /* 2019, 10,000 */
    TOK_ORD,    /* 19th */
    TOK_DECADE, /* 1940s */
    TOK_WORD,   /* letters, lower-cased, dots dropped: "bc" for "B.C." */
    TOK_CLOCK,  /* 10:30 */
    TOK_QUARTER,
    TOK_HALF,
    TOK_PUNCT, /* any other character */
} tok_kind;

typedef struct token {
    tok_kind kind;
    const char *s; /* in the expression text */
    size_t len;
    int64_t value; /* NUM, ORD, DECADE, QUARTER, HALF */
    size_t digits;
    char word[MAX_WORD];
} token;

static bool tokenize(const char *s, token *toks, size_t *count, why *w)
{
    size_t n = 0;
    const char *p = s;
    while (*p) {
        if (is_space(*p)) {
            p++;
            continue;
        }
        if (n == MAX_TOKENS)
            return fail(w, "not a date");
        token *t = &toks[n];
        memset(t, 0, sizeof *t);
        t->s = p;
        if (is_digit(*p)) {
            size_t d = count_digits(p);
            if (p[d] == ':') {
                t->kind = TOK_CLOCK;
                p += d + 1;
                while (is_digit(*p) || *p == ':')
                    p++;
            } else {
                /* Digits grouped by commas: "10,000" (each group exactly 3 digits). */
                if (d > MAX_YEAR_DIGITS)
                    return fail(w, "year out of range");
                int64_t v = digits_value(p, d);
                const char *q = p + d;
                while (q[0] == ',' && count_digits(q + 1) == 3 && !is_digit(q[4])) {
                    if ((d += 3) > MAX_YEAR_DIGITS)
                        return fail(w, "year out of range");
                    v = v * 1000 + digits_value(q + 1, 3);
                    q += 4;
                }
                t->value = v;
                t->digits = d;
                p = q;
                t->kind = TOK_NUM;
                if (lower(p[0]) == 's' && !is_alpha(p[1])) {
                    t->kind = TOK_DECADE;
                    p++;
                } else if (is_alpha(p[0]) && is_alpha(p[1]) && !is_alpha(p[2])) {
                    const char a = lower(p[0]), b = lower(p[1]);
                    if ((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
                        (a == 'r' && b == 'd') || (a == 't' && b == 'h')) {
                        t->kind = TOK_ORD;
                        p += 2;
                    }
                }
            }
        } else if (is_alpha(*p)) {
            /* Q3 and H1 are one token. */
            if ((lower(*p) == 'q' || lower(*p) == 'h') && is_digit(p[1]) && !is_digit(p[2]) &&
                !is_alpha(p[2])) {
                t->kind = lower(*p) == 'q' ? TOK_QUARTER : TOK_HALF;
                t->value = p[1] - '0';
                p += 2;
            } else {
                size_t k = 0;
                t->kind = TOK_WORD;
                while (is_alpha(*p) || (*p == '.' && k > 0)) {
                    if (*p != '.') {
                        if (k + 1 >= MAX_WORD)
                            return fail(w, "not a date");
                        t->word[k++] = lower(*p);
                    }
                    p++;
                }
                t->word[k] = '\0';
            }
        } else {
            t->kind = TOK_PUNCT;
            /* A multi-byte character is one token. */
            size_t k = 1;
            while (((unsigned char)p[k] & 0xC0) == 0x80)
                k++;
            p += k;
        }
        t->len = (size_t)(p - t->s);
        n++;
    }
    *count = n;
    return true;
}

static bool is_word(const token *t, const char *word)
{
    return t->kind == TOK_WORD && strcmp(t->word, word) == 0;
}

static bool is_punct(const token *t, char c)
{
    return t->kind == TOK_PUNCT && t->len == 1 && t->s[0] == c;
}

/* 1..12 for an English month name or its 3-letter abbreviation ("sept" too), else 0. */
static int month_of(const token *t)
{
    static const char *const names[12] = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december",
    };
    if (t->kind != TOK_WORD || strlen(t->word) < 3)
        return 0;
    for (int m = 0; m < 12; m++) {
        if (strcmp(t->word, names[m]) == 0 || (strncmp(t->word, names[m], 3) == 0 && !t->word[3]))
            return m + 1;
    }
    return strcmp(t->word, "sept") == 0 ? 9 : 0;
}

static bool is_weekday(const token *t)
{
    static const char *const days[] = {
        "mon",   "monday",   "tue", "tues",   "tuesday", "wed",      "wednesday", "thu",   "thur",
        "thurs", "thursday", "fri", "friday", "sat",     "saturday", "sun",       "sunday"};
    for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
        if (is_word(t, days[i]))
            return true;
    }
    return false;
}

typedef enum era { ERA_NONE, ERA_BCE, ERA_CE, ERA_BP } era;

static era era_of(const token *t)
{
    if (is_word(t, "bc") || is_word(t, "bce"))
        return ERA_BCE;
    if (is_word(t, "ad") || is_word(t, "ce"))
        return ERA_CE;
    if (is_word(t, "bp"))
        return ERA_BP;
    return ERA_NONE;
}

/* A cursor over the core's tokens. */
typedef struct cursor {
    const token *t;
    size_t i, n;
} cursor;

static const token *peek(const cursor *c, size_t ahead)
{
    static const token end = {.kind = TOK_PUNCT, .s = "", .len = 0};
    return c->i + ahead < c->n ? &c->t[c->i + ahead] : &end;
}

static void skip_commas(cursor *c)
{
    while (is_punct(peek(c, 0), ','))
        c->i++;
}

/* A year: "2019", "500 BCE", "AD 43", "43 CE", "10,000 BP". `short_ok` allows 1- or 2-digit
 * years without an era (a lone "43" is the year 43, never 1943; after a day and a month,
 * "4 Nov 19" is refused). Sets *bp for a BP year. MATCH_NONE when no year is there. */
static match take_year(cursor *c, bool short_ok, int64_t *year, bool *bp, int64_t *bp_years, why *w)
{
    *bp = false;
    const token *a = peek(c, 0);
    era e = ERA_NONE;
    const token *num = a;
    if (era_of(a) == ERA_CE && peek(c, 1)->kind == TOK_NUM) {
        e = ERA_CE;
        num = peek(c, 1);
        c->i += 2;
    } else if (a->kind == TOK_NUM) {
        c->i++;
        e = era_of(peek(c, 0));
        if (e != ERA_NONE)
            c->i++;
    } else {
        return MATCH_NONE;
    }
    const int64_t v = num->value;
    if (v > TL_DATE_YEAR_MAX)
        return fail(w, "year out of range"), MATCH_ERROR;
    switch (e) {
    case ERA_NONE:
        if (num->digits <= 2 && !short_ok)
            return failf(w, "two-digit year: write the year in full",
                         "two-digit year \"%.*s\": write the year in full (or AD %.*s)",
                         (int)num->len, num->s, (int)num->len, num->s),
                   MATCH_ERROR;
        /* fall through */
    case ERA_CE:
        if (v == 0)
            return fail(w, "there is no year 0 (1 BCE is followed by AD 1)"), MATCH_ERROR;
        *year = v;
        break;
    case ERA_BCE:
        if (v == 0)
            return fail(w, "there is no year 0 (1 BCE is followed by AD 1)"), MATCH_ERROR;
        *year = 1 - v;
        break;
    case ERA_BP:
        *bp = true;
        *bp_years = v;
        /* Before Present counts back from 1950: 1950 BP is 1 BCE, astronomical year 0. */
        *year = 1950 - v;
        if (!year_in_range(*year))
            return fail(w, "year out of range"), MATCH_ERROR;
        break;
    }
    return MATCH_OK;
}

static match take_day_number(cursor *c, int *day)
{
    const token *t = peek(c, 0);
    if ((t->kind != TOK_NUM && t->kind != TOK_ORD) || t->digits > 2 || t->value < 1)
        return MATCH_NONE;
    *day = (int)t->value;
    c->i++;
    return MATCH_OK;
}

/* A time of day after a day: "10:30", "10:30:15", "10:30 pm", with "UTC", "GMT", "Z" or an
 * offset "+09:00". */
static bool take_time(cursor *c, dexpr *d, why *w)
{
    skip_commas(c);
    if (is_word(peek(c, 0), "at"))
        c->i++;
    const token *t = peek(c, 0);
    if (t->kind != TOK_CLOCK)
        return true;
    /* The clock token and an am/pm word are read from the text itself. */
    char text[32];
    size_t len = t->len;
    const token *ampm = peek(c, 1);
    const bool has_ampm =
        ampm->kind == TOK_WORD && (strcmp(ampm->word, "am") == 0 || strcmp(ampm->word, "pm") == 0);
    if (has_ampm)
        len = (size_t)(ampm->s + ampm->len - t->s);
    if (len >= sizeof text)
        return fail(w, "time must be HH:MM or HH:MM:SS");
    memcpy(text, t->s, len);
    text[len] = '\0';
    const char *p = text;
    const int64_t year = d->year;
    const int month = d->month, day = d->day;
    if (!parse_clock(&p, d, w))
        return false;
    if (*p != '\0')
        return fail(w, "time must be HH:MM or HH:MM:SS");
    d->year = year;
    d->month = month;
    d->day = day;
    c->i += has_ampm ? 2 : 1;
    const token *z = peek(c, 0);
    if (is_word(z, "utc") || is_word(z, "gmt") || is_word(z, "z")) {
        d->has_offset = true;
        d->offset = 0;
        c->i++;
        z = peek(c, 0);
    }
    if (is_punct(z, '+') || is_punct(z, '-')) {
        const token *o = peek(c, 1);
        if (o->kind != TOK_CLOCK && o->kind != TOK_NUM)
            return fail(w, "invalid time zone offset (expected Z, +HH:MM or +HHMM)");
        char off[16];
        snprintf(off, sizeof off, "%c%.*s", z->s[0], (int)o->len, o->s);
        const char *q = off;
        if (!parse_offset(&q, &d->offset, w))
            return false;
        if (*q != '\0')
            return fail(w, "invalid time zone offset (expected Z, +HH:MM or +HHMM)");
        d->has_offset = true;
        c->i += 2;
    }
    return true;
}

static bool finish_day(cursor *c, dexpr *d, int64_t year, int month, int day, bool bp, why *w)
{
    if (bp)
        return fail(w, "a BP year has no month or day");
    if (!valid_day(d, year, month, day, w))
        return false;
    return take_time(c, d, w);
}

/* A core made of words and numbers. */
static bool parse_words_core(cursor *c, dexpr *d, why *w)
{
    int64_t year = 0, bp_years = 0;
    bool bp = false;
    int day = 0;
    match m;
    const token *a = peek(c, 0), *b = peek(c, 1);

    if (is_weekday(a)) {
        c->i++;
        skip_commas(c);
        a = peek(c, 0);
        b = peek(c, 1);
    }

    /* "4 Nov 2019", "4th of November 2019" */
    if ((a->kind == TOK_NUM || a->kind == TOK_ORD) && a->digits <= 2 &&
        (month_of(b) || (is_word(b, "of") && month_of(peek(c, 2))))) {
        take_day_number(c, &day);
        if (is_word(peek(c, 0), "of"))
            c->i++;
        const int month = month_of(peek(c, 0));
        c->i++;
        skip_commas(c);
        m = take_year(c, false, &year, &bp, &bp_years, w);
        if (m == MATCH_NONE)
            return fail(w, "a date needs a year");
        return m == MATCH_OK && finish_day(c, d, year, month, day, bp, w);
    }
    /* "Nov 4, 2019", "November 2019", "Nov. 2019" */
    if (month_of(a)) {
        const int month = month_of(a);
        c->i++;
        skip_commas(c);
        const token *t = peek(c, 0);
        const token *u = peek(c, 1);
        /* A day is 1-2 digits followed by a year; "Nov 43" is the year 43. */
        if ((t->kind == TOK_ORD || (t->kind == TOK_NUM && t->digits <= 2)) &&
            (u->kind == TOK_NUM || era_of(u) == ERA_CE || is_punct(u, ','))) {
            take_day_number(c, &day);
            skip_commas(c);
            m = take_year(c, false, &year, &bp, &bp_years, w);
            if (m == MATCH_NONE)
                return fail(w, "a date needs a year");
            return m == MATCH_OK && finish_day(c, d, year, month, day, bp, w);
        }
        m = take_year(c, true, &year, &bp, &bp_years, w);
        if (m == MATCH_NONE)
            return fail(w, "a month needs a year");
        if (m == MATCH_ERROR)
            return false;
        if (bp)
            return fail(w, "a BP year has no month or day");
        dexpr_date(d, year, month, 1, TL_PRECISION_MONTH);
        return true;
    }
    /* "1940s", "1800s", "340s BC", "AD 40s" */
    if (a->kind == TOK_DECADE || (era_of(a) == ERA_CE && b->kind == TOK_DECADE)) {
        const bool ad = a->kind != TOK_DECADE;
        if (ad) {
            c->i++;
            a = b;
        }
        c->i++;
        era e = ERA_CE;
        if (!ad) {
            e = era_of(peek(c, 0));
            if (e == ERA_BCE || e == ERA_CE)
                c->i++;
            else if (e == ERA_BP)
                return fail(w, "decades are not counted BP");
        }
        const int64_t v = a->value;
        if (a->digits <= 2 && e == ERA_NONE)
            return failf(w, "two-digit decade: write it in full (1940s)",
                         "two-digit decade \"%.*s\": write it in full (1940s)", (int)a->len, a->s);
        if (v == 0 || v % 10 != 0)
            return failf(w, "a decade ends in 0 (1940s)", "\"%.*s\" is not a decade (1940s)",
                         (int)a->len, a->s);
        const int64_t span = v % 100 == 0 ? 100 : 10;
        const form f = span == 100 ? FORM_HUNDREDS : FORM_DECADE;
        if (e == ERA_BCE) /* 340s BCE: 349..340 BCE */
            dexpr_years(d, 1 - (v + span - 1), 1 - v, f, v, true);
        else
            dexpr_years(d, v, v + span - 1, f, v, false);
        return true;
    }
    /* "19th century", "3rd millennium BCE" */
    if (a->kind == TOK_ORD && (is_word(b, "century") || is_word(b, "millennium"))) {
        const bool century = is_word(b, "century");
        const int64_t n = a->value, size = century ? 100 : 1000;
        c->i += 2;
        const era e = era_of(peek(c, 0));
        if (e == ERA_BCE || e == ERA_CE)
            c->i++;
        if (n < 1 || n > TL_DATE_YEAR_MAX / size)
            return fail(w, "year out of range");
        const form f = century ? FORM_CENTURY : FORM_MILLENNIUM;
        if (e == ERA_BCE) /* 5th century BCE: 500..401 BCE */
            dexpr_years(d, 1 - n * size, 1 - ((n - 1) * size + 1), f, n, true);
        else /* 19th century: 1801..1900 */
            dexpr_years(d, (n - 1) * size + 1, n * size, f, n, false);
        return true;
    }
    /* "Q3 2020", "H1 2020", "2020 Q3", "2020-Q3" */
    if (a->kind == TOK_QUARTER || a->kind == TOK_HALF) {
        c->i++;
        if (is_punct(peek(c, 0), '-'))
            c->i++;
        m = take_year(c, true, &year, &bp, &bp_years, w);
        if (m == MATCH_NONE)
            return fail(w, "a quarter or half needs a year");
        if (m == MATCH_ERROR)
            return false;
        goto sub_year;
    }
    /* "spring 2020", "southern autumn 2020" */
    {
        bool southern = false;
        if (is_word(a, "southern") || is_word(a, "northern")) {
            southern = is_word(a, "southern");
            c->i++;
            a = peek(c, 0);
        }
        static const char *const seasons[] = {"spring", "summer", "autumn", "fall", "winter"};
        for (int s = 0; s < 5; s++) {
            if (!is_word(a, seasons[s]))
                continue;
            c->i++;
            m = take_year(c, true, &year, &bp, &bp_years, w);
            if (m == MATCH_NONE)
                return fail(w, "a season needs a year");
            if (m == MATCH_ERROR)
                return false;
            if (bp)
                return fail(w, "a BP year has no season");
            const int n = s < 3 ? s : s - 1; /* fall is autumn */
            set_sub_year(d, year, (southern ? 29 : 21) + n);
            return true;
        }
        if (southern)
            return fail(w, "not a date");
    }
    /* A year first: "2019", "500 BCE", "AD 43", "2019 Nov 4", "2019 November", "2020 Q3" */
    m = take_year(c, true, &year, &bp, &bp_years, w);
    if (m == MATCH_ERROR)
        return false;
    if (m == MATCH_OK) {
        const token *t = peek(c, 0);
        if (is_punct(t, '-') && (peek(c, 1)->kind == TOK_QUARTER || peek(c, 1)->kind == TOK_HALF)) {
            c->i++;
            t = peek(c, 0);
        }
        if (t->kind == TOK_QUARTER || t->kind == TOK_HALF) {
            c->i++;
            a = t;
            goto sub_year;
        }
        const int month = month_of(t);
        if (month) {
            if (bp)
                return fail(w, "a BP year has no month or day");
            c->i++;
            if (take_day_number(c, &day) == MATCH_OK)
                return finish_day(c, d, year, month, day, false, w);
            dexpr_date(d, year, month, 1, TL_PRECISION_MONTH);
            return true;
        }
        dexpr_date(d, year, 1, 1, TL_PRECISION_YEAR);
        d->bp = bp;
        d->bp_years = bp_years;
        return true;
    }
    if (month_of(b) && a->kind == TOK_NUM)
        return fail(w, "a date needs a year");
    if (a->kind == TOK_WORD)
        return failf(w, "not a date", "not a date (unknown word \"%.*s\")", (int)a->len, a->s);
    return fail(w, "not a date");

sub_year:
    if (bp)
        return fail(w, "a BP year has no quarter");
    if (a->kind == TOK_QUARTER ? (a->value < 1 || a->value > 4) : (a->value < 1 || a->value > 2))
        return failf(w, "quarters are Q1 to Q4 and halves H1 and H2", "no such period \"%.*s\"",
                     (int)a->len, a->s);
    set_sub_year(d, year, (a->kind == TOK_QUARTER ? 32 : 39) + (int)a->value);
    return true;
}

/* ---------------------------------------------------------------------------------------------
 * Expressions: qualifiers around a core
 * ------------------------------------------------------------------------------------------- */

static bool parse_expr(const char *text, size_t len, const tl_date_context *ctx, bool allow_between,
                       dexpr *d, char *label, size_t label_size, why *w);
static bool parse_between(const token *toks, size_t n, const tl_date_context *ctx, unsigned flags,
                          dexpr *d, char *label, size_t label_size, why *w);

/* The core is an exact substring of the expression: tried as a numeric or ISO date, then as
 * words. */
static bool parse_core(const char *s, size_t len, const token *toks, size_t n,
                       const tl_date_context *ctx, dexpr *d, why *w)
{
    char core[MAX_EXPR_TEXT + 1];
    memcpy(core, s, len);
    core[len] = '\0';
    if (is_digit(core[0]) || core[0] == '-' || core[0] == '+' || core[0] == 'Y' || core[0] == 'y') {
        match m = parse_numeric(core, ctx, d, w);
        if (m == MATCH_NONE)
            m = parse_iso(core, d, w);
        if (m != MATCH_NONE)
            return m == MATCH_OK;
    }
    cursor c = {toks, 0, n};
    if (!parse_words_core(&c, d, w))
        return false;
    if (c.i != c.n) {
        const size_t rest = (size_t)(s + len - toks[c.i].s);
        return failf(w, "unexpected text after the date", "unexpected \"%.*s\" after the date",
                     (int)(rest > 40 ? 40 : rest), toks[c.i].s);
    }
    return true;
}

static bool any_word(const token *t, const char *const *words, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if (is_word(t, words[i]))
            return true;
    }
    return false;
}

/* Parses one expression into d (d->t resolved) and writes its label. "between A and B" is
 * only read when allow_between (its sides may not nest another). */
static bool parse_expr(const char *text, size_t len, const tl_date_context *ctx, bool allow_between,
                       dexpr *d, char *label, size_t label_size, why *w)
{
    text = trim(text, &len);
    if (len == 0)
        return fail(w, "empty date");
    if (len > MAX_EXPR_TEXT)
        return fail(w, "not a date");
    char buf[MAX_EXPR_TEXT + 1];
    memcpy(buf, text, len);
    buf[len] = '\0';

    /* The fast path: most cells are ISO or numeric dates. "YYYY-" can only be ISO. */
    if (is_digit(buf[0]) || buf[0] == '-' || buf[0] == '+') {
        const bool iso = len >= 5 && count_digits(buf) == YEAR_DIGITS && buf[4] == '-';
        match m = iso ? MATCH_NONE : parse_numeric(buf, ctx, d, w);
        if (m == MATCH_NONE)
            m = parse_iso(buf, d, w);
        if (m != MATCH_NONE) {
            if (m != MATCH_OK || !resolve(d, ctx, w))
                return false;
            write_label(d, ctx, label, label_size);
            return true;
        }
    }

    token toks[MAX_TOKENS];
    size_t n = 0;
    if (!tokenize(buf, toks, &n, w))
        return false;
    size_t i = 0, j = n;
    unsigned flags = 0;
    int part = 0;
    static const char *const approx[] = {"c",       "ca",  "circa",    "about",
                                         "around",  "abt", "approx",   "approximately",
                                         "roughly", "est", "estimated"};
    static const char *const before[] = {"before", "bef", "pre"};
    static const char *const after[] = {"after", "aft", "post"};
    static const char *const parts[] = {"early", "mid", "middle", "late"};
    for (bool more = true; more && i < j;) {
        const token *t = &toks[i];
        more = true;
        if (any_word(t, approx, sizeof approx / sizeof approx[0]) || is_punct(t, '~')) {
            flags |= TL_TIME_APPROXIMATE;
        } else if (!(flags & (TL_TIME_BEFORE | TL_TIME_AFTER)) &&
                   any_word(t, before, sizeof before / sizeof before[0])) {
            flags |= TL_TIME_BEFORE;
        } else if (!(flags & (TL_TIME_BEFORE | TL_TIME_AFTER)) &&
                   any_word(t, after, sizeof after / sizeof after[0])) {
            flags |= TL_TIME_AFTER;
        } else if (!part && any_word(t, parts, sizeof parts / sizeof parts[0])) {
            part = is_word(t, "early") ? 1 : is_word(t, "late") ? 3 : 2;
        } else if (is_word(t, "the") || is_word(t, "in") || (is_word(t, "of") && part)) {
            /* "in the 1940s", "early in 2020", "mid of 2020" */
        } else if (allow_between && !part && (is_word(t, "between") || is_word(t, "bet"))) {
            if (flags & (TL_TIME_BEFORE | TL_TIME_AFTER))
                return fail(w, "\"before\" and \"after\" do not combine with \"between\"");
            return parse_between(toks + i + 1, j - i - 1, ctx, flags, d, label, label_size, w);
        } else {
            more = false;
        }
        if (more) {
            i++;
            /* "mid-1850s", "c.-1850" */
            if (i < j && is_punct(&toks[i], '-') && toks[i].s[-1] != ' ')
                i++;
        }
    }
    /* EDTF-style qualifiers and "(approx.)" at the end. */
    for (bool more = true; more && j > i;) {
        const token *t = &toks[j - 1];
        more = true;
        if (is_punct(t, '?')) {
            flags |= TL_TIME_UNCERTAIN;
        } else if (is_punct(t, '~')) {
            flags |= TL_TIME_APPROXIMATE;
        } else if (is_punct(t, '%')) {
            flags |= TL_TIME_APPROXIMATE | TL_TIME_UNCERTAIN;
        } else if (j - i >= 3 && is_punct(t, ')') && is_word(&toks[j - 2], "approx") &&
                   is_punct(&toks[j - 3], '(')) {
            flags |= TL_TIME_APPROXIMATE;
            j -= 2;
        } else {
            more = false;
        }
        if (more)
            j--;
    }
    if (i == j)
        return fail(w, i == 0 ? "not a date" : "a qualifier needs a date");
    const char *c0 = toks[i].s, *c1 = toks[j - 1].s + toks[j - 1].len;
    if (!parse_core(c0, (size_t)(c1 - c0), toks + i, j - i, ctx, d, w))
        return false;
    d->flags |= flags;
    d->part = part;
    if (!resolve(d, ctx, w))
        return false;
    write_label(d, ctx, label, label_size);
    return true;
}

/* "between A and B" (or "A & B"): each side is an expression of its own; the result runs
 * from the start of A to the end of B, without a flag of its own. */
static bool parse_between(const token *toks, size_t n, const tl_date_context *ctx, unsigned flags,
                          dexpr *d, char *label, size_t label_size, why *w)
{
    size_t k = 0;
    while (k < n && !is_word(&toks[k], "and") && !is_punct(&toks[k], '&'))
        k++;
    if (k == 0 || k + 1 >= n)
        return fail(w, "expected \"between DATE and DATE\"");
    dexpr a, b;
    char la[TL_DATE_LABEL_SIZE], lb[TL_DATE_LABEL_SIZE];
    const char *a0 = toks[0].s, *a1 = toks[k - 1].s + toks[k - 1].len;
    const char *b0 = toks[k + 1].s, *b1 = toks[n - 1].s + toks[n - 1].len;
    if (!parse_expr(a0, (size_t)(a1 - a0), ctx, false, &a, la, sizeof la, w) ||
        !parse_expr(b0, (size_t)(b1 - b0), ctx, false, &b, lb, sizeof lb, w))
        return false;
    if ((a.t.flags | b.t.flags) & (TL_TIME_BEFORE | TL_TIME_AFTER))
        return fail(w, "\"before\" and \"after\" do not combine with \"between\"");
    if (b.t.hi < a.t.lo)
        return fail(w, "\"between A and B\" needs A before B");
    *d = a;
    d->t.hi = b.t.hi;
    d->t.precision = a.t.precision > b.t.precision ? a.t.precision : b.t.precision;
    d->t.flags = a.t.flags | b.t.flags | flags | ctx->add_flags;
    if (label && label_size) {
        sbuf s = {label, label_size, 0};
        /* A qualifier written before "between" applies to the whole. */
        if ((d->t.flags & TL_TIME_APPROXIMATE) && !((a.t.flags | b.t.flags) & TL_TIME_APPROXIMATE))
            sb_str(&s, "c. ");
        sb_str(&s, "between ");
        sb_str(&s, la);
        sb_str(&s, " and ");
        sb_str(&s, lb);
        sb_end(&s);
    }
    return true;
}

/* ---------------------------------------------------------------------------------------------
 * Single expressions with labels
 * ------------------------------------------------------------------------------------------- */

static const tl_date_context default_context = {.order = TL_DATE_ORDER_NONE};

static bool parse_labelled(const char *text, size_t len, const tl_date_context *ctx, tl_time *out,
                           char *label, size_t label_size, why *w)
{
    dexpr d;
    if (!parse_expr(text, len, ctx, true, &d, label, label_size, w))
        return false;
    *out = d.t;
    return true;
}

tl_date_status tl_date_parse_expr(const char *text, const tl_date_context *ctx, tl_time *out,
                                  char *label, size_t label_size, char *why_buf, size_t why_size)
{
    why w = {.generic = "not a date"};
    if (!ctx)
        ctx = &default_context;
    if (!text)
        text = "";
    if (parse_labelled(text, strlen(text), ctx, out, label, label_size, &w))
        return TL_DATE_OK;
    write_why(&w, why_buf, why_size);
    return w.needs_order ? TL_DATE_NEEDS_ORDER : TL_DATE_INVALID;
}

bool tl_date_parse(const char *text, tl_time *out, const char **why_out)
{
    why w = {.generic = "not a date"};
    if (parse_labelled(text ? text : "", text ? strlen(text) : 0, &default_context, out, NULL, 0,
                       &w))
        return true;
    if (why_out)
        *why_out = w.generic;
    return false;
}

bool tl_date_parse_buf(const char *text, tl_time *out, char *why_buf, size_t why_size)
{
    return tl_date_parse_expr(text, NULL, out, NULL, 0, why_buf, why_size) == TL_DATE_OK;
}

/* ---------------------------------------------------------------------------------------------
 * Cells: the common case, then intervals
 * ------------------------------------------------------------------------------------------- */

static int two(const char *s)
{
    return (s[0] - '0') * 10 + (s[1] - '0');
}

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" (years 1000..9999), and nothing else: most cells of real
 * files. They are read here without the general machinery, which gives the same result
 * (test-date checks that both agree). False for anything else, and for out-of-range values,
 * so that the full grammar explains them. */
static bool parse_plain_iso(const char *s, size_t len, const tl_date_context *ctx, tl_time *out,
                            char *label, size_t label_size)
{
    if ((len != 4 && len != 7 && len != 10) || ctx->add_flags || label_size < 16)
        return false;
    for (size_t i = 0; i < len; i++) {
        const bool dash = i == 4 || i == 7;
        if (dash ? s[i] != '-' : !is_digit(s[i]))
            return false;
    }
    const int64_t year = (int64_t)two(s) * 100 + two(s + 2);
    const int month = len >= 7 ? two(s + 5) : 1;
    const int day = len == 10 ? two(s + 8) : 1;
    if (year < 1000 || month < 1 || month > 12 || day < 1 ||
        day > tl_cal_days_in_month(year, month))
        return false;
    const int64_t lo = tl_cal_make(year, month, day, 0, 0, 0);
    char *p = label;
    if (len == 10) {
        if (day >= 10)
            *p++ = (char)('0' + day / 10);
        *p++ = (char)('0' + day % 10);
        *p++ = ' ';
    }
    if (len >= 7) {
        memcpy(p, tl_cal_month_abbr(month), 3);
        p[3] = ' ';
        p += 4;
    }
    memcpy(p, s, 4);
    p[4] = '\0';
    out->lo = lo;
    out->flags = 0;
    switch (len) {
    case 4:
        out->precision = TL_PRECISION_YEAR;
        out->hi = tl_cal_make(year + 1, 1, 1, 0, 0, 0) - 1;
        break;
    case 7:
        out->precision = TL_PRECISION_MONTH;
        out->hi = lo + (int64_t)tl_cal_days_in_month(year, month) * TL_SECONDS_PER_DAY - 1;
        break;
    default:
        out->precision = TL_PRECISION_DAY;
        out->hi = lo + TL_SECONDS_PER_DAY - 1;
        break;
    }
    return true;
}

/* Where a cell splits into the two sides of an interval: [*a_end, *b_start) is the separator.
 * False for a single expression. */
static bool find_interval(const char *s, size_t len, size_t *a_end, size_t *b_start)
{
    /* Most cells are single ISO dates: one pass shows that none of the separators below can
     * be there (no '/', no space, no non-ASCII byte, and not YYYY-YYYY). */
    bool candidate = len == 9;
    for (size_t i = 0; i < len && !candidate; i++)
        candidate = s[i] == '/' || s[i] == ' ' || s[i] == '\t' || (unsigned char)s[i] >= 0x80;
    if (!candidate)
        return false;

    /* One slash, unless it is a numeric month/year ("11/2019", "2019/11"). */
    size_t slashes = 0, slash = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '/') {
            slashes++;
            slash = i;
        }
    }
    if (slashes == 1) {
        const size_t left = count_digits(s), right = count_digits(s + slash + 1);
        const bool numeric = left == slash && slash + 1 + right == len &&
                             ((left <= 2 && right == YEAR_DIGITS) ||
                              (left == YEAR_DIGITS && right >= 1 && right <= 2));
        if (!numeric) {
            *a_end = slash;
            *b_start = slash + 1;
            return true;
        }
    }
    if (slashes > 1)
        return false;
    /* En dash or em dash, with or without spaces. */
    for (size_t i = 0; i + 2 < len; i++) {
        if ((unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94)) {
            *a_end = i;
            *b_start = i + 3;
            return true;
        }
    }
    /* A hyphen with a space on both sides, or " to ". */
    for (size_t i = 1; i + 2 < len; i++) {
        if (s[i] == '-' && is_space(s[i - 1]) && is_space(s[i + 1])) {
            *a_end = i;
            *b_start = i + 1;
            return true;
        }
        if (i + 3 < len && is_space(s[i - 1]) && lower(s[i]) == 't' && lower(s[i + 1]) == 'o' &&
            is_space(s[i + 2])) {
            *a_end = i;
            *b_start = i + 2;
            return true;
        }
    }
    /* Two 4-digit years with a hyphen: "1939-1945" (no month is 4 digits). */
    if (len == 9 && count_digits(s) == 4 && s[4] == '-' && count_digits(s + 5) == 4) {
        *a_end = 4;
        *b_start = 5;
        return true;
    }
    return false;
}

static bool is_open_side(const char *s, size_t len)
{
    s = trim(s, &len);
    return len == 0 || (len == 2 && s[0] == '.' && s[1] == '.');
}

static void copy_label(char *dst, const char *src)
{
    snprintf(dst, TL_DATE_LABEL_SIZE, "%s", src);
}

static tl_date_status finish_status(const why *w, char *why_buf, size_t why_size)
{
    write_why(w, why_buf, why_size);
    return w->needs_order ? TL_DATE_NEEDS_ORDER : TL_DATE_INVALID;
}

/* Parses both sides of an interval; an open side is reported by *a_open / *b_open. */
static bool parse_interval(const char *s, size_t a_end, size_t b_start, size_t len,
                           const tl_date_context *ctx, tl_time *a, char *la, bool *a_open,
                           tl_time *b, char *lb, bool *b_open, why *w)
{
    *a_open = is_open_side(s, a_end);
    *b_open = is_open_side(s + b_start, len - b_start);
    if (*a_open && *b_open)
        return fail(w, "an interval needs at least one date");
    if (!*a_open && !parse_labelled(s, a_end, ctx, a, la, TL_DATE_LABEL_SIZE, w))
        return false;
    if (!*b_open && !parse_labelled(s + b_start, len - b_start, ctx, b, lb, TL_DATE_LABEL_SIZE, w))
        return false;
    if (!*a_open && !*b_open && b->hi < a->lo)
        return fail(w, "the interval ends before it starts");
    return true;
}

tl_date_status tl_date_parse_cell(const char *text, const tl_date_context *ctx, tl_date_cell *out,
                                  char *why_buf, size_t why_size)
{
    why w = {.generic = "not a date"};
    if (!ctx)
        ctx = &default_context;
    size_t len = text ? strlen(text) : 0;
    const char *s = trim(text ? text : "", &len);
    out->has_end = out->start_open = out->end_open = false;
    out->end_label[0] = '\0';
    if (len == 0) {
        fail(&w, "empty date");
        return finish_status(&w, why_buf, why_size);
    }
    if (len > MAX_CELL_TEXT) {
        fail(&w, "not a date");
        return finish_status(&w, why_buf, why_size);
    }
    if (parse_plain_iso(s, len, ctx, &out->start, out->start_label, TL_DATE_LABEL_SIZE))
        return TL_DATE_OK;
    size_t a_end, b_start;
    if (!find_interval(s, len, &a_end, &b_start)) {
        if (!parse_labelled(s, len, ctx, &out->start, out->start_label, TL_DATE_LABEL_SIZE, &w))
            return finish_status(&w, why_buf, why_size);
        return TL_DATE_OK;
    }
    bool a_open, b_open;
    if (!parse_interval(s, a_end, b_start, len, ctx, &out->start, out->start_label, &a_open,
                        &out->end, out->end_label, &b_open, &w))
        return finish_status(&w, why_buf, why_size);
    if (a_open) {
        /* The start is somewhere at or before the end's first instant. */
        out->start = (tl_time){.lo = out->end.lo,
                               .hi = out->end.lo,
                               .precision = out->end.precision,
                               .flags = TL_TIME_BEFORE};
        copy_label(out->start_label, ELLIPSIS);
        out->start_open = true;
        out->has_end = true;
    } else if (b_open) {
        copy_label(out->end_label, ELLIPSIS);
        out->end_open = true;
    } else {
        out->has_end = true;
    }
    return TL_DATE_OK;
}

tl_date_status tl_date_parse_end_cell(const char *text, const tl_date_context *ctx, tl_time *out,
                                      bool *open, char *label, size_t label_size, char *why_buf,
                                      size_t why_size)
{
    why w = {.generic = "not a date"};
    if (!ctx)
        ctx = &default_context;
    size_t len = text ? strlen(text) : 0;
    const char *s = trim(text ? text : "", &len);
    *open = false;
    static const char *const open_words[] = {"..", "open", "ongoing", "present"};
    for (size_t i = 0; i < sizeof open_words / sizeof open_words[0]; i++) {
        if (equals_ci(s, len, open_words[i])) {
            *open = true;
            if (label && label_size)
                snprintf(label, label_size, "%s", ELLIPSIS);
            return TL_DATE_OK;
        }
    }
    if (len > MAX_CELL_TEXT) {
        fail(&w, "not a date");
        return finish_status(&w, why_buf, why_size);
    }
    if (label && parse_plain_iso(s, len, ctx, out, label, label_size))
        return TL_DATE_OK;
    size_t a_end, b_start;
    if (len == 0 || !find_interval(s, len, &a_end, &b_start)) {
        if (!parse_labelled(s, len, ctx, out, label, label_size, &w))
            return finish_status(&w, why_buf, why_size);
        return TL_DATE_OK;
    }
    /* An interval in the end column: the end is somewhere in it. */
    tl_time a, b;
    char la[TL_DATE_LABEL_SIZE], lb[TL_DATE_LABEL_SIZE];
    bool a_open, b_open;
    if (!parse_interval(s, a_end, b_start, len, ctx, &a, la, &a_open, &b, lb, &b_open, &w))
        return finish_status(&w, why_buf, why_size);
    if (a_open || b_open) {
        fail(&w, "an end date cannot be an open interval");
        return finish_status(&w, why_buf, why_size);
    }
    *out = (tl_time){.lo = a.lo,
                     .hi = b.hi,
                     .precision = a.precision > b.precision ? a.precision : b.precision,
                     .flags = (a.flags | b.flags) & (TL_TIME_APPROXIMATE | TL_TIME_UNCERTAIN)};
    if (label && label_size) {
        sbuf sb = {label, label_size, 0};
        sb_str(&sb, "between ");
        sb_str(&sb, la);
        sb_str(&sb, " and ");
        sb_str(&sb, lb);
        sb_end(&sb);
    }
    return TL_DATE_OK;
}

/* ---------------------------------------------------------------------------------------------
 * Dates in parts (TimelineJS)
 * ------------------------------------------------------------------------------------------- */

static const char *part_text(const char *s, size_t *len)
{
    if (!s) {
        *len = 0;
        return "";
    }
    *len = strlen(s);
    return trim(s, len);
}

/* An integer with an optional sign and optional thousands commas ("-13,800,000,000"). */
static bool parse_integer(const char *s, size_t len, int64_t *out)
{
    size_t i = 0;
    int sign = 1;
    if (i < len && (s[i] == '-' || s[i] == '+')) {
        sign = s[i] == '-' ? -1 : 1;
        i++;
    }
    int64_t v = 0;
    size_t digits = 0, group = 0;
    bool grouped = false;
    for (; i < len; i++) {
        if (s[i] == ',' && digits > 0 && (grouped ? group == 3 : group <= 3)) {
            grouped = true;
            group = 0;
            continue;
        }
        if (!is_digit(s[i]) || ++digits > MAX_YEAR_DIGITS)
            return false;
        v = v * 10 + (s[i] - '0');
        group++;
    }
    if (digits == 0 || (grouped && group != 3))
        return false;
    *out = sign * v;
    return true;
}

tl_date_status tl_date_compose(const tl_date_parts *parts, const tl_date_context *ctx, tl_time *out,
                               char *label, size_t label_size, char *why_buf, size_t why_size)
{
    why w = {.generic = "not a date"};
    if (!ctx)
        ctx = &default_context;
    size_t ylen, mlen, dlen, tlen;
    const char *ys = part_text(parts->year, &ylen);
    const char *ms = part_text(parts->month, &mlen);
    const char *ds = part_text(parts->day, &dlen);
    const char *ts = part_text(parts->time, &tlen);
    int64_t year;
    if (ylen == 0) {
        fail(&w, "missing year");
        return finish_status(&w, why_buf, why_size);
    }
    if (!parse_integer(ys, ylen, &year)) {
        if (mlen == 0 && dlen == 0 && tlen == 0) {
            if (parse_labelled(ys, ylen, ctx, out, label, label_size, &w))
                return TL_DATE_OK;
            return finish_status(&w, why_buf, why_size);
        }
        failf(&w, "year is not a number", "year \"%.*s\" is not a number",
              (int)(ylen > 40 ? 40 : ylen), ys);
        return finish_status(&w, why_buf, why_size);
    }
    if (year == 0) {
        fail(&w, "there is no year 0 (1 BCE is -1)");
        return finish_status(&w, why_buf, why_size);
    }
    if (year > TL_DATE_YEAR_MAX || year < -TL_DATE_YEAR_MAX) {
        fail(&w, "year out of range");
        return finish_status(&w, why_buf, why_size);
    }
    /* TimelineJS shows -500 as 500 BCE, which is astronomical year -499. */
    if (year < 0)
        year += 1;

    dexpr d;
    dexpr_date(&d, year, 1, 1, TL_PRECISION_YEAR);
    if (mlen > 0) {
        int64_t month = 0;
        if (!parse_integer(ms, mlen, &month)) {
            /* A month name ("Nov", "November") read as a word token would be. */
            token t = {.kind = TOK_WORD};
            if (mlen < sizeof t.word) {
                size_t k = 0;
                for (size_t i = 0; i < mlen; i++) {
                    if (ms[i] != '.')
                        t.word[k++] = lower(ms[i]);
                }
                t.word[k] = '\0';
                month = month_of(&t);
            }
            if (month == 0) {
                failf(&w, "not a month", "month \"%.*s\" is not a month",
                      (int)(mlen > 40 ? 40 : mlen), ms);
                return finish_status(&w, why_buf, why_size);
            }
        }
        if (month < 1 || month > 12) {
            failf(&w, "month out of range", "month %lld out of range", (long long)month);
            return finish_status(&w, why_buf, why_size);
        }
        d.month = (int)month;
        d.precision = TL_PRECISION_MONTH;
    } else if (dlen > 0 || tlen > 0) {
        fail(&w, dlen > 0 ? "a day needs a month" : "a time needs a month and a day");
        return finish_status(&w, why_buf, why_size);
    }
    if (dlen > 0) {
        int64_t day;
        if (!parse_integer(ds, dlen, &day) || day < 1 || day > 31) {
            failf(&w, "not a day", "day \"%.*s\" is not a day of the month",
                  (int)(dlen > 40 ? 40 : dlen), ds);
            return finish_status(&w, why_buf, why_size);
        }
        if (day > tl_cal_days_in_month(year, d.month)) {
            fail_day(&w, (int)day, year, d.month);
            return finish_status(&w, why_buf, why_size);
        }
        d.day = (int)day;
        d.precision = TL_PRECISION_DAY;
    } else if (tlen > 0) {
        fail(&w, "a time needs a month and a day");
        return finish_status(&w, why_buf, why_size);
    }
    if (tlen > 0) {
        char tb[32];
        if (tlen >= sizeof tb) {
            fail(&w, "time must be HH:MM or HH:MM:SS");
            return finish_status(&w, why_buf, why_size);
        }
        memcpy(tb, ts, tlen);
        tb[tlen] = '\0';
        const char *p = tb;
        if (!parse_clock(&p, &d, &w))
            return finish_status(&w, why_buf, why_size);
        if (*p == 'Z' || *p == 'z' || *p == '+' || *p == '-') {
            if (!parse_offset(&p, &d.offset, &w))
                return finish_status(&w, why_buf, why_size);
            d.has_offset = true;
        }
        if (*p != '\0') {
            fail(&w, "time must be HH:MM or HH:MM:SS");
            return finish_status(&w, why_buf, why_size);
        }
    }
    if (!resolve(&d, ctx, &w))
        return finish_status(&w, why_buf, why_size);
    *out = d.t;
    write_label(&d, ctx, label, label_size);
    return TL_DATE_OK;
}

/* ---------------------------------------------------------------------------------------------
 * Formatting
 * ------------------------------------------------------------------------------------------- */

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
    sb_label(&b, &d, &default_context);
    sb_end(&b);
    return b.len;
}

bool tl_date_order_from_name(const char *name, tl_date_order *out)
{
    static const struct {
        const char *name;
        tl_date_order order;
    } orders[] = {
        {"dmy", TL_DATE_ORDER_DMY},
        {"mdy", TL_DATE_ORDER_MDY},
        {"ymd", TL_DATE_ORDER_YMD},
    };
    if (!name)
        return false;
    for (size_t i = 0; i < sizeof orders / sizeof orders[0]; i++) {
        if (equals_ci(name, strlen(name), orders[i].name)) {
            *out = orders[i].order;
            return true;
        }
    }
    return false;
}
