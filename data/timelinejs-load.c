/* TimelineJS3 JSON through json-glib: {"title": slide, "events": [slide...], "eras": [era...],
 * "scale": "human"|"cosmological"}. Each slide becomes a row of the cells a TimelineJS sheet
 * has (Year, Month, Day, Time, End Year, ..., Display Date, Headline, Text, Type, Group,
 * Background), so the sheet's profile reads it: the same date parts, the same HTML reduction,
 * the title slide and eras as Type title and era. A cell's position is where the JSON object
 * holding it starts (the date object for date parts, the text object for the texts). */
#include "data/load.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "data/date.h"
#include "data/json-rows.h"
#include "data/model-private.h"
#include "data/table.h"

#define RANGE_DASH " \xE2\x80\x93 "

/* Where a JSON object or array starts in the file. */
typedef struct place {
    unsigned long line, col;
} place;

typedef enum slide_kind { SLIDE_TITLE, SLIDE_EVENT, SLIDE_ERA } slide_kind;

typedef struct tjs_doc {
    const char *path;
    tl_timeline *tl;
    tl_table *table;
    /* Containers' starts: a stack while parsing, then each container -> index + 1 into
     * `places`. */
    place *open;
    size_t nopen, open_cap;
    place *places;
    size_t nplaces, places_cap;
    GHashTable *where;
    GHashTable *noted; /* "where.key" of the unknown keys already noted */
    bool cosmological;
    size_t slides, with_media, titled_from_caption, millis_dropped, parts_dropped;
    size_t display_dates_dropped;
} tjs_doc;

/* -------------------------------------------------------------------------------------------
 * Positions from the parser's signals
 * ----------------------------------------------------------------------------------------- */

static void on_start(JsonParser *parser, gpointer user)
{
    tjs_doc *d = user;
    /* The parser stands just past the '{' or '[', so its column is the bracket's (from 1). */
    const guint pos = json_parser_get_current_pos(parser);
    d->open = tl_xgrow(d->open, &d->open_cap, d->nopen + 1, sizeof *d->open);
    d->open[d->nopen++] = (place){json_parser_get_current_line(parser), pos > 0 ? pos : 1};
}

static void on_end(JsonParser *parser, gpointer container, gpointer user)
{
    (void)parser;
    tjs_doc *d = user;
    if (d->nopen == 0)
        return;
    d->places = tl_xgrow(d->places, &d->places_cap, d->nplaces + 1, sizeof *d->places);
    d->places[d->nplaces++] = d->open[--d->nopen];
    g_hash_table_insert(d->where, container, GSIZE_TO_POINTER(d->nplaces));
}

/* Where an object or array starts; `fallback` when the parser did not say. */
static place place_of(const tjs_doc *d, gconstpointer container, place fallback)
{
    const gsize i = GPOINTER_TO_SIZE(g_hash_table_lookup(d->where, container));
    return i ? d->places[i - 1] : fallback;
}

/* -------------------------------------------------------------------------------------------
 * Values
 * ----------------------------------------------------------------------------------------- */

