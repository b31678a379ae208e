/* JSON and JSON Lines through json-glib: an array of event objects, or one object a line,
 * whose keys are the CSV's column names (with the same aliases). Each object becomes a row
 * for the columns' reader (columns-row.c), so a JSON event is checked, warned about and
 * turned into an event exactly as a CSV row is; a row's position is where its object starts. */
#include "data/load.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "data/columns.h"
#include "data/model-private.h"

/* An object's place in the file. */
typedef struct place {
    unsigned long line, column;
} place;

typedef struct json_doc {
    const char *path;
    tl_timeline *tl;
    /* The objects to read, each with its place, in file order (borrowed from `roots`). */
    JsonObject **objects;
    place *places;
    size_t count, cap;
    JsonNode **roots; /* what owns them: one tree, or one a line */
    size_t nroots, roots_cap;
    /* Where the parser is: nesting depth, and the places of the objects at depth 1. */
    int depth;
    place *starts;
    size_t nstarts, starts_cap;
} json_doc;

static void on_object_start(JsonParser *parser, gpointer user)
{
    json_doc *d = user;
    if (++d->depth == 2) {
        /* Inside the top array: an element. The parser stands just past its '{'. */
        d->starts = tl_xgrow(d->starts, &d->starts_cap, d->nstarts + 1, sizeof *d->starts);
        const guint pos = json_parser_get_current_pos(parser);
        d->starts[d->nstarts++] = (place){json_parser_get_current_line(parser), pos > 0 ? pos : 1};
    }
}

static void on_array_start(JsonParser *parser, gpointer user)
{
    (void)parser;
    ((json_doc *)user)->depth++;
}

static void on_end(JsonParser *parser, gpointer container, gpointer user)
{
    (void)parser;
    (void)container;
    ((json_doc *)user)->depth--;
}

static void add_object(json_doc *d, JsonObject *o, place at)
{
    d->objects = tl_xgrow(d->objects, &d->cap, d->count + 1, sizeof *d->objects);
    d->places = tl_xrealloc(d->places, d->cap * sizeof *d->places);
    d->objects[d->count] = o;
    d->places[d->count] = at;
    d->count++;
}

static void keep_root(json_doc *d, JsonNode *root)
{
    d->roots = tl_xgrow(d->roots, &d->roots_cap, d->nroots + 1, sizeof *d->roots);
    d->roots[d->nroots++] = root;
}

/* json-glib's message names its own "<data>" and a position: ours names the file. */
static bool parse_error(const char *path, unsigned long line, const GError *gerr, tl_error **err)
{
    const char *msg = gerr ? gerr->message : "invalid JSON";
    unsigned long l = 0, c = 0;
    const char *rest = msg;
    if (sscanf(msg, "<data>:%lu:%lu:", &l, &c) == 2) {
        rest = strchr(strchr(strchr(msg, ':') + 1, ':') + 1, ':') + 1;
        while (*rest == ' ')
            rest++;
    }
    if (line > 0) /* JSON Lines: the parser saw one line */
        l = line;
    return tl_set_error_at(err, TL_ERROR_DATA, path, l, c, "invalid JSON: %s", rest);
}

