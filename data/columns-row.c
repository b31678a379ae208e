/* Data rows -> events, with a warning for each problem a row has. The header's columns are
 * mapped in columns.c. */
#include "data/columns.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "data/columns-plan.h"
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
        tl_columns_warn(tl, path, c.pos, "invalid %s %s in column %s: %s",
                        cols->dates.numeric ? "number" : "date", tl_columns_quote(a, c.text),
                        tl_columns_quote(b, cols->name[col]), why);
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
 * A row's steps
 *
 * tl_columns_add_row() reads a row in steps, in this order, which is the order of its
 * warnings: the type (a title row stops there), the start and end dates, the title, the type
 * against the dates, then the cells whose problems leave the row usable. A step that returns
 * false has warned and the row is skipped.
 * ------------------------------------------------------------------------------------------- */

/* A row on its way to an event. The event's strings point into the row's fields and into the
 * buffers here, so nothing is copied before tl_model_add_event(). */
typedef struct reading {
    tl_columns *cols;
    tl_csv_row *row;
    const char *path;
    tl_timeline *tl;
    tl_event ev;
    tl_event_extra extra; /* ev.extra */
    cell type, title, description;
    int type_value;
    bool typed, unknown_type;
    tl_date_cell parsed; /* the start cell, which may give the end too */
    bool interval;
    date_side start, end;
    char derived[TITLE_FROM_TEXT_MAX + 8];
    char hashed[8];
    char label[2 * TL_DATE_LABEL_SIZE + 8];
    tl_plan_row plan; /* the plan cells, when the header has plan columns */
    bool has_plan;
} reading;

/* The type first: a title row needs no date. True when the row is a title row, handled. */
static bool read_title_row(reading *r)
{
    tl_columns *cols = r->cols;
    tl_timeline *tl = r->tl;
    r->type = get_cell(cols, r->row, TL_COLUMN_TYPE);
    r->type_value = 0;
    r->typed = r->unknown_type = false;
    if (r->type.text[0]) {
        r->typed =
            tl_columns_keyword_lookup(type_names, COUNT(type_names), r->type.text, &r->type_value);
        r->unknown_type = !r->typed;
    }
    r->title = get_text_cell(cols, r->row, TL_COLUMN_TITLE, false);
    if (!r->typed || r->type_value != TYPE_TITLE)
        return false;
    tl->title_rows++;
    if (cols->title_seen) {
        char a[QUOTE_BUF];
        tl_columns_warn(tl, r->path, r->type.pos, "another title row ignored (the title is %s)",
                        tl_columns_quote(a, tl->title));
        return true;
    }
    cols->title_seen = true;
    tl_model_set_title(tl, r->title.text);
    return true;
}

/* A start that data/plan.c resolves once every row is in: "after design", or empty in a row
 * with dependencies. Its date is a placeholder until then. */
static bool plan_start(reading *r, cell s)
{
    if (!r->plan.start_pending &&
        tl_columns_plan_start(r->cols, s.text, s.pos, r->path, r->tl, &r->plan) <= 0) {
        tl_columns_warn(r->tl, r->path, s.pos, "missing start date");
        return false;
    }
    tl_event *ev = &r->ev;
    ev->start = (tl_time){.precision = TL_PRECISION_DAY};
    ev->start_text = s.text;
    ev->start_label = "";
    return true;
}

/* The start: a date cell (perhaps an interval, which gives the end too) or TimelineJS parts. */
static bool read_start(reading *r)
{
    const tl_columns *cols = r->cols;
    tl_event *ev = &r->ev;
    tl_date_context ctx = cols->dates;
    bool approx = false;
    if (cols->index[TL_COLUMN_START_APPROX] != TL_COLUMN_ABSENT &&
        yes_no_cell(cols, r->row, TL_COLUMN_START_APPROX, &approx, r->path, r->tl) && approx)
        ctx.add_flags |= TL_TIME_APPROXIMATE;

    r->interval = false;
    if (cols->index[TL_COLUMN_START] != TL_COLUMN_ABSENT ||
        cols->index[TL_COLUMN_YEAR] == TL_COLUMN_ABSENT) {
        const cell s = get_cell(cols, r->row, TL_COLUMN_START);
        r->start.at = s;
        if (!s.text[0] && r->has_plan)
            return plan_start(r, s);
        if (!s.text[0]) {
            tl_columns_warn(r->tl, r->path, s.pos, "missing start date");
            return false;
        }
        char why[128];
        tl_date_cell *parsed = &r->parsed;
        const tl_date_status st = tl_date_parse_cell(s.text, &ctx, parsed, why, sizeof why);
        if (st != TL_DATE_OK && r->has_plan) {
            const int relative =
                tl_columns_plan_start(cols, s.text, s.pos, r->path, r->tl, &r->plan);
            if (relative != 0)
                return relative > 0 && plan_start(r, s);
        }
        if (st != TL_DATE_OK) {
            warn_date(cols, TL_COLUMN_START, s, st, why, r->path, r->tl);
            return false;
        }
        ev->start = parsed->start;
        ev->start_text = s.text;
        ev->start_label = parsed->start_label;
        ev->start_open = parsed->start_open;
        r->interval = parsed->has_end || parsed->end_open;
        if (parsed->has_end) {
            ev->end = parsed->end;
            ev->has_end = true;
            ev->end_label = parsed->end_label;
        }
        ev->end_open = parsed->end_open;
        if (parsed->end_open)
            ev->end_label = parsed->end_label;
        r->start.at = s;
        return true;
    }
    bool present;
    if (!compose_date(cols, r->row, TL_COLUMN_YEAR, &ctx, &r->start, &present, r->path, r->tl))
        return false;
    if (!present) {
        tl_columns_warn(r->tl, r->path, r->start.at.pos, "missing start date");
        return false;
    }
    ev->start = r->start.time;
    ev->start_text = r->start.text;
    ev->start_label = r->start.label;
    return true;
}

