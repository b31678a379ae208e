/* Dates in words: "4 Nov 2019", "500 BCE", "19th century", "Q3 2020", "spring 2020", "1940s".
 * The text is cut into tokens, and the core of an expression is read from them by a table of
 * matchers, each trying one form. */
#include "data/date-private.h"

#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------------------------------------------
 * Tokens
 * ------------------------------------------------------------------------------------------- */

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool tl_date_tokenize(const char *s, token *toks, size_t *count, why *w)
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

/* 1..12 for an English month name or its 3-letter abbreviation ("sept" too), else 0. */
int tl_date_month_of(const token *t)
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

/* ---------------------------------------------------------------------------------------------
 * Years, days and times read from the tokens
 * ------------------------------------------------------------------------------------------- */

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

static bool year_in_range(int64_t year)
{
    return year >= -TL_DATE_YEAR_MAX && year <= TL_DATE_YEAR_MAX;
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
    if (!tl_date_parse_clock(&p, d, w))
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
        if (!tl_date_parse_offset(&q, &d->offset, w))
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
    if (!tl_date_valid_day(d, year, month, day, w))
        return false;
    return take_time(c, d, w);
}

/* ---------------------------------------------------------------------------------------------
 * The word grammar
 *
 * Each matcher tries one form at the cursor: MATCH_NONE when the core does not start like it
 * (the next matcher tries), else the form's result, which ends the parse. They are tried in
 * the order of the table, which settles the ambiguous starts: "4 Nov 2019" is a day and a
 * month before "4" could be a year.
 * ------------------------------------------------------------------------------------------- */

/* After a day and a month: a year written in full, then an optional time. */
static match day_month_year(cursor *c, dexpr *d, int month, int day, why *w)
{
    int64_t year = 0, bp_years = 0;
    bool bp = false;
    const match m = take_year(c, false, &year, &bp, &bp_years, w);
    if (m == MATCH_NONE)
        return fail(w, "a date needs a year"), MATCH_ERROR;
    return m == MATCH_OK && finish_day(c, d, year, month, day, bp, w) ? MATCH_OK : MATCH_ERROR;
}

/* Quarter or half `q` (a TOK_QUARTER or TOK_HALF token) of `year`. */
static match quarter_of(const token *q, int64_t year, bool bp, dexpr *d, why *w)
{
    if (bp)
        return fail(w, "a BP year has no quarter"), MATCH_ERROR;
    if (q->kind == TOK_QUARTER ? (q->value < 1 || q->value > 4) : (q->value < 1 || q->value > 2))
        return failf(w, "quarters are Q1 to Q4 and halves H1 and H2", "no such period \"%.*s\"",
                     (int)q->len, q->s),
               MATCH_ERROR;
    tl_date_set_sub_year(d, year, (q->kind == TOK_QUARTER ? 32 : 39) + (int)q->value);
    return MATCH_OK;
}

/* "4 Nov 2019", "4th of November 2019" */
static match match_day_first(cursor *c, dexpr *d, why *w)
{
    const token *a = peek(c, 0), *b = peek(c, 1);
    if (!((a->kind == TOK_NUM || a->kind == TOK_ORD) && a->digits <= 2 &&
          (tl_date_month_of(b) || (is_word(b, "of") && tl_date_month_of(peek(c, 2))))))
        return MATCH_NONE;
    int day = 0;
    take_day_number(c, &day);
    if (is_word(peek(c, 0), "of"))
        c->i++;
    const int month = tl_date_month_of(peek(c, 0));
    c->i++;
    skip_commas(c);
    return day_month_year(c, d, month, day, w);
}

/* "Nov 4, 2019", "November 2019", "Nov. 2019" */
static match match_month_first(cursor *c, dexpr *d, why *w)
{
    const int month = tl_date_month_of(peek(c, 0));
    if (!month)
        return MATCH_NONE;
    c->i++;
    skip_commas(c);
    const token *t = peek(c, 0);
    const token *u = peek(c, 1);
    /* A day is 1-2 digits followed by a year; "Nov 43" is the year 43. */
    if ((t->kind == TOK_ORD || (t->kind == TOK_NUM && t->digits <= 2)) &&
        (u->kind == TOK_NUM || era_of(u) == ERA_CE || is_punct(u, ','))) {
        int day = 0;
        take_day_number(c, &day);
        skip_commas(c);
        return day_month_year(c, d, month, day, w);
    }
    int64_t year = 0, bp_years = 0;
    bool bp = false;
    const match m = take_year(c, true, &year, &bp, &bp_years, w);
    if (m == MATCH_NONE)
        return fail(w, "a month needs a year"), MATCH_ERROR;
    if (m == MATCH_ERROR)
        return MATCH_ERROR;
    if (bp)
        return fail(w, "a BP year has no month or day"), MATCH_ERROR;
    dexpr_date(d, year, month, 1, TL_PRECISION_MONTH);
    return MATCH_OK;
}

