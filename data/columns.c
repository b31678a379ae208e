/* Header row -> column roles (profiles, overrides, notes), and the messages that rows share
 * with it. Data rows -> events is columns-row.c. */
#include "data/columns.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-buf.h"
#include "common/tl-error-private.h"
#include "data/columns-private.h"
#include "data/load-options-private.h"
#include "data/model-private.h"
#include "data/profiles.h"

/* Header names in the found-list of the missing-column error. */
enum { MAX_LISTED_COLUMNS = 20 };

/* ---------------------------------------------------------------------------------------------
 * Keywords
 * ------------------------------------------------------------------------------------------- */

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
    {"tooltip", TL_COLUMN_DESCRIPTION},
    {"group", TL_COLUMN_GROUP},
    {"category", TL_COLUMN_GROUP},
    {"lane", TL_COLUMN_GROUP},
    {"layer", TL_COLUMN_GROUP},
    {"tag", TL_COLUMN_GROUP},
    {"resource", TL_COLUMN_GROUP},
    {"status", TL_COLUMN_STATUS},
    {"type", TL_COLUMN_TYPE},
    {"importance", TL_COLUMN_IMPORTANCE},
    {"priority", TL_COLUMN_IMPORTANCE},
    {"color", TL_COLUMN_COLOR},
    {"colour", TL_COLUMN_COLOR},
    {"url", TL_COLUMN_URL},
    {"link", TL_COLUMN_URL},
    {"href", TL_COLUMN_URL},
    {"website", TL_COLUMN_URL},
    {"source", TL_COLUMN_SOURCE},
    {"sources", TL_COLUMN_SOURCE},
    {"citation", TL_COLUMN_SOURCE},
    {"reference", TL_COLUMN_SOURCE},
    {"sort", TL_COLUMN_SORT},
    {"sortorder", TL_COLUMN_SORT},
    {"sortkey", TL_COLUMN_SORT},
    {"grouporder", TL_COLUMN_GROUP_ORDER},
    {"laneorder", TL_COLUMN_GROUP_ORDER},
    {"id", TL_COLUMN_ID},
    {"key", TL_COLUMN_ID},
    {"taskid", TL_COLUMN_ID},
    {"depends", TL_COLUMN_DEPENDS},
    {"dependson", TL_COLUMN_DEPENDS},
    {"dependencies", TL_COLUMN_DEPENDS},
    {"predecessors", TL_COLUMN_DEPENDS},
    {"duration", TL_COLUMN_DURATION},
    {"length", TL_COLUMN_DURATION},
    {"progress", TL_COLUMN_PROGRESS},
    {"percentcomplete", TL_COLUMN_PROGRESS},
    {"%complete", TL_COLUMN_PROGRESS},
    {"complete", TL_COLUMN_PROGRESS},
};

/* The names tl_load_options_set_column() takes, normalised. */
static const keyword role_names[] = {
    {"start", TL_COLUMN_START},
    {"end", TL_COLUMN_END},
    {"title", TL_COLUMN_TITLE},
    {"description", TL_COLUMN_DESCRIPTION},
    {"group", TL_COLUMN_GROUP},
    {"status", TL_COLUMN_STATUS},
    {"type", TL_COLUMN_TYPE},
    {"importance", TL_COLUMN_IMPORTANCE},
    {"color", TL_COLUMN_COLOR},
    {"url", TL_COLUMN_URL},
    {"source", TL_COLUMN_SOURCE},
    {"sort", TL_COLUMN_SORT},
    {"grouporder", TL_COLUMN_GROUP_ORDER},
    {"id", TL_COLUMN_ID},
    {"depends", TL_COLUMN_DEPENDS},
    {"duration", TL_COLUMN_DURATION},
    {"progress", TL_COLUMN_PROGRESS},
};

bool tl_columns_keyword_lookup(const keyword *table, size_t count, const char *text, int *value)
{
    /* Most cells are written exactly as a keyword ("confirmed"): try that before
     * normalising. */
    for (size_t i = 0; i < count; i++) {
        if (strcmp(table[i].name, text) == 0) {
            *value = table[i].value;
            return true;
        }
    }
    char key[TL_PROFILE_MAX_NAME];
    if (!tl_profile_normalise(text, key, sizeof key))
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
    if (!tl_columns_keyword_lookup(column_names, COUNT(column_names), name, &value))
        return false;
    *out = (tl_column)value;
    return true;
}

