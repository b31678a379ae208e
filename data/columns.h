/* Header row -> column map, and each data row -> a tl_event (or a warning). Internal to data/.
 *
 * Header names match case-insensitively, ignoring spaces, '_', '-' and '.', so "Start Date",
 * "start_date" and "START-DATE" are all the start column. Aliases:
 *   start: start, date, from, start date, begin, when   end: end, to, until, end date, finish
 *   title: title, headline, event, label, name, task
 *   description: description, text, notes, details  group: group, category, lane, layer
 *   status   type   importance: importance, priority   color: color, colour
 * Unknown columns are ignored. A start and a title column are required. */
#ifndef TL_COLUMNS_H
#define TL_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

#include "data/csv-load.h"
#include "timeline/timeline.h"

typedef enum tl_column {
    TL_COLUMN_START,
    TL_COLUMN_END,
    TL_COLUMN_TITLE,
    TL_COLUMN_DESCRIPTION,
    TL_COLUMN_GROUP,
    TL_COLUMN_STATUS,
    TL_COLUMN_TYPE,
    TL_COLUMN_IMPORTANCE,
    TL_COLUMN_COLOR,
} tl_column;

enum { TL_COLUMN_COUNT = TL_COLUMN_COLOR + 1 };

/* Index value of a column the header does not have. */
#define TL_COLUMN_ABSENT ((size_t)-1)

typedef struct tl_columns {
    size_t index[TL_COLUMN_COUNT]; /* field index in a row, or TL_COLUMN_ABSENT */
    char *name[TL_COLUMN_COUNT];   /* the header cell as written (trimmed), owned; or NULL */
    size_t header_count;           /* number of fields in the header row */
} tl_columns;

/* The column a header name denotes; false for an unknown name. */
bool tl_columns_lookup(const char *name, tl_column *out);

/* The canonical name of a column ("start", "title", ...); static storage. */
const char *tl_columns_get_canonical_name(tl_column column);

/* Reads the header row (its fields are trimmed in place). A repeated column adds a warning to
 * `tl` and the first one wins. Returns false and sets *err (TL_ERROR_DATA,
 * "PATH:LINE: no "title" column (found: when, what)") when the start or the title column is
 * missing. `cols` must be cleared with tl_columns_clear() in either case. */
bool tl_columns_init(tl_columns *cols, tl_csv_row *header, const char *path, tl_timeline *tl,
                     tl_error **err);

/* Turns a data row into an event of `tl` (fields are trimmed in place). A row that cannot be
 * used is skipped with a warning "PATH:LINE:COL: message"; smaller problems (unknown status,
 * bad importance, unknown type, extra fields) add a warning and keep the row. */
void tl_columns_add_row(const tl_columns *cols, tl_csv_row *row, const char *path, tl_timeline *tl);

/* Frees what tl_columns_init() allocated. Safe on a zeroed or already cleared struct. */
void tl_columns_clear(tl_columns *cols);

#endif /* TL_COLUMNS_H */
