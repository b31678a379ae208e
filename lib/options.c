/* The option handlers: each checks a value as written and applies it to a job; and
 * tl_option_apply(), which records what was set, and the [palette] keys. The rows that name
 * these handlers are in lib/options-table.c. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "job-private.h"

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

/* The generic handlers store into the job field their row names. */
static void *field_of(tl_job *job, const tl_option_row *o)
{
    return (char *)job + o->field;
}

TL_OPTION_HANDLER(text)
{
    set_string(field_of(job, o), v);
    return true;
}

TL_OPTION_HANDLER(flag)
{
    if (parse_bool(v, field_of(job, o)))
        return true;
    *why = g_strdup_printf("expected true or false, got \"%s\"", v);
    return false;
}

TL_OPTION_HANDLER(number)
{
    if (parse_number(v, o->min, o->max, field_of(job, o)))
        return true;
    *why =
        g_strdup_printf("expected %s from %g to %g, got \"%s\"",
                        strcmp(o->metavar, "PT") == 0 ? "points" : "a number", o->min, o->max, v);
    return false;
}

/* Options only a front end acts on: checked here, their text kept by tl_option_apply(). */
TL_OPTION_HANDLER(front)
{
    bool on;
    if (o->arg != TL_OPTION_FLAG || parse_bool(v, &on))
        return true;
    *why = g_strdup_printf("expected true or false, got \"%s\"", v);
    return false;
}

TL_OPTION_HANDLER(format)
{
    tl_format f;
    if (tl_format_from_name(v, &f))
        return true;
    *why = g_strdup_printf("unknown format \"%s\" (svg, png, pdf, json, ps, eps)", v);
    return false;
}

TL_OPTION_HANDLER(theme)
{
    if (tl_theme_from_name(v, &job->theme))
        return true;
    GString *names = g_string_new(NULL);
    for (int t = 0; tl_theme_get_name((tl_theme)t); t++)
        g_string_append_printf(names, "%s%s", t ? ", " : "", tl_theme_get_name((tl_theme)t));
    *why = g_strdup_printf("unknown theme \"%s\" (%s)", v, names->str);
    g_string_free(names, TRUE);
    return false;
}

TL_OPTION_HANDLER(layout)
{
    if (tl_variant_from_name(v, &job->layout))
        return true;
    *why = g_strdup_printf("unknown layout \"%s\" (ribbon, lanes, vertical)", v);
    return false;
}

TL_OPTION_HANDLER(date)
{
    bool from = strcmp(o->name, "from") == 0;
    tl_error *err = NULL;
    if (!*v) { /* "" in a style file or -S: no window on this side */
        *(from ? &job->has_from : &job->has_to) = false;
        return true;
    }
    if (!tl_time_parse(v, from ? &job->from : &job->to, &err))
        return why_error(err, why);
    *(from ? &job->has_from : &job->has_to) = true;
    set_string(from ? &job->from_text : &job->to_text, v);
    return true;
}

/* "now" is the one way the clock enters a chart: asked for by name, so builds stay
 * reproducible unless they ask. */
TL_OPTION_HANDLER(today)
{
    if (!*v) {
        tl_layout_options_set_today(job->style, NULL);
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
    tl_layout_options_set_today(job->style, &t);
    return true;
}

TL_OPTION_HANDLER(tiers)
{
    tl_error *err = NULL;
    return tl_layout_options_set_tiers(job->style, v, &err) || why_error(err, why);
}

TL_OPTION_HANDLER(tick_format)
{
    const char *eq = strchr(v, '=');
    if (!eq) {
        *why = g_strdup_printf("expected UNIT=SKELETON (month=MMMM), got \"%s\"", v);
        return false;
    }
    char *unit = g_strndup(v, (size_t)(eq - v));
    tl_error *err = NULL;
    const bool ok = tl_layout_options_set_tick_format(job->style, unit, eq + 1, &err);
    g_free(unit);
    return ok || why_error(err, why);
}

TL_OPTION_HANDLER(ticks)
{
    tl_error *err = NULL;
    return tl_layout_options_set_ticks(job->style, v, &err) || why_error(err, why);
}

/* A month by number (4) or by name (April, apr). */
TL_OPTION_HANDLER(fiscal_start)
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
    job->fiscal_start = (int)m;
    tl_layout_options_set_fiscal_year(job->style, job->fiscal_start, job->fiscal_by_start);
    return true;
}

