/* What the format files (pdf.c, ps.c, png.c, svg.c, json.c) share with the driver in render.c,
 * which holds the format table and draws every Cairo format the same way. */
#ifndef TL_RENDER_H
#define TL_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include "timeline/timeline.h"

#include "scene/scene.h"

/* Writes `len` bytes of a finished document and flushes `fp`; a failure, a full disk seen
 * only at the flush included, is TL_ERROR_IO naming `display` (NULL: "output"). */
bool tl_render_write_all(FILE *fp, const char *data, size_t len, const char *display,
                         tl_error **err);


#endif /* TL_RENDER_H */
