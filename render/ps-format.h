/* PostScript and EPS: the formats' hooks for the table in render.c. */
#ifndef TL_PS_FORMAT_H
#define TL_PS_FORMAT_H

#include <stddef.h>

#include <cairo.h>

#include "timeline/timeline.h"

#include "scene/scene.h"

/* A level-3 PostScript surface writing to `write_func(closure, ...)`, the size of the scene's
 * first page (of the canvas without pages), with the title in the DSC header; *scale is 1.
 * Returns NULL and sets *err (TL_ERROR_USAGE) when the title is not valid UTF-8. */
cairo_surface_t *tl_ps_create_surface(const tl_scene *scene, const tl_render_options *opts,
                                      cairo_write_func_t write_func, void *closure, double *scale,
                                      tl_error **err);
/* As tl_ps_create_surface(), for EPS: the whole canvas as one page, whatever the pages. */
cairo_surface_t *tl_eps_create_surface(const tl_scene *scene, const tl_render_options *opts,
                                       cairo_write_func_t write_func, void *closure, double *scale,
                                       tl_error **err);
/* The size of the next page, after cairo_show_page(). */
void tl_ps_set_page_size(cairo_surface_t *surface, double width, double height);
/* The finished document of `len` bytes with its %%CreationDate set to tl_pdf_creation_date(),
 * in a new string of *out_len bytes that the caller frees. */
char *tl_ps_rewrite(const tl_scene *scene, const char *data, size_t len, size_t *out_len);

#endif /* TL_PS_FORMAT_H */
