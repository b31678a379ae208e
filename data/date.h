/* Date grammar (civil-calendar arithmetic is in common/tl-calendar.h). No TZ variable, no locale, no mktime: named time
 * zones come from GLib's GTimeZone, passed in explicitly.
 *
 * One grammar reads every date cell into a tl_time interval (lo = first instant, hi = last
 * instant, a precision and qualifier flags) and a canonical display label. docs/dates.md has
 * the full table of forms; in short:
 *
 *   ISO 8601 / EDTF 0   2019  2019-11  2019-11-04  2019-11-04T09:30  2019-11-04T09:30:15+09:00
 *                       -0499 (astronomical: 500 BCE)  +12345  intervals 2019-11/2020-03, ../2020
 *   EDTF 1              2019-11~ (approximate)  2019-11? (uncertain)  2019-11% (both)
 *                       201X  2019-XX  seasons 2020-21..24 (also 25..41)  Y170000  Y-170000
 *   human               4 Nov 2019  Nov 4, 2019  November 2019  2019 Nov 4  7 Oct 2020 12:30
 *   numeric             04/11/2019 with a date order (dmy, mdy); 2019/11/04 is always ymd
 *   eras                500 BCE  500 BC  AD 43  43 CE  10,000 BP (before 1950)
 *   deep time           66 Ma  4.54 Ga  300 ka  12 kya  66 mya  66 million years ago
 *                       12,000 years ago (before 1950, give or take half the last digit)
 *   words               c. 1850  circa 1850  ~1850  before 1850  after 1850
 *                       between 1850 and 1860  early|mid|late Nov 2019  Q3 2020  H1 2020
 *                       spring 2020  1940s  1800s  19th century  3rd millennium BCE
 *
 * Precision is the unit in which lo and hi are whole: "early Nov 2019" (1–10 Nov) is DAY,
 * "Q3 2020" and "spring 2020" are MONTH, "1940s" and "19th century" are YEAR.
 *
 * Qualifiers (tl_time.flags):
 *   APPROXIMATE  "c. 1850", "1850~": lo/hi are those of 1850; the label says "c. 1850".
 *   UNCERTAIN    "1850?", and unspecified digits ("201X", "2019-XX"): lo/hi cover every value
 *                the text allows; the label ends in "?".
 *   BEFORE       "before 1850": lo = hi = the last instant before 1850 begins
 *                (1849-12-31T23:59:59Z); precision YEAR. The date is at or before hi.
 *   AFTER        "after 1850": lo = hi = the first instant after 1850 ends
 *                (1851-01-01T00:00:00Z). The date is at or after lo.
 * "between 1850 and 1860" sets no flag: lo is the start of 1850, hi the end of 1860.
 *
 * Labels: "2020", "Nov 2019", "16 Sep 2020", "7 Oct 2020 12:30", "7 Oct 2020 12:30:15",
 * "500 BCE", "15 Mar 44 BCE", "170,000" (grouped from 10,000), "10,000 BP", "1940s",
 * "19th century", "Q3 2020", "H1 2020", "spring 2020", "early Nov 2019", "between 1850 and
 * 1860", "before 1850", "after Oct 2020"; approximate adds "c. " in front ("c. Nov 2019"),
 * uncertain adds "?" at the end ("Nov 2019?", "2010s?"). Times show the wall clock of the
 * context's time zone (UTC by default). Every label parses back to the same tl_time. */
#ifndef TL_DATE_H
#define TL_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "timeline/timeline.h"

#include "common/tl-calendar.h"

/* Years are limited to 11 digits (about ±1e11), enough for the age of the universe and far
 * inside int64 seconds (about ±2.9e11 years). */
#define TL_DATE_YEAR_MAX INT64_C(99999999999)

/* Room for any label, NUL included. */
enum { TL_DATE_LABEL_SIZE = 96 };

/* How to read what a date does not say itself. A zeroed struct is the default: no numeric
 * day/month order, UTC. */
typedef struct _GTimeZone tl_date_zone; /* GLib's GTimeZone, without including glib.h */
typedef struct tl_date_context {
    tl_date_order order;
    /* Zone of times of day written without an offset; NULL is UTC. Borrowed. Dates without a
     * time of day are calendar days and are not shifted. */
    tl_date_zone *zone;
    /* Flags added to every date parsed (a profile's "approximate" column). */
    unsigned add_flags;
    /* A numeric axis: cells are plain numbers (tl_date_parse_number()), not dates. */
    bool numeric;
} tl_date_context;

