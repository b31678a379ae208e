/* JSON objects as rows: each object becomes a row for the columns reader (columns-row.c), so
 * a JSON event is checked, warned about and turned into an event exactly as a CSV row is; a
 * row's position is where its object starts. */
#include "data/json-rows.h"

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "data/columns.h"
#include "data/load-options-private.h"
#include "data/load.h"
#include "data/model-private.h"
#include "data/profiles.h"

typedef struct kept {
    JsonNode *node;
    unsigned long line, col;
} kept;

/* A key met at a place in an object, and its field + 1 (0: no column). */
typedef struct seen_key {
    const char *key;
    size_t field;
} seen_key;

struct tl_json_rows {
    const char *path;
    tl_timeline *tl;
    const tl_load_options *opts;
    size_t lookahead;
    size_t count; /* objects taken */
    kept *kept;   /* while the header is not settled */
    size_t nkept, kept_cap;
    bool settled;
    tl_columns cols;
    GPtrArray *names;     /* the header, owned strings */
    GHashTable *index;    /* key -> field index + 1, or 0: a key with no column (owned keys) */
    tl_csv_field *fields; /* one row's fields, reused */
    size_t *offsets;
    GString *text; /* one row's texts, each ending in NUL; reused */
    /* A fork (tl_json_rows_fork()): its columns are the parent's, never cleared here; keys
     * it meets first are listed for the parent to note. */
    bool forked, refused;
    GPtrArray *late; /* "key\nline" */
    /* The previous object's keys in the order it gave them (pointers to `index`'s own keys)
     * and their fields + 1: objects of a stream mostly repeat one order, and a comparison
     * with the key met at the same place is cheaper than hashing it. */
    seen_key *order;
    size_t order_cap;
};

tl_json_rows *tl_json_rows_new(const char *path, tl_timeline *tl, const tl_load_options *opts,
                               size_t lookahead)
{
    tl_json_rows *r = tl_xcalloc(1, sizeof *r);
    r->path = path;
    r->tl = tl;
    r->opts = opts;
    r->lookahead = lookahead ? lookahead : 1;
    r->names = g_ptr_array_new_with_free_func(g_free);
    r->index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    r->text = g_string_new(NULL);
    return r;
}

void tl_json_rows_free(tl_json_rows *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nkept; i++)
        json_node_unref(r->kept[i].node);
    free(r->kept);
    if (!r->forked)
        tl_columns_clear(&r->cols);
    if (r->late)
        g_ptr_array_free(r->late, TRUE);
    g_ptr_array_free(r->names, TRUE);
    g_hash_table_destroy(r->index);
    free(r->fields);
    free(r->offsets);
    free(r->order);
    g_string_free(r->text, TRUE);
    free(r);
}

static void add_name(tl_json_rows *r, const char *name)
{
    if (g_hash_table_contains(r->index, name))
        return;
    g_ptr_array_add(r->names, g_strdup(name));
    g_hash_table_insert(r->index, g_strdup(name), GSIZE_TO_POINTER(r->names->len));
}

/* Whether the header names read in our own layout rather than a known sheet's. */
static bool is_own_layout(const GPtrArray *names)
{
    char(*norm)[TL_PROFILE_MAX_NAME] = tl_xcalloc(names->len + 1, sizeof *norm);
    for (guint i = 0; i < names->len; i++)
        if (!tl_profile_normalise(names->pdata[i], norm[i], sizeof norm[i]))
            norm[i][0] = '\0';
    const bool own = strcmp(tl_profile_detect(norm, names->len)->name, "timeline") == 0;
    free(norm);
    return own;
}

/* The header: the kept objects' keys in the order they first appear, then (for a stream,
 * in our own layout) a column for each role none of them names. */
