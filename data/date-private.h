/* What the date grammar's files share: the parsed expression (dexpr), the reason for a
 * failure, the tokens of the word grammar, and the small helpers each of them uses. Internal to
 * data/date*.c.
 *
 *   date.c        expressions (qualifiers, "between"), cells and intervals, parts; the API
 *   date-iso.c    ISO 8601 / EDTF and all-numeric dates, clock times and offsets
 *   date-words.c  the tokenizer and the word grammar ("4 Nov 2019", "19th century", ...)
 *   date-label.c  a parsed expression's interval (lo/hi) and its label */
#ifndef TL_DATE_PRIVATE_H
#define TL_DATE_PRIVATE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "data/date.h"

/* An ISO year has exactly 4 digits unless it has a sign (ISO 8601 "expanded" years) or the
 * EDTF "Y" prefix, which keeps "20200916" (the basic format, not supported) from being read as
 * year 20 million. */
enum { YEAR_DIGITS = 4, MAX_YEAR_DIGITS = 11 };

/* Longer texts cannot be dates; refusing them early bounds the work and the copies below. A
 * cell may hold two expressions and a separator. */
enum { MAX_EXPR_TEXT = 80, MAX_CELL_TEXT = 2 * MAX_EXPR_TEXT + 16 };

/* Words and numbers of one expression; more cannot be a date. */
enum { MAX_TOKENS = 24, MAX_WORD = 16 };

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

static inline bool fail(why *w, const char *generic)
{
    w->generic = generic;
    w->detail[0] = '\0';
    w->needs_order = false;
    return false;
}

static inline bool failf(why *w, const char *generic, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static inline bool failf(why *w, const char *generic, const char *fmt, ...)
{
    w->generic = generic;
    w->needs_order = false;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w->detail, sizeof w->detail, fmt, ap);
    va_end(ap);
    return false;
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
    FORM_DEEP,       /* "66 Ma", "4.54 Ga", "300 ka", "12,000 years ago" (number = mantissa) */
} form;

/* The units of deep time, years before present (1950) ("12,000 years ago", "300 ka",
 * "66 Ma", "4.54 Ga"). */
typedef enum deep_unit { DEEP_YEARS, DEEP_KA, DEEP_MA, DEEP_GA } deep_unit;

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
    deep_unit deep;    /* FORM_DEEP: the unit written, and the decimals of `number` */
    int deep_decimals; /* ("4.54 Ga": number 454, 2 decimals) */
    int part; /* 0, or 1..3: early, mid, late */
    unsigned flags;
    /* Set by tl_date_resolve(). */
    tl_time t;
} dexpr;

static inline void dexpr_date(dexpr *d, int64_t year, int month, int day, tl_precision precision)
{
    memset(d, 0, sizeof *d);
    d->unit = UNIT_DATE;
    d->form = FORM_DATE;
    d->precision = precision;
    d->year = year;
    d->month = month;
    d->day = day;
}

static inline void dexpr_years(dexpr *d, int64_t y0, int64_t y1, form f, int64_t number, bool bce)
{
    memset(d, 0, sizeof *d);
    d->unit = UNIT_YEARS;
    d->form = f;
    d->y0 = y0;
    d->y1 = y1;
    d->number = number;
    d->bce = bce;
}

static inline void dexpr_months(dexpr *d, int64_t year, int m0, int m1, form f, int64_t number)
{
    memset(d, 0, sizeof *d);
    d->unit = UNIT_MONTHS;
    d->form = f;
    d->year = year;
    d->m0 = m0;
    d->m1 = m1;
    d->number = number;
}

/* Computes d->t from the unit, the part (early/mid/late), the zone and the flags
 * (date-label.c). */
bool tl_date_resolve(dexpr *d, const tl_date_context *ctx, why *w);

/* Writes the label of a resolved expression into buf (nothing when buf is NULL or size 0). */
void tl_date_write_label(const dexpr *d, const tl_date_context *ctx, char *buf, size_t size);

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

