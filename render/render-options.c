/* tl_render_options: how outputs are written, with defaults that give the same bytes on every
 * run. */
#include "render-options-private.h"

#include <stdlib.h>

#include "common/tl-alloc.h"

/* pdf_title stays NULL: the chart's title, which only the scene knows; pdf_creator NULL is
 * "timeline VERSION" (pdf.c). */
static const tl_render_options defaults = {
    .dpi = 96,
    .scale = 1,
};

const tl_render_options *tl_render_options_defaults(void)
{
    return &defaults;
}

tl_render_options *tl_render_options_new(void)
{
    tl_render_options *opts = tl_xmalloc(sizeof *opts);
    *opts = defaults;
    return opts;
}

void tl_render_options_free(tl_render_options *opts)
{
    if (!opts)
        return;
    free(opts->pdf_author);
    free(opts->pdf_subject);
    free(opts->pdf_keywords);
    free(opts->pdf_title);
    free(opts->pdf_creator);
    free(opts);
}

void tl_render_options_set_dpi(tl_render_options *opts, double dpi)
{
    opts->dpi = dpi;
}

double tl_render_options_get_dpi(const tl_render_options *opts)
{
    return opts->dpi;
}

void tl_render_options_set_scale(tl_render_options *opts, double scale)
{
    opts->scale = scale;
}

double tl_render_options_get_scale(const tl_render_options *opts)
{
    return opts->scale;
}

void tl_render_options_set_svg_text(tl_render_options *opts, bool enable)
{
    opts->svg_text = enable;
}

/* Replaces an owned string with a copy of `value` (NULL stays NULL). */
static void set_string(char **field, const char *value)
{
    char *copy = value ? tl_xstrdup(value) : NULL;
    free(*field);
    *field = copy;
}

void tl_render_options_set_pdf_title(tl_render_options *opts, const char *title)
{
    set_string(&opts->pdf_title, title);
}

void tl_render_options_set_pdf_author(tl_render_options *opts, const char *author)
{
    set_string(&opts->pdf_author, author);
}

void tl_render_options_set_pdf_subject(tl_render_options *opts, const char *subject)
{
    set_string(&opts->pdf_subject, subject);
}

void tl_render_options_set_pdf_keywords(tl_render_options *opts, const char *keywords)
{
    set_string(&opts->pdf_keywords, keywords);
}

void tl_render_options_set_pdf_creator(tl_render_options *opts, const char *creator)
{
    set_string(&opts->pdf_creator, creator);
}