/* With a duration and no end, the end is the start plus the duration (data/plan.c); an end
 * given beside a duration wins. */
static void plan_end(reading *r, bool end_given)
{
    tl_plan_row *plan = &r->plan;
    if (!r->has_plan || !plan->duration[0])
        return;
    if (end_given || r->interval) {
        char a[QUOTE_BUF];
        tl_columns_warn(r->tl, r->path, (tl_csv_pos){plan->duration_line, plan->duration_col},
                        "duration %s ignored: the row gives its end",
                        tl_columns_quote(a, plan->duration));
        plan->duration = "";
        return;
    }
    plan->end_pending = true;
    r->ev.has_end = true;
    r->ev.end = r->ev.start;
    r->ev.end_label = "";
    r->ev.end_text = plan->duration;
}

/* The end, unless the start was an interval: an end cell or TimelineJS parts. */
static bool read_end(reading *r)
{
    const tl_columns *cols = r->cols;
    tl_event *ev = &r->ev;
    date_side *end = &r->end;
    tl_date_context end_ctx = cols->dates;
    bool approx = false;
    if (cols->index[TL_COLUMN_END_APPROX] != TL_COLUMN_ABSENT &&
        yes_no_cell(cols, r->row, TL_COLUMN_END_APPROX, &approx, r->path, r->tl) && approx)
        end_ctx.add_flags |= TL_TIME_APPROXIMATE;
    end->at = get_cell(cols, r->row, TL_COLUMN_END);
    end->label[0] = '\0';
    bool end_given = false;
    if (cols->index[TL_COLUMN_END] != TL_COLUMN_ABSENT ||
        cols->index[TL_COLUMN_END_YEAR] == TL_COLUMN_ABSENT) {
        end_given = end->at.text[0] != '\0';
        if (end_given && r->interval) {
            char a[QUOTE_BUF], b[QUOTE_BUF];
            tl_columns_warn(
                r->tl, r->path, end->at.pos, "end %s ignored: the start %s already gives the end",
                tl_columns_quote(a, end->at.text), tl_columns_quote(b, r->start.at.text));
        } else if (end_given) {
            char why[128];
            bool open = false;
            const tl_date_status st =
                tl_date_parse_end_cell(end->at.text, &end_ctx, &end->time, &open, end->label,
                                       sizeof end->label, why, sizeof why);
            if (st != TL_DATE_OK) {
                warn_date(cols, TL_COLUMN_END, end->at, st, why, r->path, r->tl);
                return false;
            }
            ev->end_open = open;
            ev->has_end = !open;
            ev->end = end->time;
            ev->end_label = end->label;
            ev->end_text = end->at.text;
        }
        plan_end(r, end_given);
        return true;
    }
    if (!compose_date(cols, r->row, TL_COLUMN_END_YEAR, &end_ctx, end, &end_given, r->path, r->tl))
        return false;
    if (end_given) {
        ev->has_end = true;
        ev->end = end->time;
        ev->end_label = end->label;
        ev->end_text = end->text;
    }
    return true;
}

