/* The plan cells of a row, read by columns-row.c (columns-plan.c). Internal to data/. */
#ifndef TL_COLUMNS_PLAN_H
#define TL_COLUMNS_PLAN_H

#include <stdbool.h>

#include "data/columns.h"
#include "data/model-private.h"

/* Whether the header has a depends, duration or progress column. */
bool tl_columns_has_plan(const tl_columns *cols);

/* Fills `plan` from the row's depends, duration and progress cells (a malformed one warns at
 * its cell and is left out). False, with `plan` empty, when the header has none of them and
 * no id column (without which no start can be relative). */
bool tl_columns_read_plan(const tl_columns *cols, const tl_csv_row *row, const char *path,
                          tl_timeline *tl, tl_plan_row *plan);

/* Whether a start cell that is not a date is a start data/plan.c resolves: "after design",
 * "design.end+2d" (with an id column), or empty in a row with dependencies. 1: it is, and
 * `plan` says so; 0: it is not (the usual date warning follows); -1: it is malformed, with a
 * warning at `pos`. */
/* Whether the row has anything for data/plan.c to resolve: plan cells or a relative start. */
bool tl_columns_plan_used(const tl_plan_row *plan);

int tl_columns_plan_start(const tl_columns *cols, const char *start, tl_csv_pos pos,
                          const char *path, tl_timeline *tl, tl_plan_row *plan);

#endif /* TL_COLUMNS_PLAN_H */
