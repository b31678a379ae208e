/* Page setup: the page options. (Page sizes, lengths and margins as a user writes them are
 * read by the command line, in lib/page-setup.c.) */
#include "options-private.h"
#include "scene/scene.h"

/* The largest length accepted: Cairo's coordinates and PDF viewers give out long before. */
static const double MAX_LENGTH = 100000;

void tl_layout_options_set_page(tl_layout_options *opts, double width, double height)
{
    const bool valid = width > 0 && height > 0 && width <= MAX_LENGTH && height <= MAX_LENGTH;
    opts->page_width = valid ? width : 0;
    opts->page_height = valid ? height : 0;
}

void tl_layout_options_set_landscape(tl_layout_options *opts, bool landscape)
{
    opts->landscape = landscape;
}

void tl_layout_options_set_margins(tl_layout_options *opts, const double margins[4])
{
    for (int i = 0; i < 4; i++)
        opts->margins[i] = margins[i] > 0 && margins[i] <= MAX_LENGTH ? margins[i] : 0;
    opts->margins_set = true;
}

void tl_layout_options_set_pages(tl_layout_options *opts, int pages)
{
    opts->pages = pages > 0 ? pages : 0;
}

void tl_layout_options_set_fit_width(tl_layout_options *opts, bool fit_width)
{
    opts->fit_width = fit_width;
}

void tl_layout_options_set_page_scale(tl_layout_options *opts, tl_page_scale scale)
{
    opts->page_scale = scale == TL_PAGE_SCALE_UNIFORM ? TL_PAGE_SCALE_UNIFORM : TL_PAGE_SCALE_AUTO;
}

size_t tl_scene_get_page_count(const tl_scene *scene)
{
    return scene->page_count > 0 ? scene->page_count : 1;
}