static inline void sb_put(sbuf *b, const char *s, size_t n)
{
    if (b->len < b->size) {
        const size_t room = b->size - 1 - b->len;
        memcpy(b->p + b->len, s, n < room ? n : room);
    }
    b->len += n;
}

static inline void sb_str(sbuf *b, const char *s)
{
    sb_put(b, s, strlen(s));
}

static inline void sb_end(sbuf *b)
{
    if (b->size > 0)
        b->p[b->len < b->size ? b->len : b->size - 1] = '\0';
}

/* ---------------------------------------------------------------------------------------------
 * Characters
 * ------------------------------------------------------------------------------------------- */

static inline bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static inline bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static inline char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static inline size_t count_digits(const char *s)
{
    size_t n = 0;
    while (is_digit(s[n]))
        n++;
    return n;
}

/* Callers bound n (at most MAX_YEAR_DIGITS), so this cannot overflow. */
static inline int64_t digits_value(const char *s, size_t n)
{
    int64_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* ---------------------------------------------------------------------------------------------
 * ISO 8601, EDTF and numeric dates (date-iso.c)
 * ------------------------------------------------------------------------------------------- */

/* ISO 8601 / EDTF levels 0 and 1 into d; MATCH_NONE when `s` does not start like one. */
match tl_date_parse_iso(const char *s, dexpr *d, why *w);
/* Deep time as geologists write it, counted back from 1950 (date-deep.c): "66 Ma", "4.54 Ga",
 * "300 ka", "12 kya", "66 mya", "2.5 bya", "66 million years ago", "12,000 years ago". The
 * interval is the value give or take half a unit of its last digit ("66 Ma": 66.5 to 65.5
 * million years ago; "4.54 Ga": 4.545 to 4.535 billion). */
match tl_date_parse_deep(const char *s, dexpr *d, why *w);

/* An all-numeric date (04/11/2019, 4.11.2019, 2019/11/04, 11/2019) read with ctx's order;
 * MATCH_NONE when `s` is not one. */
match tl_date_parse_numeric(const char *s, const tl_date_context *ctx, dexpr *d, why *w);

/* Reads "H:MM[:SS]" and an optional "am"/"pm" at *s into d's time and precision. */
bool tl_date_parse_clock(const char **s, dexpr *d, why *w);

/* Reads a time zone designator ("Z", "+09:00", "+0900", "-05") at *s: the offset east of UTC
 * in seconds. */
bool tl_date_parse_offset(const char **s, int64_t *offset, why *w);

/* A checked civil day into d (at day precision). */
bool tl_date_valid_day(dexpr *d, int64_t year, int month, int day, why *w);

/* Fails with "day N out of range for MONTH YEAR". */
bool tl_date_fail_day(why *w, int day, int64_t year, int month);

/* Month values 21..41 of EDTF (seasons, quarters and halves) into d; false for other codes. */
bool tl_date_set_sub_year(dexpr *d, int64_t year, int code);

/* ---------------------------------------------------------------------------------------------
 * Words (date-words.c)
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

static inline bool is_word(const token *t, const char *word)
{
    return t->kind == TOK_WORD && strcmp(t->word, word) == 0;
}

static inline bool is_punct(const token *t, char c)
{
    return t->kind == TOK_PUNCT && t->len == 1 && t->s[0] == c;
}

/* Splits `s` into at most MAX_TOKENS tokens. */
bool tl_date_tokenize(const char *s, token *toks, size_t *count, why *w);

/* 1..12 for an English month name or its 3-letter abbreviation ("sept" too), else 0. */
int tl_date_month_of(const token *t);

/* Parses the core of an expression, the exact substring s[0..len) whose tokens are toks[0..n):
 * as a numeric or ISO date, then as words. */
bool tl_date_parse_core(const char *s, size_t len, const token *toks, size_t n,
                        const tl_date_context *ctx, dexpr *d, why *w);

#endif /* TL_DATE_PRIVATE_H */
