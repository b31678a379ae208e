#include "options-private.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <glib.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "locale/locale.h"
#include "ticks.h"
#include "theme.h"

tl_layout_options *tl_layout_options_new(void)
{
    tl_layout_options *o = tl_xcalloc(1, sizeof *o);
    o->variant = TL_VARIANT_RIBBON;
    o->theme = TL_THEME_LIGHT;
    o->axis_breaks = true;
    return o;
}

static char *dup_or_null(const char *s)
{
    return s ? tl_xstrdup(s) : NULL;
}

tl_layout_options *tl_layout_options_copy(const tl_layout_options *opts)
{
    if (!opts)
        return NULL;
    tl_layout_options *o = tl_xmalloc(sizeof *o);
    *o = *opts;
    o->title = dup_or_null(opts->title);
    o->subtitle = dup_or_null(opts->subtitle);
    o->caption = dup_or_null(opts->caption);
    o->group_order = dup_or_null(opts->group_order);
    o->locale_tag = dup_or_null(opts->locale_tag);
    o->unit_name = dup_or_null(opts->unit_name);
    o->epoch_id = dup_or_null(opts->epoch_id);
    o->holidays = NULL;
    if (opts->nholidays) {
        o->holidays = tl_xmalloc(opts->nholidays * sizeof *o->holidays);
        memcpy(o->holidays, opts->holidays, opts->nholidays * sizeof *o->holidays);
    }
    if (o->zone)
        g_time_zone_ref(o->zone);
    for (size_t i = 0; i < sizeof o->tick_formats / sizeof *o->tick_formats; i++)
        o->tick_formats[i] = dup_or_null(opts->tick_formats[i]);
    /* Opened per run, never shared. */
    o->locale = NULL;
    o->format_locale = NULL;
    tl_style_set_copy(&o->style, &opts->style);
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
    free(opts->locale_tag);
    free(opts->holidays);
    free(opts->unit_name);
    free(opts->epoch_id);
    if (opts->zone)
        g_time_zone_unref(opts->zone);
    for (size_t i = 0; i < sizeof opts->tick_formats / sizeof *opts->tick_formats; i++)
        free(opts->tick_formats[i]);
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

bool tl_layout_options_set_locale(tl_layout_options *opts, const char *tag, tl_error **err)
{
    /* Checked here, so that a bad tag is a usage error at once. */
    if (tag && tag[0] && !tl_locale_check(tag, err))
        return false;
    set_text(&opts->locale_tag, tag);
    return true;
}

void tl_layout_options_set_direction(tl_layout_options *opts, tl_direction direction)
{
    opts->direction = direction;
}

bool tl_direction_from_name(const char *name, tl_direction *out)
{
    static const char *const names[] = {"auto", "ltr", "rtl"};
    for (size_t i = 0; name && i < sizeof names / sizeof *names; i++)
        if (strcmp(name, names[i]) == 0) {
            *out = (tl_direction)i;
            return true;
        }
    return false;
}

const char *const *tl_locale_catalogs(void)
{
    return tl_locale_catalog_tags();
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

bool tl_layout_options_set_ticks(tl_layout_options *opts, const char *spec, tl_error **err)
{
    static const char *const units[] = {"second", "minute", "hour",    "day",
                                        "week",   "month",  "quarter", "year"};
    static const tl_tick_unit values[] = {TL_TICK_SECOND,  TL_TICK_MINUTE, TL_TICK_HOUR,
                                          TL_TICK_DAY,     TL_TICK_WEEK,   TL_TICK_MONTH,
                                          TL_TICK_QUARTER, TL_TICK_YEAR};
    if (!spec || !*spec || strcmp(spec, "auto") == 0) {
        opts->ticks_fixed = false;
        return true;
    }
    char *end;
    long n = 1;
    const char *p = spec;
    if (*p >= '0' && *p <= '9') {
        n = strtol(p, &end, 10);
        p = end;
        while (*p == ' ')
            p++;
    } else if (*p == '-') {
        n = 0;
    }
    for (size_t i = 0; n >= 1 && n <= 100000 && i < sizeof units / sizeof *units; i++) {
        const size_t len = strlen(units[i]);
        if (strncmp(p, units[i], len) == 0 && (p[len] == '\0' || strcmp(p + len, "s") == 0)) {
            opts->ticks_fixed = true;
            opts->ticks_unit = (int)values[i];
            opts->ticks_every = n;
            return true;
        }
    }
    return tl_set_error(err, TL_ERROR_USAGE,
                        "invalid ticks \"%s\" (auto, or a step such as year, 5 years, quarter, "
                        "month, 2 weeks, day, 6 hours; at least 1)",
                        spec);
}

bool tl_layout_options_set_tiers(tl_layout_options *opts, const char *list, tl_error **err)
{
    static const char *const names[] = {"hour", "day", "week", "month", "quarter", "year"};
    static const tl_tick_unit units[] = {TL_TICK_HOUR,  TL_TICK_DAY,     TL_TICK_WEEK,
                                         TL_TICK_MONTH, TL_TICK_QUARTER, TL_TICK_YEAR};
    int tiers[3], n = 0;
    const char *p = list ? list : "";
    while (*p) {
        const char *end = strchr(p, ',');
        const size_t len = end ? (size_t)(end - p) : strlen(p);
        size_t u = 0;
        while (u < sizeof names / sizeof *names &&
               (strlen(names[u]) != len || strncmp(p, names[u], len) != 0))
            u++;
        bool repeated = false;
        for (int k = 0; u < sizeof names / sizeof *names && k < n; k++)
            repeated = repeated || tiers[k] == (int)units[u];
        if (u == sizeof names / sizeof *names || repeated || n == 3)
            return tl_set_error(err, TL_ERROR_USAGE,
                                "invalid tiers \"%s\" (up to three of year, quarter, month, week, "
                                "day, hour, each once, from the top: year,quarter,month)",
                                list);
        tiers[n++] = (int)units[u];
        p = end ? end + 1 : p + len;
    }
    memcpy(opts->tiers, tiers, (size_t)n * sizeof *tiers);
    opts->ntiers = n;
    return true;
}

bool tl_layout_options_set_tick_format(tl_layout_options *opts, const char *unit,
                                       const char *skeleton, tl_error **err)
{
    static const char *const names[] = {"second", "minute", "hour",    "day",
                                        "week",   "month",  "quarter", "year"};
    _Static_assert(sizeof names / sizeof *names == TL_TICK_UNITS, "one name a unit");
    _Static_assert(sizeof opts->tick_formats / sizeof *opts->tick_formats == TL_TICK_UNITS,
                   "one format a unit");
    size_t u = 0;
    while (u < TL_TICK_UNITS && (!unit || strcmp(unit, names[u]) != 0))
        u++;
    bool letters = skeleton != NULL;
    for (const char *p = skeleton; p && *p; p++)
        letters = letters && ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'));
    if (u == TL_TICK_UNITS || (skeleton && *skeleton && !letters))
        return tl_set_error(err, TL_ERROR_USAGE,
                            "invalid tick format \"%s=%s\" (a unit, second to year, and an ICU "
                            "date skeleton of letters: month=MMMM, year=yy, day=EEEd)",
                            unit ? unit : "", skeleton ? skeleton : "");
    free(opts->tick_formats[u]);
    opts->tick_formats[u] = skeleton && *skeleton ? tl_xstrdup(skeleton) : NULL;
    return true;
}

bool tl_layout_options_set_week_start(tl_layout_options *opts, const char *day)
{
    static const char *const days[] = {"monday", "tuesday",  "wednesday", "thursday",
                                       "friday", "saturday", "sunday"};
    for (int i = 0; day && i < 7; i++)
        if (g_ascii_strcasecmp(day, days[i]) == 0 ||
            (strlen(day) == 3 && g_ascii_strncasecmp(day, days[i], 3) == 0)) {
            opts->week_start = i;
            return true;
        }
    return false;
}

void tl_layout_options_set_fiscal_year(tl_layout_options *opts, int start_month, bool name_by_start)
{
    opts->fiscal_start = start_month >= 1 && start_month <= 12 ? start_month : 1;
    opts->fiscal_by_start = name_by_start;
}

bool tl_layout_options_set_time_zone(tl_layout_options *opts, const char *name, tl_error **err)
{
    GTimeZone *zone = NULL;
    if (name && *name) {
        zone = g_time_zone_new_identifier(name);
        if (!zone)
            return tl_set_error(err, TL_ERROR_USAGE,
                                "unknown time zone \"%s\" (expected an IANA name such as "
                                "Europe/Paris, UTC, or an offset such as +09:00)",
                                name);
    }
    if (opts->zone)
        g_time_zone_unref(opts->zone);
    opts->zone = zone;
    return true;
}

void tl_layout_options_set_numeric(tl_layout_options *opts, bool numeric, const char *unit)
{
    opts->numeric = numeric;
    set_text(&opts->unit_name, unit);
}

void tl_layout_options_set_scale(tl_layout_options *opts, tl_time_scale scale)
{
    opts->log_scale = scale == TL_TIME_SCALE_LOG;
}

void tl_layout_options_set_elapsed(tl_layout_options *opts, bool enable, const tl_time *epoch,
                                   tl_elapsed_style style, int base)
{
    opts->elapsed = enable;
    opts->has_epoch = epoch != NULL;
    opts->epoch = epoch ? epoch->lo : 0;
    opts->elapsed_style = style;
    opts->elapsed_base = base == 0 ? 0 : 1;
}

void tl_layout_options_set_epoch_event(tl_layout_options *opts, const char *id)
{
    set_text(&opts->epoch_id, id);
}

bool tl_elapsed_style_from_name(const char *name, tl_elapsed_style *out)
{
    static const char *const names[] = {"t", "day", "week", "month"};
    for (size_t i = 0; name && i < sizeof names / sizeof *names; i++)
        if (strcmp(name, names[i]) == 0) {
            *out = (tl_elapsed_style)i;
            return true;
        }
    return false;
}

void tl_layout_options_set_critical_path(tl_layout_options *opts, bool enable)
{
    opts->critical_path = enable;
}

void tl_layout_options_set_show_progress(tl_layout_options *opts, bool enable)
{
    opts->show_progress = enable;
}

/* Saturday and Sunday, bits 5 and 6. */
enum { WEEKEND = 0x60 };

void tl_layout_options_set_shade_days(tl_layout_options *opts, unsigned days_off)
{
    opts->shade_days = days_off & 0x7f;
}

void tl_layout_options_set_shade(tl_layout_options *opts, bool weekends, const tl_time *holidays,
                                 size_t count)
{
    opts->shade_days = weekends ? WEEKEND : 0;
    free(opts->holidays);
    opts->holidays = count ? tl_xmalloc(count * sizeof *holidays) : NULL;
    if (count)
        memcpy(opts->holidays, holidays, count * sizeof *holidays);
    opts->nholidays = count;
}

void tl_layout_options_set_axis_position(tl_layout_options *opts, tl_axis_position at)
{
    opts->axis_position = at;
}

bool tl_axis_position_from_name(const char *name, tl_axis_position *out)
{
    static const char *const names[] = {"auto", "top", "bottom", "both"};
    for (size_t i = 0; name && i < sizeof names / sizeof *names; i++)
        if (strcmp(name, names[i]) == 0) {
            *out = (tl_axis_position)i;
            return true;
        }
    return false;
}

void tl_layout_options_set_today(tl_layout_options *opts, const tl_time *today)
{
    opts->has_today = today != NULL;
    if (today)
        opts->today = *today;
}

void tl_layout_options_set_past(tl_layout_options *opts, tl_past past)
{
    opts->past = past;
}

bool tl_past_from_name(const char *name, tl_past *out)
{
    static const char *const names[] = {"show", "dim"};
    for (size_t i = 0; name && i < sizeof names / sizeof *names; i++)
        if (strcmp(name, names[i]) == 0) {
            *out = (tl_past)i;
            return true;
        }
    return false;
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

/* The public enumerations name the internal ones value for value, shapes apart. */
_Static_assert((int)TL_TEXT_BADGE == (int)TL_STYLE_FONT_BADGE &&
                   (int)TL_TEXT_BADGE + 1 == (int)TL_STYLE_FONT_COUNT,
               "tl_text_part follows tl_style_font");
_Static_assert((int)TL_LINE_MARKER == (int)TL_STYLE_LINE_MARKER &&
                   (int)TL_LINE_MARKER + 1 == (int)TL_STYLE_LINE_COUNT,
               "tl_line_kind follows tl_style_line");

bool tl_status_from_name(const char *name, tl_status *out)
{
    int s = tl_style_status_from_name(name);
    if (s < 0)
        return false;
    *out = (tl_status)s;
    return true;
}

bool tl_shape_from_name(const char *name, tl_shape *out)
{
    static const char *const names[] = {
        [TL_SHAPE_CIRCLE] = "circle", [TL_SHAPE_SQUARE] = "square", [TL_SHAPE_DIAMOND] = "diamond"};
    for (size_t i = 0; name && i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(name, names[i]) == 0) {
            *out = (tl_shape)i;
            return true;
        }
    }
    return false;
}

bool tl_text_part_from_name(const char *name, tl_text_part *out)
{
    int f = tl_style_font_from_name(name);
    if (f < 0)
        return false;
    *out = (tl_text_part)f;
    return true;
}

bool tl_line_kind_from_name(const char *name, tl_line_kind *out)
{
    int k = tl_style_line_from_name(name);
    if (k < 0)
        return false;
    *out = (tl_line_kind)k;
    return true;
}

/* Values from outside an enumeration (a cast int, TL_STATUS_OTHER) are refused. */
static bool check_status(tl_status status, tl_error **err)
{
    if ((unsigned)status < TL_STATUS_OTHER)
        return true;
    return tl_set_error(err, TL_ERROR_USAGE,
                        "invalid status %d (TL_STATUS_CONFIRMED to TL_STATUS_DISPUTED)",
                        (int)status);
}

static bool check_shape(tl_shape shape, tl_marker_shape *out, tl_error **err)
{
    switch (shape) {
    case TL_SHAPE_CIRCLE:
        *out = TL_MARKER_CIRCLE;
        return true;
    case TL_SHAPE_SQUARE:
        *out = TL_MARKER_SQUARE;
        return true;
    case TL_SHAPE_DIAMOND:
        *out = TL_MARKER_DIAMOND;
        return true;
    }
    return tl_set_error(err, TL_ERROR_USAGE,
                        "invalid shape %d (TL_SHAPE_CIRCLE, TL_SHAPE_SQUARE, TL_SHAPE_DIAMOND)",
                        (int)shape);
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

bool tl_layout_options_set_status_color(tl_layout_options *opts, tl_status status,
                                        const char *color, tl_error **err)
{
    tl_color c;
    if (!check_status(status, err) || !parse_color(color, &c, err))
        return false;
    opts->style.status_color[status] = c;
    opts->style.has_status_color[status] = true;
    return true;
}

bool tl_layout_options_set_group_shape(tl_layout_options *opts, const char *group, tl_shape shape,
                                       tl_error **err)
{
    tl_marker_shape sh = TL_MARKER_CIRCLE;
    if (!check_group(group, err) || !check_shape(shape, &sh, err))
        return false;
    tl_style_group *g = tl_style_set_group(&opts->style, group, true);
    g->shape = sh;
    g->has_shape = true;
    return true;
}

bool tl_layout_options_set_status_shape(tl_layout_options *opts, tl_status status, tl_shape shape,
                                        tl_error **err)
{
    tl_marker_shape sh = TL_MARKER_CIRCLE;
    if (!check_status(status, err) || !check_shape(shape, &sh, err))
        return false;
    opts->style.status_shape[status] = sh;
    opts->style.has_status_shape[status] = true;
    return true;
}

bool tl_layout_options_set_font_size(tl_layout_options *opts, tl_text_part part, double size,
                                     tl_error **err)
{
    if ((unsigned)part >= TL_STYLE_FONT_COUNT)
        return tl_set_error(err, TL_ERROR_USAGE,
                            "invalid text part %d (TL_TEXT_TITLE to TL_TEXT_BADGE)", (int)part);
    if (!(size >= 2 && size <= 100))
        return tl_set_error(err, TL_ERROR_USAGE, "font size of %s must be 2 to 100 pt",
                            tl_style_font_name((tl_style_font)part));
    opts->style.font_size[part] = size;
    return true;
}

bool tl_layout_options_set_line_width(tl_layout_options *opts, tl_line_kind line, double width,
                                      tl_error **err)
{
    if ((unsigned)line >= TL_STYLE_LINE_COUNT)
        return tl_set_error(err, TL_ERROR_USAGE, "invalid line %d (TL_LINE_AXIS to TL_LINE_MARKER)",
                            (int)line);
    if (!(width >= 0.1 && width <= 20))
        return tl_set_error(err, TL_ERROR_USAGE, "%s line width must be 0.1 to 20 pt",
                            tl_style_line_name((tl_style_line)line));
    opts->style.line_width[line] = width;
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
