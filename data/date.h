/* Date grammar and civil-calendar arithmetic. Pure functions: no TZ, no locale, no mktime. */
#ifndef TL_DATE_H
#define TL_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "timeline/timeline.h"

enum { TL_SECONDS_PER_DAY = 86400 };

/* Broken-down UTC time in the proleptic Gregorian calendar; year is astronomical (0 = 1 BCE). */
typedef struct tl_civil {
    int64_t year;
    int month;   /* 1..12 */
    int day;     /* 1..31 */
    int hour;    /* 0..23 */
    int minute;  /* 0..59 */
    int second;  /* 0..59 */
    int weekday; /* 1 = Monday .. 7 = Sunday (ISO) */
} tl_civil;

/* Days since 1970-01-01 of a civil date (month and day need not be normalised beyond
 * 1..12 / 1..31). */
int64_t tl_date_days_from_civil(int64_t year, int month, int day);
void tl_date_civil_from_days(int64_t days, int64_t *year, int *month, int *day);
int tl_date_days_in_month(int64_t year, int month);
bool tl_date_is_leap_year(int64_t year);

/* Seconds since the epoch of a civil date and time. */
int64_t tl_date_make(int64_t year, int month, int day, int hour, int minute, int second);
/* Splits seconds since the epoch into civil fields. */
void tl_date_split(int64_t t, tl_civil *out);

/* Parses one date cell, surrounding white space ignored. Accepts "2020", "2020-09",
 * "2020-09-16", "2020-10-07T12:30", "2020-10-07T12:30:15", optionally with "Z" or an offset
 * "+09:00" (normalised to UTC), and a space instead of "T". On failure returns false and sets
 * *why to a static explanation ("month 13 out of range"). */
bool tl_date_parse(const char *text, tl_time *out, const char **why);

/* As tl_date_parse(), but on failure writes an explanation that names the offending values
 * ("day 30 out of range for February 2019", "month 13 out of range") into `why` (NUL-terminated,
 * truncated to `why_size` bytes; `why` may be NULL when `why_size` is 0). tl_date_parse() gives
 * the same reasons without the values ("day out of range for the month"), as static strings.
 *
 * Grammar details shared by both: a year has exactly 4 digits, or a sign and 4 to 9 digits
 * ("-0499" is 500 BCE, astronomical numbering; "+12345"); month, day, hour, minute and second
 * have 2 digits; a fraction of a second (".250") is accepted and dropped; an offset or "Z" is
 * only accepted after a time; second 60 (leap second) and hour 24 are rejected. */
bool tl_date_parse_buf(const char *text, tl_time *out, char *why, size_t why_size);

/* Writes the date in ISO 8601 at its precision ("2019-11", "2020-09-16", "2020-10-07T12:30",
 * negative years as "-0499", years past 9999 as "+12345") into buf; returns the length
 * (snprintf semantics). Offsets are not kept: times print in UTC. */
size_t tl_date_format_iso(const tl_time *t, char *buf, size_t size);

#endif /* TL_DATE_H */
