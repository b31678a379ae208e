/* Calendar-aware axis ticks. Pure: the result depends only on the arguments. */
#ifndef TL_TICKS_H
#define TL_TICKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/tl-calendar.h"
#include "fonts/measure.h"
#include "scale.h"

struct tl_locale;

typedef enum tl_tick_unit {
    TL_TICK_SECOND,
    TL_TICK_MINUTE,
    TL_TICK_HOUR,
    TL_TICK_DAY,
    TL_TICK_WEEK,
    TL_TICK_MONTH,
    TL_TICK_QUARTER, /* three months, of the calendar or of a fiscal year */
    TL_TICK_YEAR,
} tl_tick_unit;

typedef struct tl_tick {
    int64_t t;
    double x;
    char label[96];
    tl_text_extents extents; /* of the label, measured */
} tl_tick;

/* A second tier under the ticks, naming the larger unit they belong to ("2020" under the
 * months, "Oct 2020" under the days). */
typedef struct tl_tick_span {
    int64_t t0, t1; /* the larger unit's interval, clipped to the scale's domain */
    double x0, x1;
    char label[96]; /* "" when it does not fit its interval */
    tl_text_extents extents;
} tl_tick_span;

typedef struct tl_ticks {
    tl_tick *items;
    size_t count;
    tl_tick_unit unit;
    int64_t step;        /* in units (months for quarters: 3) */
    tl_tick_span *spans; /* second tier, or NULL for single-tier axes (years and up) */
    /* A chosen step too dense for its labels: some ticks are left unlabelled (label ""). */
    bool thinned;
    size_t span_count;
} tl_ticks;

/* Chooses the densest step of the calendar ladder (1/5/15/30 s, 1/5/15/30 min, 1/3/6/12 h,
 * day, ISO week, 1/3/6 months, 1/2/5/10/25/50/100/250/500/1000 years, then thousands and
 * millions of years before present) whose labels, set in `font` and centred on their ticks,
 * keep `min_gap` points apart and stay within [left, right]. Ticks lie inside the scale's
 * domain; month and year ticks fall on calendar boundaries. Below a year the axis has two
 * tiers: short tick labels ("Jan", "7", "09:00") over spans naming the larger unit ("2020",
 * "Oct 2020", "7 Oct 2020"). Deep time (steps of 10,000 years and more) is labelled before
 * present (1950): "20 ka", "2.5 Ma". With a request (else NULL): its locale's labels ("11月",
 * "2019年") and calendar; a chosen step, every tick kept and those labels that would collide
 * left out (out->thinned); fiscal quarters ("Q1" under "FY2025"); a chosen week step is
 * labelled by ISO week ("W53") under the ISO week-year. Returns false when the measurer fails.
 * The caller frees `out` with tl_ticks_free(). */
/* A step of ticks: every n units. */
typedef struct tl_tick_step {
    tl_tick_unit unit;
    int64_t n;
} tl_tick_step;

enum { TL_TICK_UNITS = TL_TICK_YEAR + 1 };

typedef struct tl_ticks_request {
    struct tl_locale *loc; /* the reader's locale, or NULL: English, Gregorian */
    /* --tick-format: an ICU skeleton per unit (NULL: the axis's own words), written through
     * `format_loc` (the locale, or English when the chart has none). */
    const char *const *formats;
    struct tl_locale *format_loc;
    bool fixed;            /* this step (`unit`, `every`), not the densest that fits */
    tl_tick_unit unit;
    int64_t every;
    int fiscal_start;     /* the month fiscal years start (1: calendar years, quarters Q1-Q4) */
    /* The day weeks start on, 0 Monday (ISO 8601, the default) to 6 Sunday. Weeks that start
     * on another day are numbered as in the US: week 1 holds 1 January. */
    int week_start;
    bool fiscal_by_start; /* name a fiscal year by the year it starts in, not ends in */
    /* An elapsed-time axis: ticks from `epoch`, counted in `elapsed_style`, the epoch's day
     * (week, month) numbered `elapsed_base` (0 or 1); one tier. */
    bool rows_only; /* the caller makes the rows above the ticks (--tiers): no tier here */
    /* The wall clock the hours and days of the axis follow (GLib's GTimeZone, borrowed), or
     * NULL: UTC. */
    struct _GTimeZone *zone;
    /* A numeric axis: instants are values in thousandths, labelled with `unit_name`. */
    bool numeric;
    const char *unit_name;
    bool elapsed;
    int64_t epoch;
    tl_elapsed_style elapsed_style;
    int elapsed_base;
} tl_ticks_request;
bool tl_ticks_generate(const tl_scale *scale, const tl_text_measurer *measurer, const tl_font *font,
                       double min_gap, double left, double right, const tl_ticks_request *req,
                       tl_ticks *out);