bool tl_columns_role_from_name(const char *name, tl_column *out)
{
    int value;
    if (!tl_columns_keyword_lookup(role_names, COUNT(role_names), name, &value))
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
    case TL_COLUMN_URL:
        return "url";
    case TL_COLUMN_SOURCE:
        return "source";
    case TL_COLUMN_SORT:
        return "sort";
    case TL_COLUMN_GROUP_ORDER:
        return "group_order";
    case TL_COLUMN_ID:
        return "id";
    case TL_COLUMN_DEPENDS:
        return "depends";
    case TL_COLUMN_DURATION:
        return "duration";
    case TL_COLUMN_PROGRESS:
        return "progress";
    case TL_COLUMN_YEAR:
        return "Year";
    case TL_COLUMN_MONTH:
        return "Month";
    case TL_COLUMN_DAY:
        return "Day";
    case TL_COLUMN_TIME:
        return "Time";
    case TL_COLUMN_END_YEAR:
        return "End Year";
    case TL_COLUMN_END_MONTH:
        return "End Month";
    case TL_COLUMN_END_DAY:
        return "End Day";
    case TL_COLUMN_END_TIME:
        return "End Time";
    case TL_COLUMN_DISPLAY_DATE:
        return "Display Date";
    case TL_COLUMN_BACKGROUND:
        return "Background";
    case TL_COLUMN_START_APPROX:
        return "Start Approximate";
    case TL_COLUMN_END_APPROX:
        return "End Approximate";
    case TL_COLUMN_MILESTONE:
        return "Milestone";
    }
    return "?";
}

/* ---------------------------------------------------------------------------------------------
 * Messages
 * ------------------------------------------------------------------------------------------- */

void tl_columns_trim_field(tl_csv_field *f)
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
const char *tl_columns_quote(char buf[QUOTE_BUF], const char *s)
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

void tl_columns_warn(tl_timeline *tl, const char *path, tl_csv_pos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = tl_xvasprintf(fmt, ap);
    va_end(ap);
    tl_model_add_warning(tl, tl_format_located(path, pos.line, pos.column, msg));
    free(msg);
}

