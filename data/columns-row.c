/* Data rows -> events, with a warning for each problem a row has. The header's columns are
 * mapped in columns.c. */
#include "data/columns.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "data/columns-private.h"
#include "data/model-private.h"
#include "data/profiles.h"

/* A title made from a TimelineJS text is cut near this many bytes, at a word. */
enum { TITLE_FROM_TEXT_MAX = 60 };

/* "A – B" joins the labels of a span. */
#define RANGE_DASH " \xE2\x80\x93 "

/* ---------------------------------------------------------------------------------------------
 * Keywords
 * ------------------------------------------------------------------------------------------- */

static const keyword status_names[] = {
    {"confirmed", TL_STATUS_CONFIRMED},  {"scheduled", TL_STATUS_CONFIRMED},
    {"held", TL_STATUS_CONFIRMED},       {"done", TL_STATUS_CONFIRMED},
    {"happened", TL_STATUS_CONFIRMED},   {"tentative", TL_STATUS_TENTATIVE},
    {"planned", TL_STATUS_TENTATIVE},    {"proposed", TL_STATUS_TENTATIVE},
    {"expected", TL_STATUS_TENTATIVE},   {"cancelled", TL_STATUS_CANCELLED},
    {"canceled", TL_STATUS_CANCELLED},   {"calledoff", TL_STATUS_CANCELLED},
    {"postponed", TL_STATUS_POSTPONED},  {"deferred", TL_STATUS_POSTPONED},
    {"delayed", TL_STATUS_POSTPONED},    {"rescheduled", TL_STATUS_RESCHEDULED},
    {"moved", TL_STATUS_RESCHEDULED},    {"disputed", TL_STATUS_DISPUTED},
    {"unconfirmed", TL_STATUS_DISPUTED}, {"reported", TL_STATUS_DISPUTED},
    {"alleged", TL_STATUS_DISPUTED},
};

/* Not a tl_event_type: the row is the timeline's title (a TimelineJS title slide). */
enum { TYPE_TITLE = -1 };

static const keyword type_names[] = {
    {"point", TL_EVENT_POINT},    {"event", TL_EVENT_POINT}, {"milestone", TL_EVENT_POINT},
    {"box", TL_EVENT_POINT},      {"span", TL_EVENT_SPAN},   {"range", TL_EVENT_SPAN},
    {"period", TL_EVENT_SPAN},    {"task", TL_EVENT_SPAN},   {"era", TL_EVENT_ERA},
    {"background", TL_EVENT_ERA}, {"band", TL_EVENT_ERA},    {"marker", TL_EVENT_MARKER},
    {"line", TL_EVENT_MARKER},    {"title", TYPE_TITLE},
};

static const keyword yes_no[] = {
    {"yes", 1}, {"y", 1}, {"true", 1},  {"1", 1}, {"x", 1},
    {"no", 0},  {"n", 0}, {"false", 0}, {"0", 0},
};

/* ---------------------------------------------------------------------------------------------
 * Cells
 * ------------------------------------------------------------------------------------------- */

/* A title from the first words of a text: up to about TITLE_FROM_TEXT_MAX bytes, cut at a
 * word, with "…" when cut. */
static void title_from_text(const char *text, char *out, size_t size)
{
    size_t n = 0;
    while (text[n] && text[n] != '\n')
        n++;
    if (n <= TITLE_FROM_TEXT_MAX) {
        snprintf(out, size, "%.*s", (int)n, text);
        return;
    }
    size_t cut = TITLE_FROM_TEXT_MAX;
    while (cut > TITLE_FROM_TEXT_MAX / 2 && text[cut] != ' ')
        cut--;
    if (text[cut] != ' ') {
        cut = TITLE_FROM_TEXT_MAX;
        while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
            cut--; /* not inside a character */
    }
    while (cut > 0 && (text[cut - 1] == ' ' || text[cut - 1] == ',' || text[cut - 1] == ';'))
        cut--;
    snprintf(out, size, "%.*s…", (int)cut, text);
}

typedef struct cell {
    const char *text; /* "" when the row lacks the field */
    tl_csv_pos pos;   /* where the field starts, or the row's end when it lacks the field */
} cell;

