/* Header row -> column roles (profiles, overrides, notes), and data rows -> events with
 * per-row warnings. */
#include "data/columns.h"

#include <glib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-buf.h"
#include "common/tl-error-private.h"
#include "data/load-options-private.h"
#include "data/model-private.h"
#include "data/profiles.h"

/* How much of a cell a message quotes: enough to recognise it, short enough to keep the
 * message on one readable line. */
enum { QUOTE_MAX_CHARS = 40, QUOTE_BUF = 4 * QUOTE_MAX_CHARS + 16 };

/* Header names in the found-list of the missing-column error. */
enum { MAX_LISTED_COLUMNS = 20 };

/* A title made from a TimelineJS text is cut near this many bytes, at a word. */
enum { TITLE_FROM_TEXT_MAX = 60 };

/* "A – B" joins the labels of a span. */
#define RANGE_DASH " \xE2\x80\x93 "

/* ---------------------------------------------------------------------------------------------
 * Keywords
 * ------------------------------------------------------------------------------------------- */

typedef struct keyword {
    const char *name; /* normalised */
    int value;
} keyword;

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

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
};

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

static bool lookup(const keyword *table, size_t count, const char *text, int *value)
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
    if (!lookup(column_names, COUNT(column_names), name, &value))
        return false;
    *out = (tl_column)value;
    return true;
}

bool tl_columns_role_from_name(const char *name, tl_column *out)
{
    int value;
    if (!lookup(role_names, COUNT(role_names), name, &value))
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

static void note(tl_timeline *tl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void note(tl_timeline *tl, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tl_model_add_note(tl, tl_xvasprintf(fmt, ap));
    va_end(ap);
}

/* ---------------------------------------------------------------------------------------------
 * HTML in TimelineJS sheets
 * ------------------------------------------------------------------------------------------- */

static size_t put_utf8(char *out, unsigned long cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decodes the entity at s ("&amp;", "&#8212;", "&#x2014;") into out; returns the length of
 * the entity, or 0 when s is not one (then '&' is text). The output is never longer than the
 * entity, which lets the conversion run in place. */
static size_t decode_entity(const char *s, char *out, size_t *out_len)
{
    static const struct {
        const char *name;
        const char *text;
    } named[] = {
        {"amp", "&"},
        {"lt", "<"},
        {"gt", ">"},
        {"quot", "\""},
        {"apos", "'"},
        {"nbsp", " "},
        {"ndash", "\xE2\x80\x93"},
        {"mdash", "\xE2\x80\x94"},
        {"hellip", "\xE2\x80\xA6"},
        {"rsquo", "\xE2\x80\x99"},
        {"lsquo", "\xE2\x80\x98"},
        {"rdquo", "\xE2\x80\x9D"},
        {"ldquo", "\xE2\x80\x9C"},
    };
    const char *semi = strchr(s, ';');
    if (!semi || semi - s > 10 || semi - s < 3)
        return 0;
    const size_t len = (size_t)(semi - s) + 1;
    if (s[1] == '#') {
        const bool hex = s[2] == 'x' || s[2] == 'X';
        unsigned long cp = 0;
        const char *p = s + (hex ? 3 : 2);
        if (p == semi)
            return 0;
        for (; p < semi; p++) {
            int d;
            if (*p >= '0' && *p <= '9')
                d = *p - '0';
            else if (hex && *p >= 'a' && *p <= 'f')
                d = *p - 'a' + 10;
            else if (hex && *p >= 'A' && *p <= 'F')
                d = *p - 'A' + 10;
            else
                return 0;
            cp = cp * (hex ? 16 : 10) + (unsigned long)d;
            if (cp > 0x10FFFF)
                return 0;
        }
        if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        *out_len = put_utf8(out, cp);
        return len;
    }
    for (size_t i = 0; i < COUNT(named); i++) {
        const size_t n = strlen(named[i].name);
        if (n + 2 == len && strncmp(s + 1, named[i].name, n) == 0) {
            *out_len = strlen(named[i].text);
            memcpy(out, named[i].text, *out_len);
            return len;
        }
    }
    return 0;
}

/* Tags after which text starts on a new line. */
static bool is_block_tag(const char *tag, size_t len)
{
    static const char *const blocks[] = {"br", "p",  "div", "li", "ul", "ol",         "h1",
                                         "h2", "h3", "h4",  "h5", "h6", "blockquote", "tr"};
    size_t n = 0;
    if (len > 0 && tag[0] == '/') {
        tag++;
        len--;
    }
    while (n < len && tag[n] != ' ' && tag[n] != '/' && tag[n] != '>' && tag[n] != '\t' &&
           tag[n] != '\n')
        n++;
    for (size_t i = 0; i < COUNT(blocks); i++) {
        if (strlen(blocks[i]) == n && g_ascii_strncasecmp(tag, blocks[i], n) == 0)
            return true;
    }
    return false;
}

/* Turns TimelineJS's HTML into plain text, in place: tags are dropped (block tags become a
 * line break when keep_lines, a space otherwise), entities decoded, runs of white space
 * collapsed and the ends trimmed. Returns the new length. */
static size_t html_to_text(char *s, bool keep_lines)
{
    char *out = s;
    bool space = false, line = false;
    const char *p = s;
    while (*p) {
        char decoded[4];
        size_t decoded_len = 0, skip = 0;
        if (*p == '<' && (g_ascii_isalpha(p[1]) || p[1] == '/' || p[1] == '!')) {
            const char *end = strchr(p, '>');
            if (end) {
                if (is_block_tag(p + 1, (size_t)(end - p - 1)))
                    line = true;
                p = end + 1;
                continue;
            }
        }
        if (*p == '&' && (skip = decode_entity(p, decoded, &decoded_len)) > 0) {
            p += skip;
        } else if (is_space(*p)) {
            space = true;
            p++;
            continue;
        } else {
            decoded[0] = *p++;
            decoded_len = 1;
        }
        if (decoded_len == 1 && decoded[0] == ' ') {
            space = true;
            continue;
        }
        if (out > s && (line || space))
            *out++ = line && keep_lines ? '\n' : ' ';
        line = space = false;
        /* out never passes p: every construct is at least as long as what it becomes. */
        memmove(out, decoded, decoded_len);
        out += decoded_len;
    }
    *out = '\0';
    return (size_t)(out - s);
}

static bool needs_html_conversion(const char *s)
{
    return strchr(s, '<') || strchr(s, '&');
}

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
        warn(tl, path, f->pos, "column %s ignored: %s is already the %s column", quote(a, f->text),
             quote(b, cols->name[col]), tl_columns_get_canonical_name(col));
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
                            "no column %s for the %s (found: %s)", quote(a, want),
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
        trim_field(&header->fields[i]);
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
                note(tl, "column %s ignored", quote(a, header->fields[i].text));
            }
        }
    }
    free(ignored);
    free(names);
    if (!ok)
        return false;

    cols->dates.order = opts && opts->order != TL_DATE_ORDER_NONE ? opts->order : profile->order;
    cols->dates.zone = opts ? opts->zone : NULL;
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

