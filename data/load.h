/* What every importer shares (load.c): the steps after the last row, and the importers other
 * than CSV. Internal to data/. */
#ifndef TL_LOAD_H
#define TL_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "data/columns.h"
#include "timeline/timeline.h"

/* After the last row: the columns' summary notes, the plan resolved (data/plan.c) and the
 * model sorted. False with *err when the plan has a dependency cycle. */
bool tl_load_complete(tl_timeline *tl, tl_columns *cols, const tl_load_options *opts,
                      const char *path, tl_error **err);

/* JSON (an array of event objects) or, with `lines`, JSON Lines (one object a line), from
 * memory (json-load.c). Keys are column names; errors and warnings name `path`. */
tl_timeline *tl_json_load(const char *data, size_t len, const char *path, bool lines,
                          const tl_load_options *opts, tl_error **err);

#endif /* TL_LOAD_H */