TL_OPTION_HANDLER(week_start)
{
    if (tl_layout_options_set_week_start(job->style, v))
        return true;
    *why = g_strdup_printf("unknown day \"%s\" (monday, sunday, saturday...)", v);
    return false;
}

TL_OPTION_HANDLER(fiscal_name)
{
    if (strcmp(v, "start") != 0 && strcmp(v, "end") != 0) {
        *why = g_strdup_printf("unknown value \"%s\" (start or end)", v);
        return false;
    }
    job->fiscal_by_start = strcmp(v, "start") == 0;
    tl_layout_options_set_fiscal_year(job->style, job->fiscal_start, job->fiscal_by_start);
    return true;
}

TL_OPTION_HANDLER(scale)
{
    if (strcmp(v, "linear") != 0 && strcmp(v, "log") != 0) {
        *why = g_strdup_printf("unknown scale \"%s\" (linear or log)", v);
        return false;
    }
    tl_layout_options_set_scale(job->style,
                                strcmp(v, "log") == 0 ? TL_TIME_SCALE_LOG : TL_TIME_SCALE_LINEAR);
    return true;
}

TL_OPTION_HANDLER(axis)
{
    if (strcmp(v, "calendar") != 0 && strcmp(v, "elapsed") != 0 && strcmp(v, "number") != 0) {
        *why = g_strdup_printf("unknown axis \"%s\" (calendar, elapsed or number)", v);
        return false;
    }
    job->elapsed = strcmp(v, "elapsed") == 0;
    job->numeric = strcmp(v, "number") == 0;
    /* The cells are read as numbers, before any input is. */
    tl_load_options_set_numeric(job->load, job->numeric);
    return true;
}

/* A date, or else the id of the event that starts the count. */
TL_OPTION_HANDLER(epoch)
{
    tl_error *err = NULL;
    g_free(job->epoch_id);
    job->epoch_id = NULL;
    job->has_epoch = *v != '\0' && tl_time_parse(v, &job->epoch, &err);
    tl_error_free(err);
    if (*v && !job->has_epoch)
        job->epoch_id = g_strdup(v);
    return true;
}

TL_OPTION_HANDLER(elapsed_style)
{
    if (tl_elapsed_style_from_name(v, &job->elapsed_style))
        return true;
    *why = g_strdup_printf("unknown style \"%s\" (t, day, week or month)", v);
    return false;
}

TL_OPTION_HANDLER(elapsed_base)
{
    if (strcmp(v, "0") != 0 && strcmp(v, "1") != 0) {
        *why = g_strdup_printf("expected 0 or 1, got \"%s\"", v);
        return false;
    }
    job->elapsed_base = v[0] - '0';
    return true;
}

static void apply_shade(tl_job *job)
{
    tl_layout_options_set_shade(job->style, job->shade_weekends,
                                job->holidays ? (const tl_time *)(void *)job->holidays->data : NULL,
                                job->holidays ? job->holidays->len : 0);
    /* A plan's working week shades the days outside it. */
    if (job->workdays)
        tl_layout_options_set_shade_days(job->style, ~job->workdays & 0x7f);
    tl_load_options_set_holidays(
        job->load, job->holidays ? (const tl_time *)(void *)job->holidays->data : NULL,
        job->holidays ? job->holidays->len : 0);
}

TL_OPTION_HANDLER(critical_path)
{
    tl_layout_options_set_critical_path(job->style, true);
    return true;
}

TL_OPTION_HANDLER(show_progress)
{
    tl_layout_options_set_show_progress(job->style, true);
    return true;
}

TL_OPTION_HANDLER(workdays)
{
    unsigned mask;
    if (!tl_workdays_parse(v, &mask)) {
        *why = g_strdup_printf("invalid working week \"%s\" (expected days such as Mon-Fri, "
                               "Sun-Thu or Mon,Wed,Fri)",
                               v);
        return false;
    }
    job->workdays = mask;
    tl_load_options_set_workdays(job->load, mask);
    apply_shade(job);
    return true;
}

TL_OPTION_HANDLER(shade)
{
    if (strcmp(v, "weekends") != 0 && strcmp(v, "none") != 0) {
        *why = g_strdup_printf("unknown value \"%s\" (weekends or none)", v);
        return false;
    }
    job->shade_weekends = strcmp(v, "weekends") == 0;
    apply_shade(job);
    return true;
}

/* A file of dates, one a line, in any form a cell takes; blank lines and "#" comments are
 * skipped. A bad line is named by its number. */