/* "1940s", "1800s", "340s BC", "AD 40s" */
static match match_decade(cursor *c, dexpr *d, why *w)
{
    const token *a = peek(c, 0), *b = peek(c, 1);
    if (a->kind != TOK_DECADE && !(era_of(a) == ERA_CE && b->kind == TOK_DECADE))
        return MATCH_NONE;
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
            return fail(w, "decades are not counted BP"), MATCH_ERROR;
    }
    const int64_t v = a->value;
    if (a->digits <= 2 && e == ERA_NONE)
        return failf(w, "two-digit decade: write it in full (1940s)",
                     "two-digit decade \"%.*s\": write it in full (1940s)", (int)a->len, a->s),
               MATCH_ERROR;
    if (v == 0 || v % 10 != 0)
        return failf(w, "a decade ends in 0 (1940s)", "\"%.*s\" is not a decade (1940s)",
                     (int)a->len, a->s),
               MATCH_ERROR;
    const int64_t span = v % 100 == 0 ? 100 : 10;
    const form f = span == 100 ? FORM_HUNDREDS : FORM_DECADE;
    if (e == ERA_BCE) /* 340s BCE: 349..340 BCE */
        dexpr_years(d, 1 - (v + span - 1), 1 - v, f, v, true);
    else
        dexpr_years(d, v, v + span - 1, f, v, false);
    return MATCH_OK;
}

/* "19th century", "3rd millennium BCE" */
static match match_century(cursor *c, dexpr *d, why *w)
{
    const token *a = peek(c, 0), *b = peek(c, 1);
    if (a->kind != TOK_ORD || !(is_word(b, "century") || is_word(b, "millennium")))
        return MATCH_NONE;
    const bool century = is_word(b, "century");
    const int64_t n = a->value, size = century ? 100 : 1000;
    c->i += 2;
    const era e = era_of(peek(c, 0));
    if (e == ERA_BCE || e == ERA_CE)
        c->i++;
    if (n < 1 || n > TL_DATE_YEAR_MAX / size)
        return fail(w, "year out of range"), MATCH_ERROR;
    const form f = century ? FORM_CENTURY : FORM_MILLENNIUM;
    if (e == ERA_BCE) /* 5th century BCE: 500..401 BCE */
        dexpr_years(d, 1 - n * size, 1 - ((n - 1) * size + 1), f, n, true);
    else /* 19th century: 1801..1900 */
        dexpr_years(d, (n - 1) * size + 1, n * size, f, n, false);
    return MATCH_OK;
}

/* "Q3 2020", "H1 2020", "Q3-2020" */
static match match_quarter_first(cursor *c, dexpr *d, why *w)
{
    const token *a = peek(c, 0);
    if (a->kind != TOK_QUARTER && a->kind != TOK_HALF)
        return MATCH_NONE;
    c->i++;
    if (is_punct(peek(c, 0), '-'))
        c->i++;
    int64_t year = 0, bp_years = 0;
    bool bp = false;
    const match m = take_year(c, true, &year, &bp, &bp_years, w);
    if (m == MATCH_NONE)
        return fail(w, "a quarter or half needs a year"), MATCH_ERROR;
    if (m == MATCH_ERROR)
        return MATCH_ERROR;
    return quarter_of(a, year, bp, d, w);
}