void tl_columns_finish(tl_columns *cols, tl_timeline *tl)
{
    if (cols->titles_from_text > 0)
        note(tl, "%zu row%s without a headline titled from %s text", cols->titles_from_text,
             cols->titles_from_text == 1 ? "" : "s", cols->titles_from_text == 1 ? "its" : "their");
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

/* Gets a cell of a profile whose text is HTML, converted to plain text in place (the row's
 * fields are ours to rewrite until the row is done). */
static cell get_text_cell(const tl_columns *cols, tl_csv_row *row, tl_column col, bool keep_lines)
{
    const size_t i = cols->index[col];
    if (cols->profile->html && i != TL_COLUMN_ABSENT && i < row->count &&
        needs_html_conversion(row->fields[i].text))
        row->fields[i].len = html_to_text(row->fields[i].text, keep_lines);
    return get_cell(cols, row, col);
}

/* A date parse failure as a row warning. */
static void warn_date(const tl_columns *cols, tl_column col, cell c, tl_date_status status,
                      const char *why, const char *path, tl_timeline *tl)
{
    char a[QUOTE_BUF], b[QUOTE_BUF];
    switch (status) {
    case TL_DATE_NEEDS_ORDER:
        warn(tl, path, c.pos, "numeric date %s needs a date order (--date-order dmy or mdy)",
             quote(a, c.text));
        return;
    case TL_DATE_INVALID:
    case TL_DATE_OK:
        warn(tl, path, c.pos, "invalid date %s in column %s: %s", quote(a, c.text),
             quote(b, cols->name[col]), why);
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
        warn(tl, path, y.pos, "%s date without a year (%s)",
             base == TL_COLUMN_YEAR ? "start" : "end", quote(a, out->text));
        return false;
    }
    warn(tl, path, y.pos, "invalid date %s in columns %s to %s: %s", quote(a, out->text),
         tl_columns_get_canonical_name(base), tl_columns_get_canonical_name((tl_column)(base + 3)),
         why);
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
    if (!lookup(yes_no, COUNT(yes_no), c.text, &v)) {
        char a[QUOTE_BUF], b[QUOTE_BUF];
        warn(tl, path, c.pos, "invalid value %s in column %s (expected yes or no); taken as no",
             quote(a, c.text), quote(b, cols->name[col]));
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
    trim_field(&row->fields[i]);
    return row->fields[i].text;
}

bool tl_columns_row_is_local(const tl_columns *cols, tl_csv_row *row)
{
    if (trimmed_cell(cols, row, TL_COLUMN_GROUP_ORDER)[0])
        return false;
    const char *type = trimmed_cell(cols, row, TL_COLUMN_TYPE);
    int value;
    return !type[0] || !lookup(type_names, COUNT(type_names), type, &value) || value != TYPE_TITLE;
}

void tl_columns_add_row(tl_columns *cols, tl_csv_row *row, const char *path, tl_timeline *tl)
{
    for (size_t i = 0; i < row->count; i++)
        trim_field(&row->fields[i]);
    tl->rows++;

    if (row->count > cols->header_count) {
        warn(tl, path, row->fields[cols->header_count].pos,
             "row has %zu fields but the header has %zu; extra fields ignored", row->count,
             cols->header_count);
    }

    const tl_profile *profile = cols->profile;
    tl_event ev = {.importance = 3, .line = row->fields[0].pos.line};
    char a[QUOTE_BUF], b[QUOTE_BUF];

    /* The type first: a title row needs no date. */
    const cell type = get_cell(cols, row, TL_COLUMN_TYPE);
    int type_value = 0;
    bool typed = false, unknown_type = false;
    if (type.text[0]) {
        typed = lookup(type_names, COUNT(type_names), type.text, &type_value);
        unknown_type = !typed;
    }
    cell title = get_text_cell(cols, row, TL_COLUMN_TITLE, false);
    if (typed && type_value == TYPE_TITLE) {
        tl->title_rows++;
        if (cols->title_seen) {
            warn(tl, path, type.pos, "another title row ignored (the title is %s)",
                 quote(a, tl->title));
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
            warn(tl, path, s.pos, "missing start date");
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
            warn(tl, path, start.at.pos, "missing start date");
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
            warn(tl, path, end.at.pos, "end %s ignored: the start %s already gives the end",
                 quote(a, end.at.text), quote(b, start.at.text));
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
        warn(tl, path, title.pos, "empty title");
        return;
    }
    /* Compared as intervals: an end "2019-03" after a start "2019-03-15" still overlaps it. */
    if (ev.has_end && ev.end.hi < ev.start.lo) {
        const cell at = end.at.text[0] ? end.at : start.at;
        warn(tl, path, at.pos, "end %s is before start %s",
             quote(a, ev.end_text ? ev.end_text : ""), quote(b, ev.start_text));
        return;
    }

    bool milestone = false;
    if (cols->index[TL_COLUMN_MILESTONE] != TL_COLUMN_ABSENT)
        yes_no_cell(cols, row, TL_COLUMN_MILESTONE, &milestone, path, tl);
    const bool has_any_end = ev.has_end || ev.end_open;
    if (unknown_type) {
        warn(tl, path, type.pos,
             "unknown type %s (expected point, span, era or marker); treated as a %s",
             quote(a, type.text), has_any_end ? "span" : "point");
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
                warn(tl, path, end.at.pos, "end %s ignored: a milestone has no end",
                     quote(a, end_text));
            else
                warn(tl, path, end.at.text[0] ? end.at.pos : start.at.pos,
                     "end %s ignored: type %s has no end", quote(a, end_text), quote(b, type.text));
            ev.has_end = ev.end_open = false;
            ev.end_label = "";
            ev.end_text = "";
        }
        break;
    case TL_EVENT_SPAN:
        if (!has_any_end) {
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
    if (status.text[0] && strcmp(status.text, cols->last_status) == 0) {
        /* Statuses repeat: skip the lookup for the same word as the last row's. */
        status_value = cols->last_status_value;
    } else if (status.text[0] &&
               !lookup(status_names, COUNT(status_names), status.text, &status_value)) {
        warn(tl, path, status.pos,
             "unknown status %s (expected confirmed, tentative, cancelled, postponed, "
             "rescheduled or disputed); kept as written",
             quote(a, status.text));
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
        warn(tl, path, importance.pos, "invalid importance %s (expected 1 to 5); using 3",
             quote(a, importance.text));
        ev.importance = 3;
    }

    const cell sort = get_cell(cols, row, TL_COLUMN_SORT);
    if (sort.text[0] && !parse_number(sort.text, &ev.sort)) {
        warn(tl, path, sort.pos, "invalid sort %s (expected a number); ignored",
             quote(a, sort.text));
        ev.sort = 0;
    }

    ev.group = get_cell(cols, row, TL_COLUMN_GROUP).text;
    const cell group_order = get_cell(cols, row, TL_COLUMN_GROUP_ORDER);
    if (group_order.text[0]) {
        double order, previous;
        if (!parse_number(group_order.text, &order)) {
            warn(tl, path, group_order.pos, "invalid group_order %s (expected a number); ignored",
                 quote(a, group_order.text));
        } else if (!ev.group[0]) {
            warn(tl, path, group_order.pos, "group_order %s ignored: the row has no group",
                 quote(a, group_order.text));
        } else if (!tl_model_set_group_order(tl, ev.group, order, &previous)) {
            warn(tl, path, group_order.pos,
                 "group_order %s ignored: group %s already has "
                 "group_order %g",
                 quote(a, group_order.text), quote(b, ev.group), previous);
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
