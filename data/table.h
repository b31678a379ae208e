/* A table of named cells, built row by row by an importer whose source is not a table
 * (TimelineJS JSON, Mermaid, Markwhen), then read by the columns reader exactly as CSV rows
 * are: the same roles, aliases, date grammar, warnings and plans. Each cell keeps the
 * position of the text it came from, so a warning names the source's own line and column.
 * Internal to data/. */
#ifndef TL_TABLE_H
#define TL_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "data/date.h"
#include "timeline/timeline.h"

typedef struct tl_table tl_table;

/* A new table for the source `path` (borrowed; it must outlive the table). */
tl_table *tl_table_new(const char *path);
void tl_table_free(tl_table *t);

/* Starts a row; the row's own position (for warnings about the whole row) is line:col. */
void tl_table_add_row(tl_table *t, unsigned long line, unsigned long col);
/* Sets a cell of the current row: `column` is a column name of csv-format.md ("start",
 * "title", "depends", ...). A second set of the same cell replaces the first. */
void tl_table_set(tl_table *t, const char *column, const char *text, unsigned long line,
                  unsigned long col);
/* The same with a text of `len` bytes. */
void tl_table_set_len(tl_table *t, const char *column, const char *text, size_t len,
                      unsigned long line, unsigned long col);
/* The current row's cell, or NULL when it was not set (or there is no row). */
const char *tl_table_get(const tl_table *t, const char *column);
/* Appends to a cell of the current row, with `sep` between the old text and the new (a
 * description continued over lines). */
void tl_table_append(tl_table *t, const char *column, const char *text, const char *sep,
                     unsigned long line, unsigned long col);
size_t tl_table_row_count(const tl_table *t);

/* What the source itself says of how it is read, over the options: the working week
 * (a tl_load_options_set_workdays() mask), holidays, and the order of numeric dates. */
void tl_table_set_workdays(tl_table *t, unsigned mask);
void tl_table_add_holiday(tl_table *t, tl_time day);
void tl_table_set_date_order(tl_table *t, tl_date_order order);

/* Reads the rows into `tl` (a fresh model, which may already hold the importer's notes and
 * warnings): the columns reader, then tl_load_complete(). `format` is the note that names
 * the format ("format: Mermaid gantt"). False with *err (tl is then the caller's to free)
 * when the table has no rows or no title or start, or the plan has a cycle. */
bool tl_table_load(tl_table *t, tl_timeline *tl, const tl_load_options *opts,
                   const char *format, tl_error **err);

#endif /* TL_TABLE_H */