/* A JSON array of objects. */
static bool read_array(json_doc *d, const char *data, size_t len, tl_error **err)
{
    JsonParser *parser = json_parser_new();
    g_signal_connect(parser, "object-start", G_CALLBACK(on_object_start), d);
    g_signal_connect(parser, "array-start", G_CALLBACK(on_array_start), d);
    g_signal_connect(parser, "object-end", G_CALLBACK(on_end), d);
    g_signal_connect(parser, "array-end", G_CALLBACK(on_end), d);
    GError *gerr = NULL;
    bool ok = json_parser_load_from_data(parser, data, (gssize)len, &gerr);
    if (!ok)
        parse_error(d->path, 0, gerr, err);
    JsonNode *root = ok ? json_parser_steal_root(parser) : NULL;
    g_clear_error(&gerr);
    g_object_unref(parser);
    if (!ok)
        return false;
    if (!root || !JSON_NODE_HOLDS_ARRAY(root)) {
        if (root)
            json_node_unref(root);
        return tl_set_error_at(err, TL_ERROR_DATA, d->path, 1, 0,
                               "expected an array of event objects (or JSON Lines: one object "
                               "a line)");
    }
    keep_root(d, root);
    JsonArray *a = json_node_get_array(root);
    size_t next = 0;
    for (guint i = 0; i < json_array_get_length(a); i++) {
        JsonNode *n = json_array_get_element(a, i);
        if (!JSON_NODE_HOLDS_OBJECT(n)) {
            tl_model_add_warning(d->tl, tl_xasprintf("%s: element %u of the array is not an "
                                                     "object; skipped",
                                                     d->path, i + 1));
            continue;
        }
        const place at = next < d->nstarts ? d->starts[next] : (place){0, 0};
        next++;
        add_object(d, json_node_get_object(n), at);
    }
    return true;
}

/* JSON Lines: one object a line; blank lines skipped. */
static bool read_lines(json_doc *d, const char *data, size_t len, tl_error **err)
{
    JsonParser *parser = json_parser_new();
    unsigned long line = 0;
    bool ok = true;
    for (size_t off = 0; ok && off < len;) {
        const size_t start = off;
        const char *nl = memchr(data + off, '\n', len - off);
        const size_t end = nl ? (size_t)(nl - data) : len;
        line++;
        size_t a = off, b = end;
        while (a < b && g_ascii_isspace(data[a]))
            a++;
        while (b > a && g_ascii_isspace(data[b - 1]))
            b--;
        off = end + 1;
        if (a == b)
            continue;
        GError *gerr = NULL;
        if (!json_parser_load_from_data(parser, data + a, (gssize)(b - a), &gerr)) {
            ok = parse_error(d->path, line, gerr, err);
            g_clear_error(&gerr);
            break;
        }
        JsonNode *root = json_parser_steal_root(parser);
        if (!root || !JSON_NODE_HOLDS_OBJECT(root)) {
            if (root)
                json_node_unref(root);
            tl_model_add_warning(d->tl, tl_format_located(d->path, line, a - start + 1,
                                                          "not an event object; skipped"));
            continue;
        }
        keep_root(d, root);
        add_object(d, json_node_get_object(root), (place){line, 1});
    }
    g_object_unref(parser);
    return ok;
}

/* A value as the text of a cell: numbers as written in JSON (no locale), true/false as yes/no,
 * null as empty, a list as its items joined by ", " (ids, tags). */
static void append_value(GString *out, JsonNode *n, bool *nested)
{
    switch (json_node_get_node_type(n)) {
    case JSON_NODE_NULL:
        return;
    case JSON_NODE_OBJECT:
        *nested = true;
        return;
    case JSON_NODE_ARRAY: {
        JsonArray *a = json_node_get_array(n);
        for (guint i = 0; i < json_array_get_length(a); i++) {
            if (i)
                g_string_append(out, ", ");
            append_value(out, json_array_get_element(a, i), nested);
        }
        return;
    }
    case JSON_NODE_VALUE:
        break;
    }
    const GType t = json_node_get_value_type(n);
    if (t == G_TYPE_STRING) {
        g_string_append(out, json_node_get_string(n));
    } else if (t == G_TYPE_INT64) {
        g_string_append_printf(out, "%" G_GINT64_FORMAT, json_node_get_int(n));
    } else if (t == G_TYPE_DOUBLE) {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        g_string_append(out, g_ascii_formatd(buf, sizeof buf, "%.15g", json_node_get_double(n)));
    } else if (t == G_TYPE_BOOLEAN) {
        g_string_append(out, json_node_get_boolean(n) ? "yes" : "no");
    }
}

static void free_row(tl_csv_row *row)
{
    for (size_t i = 0; i < row->count; i++)
        g_free(row->fields[i].text);
    free(row->fields);
}

