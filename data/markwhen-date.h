/* Markwhen's date ranges (markwhen-date.c): the text before an event line's colon read into
 * two sides, each a date in one of Markwhen's forms (ISO, 1/2023, 5/1/2023, Jan 2023,
 * January 5 2023, 5 Jan 2023, now, a time of day) or a relative date (after !id 3 days,
 * 2 weeks, before !id 1 month); then resolved (markwhen-relative.c) against the events above it
 * into the text of a start and an end cell that the project's date grammar reads, exactly. A
 * range that is none of Markwhen's forms is given to the project's grammar whole ("early
 * November 2019", "c. 1850 - 1860"). Internal to data/. */
#ifndef TL_MARKWHEN_DATE_H
#define TL_MARKWHEN_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <glib.h>

#include "data/date.h"

/* What ids and tags are made of. */
static inline bool tl_mw_is_word_char(char c)
{
    return g_ascii_isalnum(c) || c == '_';
}

/* Amounts of a relative date, each unit apart: calendar units move the civil date, the others
 * add time. */
typedef enum tl_mw_unit {
    TL_MW_YEARS,
    TL_MW_MONTHS,
    TL_MW_WEEKS,
    TL_MW_DAYS,
    TL_MW_WORKDAYS, /* "week days", "work days", "business days": Monday to Friday */
    TL_MW_HOURS,
    TL_MW_MINUTES,
    TL_MW_SECONDS,
    TL_MW_UNITS
} tl_mw_unit;

typedef enum tl_mw_side_kind {
    TL_MW_SIDE_NONE,     /* no end written */
    TL_MW_SIDE_DATE,     /* an absolute date: `t`, and `text` for the cell */
    TL_MW_SIDE_NOW,      /* "now": today */
    TL_MW_SIDE_RELATIVE, /* [before|after] [!id[.start|.end]] amounts */
    TL_MW_SIDE_TIME,     /* a time of day alone: on the day the range is on */
} tl_mw_side_kind;

typedef struct tl_mw_side {
    tl_mw_side_kind kind;
    size_t at; /* byte offset of the side in the range's text */
    tl_time t;
    char text[64];
    bool before;    /* "before" or "by": counted back from the reference's start */
    const char *id; /* into the range's text, after the '!'; NULL without one */
    size_t id_len, id_at;
    int id_edge; /* 0 as the direction says, 1 ".start", 2 ".end" */
    int64_t amount[TL_MW_UNITS];
    int seconds_of_day; /* TL_MW_SIDE_TIME */
    bool no_year;       /* a casual date without a year: this year */
} tl_mw_side;

typedef struct tl_mw_range {
    tl_mw_side from, to;
    /* The whole text is one cell of the project's own grammar (from.text holds it; from.t
     * the start, and `cell_end` the end when it gives one). */
    bool cell;
    bool cell_has_end;
    tl_time cell_end;
    size_t every_at; /* offset of a repetition ("every 2 weeks"), or 0 when there is none */
} tl_mw_range;

/* What the ranges are read with. */
typedef struct tl_mw_env {
    tl_date_context dates; /* the zone; its order reads only the project's own forms */
    tl_date_order order;   /* 5/1/2023: month first (MDY, Markwhen's default) or DMY */
    int64_t today;         /* the first instant of today (UTC midnight of the local day) */
} tl_mw_env;

/* Reads `len` bytes of `s` as a whole date range. False with the reason in `why` and the
 * offset of the offending part in *why_at. */
bool tl_mw_parse_range(const char *s, size_t len, const tl_mw_env *env, tl_mw_range *out, char *why,
                       size_t why_size, size_t *why_at);

/* True when every word of s[0..len) belongs to the vocabulary of dates (numbers, month names,
 * units, before/after, !ids, qualifiers): a line that starts so and fails to parse was meant
 * as an event, rather than a description line that happens to hold a colon. */
bool tl_mw_looks_like_date(const char *s, size_t len);

/* Markwhen's span of an event: from its first instant up to (not including) `to`. */
typedef struct tl_mw_span {
    int64_t from, to;
    bool timed; /* it has a time of day: its instants are never read as whole days */
} tl_mw_span;

/* The events a relative date may name: by id (false for an unknown one), and the one just
 * above (has_prior). */
typedef struct tl_mw_refs {
    bool (*lookup)(void *user, const char *id, size_t len, tl_mw_span *out);
    void *user;
    bool has_prior;
    tl_mw_span prior;
} tl_mw_refs;

/* A resolved range: the cells for the columns reader and the event's span. */
typedef struct tl_mw_cells {
    char start[96];
    char end[96]; /* "" for none */
    tl_mw_span span;
    const char *after_id; /* the id a start "after !id" follows, into the text; or NULL */
    size_t after_id_len;
    bool after_start; /* it follows the id's start (".start") */
} tl_mw_cells;

/* Resolves `r` (parsed from `text`) into cells. False with the reason and its offset when an
 * id is unknown, the range ends before it starts, or a date leaves the calendar. */
bool tl_mw_resolve(const tl_mw_range *r, const tl_mw_env *env, const tl_mw_refs *refs,
                   tl_mw_cells *out, char *why, size_t why_size, size_t *why_at);

#endif /* TL_MARKWHEN_DATE_H */
