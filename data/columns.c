/* Header row -> column map, and data rows -> events with per-row warnings. */
#include "data/columns.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-buf.h"
#include "common/tl-error-private.h"
#include "data/date.h"
#include "data/model-private.h"

/* Longest name (header or keyword) worth normalising; every alias is shorter. */
enum { MAX_KEYWORD = 32 };

/* How much of a cell a message quotes: enough to recognise it, short enough to keep the
 * message on one readable line. */
enum { QUOTE_MAX_CHARS = 40, QUOTE_BUF = 4 * QUOTE_MAX_CHARS + 16 };

/* Header names in the found-list of the missing-column error. */
enum { MAX_LISTED_COLUMNS = 20 };

/* ---------------------------------------------------------------------------------------------
 * Keywords
 * ------------------------------------------------------------------------------------------- */

typedef struct keyword {
    const char *name; /* normalised */
    int value;
} keyword;

static const keyword column_names[] = {
    {"start", TL_COLUMN_START},
    {"date", TL_COLUMN_START},
    {"from", TL_COLUMN_START},
    {"startdate", TL_COLUMN_START},
    {"begin", TL_COLUMN_START},
    {"when", TL_COLUMN_START},
    {"end", TL_COLUMN_END},
    {"to", TL_COLUMN_END},
    {"until", TL_COLUMN_END},
    {"enddate", TL_COLUMN_END},
    {"finish", TL_COLUMN_END},
    {"title", TL_COLUMN_TITLE},
    {"headline", TL_COLUMN_TITLE},
    {"event", TL_COLUMN_TITLE},
    {"label", TL_COLUMN_TITLE},
    {"name", TL_COLUMN_TITLE},
    {"task", TL_COLUMN_TITLE},
    {"description", TL_COLUMN_DESCRIPTION},
    {"text", TL_COLUMN_DESCRIPTION},
    {"notes", TL_COLUMN_DESCRIPTION},
    {"details", TL_COLUMN_DESCRIPTION},
    {"group", TL_COLUMN_GROUP},
    {"category", TL_COLUMN_GROUP},
    {"lane", TL_COLUMN_GROUP},
    {"layer", TL_COLUMN_GROUP},
    {"status", TL_COLUMN_STATUS},
    {"type", TL_COLUMN_TYPE},
    {"importance", TL_COLUMN_IMPORTANCE},
    {"priority", TL_COLUMN_IMPORTANCE},
    {"color", TL_COLUMN_COLOR},
    {"colour", TL_COLUMN_COLOR},
};

static const keyword status_names[] = {
    {"confirmed", TL_STATUS_CONFIRMED}, {"scheduled", TL_STATUS_CONFIRMED},
    {"held", TL_STATUS_CONFIRMED},      {"done", TL_STATUS_CONFIRMED},
    {"happened", TL_STATUS_CONFIRMED},  {"tentative", TL_STATUS_TENTATIVE},
    {"planned", TL_STATUS_TENTATIVE},   {"proposed", TL_STATUS_TENTATIVE},
    {"expected", TL_STATUS_TENTATIVE},  {"cancelled", TL_STATUS_CANCELLED},
    {"canceled", TL_STATUS_CANCELLED},  {"calledoff", TL_STATUS_CANCELLED},
    {"postponed", TL_STATUS_POSTPONED}, {"deferred", TL_STATUS_POSTPONED},
    {"delayed", TL_STATUS_POSTPONED},
};

static const keyword type_names[] = {
    {"point", TL_EVENT_POINT}, {"event", TL_EVENT_POINT}, {"milestone", TL_EVENT_POINT},
    {"span", TL_EVENT_SPAN},   {"range", TL_EVENT_SPAN},  {"period", TL_EVENT_SPAN},
    {"task", TL_EVENT_SPAN},   {"era", TL_EVENT_ERA},     {"background", TL_EVENT_ERA},
    {"band", TL_EVENT_ERA},    {"marker", TL_EVENT_MARKER}, {"line", TL_EVENT_MARKER},
};

