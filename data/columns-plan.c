/* The cells a project plan adds to a row (depends, duration, progress) and its relative
 * start: checked here as the row is read, with a warning at the cell for what is malformed;
 * resolved against the other rows by data/plan.c once every row is in. */
#include "data/columns-plan.h"

#include <string.h>

#include "data/columns-private.h"
#include "data/plan.h"

static tl_csv_pos cell_pos(const tl_columns *cols, const tl_csv_row *row, tl_column col,
                           const char **text)
{
    const size_t i = cols->index[col];
    if (i == TL_COLUMN_ABSENT || i >= row->count) {
        *text = "";
        return row->end;
    }
    *text = row->fields[i].text;
    return row->fields[i].pos;
}

bool tl_columns_has_plan(const tl_columns *cols)
{
    return cols->index[TL_COLUMN_DEPENDS] != TL_COLUMN_ABSENT ||
           cols->index[TL_COLUMN_DURATION] != TL_COLUMN_ABSENT ||
           cols->index[TL_COLUMN_PROGRESS] != TL_COLUMN_ABSENT;
}

bool tl_columns_read_plan(const tl_columns *cols, const tl_csv_row *row, const char *path,
                          tl_timeline *tl, tl_plan_row *plan)
{
    *plan = (tl_plan_row){.depends = "", .duration = "", .progress = -1};
    /* An id column alone allows relative starts ("after design"). */
    if (!tl_columns_has_plan(cols) && cols->index[TL_COLUMN_ID] == TL_COLUMN_ABSENT)
        return false;
    char a[QUOTE_BUF], why[128];
    const char *text;
    tl_csv_pos pos = cell_pos(cols, row, TL_COLUMN_DEPENDS, &text);
    if (text[0]) {
        tl_plan_ref refs[TL_PLAN_MAX_REFS];
        if (tl_plan_parse_depends(text, refs, TL_PLAN_MAX_REFS, why, sizeof why) < 0)
            tl_columns_warn(tl, path, pos, "invalid depends %s: %s; no dependency drawn",
                            tl_columns_quote(a, text), why);
        else
            plan->depends = text;
        plan->depends_line = pos.line;
        plan->depends_col = pos.column;
    }
    pos = cell_pos(cols, row, TL_COLUMN_DURATION, &text);
    if (text[0]) {
        tl_plan_amount amount;
        if (!tl_plan_parse_amount(text, strlen(text), &amount) || amount.n < 0)
            tl_columns_warn(tl, path, pos,
                            "invalid duration %s (expected a number and h, d, w, mo or y); "
                            "ignored",
                            tl_columns_quote(a, text));
        else
            plan->duration = text;
        plan->duration_line = pos.line;
        plan->duration_col = pos.column;
    }
    pos = cell_pos(cols, row, TL_COLUMN_PROGRESS, &text);
    if (text[0] && !tl_plan_parse_progress(text, &plan->progress)) {
        tl_columns_warn(tl, path, pos, "invalid progress %s (expected 0 to 100); ignored",
                        tl_columns_quote(a, text));
        plan->progress = -1;
    }
    return true;
}

int tl_columns_plan_start(const tl_columns *cols, const char *start, tl_csv_pos pos,
                          const char *path, tl_timeline *tl, tl_plan_row *plan)
{
    if (!start[0]) {
        if (!plan->depends[0])
            return 0;
    } else {
        if (cols->index[TL_COLUMN_ID] == TL_COLUMN_ABSENT)
            return 0;
        tl_plan_ref refs[TL_PLAN_MAX_REFS];
        char why[128], a[QUOTE_BUF];
        const int n = tl_plan_parse_relative(start, refs, TL_PLAN_MAX_REFS, why, sizeof why);
        if (n == 0)
            return 0;
        if (n < 0) {
            tl_columns_warn(tl, path, pos, "invalid start %s: %s", tl_columns_quote(a, start),
                            why);
            return -1;
        }
    }
    plan->start_pending = true;
    plan->start_line = pos.line;
    plan->start_col = pos.column;
    return 1;
}

bool tl_columns_plan_used(const tl_plan_row *plan)
{
    return plan->depends[0] || plan->duration[0] || plan->progress >= 0 || plan->start_pending;
}
