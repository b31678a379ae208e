/* Sources as footnotes: each event with a source gets a superscript number after its title
 * (the same source text, the same number, numbered in chart order), and the footer ends with
 * the list "1. source text". Also fills the scene's event table with what output formats link
 * to: the group, the checked URL and the source. */
#ifndef TL_FOOTNOTES_H
#define TL_FOOTNOTES_H

#include <stdbool.h>

#include "chart-text.h"

/* Numbers the sources and gives the chart's events their marked titles (after
 * tl_chart_init() filled the event table). Unusable links add a scene warning. */
void tl_footnotes_init(tl_chart *c);
/* Measures the list of sources for a footer `text_w` wide; *height is 0 without sources. */
bool tl_footnotes_measure(tl_chart *c, double text_w, double *height, tl_error **err);
/* Adds the list with its top-left corner at (x, y). */
void tl_footnotes_emit(tl_chart *c, double x, double y);
void tl_footnotes_free(tl_chart *c);

#endif /* TL_FOOTNOTES_H */