TL_OPTION_HANDLER(holidays)
{
    char *text = NULL;
    GError *gerr = NULL;
    tl_job_note_read(job, v, false);
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
    if (job->holidays)
        g_array_free(job->holidays, TRUE);
    job->holidays = days;
    apply_shade(job);
    return true;
}

TL_OPTION_HANDLER(axis_position)
{
    tl_axis_position at;
    if (!tl_axis_position_from_name(v, &at)) {
        *why = g_strdup_printf("unknown position \"%s\" (top, bottom or both)", v);
        return false;
    }
    tl_layout_options_set_axis_position(job->style, at);
    return true;
}

TL_OPTION_HANDLER(past)
{
    tl_past past;
    if (!tl_past_from_name(v, &past)) {
        *why = g_strdup_printf("unknown value \"%s\" (show or dim)", v);
        return false;
    }
    tl_layout_options_set_past(job->style, past);
    return true;
}

TL_OPTION_HANDLER(axis_breaks)
{
    if (strcmp(v, "auto") != 0 && strcmp(v, "none") != 0) {
        *why = g_strdup_printf("expected auto or none, got \"%s\"", v);
        return false;
    }
    job->axis_breaks_off = strcmp(v, "none") == 0;
    return true;
}

TL_OPTION_HANDLER(font_dir)
{
    tl_job_note_read(job, v, true);
    tl_font_options_add_dir(job->fonts, v);
    return true;
}

TL_OPTION_HANDLER(repair_utf8)
{
    bool on;
    if (!parse_bool(v, &on)) {
        *why = g_strdup_printf("expected true or false, got \"%s\"", v);
        return false;
    }
    job->repair_utf8 = on;
    tl_load_options_set_repair_utf8(job->load, on);
    return true;
}

TL_OPTION_HANDLER(date_order)
{
    tl_date_order order;
    if (!tl_date_order_from_name(v, &order)) {
        *why = g_strdup_printf("expected dmy, mdy or ymd, got \"%s\"", v);
        return false;
    }
    tl_load_options_set_date_order(job->load, order);
    return true;
}

TL_OPTION_HANDLER(tz)
{
    tl_error *err = NULL;
    /* The zone times are read in is the zone the axis shows. */
    return (tl_load_options_set_time_zone(job->load, v, &err) &&
            tl_layout_options_set_time_zone(job->style, v, &err)) ||
           why_error(err, why);
}

TL_OPTION_HANDLER(delimiter)
{
    tl_error *err = NULL;
    char d = strcmp(v, "tab") == 0 || strcmp(v, "\\t") == 0 ? '\t' : v[0];
    if (strlen(v) != 1 && d != '\t') {
        *why = g_strdup_printf("expected one character or \"tab\", got \"%s\"", v);
        return false;
    }
    return tl_load_options_set_delimiter(job->load, d, &err) || why_error(err, why);
}

TL_OPTION_HANDLER(input_format)
{
    tl_input_format f;
    if (!tl_input_format_from_name(v, &f)) {
        *why = g_strdup_printf("unknown input format \"%s\" (auto, csv, tsv, json, jsonl, "
                               "timelinejs, mermaid or markwhen)",
                               v);
        return false;
    }
    tl_load_options_set_input_format(job->load, f);
    return true;
}

TL_OPTION_HANDLER(column)
{
    tl_error *err = NULL;
    /* "col-group-order" plays the role "group_order". */
    char *role = g_strdup(o->name + strlen("col-"));
    g_strdelimit(role, "-", '_');
    bool ok = tl_load_options_set_column(job->load, role, *v ? v : NULL, &err);
    g_free(role);
    return ok || why_error(err, why);
}

TL_OPTION_HANDLER(background)
{
    tl_error *err = NULL;
    return tl_layout_options_set_background(job->style, *v ? v : NULL, &err) || why_error(err, why);
}

TL_OPTION_HANDLER(locale)
{
    tl_error *err = NULL;
    return tl_layout_options_set_locale(job->style, v, &err) || why_error(err, why);
}

TL_OPTION_HANDLER(direction)
{
    tl_direction d;
    if (!tl_direction_from_name(v, &d)) {
        *why = g_strdup_printf("unknown direction \"%s\" (auto, ltr or rtl)", v);
        return false;
    }
    tl_layout_options_set_direction(job->style, d);
    return true;
}

TL_OPTION_HANDLER(page)
{
    return tl_page_size_parse(v, &job->page_w, &job->page_h, why);
}

TL_OPTION_HANDLER(margin)
{
    if (!tl_margins_parse(v, job->margins, why))
        return false;
    job->has_margins = true;
    return true;
}

