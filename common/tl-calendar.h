/* Civil-calendar arithmetic and the few calendar words every layer shares: days <-> civil
 * dates in the proleptic Gregorian calendar with astronomical years (year 0 is 1 BCE), English
 * month names, a year as chart text and a date in ISO 8601.
 *
 * Integer arithmetic only: nothing here calls mktime/strptime/localtime/gmtime, whose results
 * depend on TZ and the locale. days_from_civil and civil_from_days are Howard Hinnant's
 * algorithms ("chrono-Compatible Low-Level Date Algorithms"), exact over the whole int64 day
 * range the date grammar allows. */
#ifndef TL_CALENDAR_H
#define TL_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "timeline/timeline.h"

enum { TL_SECONDS_PER_DAY = 86400 };

/* Broken-down UTC time; year is astronomical (0 = 1 BCE). */
typedef struct tl_civil {
    int64_t year;
    int month;   /* 1..12 */
    int day;     /* 1..31 */
    int hour;    /* 0..23 */
    int minute;  /* 0..59 */
    int second;  /* 0..59 */
    int weekday; /* 1 = Monday .. 7 = Sunday (ISO) */
} tl_civil;

/* Floor division (rounds towards minus infinity); b > 0. */
int64_t tl_cal_floor_div(int64_t a, int64_t b);

/* Days since 1970-01-01 of a civil date (month and day need not be normalised beyond
 * 1..12 / 1..31). */
int64_t tl_cal_days_from_civil(int64_t year, int month, int day);
void tl_cal_civil_from_days(int64_t days, int64_t *year, int *month, int *day);
int tl_cal_days_in_month(int64_t year, int month);
bool tl_cal_is_leap_year(int64_t year);

/* Seconds since the epoch of a civil date and time. */
int64_t tl_cal_make(int64_t year, int month, int day, int hour, int minute, int second);
/* Splits seconds since the epoch into civil fields. */
void tl_cal_split(int64_t t, tl_civil *out);
/* SOURCE_DATE_EPOCH (reproducible-builds.org): decimal seconds since the epoch, plain digits
 * only (no sign, no blanks), up to 9999-12-31T23:59:59Z. True, with *seconds, when it is set
 * and valid. */
bool tl_cal_source_date_epoch(int64_t *seconds);
/* t moved by whole calendar months (back when negative): the same day of the month and time,
 * the day clamped to the last of a shorter month (31 January + 1 month: 28 or 29 February). */
int64_t tl_cal_add_months(int64_t t, int64_t months);

/* "Jan".."Dec" and "January".."December" for month 1..12; "?" for any other value. Static
 * strings. */
const char *tl_cal_month_abbr(int month);
const char *tl_cal_month_name(int month);

/* A year as chart text: "2019", "43", "500 BCE" (astronomical -499). Returns the length
 * written, clamped to size - 1. */
size_t tl_cal_format_year(int64_t astronomical_year, char *buf, size_t size);

/* Writes the date in ISO 8601 at its precision ("2019-11", "2020-09-16", "2020-10-07T12:30",
 * negative years as "-0499", years past 9999 as "+12345") into buf; returns the length
 * (snprintf semantics). Offsets are not kept: times print in UTC. */
size_t tl_cal_format_iso(const tl_time *t, char *buf, size_t size);

#endif /* TL_CALENDAR_H */
