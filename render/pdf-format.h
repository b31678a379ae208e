/* PDF: the format's hooks for the table in render.c, the creation date PostScript shares, and
 * the links drawing puts on PDF surfaces. */
#ifndef TL_PDF_FORMAT_H
#define TL_PDF_FORMAT_H

#include <stddef.h>

#include <cairo.h>

#include "timeline/timeline.h"

#include "scene/scene.h"

/* A PDF surface writing to `write_func(closure, ...)`, the size of the scene's first page (of
 * the canvas without pages), with the document information from `opts` (the title defaults to
 * the scene's, the creator to "timeline VERSION") and tl_pdf_creation_date(); *scale is 1.
 * Returns NULL and sets *err (TL_ERROR_USAGE) when a metadata field is not valid UTF-8. */
cairo_surface_t *tl_pdf_create_surface(const tl_scene *scene, const tl_render_options *opts,
                                       cairo_write_func_t write_func, void *closure, double *scale,
                                       tl_error **err);
/* The size of the next page, after cairo_show_page(). */
void tl_pdf_set_page_size(cairo_surface_t *surface, double width, double height);
/* Adds the bookmarks to the eras and groups once the pages are drawn. */
void tl_pdf_add_outline(cairo_surface_t *surface, const tl_scene *scene);

/* Whether the document Cairo writes needs tl_pdf_rewrite(): when the scene has a language. */
bool tl_pdf_rewrites(const tl_scene *scene);
/* The document with the scene's language (/Lang) in its catalog, a new string of *out_len
 * bytes the caller frees; the document unchanged when it is not as Cairo writes it. */
char *tl_pdf_rewrite(const tl_scene *scene, const char *data, size_t len, size_t *out_len);

/* The document's creation date as ISO 8601 UTC ("2020-09-13T12:26:40Z"): SOURCE_DATE_EPOCH
 * when it is a number of seconds, else the epoch. Never the clock. */
void tl_pdf_creation_date(char *buf, size_t size);

/* The cairo_tag_begin() attributes of the link `op` carries when drawn on `cr`: an event's
 * label, date and mark link to its URL on PDF surfaces, and nothing links on others. A new
 * string the caller frees with g_free(); NULL for no link. */
char *tl_pdf_link_attributes(cairo_t *cr, const tl_scene *scene, const tl_op *op);

#endif /* TL_PDF_FORMAT_H */
