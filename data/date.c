/* Dates: one grammar from cell text to tl_time plus a display label.
 *
 * Everything here is integer arithmetic in the proleptic Gregorian calendar with astronomical
 * years (year 0 is 1 BCE), done by common/tl-calendar.c. Nothing calls mktime/strptime/
 * localtime, whose results depend on TZ and locale.
 *
 * A cell is parsed in three layers: the cell (an interval "A/B" or a single expression), the
 * expression (qualifier words such as "c.", "before", "early", "between ... and ..." around a
 * core), and the core, tried as an all-numeric date, as ISO 8601/EDTF (date-iso.c), then as
 * words (date-words.c). Every layer fills a `dexpr`, which names a unit (a civil date at some
 * precision, a run of years, a run of months) and how to label it; tl_date_resolve() turns it
 * into lo/hi and tl_date_write_label() into text (date-label.c). The ISO path comes first and
 * allocates nothing, so the common case stays fast. This file holds the layers above the core
 * and the API of date.h. */
#include "data/date.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "data/date-private.h"

/* UTF-8 of the label of an open interval side, and of the range dash. */
#define ELLIPSIS "\xE2\x80\xA6"

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
 * Characters and reasons
 * ------------------------------------------------------------------------------------------- */

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

static void write_why(const why *w, char *buf, size_t size)
{
    if (buf && size > 0)
        snprintf(buf, size, "%s", w->detail[0] ? w->detail : w->generic);
}

/* ---------------------------------------------------------------------------------------------
 * Expressions: qualifiers around a core
 * ------------------------------------------------------------------------------------------- */

static bool parse_expr(const char *text, size_t len, const tl_date_context *ctx, bool allow_between,
                       dexpr *d, char *label, size_t label_size, why *w);
static bool parse_between(const token *toks, size_t n, const tl_date_context *ctx, unsigned flags,
                          dexpr *d, char *label, size_t label_size, why *w);

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
        match m = iso ? MATCH_NONE : tl_date_parse_numeric(buf, ctx, d, w);
        if (m == MATCH_NONE)
            m = tl_date_parse_iso(buf, d, w);
        if (m != MATCH_NONE) {
            if (m != MATCH_OK || !tl_date_resolve(d, ctx, w))
                return false;
            tl_date_write_label(d, ctx, label, label_size);
            return true;
        }
    }

    token toks[MAX_TOKENS];
    size_t n = 0;
    if (!tl_date_tokenize(buf, toks, &n, w))
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
    if (!tl_date_parse_core(c0, (size_t)(c1 - c0), toks + i, j - i, ctx, d, w))
        return false;
    d->flags |= flags;
    d->part = part;
    if (!tl_date_resolve(d, ctx, w))
        return false;
    tl_date_write_label(d, ctx, label, label_size);
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
 * (test-date-cells checks that both agree). False for anything else, and for out-of-range values,
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
    if (ctx->numeric && len > 0)
        return tl_date_parse_number(s, &out->start, out->start_label, TL_DATE_LABEL_SIZE, why_buf,
                                    why_size)
                   ? TL_DATE_OK
                   : TL_DATE_INVALID;
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
    if (ctx->numeric)
        return tl_date_parse_number(s, out, label, label_size, why_buf, why_size)
                   ? TL_DATE_OK
                   : TL_DATE_INVALID;
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
                month = tl_date_month_of(&t);
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
            tl_date_fail_day(&w, (int)day, year, d.month);
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
        if (!tl_date_parse_clock(&p, &d, &w))
            return finish_status(&w, why_buf, why_size);
        if (*p == 'Z' || *p == 'z' || *p == '+' || *p == '-') {
            if (!tl_date_parse_offset(&p, &d.offset, &w))
                return finish_status(&w, why_buf, why_size);
            d.has_offset = true;
        }
        if (*p != '\0') {
            fail(&w, "time must be HH:MM or HH:MM:SS");
            return finish_status(&w, why_buf, why_size);
        }
    }
    if (!tl_date_resolve(&d, ctx, &w))
        return finish_status(&w, why_buf, why_size);
    *out = d.t;
    tl_date_write_label(&d, ctx, label, label_size);
    return TL_DATE_OK;
}

/* ---------------------------------------------------------------------------------------------
 * Names
 * ------------------------------------------------------------------------------------------- */

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