/* A title (perhaps made from the text), and an end that is not before the start. */
static bool check_title_and_dates(reading *r)
{
    tl_columns *cols = r->cols;
    const tl_event *ev = &r->ev;
    r->description = get_text_cell(cols, r->row, TL_COLUMN_DESCRIPTION, true);
    if (!r->title.text[0] && cols->profile->title_from_text && r->description.text[0]) {
        /* TimelineJS shows such a slide with its text; a chart needs a label. */
        title_from_text(r->description.text, r->derived, sizeof r->derived);
        r->title.text = r->derived;
        cols->titles_from_text++;
    }
    if (!r->title.text[0]) {
        tl_columns_warn(r->tl, r->path, r->title.pos, "empty title");
        return false;
    }
    /* Compared as intervals: an end "2019-03" after a start "2019-03-15" still overlaps it.
     * A planned start is checked once it is known. */
    if (ev->has_end && ev->end.hi < ev->start.lo && !r->plan.start_pending) {
        const cell at = r->end.at.text[0] ? r->end.at : r->start.at;
        char a[QUOTE_BUF], b[QUOTE_BUF];
        tl_columns_warn(r->tl, r->path, at.pos, "end %s is before start %s",
                        tl_columns_quote(a, ev->end_text ? ev->end_text : ""),
                        tl_columns_quote(b, ev->start_text));
        return false;
    }
    return true;
}

/* The event's type: as written, or a milestone's, or from whether it has an end; a point
 * drops its end, and a span without one is skipped. */
static bool settle_type(reading *r)
{
    tl_event *ev = &r->ev;
    const cell type = r->type;
    const cell end_at = r->end.at;
    char a[QUOTE_BUF], b[QUOTE_BUF];
    bool milestone = false;
    if (r->cols->index[TL_COLUMN_MILESTONE] != TL_COLUMN_ABSENT)
        yes_no_cell(r->cols, r->row, TL_COLUMN_MILESTONE, &milestone, r->path, r->tl);
    const bool has_any_end = ev->has_end || ev->end_open;
    if (r->unknown_type) {
        tl_columns_warn(r->tl, r->path, type.pos,
                        "unknown type %s (expected point, span, era or marker); treated as a %s",
                        tl_columns_quote(a, type.text), has_any_end ? "span" : "point");
    }
    ev->type = r->typed      ? (tl_event_type)r->type_value
               : milestone   ? TL_EVENT_POINT
               : has_any_end ? TL_EVENT_SPAN
                             : TL_EVENT_POINT;
    switch (ev->type) {
    case TL_EVENT_POINT:
    case TL_EVENT_MARKER:
        if (has_any_end) {
            /* Only reachable with an explicit point type: a point has no end to draw. */
            const char *end_text = ev->end_text && ev->end_text[0] ? ev->end_text : ev->end_label;
            if (milestone && !r->typed)
                tl_columns_warn(r->tl, r->path, end_at.pos,
                                "end %s ignored: a milestone has no end",
                                tl_columns_quote(a, end_text));
            else
                tl_columns_warn(r->tl, r->path, end_at.text[0] ? end_at.pos : r->start.at.pos,
                                "end %s ignored: type %s has no end", tl_columns_quote(a, end_text),
                                tl_columns_quote(b, type.text));
            ev->has_end = ev->end_open = false;
            ev->end_label = "";
            ev->end_text = "";
        }
        break;
    case TL_EVENT_SPAN:
        if (!has_any_end) {
            tl_columns_warn(r->tl, r->path, type.pos, "type %s needs an end date",
                            tl_columns_quote(a, type.text));
            return false;
        }
        break;
    case TL_EVENT_ERA:
        break; /* an era without an end is open-ended */
    }
    return true;
}

/* Problems that leave the row usable, from here on: a warning, and a default. */
static void read_status(reading *r)
{
    tl_columns *cols = r->cols;
    const cell status = get_cell(cols, r->row, TL_COLUMN_STATUS);
    int status_value = TL_STATUS_CONFIRMED;
    if (status.text[0] && strcmp(status.text, cols->last_status) == 0) {
        /* Statuses repeat: skip the lookup for the same word as the last row's. */
        status_value = cols->last_status_value;
    } else if (status.text[0] && !tl_columns_keyword_lookup(status_names, COUNT(status_names),
                                                            status.text, &status_value)) {
        char a[QUOTE_BUF];
        tl_columns_warn(r->tl, r->path, status.pos,
                        "unknown status %s (expected confirmed, tentative, cancelled, postponed, "
                        "rescheduled or disputed); kept as written",
                        tl_columns_quote(a, status.text));
        status_value = TL_STATUS_OTHER;
    }
    r->ev.status = (tl_status)status_value;
    r->ev.status_text = status.text;
    const size_t status_len = strlen(status.text);
    if (status_len > 0 && status_value != TL_STATUS_OTHER && status_len < TL_COLUMNS_STATUS_CACHE) {
        memcpy(cols->last_status, status.text, status_len + 1);
        cols->last_status_value = status_value;
    }
}