static bool settle(tl_json_rows *r, tl_error **err)
{
    r->settled = true;
    for (size_t k = 0; k < r->nkept; k++) {
        JsonObjectIter it;
        const char *key;
        json_object_iter_init(&it, json_node_get_object(r->kept[k].node));
        while (json_object_iter_next(&it, &key, NULL))
            add_name(r, key);
    }
    if (r->lookahead != SIZE_MAX && is_own_layout(r->names)) {
        bool named[TL_COLUMN_COUNT] = {false};
        for (guint i = 0; i < r->names->len; i++) {
            tl_column c;
            if (tl_columns_lookup(r->names->pdata[i], &c))
                named[c] = true;
        }
        for (int c = 0; c < TL_COLUMN_OVERRIDABLE; c++) {
            const char *over = r->opts ? r->opts->columns[c] : NULL;
            if (!named[c] && !(over && g_hash_table_contains(r->index, over)))
                add_name(r, over ? over : tl_columns_get_canonical_name((tl_column)c));
        }
    }
    /* The reader trims a header cell by moving its start: the copies are freed through
     * `copies`, never the fields. */
    tl_csv_row header = {.count = r->names->len, .end = {1, 1}};
    header.fields = tl_xcalloc(header.count + 1, sizeof *header.fields);
    char **copies = tl_xcalloc(header.count + 1, sizeof *copies);
    for (size_t i = 0; i < header.count; i++) {
        copies[i] = tl_xstrdup(r->names->pdata[i]);
        header.fields[i] =
            (tl_csv_field){.text = copies[i], .len = strlen(copies[i]), .pos = {1, 1}};
    }
    const bool ok = tl_columns_init(&r->cols, &header, r->path, r->tl, r->opts, err);
    for (size_t i = 0; i < header.count; i++)
        free(copies[i]);
    free(copies);
    free(header.fields);
    r->fields = tl_xcalloc(r->names->len + 1, sizeof *r->fields);
    r->offsets = tl_xcalloc(r->names->len + 1, sizeof *r->offsets);
    return ok;
}

/* The field of a key the header does not have (a stream's later key): the column of its
 * role, else none, which is noted once. Returns the field index + 1, or 0. */
static size_t late_key(tl_json_rows *r, const char *key, unsigned long line)
{
    size_t field = 0;
    char norm[TL_PROFILE_MAX_NAME];
    int role = TL_PROFILE_IGNORED;
    tl_column c;
    if (tl_profile_normalise(key, norm, sizeof norm) &&
        tl_profile_lookup(r->cols.profile, norm, &role)) {
        /* the sheet's own name */
    } else if (tl_columns_lookup(key, &c)) {
        role = (int)c;
    }
    if (role != TL_PROFILE_IGNORED && r->cols.index[role] != TL_COLUMN_ABSENT)
        field = r->cols.index[role] + 1;
    else if (r->forked)
        g_ptr_array_add(r->late, g_strdup_printf("%s\n%lu", key, line));
    else
        tl_model_add_note(r->tl, tl_xasprintf("key \"%s\" (first at line %lu) ignored", key, line));
    g_hash_table_insert(r->index, g_strdup(key), GSIZE_TO_POINTER(field));
    return field;
}