static cell get_cell(const tl_columns *cols, const tl_csv_row *row, tl_column col)
{
    const size_t i = cols->index[col];
    if (i == TL_COLUMN_ABSENT || i >= row->count)
        return (cell){"", row->end};
    return (cell){row->fields[i].text, row->fields[i].pos};
}

/* Gets a cell of a profile whose text is HTML, converted to plain text in place (the row's
 * fields are ours to rewrite until the row is done). */
static cell get_text_cell(const tl_columns *cols, tl_csv_row *row, tl_column col, bool keep_lines)
{
    const size_t i = cols->index[col];
    if (cols->profile->html && i != TL_COLUMN_ABSENT && i < row->count &&
        tl_columns_has_html(row->fields[i].text))
        row->fields[i].len = tl_columns_html_to_text(row->fields[i].text, keep_lines);
    return get_cell(cols, row, col);
}

/* A date parse failure as a row warning. */
static void warn_date(const tl_columns *cols, tl_column col, cell c, tl_date_status status,
                      const char *why, const char *path, tl_timeline *tl)
{
    char a[QUOTE_BUF], b[QUOTE_BUF];
    switch (status) {
    case TL_DATE_NEEDS_ORDER:
        tl_columns_warn(tl, path, c.pos,
                        "numeric date %s needs a date order (--date-order dmy or mdy)",
                        tl_columns_quote(a, c.text));
        return;
    case TL_DATE_INVALID:
    case TL_DATE_OK:
        tl_columns_warn(tl, path, c.pos, "invalid date %s in column %s: %s",
                        tl_columns_quote(a, c.text), tl_columns_quote(b, cols->name[col]), why);
        return;
    }
}

/* 1..5 written as plain digits; anything else is a mistake worth reporting. */
static bool parse_importance(const char *s, int *out)
{
    if (s[0] < '1' || s[0] > '5' || s[1] != '\0')
        return false;
    *out = s[0] - '0';
    return true;
}

/* A number in C notation whatever the locale ("2", "-1.5"). */
static bool parse_number(const char *s, double *out)
{
    char *end = NULL;
    const double v = g_ascii_strtod(s, &end);
    if (end == s || *end != '\0' || !isfinite(v))
        return false;
    *out = v;
    return true;
}

typedef struct date_side {
    tl_time time;
    char label[TL_DATE_LABEL_SIZE];
    char text[4 * 64]; /* TimelineJS parts joined; otherwise unused */
    cell at;           /* where to report problems */
} date_side;

/* Joins TimelineJS date parts into one "as written" text: "1815-12-10", "2000-01-05 6:45:56";
 * an empty part before a given one stays visible ("1850--5"). */
static void join_parts(char *out, size_t size, const char *year, const char *month, const char *day,
                       const char *time)
{
    const int last = time[0] ? 3 : day[0] ? 2 : month[0] ? 1 : 0;
    snprintf(out, size, "%s%s%s%s%s%s%s", year, last >= 1 ? "-" : "", month, last >= 2 ? "-" : "",
             day, last >= 3 ? " " : "", time);
}

/* Reads a TimelineJS date from its parts (`base` is TL_COLUMN_YEAR or TL_COLUMN_END_YEAR).
 * Returns false with a warning when the parts are not a date; *present says whether any
 * part was given. */