typedef enum tl_date_status {
    TL_DATE_OK,
    TL_DATE_INVALID,     /* not a date; `why` says what is wrong */
    TL_DATE_NEEDS_ORDER, /* a numeric date such as 04/11/2019 and no date order */
} tl_date_status;

/* One date cell: a single date, or an interval "A/B" whose sides may be open (".." or
 * empty). Labels are NUL-terminated; an open side's label is "…". */
typedef struct tl_date_cell {
    tl_time start;
    tl_time end;     /* valid when has_end */
    bool has_end;    /* the cell was an interval with a known end */
    bool start_open; /* "../2020": start is a copy of the end with TL_TIME_BEFORE */
    bool end_open;   /* "2020/..": no end */
    char start_label[TL_DATE_LABEL_SIZE];
    char end_label[TL_DATE_LABEL_SIZE];
} tl_date_cell;

/* Parses a start cell: one date expression, or an interval written "A/B", "A – B" (en dash
 * or em dash, spaces optional), "A - B" (spaced hyphen), "A to B", or "1939-1945" (two
 * 4-digit years), whose sides may be ".." or empty for an open bound. Surrounding white
 * space is ignored. On failure writes the reason into `why` (truncated to why_size bytes;
 * `why` may be NULL when why_size is 0). */
tl_date_status tl_date_parse_cell(const char *text, const tl_date_context *ctx, tl_date_cell *out,
                                  char *why, size_t why_size);
/* A cell of a numeric axis: a plain number ("12", "-3.5", "1e3"), held as lo = hi = the value
 * in thousandths, precision SECOND; the label is the number as written. False with the reason
 * in `why` for anything else (date-number.c). */
bool tl_date_parse_number(const char *text, tl_time *out, char *label, size_t label_size,
                          char *why, size_t why_size);

/* Parses an end cell: as a start cell, except that an interval "A/B" means a date somewhere
 * in it (lo of A, hi of B, labelled "between A and B"), and "..", "open", "ongoing" and
 * "present" mean an open end (*open set, *out untouched). */
tl_date_status tl_date_parse_end_cell(const char *text, const tl_date_context *ctx, tl_time *out,
                                      bool *open, char *label, size_t label_size, char *why,
                                      size_t why_size);

/* Parses one date expression (no interval) with a context (NULL: the default). `label` may
 * be NULL when label_size is 0. */
tl_date_status tl_date_parse_expr(const char *text, const tl_date_context *ctx, tl_time *out,
                                  char *label, size_t label_size, char *why, size_t why_size);

/* As tl_date_parse_expr() with the default context. On failure *why is set to a static
 * explanation without the values ("month out of range"). */
bool tl_date_parse(const char *text, tl_time *out, const char **why);

/* As tl_date_parse(), but on failure writes an explanation that names the offending values
 * ("day 30 out of range for February 2019", "month 13 out of range") into `why`
 * (NUL-terminated, truncated to `why_size` bytes; `why` may be NULL when `why_size` is 0). */
bool tl_date_parse_buf(const char *text, tl_time *out, char *why, size_t why_size);

/* A date given as separate parts, as TimelineJS sheets do. `year` is an integer where a
 * negative value counts years BCE the way TimelineJS shows them (-500 is 500 BCE); when it is
 * not an integer and the other parts are empty, it is parsed as a date expression. `month`
 * is 1..12 or a month name, `day` 1..31, `time` "H:MM" or "H:MM:SS", optionally with "AM" or
 * "PM". Empty parts are absent. The precision is that of the last part given. */
typedef struct tl_date_parts {
    const char *year;
    const char *month;
    const char *day;
    const char *time;
} tl_date_parts;

tl_date_status tl_date_compose(const tl_date_parts *parts, const tl_date_context *ctx, tl_time *out,
                               char *label, size_t label_size, char *why, size_t why_size);

/* Writes the canonical label of a date that has no special form (a plain year, month, day or
 * time, with its qualifier flags) from lo, precision and flags, in UTC. Returns the length
 * (snprintf semantics). */
size_t tl_date_format_label(const tl_time *t, char *buf, size_t size);

/* Converts a wall-clock time in `zone` (seconds since the epoch as if it were UTC) to UTC.
 * A time that a daylight-saving change skips is moved forward by the gap (02:30 -> 03:30);
 * a time that occurs twice is the first occurrence. NULL zone: UTC. */
int64_t tl_date_zone_to_utc(tl_date_zone *zone, int64_t local);
/* The offset east of UTC, in seconds, of `zone` at the UTC instant t. */
int64_t tl_date_zone_offset(tl_date_zone *zone, int64_t t);

#endif /* TL_DATE_H */
