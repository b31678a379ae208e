/* Rows of named cells -> the columns reader. The header is the union of the column names the
 * rows use, in the order they first appear, so the reader sees a CSV with exactly the columns
 * the source filled in. */
#include "data/table.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "data/columns.h"
#include "data/load-options-private.h"
#include "data/load.h"
#include "data/model-private.h"

typedef struct cell {
    size_t column;
    char *text; /* owned */
    tl_csv_pos pos;
} cell;

typedef struct row {
    cell *cells;
    size_t count, cap;
    tl_csv_pos pos;
} row;

struct tl_table {
    const char *path;
    GPtrArray *names;   /* column names, owned */
    GHashTable *index;  /* name -> index + 1 */
    row *rows;
    size_t nrows, cap;
    bool has_workdays;
    unsigned workdays;
    tl_time *holidays;
    size_t nholidays, holidays_cap;
    bool has_order;
    tl_date_order order;
};

tl_table *tl_table_new(const char *path)
{
    tl_table *t = tl_xcalloc(1, sizeof *t);
    t->path = path;
    t->names = g_ptr_array_new_with_free_func(g_free);
    t->index = g_hash_table_new(g_str_hash, g_str_equal);
    return t;
}

void tl_table_free(tl_table *t)
{
    if (!t)
        return;
    for (size_t r = 0; r < t->nrows; r++) {
        for (size_t c = 0; c < t->rows[r].count; c++)
            free(t->rows[r].cells[c].text);
        free(t->rows[r].cells);
    }
    free(t->rows);
    free(t->holidays);
    g_hash_table_destroy(t->index);
    g_ptr_array_free(t->names, TRUE);
    free(t);
}

void tl_table_add_row(tl_table *t, unsigned long line, unsigned long col)
{
    t->rows = tl_xgrow(t->rows, &t->cap, t->nrows + 1, sizeof *t->rows);
    t->rows[t->nrows++] = (row){.pos = {line, col}};
}

size_t tl_table_row_count(const tl_table *t)
{
    return t->nrows;
}

static size_t column_index(tl_table *t, const char *name)
{
    gpointer v = g_hash_table_lookup(t->index, name);
    if (v)
        return GPOINTER_TO_SIZE(v) - 1;
    char *copy = g_strdup(name);
    g_ptr_array_add(t->names, copy);
    g_hash_table_insert(t->index, copy, GSIZE_TO_POINTER(t->names->len));
    return t->names->len - 1;
}

static cell *find_cell(const tl_table *t, const char *column)
{
    if (t->nrows == 0)
        return NULL;
    gpointer v = g_hash_table_lookup(t->index, column);
    if (!v)
        return NULL;
    const row *r = &t->rows[t->nrows - 1];
    for (size_t c = 0; c < r->count; c++)
        if (r->cells[c].column == GPOINTER_TO_SIZE(v) - 1)
            return &r->cells[c];
    return NULL;
}

void tl_table_set_len(tl_table *t, const char *column, const char *text, size_t len,
                      unsigned long line, unsigned long col)
{
    if (t->nrows == 0)
        tl_table_add_row(t, line, col);
    cell *c = find_cell(t, column);
    if (!c) {
        row *r = &t->rows[t->nrows - 1];
        r->cells = tl_xgrow(r->cells, &r->cap, r->count + 1, sizeof *r->cells);
        c = &r->cells[r->count++];
        c->column = column_index(t, column);
        c->text = NULL;
    }
    free(c->text);
    c->text = tl_xstrndup(text ? text : "", text ? len : 0);
    c->pos = (tl_csv_pos){line, col};
}

void tl_table_set(tl_table *t, const char *column, const char *text, unsigned long line,
                  unsigned long col)
{
    tl_table_set_len(t, column, text, text ? strlen(text) : 0, line, col);
}

const char *tl_table_get(const tl_table *t, const char *column)
{
    const cell *c = find_cell(t, column);
    return c ? c->text : NULL;
}