static void note(tl_timeline *tl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void note(tl_timeline *tl, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tl_model_add_note(tl, tl_xvasprintf(fmt, ap));
    va_end(ap);
}

/* ---------------------------------------------------------------------------------------------
 * Header
 * ------------------------------------------------------------------------------------------- */

static void init_empty(tl_columns *cols)
{
    memset(cols, 0, sizeof *cols);
    for (size_t i = 0; i < TL_COLUMN_COUNT; i++)
        cols->index[i] = TL_COLUMN_ABSENT;
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

/* Puts field `i` in role `col` (the first of a repeated role wins, with a warning). */
static void assign(tl_columns *cols, tl_column col, const tl_csv_field *f, size_t i,
                   const char *path, tl_timeline *tl)
{
    if (cols->index[col] != TL_COLUMN_ABSENT) {
        char a[QUOTE_BUF], b[QUOTE_BUF];
        tl_columns_warn(tl, path, f->pos, "column %s ignored: %s is already the %s column",
                        tl_columns_quote(a, f->text), tl_columns_quote(b, cols->name[col]),
                        tl_columns_get_canonical_name(col));
        return;
    }
    cols->index[col] = i;
    cols->name[col] = tl_xstrdup(f->text);
}

static void unassign(tl_columns *cols, tl_column col)
{
    cols->index[col] = TL_COLUMN_ABSENT;
    free(cols->name[col]);
    cols->name[col] = NULL;
}

/* Applies the options' column overrides: the named header takes the role, leaving any role
 * it had, and the role's previous column is ignored. */
static bool apply_overrides(tl_columns *cols, const tl_csv_row *header,
                            char (*names)[TL_PROFILE_MAX_NAME], const char *path,
                            const tl_load_options *opts, tl_error **err)
{
    for (size_t r = 0; r < TL_COLUMN_OVERRIDABLE; r++) {
        const char *want = opts->columns[r];
        if (!want)
            continue;
        char key[TL_PROFILE_MAX_NAME];
        size_t found = TL_COLUMN_ABSENT;
        if (tl_profile_normalise(want, key, sizeof key)) {
            for (size_t i = 0; i < header->count && found == TL_COLUMN_ABSENT; i++) {
                if (strcmp(names[i], key) == 0)
                    found = i;
            }
        }
        if (found == TL_COLUMN_ABSENT) {
            char *list = list_names(header);
            char a[QUOTE_BUF];
            tl_set_error_at(err, TL_ERROR_USAGE, path, header->fields[0].pos.line, 0,
                            "no column %s for the %s (found: %s)", tl_columns_quote(a, want),
                            tl_columns_get_canonical_name((tl_column)r), list);
            free(list);
            return false;
        }
        for (size_t c = 0; c < TL_COLUMN_COUNT; c++) {
            if (cols->index[c] == found)
                unassign(cols, (tl_column)c);
        }
        unassign(cols, (tl_column)r);
        cols->index[r] = found;
        cols->name[r] = tl_xstrdup(header->fields[found].text);
    }
    return true;
}

bool tl_columns_init(tl_columns *cols, tl_csv_row *header, const char *path, tl_timeline *tl,
                     const tl_load_options *opts, tl_error **err)
{
    init_empty(cols);
    cols->header_count = header->count;
    char(*names)[TL_PROFILE_MAX_NAME] = tl_xcalloc(header->count, sizeof *names);
    for (size_t i = 0; i < header->count; i++) {
        tl_columns_trim_field(&header->fields[i]);
        if (!tl_profile_normalise(header->fields[i].text, names[i], sizeof names[i]))
            names[i][0] = '\0';
    }
    const tl_profile *profile = tl_profile_detect(names, header->count);
    cols->profile = profile;
    tl->profile = profile->name;
    note(tl, "profile: %s", profile->name);

    /* The profile's names first, then ours; what neither knows is noted as ignored. */
    bool *ignored = tl_xcalloc(header->count ? header->count : 1, sizeof *ignored);
    for (size_t i = 0; i < header->count; i++) {
        const tl_csv_field *f = &header->fields[i];
        if (!f->text[0])
            continue;
        int role;
        if (tl_profile_lookup(profile, names[i], &role)) {
            if (role == TL_PROFILE_IGNORED)
                ignored[i] = true;
            else
                assign(cols, (tl_column)role, f, i, path, tl);
            continue;
        }
        tl_column col;
        if (tl_columns_lookup(f->text, &col) &&
            !(profile->date_parts && (col == TL_COLUMN_START || col == TL_COLUMN_END)))
            assign(cols, col, f, i, path, tl);
        else
            ignored[i] = true;
    }

    bool ok = !opts || apply_overrides(cols, header, names, path, opts, err);
    /* A whole-date column wins over TimelineJS date parts, which are then unused. */
    for (int side = 0; side < 2; side++) {
        const tl_column whole = side ? TL_COLUMN_END : TL_COLUMN_START;
        const tl_column first = side ? TL_COLUMN_END_YEAR : TL_COLUMN_YEAR;
        if (cols->index[whole] == TL_COLUMN_ABSENT)
            continue;
        for (int k = 0; k < 4; k++)
            unassign(cols, (tl_column)(first + k));
    }
    if (ok) {
        for (size_t i = 0; i < header->count; i++) {
            bool used = false;
            for (size_t c = 0; c < TL_COLUMN_COUNT && !used; c++)
                used = cols->index[c] == i;
            if (!used && header->fields[i].text[0]) {
                char a[QUOTE_BUF];
                note(tl, "column %s ignored", tl_columns_quote(a, header->fields[i].text));
            }
        }
    }
    free(ignored);
    free(names);
    if (!ok)
        return false;

    cols->dates.order = opts && opts->order != TL_DATE_ORDER_NONE ? opts->order : profile->order;
    cols->dates.zone = opts ? opts->zone : NULL;
    cols->dates.numeric = opts && opts->numeric;
    if (profile->order != TL_DATE_ORDER_NONE && (!opts || opts->order == TL_DATE_ORDER_NONE))
        note(tl, "date order: %s (%s)", profile->order == TL_DATE_ORDER_MDY ? "mdy" : "dmy",
             profile->name);

    const bool no_start = cols->index[TL_COLUMN_START] == TL_COLUMN_ABSENT &&
                          cols->index[TL_COLUMN_YEAR] == TL_COLUMN_ABSENT;
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
    /* Which field each role came from, for tl_timeline_get_column(). */
    tl->column_index = tl_arena_alloc(&tl->strings, sizeof cols->index);
    memcpy(tl->column_index, cols->index, sizeof cols->index);
    return true;
}

long tl_timeline_get_column(const tl_timeline *tl, const char *role)
{
    tl_column c;
    if (!tl->column_index || !role || !tl_columns_role_from_name(role, &c) ||
        tl->column_index[c] == TL_COLUMN_ABSENT)
        return -1;
    return (long)tl->column_index[c];
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

void tl_columns_finish(tl_columns *cols, tl_timeline *tl)
{
    if (cols->titles_from_text > 0)
        note(tl, "%zu row%s without a headline titled from %s text", cols->titles_from_text,
             cols->titles_from_text == 1 ? "" : "s", cols->titles_from_text == 1 ? "its" : "their");
}
