/* Preparing text for shaping: what a Pango layout is given to set. */
#ifndef TL_FONTS_TEXT_PREP_H
#define TL_FONTS_TEXT_PREP_H

#include <pango/pango.h>
#include <stdbool.h>

#include "measure.h"

/* Sets `text` on `layout`, whose font, width and line limit are set for `font` and `shape`:
 * markup parsed when shape->markup (text that is not accepted markup is set as written and
 * sets *markup_invalid), each script run tagged with its language, a strike-through line when
 * `strike`, and a line limit that holds across paragraphs. */
void tl_fonts_layout_set_text(PangoLayout *layout, const tl_font *font, const tl_text_shape *shape,
                              const char *text, bool strike, bool *markup_invalid);

#endif /* TL_FONTS_TEXT_PREP_H */
