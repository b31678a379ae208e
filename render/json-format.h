/* JSON: the scene itself, as the format table's row in render.c writes it. */
#ifndef TL_JSON_FORMAT_H
#define TL_JSON_FORMAT_H

#include <stdbool.h>
#include <stdio.h>

#include "timeline/timeline.h"

#include "scene/scene.h"

/* Writes the scene's JSON (tl_scene_to_json()) to `fp`, then flushes it; `opts` is not used.
 * Returns false and sets *err (TL_ERROR_IO naming `display`, NULL: "output") when a write
 * fails. */
bool tl_render_json_write(const tl_scene *scene, const tl_render_options *opts, FILE *fp,
                          const char *display, tl_error **err);

#endif /* TL_JSON_FORMAT_H */