static void warn(tjs_doc *d, place at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void warn(tjs_doc *d, place at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    tl_model_add_warning(d->tl, tl_format_located(d->path, at.line, at.col, msg));
    g_free(msg);
}

/* A member as text, copied (never NULL): strings as written, numbers as JSON writes them
 * (no locale), true/false as yes/no, null as "". A list or an object is no text: warned
 * about and taken as "". */
static char *member_text(tjs_doc *d, JsonObject *o, const char *key, place at)
{
    JsonNode *n = o ? json_object_get_member(o, key) : NULL;
    if (!n || JSON_NODE_HOLDS_NULL(n))
        return g_strdup("");
    if (!JSON_NODE_HOLDS_VALUE(n)) {
        warn(d, at, "\"%s\" holds %s, not a text or a number; ignored", key,
             JSON_NODE_HOLDS_OBJECT(n) ? "an object" : "a list");
        return g_strdup("");
    }
    const GType t = json_node_get_value_type(n);
    if (t == G_TYPE_STRING)
        return g_strdup(json_node_get_string(n));
    if (t == G_TYPE_INT64)
        return g_strdup_printf("%" G_GINT64_FORMAT, json_node_get_int(n));
    if (t == G_TYPE_DOUBLE) {
        char num[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup(g_ascii_formatd(num, sizeof num, "%.15g", json_node_get_double(n)));
    }
    if (t == G_TYPE_BOOLEAN)
        return g_strdup(json_node_get_boolean(n) ? "yes" : "no");
    return g_strdup("");
}

/* A member that must be an object: NULL when absent or null; a warning when it is
 * something else ("what" names the consequence). */
static JsonObject *member_object(tjs_doc *d, JsonObject *o, const char *key, place at,
                                 const char *what, bool *bad)
{
    JsonNode *n = json_object_get_member(o, key);
    *bad = false;
    if (!n || JSON_NODE_HOLDS_NULL(n))
        return NULL;
    if (JSON_NODE_HOLDS_OBJECT(n))
        return json_node_get_object(n);
    warn(d, at, "\"%s\" is not an object; %s", key, what);
    *bad = true;
    return NULL;
}

/* Notes each key of `o` that `known` (NULL-terminated) does not name, once per place kind. */
static void note_unknown_keys(tjs_doc *d, JsonObject *o, const char *what, const char *const *known)
{
    GList *members = json_object_get_members(o);
    for (GList *m = members; m; m = m->next) {
        const char *key = m->data;
        bool found = false;
        for (const char *const *k = known; *k && !found; k++)
            found = strcmp(*k, key) == 0;
        if (found)
            continue;
        char *id = g_strdup_printf("%s.%s", what, key);
        if (g_hash_table_contains(d->noted, id)) {
            g_free(id);
            continue;
        }
        g_hash_table_add(d->noted, id);
        tl_model_add_note(d->tl, tl_xasprintf("key \"%s\" of %s ignored", key, what));
    }
    g_list_free(members);
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Cells go in trimmed as the columns reader trims them: it trims a field in place by moving
 * its start, and the table frees the moved pointer (table.c's free_row()). */
static void set_cell(tjs_doc *d, const char *column, const char *text, place at)
{
    size_t len = strlen(text);
    while (len > 0 && is_blank(*text)) {
        text++;
        len--;
    }
    while (len > 0 && is_blank(text[len - 1]))
        len--;
    tl_table_set_len(d->table, column, text, len, at.line, at.col);
}

/* -------------------------------------------------------------------------------------------
 * Dates
 * ----------------------------------------------------------------------------------------- */

/* One side of a slide's dates, as the texts of the sheet's parts. */
typedef struct date_side {
    char *year, *month, *day, *time, *display; /* owned, never NULL once read */
    bool given;                                /* the slide has the date object */
    place at;
} date_side;

static void date_side_clear(date_side *s)
{
    g_free(s->year);
    g_free(s->month);
    g_free(s->day);
    g_free(s->time);
    g_free(s->display);
}

/* A clock part as two digits ("5" -> "05"); a part that is not a number stays as written, so
 * that the date's warning shows it. */
static void append_two(GString *s, const char *part)
{
    if (strlen(part) == 1 && g_ascii_isdigit(part[0]))
        g_string_append_c(s, '0');
    g_string_append(s, part);
}

/* hour, minute, second -> the sheet's Time "6:45:56"; "" when none is given. */
static char *clock_text(const char *h, const char *m, const char *s)
{
    if (!h[0] && !m[0] && !s[0])
        return g_strdup("");
    GString *t = g_string_new(h[0] ? h : "0");
    g_string_append_c(t, ':');
    append_two(t, m[0] ? m : "0");
    if (s[0]) {
        g_string_append_c(t, ':');
        append_two(t, s);
    }
    return g_string_free(t, FALSE);
}

static const char *const date_keys[] = {
    "year",   "month",       "day",          "hour",   "minute",
    "second", "millisecond", "display_date", "format", NULL,
};

/* Reads start_date or end_date of a slide. False (warned) when it is there but no object. */
static bool read_date(tjs_doc *d, JsonObject *slide, const char *key, place slide_at,
                      date_side *out)
{
    bool bad;
    JsonObject *o = member_object(d, slide, key, slide_at, "the event is skipped", &bad);
    out->given = o != NULL;
    out->at = o ? place_of(d, o, slide_at) : slide_at;
    const place at = out->at;
    out->year = member_text(d, o, "year", at);
    out->month = member_text(d, o, "month", at);
    out->day = member_text(d, o, "day", at);
    char *h = member_text(d, o, "hour", at), *m = member_text(d, o, "minute", at),
         *s = member_text(d, o, "second", at), *ms = member_text(d, o, "millisecond", at);
    out->time = clock_text(h, m, s);
    out->display = member_text(d, o, "display_date", at);
    if (ms[0] && out->time[0])
        d->millis_dropped++; /* the date grammar reads times to the second */
    if (d->cosmological && (out->month[0] || out->day[0] || out->time[0])) {
        /* TimelineJS's cosmological scale reads only years. */
        d->parts_dropped++;
        out->month[0] = out->day[0] = out->time[0] = '\0';
    }
    if (o)
        note_unknown_keys(d, o, "a date", date_keys);
    g_free(h);
    g_free(m);
    g_free(s);
    g_free(ms);
    return !bad;
}

/* The label the date grammar gives a side, for a display date that names only the other
 * side; "" when the parts are not a date (the row's reading then warns). */
static void side_label(const date_side *s, char *label, size_t size)
{
    const tl_date_parts parts = {s->year, s->month, s->day, s->time};
    tl_time t;
    char why[128];
    label[0] = '\0';
    if (tl_date_compose(&parts, NULL, &t, label, size, why, sizeof why) != TL_DATE_OK)
        label[0] = '\0';
}

/* The slide's display_date, or one made of its dates' own: "A – B", where a side without
 * one shows the label its parts have. */
static char *display_text(tjs_doc *d, const char *slide_display, const date_side *start,
                          const date_side *end)
{
    if (slide_display[0] || (!start->display[0] && !end->display[0]))
        return g_strdup(slide_display);
    const bool has_end = end->year[0] || end->month[0] || end->day[0] || end->time[0];
    if (!has_end)
        return g_strdup(start->display);
    char a[TL_DATE_LABEL_SIZE], b[TL_DATE_LABEL_SIZE];
    if (!start->display[0])
        side_label(start, a, sizeof a);
    if (!end->display[0])
        side_label(end, b, sizeof b);
    const char *sa = start->display[0] ? start->display : a;
    const char *sb = end->display[0] ? end->display : b;
    if (!sa[0] || !sb[0]) {
        d->display_dates_dropped++;
        return g_strdup("");
    }
    return g_strdup_printf("%s%s%s", sa, RANGE_DASH, sb);
}

static void set_date_cells(tjs_doc *d, const date_side *s, bool end)
{
    if (!s->given)
        return;
    set_cell(d, end ? "End Year" : "Year", s->year, s->at);
    set_cell(d, end ? "End Month" : "Month", s->month, s->at);
    set_cell(d, end ? "End Day" : "Day", s->day, s->at);
    set_cell(d, end ? "End Time" : "Time", s->time, s->at);
}

/* -------------------------------------------------------------------------------------------
 * Slides
 * ----------------------------------------------------------------------------------------- */

/* The sheet's columns, in its order: every row set has them all, so the profile is the
 * sheet's whatever the first slide holds. */
static const char *const sheet_columns[] = {
    "Year",     "Month",        "Day",      "Time", "End Year", "End Month", "End Day",
    "End Time", "Display Date", "Headline", "Text", "Type",     "Group",     "Background",
};

static const char *const slide_keys[] = {
    "start_date",   "end_date",   "text",      "media",    "group",
    "display_date", "background", "unique_id", "autolink", NULL,
};

static void start_row(tjs_doc *d, place at)
{
    const bool first = tl_table_row_count(d->table) == 0;
    tl_table_add_row(d->table, at.line, at.col);
    for (size_t i = 0; first && i < G_N_ELEMENTS(sheet_columns); i++)
        set_cell(d, sheet_columns[i], "", at);
}

/* headline and text, and the media: counted for the note; its caption titles a slide that
 * has no text at all (TimelineJS shows such a slide by its media alone). */
static void read_texts(tjs_doc *d, JsonObject *slide, place at, slide_kind kind)
{
    bool bad;
    JsonObject *text = member_object(d, slide, "text", at, "ignored", &bad);
    const place text_at = text ? place_of(d, text, at) : at;
    char *headline = member_text(d, text, "headline", text_at);
    char *body = member_text(d, text, "text", text_at);
    if (text) {
        static const char *const text_keys[] = {"headline", "text", NULL};
        note_unknown_keys(d, text, "a text", text_keys);
    }
    JsonObject *media = member_object(d, slide, "media", at, "ignored", &bad);
    if (media) {
        const place media_at = place_of(d, media, at);
        char *url = member_text(d, media, "url", media_at);
        char *caption = member_text(d, media, "caption", media_at);
        if (url[0])
            d->with_media++;
        if (kind != SLIDE_TITLE && !headline[0] && !body[0] && caption[0]) {
            g_free(headline);
            headline = g_strdup(caption);
            d->titled_from_caption++;
        }
        g_free(url);
        g_free(caption);
    }
    if (text || headline[0])
        set_cell(d, "Headline", headline, headline[0] && !text ? place_of(d, media, at) : text_at);
    if (text)
        set_cell(d, "Text", body, text_at);
    g_free(headline);
    g_free(body);
}

/* group, background, unique_id. */
static void read_extras(tjs_doc *d, JsonObject *slide, place at)
{
    char *group = member_text(d, slide, "group", at);
    if (group[0])
        set_cell(d, "Group", group, at);
    g_free(group);
    bool bad;
    JsonObject *bg = member_object(d, slide, "background", at, "ignored", &bad);
    if (bg) {
        /* The sheet's Background: a colour, or an image URL (not drawn). */
        const place bg_at = place_of(d, bg, at);
        char *color = member_text(d, bg, "color", bg_at);
        char *url = color[0] ? NULL : member_text(d, bg, "url", bg_at);
        set_cell(d, "Background", color[0] ? color : url, bg_at);
        g_free(color);
        g_free(url);
    }
    char *id = member_text(d, slide, "unique_id", at);
    if (id[0])
        set_cell(d, "id", id, at);
    g_free(id);
}

/* A slide as a row; an event whose date objects are not objects is skipped, warned. */
static void read_slide(tjs_doc *d, JsonObject *slide, slide_kind kind, place fallback)
{
    const place at = place_of(d, slide, fallback);
    d->slides++;
    note_unknown_keys(d, slide,
                      kind == SLIDE_TITLE ? "the title slide"
                      : kind == SLIDE_ERA ? "an era"
                                          : "an event",
                      slide_keys);
    if (kind == SLIDE_TITLE) {
        start_row(d, at);
        set_cell(d, "Type", "title", at);
        read_texts(d, slide, at, kind);
        return;
    }
    date_side start = {0}, end = {0};
    const bool ok =
        read_date(d, slide, "start_date", at, &start) && read_date(d, slide, "end_date", at, &end);
    if (!ok) {
        d->tl->rows++; /* a row read and skipped, in the summary's count */
        goto done;
    }
    start_row(d, at);
    set_date_cells(d, &start, false);
    set_date_cells(d, &end, true);
    char *slide_display = member_text(d, slide, "display_date", at);
    char *display = display_text(d, slide_display, &start, &end);
    if (display[0])
        set_cell(d, "Display Date", display, at);
    g_free(slide_display);
    g_free(display);
    if (kind == SLIDE_ERA)
        set_cell(d, "Type", "era", at);
    read_texts(d, slide, at, kind);
    read_extras(d, slide, at);
done:
    date_side_clear(&start);
    date_side_clear(&end);
}

/* "events" or "eras": each object a slide; anything else is skipped with a warning. */
static void read_list(tjs_doc *d, JsonArray *list, const char *key, slide_kind kind)
{
    const place at = place_of(d, list, (place){0, 0});
    for (guint i = 0; i < json_array_get_length(list); i++) {
        JsonNode *n = json_array_get_element(list, i);
        if (!JSON_NODE_HOLDS_OBJECT(n)) {
            warn(d, at, "element %u of \"%s\" is not an object; skipped", i + 1, key);
            d->tl->rows++;
            continue;
        }
        read_slide(d, json_node_get_object(n), kind, at);
    }
}

/* -------------------------------------------------------------------------------------------
 * The document
 * ----------------------------------------------------------------------------------------- */

/* The document's tree, or NULL for none (an empty input); false with *err when it is not JSON. */
static bool parse(tjs_doc *d, const char *data, size_t len, JsonNode **root, tl_error **err)
{
    /* json-glib refuses a byte-order mark, which editors on Windows write. */
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    if (!tl_json_check_depth(data, len, d->path, 1, err))
        return false;
    JsonParser *parser = json_parser_new();
    g_signal_connect(parser, "object-start", G_CALLBACK(on_start), d);
    g_signal_connect(parser, "array-start", G_CALLBACK(on_start), d);
    g_signal_connect(parser, "object-end", G_CALLBACK(on_end), d);
    g_signal_connect(parser, "array-end", G_CALLBACK(on_end), d);
    GError *gerr = NULL;
    const bool ok = json_parser_load_from_data(parser, data, (gssize)len, &gerr);
    *root = ok ? json_parser_steal_root(parser) : NULL;
    if (!ok)
        tl_json_parse_error(d->path, 0, gerr, err);
    g_clear_error(&gerr);
    g_object_unref(parser);
    return ok;
}

/* The document's own settings: the scale, and the keys it has that are not read. */
static void read_scale(tjs_doc *d, JsonObject *doc, place at)
{
    static const char *const doc_keys[] = {"title", "events", "eras", "scale", NULL};
    note_unknown_keys(d, doc, "the document", doc_keys);
    char *scale = member_text(d, doc, "scale", at);
    if (g_ascii_strcasecmp(scale, "cosmological") == 0) {
        d->cosmological = true;
        tl_model_add_note(d->tl, tl_xstrdup("scale: cosmological (years only)"));
    } else if (scale[0] && g_ascii_strcasecmp(scale, "human") != 0) {
        warn(d, at, "unknown scale \"%s\" (expected human or cosmological); read as human", scale);
    }
    g_free(scale);
}

/* The events array; NULL with *err when the document has none. */
static JsonArray *events_of(tjs_doc *d, JsonNode *root, tl_error **err)
{
    if (!root || !JSON_NODE_HOLDS_OBJECT(root)) {
        const place at = root && JSON_NODE_HOLDS_ARRAY(root)
                             ? place_of(d, json_node_get_array(root), (place){1, 1})
                             : (place){1, 1};
        tl_set_error_at(err, TL_ERROR_DATA, d->path, at.line, at.col,
                        "expected a TimelineJS object {\"title\": ..., \"events\": [...]}");
        return NULL;
    }
    JsonObject *doc = json_node_get_object(root);
    const place at = place_of(d, doc, (place){1, 1});
    JsonNode *events = json_object_get_member(doc, "events");
    if (!events && json_object_has_member(doc, "timeline")) {
        tl_set_error_at(err, TL_ERROR_DATA, d->path, at.line, at.col,
                        "no \"events\" array: TimelineJS 1 and 2 JSON ({\"timeline\": "
                        "{\"date\": [...]}}) is not read; use a TimelineJS3 document");
        return NULL;
    }
    if (!events) {
        tl_set_error_at(err, TL_ERROR_DATA, d->path, at.line, at.col,
                        "no \"events\" array: a TimelineJS document is {\"title\": ..., "
                        "\"events\": [...]}");
        return NULL;
    }
    if (!JSON_NODE_HOLDS_ARRAY(events)) {
        tl_set_error_at(err, TL_ERROR_DATA, d->path, at.line, at.col,
                        "\"events\" is not an array of event objects");
        return NULL;
    }
    return json_node_get_array(events);
}

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* The summary notes of what a chart does not show. */
static void add_notes(tjs_doc *d)
{
    tl_timeline *tl = d->tl;
    if (d->with_media)
        tl_model_add_note(tl, tl_xasprintf("media not drawn: %zu of %zu slides %s an image, "
                                           "video or embed",
                                           d->with_media, d->slides,
                                           plural(d->with_media, "has", "have")));
    if (d->titled_from_caption)
        tl_model_add_note(tl, tl_xasprintf("%zu %s without text titled from %s media caption",
                                           d->titled_from_caption,
                                           plural(d->titled_from_caption, "slide", "slides"),
                                           plural(d->titled_from_caption, "its", "their")));
    if (d->millis_dropped)
        tl_model_add_note(tl, tl_xasprintf("milliseconds ignored in %zu %s: times are read to "
                                           "the second",
                                           d->millis_dropped,
                                           plural(d->millis_dropped, "date", "dates")));
    if (d->parts_dropped)
        tl_model_add_note(tl, tl_xasprintf("months, days and times ignored in %zu %s "
                                           "(cosmological scale)",
                                           d->parts_dropped,
                                           plural(d->parts_dropped, "date", "dates")));
    if (d->display_dates_dropped)
        tl_model_add_note(tl, tl_xasprintf("display_date of one side ignored in %zu %s: the "
                                           "other side is not a date",
                                           d->display_dates_dropped,
                                           plural(d->display_dates_dropped, "slide", "slides")));
}

/* A warning's place in the file, from its "PATH:LINE:COL: " prefix. */
typedef struct ranked {
    char *message;
    unsigned long line, col;
    size_t order;
} ranked;

static int by_place(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* The importer's own warnings (bad slides) come before the rows' (bad dates): put them all in
 * file order, as a sheet's are. Warnings without a place keep theirs relative to the others. */
static void sort_warnings(tjs_doc *d)
{
    tl_strv *w = &d->tl->warnings;
    const size_t plen = strlen(d->path);
    ranked *r = tl_xcalloc(w->len ? w->len : 1, sizeof *r);
    for (size_t i = 0; i < w->len; i++) {
        r[i] = (ranked){w->items[i], 0, 0, i};
        const char *p = w->items[i];
        if (strncmp(p, d->path, plen) == 0 && p[plen] == ':')
            sscanf(p + plen + 1, "%lu:%lu", &r[i].line, &r[i].col);
    }
    qsort(r, w->len, sizeof *r, by_place);
    for (size_t i = 0; i < w->len; i++)
        w->items[i] = r[i].message;
    free(r);
}

/* The title slide, the events, then the eras, as the sheet's rows. False with *err when the
 * document is not one or has nothing to draw. */
static bool read_document(tjs_doc *d, JsonNode *root, tl_error **err)
{
    JsonArray *events = events_of(d, root, err);
    if (!events)
        return false;
    JsonObject *doc = json_node_get_object(root);
    const place at = place_of(d, doc, (place){1, 1});
    read_scale(d, doc, at);
    bool bad;
    JsonObject *title = member_object(d, doc, "title", at, "ignored", &bad);
    if (title)
        read_slide(d, title, SLIDE_TITLE, at);
    read_list(d, events, "events", SLIDE_EVENT);
    JsonNode *eras = json_object_get_member(doc, "eras");
    if (eras && JSON_NODE_HOLDS_ARRAY(eras))
        read_list(d, json_node_get_array(eras), "eras", SLIDE_ERA);
    else if (eras && !JSON_NODE_HOLDS_NULL(eras))
        warn(d, at, "\"eras\" is not an array; ignored");
    const guint count =
        json_array_get_length(events) + (eras && JSON_NODE_HOLDS_ARRAY(eras)
                                             ? json_array_get_length(json_node_get_array(eras))
                                             : 0);
    if (count == 0) {
        const place list_at = place_of(d, events, at);
        return tl_set_error_at(err, TL_ERROR_DATA, d->path, list_at.line, list_at.col,
                               "no events: \"events\" is empty");
    }
    add_notes(d);
    return true;
}

tl_timeline *tl_timelinejs_load(const char *data, size_t len, const char *path,
                                const tl_load_options *opts, tl_error **err)
{
    tjs_doc d = {.path = path, .tl = tl_model_new()};
    d.table = tl_table_new(path);
    d.where = g_hash_table_new(g_direct_hash, g_direct_equal);
    d.noted = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    JsonNode *root = NULL;
    bool ok = parse(&d, data, len, &root, err) && read_document(&d, root, err);
    if (ok && tl_table_row_count(d.table) == 0)
        ok = tl_set_error_at(err, TL_ERROR_DATA, path, 1, 1, "no event could be read");
    ok = ok && tl_table_load(d.table, d.tl, opts, "format: TimelineJS JSON", err);
    if (ok)
        sort_warnings(&d);
    if (root)
        json_node_unref(root);
    tl_table_free(d.table);
    g_hash_table_destroy(d.where);
    g_hash_table_destroy(d.noted);
    free(d.open);
    free(d.places);
    if (!ok) {
        tl_timeline_free(d.tl);
        return NULL;
    }
    return d.tl;
}
