/* The option table: one row per option, with the handler that checks and applies its value.
 * Everything else about options (getopt_long, style files, -S, --print-config, --help, the
 * bash completion) is derived from these rows. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

/* ---------------------------------------------------------------------------------------------
 * Value parsers
 * ------------------------------------------------------------------------------------------- */

static bool parse_number(const char *text, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double v = g_ascii_strtod(text, &end);
    if (errno || end == text || *end || !isfinite(v) || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

static bool parse_bool(const char *text, bool *out)
{
    static const char *const yes[] = {"true", "yes", "on", "1"}, *const no[] = {"false", "no",
                                                                                "off", "0"};
    for (size_t i = 0; i < 4; i++) {
        if (g_ascii_strcasecmp(text, yes[i]) == 0)
            return (*out = true);
        if (g_ascii_strcasecmp(text, no[i]) == 0)
            return !(*out = false);
    }
    return false;
}

/* Takes the library's error as the reason. */
static bool why_error(tl_error *err, char **why)
{
    *why = g_strdup(err->message);
    tl_error_free(err);
    return false;
}

static void set_string(char **slot, const char *value)
{
    g_free(*slot);
    *slot = value && *value ? g_strdup(value) : NULL;
}

/* ---------------------------------------------------------------------------------------------
 * Handlers
 * ------------------------------------------------------------------------------------------- */

/* The generic handlers store into the cli field their row names. */
static void *field_of(cli *c, const cli_option *o)
{
    return (char *)c + o->field;
}

static bool set_text(cli *c, const cli_option *o, const char *v, char **why)
{
    set_string(field_of(c, o), v);
    return true;
}

static bool set_flag(cli *c, const cli_option *o, const char *v, char **why)
{
    if (parse_bool(v, field_of(c, o)))
        return true;
    *why = g_strdup_printf("expected true or false, got \"%s\"", v);
    return false;
}

static bool set_number(cli *c, const cli_option *o, const char *v, char **why)
{
    if (parse_number(v, o->min, o->max, field_of(c, o)))
        return true;
    *why =
        g_strdup_printf("expected %s from %g to %g, got \"%s\"",
                        strcmp(o->metavar, "PT") == 0 ? "points" : "a number", o->min, o->max, v);
    return false;
}

/* -o and -T come from the command line only, so the value outlives the run. */
static bool set_output(cli *c, const cli_option *o, const char *v, char **why)
{
    c->output = v;
    return true;
}

static bool set_format(cli *c, const cli_option *o, const char *v, char **why)
{
    tl_format f;
    if (!tl_format_from_name(v, &f)) {
        *why = g_strdup_printf("unknown format \"%s\" (svg, png, pdf, json, ps, eps)", v);
        return false;
    }
    c->format_name = v;
    return true;
}

static bool set_theme(cli *c, const cli_option *o, const char *v, char **why)
{
    if (tl_theme_from_name(v, &c->theme))
        return true;
    GString *names = g_string_new(NULL);
    for (int t = 0; tl_theme_get_name((tl_theme)t); t++)
        g_string_append_printf(names, "%s%s", t ? ", " : "", tl_theme_get_name((tl_theme)t));
    *why = g_strdup_printf("unknown theme \"%s\" (%s)", v, names->str);
    g_string_free(names, TRUE);
    return false;
}

static bool set_layout(cli *c, const cli_option *o, const char *v, char **why)
{
    if (tl_variant_from_name(v, &c->layout))
        return true;
    *why = g_strdup_printf("unknown layout \"%s\" (ribbon, lanes, vertical)", v);
    return false;
}

static bool set_date(cli *c, const cli_option *o, const char *v, char **why)
{
    bool from = strcmp(o->name, "from") == 0;
    tl_error *err = NULL;
    if (!*v) { /* "" in a style file or -S: no window on this side */
        *(from ? &c->has_from : &c->has_to) = false;
        return true;
    }
    if (!tl_time_parse(v, from ? &c->from : &c->to, &err))
        return why_error(err, why);
    *(from ? &c->has_from : &c->has_to) = true;
    set_string(from ? &c->from_text : &c->to_text, v);
    return true;
}

/* "now" is the one way the clock enters a chart: asked for by name, so builds stay
 * reproducible unless they ask. */
static bool set_today(cli *c, const cli_option *o, const char *v, char **why)
{
    if (!*v) {
        tl_layout_options_set_today(c->style, NULL);
        return true;
    }
    tl_time t;
    if (strcmp(v, "now") == 0) {
        const int64_t s = g_get_real_time() / G_USEC_PER_SEC;
        t = (tl_time){.lo = s, .hi = s, .precision = TL_PRECISION_SECOND};
    } else {
        tl_error *err = NULL;
        if (!tl_time_parse(v, &t, &err))
            return why_error(err, why);
    }
    tl_layout_options_set_today(c->style, &t);
    return true;
}

static bool set_tiers(cli *c, const cli_option *o, const char *v, char **why)
{
    tl_error *err = NULL;
    return tl_layout_options_set_tiers(c->style, v, &err) || why_error(err, why);
}

static bool set_tick_format(cli *c, const cli_option *o, const char *v, char **why)
{
    const char *eq = strchr(v, '=');
    if (!eq) {
        *why = g_strdup_printf("expected UNIT=SKELETON (month=MMMM), got \"%s\"", v);
        return false;
    }
    char *unit = g_strndup(v, (size_t)(eq - v));
    tl_error *err = NULL;
    const bool ok = tl_layout_options_set_tick_format(c->style, unit, eq + 1, &err);
    g_free(unit);
    return ok || why_error(err, why);
}

static bool set_ticks(cli *c, const cli_option *o, const char *v, char **why)
{
    tl_error *err = NULL;
    return tl_layout_options_set_ticks(c->style, v, &err) || why_error(err, why);
}

/* A month by number (4) or by name (April, apr). */
static bool set_fiscal_start(cli *c, const cli_option *o, const char *v, char **why)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    char *end;
    long m = strtol(v, &end, 10);
    if (end == v || *end) {
        m = 0;
        for (int i = 0; i < 12 && strlen(v) >= 3; i++)
            if (g_ascii_strncasecmp(v, months[i], 3) == 0)
                m = i + 1;
    }
    if (m < 1 || m > 12) {
        *why = g_strdup_printf("unknown month \"%s\" (1 to 12, or a name: April)", v);
        return false;
    }
    c->fiscal_start = (int)m;
    tl_layout_options_set_fiscal_year(c->style, c->fiscal_start, c->fiscal_by_start);
    return true;
}

static bool set_week_start(cli *c, const cli_option *o, const char *v, char **why)
{
    if (tl_layout_options_set_week_start(c->style, v))
        return true;
    *why = g_strdup_printf("unknown day \"%s\" (monday, sunday, saturday...)", v);
    return false;
}

static bool set_fiscal_name(cli *c, const cli_option *o, const char *v, char **why)
{
    if (strcmp(v, "start") != 0 && strcmp(v, "end") != 0) {
        *why = g_strdup_printf("unknown value \"%s\" (start or end)", v);
        return false;
    }
    c->fiscal_by_start = strcmp(v, "start") == 0;
    tl_layout_options_set_fiscal_year(c->style, c->fiscal_start, c->fiscal_by_start);
    return true;
}

static bool set_scale(cli *c, const cli_option *o, const char *v, char **why)
{
    if (strcmp(v, "linear") != 0 && strcmp(v, "log") != 0) {
        *why = g_strdup_printf("unknown scale \"%s\" (linear or log)", v);
        return false;
    }
    tl_layout_options_set_scale(c->style,
                                strcmp(v, "log") == 0 ? TL_TIME_SCALE_LOG : TL_TIME_SCALE_LINEAR);
    return true;
}

static bool set_axis(cli *c, const cli_option *o, const char *v, char **why)
{
    if (strcmp(v, "calendar") != 0 && strcmp(v, "elapsed") != 0 && strcmp(v, "number") != 0) {
        *why = g_strdup_printf("unknown axis \"%s\" (calendar, elapsed or number)", v);
        return false;
    }
    c->elapsed = strcmp(v, "elapsed") == 0;
    c->numeric = strcmp(v, "number") == 0;
    /* The cells are read as numbers, before any input is. */
    tl_load_options_set_numeric(c->load, c->numeric);
    return true;
}

/* A date, or else the id of the event that starts the count. */
static bool set_epoch(cli *c, const cli_option *o, const char *v, char **why)
{
    tl_error *err = NULL;
    g_free(c->epoch_id);
    c->epoch_id = NULL;
    c->has_epoch = *v != '\0' && tl_time_parse(v, &c->epoch, &err);
    tl_error_free(err);
    if (*v && !c->has_epoch)
        c->epoch_id = g_strdup(v);
    return true;
}

static bool set_elapsed_style(cli *c, const cli_option *o, const char *v, char **why)
{
    if (tl_elapsed_style_from_name(v, &c->elapsed_style))
        return true;
    *why = g_strdup_printf("unknown style \"%s\" (t, day, week or month)", v);
    return false;
}

static bool set_elapsed_base(cli *c, const cli_option *o, const char *v, char **why)
{
    if (strcmp(v, "0") != 0 && strcmp(v, "1") != 0) {
        *why = g_strdup_printf("expected 0 or 1, got \"%s\"", v);
        return false;
    }
    c->elapsed_base = v[0] - '0';
    return true;
}

static void apply_shade(cli *c)
{
    tl_layout_options_set_shade(c->style, c->shade_weekends,
                                c->holidays ? (const tl_time *)(void *)c->holidays->data : NULL,
                                c->holidays ? c->holidays->len : 0);
    /* A plan's working week shades the days outside it. */
    if (c->workdays)
        tl_layout_options_set_shade_days(c->style, ~c->workdays & 0x7f);
    tl_load_options_set_holidays(c->load,
                                 c->holidays ? (const tl_time *)(void *)c->holidays->data : NULL,
                                 c->holidays ? c->holidays->len : 0);
}

static bool set_critical_path(cli *c, const cli_option *o, const char *v, char **why)
{
    tl_layout_options_set_critical_path(c->style, true);
    return true;
}

static bool set_show_progress(cli *c, const cli_option *o, const char *v, char **why)
{
    tl_layout_options_set_show_progress(c->style, true);
    return true;
}

static bool set_workdays(cli *c, const cli_option *o, const char *v, char **why)
{
    unsigned mask;
    if (!tl_workdays_parse(v, &mask)) {
        *why = g_strdup_printf("invalid working week \"%s\" (expected days such as Mon-Fri, "
                               "Sun-Thu or Mon,Wed,Fri)", v);
        return false;
    }
    c->workdays = mask;
    tl_load_options_set_workdays(c->load, mask);
    apply_shade(c);
    return true;
}

static bool set_shade(cli *c, const cli_option *o, const char *v, char **why)
{
    if (strcmp(v, "weekends") != 0 && strcmp(v, "none") != 0) {
        *why = g_strdup_printf("unknown value \"%s\" (weekends or none)", v);
        return false;
    }
    c->shade_weekends = strcmp(v, "weekends") == 0;
    apply_shade(c);
    return true;
}

/* A file of dates, one a line, in any form a cell takes; blank lines and "#" comments are
 * skipped. A bad line is named by its number. */
static bool set_holidays(cli *c, const cli_option *o, const char *v, char **why)
{
    char *text = NULL;
    GError *gerr = NULL;
    cli_watch_note(c, v, false);
    if (!g_file_get_contents(v, &text, NULL, &gerr)) {
        *why = g_strdup_printf("cannot read \"%s\": %s", v, gerr->message);
        g_error_free(gerr);
        return false;
    }
    GArray *days = g_array_new(FALSE, FALSE, sizeof(tl_time));
    char **lines = g_strsplit(text, "\n", -1);
    bool ok = true;
    for (size_t i = 0; ok && lines[i]; i++) {
        char *line = g_strstrip(lines[i]);
        if (!*line || *line == '#')
            continue;
        tl_time t;
        tl_error *err = NULL;
        if (tl_time_parse(line, &t, &err)) {
            g_array_append_val(days, t);
            continue;
        }
        *why = g_strdup_printf("%s:%zu: %s", v, i + 1, err->message);
        tl_error_free(err);
        ok = false;
    }
    g_strfreev(lines);
    g_free(text);
    if (!ok) {
        g_array_free(days, TRUE);
        return false;
    }
    if (c->holidays)
        g_array_free(c->holidays, TRUE);
    c->holidays = days;
    apply_shade(c);
    return true;
}

static bool set_axis_position(cli *c, const cli_option *o, const char *v, char **why)
{
    tl_axis_position at;
    if (!tl_axis_position_from_name(v, &at)) {
        *why = g_strdup_printf("unknown position \"%s\" (top, bottom or both)", v);
        return false;
    }
    tl_layout_options_set_axis_position(c->style, at);
    return true;
}

static bool set_past(cli *c, const cli_option *o, const char *v, char **why)
{
    tl_past past;
    if (!tl_past_from_name(v, &past)) {
        *why = g_strdup_printf("unknown value \"%s\" (show or dim)", v);
        return false;
    }
    tl_layout_options_set_past(c->style, past);
    return true;
}

static bool set_axis_breaks(cli *c, const cli_option *o, const char *v, char **why)
{
    if (strcmp(v, "auto") != 0 && strcmp(v, "none") != 0) {
        *why = g_strdup_printf("expected auto or none, got \"%s\"", v);
        return false;
    }
    c->axis_breaks_off = strcmp(v, "none") == 0;
    return true;
}

static bool set_font_dir(cli *c, const cli_option *o, const char *v, char **why)
{
    cli_watch_note(c, v, true);
    tl_font_options_add_dir(c->fonts, v);
    return true;
}

static bool set_repair_utf8(cli *c, const cli_option *o, const char *v, char **why)
{
    bool on;
    if (!parse_bool(v, &on)) {
        *why = g_strdup_printf("expected true or false, got \"%s\"", v);
        return false;
    }
    c->repair_utf8 = on;
    tl_load_options_set_repair_utf8(c->load, on);
    return true;
}

static bool set_date_order(cli *c, const cli_option *o, const char *v, char **why)
{
    tl_date_order order;
    if (!tl_date_order_from_name(v, &order)) {
        *why = g_strdup_printf("expected dmy, mdy or ymd, got \"%s\"", v);
        return false;
    }
    tl_load_options_set_date_order(c->load, order);
    return true;
}

static bool set_tz(cli *c, const cli_option *o, const char *v, char **why)
{
    tl_error *err = NULL;
    /* The zone times are read in is the zone the axis shows. */
    return (tl_load_options_set_time_zone(c->load, v, &err) &&
            tl_layout_options_set_time_zone(c->style, v, &err)) ||
           why_error(err, why);
}

static bool set_delimiter(cli *c, const cli_option *o, const char *v, char **why)
{
    tl_error *err = NULL;
    char d = strcmp(v, "tab") == 0 || strcmp(v, "\\t") == 0 ? '\t' : v[0];
    if (strlen(v) != 1 && d != '\t') {
        *why = g_strdup_printf("expected one character or \"tab\", got \"%s\"", v);
        return false;
    }
    return tl_load_options_set_delimiter(c->load, d, &err) || why_error(err, why);
}

static bool set_input_format(cli *c, const cli_option *o, const char *v, char **why)
{
    tl_input_format f;
    if (!tl_input_format_from_name(v, &f)) {
        *why = g_strdup_printf("unknown input format \"%s\" (auto, csv, tsv, json, jsonl, "
                               "timelinejs, mermaid or markwhen)", v);
        return false;
    }
    tl_load_options_set_input_format(c->load, f);
    return true;
}

static bool set_column(cli *c, const cli_option *o, const char *v, char **why)
{
    tl_error *err = NULL;
    /* "col-group-order" plays the role "group_order". */
    char *role = g_strdup(o->name + strlen("col-"));
    g_strdelimit(role, "-", '_');
    bool ok = tl_load_options_set_column(c->load, role, *v ? v : NULL, &err);
    g_free(role);
    return ok || why_error(err, why);
}

static bool set_background(cli *c, const cli_option *o, const char *v, char **why)
{
    tl_error *err = NULL;
    return tl_layout_options_set_background(c->style, *v ? v : NULL, &err) || why_error(err, why);
}

static bool set_locale(cli *c, const cli_option *o, const char *v, char **why)
{
    tl_error *err = NULL;
    return tl_layout_options_set_locale(c->style, v, &err) || why_error(err, why);
}

static bool set_direction(cli *c, const cli_option *o, const char *v, char **why)
{
    tl_direction d;
    if (!tl_direction_from_name(v, &d)) {
        *why = g_strdup_printf("unknown direction \"%s\" (auto, ltr or rtl)", v);
        return false;
    }
    tl_layout_options_set_direction(c->style, d);
    return true;
}

static bool set_page(cli *c, const cli_option *o, const char *v, char **why)
{
    return cli_page_size_parse(v, &c->page_w, &c->page_h, why);
}

static bool set_margin(cli *c, const cli_option *o, const char *v, char **why)
{
    if (!cli_margins_parse(v, c->margins, why))
        return false;
    c->has_margins = true;
    return true;
}

static bool set_pages(cli *c, const cli_option *o, const char *v, char **why)
{
    double n;
    if (!parse_number(v, 0, 100, &n) || n != floor(n)) {
        *why = g_strdup_printf("expected a whole number from 0 (as many as needed) to 100, got "
                               "\"%s\"",
                               v);
        return false;
    }
    c->pages = (int)n;
    return true;
}

static bool set_page_scale(cli *c, const cli_option *o, const char *v, char **why)
{
    if (strcmp(v, "auto") != 0 && strcmp(v, "uniform") != 0) {
        *why = g_strdup_printf("unknown page scale \"%s\" (auto or uniform)", v);
        return false;
    }
    tl_layout_options_set_page_scale(c->style, strcmp(v, "uniform") == 0 ? TL_PAGE_SCALE_UNIFORM
                                                                         : TL_PAGE_SCALE_AUTO);
    return true;
}

/* The options main.c acts on itself (-c, -S, -h, -V): nothing to store. */
static bool set_nothing(cli *c, const cli_option *o, const char *v, char **why)
{
    return true;
}

/* ---------------------------------------------------------------------------------------------
 * The table
 * ------------------------------------------------------------------------------------------- */

#define GROUP(title)                                                                               \
    {                                                                                              \
        .name = "", .help = title, .id = CLI_ID_HELP_GROUP                                         \
    }
#define FIELD(f) .field = offsetof(cli, f)
#define COLUMN(role)                                                                               \
    {                                                                                              \
        .name = "col-" role, .arg = CLI_VALUE, .metavar = "NAME", .section = "columns",            \
        .set = set_column                                                                          \
    }

const cli_option cli_options[] = {
    GROUP("Output"),
    {.name = "output",
     .short_name = 'o',
     .arg = CLI_VALUE,
     .metavar = "FILE",
     .help = "write to FILE (its extension picks the format; - is stdout); with several inputs, "
             "DIR/ writes DIR/INPUT.FMT",
     .complete = "@file",
     .set = set_output},
    {.name = "format",
     .short_name = 'T',
     .arg = CLI_VALUE,
     .metavar = "FMT",
     .help = "svg, png, pdf, json (the laid-out scene), ps or eps",
     .complete = "svg png pdf json ps eps",
     .set = set_format},
    {.name = "output-by-input",
     .short_name = 'O',
     .arg = CLI_FLAG,
     .help = "name each output after its input: events.csv -> events.svg (format from -T)",
     .set = set_flag,
     FIELD(outputs_by_input)},
    {.name = "dpi",
     .arg = CLI_VALUE,
     .metavar = "N",
     .section = "chart",
     .help = "PNG resolution (default 96)",
     .set = set_number,
     FIELD(dpi),
     .min = 1,
     .max = 2400},
    {.name = "scale",
     .arg = CLI_VALUE,
     .metavar = "N",
     .section = "chart",
     .help = "extra PNG scale factor (default 1)",
     .set = set_number,
     FIELD(scale),
     .min = 0.01,
     .max = 100},
    {.name = "svg-text",
     .arg = CLI_FLAG,
     .section = "chart",
     .help = "SVG: live, selectable text instead of glyph outlines",
     .set = set_flag,
     FIELD(svg_text)},

    GROUP("Chart"),
    {.name = "title",
     .arg = CLI_VALUE,
     .metavar = "TEXT",
     .section = "chart",
     .help = "title drawn above the chart",
     .set = set_text,
     FIELD(title)},
    {.name = "subtitle",
     .arg = CLI_VALUE,
     .metavar = "TEXT",
     .section = "chart",
     .help = "a line under the title",
     .set = set_text,
     FIELD(subtitle)},
    {.name = "caption",
     .arg = CLI_VALUE,
     .metavar = "TEXT",
     .section = "chart",
     .help = "a source or note line under the legend",
     .set = set_text,
     FIELD(caption)},
    {.name = "layout",
     .arg = CLI_VALUE,
     .metavar = "NAME",
     .section = "chart",
     .help = "ribbon (default), lanes (one lane per group) or vertical",
     .complete = "ribbon lanes vertical",
     .set = set_layout},
    {.name = "group-order",
     .arg = CLI_VALUE,
     .metavar = "A,B",
     .section = "chart",
     .help = "lanes: these groups first, in this order",
     .set = set_text,
     FIELD(group_order)},
    {.name = "theme",
     .arg = CLI_VALUE,
     .metavar = "NAME",
     .section = "chart",
     .help = "light (default), dark, print or colorblind; see --list-themes",
     .complete = "light dark print colorblind",
     .set = set_theme},
    {.name = "locale",
     .arg = CLI_VALUE,
     .metavar = "TAG",
     .section = "chart",
     .help = "the reader's language, BCP 47 (ja, hi, ar, zh-Hans, fr, ja-u-ca-japanese): dates, "
             "numbers and chart words; see --list-locales",
     .complete = "en ja hi ar he zh-Hans fr de es",
     .set = set_locale},
    {.name = "direction",
     .arg = CLI_VALUE,
     .metavar = "DIR",
     .section = "chart",
     .help = "auto (default: right to left for ar, he, fa, ur), ltr or rtl",
     .complete = "auto ltr rtl",
     .set = set_direction},
    {.name = "background",
     .short_name = 'b',
     .arg = CLI_VALUE,
     .metavar = "COLOR",
     .section = "chart",
     .help = "canvas colour (#rrggbb, a CSS name) or transparent",
     .complete = "transparent white black",
     .set = set_background},
    {.name = "font",
     .arg = CLI_VALUE,
     .metavar = "\"FAMILY SIZE\"",
     .section = "chart",
     .help = "a family list and an optional size scaling every text (base 10; default \"Noto "
             "Sans\")",
     .set = set_text,
     FIELD(font)},
    {.name = "font-dir",
     .arg = CLI_LIST,
     .metavar = "DIR",
     .section = "chart",
     .help = "add the fonts in DIR (those shipped with a report); repeatable",
     .complete = "@dir",
     .set = set_font_dir},
    {.name = "system-fonts",
     .arg = CLI_FLAG,
     .section = "chart",
     .help = "use the machine's fonts instead of the fixed font set",
     .set = set_flag,
     FIELD(system_fonts)},
    {.name = "label-width",
     .arg = CLI_VALUE,
     .metavar = "PT",
     .section = "chart",
     .help = "widest event label: wrap or shorten there (default: the room it has)",
     .set = set_number,
     FIELD(label_width),
     .min = 20,
     .max = 10000},
    {.name = "markup",
     .arg = CLI_FLAG,
     .section = "chart",
     .help = "read titles and labels as Pango markup (<b> <i> <sup> ...)",
     .set = set_flag,
     FIELD(markup)},
    {.name = "width",
     .arg = CLI_VALUE,
     .metavar = "PT",
     .section = "chart",
     .help = "canvas width in points, 1/72 in (default 900)",
     .set = set_number,
     FIELD(width),
     .min = 200,
     .max = 100000},
    {.name = "height",
     .arg = CLI_VALUE,
     .metavar = "PT",
     .section = "chart",
     .help = "canvas height in points (default: fit the chart)",
     .set = set_number,
     FIELD(height),
     .min = 50,
     .max = 100000},

    GROUP("Time axis"),
    {.name = "from",
     .arg = CLI_VALUE,
     .metavar = "DATE",
     .section = "axis",
     .help = "start the chart at DATE (events before are left out)",
     .set = set_date},
    {.name = "ticks",
     .arg = CLI_VALUE,
     .metavar = "STEP",
     .section = "axis",
     .help = "auto (default), or a step: year, 5 years, quarter, month, week (ISO weeks), 2 days, "
             "hour, 6 hours...",
     .complete = "auto year quarter month week day hour",
     .set = set_ticks},
    {.name = "tiers",
     .arg = CLI_VALUE,
     .metavar = "A,B,C",
     .section = "axis",
     .help = "the axis's rows from the top (columns beside a vertical line), up to three: "
             "year,quarter,month; month,week,day",
     .complete = "year,quarter,month month,week,day quarter,month",
     .set = set_tiers},
    {.name = "tick-format",
     .arg = CLI_LIST,
     .metavar = "UNIT=SKELETON",
     .section = "axis",
     .help = "the words of one unit's ticks, an ICU skeleton: month=MMMM, year=yy; repeatable",
     .set = set_tick_format},
    {.name = "week-start",
     .arg = CLI_VALUE,
     .metavar = "DAY",
     .section = "axis",
     .help = "the day weeks start on: monday (default, ISO weeks), sunday, saturday...",
     .complete = "monday sunday saturday",
     .set = set_week_start},
    {.name = "fiscal-year-start",
     .arg = CLI_VALUE,
     .metavar = "MONTH",
     .section = "axis",
     .help = "quarters count from this month (April, 4); their years are fiscal years, FY2025",
     .set = set_fiscal_start},
    {.name = "fiscal-year-name",
     .arg = CLI_VALUE,
     .metavar = "WHICH",
     .section = "axis",
     .help = "name a fiscal year by the year it ends in (end, default) or starts in (start)",
     .complete = "end start",
     .set = set_fiscal_name},
    {.name = "time-scale",
     .arg = CLI_VALUE,
     .metavar = "KIND",
     .section = "axis",
     .help = "linear (default) or log: the time before the present on a log scale (years ago)",
     .complete = "linear log",
     .set = set_scale},
    {.name = "axis",
     .arg = CLI_VALUE,
     .metavar = "KIND",
     .section = "axis",
     .help = "calendar (default); elapsed: ticks count from --epoch (T+3 d, Day 2); number: "
             "start and end are plain numbers (--unit)",
     .complete = "calendar elapsed number",
     .set = set_axis},
    {.name = "unit",
     .arg = CLI_VALUE,
     .metavar = "LABEL",
     .section = "axis",
     .help = "the unit of a numeric axis: m, kyr, frame",
     .set = set_text,
     FIELD(unit)},
    {.name = "epoch",
     .arg = CLI_VALUE,
     .metavar = "DATE",
     .section = "axis",
     .help = "the origin of an elapsed axis: a date, or the id of an event (default: the "
             "earliest event)",
     .set = set_epoch},
    {.name = "elapsed-style",
     .arg = CLI_VALUE,
     .metavar = "STYLE",
     .section = "axis",
     .help = "t (T-2 h, T+0, T+3 d; default), day, week or month (Day 1, Week 2, Month 3)",
     .complete = "t day week month",
     .set = set_elapsed_style},
    {.name = "elapsed-base",
     .arg = CLI_VALUE,
     .metavar = "N",
     .section = "axis",
     .help = "the number of the epoch's day, week or month: 1 (default) or 0",
     .complete = "0 1",
     .set = set_elapsed_base},
    {.name = "axis-position",
     .arg = CLI_VALUE,
     .metavar = "WHERE",
     .section = "axis",
     .help = "auto, top, bottom or both: lanes' axis there; the ribbon's repeated there",
     .complete = "auto top bottom both",
     .set = set_axis_position},
    {.name = "shade",
     .arg = CLI_VALUE,
     .metavar = "DAYS",
     .section = "axis",
     .help = "weekends: shade Saturdays and Sundays when the axis shows days (default none)",
     .complete = "weekends none",
     .set = set_shade},
    {.name = "holidays",
     .arg = CLI_VALUE,
     .metavar = "FILE",
     .section = "axis",
     .help = "shade the dates in FILE, one a line, when the axis shows days",
     .complete = "@file",
     .set = set_holidays},
    {.name = "today",
     .arg = CLI_VALUE,
     .metavar = "DATE",
     .section = "axis",
     .help = "draw an as-of line at DATE, labelled with it (\"now\": the clock, which makes the "
             "output change from run to run)",
     .complete = "now",
     .set = set_today},
    {.name = "past",
     .arg = CLI_VALUE,
     .metavar = "MODE",
     .section = "axis",
     .help = "show (default) or dim the events wholly before --today",
     .complete = "show dim",
     .set = set_past},
    {.name = "to",
     .arg = CLI_VALUE,
     .metavar = "DATE",
     .section = "axis",
     .help = "end the chart at DATE (events after are left out)",
     .set = set_date},
    {.name = "axis-breaks",
     .arg = CLI_VALUE,
     .metavar = "MODE",
     .section = "axis",
     .help = "auto (default: cut long empty stretches) or none",
     .complete = "auto none",
     .set = set_axis_breaks},

    GROUP("Project plans"),
    {.name = "workdays",
     .arg = CLI_VALUE,
     .metavar = "DAYS",
     .section = "plan",
     .help = "a plan's working week (Mon-Fri, Sun-Thu, ...): durations and lags count only its "
             "days and --holidays, and the other days are shaded (default: every day)",
     .complete = "Mon-Fri Sun-Thu Mon-Sat",
     .set = set_workdays},
    {.name = "critical-path",
     .arg = CLI_FLAG,
     .section = "plan",
     .help = "outline a plan's critical path: the tasks without slack and the dependencies "
             "that drive them",
     .set = set_critical_path},
    {.name = "show-progress",
     .arg = CLI_FLAG,
     .section = "plan",
     .help = "add each task's progress (\"60 %\") to its label",
     .set = set_show_progress},
    GROUP("Pages and PDF"),
    {.name = "page",
     .arg = CLI_VALUE,
     .metavar = "SIZE",
     .section = "pdf",
     .help = "A4, Letter, 210x297mm ... or fit (default: one page the size of the chart)",
     .complete = "fit A5 A4 A3 A2 A1 A0 Letter Legal Tabloid",
     .set = set_page},
    {.name = "landscape",
     .arg = CLI_FLAG,
     .section = "pdf",
     .help = "turn the page to landscape",
     .set = set_flag,
     FIELD(landscape)},
    {.name = "margin",
     .arg = CLI_VALUE,
     .metavar = "LEN",
     .section = "pdf",
     .help = "page margins: 15mm, or T,R,B,L (default 15mm)",
     .set = set_margin},
    {.name = "pages",
     .arg = CLI_VALUE,
     .metavar = "N",
     .section = "pdf",
     .help = "spread the chart over N pages (default 0: as many as it needs)",
     .set = set_pages},
    {.name = "page-scale",
     .arg = CLI_VALUE,
     .metavar = "MODE",
     .section = "pdf",
     .help = "auto (default: each page its own window of time and scale, the events shared "
             "evenly) or uniform (one scale for every page)",
     .complete = "auto uniform",
     .set = set_page_scale},
    {.name = "fit-width",
     .arg = CLI_FLAG,
     .section = "pdf",
     .help = "scale the chart to one page wide instead of tiling it",
     .set = set_flag,
     FIELD(fit_width)},
    {.name = "pdf-title",
     .arg = CLI_VALUE,
     .metavar = "TEXT",
     .section = "pdf",
     .help = "PDF title (default: the chart's title)",
     .set = set_text,
     FIELD(pdf_title)},
    {.name = "pdf-author",
     .arg = CLI_VALUE,
     .metavar = "TEXT",
     .section = "pdf",
     .help = "PDF author",
     .set = set_text,
     FIELD(pdf_author)},
    {.name = "pdf-subject",
     .arg = CLI_VALUE,
     .metavar = "TEXT",
     .section = "pdf",
     .help = "PDF subject",
     .set = set_text,
     FIELD(pdf_subject)},
    {.name = "pdf-keywords",
     .arg = CLI_VALUE,
     .metavar = "TEXT",
     .section = "pdf",
     .help = "PDF keywords",
     .set = set_text,
     FIELD(pdf_keywords)},
    {.name = "pdf-creator",
     .arg = CLI_VALUE,
     .metavar = "TEXT",
     .section = "pdf",
     .help = "PDF creator (default: timeline VERSION)",
     .set = set_text,
     FIELD(pdf_creator)},

    GROUP("Reading the CSV"),
    {.name = "date-order",
     .arg = CLI_VALUE,
     .metavar = "O",
     .section = "columns",
     .help = "read numeric dates like 04/11/2019 as dmy, mdy or ymd",
     .complete = "dmy mdy ymd",
     .set = set_date_order},
    {.name = "tz",
     .arg = CLI_VALUE,
     .metavar = "ZONE",
     .section = "columns",
     .help = "time zone of times without an offset, and of the axis's hours and days (IANA "
             "name; UTC)",
     .set = set_tz},
    {.name = "input-format",
     .arg = CLI_VALUE,
     .metavar = "FORMAT",
     .section = "columns",
     .help = "auto (default: by the extension, then the content), csv, tsv, json (an array "
             "of event objects), jsonl (one object a line), timelinejs (TimelineJS3 JSON), "
             "mermaid (a timeline or gantt diagram) or markwhen",
     .complete = "auto csv tsv json jsonl timelinejs mermaid markwhen",
     .set = set_input_format},
    {.name = "delimiter",
     .arg = CLI_VALUE,
     .metavar = "C",
     .section = "columns",
     .help = "field delimiter: , ; tab (default: sniffed)",
     .complete = ", ; tab",
     .set = set_delimiter},
    COLUMN("start"),
    COLUMN("end"),
    COLUMN("title"),
    COLUMN("description"),
    COLUMN("group"),
    COLUMN("status"),
    COLUMN("type"),
    COLUMN("importance"),
    COLUMN("color"),
    COLUMN("url"),
    COLUMN("source"),
    COLUMN("sort"),
    COLUMN("group-order"),
    COLUMN("id"),
    COLUMN("depends"),
    COLUMN("duration"),
    COLUMN("progress"),
    {.name = "repair-utf8",
     .arg = CLI_FLAG,
     .section = "columns",
     .help = "replace invalid UTF-8 with U+FFFD (warned) instead of failing",
     .set = set_repair_utf8},
    {.name = "check",
     .arg = CLI_FLAG,
     .help = "validate the input, print a summary, write nothing",
     .set = set_flag,
     FIELD(check)},
    {.name = "watch",
     .arg = CLI_FLAG,
     .help = "render again whenever an input, a style file or a font folder changes",
     .set = set_flag,
     FIELD(watch)},

    GROUP("Style files"),
    {.name = "config",
     .short_name = 'c',
     .arg = CLI_LIST,
     .metavar = "FILE",
     .help = "read options from a style file; repeatable, later files win",
     .complete = "@file",
     .set = set_nothing,
     .id = CLI_ID_CONFIG},
    {.name = "set",
     .short_name = 'S',
     .arg = CLI_LIST,
     .metavar = "KEY=VALUE",
     .help = "set a style-file key (section.key or an option name); repeatable",
     .set = set_nothing,
     .id = CLI_ID_SET},
    {.name = "print-config",
     .arg = CLI_FLAG,
     .help = "print the resulting configuration as a style file and exit",
     .set = set_flag,
     FIELD(print_config)},
    {.name = "list-themes",
     .arg = CLI_FLAG,
     .help = "list the themes and exit",
     .set = set_flag,
     FIELD(list_themes)},
    {.name = "list-locales",
     .arg = CLI_FLAG,
     .help = "list the languages whose chart words are shipped and exit",
     .set = set_flag,
     FIELD(list_locales)},

    GROUP("Messages"),
    {.name = "strict",
     .arg = CLI_FLAG,
     .help = "treat every warning as an error (exit 65, no output)",
     .set = set_flag,
     FIELD(strict)},
    {.name = "verbose",
     .short_name = 'v',
     .arg = CLI_FLAG,
     .help = "also print notes (the detected sheet layout, ignored columns)",
     .set = set_flag,
     FIELD(verbose)},
    {.name = "quiet",
     .short_name = 'q',
     .arg = CLI_FLAG,
     .help = "do not print warnings",
     .set = set_flag,
     FIELD(quiet)},
    {.name = "version",
     .short_name = 'V',
     .arg = CLI_FLAG,
     .help = "print the version and exit",
     .set = set_nothing,
     .id = CLI_ID_VERSION},
    {.name = "help",
     .short_name = 'h',
     .arg = CLI_FLAG,
     .help = "print this help and exit",
     .set = set_nothing,
     .id = CLI_ID_HELP},
    {.name = "completion",
     .arg = CLI_VALUE,
     .metavar = "SHELL",
     .help = "print the completion script for SHELL (bash) and exit",
     .complete = "bash",
     .set = set_nothing,
     .id = CLI_ID_COMPLETION},
};

const size_t cli_option_count = G_N_ELEMENTS(cli_options);

const cli_option *cli_option_find(const char *name)
{
    for (size_t i = 0; name && i < cli_option_count; i++)
        if (cli_options[i].id != CLI_ID_HELP_GROUP && strcmp(cli_options[i].name, name) == 0)
            return &cli_options[i];
    return NULL;
}

void cli_watch_note(cli *c, const char *path, bool folder)
{
    GPtrArray *list = folder ? c->watched_folders : c->watched_files;
    if (list)
        g_ptr_array_add(list, g_strdup(path));
}

bool cli_option_apply(cli *c, const cli_option *o, const char *value, char **why)
{
    if (!o->set(c, o, value, why))
        return false;
    if (!o->section)
        return true;
    if (o->arg == CLI_LIST) {
        gsize n = 0;
        gchar **old = g_key_file_get_string_list(c->config, o->section, o->name, &n, NULL);
        GPtrArray *list = g_ptr_array_new();
        for (gsize i = 0; i < n; i++)
            g_ptr_array_add(list, old[i]);
        g_ptr_array_add(list, (gpointer)value);
        g_key_file_set_string_list(c->config, o->section, o->name,
                                   (const gchar *const *)list->pdata, list->len);
        g_ptr_array_free(list, TRUE);
        g_strfreev(old);
    } else if (o->arg == CLI_FLAG) {
        bool on = false;
        parse_bool(value, &on);
        g_key_file_set_string(c->config, o->section, o->name, on ? "true" : "false");
    } else {
        g_key_file_set_string(c->config, o->section, o->name, value);
    }
    return true;
}

/* [palette] keys: KIND.NAME, where the name is a group (as in the data), a status, a text
 * part or a line. */
const char *const cli_palette_kinds[] = {"group",        "status", "group-shape",
                                         "status-shape", "font",   "line"};
const size_t cli_palette_kind_count = G_N_ELEMENTS(cli_palette_kinds);

static int palette_kind(const char *key)
{
    const char *dot = strchr(key, '.');
    size_t klen = dot ? (size_t)(dot - key) : strlen(key);
    for (int i = 0; dot && dot[1] && i < (int)cli_palette_kind_count; i++)
        if (strlen(cli_palette_kinds[i]) == klen && strncmp(key, cli_palette_kinds[i], klen) == 0)
            return i;
    return -1;
}

bool cli_palette_key_known(const char *key)
{
    return palette_kind(key) >= 0;
}

/* The names of [palette] keys, with the messages the library gave when it read them. */
static bool status_named(const char *name, tl_status *out, char **why)
{
    if (tl_status_from_name(name, out))
        return true;
    *why = g_strdup_printf("unknown status \"%s\" (confirmed, tentative, cancelled, postponed, "
                           "rescheduled, disputed)",
                           name);
    return false;
}

static bool shape_named(const char *name, tl_shape *out, char **why)
{
    if (tl_shape_from_name(name, out))
        return true;
    *why = g_strdup_printf("unknown shape \"%s\" (circle, square, diamond)", name);
    return false;
}

static bool text_part_named(const char *name, tl_text_part *out, char **why)
{
    if (tl_text_part_from_name(name, out))
        return true;
    *why = g_strdup_printf("unknown text part \"%s\" (title, subtitle, caption, label, date, "
                           "body, tick, band, legend, badge)",
                           name);
    return false;
}

static bool line_kind_named(const char *name, tl_line_kind *out, char **why)
{
    if (tl_line_kind_from_name(name, out))
        return true;
    *why = g_strdup_printf("unknown line \"%s\" (axis, stem, mark, bar, grid, marker)", name);
    return false;
}

bool cli_palette_apply(cli *c, const char *key, const char *value, char **why)
{
    const char *dot = strchr(key, '.');
    int kind = palette_kind(key);
    if (kind < 0) {
        *why = g_strdup_printf("unknown key \"%s\" in [palette] (group.NAME, status.NAME, "
                               "group-shape.NAME, status-shape.NAME, font.PART, line.KIND)",
                               key);
        return false;
    }
    const char *name = dot + 1;
    tl_error *err = NULL;
    bool ok = true;
    double v = 0;
    tl_status status;
    tl_shape shape;
    tl_text_part part;
    tl_line_kind line;
    switch (kind) {
    case 0:
        ok = tl_layout_options_set_group_color(c->style, name, value, &err);
        break;
    case 1:
        if (!status_named(name, &status, why))
            return false;
        ok = tl_layout_options_set_status_color(c->style, status, value, &err);
        break;
    case 2:
        if (!shape_named(value, &shape, why))
            return false;
        ok = tl_layout_options_set_group_shape(c->style, name, shape, &err);
        break;
    case 3:
        if (!status_named(name, &status, why) || !shape_named(value, &shape, why))
            return false;
        ok = tl_layout_options_set_status_shape(c->style, status, shape, &err);
        break;
    case 4:
    case 5:
        if (!parse_number(value, 0, 1e6, &v)) {
            *why = g_strdup_printf("expected a number of points, got \"%s\"", value);
            return false;
        }
        if (kind == 4)
            ok = text_part_named(name, &part, why) &&
                 tl_layout_options_set_font_size(c->style, part, v, &err);
        else
            ok = line_kind_named(name, &line, why) &&
                 tl_layout_options_set_line_width(c->style, line, v, &err);
        if (!ok && !err)
            return false;
        break;
    }
    if (!ok)
        return why_error(err, why);
    g_key_file_set_string(c->config, "palette", key, value);
    return true;
}
