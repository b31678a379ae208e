/* Axis ticks in the reader's locale: labels through ICU skeletons, and, for a calendar other
 * than the Gregorian, ticks at that calendar's month and year starts. ticks.c calls these
 * when the chart has a locale. */
#ifndef TL_TICKS_LOCALE_H
#define TL_TICKS_LOCALE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "locale/locale.h"
#include "ticks.h"

/* The label of a tick of `unit` (every `every` units) at t: "11月", "नव॰", "2019年". */
void tl_ticks_locale_label(tl_locale *loc, tl_tick_unit unit, int64_t every, int64_t t, char *buf,
                           size_t size);
/* The larger unit of a two-tier axis holding t, in the locale's calendar: its start, its end
 * and its name ("2019年11月", "חשוון 5780"). */
void tl_ticks_locale_tier(tl_locale *loc, tl_tick_unit unit, int64_t t, int64_t *start,
                          int64_t *end, char *buf, size_t size);
/* Whether ticks of this unit follow the locale's calendar rather than the Gregorian one
 * (months and years of a Hebrew, Japanese, Persian... calendar). */
bool tl_ticks_locale_calendar(tl_locale *loc, tl_tick_unit unit, int64_t every);
/* Appends the month or year starts of the locale's calendar inside [t0, t1], every `every`
 * of them (counted in their year, or by year number); false at `limit` ticks. */
bool tl_ticks_locale_collect(tl_locale *loc, tl_tick_unit unit, int64_t every, int64_t t0,
                             int64_t t1, size_t limit, tl_ticks *out, size_t *cap);
/* The one-tier label (vertical axes): the larger unit named where it changes. Returns true
 * for a label that names a year alone (drawn in the band font). */
bool tl_ticks_locale_one_tier(tl_locale *loc, tl_tick_unit unit, const tl_tick *tk,
                              const int64_t *prev, char *buf, size_t size);

#endif /* TL_TICKS_LOCALE_H */