void tl_table_append(tl_table *t, const char *column, const char *text, const char *sep,
                     unsigned long line, unsigned long col)
{
    cell *c = find_cell(t, column);
    if (!c || !c->text || !*c->text) {
        tl_table_set(t, column, text, line, col);
        return;
    }
    char *joined = tl_xasprintf("%s%s%s", c->text, sep ? sep : "", text ? text : "");
    free(c->text);
    c->text = joined;
}

void tl_table_set_workdays(tl_table *t, unsigned mask)
{
    t->has_workdays = true;
    t->workdays = mask;
}

void tl_table_add_holiday(tl_table *t, tl_time day)
{
    t->holidays = tl_xgrow(t->holidays, &t->holidays_cap, t->nholidays + 1, sizeof *t->holidays);
    t->holidays[t->nholidays++] = day;
}

void tl_table_set_date_order(tl_table *t, tl_date_order order)
{
    t->has_order = true;
    t->order = order;
}

/* A record of `count` fields with their texts in one allocation: the columns reader trims
 * a field by moving its start, so the texts are freed through `*block`, never the fields. */
static void make_fields(tl_csv_row *out, size_t count, const char *const *texts, tl_csv_pos at,
                        char **block)
{
    size_t total = 0;
    for (size_t i = 0; i < count; i++)
        total += (texts[i] ? strlen(texts[i]) : 0) + 1;
    char *p = *block = tl_xmalloc(total + 1);
    out->count = count;
    out->fields = tl_xcalloc(count + 1, sizeof *out->fields);
    out->end = at;
    for (size_t i = 0; i < count; i++) {
        const size_t n = texts[i] ? strlen(texts[i]) : 0;
        memcpy(p, texts[i] ? texts[i] : "", n);
        p[n] = '\0';
        out->fields[i] = (tl_csv_field){.text = p, .len = n, .pos = at};
        p += n + 1;
    }
}

/* The header row: every column name at the top of the source. */
static void make_header(const tl_table *t, tl_csv_row *header, char **block)
{
    make_fields(header, t->names->len, (const char *const *)t->names->pdata,
                (tl_csv_pos){1, 1}, block);
}

/* A row as a record of the header's fields; a cell not set is empty, at the row's place. */
static void make_row(const tl_table *t, const row *r, tl_csv_row *out, char **block)
{
    const char **texts = tl_xcalloc(t->names->len + 1, sizeof *texts);
    for (size_t c = 0; c < r->count; c++)
        texts[r->cells[c].column] = r->cells[c].text;
    make_fields(out, t->names->len, texts, r->pos, block);
    free(texts);
    for (size_t c = 0; c < r->count; c++)
        out->fields[r->cells[c].column].pos = r->cells[c].pos;
}

static void free_row(tl_csv_row *out, char *block)
{
    free(out->fields);
    free(block);
}

bool tl_table_load(tl_table *t, tl_timeline *tl, const tl_load_options *opts,
                   const char *format, tl_error **err)
{
    if (t->nrows == 0)
        return tl_set_error_at(err, TL_ERROR_DATA, t->path, 0, 0, "no events");
    /* The source's own settings over the options': a shallow copy, never freed. */
    tl_load_options local;
    memset(&local, 0, sizeof local);
    if (opts)
        local = *opts;
    if (t->has_workdays)
        local.workdays = t->workdays;
    if (t->nholidays) {
        local.holidays = t->holidays;
        local.nholidays = t->nholidays;
    }
    if (t->has_order)
        local.order = t->order;

    tl_columns cols;
    memset(&cols, 0, sizeof cols);
    tl_csv_row header = {0};
    char *header_block = NULL;
    make_header(t, &header, &header_block);
    bool ok = tl_columns_init(&cols, &header, t->path, tl, &local, err);
    for (size_t r = 0; ok && r < t->nrows; r++) {
        tl_csv_row rec;
        char *block = NULL;
        make_row(t, &t->rows[r], &rec, &block);
        tl_columns_add_row(&cols, &rec, t->path, tl);
        free_row(&rec, block);
    }
    if (ok && format)
        tl_model_add_note(tl, tl_xstrdup(format));
    ok = ok && tl_load_complete(tl, &cols, &local, t->path, err);
    tl_columns_clear(&cols);
    free_row(&header, header_block);
    return ok;
}