void tl_ticks_free(tl_ticks *ticks);
/* How long a unit lasts in seconds: exactly from seconds to weeks, on average for months,
 * quarters and years. */
double tl_ticks_approx_seconds(tl_tick_unit unit);
/* Appends a tick at t (growing out->items, `cap` its capacity); false, nothing appended, when
 * out already holds `limit` ticks. */
bool tl_ticks_push(tl_ticks *out, size_t *cap, size_t limit, int64_t t);
/* A row of spans for a --tiers header: each `unit` (year, quarter, month, week, day, hour)
 * the scale's domain touches, named on its own ("2024", "FY2025", "Q1", "Jan", "W07", "12"),
 * labels centred and left out where they do not fit. The caller frees *spans. */
bool tl_ticks_row(const tl_ticks_request *rq, const tl_scale *scale, const tl_text_measurer *m,
                  const tl_font *font, tl_tick_unit unit, tl_tick_span **spans, size_t *count);

/* ---------------------------------------------------------------------------------------------
 * One-tier axes (a vertical line): no second tier names the larger unit, so the labels do
 * ------------------------------------------------------------------------------------------- */

/* Writes the label of a tick of `unit` on an axis without a second tier. The first label
 * (`prev` NULL) and any where a larger unit changes since `prev`, the civil time of the last
 * tick labelled, carry that unit ("Nov 2019", "Dec", "2020", "7 Oct 09:00"); years keep the
 * label tl_ticks_generate() gave them ("500 BCE", "20 ka"). `prev_t` is the last tick
 * labelled (when prev is not NULL); `rq` (or NULL) gives the locale and the fiscal year. Returns
 * true when the label is a year standing for its first month, which reads better set apart
 * (heavier) from the months. */
bool tl_ticks_label_one_tier(tl_tick_unit unit, const tl_tick *tk, const tl_civil *prev,
                             int64_t prev_t, const tl_ticks_request *rq, char *buf, size_t size);
/* How round a tick's date is, for choosing which ticks keep their labels when not all can:
 * the start of a year among months, of a month among days, of a day among hours, a century
 * among decades. Higher is rounder; 0 for the least round. */
int tl_ticks_roundness(tl_tick_unit unit, int64_t every, int64_t t);
/* Chooses which of `n` ticks, at positions `pos` (in order along the axis), keep their labels
 * `spacing` apart: one pass per `level`, highest first; within a pass a label keeps its
 * distance from those kept before it in the pass and from every label of a higher level, so
 * the roundest dates are labelled first and the others fill in where there is room. Ticks of
 * a level below 0 keep none. Sets shown[k]. */
void tl_ticks_thin(const double *pos, const int *level, size_t n, double spacing, bool *shown);
/* Whether every tick of `coarse` is also a tick of `fine`, so the finer step can fill in
 * between the coarser one's labels (months in years, days in months, but not weeks in
 * months). Sets on_coarse[k] (fine->count entries) to the coarse tick at fine tick k, or -1. */
bool tl_ticks_nest(const tl_ticks *coarse, const tl_ticks *fine, long *on_coarse);

#endif /* TL_TICKS_H */
