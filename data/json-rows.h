/* JSON objects -> rows of the columns reader, for the JSON and JSON Lines importers
 * (json-load.c). Internal to data/.
 *
 * The columns reader needs its header before the first row. A JSON array is in memory whole,
 * so its header is every key of every object. JSON Lines streams: its header is the keys of
 * the first TL_JSON_LOOKAHEAD objects (kept until then), and in our own layout every role no
 * key of those names yet, so that a key first used later ("end" on the millionth line) still
 * finds its column. */
#ifndef TL_JSON_ROWS_H
#define TL_JSON_ROWS_H

#include <json-glib/json-glib.h>
#include <stdbool.h>
#include <stddef.h>

#include "timeline/timeline.h"

enum { TL_JSON_LOOKAHEAD = 1000 };

typedef struct tl_json_rows tl_json_rows;

/* Rows for `tl` (borrowed) from the source `path` (borrowed). `lookahead`: the number of
 * objects whose keys make the header (SIZE_MAX: all of them). */
tl_json_rows *tl_json_rows_new(const char *path, tl_timeline *tl, const tl_load_options *opts,
                               size_t lookahead);
/* Takes an object whose text starts at line:col (a reference to `node` is kept while the
 * header is not settled). False with *err when settling the header fails. */
bool tl_json_rows_add(tl_json_rows *r, JsonNode *node, unsigned long line, unsigned long col,
                      tl_error **err);
/* After the last object: adds the rows still kept, the note `format`, and completes the
 * timeline (tl_load_complete()). False with *err for no objects, a missing column or a
 * dependency cycle. */
bool tl_json_rows_finish(tl_json_rows *r, const char *format, tl_error **err);
void tl_json_rows_free(tl_json_rows *r);

/* Whether the header is settled (after the lookahead's objects). */
bool tl_json_rows_settled(const tl_json_rows *r);

/* Rows for a later part of the same source read on another thread into `part` (a fresh
 * model): the header and columns of `r`, which must be settled and outlive the fork. The
 * fork takes only rows that need no earlier ones (tl_columns_row_is_local()); it refuses the
 * first other one, and then takes no more. */
tl_json_rows *tl_json_rows_fork(const tl_json_rows *r, tl_timeline *part);
/* Whether the fork refused a row (the last one it was given). */
bool tl_json_rows_refused(const tl_json_rows *fork);
/* After the part has been appended to r's timeline: the fork's counts and the keys it met
 * first, noted as r would have. Frees the fork. */
void tl_json_rows_merge(tl_json_rows *r, tl_json_rows *fork);

/* json-glib parses recursively, so nesting deep enough overflows the stack: a document
 * nested deeper than this is refused before it is parsed (json-util.c). */
enum { TL_JSON_MAX_DEPTH = 256 };
bool tl_json_check_depth(const char *data, size_t len, const char *path, unsigned long first_line,
                         tl_error **err);
/* json-glib's error (which names its own "<data>" and a position) as ours, naming `path`;
 * with `line` > 0 (JSON Lines, parsed a line at a time) at that line. Returns false. */
bool tl_json_parse_error(const char *path, unsigned long line, const GError *gerr,
                         tl_error **err);

#endif /* TL_JSON_ROWS_H */
