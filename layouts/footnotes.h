/* Sources as footnotes: each event that may be labelled and has a source gets a superscript
 * number after its title (the same source text, the same number, numbered in chart order),
 * and the footer ends with the list "1. source text". Events that level of detail summarises
 * show no title, so their sources are not numbered. Also fills the scene's event table with
 * what output formats link to: the group, the checked URL and the source. */
#ifndef TL_FOOTNOTES_H
#define TL_FOOTNOTES_H

#include <stdbool.h>

#include "chart-text.h"

/* Fills the scene's event table with groups, links and sources (called by tl_chart_init()).
 * Unusable links add a scene warning. */
void tl_footnotes_init(tl_chart *c);
/* Numbers the sources of the events that may be labelled (all but the `count` chart event
 * indices in `unlabelled`) and gives those events their marked titles. Each variant calls it
 * once, after its level of detail has chosen and before any title is measured. */
void tl_footnotes_number(tl_chart *c, const size_t *unlabelled, size_t count);
/* Measures the list of sources for a footer `text_w` wide; *height is 0 without sources. */
bool tl_footnotes_measure(tl_chart *c, double text_w, double *height, tl_error **err);
/* Adds the list with its top-left corner at (x, y). */
void tl_footnotes_emit(tl_chart *c, double x, double y);
void tl_footnotes_free(tl_chart *c);

#endif /* TL_FOOTNOTES_H */