/* Lower-cases ASCII letters and drops ' ', '_', '-' and '.', so "Start Date", "start_date"
 * and "START-DATE" compare equal. False when the result would not fit (no keyword is that
 * long). */
static bool normalise(const char *s, char *out, size_t size)
{
    size_t n = 0;
    for (; *s; s++) {
        char c = *s;
        if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '\t')
            continue;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (n + 1 >= size)
            return false;
        out[n++] = c;
    }
    out[n] = '\0';
    return true;
}

static bool lookup(const keyword *table, size_t count, const char *text, int *value)
{
    char key[MAX_KEYWORD];
    if (!normalise(text, key, sizeof key))
        return false;
    for (size_t i = 0; i < count; i++) {
        if (strcmp(table[i].name, key) == 0) {
            *value = table[i].value;
            return true;
        }
    }
    return false;
}

bool tl_columns_lookup(const char *name, tl_column *out)
{
    int value;
    if (!lookup(column_names, sizeof column_names / sizeof column_names[0], name, &value))
        return false;
    *out = (tl_column)value;
    return true;
}

const char *tl_columns_get_canonical_name(tl_column column)
{
    switch (column) {
    case TL_COLUMN_START:
        return "start";
    case TL_COLUMN_END:
        return "end";
    case TL_COLUMN_TITLE:
        return "title";
    case TL_COLUMN_DESCRIPTION:
        return "description";
    case TL_COLUMN_GROUP:
        return "group";
    case TL_COLUMN_STATUS:
        return "status";
    case TL_COLUMN_TYPE:
        return "type";
    case TL_COLUMN_IMPORTANCE:
        return "importance";
    case TL_COLUMN_COLOR:
        return "color";
    }
    return "?";
}

/* ---------------------------------------------------------------------------------------------
 * Messages
 * ------------------------------------------------------------------------------------------- */

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static void trim_field(tl_csv_field *f)
{
    char *s = f->text;
    size_t len = f->len;
    while (len > 0 && is_space(*s)) {
        s++;
        len--;
    }
    while (len > 0 && is_space(s[len - 1]))
        len--;
    s[len] = '\0';
    f->text = s;
    f->len = len;
}

/* Appends at most `max_chars` code points of `s` (valid UTF-8: the reader checked it), with
 * control characters escaped so that a message stays on one line, and "…" when cut. */
static void append_excerpt(tl_buf *b, const char *s, size_t max_chars)
{
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xC0) != 0x80) {
            if (chars == max_chars) {
                tl_buf_append_str(b, "…");
                return;
            }
            chars++;
        }
        if (*p == '\n')
            tl_buf_append_str(b, "\\n");
        else if (*p == '\t')
            tl_buf_append_str(b, "\\t");
        else if (*p < 0x20 || *p == 0x7F)
            tl_buf_printf(b, "\\x%02X", *p);
        else
            tl_buf_append_char(b, (char)*p);
    }
}

/* Formats a cell as it appears in a message: "text", shortened and escaped. */
static const char *quote(char buf[QUOTE_BUF], const char *s)
{
    tl_buf b = TL_BUF_INIT;
    tl_buf_append_char(&b, '"');
    append_excerpt(&b, s, QUOTE_MAX_CHARS);
    tl_buf_append_char(&b, '"');
    /* The excerpt is bounded, so this only cuts if an escape-heavy cell overflows; cut on a
     * character boundary anyway. */
    size_t n = b.len < QUOTE_BUF - 1 ? b.len : QUOTE_BUF - 1;
    while (n > 0 && n < b.len && ((unsigned char)b.data[n] & 0xC0) == 0x80)
        n--;
    memcpy(buf, b.data, n);
    buf[n] = '\0';
    tl_buf_free(&b);
    return buf;
}