static void read_importance_and_sort(reading *r)
{
    tl_event *ev = &r->ev;
    char a[QUOTE_BUF];
    const cell importance = get_cell(r->cols, r->row, TL_COLUMN_IMPORTANCE);
    if (importance.text[0] && !parse_importance(importance.text, &ev->importance)) {
        tl_columns_warn(r->tl, r->path, importance.pos,
                        "invalid importance %s (expected 1 to 5); using 3",
                        tl_columns_quote(a, importance.text));
        ev->importance = 3;
    }

    const cell sort = get_cell(r->cols, r->row, TL_COLUMN_SORT);
    if (sort.text[0] && !parse_number(sort.text, &r->extra.sort)) {
        tl_columns_warn(r->tl, r->path, sort.pos, "invalid sort %s (expected a number); ignored",
                        tl_columns_quote(a, sort.text));
        r->extra.sort = 0;
    }
}

static void read_group(reading *r)
{
    tl_event *ev = &r->ev;
    ev->group = get_cell(r->cols, r->row, TL_COLUMN_GROUP).text;
    const cell group_order = get_cell(r->cols, r->row, TL_COLUMN_GROUP_ORDER);
    if (!group_order.text[0])
        return;
    char a[QUOTE_BUF], b[QUOTE_BUF];
    double order, previous;
    if (!parse_number(group_order.text, &order)) {
        tl_columns_warn(r->tl, r->path, group_order.pos,
                        "invalid group_order %s (expected a number); ignored",
                        tl_columns_quote(a, group_order.text));
    } else if (!ev->group[0]) {
        tl_columns_warn(r->tl, r->path, group_order.pos,
                        "group_order %s ignored: the row has no group",
                        tl_columns_quote(a, group_order.text));
    } else if (!tl_model_set_group_order(r->tl, ev->group, order, &previous)) {
        tl_columns_warn(r->tl, r->path, group_order.pos,
                        "group_order %s ignored: group %s already has "
                        "group_order %g",
                        tl_columns_quote(a, group_order.text), tl_columns_quote(b, ev->group),
                        previous);
    }
}

static void read_color(reading *r)
{
    tl_event_extra *x = &r->extra;
    x->color = get_cell(r->cols, r->row, TL_COLUMN_COLOR).text;
    if (r->cols->profile->bare_hex_colors && x->color[0]) {
        if (g_ascii_strcasecmp(x->color, "random") == 0) {
            x->color = "";
        } else if (is_hex_color(x->color)) {
            /* Preceden writes colours without the '#'. */
            snprintf(r->hashed, sizeof r->hashed, "#%s", x->color);
            x->color = r->hashed;
        }
    }
    const cell background = get_cell(r->cols, r->row, TL_COLUMN_BACKGROUND);
    if (!x->color[0] && r->ev.type == TL_EVENT_ERA && looks_like_color(background.text))
        x->color = background.text;
}

/* The texts and the date label, and the event into the model. */
static void add_event(reading *r)
{
    tl_event *ev = &r->ev;
    ev->title = r->title.text;
    ev->description = r->description.text;
    r->extra.url = get_cell(r->cols, r->row, TL_COLUMN_URL).text;
    r->extra.id = get_cell(r->cols, r->row, TL_COLUMN_ID).text;
    r->extra.source = get_cell(r->cols, r->row, TL_COLUMN_SOURCE).text;
    if (!ev->start_label)
        ev->start_label = "";
    if (!ev->end_label)
        ev->end_label = "";
    if (r->has_plan && tl_columns_plan_used(&r->plan))
        r->extra.plan = &r->plan;
    const cell display = get_text_cell(r->cols, r->row, TL_COLUMN_DISPLAY_DATE, false);
    ev->own_date_label = display.text[0] != '\0';
    if (display.text[0]) {
        ev->date_label = display.text;
    } else {
        ev->date_label = event_label(ev, r->label, sizeof r->label);
    }
    tl_model_add_event(r->tl, ev);
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

    /* Not zeroed as a whole: each step sets what it reads. */
    reading r;
    r.cols = cols;
    r.row = row;
    r.path = path;
    r.tl = tl;
    r.ev = (tl_event){.importance = 3, .line = row->fields[0].pos.line, .extra = &r.extra};
    r.extra = (tl_event_extra){.color = "", .url = "", .source = "", .id = ""};
    if (read_title_row(&r))
        return;
    r.has_plan = tl_columns_read_plan(cols, row, path, tl, &r.plan);
    /* Problems that make the row unusable: one warning, row skipped. */
    if (!read_start(&r) || !read_end(&r) || !check_title_and_dates(&r) || !settle_type(&r))
        return;
    read_status(&r);
    read_importance_and_sort(&r);
    read_group(&r);
    read_color(&r);
    add_event(&r);
}
