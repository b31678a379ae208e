/* Pagination's page furniture, shared by the pages of one scale (paginate.c) and the pages of
 * their own time windows (paginate-windows.c): the parts of the chart shown on a page, the
 * continued title, the numbers. Defined in paginate.c. */
#ifndef TL_PAGINATE_PAGE_H
#define TL_PAGINATE_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "fonts/measure.h"
#include "locale/locale.h"
#include "paginate-cuts.h"
#include "scene/scene.h"

#define TL_PAGE_MIN_SCALE 0.7 /* below this a page is hard to read */
#define TL_PAGE_MIN_TEXT 6.5  /* points on paper */

extern const tl_font tl_paginate_number_font;
extern const tl_color tl_paginate_number_color;

bool tl_paginate_measure(const tl_text_measurer *m, const tl_font *font, const char *text,
                         double wrap, tl_text_extents *ext, tl_error **err);
/* A text in the page's overlay, in page coordinates. */
void tl_paginate_overlay_text(tl_scene *scene, tl_page *page, const tl_font *font, const char *text,
                              double x, double y, const tl_text_extents *ext, double wrap,
                              tl_color color, tl_role role);
bool tl_paginate_has_part(const tl_scene *s, part p);
/* The smallest text size in the header and the plot: what a scale must keep legible. */
double tl_paginate_smallest_text(const tl_scene *s);
/* Events not drawn with their label (summarised ones included). */
size_t tl_paginate_unplaced(const tl_scene *s);
/* A viewport showing the ops of part p in src at (x, y), clipped to the content area below y. */
void tl_paginate_add_part(tl_scene *s, tl_page *page, part p, const double src[4], double x,
                          double y, double scale, const page_box *box);
void tl_paginate_header_src(const tl_scene *s, double src[4]);
void tl_paginate_footer_src(const tl_scene *s, double src[4]);
/* The title again, "(continued)" after it, at the top of the content area. */
bool tl_paginate_add_continued(tl_scene *s, tl_page *page, const page_box *box,
                               const tl_text_measurer *m, tl_locale *loc, tl_error **err);
/* "Page 2 of 5" centred in every page's bottom margin (none on a single page). */
bool tl_paginate_add_numbers(tl_scene *s, const page_box *box, const tl_text_measurer *m,
                             tl_locale *loc, tl_error **err);

#endif /* TL_PAGINATE_PAGE_H */
