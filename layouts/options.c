#include "options-private.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "theme.h"

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
    tl_style_set_free(&opts->style);
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

/* ---------------------------------------------------------------------------------------------
 * Style setters: each validates everything before it changes anything
 * ------------------------------------------------------------------------------------------- */

static bool parse_color(const char *text, tl_color *out, tl_error **err)
{
    if (text && tl_color_parse(text, out))
        return true;
    return tl_set_error(err, TL_ERROR_USAGE,
                        "invalid colour \"%s\" (#rgb, #rrggbb, #rrggbbaa or a CSS colour name)",
                        text ? text : "");
}

static int parse_status(const char *name, tl_error **err)
{
    int s = tl_style_status_from_name(name);
    if (s < 0)
        tl_set_error(err, TL_ERROR_USAGE,
                     "unknown status \"%s\" (confirmed, tentative, cancelled, postponed, "
                     "rescheduled, disputed)",
                     name ? name : "");
    return s;
}

static bool parse_shape(const char *name, tl_marker_shape *out, tl_error **err)
{
    if (tl_style_shape_from_name(name, out))
        return true;
    return tl_set_error(err, TL_ERROR_USAGE, "unknown shape \"%s\" (circle, square, diamond)",
                        name ? name : "");
}

static bool check_group(const char *group, tl_error **err)
{
    if (group && *group)
        return true;
    return tl_set_error(err, TL_ERROR_USAGE, "a group name cannot be empty");
}

bool tl_layout_options_set_group_color(tl_layout_options *opts, const char *group,
                                       const char *color, tl_error **err)
{
    tl_color c;
    if (!check_group(group, err) || !parse_color(color, &c, err))
        return false;
    tl_style_group *g = tl_style_set_group(&opts->style, group, true);
    g->color = c;
    g->has_color = true;
    return true;
}

bool tl_layout_options_set_status_color(tl_layout_options *opts, const char *status,
                                        const char *color, tl_error **err)
{
    tl_color c;
    int s = parse_status(status, err);
    if (s < 0 || !parse_color(color, &c, err))
        return false;
    opts->style.status_color[s] = c;
    opts->style.has_status_color[s] = true;
    return true;
}

bool tl_layout_options_set_group_shape(tl_layout_options *opts, const char *group,
                                       const char *shape, tl_error **err)
{
    tl_marker_shape sh;
    if (!check_group(group, err) || !parse_shape(shape, &sh, err))
        return false;
    tl_style_group *g = tl_style_set_group(&opts->style, group, true);
    g->shape = sh;
    g->has_shape = true;
    return true;
}

bool tl_layout_options_set_status_shape(tl_layout_options *opts, const char *status,
                                        const char *shape, tl_error **err)
{
    tl_marker_shape sh;
    int s = parse_status(status, err);
    if (s < 0 || !parse_shape(shape, &sh, err))
        return false;
    opts->style.status_shape[s] = sh;
    opts->style.has_status_shape[s] = true;
    return true;
}

bool tl_layout_options_set_font_size(tl_layout_options *opts, const char *part, double size,
                                     tl_error **err)
{
    int f = tl_style_font_from_name(part);
    if (f < 0)
        return tl_set_error(err, TL_ERROR_USAGE,
                            "unknown text part \"%s\" (title, subtitle, caption, label, date, "
                            "body, tick, band, legend, badge)",
                            part ? part : "");
    if (!(size >= 2 && size <= 100))
        return tl_set_error(err, TL_ERROR_USAGE, "font size of %s must be 2 to 100 pt", part);
    opts->style.font_size[f] = size;
    return true;
}

bool tl_layout_options_set_line_width(tl_layout_options *opts, const char *line, double width,
                                      tl_error **err)
{
    int k = tl_style_line_from_name(line);
    if (k < 0)
        return tl_set_error(err, TL_ERROR_USAGE,
                            "unknown line \"%s\" (axis, stem, mark, bar, grid, marker)",
                            line ? line : "");
    if (!(width >= 0.1 && width <= 20))
        return tl_set_error(err, TL_ERROR_USAGE, "%s line width must be 0.1 to 20 pt", line);
    opts->style.line_width[k] = width;
    return true;
}

bool tl_layout_options_set_background(tl_layout_options *opts, const char *color, tl_error **err)
{
    tl_color c = {0};
    if (color && strcasecmp(color, "transparent") != 0 && !parse_color(color, &c, err))
        return false;
    opts->style.has_background = color != NULL;
    opts->style.background = c;
    return true;
}