TL_OPTION_HANDLER(pages)
{
    double n;
    if (!parse_number(v, 0, 100, &n) || n != floor(n)) {
        *why = g_strdup_printf("expected a whole number from 0 (as many as needed) to 100, got "
                               "\"%s\"",
                               v);
        return false;
    }
    job->pages = (int)n;
    return true;
}

TL_OPTION_HANDLER(page_scale)
{
    if (strcmp(v, "auto") != 0 && strcmp(v, "uniform") != 0) {
        *why = g_strdup_printf("unknown page scale \"%s\" (auto or uniform)", v);
        return false;
    }
    tl_layout_options_set_page_scale(job->style, strcmp(v, "uniform") == 0 ? TL_PAGE_SCALE_UNIFORM
                                                                           : TL_PAGE_SCALE_AUTO);
    return true;
}

/* The actions a front end takes itself (-c, -S, -h, -V): nothing to store. */
TL_OPTION_HANDLER(nothing)
{
    return true;
}

bool tl_option_apply(tl_job *job, const tl_option_row *o, const char *value, char **why)
{
    if (!o->set(job, o, value, why))
        return false;
    job->checked = false;
    bool on = false;
    if (o->arg == TL_OPTION_FLAG)
        parse_bool(value, &on);
    g_hash_table_insert(job->values, (gpointer)o->name,
                        g_strdup(o->arg == TL_OPTION_FLAG ? (on ? "true" : "false") : value));
    if (!o->section)
        return true;
    if (o->arg == TL_OPTION_LIST) {
        gsize n = 0;
        gchar **old = g_key_file_get_string_list(job->config, o->section, o->name, &n, NULL);
        GPtrArray *list = g_ptr_array_new();
        for (gsize i = 0; i < n; i++)
            g_ptr_array_add(list, old[i]);
        g_ptr_array_add(list, (gpointer)value);
        g_key_file_set_string_list(job->config, o->section, o->name,
                                   (const gchar *const *)list->pdata, list->len);
        g_ptr_array_free(list, TRUE);
        g_strfreev(old);
    } else if (o->arg == TL_OPTION_FLAG) {
        g_key_file_set_string(job->config, o->section, o->name, on ? "true" : "false");
    } else {
        g_key_file_set_string(job->config, o->section, o->name, value);
    }
    return true;
}

/* [palette] keys: KIND.NAME, where the name is a group (as in the data), a status, a text
 * part or a line. */
const char *const tl_palette_kinds[] = {"group",        "status", "group-shape",
                                        "status-shape", "font",   "line"};
const size_t tl_palette_kind_count = G_N_ELEMENTS(tl_palette_kinds);

static int palette_kind(const char *key)
{
    const char *dot = strchr(key, '.');
    size_t klen = dot ? (size_t)(dot - key) : strlen(key);
    for (int i = 0; dot && dot[1] && i < (int)tl_palette_kind_count; i++)
        if (strlen(tl_palette_kinds[i]) == klen && strncmp(key, tl_palette_kinds[i], klen) == 0)
            return i;
    return -1;
}

bool tl_palette_key_known(const char *key)
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

bool tl_palette_apply(tl_job *job, const char *key, const char *value, char **why)
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
        ok = tl_layout_options_set_group_color(job->style, name, value, &err);
        break;
    case 1:
        if (!status_named(name, &status, why))
            return false;
        ok = tl_layout_options_set_status_color(job->style, status, value, &err);
        break;
    case 2:
        if (!shape_named(value, &shape, why))
            return false;
        ok = tl_layout_options_set_group_shape(job->style, name, shape, &err);
        break;
    case 3:
        if (!status_named(name, &status, why) || !shape_named(value, &shape, why))
            return false;
        ok = tl_layout_options_set_status_shape(job->style, status, shape, &err);
        break;
    case 4:
    case 5:
        if (!parse_number(value, 0, 1e6, &v)) {
            *why = g_strdup_printf("expected a number of points, got \"%s\"", value);
            return false;
        }
        if (kind == 4)
            ok = text_part_named(name, &part, why) &&
                 tl_layout_options_set_font_size(job->style, part, v, &err);
        else
            ok = line_kind_named(name, &line, why) &&
                 tl_layout_options_set_line_width(job->style, line, v, &err);
        if (!ok && !err)
            return false;
        break;
    }
    if (!ok)
        return why_error(err, why);
    g_key_file_set_string(job->config, "palette", key, value);
    return true;
}
