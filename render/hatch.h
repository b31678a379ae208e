/* The lines of a hatched rectangle, computed once for every backend so that they draw the
 * same hatch. */
#ifndef TL_HATCH_H
#define TL_HATCH_H

#include "scene/scene.h"

/* Width of the hatch's lines, in points. */
#define TL_HATCH_LINE_WIDTH 0.6

typedef void (*tl_hatch_line_fn)(void *user, double x1, double y1, double x2, double y2);

/* Calls `line` for each segment of the rectangle's hatch, clipped to its box. The lines lie on
 * a grid fixed to the canvas, not to the rectangle, so neighbouring bars' hatches line up. */
void tl_hatch_lines(const tl_rect_op *r, tl_hatch_line_fn line, void *user);

#endif /* TL_HATCH_H */
