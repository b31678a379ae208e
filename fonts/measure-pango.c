/* The production text measurer: Pango layouts built exactly as the renderer builds them. */
#include "fonts-private.h"

static bool measure(void *user, const tl_font *font, const tl_text_shape *shape, const char *text,
                    tl_text_extents *out)
{
    tl_fonts *fonts = user;
    PangoLayout *layout = tl_fonts_layout_new(fonts, font, shape, text, false);
    if (!layout)
        return false;

    /* Logical extents (advances and line heights), not ink: boxes laid out side by side then
     * keep the font's spacing, and the renderer places the same rectangle. */
    PangoRectangle logical;
    pango_layout_get_extents(layout, NULL, &logical);
    out->width = pango_units_to_double(logical.width);
    out->height = pango_units_to_double(logical.height);
    /* The baseline is from the layout's top; the box starts at the logical rectangle's top. */
    out->baseline = pango_units_to_double(pango_layout_get_baseline(layout) - logical.y);
    out->lines = pango_layout_get_line_count(layout);
    out->ellipsized = pango_layout_is_ellipsized(layout);

    g_object_unref(layout);
    return true;
}

tl_text_measurer tl_fonts_measurer(tl_fonts *fonts)
{
    return (tl_text_measurer){.measure = measure, .user = fonts};
}