static bool compose_date(const tl_columns *cols, const tl_csv_row *row, tl_column base,
                         const tl_date_context *ctx, date_side *out, bool *present,
                         const char *path, tl_timeline *tl)
{
    const cell y = get_cell(cols, row, base);
    const cell m = get_cell(cols, row, (tl_column)(base + 1));
    const cell d = get_cell(cols, row, (tl_column)(base + 2));
    const cell t = get_cell(cols, row, (tl_column)(base + 3));
    *present = y.text[0] || m.text[0] || d.text[0] || t.text[0];
    out->at = y;
    if (!*present)
        return true;
    char why[128];
    const tl_date_parts parts = {y.text, m.text, d.text, t.text};
    join_parts(out->text, sizeof out->text, y.text, m.text, d.text, t.text);
    const tl_date_status st =
        tl_date_compose(&parts, ctx, &out->time, out->label, sizeof out->label, why, sizeof why);
    if (st == TL_DATE_OK)
        return true;
    char a[QUOTE_BUF];
    if (!y.text[0]) {
        tl_columns_warn(tl, path, y.pos, "%s date without a year (%s)",
                        base == TL_COLUMN_YEAR ? "start" : "end", tl_columns_quote(a, out->text));
        return false;
    }
    tl_columns_warn(tl, path, y.pos, "invalid date %s in columns %s to %s: %s",
                    tl_columns_quote(a, out->text), tl_columns_get_canonical_name(base),
                    tl_columns_get_canonical_name((tl_column)(base + 3)), why);
    return false;
}

/* A yes/no cell (Preceden); "" is no. Warns and returns false for anything else. */
static bool yes_no_cell(const tl_columns *cols, const tl_csv_row *row, tl_column col, bool *value,
                        const char *path, tl_timeline *tl)
{
    const cell c = get_cell(cols, row, col);
    int v = 0;
    *value = false;
    if (!c.text[0])
        return true;
    if (!tl_columns_keyword_lookup(yes_no, COUNT(yes_no), c.text, &v)) {
        char a[QUOTE_BUF], b[QUOTE_BUF];
        tl_columns_warn(tl, path, c.pos,
                        "invalid value %s in column %s (expected yes or no); taken as no",
                        tl_columns_quote(a, c.text), tl_columns_quote(b, cols->name[col]));
        return false;
    }
    *value = v != 0;
    return true;
}

static bool is_hex_color(const char *s)
{
    if (strlen(s) != 6)
        return false;
    for (const char *p = s; *p; p++) {
        if (!g_ascii_isxdigit(*p))
            return false;
    }
    return true;
}

/* TimelineJS Background: a colour, or an image URL that has no use here. */
static bool looks_like_color(const char *s)
{
    return s[0] && !strchr(s, '/') && !strchr(s, ':') && !strchr(s, ' ');
}

/* Builds the label of the whole event into buf. */
static const char *event_label(const tl_event *ev, char *buf, size_t size)
{
    if (!ev->has_end && !ev->end_open)
        return ev->start_label;
    if (strcmp(ev->start_label, ev->end_label) == 0)
        return ev->start_label;
    /* Labels are shorter than TL_DATE_LABEL_SIZE, so the buffer always holds both. */
    const size_t a = strlen(ev->start_label), b = strlen(ev->end_label);
    const size_t dash = sizeof RANGE_DASH - 1;
    if (a + dash + b >= size)
        return ev->start_label;
    memcpy(buf, ev->start_label, a);
    memcpy(buf + a, RANGE_DASH, dash);
    memcpy(buf + a + dash, ev->end_label, b + 1);
    return buf;
}

/* The row's cell of `col`, trimmed in place as tl_columns_add_row() trims it (again, to no
 * effect); "" when the row lacks it. */
static const char *trimmed_cell(const tl_columns *cols, tl_csv_row *row, tl_column col)
{
    const size_t i = cols->index[col];
    if (i == TL_COLUMN_ABSENT || i >= row->count)
        return "";
    tl_columns_trim_field(&row->fields[i]);
    return row->fields[i].text;
}

bool tl_columns_row_is_local(const tl_columns *cols, tl_csv_row *row)
{
    if (trimmed_cell(cols, row, TL_COLUMN_GROUP_ORDER)[0])
        return false;
    const char *type = trimmed_cell(cols, row, TL_COLUMN_TYPE);
    int value;
    return !type[0] || !tl_columns_keyword_lookup(type_names, COUNT(type_names), type, &value) ||
           value != TYPE_TITLE;
}

/* ---------------------------------------------------------------------------------------------
 * Rows
 * ------------------------------------------------------------------------------------------- */