/* The field + 1 of the `nth` key of an object (0 when it has no column). */
static size_t key_field(tl_json_rows *r, size_t nth, const char *key, unsigned long line)
{
    if (nth < r->order_cap && r->order[nth].key && strcmp(r->order[nth].key, key) == 0)
        return r->order[nth].field;
    gpointer own = NULL, v = NULL;
    if (!g_hash_table_lookup_extended(r->index, key, &own, &v)) {
        late_key(r, key, line);
        g_hash_table_lookup_extended(r->index, key, &own, &v);
    }
    if (nth >= r->order_cap) {
        const size_t cap = r->order_cap;
        r->order = tl_xgrow(r->order, &r->order_cap, nth + 1, sizeof *r->order);
        memset(r->order + cap, 0, (r->order_cap - cap) * sizeof *r->order);
    }
    r->order[nth] = (seen_key){own, GPOINTER_TO_SIZE(v)};
    return r->order[nth].field;
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

/* One object as a row of the header's fields, into the columns reader. */
static void add_row(tl_json_rows *r, JsonNode *node, unsigned long line, unsigned long col)
{
    const tl_csv_pos pos = {line, col};
    const size_t n = r->names->len;
    /* Offset 0 is the empty text of every field the object does not fill. */
    g_string_truncate(r->text, 0);
    g_string_append_c(r->text, '\0');
    for (size_t i = 0; i < n; i++)
        r->offsets[i] = 0;
    JsonObjectIter it;
    const char *key;
    JsonNode *value;
    json_object_iter_init(&it, json_node_get_object(node));
    for (size_t nth = 0; json_object_iter_next(&it, &key, &value); nth++) {
        const size_t field = key_field(r, nth, key, line);
        if (field == 0)
            continue;
        const size_t start = r->text->len;
        bool nested = false;
        append_value(r->text, value, &nested);
        g_string_append_c(r->text, '\0');
        r->offsets[field - 1] = start;
        tl_column c;
        if (nested && tl_columns_lookup(key, &c)) {
            char *msg = tl_xasprintf("key \"%s\" holds an object, not a value; ignored", key);
            tl_model_add_warning(r->tl, tl_format_located(r->path, line, col, msg));
            free(msg);
        }
    }
    tl_csv_row row = {.fields = r->fields, .count = n, .end = pos};
    for (size_t i = 0; i < n; i++) {
        r->fields[i].text = r->text->str + r->offsets[i];
        r->fields[i].len = strlen(r->fields[i].text);
        r->fields[i].pos = pos;
    }
    if (r->forked && !tl_columns_row_is_local(&r->cols, &row)) {
        r->refused = true;
        return;
    }
    tl_columns_add_row(&r->cols, &row, r->path, r->tl);
}

static bool flush_kept(tl_json_rows *r, tl_error **err)
{
    if (!settle(r, err))
        return false;
    for (size_t k = 0; k < r->nkept; k++) {
        add_row(r, r->kept[k].node, r->kept[k].line, r->kept[k].col);
        json_node_unref(r->kept[k].node);
    }
    r->nkept = 0;
    return true;
}

bool tl_json_rows_settled(const tl_json_rows *r)
{
    return r->settled;
}

tl_json_rows *tl_json_rows_fork(const tl_json_rows *r, tl_timeline *part)
{
    tl_json_rows *f = tl_json_rows_new(r->path, part, r->opts, r->lookahead);
    f->settled = f->forked = true;
    f->cols = r->cols;
    f->cols.titles_from_text = 0; /* counts its own rows, added to the parent's at the end */
    for (guint i = 0; i < r->names->len; i++)
        g_ptr_array_add(f->names, g_strdup(r->names->pdata[i]));
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, r->index);
    while (g_hash_table_iter_next(&it, &k, &v))
        g_hash_table_insert(f->index, g_strdup(k), v);
    f->fields = tl_xcalloc(f->names->len + 1, sizeof *f->fields);
    f->offsets = tl_xcalloc(f->names->len + 1, sizeof *f->offsets);
    f->late = g_ptr_array_new_with_free_func(g_free);
    return f;
}

bool tl_json_rows_refused(const tl_json_rows *fork)
{
    return fork->refused;
}

void tl_json_rows_merge(tl_json_rows *r, tl_json_rows *fork)
{
    r->count += fork->count;
    r->cols.titles_from_text += fork->cols.titles_from_text;
    for (guint i = 0; i < fork->late->len; i++) {
        char *key = fork->late->pdata[i];
        char *nl = strchr(key, '\n');
        *nl = '\0';
        if (!g_hash_table_contains(r->index, key))
            late_key(r, key, strtoul(nl + 1, NULL, 10));
    }
    tl_json_rows_free(fork);
}

bool tl_json_rows_add(tl_json_rows *r, JsonNode *node, unsigned long line, unsigned long col,
                      tl_error **err)
{
    r->count++;
    if (r->settled) {
        add_row(r, node, line, col);
        return true;
    }
    r->kept = tl_xgrow(r->kept, &r->kept_cap, r->nkept + 1, sizeof *r->kept);
    r->kept[r->nkept++] = (kept){json_node_ref(node), line, col};
    return r->nkept < r->lookahead || flush_kept(r, err);
}

bool tl_json_rows_finish(tl_json_rows *r, const char *format, tl_error **err)
{
    if (r->count == 0)
        return tl_set_error_at(err, TL_ERROR_DATA, r->path, 0, 0, "no event objects");
    if (!r->settled && !flush_kept(r, err))
        return false;
    tl_model_add_note(r->tl, tl_xstrdup(format));
    return tl_load_complete(r->tl, &r->cols, r->opts, r->path, err);
}
