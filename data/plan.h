/* Project plans: the grammar of the depends, duration and progress cells and of relative
 * starts (plan-parse.c), the working calendar (workcal.c), and the scheduling pass that turns
 * them into dates, links and slack (plan.c). Internal to data/; the model's side of a plan
 * (tl_plan_row, tl_link) is in model-private.h. */
#ifndef TL_PLAN_H
#define TL_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "data/model-private.h"

typedef enum tl_plan_unit {
    TL_PLAN_HOURS,
    TL_PLAN_DAYS,
    TL_PLAN_WEEKS,
    TL_PLAN_MONTHS,
    TL_PLAN_YEARS,
} tl_plan_unit;

/* "3d", "-1w", "1.5 days": an amount of time as written (its meaning depends on the working
 * calendar, so it is not turned into seconds here). */
typedef struct tl_plan_amount {
    double n;
    tl_plan_unit unit;
} tl_plan_amount;

/* One reference to another row: "design FS+2d" in a depends cell, "design.end+2d" or
 * "after design" in a start cell. `id` points into the parsed text. */
typedef struct tl_plan_ref {
    const char *id;
    size_t id_len;
    tl_link_type type;
    tl_plan_amount lag;
    size_t offset; /* of the reference in the cell, in bytes, for messages */
} tl_plan_ref;

/* Longest list of references one cell may hold. */
enum { TL_PLAN_MAX_REFS = 64 };

/* Parses an amount ("3d", "2 weeks", "4h", "1mo", "1y"; a bare number is days) filling the
 * whole of s[0..len). */
bool tl_plan_parse_amount(const char *s, size_t len, tl_plan_amount *out);

/* Parses a depends cell: ids separated by commas or spaces, each optionally followed by a
 * link type (FS, SS, FF, SF) and a lag ("build SS-1w", "design FS+2d", "qa +3d"). Returns the
 * count (0 for an empty cell), or -1 with a reason in `why`. */
int tl_plan_parse_depends(const char *cell, tl_plan_ref *refs, size_t max, char *why,
                          size_t why_size);

/* Parses a relative start: "after A B" (the latest of their ends), "A.end+2d", "A.start-1w".
 * Returns the count of references, 0 when the text is not a relative start at all, or -1 with
 * a reason in `why` when it is one but malformed. */
int tl_plan_parse_relative(const char *cell, tl_plan_ref *refs, size_t max, char *why,
                           size_t why_size);

/* Parses a progress cell: 0 to 100, "%" optional. */
bool tl_plan_parse_progress(const char *cell, double *out);

/* Parses "Mon-Fri", "Mon,Tue,Thu", "Sun-Thu" into a mask of days (bit 0 Monday .. bit 6
 * Sunday); false for another text or no day at all. */
bool tl_plan_parse_workdays(const char *text, unsigned *mask);
/* A day of the week by its English name or its first three letters, any case ("Mon",
 * "monday"): 0 Monday .. 6 Sunday; -1 for none. */
int tl_plan_day_index(const char *s, size_t len);

/* ---------------------------------------------------------------------------------------------
 * The working calendar: time measured in working seconds, so that durations and lags in
 * working days are sums, and the critical path method is arithmetic.
 * ------------------------------------------------------------------------------------------- */

typedef struct tl_workcal {
    unsigned mask;     /* working days of the week, bit 0 Monday; 0x7f: every day */
    int64_t *holidays; /* sorted day numbers (days since 1970-01-01) of holidays on working days */
    size_t nholidays;
    int per_week; /* days in the mask */
} tl_workcal;

/* A calendar of `mask` less the days of `holidays` (any precision: each day they cover). */
void tl_workcal_init(tl_workcal *cal, unsigned mask, const tl_time *holidays, size_t count);
void tl_workcal_clear(tl_workcal *cal);
bool tl_workcal_is_working_day(const tl_workcal *cal, int64_t day);
/* Working seconds from a fixed origin to instant t: a non-working day adds nothing. */
int64_t tl_workcal_to_work(const tl_workcal *cal, int64_t t);
/* The instant at working time w: at the start of a working day when w falls between days
 * (for starts), or at the end of the working day before (`as_end`, for ends). */
int64_t tl_workcal_from_work(const tl_workcal *cal, int64_t w, bool as_end);
/* Working time after `amount` from working time w: hours, days and weeks count working time
 * (a week is the mask's days); months and years move the calendar date. */
int64_t tl_workcal_add(const tl_workcal *cal, int64_t w, const tl_plan_amount *amount, int sign);

/* ---------------------------------------------------------------------------------------------
 * Scheduling
 * ------------------------------------------------------------------------------------------- */

/* Resolves the plan of a loaded timeline before tl_model_finish(): ids (a duplicate warns and
 * the first keeps it), dependencies (an unknown id warns, its arrow is dropped), relative
 * starts and durations in dependency order (a row whose start cannot be resolved is left out
 * with a warning), violated dependencies (a warning each), and the slack of every task by the
 * critical path method. False with *err (TL_ERROR_DATA) on a dependency cycle, named with each
 * row's line. Does nothing for a timeline without plan rows. */
bool tl_plan_resolve(tl_timeline *tl, const tl_workcal *cal, const char *path, tl_error **err);

#endif /* TL_PLAN_H */
