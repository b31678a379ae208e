/* Header row -> column roles (with known file layouts, "profiles"), and each data row -> a
 * tl_event (or a warning). Internal to data/.
 *
 * Header names match case-insensitively, ignoring spaces, '_', '-' and '.', so "Start Date",
 * "start_date" and "START-DATE" are all the start column. Our own names and aliases:
 *   start: start, date, from, start date, begin, when   end: end, to, until, end date, finish
 *   title: title, headline, event, label, name, task
 *   description: description, text, notes, details, tooltip
 *   group: group, category, lane, layer, tag, resource   status   type
 *   importance: importance, priority   color: color, colour
 *   url: url, link, href, website   source: source, sources, citation, reference
 *   sort: sort, sort order, sort key   group_order: group order, lane order
 *   id: id, key, task id   depends: depends, depends on, dependencies, predecessors
 *   duration: duration, length   progress: progress, percent complete, % complete, complete
 * A header that matches a profile's signature (profiles.c) is read with that profile's names
 * first. Unknown columns are ignored, each with a note. A start (or, in a TimelineJS sheet, a
 * Year) and a title column are required. */
#ifndef TL_COLUMNS_H
#define TL_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

#include "data/csv-reader.h"
#include "data/date.h"
#include "timeline/timeline.h"

typedef enum tl_column {
    /* Roles that tl_load_options_set_column() can assign. */
    TL_COLUMN_START,
    TL_COLUMN_END,
    TL_COLUMN_TITLE,
    TL_COLUMN_DESCRIPTION,
    TL_COLUMN_GROUP,
    TL_COLUMN_STATUS,
    TL_COLUMN_TYPE,
    TL_COLUMN_IMPORTANCE,
    TL_COLUMN_COLOR,
    TL_COLUMN_URL,
    TL_COLUMN_SOURCE,
    TL_COLUMN_SORT,
    TL_COLUMN_GROUP_ORDER,
    TL_COLUMN_ID, /* a name other options and rows refer to the event by (--epoch, depends) */
    TL_COLUMN_DEPENDS,  /* project plans (data/plan.h): ids this row follows */
    TL_COLUMN_DURATION, /* "3d", "2w": the end is the start plus this */
    TL_COLUMN_PROGRESS, /* percent done */
    /* Roles that only profiles give. */
    TL_COLUMN_YEAR, /* TimelineJS date parts */
    TL_COLUMN_MONTH,
    TL_COLUMN_DAY,
    TL_COLUMN_TIME,
    TL_COLUMN_END_YEAR,
    TL_COLUMN_END_MONTH,
    TL_COLUMN_END_DAY,
    TL_COLUMN_END_TIME,
    TL_COLUMN_DISPLAY_DATE, /* TimelineJS: replaces the event's date label */
    TL_COLUMN_BACKGROUND,   /* TimelineJS: the colour of an era */
    TL_COLUMN_START_APPROX, /* Preceden: yes/no */
    TL_COLUMN_END_APPROX,
    TL_COLUMN_MILESTONE, /* Preceden: yes makes a point */
} tl_column;

enum {
    TL_COLUMN_OVERRIDABLE = TL_COLUMN_PROGRESS + 1,
    TL_COLUMN_COUNT = TL_COLUMN_MILESTONE + 1,
};

/* Index value of a column the header does not have. */
#define TL_COLUMN_ABSENT ((size_t)-1)

typedef struct tl_profile tl_profile;

/* Longest status word remembered between rows (longer ones are looked up every time). */
enum { TL_COLUMNS_STATUS_CACHE = 32 };

typedef struct tl_columns {
    size_t index[TL_COLUMN_COUNT]; /* field index in a row, or TL_COLUMN_ABSENT */
    char *name[TL_COLUMN_COUNT];   /* the header cell as written (trimmed), owned; or NULL */
    size_t header_count;           /* number of fields in the header row */
    const tl_profile *profile;
    tl_date_context dates; /* order and zone; the zone is borrowed from the options */
    bool title_seen;
    size_t titles_from_text; /* TimelineJS rows without a headline, titled from their text */
    /* The last known status word and its value: most rows repeat it. */
    char last_status[TL_COLUMNS_STATUS_CACHE];
    int last_status_value;
} tl_columns;

/* The column a header name denotes in our own layout; false for an unknown name. */
bool tl_columns_lookup(const char *name, tl_column *out);

/* The role named by `name` ("start", "group_order", ...) among those an option may assign;
 * false for another name. */
bool tl_columns_role_from_name(const char *name, tl_column *out);

/* The canonical name of a column ("start", "title", "Year", ...); static storage. */
const char *tl_columns_get_canonical_name(tl_column column);

/* Reads the header row (its fields are trimmed in place): detects the profile, applies the
 * column overrides of `opts` (NULL for none), and adds notes (the profile, ignored columns)
 * to `tl`. A repeated column adds a warning and the first one wins. Returns false and sets
 * *err (TL_ERROR_DATA, "PATH:LINE: no "title" column (found: when, what)") when the start or
 * the title column is missing, or TL_ERROR_USAGE when an overriding name is not in the
 * header. `cols` must be cleared with tl_columns_clear() in either case. */
bool tl_columns_init(tl_columns *cols, tl_csv_row *header, const char *path, tl_timeline *tl,
                     const tl_load_options *opts, tl_error **err);

/* Turns a data row into an event of `tl` (fields are trimmed and may be rewritten in place).
 * A row that cannot be used is skipped with a warning "PATH:LINE:COL: message"; smaller
 * problems (unknown status, bad importance, unknown type, extra fields) add a warning and
 * keep the row. */
void tl_columns_add_row(tl_columns *cols, tl_csv_row *row, const char *path, tl_timeline *tl);

/* Whether tl_columns_add_row() can take `row` without the rows before it, so into a timeline
 * of its own: false for a title row and a row with a group_order, whose handling depends on
 * the earlier ones. Trims the two cells it reads in place. */
bool tl_columns_row_is_local(const tl_columns *cols, tl_csv_row *row);

/* Adds the notes that summarise the rows (after the last row). */
void tl_columns_finish(tl_columns *cols, tl_timeline *tl);

/* Frees what tl_columns_init() allocated. Safe on a zeroed or already cleared struct. */
void tl_columns_clear(tl_columns *cols);

#endif /* TL_COLUMNS_H */
