/* Glyph outlines for SVG: each glyph of each font is defined once in <defs>, as a <path> (or,
 * for a colour glyph that has no outline, such as an emoji, a PNG <image>), and every use of
 * it is a <use> at the glyph's origin. The outlines are Cairo's, from the same scaled fonts
 * Pango measured and the PNG and PDF draw with, so the SVG matches them. */
#ifndef TL_SVG_GLYPHS_H
#define TL_SVG_GLYPHS_H

#include <pango/pango.h>
#include <stdbool.h>

#include "common/tl-buf.h"

typedef struct tl_svg_glyphs tl_svg_glyphs;

tl_svg_glyphs *tl_svg_glyphs_new(void);
void tl_svg_glyphs_free(tl_svg_glyphs *g);

/* The number N of the definition with id "gN" for `glyph` of `font`, made on first use; 0 for
 * a glyph that draws nothing (a space). False when Cairo failed. */
bool tl_svg_glyphs_lookup(tl_svg_glyphs *g, PangoFont *font, PangoGlyph glyph, unsigned *id);

/* Appends <defs> holding every glyph looked up so far, in the order they were first used, or
 * nothing when there is none. */
void tl_svg_glyphs_append_defs(const tl_svg_glyphs *g, tl_buf *out);

#endif /* TL_SVG_GLYPHS_H */