static void warn(tl_timeline *tl, const char *path, tl_csv_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void warn(tl_timeline *tl, const char *path, tl_csv_pos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = tl_xvasprintf(fmt, ap);
    va_end(ap);
    tl_model_add_warning(tl, tl_format_located(path, pos.line, pos.column, msg));
    free(msg);
}

/* ---------------------------------------------------------------------------------------------
 * Header
 * ------------------------------------------------------------------------------------------- */

static void init_empty(tl_columns *cols)
{
    for (size_t i = 0; i < TL_COLUMN_COUNT; i++) {
        cols->index[i] = TL_COLUMN_ABSENT;
        cols->name[i] = NULL;
    }
    cols->header_count = 0;
}

/* "when, what" from the header, for the missing-column error. */
static char *list_names(const tl_csv_row *header)
{
    tl_buf b = TL_BUF_INIT;
    size_t listed = 0;
    for (size_t i = 0; i < header->count; i++) {
        const char *name = header->fields[i].text;
        if (!name[0])
            continue;
        if (listed == MAX_LISTED_COLUMNS) {
            tl_buf_append_str(&b, ", …");
            break;
        }
        if (listed > 0)
            tl_buf_append_str(&b, ", ");
        /* Names are listed bare, as written, unless a comma would make the list ambiguous. */
        const bool quoted = strpbrk(name, ",\"") != NULL;
        if (quoted)
            tl_buf_append_char(&b, '"');
        append_excerpt(&b, name, QUOTE_MAX_CHARS);
        if (quoted)
            tl_buf_append_char(&b, '"');
        listed++;
    }
    if (listed == 0)
        tl_buf_append_str(&b, "no column names");
    return tl_buf_steal(&b);
}

bool tl_columns_init(tl_columns *cols, tl_csv_row *header, const char *path, tl_timeline *tl,
                     tl_error **err)
{
    init_empty(cols);
    cols->header_count = header->count;
    for (size_t i = 0; i < header->count; i++) {
        tl_csv_field *f = &header->fields[i];
        trim_field(f);
        tl_column col;
        if (!tl_columns_lookup(f->text, &col))
            continue;
        if (cols->index[col] != TL_COLUMN_ABSENT) {
            char a[QUOTE_BUF], b[QUOTE_BUF];
            warn(tl, path, f->pos, "column %s ignored: %s is already the %s column",
                 quote(a, f->text), quote(b, cols->name[col]), tl_columns_get_canonical_name(col));
            continue;
        }
        cols->index[col] = i;
        cols->name[col] = tl_xstrdup(f->text);
    }

    const bool no_start = cols->index[TL_COLUMN_START] == TL_COLUMN_ABSENT;
    const bool no_title = cols->index[TL_COLUMN_TITLE] == TL_COLUMN_ABSENT;
    if (no_start || no_title) {
        char *found = list_names(header);
        tl_set_error_at(err, TL_ERROR_DATA, path, header->fields[0].pos.line, 0, "%s (found: %s)",
                        no_start && no_title ? "no \"start\" and no \"title\" column"
                        : no_start           ? "no \"start\" column"
                                             : "no \"title\" column",
                        found);
        free(found);
        return false;
    }
    return true;
}

void tl_columns_clear(tl_columns *cols)
{
    for (size_t i = 0; i < TL_COLUMN_COUNT; i++) {
        free(cols->name[i]);
        cols->name[i] = NULL;
        cols->index[i] = TL_COLUMN_ABSENT;
    }
    cols->header_count = 0;
}

/* ---------------------------------------------------------------------------------------------
 * Rows
 * ------------------------------------------------------------------------------------------- */

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

static bool parse_date_cell(const tl_columns *cols, tl_column col, cell c, const char *path,
                            tl_timeline *tl, tl_time *out)
{
    char why[128];
    if (tl_date_parse_buf(c.text, out, why, sizeof why))
        return true;
    char a[QUOTE_BUF], b[QUOTE_BUF];
    warn(tl, path, c.pos, "invalid date %s in column %s: %s", quote(a, c.text),
         quote(b, cols->name[col]), why);
    return false;
}

/* 1..5 written as plain digits; anything else is a mistake worth reporting. */
static bool parse_importance(const char *s, int *out)
{
    if (s[0] < '1' || s[0] > '5' || s[1] != '\0')
        return false;
    *out = s[0] - '0';
    return true;
}

void tl_columns_add_row(const tl_columns *cols, tl_csv_row *row, const char *path, tl_timeline *tl)
{
    for (size_t i = 0; i < row->count; i++)
        trim_field(&row->fields[i]);

    if (row->count > cols->header_count) {
        warn(tl, path, row->fields[cols->header_count].pos,
             "row has %zu fields but the header has %zu; extra fields ignored", row->count,
             cols->header_count);
    }

    tl_event ev = {.importance = 3, .line = row->fields[0].pos.line};
    char a[QUOTE_BUF], b[QUOTE_BUF];

    /* Problems that make the row unusable: one warning, row skipped. */
    const cell start = get_cell(cols, row, TL_COLUMN_START);
    if (!start.text[0]) {
        warn(tl, path, start.pos, "missing start date");
        return;
    }
    if (!parse_date_cell(cols, TL_COLUMN_START, start, path, tl, &ev.start))
        return;
    const cell end = get_cell(cols, row, TL_COLUMN_END);
    if (end.text[0]) {
        if (!parse_date_cell(cols, TL_COLUMN_END, end, path, tl, &ev.end))
            return;
        ev.has_end = true;
    }
    const cell title = get_cell(cols, row, TL_COLUMN_TITLE);
    if (!title.text[0]) {
        warn(tl, path, title.pos, "empty title");
        return;
    }
    /* Compared as intervals: an end "2019-03" after a start "2019-03-15" still overlaps it. */
    if (ev.has_end && ev.end.hi < ev.start.lo) {
        warn(tl, path, end.pos, "end %s is before start %s", quote(a, end.text),
             quote(b, start.text));
        return;
    }

    const cell type = get_cell(cols, row, TL_COLUMN_TYPE);
    int type_value = 0;
    bool typed = false;
    if (type.text[0]) {
        typed =
            lookup(type_names, sizeof type_names / sizeof type_names[0], type.text, &type_value);
        if (!typed) {
            warn(tl, path, type.pos,
                 "unknown type %s (expected point, span, era or marker); treated as a %s",
                 quote(a, type.text), ev.has_end ? "span" : "point");
        }
    }
    ev.type = typed ? (tl_event_type)type_value : ev.has_end ? TL_EVENT_SPAN : TL_EVENT_POINT;
    switch (ev.type) {
    case TL_EVENT_POINT:
    case TL_EVENT_MARKER:
        if (ev.has_end) {
            /* Only reachable with an explicit point type: a point has no end to draw. */
            warn(tl, path, end.pos, "end %s ignored: type %s has no end", quote(a, end.text),
                 quote(b, type.text));
            ev.has_end = false;
        }
        break;
    case TL_EVENT_SPAN:
        if (!ev.has_end) {
            warn(tl, path, type.pos, "type %s needs an end date", quote(a, type.text));
            return;
        }
        break;
    case TL_EVENT_ERA:
        break; /* an era without an end is open-ended */
    }

    /* Problems that leave the row usable: a warning, and a default. */
    const cell status = get_cell(cols, row, TL_COLUMN_STATUS);
    int status_value = TL_STATUS_CONFIRMED;
    if (status.text[0] && !lookup(status_names, sizeof status_names / sizeof status_names[0],
                                  status.text, &status_value)) {
        warn(tl, path, status.pos,
             "unknown status %s (expected confirmed, tentative, cancelled or postponed); "
             "treated as confirmed",
             quote(a, status.text));
        status_value = TL_STATUS_CONFIRMED;
    }
    ev.status = (tl_status)status_value;

    const cell importance = get_cell(cols, row, TL_COLUMN_IMPORTANCE);
    if (importance.text[0] && !parse_importance(importance.text, &ev.importance)) {
        warn(tl, path, importance.pos, "invalid importance %s (expected 1 to 5); using 3",
             quote(a, importance.text));
        ev.importance = 3;
    }

    ev.title = title.text;
    ev.description = get_cell(cols, row, TL_COLUMN_DESCRIPTION).text;
    ev.group = get_cell(cols, row, TL_COLUMN_GROUP).text;
    ev.color = get_cell(cols, row, TL_COLUMN_COLOR).text;
    ev.start_text = start.text;
    ev.end_text = end.text;
    tl_model_add_event(tl, &ev);
}
