/* tl_load_options: how to read a CSV file (date order, time zone, delimiter, column roles). */
#include "data/load-options-private.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "data/plan.h"

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"

tl_load_options *tl_load_options_new(void)
{
    tl_load_options *opts = tl_xcalloc(1, sizeof *opts);
    opts->order = TL_DATE_ORDER_NONE;
    return opts;
}

void tl_load_options_free(tl_load_options *opts)
{
    if (!opts)
        return;
    if (opts->zone)
        g_time_zone_unref(opts->zone);
    for (size_t i = 0; i < TL_COLUMN_OVERRIDABLE; i++)
        free(opts->columns[i]);
    free(opts->holidays);
    free(opts);
}

void tl_load_options_set_numeric(tl_load_options *opts, bool numeric)
{
    opts->numeric = numeric;
}

void tl_load_options_set_date_order(tl_load_options *opts, tl_date_order order)
{
    switch (order) {
    case TL_DATE_ORDER_NONE:
    case TL_DATE_ORDER_DMY:
    case TL_DATE_ORDER_MDY:
    case TL_DATE_ORDER_YMD:
        opts->order = order;
        return;
    }
    /* Not a tl_date_order value: keep the current one. */
}

bool tl_load_options_set_time_zone(tl_load_options *opts, const char *name, tl_error **err)
{
    GTimeZone *zone = NULL;
    if (name && name[0]) {
        /* g_time_zone_new_identifier() returns NULL for a name tzdata does not know, where
         * g_time_zone_new() would silently fall back to UTC. */
        zone = g_time_zone_new_identifier(name);
        if (!zone)
            return tl_set_error(err, TL_ERROR_USAGE,
                                "unknown time zone \"%s\" (expected an IANA name such as "
                                "Europe/Paris or America/New_York, UTC, or an offset such as "
                                "+09:00)",
                                name);
    }
    if (opts->zone)
        g_time_zone_unref(opts->zone);
    opts->zone = zone;
    return true;
}

bool tl_load_options_set_delimiter(tl_load_options *opts, char delimiter, tl_error **err)
{
    const unsigned char c = (unsigned char)delimiter;
    if (c != 0 && (c == '"' || c == '\n' || c == '\r' || c >= 0x80))
        return tl_set_error(err, TL_ERROR_USAGE,
                            "invalid delimiter 0x%02X (a quote, line break or non-ASCII byte "
                            "cannot separate fields)",
                            c);
    opts->delimiter = delimiter;
    return true;
}

void tl_load_options_set_repair_utf8(tl_load_options *opts, bool enable)
{
    opts->repair_utf8 = enable;
}

bool tl_load_options_set_column(tl_load_options *opts, const char *role, const char *header,
                                tl_error **err)
{
    tl_column col;
    if (!role || !tl_columns_role_from_name(role, &col))
        return tl_set_error(err, TL_ERROR_USAGE,
                            "unknown column role \"%s\" (expected start, end, title, "
                            "description, group, status, type, importance, color, url, source, "
                            "sort, group_order, id, depends, duration or progress)",
                            role ? role : "");
    free(opts->columns[col]);
    opts->columns[col] = header ? tl_xstrdup(header) : NULL;
    return true;
}

void tl_load_options_set_workdays(tl_load_options *opts, unsigned mask)
{
    opts->workdays = mask & 0x7f;
}

void tl_load_options_set_holidays(tl_load_options *opts, const tl_time *holidays, size_t count)
{
    free(opts->holidays);
    opts->holidays = NULL;
    opts->nholidays = 0;
    if (count == 0)
        return;
    opts->holidays = tl_xmalloc(count * sizeof *holidays);
    memcpy(opts->holidays, holidays, count * sizeof *holidays);
    opts->nholidays = count;
}

bool tl_workdays_parse(const char *text, unsigned *mask)
{
    return text && tl_plan_parse_workdays(text, mask);
}

void tl_load_options_set_input_format(tl_load_options *opts, tl_input_format format)
{
    if (format >= TL_INPUT_AUTO && format <= TL_INPUT_MARKWHEN)
        opts->input_format = format;
}
