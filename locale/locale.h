/* The reader's locale for one chart: dates, numbers and chart words in that language, through
 * ICU (CLDR data) and the catalogs compiled from po/. A tl_locale holds the formatters it has
 * opened (once per chart, each on first use); it is not shared between threads. A chart
 * without a locale never opens one: its text is the English of layouts/ as it always was. */
#ifndef TL_LOCALE_H
#define TL_LOCALE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "timeline/timeline.h"

typedef struct tl_locale tl_locale;

/* Opens the locale of a BCP 47 tag ("ja", "zh-Hans", "ar-EG", "ja-u-ca-japanese",
 * "hi-u-nu-latn"). Fails with TL_ERROR_USAGE naming the tag for a malformed tag, a language ICU
 * has no data for, or a calendar it does not know; with TL_ERROR_CONFIG when ICU cannot be
 * loaded. */
bool tl_locale_open(const char *tag, tl_locale **out, tl_error **err);
void tl_locale_free(tl_locale *loc);
/* Checks a tag as tl_locale_open() does, without opening formatters. */
bool tl_locale_check(const char *tag, tl_error **err);

/* The tag, canonical ("ja-u-ca-japanese"). */
const char *tl_locale_tag(const tl_locale *loc);
/* The language for text shaping and the documents' lang attributes: language, script and
 * region as given, without extensions ("ja", "zh-Hans", "ar-EG"). */
const char *tl_locale_language(const tl_locale *loc);
/* Whether the locale's script is written from right to left (ar, he, fa, ur). */
bool tl_locale_is_rtl(const tl_locale *loc);
/* The catalog the chart words come from ("zh-Hans"), or NULL: English words. */
const char *tl_locale_catalog(const tl_locale *loc);
/* Whether the words are English because no catalog matches a language that is not English
 * (the caller warns once). */
bool tl_locale_lacks_catalog(const tl_locale *loc);
/* The calendar dates are written in ("gregorian", "japanese", "hebrew"). */
const char *tl_locale_calendar(const tl_locale *loc);
/* Whether some date was outside what the calendar can name and was written in the
 * Gregorian calendar instead (a Japanese era before Meiji). */
bool tl_locale_fell_back(const tl_locale *loc);

/* The instant t (seconds since 1970, UTC) through a date skeleton ("y", "MMM", "d", "Hm",
 * "yMMM", "yMMMd", "yQQQ"): the locale's own pattern for those fields. Years before 1 in the
 * Gregorian calendar get the era ("500 BC", "紀元前500年"). Writes at most size bytes, NUL
 * included; returns the length (0 on failure, buf ""). */
size_t tl_locale_date(tl_locale *loc, int64_t t, const char *skeleton, char *buf, size_t size);
/* The interval [a, b] in the locale's interval form for a skeleton ("Dec 2019 – Mar 2020",
 * "2019年12月～2020年3月"), fields they share written once. */
size_t tl_locale_interval(tl_locale *loc, int64_t a, int64_t b, const char *skeleton, char *buf,
                          size_t size);
/* A whole number in the locale's digits, with its grouping ("9,924", "٩٬٩٢٤") or without it
 * (a year: "1940"). */
size_t tl_locale_number(tl_locale *loc, int64_t v, bool grouped, char *buf, size_t size);
/* A number with at most `decimals` fraction digits. */
size_t tl_locale_decimal(tl_locale *loc, double v, int decimals, char *buf, size_t size);

/* A chart word or phrase: the catalog's pattern for (context, msgid), or msgid itself, an ICU
 * MessageFormat pattern, formatted with up to three arguments. Each argument is given both as
 * text and as a number; the pattern decides which it reads ({0} the text, {0, plural, ...} the
 * number). */
enum { TL_LOCALE_MAX_ARGS = 3 };
typedef struct tl_locale_arg {
    const char *text;
    double number;
} tl_locale_arg;
size_t tl_locale_message(tl_locale *loc, const char *context, const char *msgid,
                         const tl_locale_arg *args, size_t nargs, char *buf, size_t size);

/* Items joined as the language lists them ("A, B and C", "A、B、C"). */
size_t tl_locale_list(tl_locale *loc, const char *const *items, size_t n, char *buf, size_t size);

/* Calendar boundaries in the locale's calendar, for axis ticks. */
typedef enum tl_locale_field {
    TL_LOCALE_ERA,
    TL_LOCALE_YEAR, /* of the era, as ICU counts it */
    TL_LOCALE_MONTH,
} tl_locale_field;
/* Whether the calendar is the proleptic Gregorian one the axis already ticks in. */
bool tl_locale_is_gregorian(const tl_locale *loc);
/* Whether its months and years start when the Gregorian ones do (the Japanese, Buddhist and
 * Minguo calendars count years their own way), so that "Nov 2019" is one of its months. */
bool tl_locale_months_align(const tl_locale *loc);
/* The start of the month (of the locale's calendar) that holds t. */
int64_t tl_locale_month_start(tl_locale *loc, int64_t t);
/* The start of the next month. */
int64_t tl_locale_next_month(tl_locale *loc, int64_t month_start);
/* A field of t in the locale's calendar (month 0-based as ICU counts). */
int64_t tl_locale_get(tl_locale *loc, int64_t t, tl_locale_field field);

/* Every catalog shipped, as a NULL-terminated array of tags. */
const char *const *tl_locale_catalog_tags(void);

#endif /* TL_LOCALE_H */
