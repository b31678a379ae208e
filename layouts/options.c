#include "options-private.h"

#include <stdlib.h>
#include <strings.h>

#include "common/tl-alloc.h"

tl_layout_options *tl_layout_options_new(void)
{
    tl_layout_options *o = tl_xcalloc(1, sizeof *o);
    o->variant = TL_VARIANT_RIBBON;
    o->theme = TL_THEME_LIGHT;
    o->axis_breaks = true;
    return o;
}

void tl_layout_options_free(tl_layout_options *opts)
{
    if (!opts)
        return;
    free(opts->title);
    free(opts->subtitle);
    free(opts->caption);
    free(opts->group_order);
    free(opts);
}

void tl_layout_options_set_variant(tl_layout_options *opts, tl_variant variant)
{
    opts->variant = variant;
}

void tl_layout_options_set_theme(tl_layout_options *opts, tl_theme theme)
{
    opts->theme = theme;
}

static void set_text(char **slot, const char *text)
{
    free(*slot);
    *slot = text && *text ? tl_xstrdup(text) : NULL;
}

void tl_layout_options_set_title(tl_layout_options *opts, const char *title)
{
    set_text(&opts->title, title);
}

void tl_layout_options_set_subtitle(tl_layout_options *opts, const char *subtitle)
{
    set_text(&opts->subtitle, subtitle);
}

void tl_layout_options_set_caption(tl_layout_options *opts, const char *caption)
{
    set_text(&opts->caption, caption);
}

void tl_layout_options_set_group_order(tl_layout_options *opts, const char *groups)
{
    set_text(&opts->group_order, groups);
}

void tl_layout_options_set_window(tl_layout_options *opts, const tl_time *from, const tl_time *to)
{
    opts->has_from = from != NULL;
    opts->has_to = to != NULL;
    opts->from = from ? from->lo : 0;
    opts->to = to ? to->hi : 0;
}

void tl_layout_options_set_axis_breaks(tl_layout_options *opts, bool enable)
{
    opts->axis_breaks = enable;
}

void tl_layout_options_set_size(tl_layout_options *opts, double width, double height)
{
    opts->width = width > 0 ? width : 0;
    opts->height = height > 0 ? height : 0;
}

void tl_layout_options_set_label_width(tl_layout_options *opts, double width)
{
    /* Written so that NaN counts as "not given". */
    opts->label_width = width > 0 && width <= TL_MAX_LABEL_WIDTH ? width : 0;
}

void tl_layout_options_set_markup(tl_layout_options *opts, bool enable)
{
    opts->markup = enable;
}

bool tl_variant_from_name(const char *name, tl_variant *out)
{
    static const struct {
        const char *name;
        tl_variant variant;
    } names[] = {{"ribbon", TL_VARIANT_RIBBON},
                 {"lanes", TL_VARIANT_LANES},
                 {"vertical", TL_VARIANT_VERTICAL}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcasecmp(name, names[i].name) == 0) {
            *out = names[i].variant;
            return true;
        }
    }
    return false;
}
