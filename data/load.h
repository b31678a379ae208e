/* What every importer shares (load.c): the steps after the last row, and the importers other
 * than CSV. Internal to data/. Importers of sources that are not tables build rows of named
 * cells (table.h). */
#ifndef TL_LOAD_H
#define TL_LOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "data/columns.h"
#include "timeline/timeline.h"

/* After the last row: the columns' summary notes, the plan resolved (data/plan.c) and the
 * model sorted. False with *err when the plan has a dependency cycle. */
bool tl_load_complete(tl_timeline *tl, tl_columns *cols, const tl_load_options *opts,
                      const char *path, tl_error **err);

/* CSV from a stream of which the first `head_len` bytes were already read into `head`
 * (csv-load.c): standard input, looked at to tell its format. */
tl_timeline *tl_csv_load_stream_after(FILE *fp, const char *head, size_t head_len,
                                      const char *path, const tl_load_options *opts,
                                      tl_error **err);

/* The format `data` looks like (load-detect.c): JSON, JSON Lines, TimelineJS JSON, Mermaid,
 * Markwhen, else CSV. `len` may be a prefix of the input. */
tl_input_format tl_input_format_sniff(const char *data, size_t len);

/* JSON (an array of event objects) or, with `lines`, JSON Lines (one object a line), from
 * memory (json-load.c). Keys are column names; errors and warnings name `path`. */
tl_timeline *tl_json_load(const char *data, size_t len, const char *path, bool lines,
                          const tl_load_options *opts, tl_error **err);

/* JSON Lines streamed from `fp` after `head_len` bytes already read from it into `head`:
 * memory bounded by the chart, not the file. */
tl_timeline *tl_jsonl_load_stream(FILE *fp, const char *head, size_t head_len, const char *path,
                                  const tl_load_options *opts, tl_error **err);

/* TimelineJS3 JSON (timelinejs-load.c), a Mermaid timeline or gantt diagram
 * (mermaid-load.c) and Markwhen (markwhen-load.c), from memory. */
tl_timeline *tl_timelinejs_load(const char *data, size_t len, const char *path,
                                const tl_load_options *opts, tl_error **err);
tl_timeline *tl_mermaid_load(const char *data, size_t len, const char *path,
                             const tl_load_options *opts, tl_error **err);
tl_timeline *tl_markwhen_load(const char *data, size_t len, const char *path,
                              const tl_load_options *opts, tl_error **err);

#endif /* TL_LOAD_H */