/* "spring 2020", "southern autumn 2020" */
static match match_season(cursor *c, dexpr *d, why *w)
{
    static const char *const seasons[] = {"spring", "summer", "autumn", "fall", "winter"};
    const token *a = peek(c, 0);
    bool southern = false;
    if (is_word(a, "southern") || is_word(a, "northern")) {
        southern = is_word(a, "southern");
        c->i++;
        a = peek(c, 0);
    }
    for (int s = 0; s < 5; s++) {
        if (!is_word(a, seasons[s]))
            continue;
        c->i++;
        int64_t year = 0, bp_years = 0;
        bool bp = false;
        const match m = take_year(c, true, &year, &bp, &bp_years, w);
        if (m == MATCH_NONE)
            return fail(w, "a season needs a year"), MATCH_ERROR;
        if (m == MATCH_ERROR)
            return MATCH_ERROR;
        if (bp)
            return fail(w, "a BP year has no season"), MATCH_ERROR;
        const int n = s < 3 ? s : s - 1; /* fall is autumn */
        tl_date_set_sub_year(d, year, (southern ? 29 : 21) + n);
        return MATCH_OK;
    }
    if (southern)
        return fail(w, "not a date"), MATCH_ERROR;
    /* Seasons are northern unless said otherwise, so "northern" says nothing: it is dropped
     * (the one matcher that moves the cursor without matching), and the matchers after this
     * one read what follows. */
    return MATCH_NONE;
}

/* A year first: "2019", "500 BCE", "AD 43", "2019 Nov 4", "2019 November", "2020 Q3" */
static match match_year_first(cursor *c, dexpr *d, why *w)
{
    int64_t year = 0, bp_years = 0;
    bool bp = false;
    const match m = take_year(c, true, &year, &bp, &bp_years, w);
    if (m != MATCH_OK)
        return m;
    const token *t = peek(c, 0);
    if (is_punct(t, '-') && (peek(c, 1)->kind == TOK_QUARTER || peek(c, 1)->kind == TOK_HALF)) {
        c->i++;
        t = peek(c, 0);
    }
    if (t->kind == TOK_QUARTER || t->kind == TOK_HALF) {
        c->i++;
        return quarter_of(t, year, bp, d, w);
    }
    const int month = tl_date_month_of(t);
    if (month) {
        if (bp)
            return fail(w, "a BP year has no month or day"), MATCH_ERROR;
        c->i++;
        int day = 0;
        if (take_day_number(c, &day) == MATCH_OK)
            return finish_day(c, d, year, month, day, false, w) ? MATCH_OK : MATCH_ERROR;
        dexpr_date(d, year, month, 1, TL_PRECISION_MONTH);
        return MATCH_OK;
    }
    dexpr_date(d, year, 1, 1, TL_PRECISION_YEAR);
    d->bp = bp;
    d->bp_years = bp_years;
    return MATCH_OK;
}

typedef match (*matcher)(cursor *c, dexpr *d, why *w);

static const matcher matchers[] = {
    match_day_first,     match_month_first, match_decade,     match_century,
    match_quarter_first, match_season,      match_year_first,
};

/* A core made of words and numbers. */
static bool parse_words_core(cursor *c, dexpr *d, why *w)
{
    /* "Monday, 4 Nov 2019": the weekday is not checked against the date. */
    if (is_weekday(peek(c, 0))) {
        c->i++;
        skip_commas(c);
    }
    for (size_t i = 0; i < sizeof matchers / sizeof matchers[0]; i++) {
        const match m = matchers[i](c, d, w);
        if (m != MATCH_NONE)
            return m == MATCH_OK;
    }
    /* No form starts like this (not even a year: the first token is no number). Name the
     * word that stopped it, if it is one. */
    const token *a = peek(c, 0);
    if (a->kind == TOK_WORD)
        return failf(w, "not a date", "not a date (unknown word \"%.*s\")", (int)a->len, a->s);
    return fail(w, "not a date");
}

/* ---------------------------------------------------------------------------------------------
 * Cores
 * ------------------------------------------------------------------------------------------- */

/* The core is an exact substring of the expression: tried as a numeric or ISO date, then as
 * words. */
bool tl_date_parse_core(const char *s, size_t len, const token *toks, size_t n,
                        const tl_date_context *ctx, dexpr *d, why *w)
{
    char core[MAX_EXPR_TEXT + 1];
    memcpy(core, s, len);
    core[len] = '\0';
    const match deep = tl_date_parse_deep(core, d, w);
    if (deep != MATCH_NONE)
        return deep == MATCH_OK;
    if (is_digit(core[0]) || core[0] == '-' || core[0] == '+' || core[0] == 'Y' || core[0] == 'y') {
        match m = tl_date_parse_numeric(core, ctx, d, w);
        if (m == MATCH_NONE)
            m = tl_date_parse_iso(core, d, w);
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