/* The header: every key, in the order the objects first use them. */
static void make_header(const json_doc *d, GPtrArray *keys, GHashTable *index, tl_csv_row *header)
{
    for (size_t k = 0; k < d->count; k++) {
        GList *members = json_object_get_members(d->objects[k]);
        for (GList *m = members; m; m = m->next)
            if (!g_hash_table_contains(index, m->data)) {
                g_hash_table_insert(index, m->data, GSIZE_TO_POINTER(keys->len));
                g_ptr_array_add(keys, m->data);
            }
        g_list_free(members);
    }
    header->count = keys->len;
    header->fields = tl_xcalloc(keys->len + 1, sizeof *header->fields);
    for (guint i = 0; i < keys->len; i++) {
        header->fields[i].text = g_strdup(keys->pdata[i]);
        header->fields[i].len = strlen(header->fields[i].text);
        header->fields[i].pos = (tl_csv_pos){1, 1};
    }
    header->end = (tl_csv_pos){1, 1};
}

/* An object as a row of the header's fields. */
static void make_row(json_doc *d, size_t k, const GPtrArray *keys, tl_csv_row *row)
{
    const place at = d->places[k];
    const tl_csv_pos pos = {at.line, at.column};
    row->count = keys->len;
    row->fields = tl_xcalloc(keys->len + 1, sizeof *row->fields);
    row->end = pos;
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < keys->len; i++) {
        g_string_truncate(s, 0);
        JsonNode *n = json_object_get_member(d->objects[k], keys->pdata[i]);
        bool nested = false;
        if (n)
            append_value(s, n, &nested);
        tl_column col;
        if (nested && tl_columns_lookup(keys->pdata[i], &col)) {
            char *msg = tl_xasprintf("key \"%s\" holds an object, not a value; ignored",
                                     (const char *)keys->pdata[i]);
            tl_model_add_warning(d->tl, tl_format_located(d->path, at.line, at.column, msg));
            free(msg);
        }
        row->fields[i].text = g_strndup(s->str, s->len);
        row->fields[i].len = s->len;
        row->fields[i].pos = pos;
    }
    g_string_free(s, TRUE);
}

tl_timeline *tl_json_load(const char *data, size_t len, const char *path, bool lines,
                          const tl_load_options *opts, tl_error **err)
{
    json_doc d = {.path = path, .tl = tl_model_new()};
    tl_columns cols;
    memset(&cols, 0, sizeof cols);
    GPtrArray *keys = g_ptr_array_new();
    GHashTable *index = g_hash_table_new(g_str_hash, g_str_equal);
    tl_csv_row header = {0};
    bool ok = lines ? read_lines(&d, data, len, err) : read_array(&d, data, len, err);
    if (ok && d.count == 0) {
        ok = tl_set_error_at(err, TL_ERROR_DATA, path, 0, 0, "no event objects");
    }
    if (ok) {
        make_header(&d, keys, index, &header);
        ok = tl_columns_init(&cols, &header, path, d.tl, opts, err);
    }
    for (size_t k = 0; ok && k < d.count; k++) {
        tl_csv_row row;
        make_row(&d, k, keys, &row);
        tl_columns_add_row(&cols, &row, path, d.tl);
        free_row(&row);
    }
    if (ok)
        tl_model_add_note(d.tl, tl_xstrdup(lines ? "format: JSON Lines" : "format: JSON"));
    ok = ok && tl_load_complete(d.tl, &cols, opts, path, err);
    tl_columns_clear(&cols);
    if (header.fields)
        free_row(&header);
    g_hash_table_destroy(index);
    g_ptr_array_free(keys, TRUE);
    for (size_t i = 0; i < d.nroots; i++)
        json_node_unref(d.roots[i]);
    free(d.roots);
    free(d.objects);
    free(d.places);
    free(d.starts);
    if (!ok) {
        tl_timeline_free(d.tl);
        return NULL;
    }
    return d.tl;
}
