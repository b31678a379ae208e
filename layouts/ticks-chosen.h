/* What the axis shows when it is chosen (--ticks, --fiscal-year-start): quarters of the
 * calendar or of a fiscal year, ISO weeks, and a fixed step labelled as far as room allows.
 * ticks.c calls these. */
#ifndef TL_TICKS_CHOSEN_H
#define TL_TICKS_CHOSEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ticks.h"

/* The quarter (1-4) of the fiscal year that the month (1-12) falls in. */
int tl_ticks_quarter(const tl_ticks_request *rq, int month);
/* The fiscal year holding t: its start, its end, and its name ("2020" for calendar years,
 * "FY2025" for one that starts in April 2024 and ends in March 2025, named by its end unless
 * asked to be named by its start). */
void tl_ticks_fiscal_year(const tl_ticks_request *rq, int64_t t, int64_t *start, int64_t *end,
                          char *buf, size_t size);
/* The ISO 8601 week of t (1-53) and its week-year. */
int tl_ticks_iso_week(int64_t t, int64_t *week_year);
/* The ISO week-year holding t: from the Monday of its week 1 to that of the next. */
void tl_ticks_iso_year(int64_t t, int64_t *start, int64_t *end, char *buf, size_t size);
/* The week of t (1-53) and its year by the request's convention: ISO 8601 for weeks that start
 * on Monday, else week 1 is the one that holds 1 January (the US rule). */
int tl_ticks_week(const tl_ticks_request *rq, int64_t t, int64_t *week_year);
/* The week-year holding t by that convention: its start, its end, its name. */
void tl_ticks_week_year(const tl_ticks_request *rq, int64_t t, int64_t *start, int64_t *end,
                        char *buf, size_t size);
/* The label of the `unit` at t in the request's tick format for that unit, if it has one
 * (--tick-format); false, buf untouched, if not. */
bool tl_ticks_formatted(const tl_ticks_request *rq, tl_tick_unit unit, int64_t t, char *buf,
                        size_t size);
/* The unit (a --tiers row) holding t: its start, its end and its name on its own: "2024" or
 * "FY2025", "Q1", "Jan", "W07", "12", "09:00" (in the request's locale where it has one). */
void tl_ticks_unit_span(const tl_ticks_request *rq, tl_tick_unit unit, int64_t t, int64_t *start,
                        int64_t *end, char *buf, size_t size);
/* A chosen step: every tick kept; each label measured, and left out ("") where it would come
 * within `min_gap` of the last label kept or leave [left, right]. Sets out->thinned when a
 * label inside was left out. Returns false when the measurer fails. */
bool tl_ticks_label_chosen(const tl_text_measurer *m, const tl_font *font, const char *lang,
                           double min_gap, double left, double right, tl_ticks *out);

#endif /* TL_TICKS_CHOSEN_H */