void tl_columns_add_row(tl_columns *cols, tl_csv_row *row, const char *path, tl_timeline *tl)
{
    for (size_t i = 0; i < row->count; i++)
        tl_columns_trim_field(&row->fields[i]);
    tl->rows++;

    if (row->count > cols->header_count) {
        tl_columns_warn(tl, path, row->fields[cols->header_count].pos,
                        "row has %zu fields but the header has %zu; extra fields ignored",
                        row->count, cols->header_count);
    }

    const tl_profile *profile = cols->profile;
    tl_event ev = {.importance = 3, .line = row->fields[0].pos.line};
    char a[QUOTE_BUF], b[QUOTE_BUF];

    /* The type first: a title row needs no date. */
    const cell type = get_cell(cols, row, TL_COLUMN_TYPE);
    int type_value = 0;
    bool typed = false, unknown_type = false;
    if (type.text[0]) {
        typed = tl_columns_keyword_lookup(type_names, COUNT(type_names), type.text, &type_value);
        unknown_type = !typed;
    }
    cell title = get_text_cell(cols, row, TL_COLUMN_TITLE, false);
    if (typed && type_value == TYPE_TITLE) {
        tl->title_rows++;
        if (cols->title_seen) {
            tl_columns_warn(tl, path, type.pos, "another title row ignored (the title is %s)",
                            tl_columns_quote(a, tl->title));
            return;
        }
        cols->title_seen = true;
        tl_model_set_title(tl, title.text);
        return;
    }

    /* Problems that make the row unusable: one warning, row skipped. */
    tl_date_context ctx = cols->dates;
    bool approx = false;
    if (cols->index[TL_COLUMN_START_APPROX] != TL_COLUMN_ABSENT &&
        yes_no_cell(cols, row, TL_COLUMN_START_APPROX, &approx, path, tl) && approx)
        ctx.add_flags |= TL_TIME_APPROXIMATE;

    date_side start;
    tl_date_cell parsed;
    bool interval = false;
    if (cols->index[TL_COLUMN_START] != TL_COLUMN_ABSENT ||
        cols->index[TL_COLUMN_YEAR] == TL_COLUMN_ABSENT) {
        const cell s = get_cell(cols, row, TL_COLUMN_START);
        if (!s.text[0]) {
            tl_columns_warn(tl, path, s.pos, "missing start date");
            return;
        }
        char why[128];
        const tl_date_status st = tl_date_parse_cell(s.text, &ctx, &parsed, why, sizeof why);
        if (st != TL_DATE_OK) {
            warn_date(cols, TL_COLUMN_START, s, st, why, path, tl);
            return;
        }
        ev.start = parsed.start;
        ev.start_text = s.text;
        ev.start_label = parsed.start_label;
        ev.start_open = parsed.start_open;
        interval = parsed.has_end || parsed.end_open;
        if (parsed.has_end) {
            ev.end = parsed.end;
            ev.has_end = true;
            ev.end_label = parsed.end_label;
        }
        ev.end_open = parsed.end_open;
        if (parsed.end_open)
            ev.end_label = parsed.end_label;
        start.at = s;
    } else {
        bool present;
        if (!compose_date(cols, row, TL_COLUMN_YEAR, &ctx, &start, &present, path, tl))
            return;
        if (!present) {
            tl_columns_warn(tl, path, start.at.pos, "missing start date");
            return;
        }
        ev.start = start.time;
        ev.start_text = start.text;
        ev.start_label = start.label;
    }

    tl_date_context end_ctx = cols->dates;
    if (cols->index[TL_COLUMN_END_APPROX] != TL_COLUMN_ABSENT &&
        yes_no_cell(cols, row, TL_COLUMN_END_APPROX, &approx, path, tl) && approx)
        end_ctx.add_flags |= TL_TIME_APPROXIMATE;
    date_side end;
    end.at = get_cell(cols, row, TL_COLUMN_END);
    end.label[0] = '\0';
    bool end_given = false;
    if (cols->index[TL_COLUMN_END] != TL_COLUMN_ABSENT ||
        cols->index[TL_COLUMN_END_YEAR] == TL_COLUMN_ABSENT) {
        end_given = end.at.text[0] != '\0';
        if (end_given && interval) {
            tl_columns_warn(tl, path, end.at.pos,
                            "end %s ignored: the start %s already gives the end",
                            tl_columns_quote(a, end.at.text), tl_columns_quote(b, start.at.text));
        } else if (end_given) {
            char why[128];
            bool open = false;
            const tl_date_status st =
                tl_date_parse_end_cell(end.at.text, &end_ctx, &end.time, &open, end.label,
                                       sizeof end.label, why, sizeof why);
            if (st != TL_DATE_OK) {
                warn_date(cols, TL_COLUMN_END, end.at, st, why, path, tl);
                return;
            }
            ev.end_open = open;
            ev.has_end = !open;
            ev.end = end.time;
            ev.end_label = end.label;
            ev.end_text = end.at.text;
        }
    } else {
        if (!compose_date(cols, row, TL_COLUMN_END_YEAR, &end_ctx, &end, &end_given, path, tl))
            return;
        if (end_given) {
            ev.has_end = true;
            ev.end = end.time;
            ev.end_label = end.label;
            ev.end_text = end.text;
        }
    }

    char derived[TITLE_FROM_TEXT_MAX + 8];
    const cell description = get_text_cell(cols, row, TL_COLUMN_DESCRIPTION, true);
    if (!title.text[0] && profile->title_from_text && description.text[0]) {
        /* TimelineJS shows such a slide with its text; a chart needs a label. */
        title_from_text(description.text, derived, sizeof derived);
        title.text = derived;
        cols->titles_from_text++;
    }
    if (!title.text[0]) {
        tl_columns_warn(tl, path, title.pos, "empty title");
        return;
    }
    /* Compared as intervals: an end "2019-03" after a start "2019-03-15" still overlaps it. */
    if (ev.has_end && ev.end.hi < ev.start.lo) {
        const cell at = end.at.text[0] ? end.at : start.at;
        tl_columns_warn(tl, path, at.pos, "end %s is before start %s",
                        tl_columns_quote(a, ev.end_text ? ev.end_text : ""),
                        tl_columns_quote(b, ev.start_text));
        return;
    }

    bool milestone = false;
    if (cols->index[TL_COLUMN_MILESTONE] != TL_COLUMN_ABSENT)
        yes_no_cell(cols, row, TL_COLUMN_MILESTONE, &milestone, path, tl);
    const bool has_any_end = ev.has_end || ev.end_open;
    if (unknown_type) {
        tl_columns_warn(tl, path, type.pos,
                        "unknown type %s (expected point, span, era or marker); treated as a %s",
                        tl_columns_quote(a, type.text), has_any_end ? "span" : "point");
    }
    ev.type = typed         ? (tl_event_type)type_value
              : milestone   ? TL_EVENT_POINT
              : has_any_end ? TL_EVENT_SPAN
                            : TL_EVENT_POINT;
    switch (ev.type) {
    case TL_EVENT_POINT:
    case TL_EVENT_MARKER:
        if (has_any_end) {
            /* Only reachable with an explicit point type: a point has no end to draw. */
            const char *end_text = ev.end_text && ev.end_text[0] ? ev.end_text : ev.end_label;
            if (milestone && !typed)
                tl_columns_warn(tl, path, end.at.pos, "end %s ignored: a milestone has no end",
                                tl_columns_quote(a, end_text));
            else
                tl_columns_warn(tl, path, end.at.text[0] ? end.at.pos : start.at.pos,
                                "end %s ignored: type %s has no end", tl_columns_quote(a, end_text),
                                tl_columns_quote(b, type.text));
            ev.has_end = ev.end_open = false;
            ev.end_label = "";
            ev.end_text = "";
        }
        break;
    case TL_EVENT_SPAN:
        if (!has_any_end) {
            tl_columns_warn(tl, path, type.pos, "type %s needs an end date",
                            tl_columns_quote(a, type.text));
            return;
        }
        break;
    case TL_EVENT_ERA:
        break; /* an era without an end is open-ended */
    }

    /* Problems that leave the row usable: a warning, and a default. */
    const cell status = get_cell(cols, row, TL_COLUMN_STATUS);
    int status_value = TL_STATUS_CONFIRMED;
    if (status.text[0] && strcmp(status.text, cols->last_status) == 0) {
        /* Statuses repeat: skip the lookup for the same word as the last row's. */
        status_value = cols->last_status_value;
    } else if (status.text[0] && !tl_columns_keyword_lookup(status_names, COUNT(status_names),
                                                            status.text, &status_value)) {
        tl_columns_warn(tl, path, status.pos,
                        "unknown status %s (expected confirmed, tentative, cancelled, postponed, "
                        "rescheduled or disputed); kept as written",
                        tl_columns_quote(a, status.text));
        status_value = TL_STATUS_OTHER;
    }
    ev.status = (tl_status)status_value;
    ev.status_text = status.text;
    const size_t status_len = strlen(status.text);
    if (status_len > 0 && status_value != TL_STATUS_OTHER && status_len < TL_COLUMNS_STATUS_CACHE) {
        memcpy(cols->last_status, status.text, status_len + 1);
        cols->last_status_value = status_value;
    }

    const cell importance = get_cell(cols, row, TL_COLUMN_IMPORTANCE);
    if (importance.text[0] && !parse_importance(importance.text, &ev.importance)) {
        tl_columns_warn(tl, path, importance.pos,
                        "invalid importance %s (expected 1 to 5); using 3",
                        tl_columns_quote(a, importance.text));
        ev.importance = 3;
    }

    const cell sort = get_cell(cols, row, TL_COLUMN_SORT);
    if (sort.text[0] && !parse_number(sort.text, &ev.sort)) {
        tl_columns_warn(tl, path, sort.pos, "invalid sort %s (expected a number); ignored",
                        tl_columns_quote(a, sort.text));
        ev.sort = 0;
    }

    ev.group = get_cell(cols, row, TL_COLUMN_GROUP).text;
    const cell group_order = get_cell(cols, row, TL_COLUMN_GROUP_ORDER);
    if (group_order.text[0]) {
        double order, previous;
        if (!parse_number(group_order.text, &order)) {
            tl_columns_warn(tl, path, group_order.pos,
                            "invalid group_order %s (expected a number); ignored",
                            tl_columns_quote(a, group_order.text));
        } else if (!ev.group[0]) {
            tl_columns_warn(tl, path, group_order.pos,
                            "group_order %s ignored: the row has no group",
                            tl_columns_quote(a, group_order.text));
        } else if (!tl_model_set_group_order(tl, ev.group, order, &previous)) {
            tl_columns_warn(tl, path, group_order.pos,
                            "group_order %s ignored: group %s already has "
                            "group_order %g",
                            tl_columns_quote(a, group_order.text), tl_columns_quote(b, ev.group),
                            previous);
        }
    }

    ev.color = get_cell(cols, row, TL_COLUMN_COLOR).text;
    char hashed[8];
    if (profile->bare_hex_colors && ev.color[0]) {
        if (g_ascii_strcasecmp(ev.color, "random") == 0) {
            ev.color = "";
        } else if (is_hex_color(ev.color)) {
            /* Preceden writes colours without the '#'. */
            snprintf(hashed, sizeof hashed, "#%s", ev.color);
            ev.color = hashed;
        }
    }
    const cell background = get_cell(cols, row, TL_COLUMN_BACKGROUND);
    if (!ev.color[0] && ev.type == TL_EVENT_ERA && looks_like_color(background.text))
        ev.color = background.text;

    ev.title = title.text;
    ev.description = description.text;
    ev.url = get_cell(cols, row, TL_COLUMN_URL).text;
    ev.source = get_cell(cols, row, TL_COLUMN_SOURCE).text;
    if (!ev.start_label)
        ev.start_label = "";
    if (!ev.end_label)
        ev.end_label = "";
    char label[2 * TL_DATE_LABEL_SIZE + 8];
    const cell display = get_text_cell(cols, row, TL_COLUMN_DISPLAY_DATE, false);
    if (display.text[0]) {
        ev.date_label = display.text;
    } else {
        ev.date_label = event_label(&ev, label, sizeof label);
    }
    tl_model_add_event(tl, &ev);
}
