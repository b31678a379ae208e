/* JSON and JSON Lines through json-glib: an array of event objects, or one object a line,
 * whose keys are the CSV's column names (with the same aliases). The objects become rows of
 * the columns reader (json-rows.c). An array is parsed whole, with the place of each element
 * taken from the parser as it goes; JSON Lines is parsed a line at a time and streams: only
 * the chart's events stay in memory. */
#include "data/load.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "data/json-rows.h"
#include "data/load-options-private.h"
#include "data/model-private.h"

/* JSON Lines files from this many bytes up are read in two halves at once (with two
 * processors or more). */
#define TL_JSONL_SPLIT_MIN ((uint64_t)8 << 20)

/* An object's place in the file. */
typedef struct place {
    unsigned long line, column;
} place;

/* Where the array's parser is: nesting depth, and the places of the objects at depth 1. */
typedef struct array_places {
    int depth;
    place *starts;
    size_t count, cap;
} array_places;

static void on_object_start(JsonParser *parser, gpointer user)
{
    array_places *d = user;
    if (++d->depth == 2) {
        /* Inside the top array: an element. The parser stands just past its '{'. */
        d->starts = tl_xgrow(d->starts, &d->cap, d->count + 1, sizeof *d->starts);
        const guint pos = json_parser_get_current_pos(parser);
        d->starts[d->count++] = (place){json_parser_get_current_line(parser), pos > 0 ? pos : 1};
    }
}

static void on_array_start(JsonParser *parser, gpointer user)
{
    (void)parser;
    ((array_places *)user)->depth++;
}

static void on_end(JsonParser *parser, gpointer container, gpointer user)
{
    (void)parser;
    (void)container;
    ((array_places *)user)->depth--;
}

/* A JSON array of objects. */
static bool read_array(tl_json_rows *rows, tl_timeline *tl, const char *data, size_t len,
                       const char *path, tl_error **err)
{
    if (!tl_json_check_depth(data, len, path, 1, err))
        return false;
    array_places places = {0};
    JsonParser *parser = json_parser_new();
    g_signal_connect(parser, "object-start", G_CALLBACK(on_object_start), &places);
    g_signal_connect(parser, "array-start", G_CALLBACK(on_array_start), &places);
    g_signal_connect(parser, "object-end", G_CALLBACK(on_end), &places);
    g_signal_connect(parser, "array-end", G_CALLBACK(on_end), &places);
    GError *gerr = NULL;
    bool ok = json_parser_load_from_data(parser, data, (gssize)len, &gerr);
    if (!ok)
        tl_json_parse_error(path, 0, gerr, err);
    g_clear_error(&gerr);
    JsonNode *root = ok ? json_parser_get_root(parser) : NULL;
    if (ok && (!root || !JSON_NODE_HOLDS_ARRAY(root)))
        ok = tl_set_error_at(err, TL_ERROR_DATA, path, 1, 0,
                             "expected an array of event objects (or JSON Lines: one object a "
                             "line)");
    JsonArray *a = ok ? json_node_get_array(root) : NULL;
    size_t next = 0;
    for (guint i = 0; ok && i < json_array_get_length(a); i++) {
        JsonNode *n = json_array_get_element(a, i);
        if (!JSON_NODE_HOLDS_OBJECT(n)) {
            tl_model_add_warning(tl, tl_xasprintf("%s: element %u of the array is not an "
                                                  "object; skipped",
                                                  path, i + 1));
            continue;
        }
        const place at = next < places.count ? places.starts[next] : (place){0, 0};
        next++;
        ok = tl_json_rows_add(rows, n, at.line, at.column, err);
    }
    g_object_unref(parser);
    free(places.starts);
    return ok;
}

/* One line of JSON Lines (blank ones are skipped). */
static bool read_line(tl_json_rows *rows, tl_timeline *tl, JsonParser *parser, const char *s,
                      size_t n, unsigned long line, const char *path, tl_error **err)
{
    size_t a = 0, b = n;
    while (a < b && g_ascii_isspace(s[a]))
        a++;
    while (b > a && g_ascii_isspace(s[b - 1]))
        b--;
    if (a == b)
        return true;
    if (!tl_json_check_depth(s + a, b - a, path, line, err))
        return false;
    GError *gerr = NULL;
    if (!json_parser_load_from_data(parser, s + a, (gssize)(b - a), &gerr)) {
        tl_json_parse_error(path, line, gerr, err);
        g_clear_error(&gerr);
        return false;
    }
    JsonNode *root = json_parser_get_root(parser);
    if (!root || !JSON_NODE_HOLDS_OBJECT(root)) {
        tl_model_add_warning(tl, tl_format_located(path, line, a + 1,
                                                   "not an event object; skipped"));
        return true;
    }
    return tl_json_rows_add(rows, root, line, 1, err);
}

/* JSON Lines from memory. */
static bool read_lines(tl_json_rows *rows, tl_timeline *tl, const char *data, size_t len,
                       const char *path, tl_error **err)
{
    JsonParser *parser = json_parser_new();
    unsigned long line = 0;
    bool ok = true;
    for (size_t off = 0; ok && off < len;) {
        const char *nl = memchr(data + off, '\n', len - off);
        const size_t end = nl ? (size_t)(nl - data) : len;
        ok = read_line(rows, tl, parser, data + off, end - off, ++line, path, err);
        off = end + 1;
    }
    g_object_unref(parser);
    return ok;
}

/* Lines of `fp` from its current place, which is byte `*pos` and line `*line` + 1, until
 * *pos reaches `limit` (UINT64_MAX: the end); with `fork`, until the fork refuses a row,
 * which leaves *pos and *line at the start of that row's line. */
static bool read_stream(tl_json_rows *rows, tl_timeline *tl, JsonParser *parser, FILE *fp,
                        uint64_t *pos, unsigned long *line, uint64_t limit, const char *path,
                        const gint *stop, tl_error **err)
{
    char *buf = NULL;
    size_t cap = 0;
    ssize_t n = 0;
    bool ok = true;
    while (ok && *pos < limit && !(stop && g_atomic_int_get(stop)) &&
           (n = getline(&buf, &cap, fp)) > 0) {
        ok = read_line(rows, tl, parser, buf, (size_t)n, *line + 1, path, err);
        if (stop && tl_json_rows_refused(rows))
            break;
        *pos += (uint64_t)n;
        ++*line;
    }
    if (ok && n < 0 && ferror(fp))
        ok = tl_set_error_at(err, TL_ERROR_IO, path, *line, 0, "cannot read");
    free(buf);
    return ok;
}

/* The second half of a large file, on a thread of its own (as CSV's, csv-split.c): its rows
 * go to a timeline of their own through a fork of the rows, joined in file order. */
typedef struct half {
    const char *path;
    FILE *fp;
    uint64_t pos; /* where it starts, then where it stopped */
    unsigned long line;
    tl_json_rows *rows;
    tl_timeline *tl;
    gint stop;
    bool ok;
    tl_error *err;
    GThread *thread;
} half;

static gpointer read_half(gpointer data)
{
    half *h = data;
    JsonParser *parser = json_parser_new();
    h->ok = read_stream(h->rows, h->tl, parser, h->fp, &h->pos, &h->line, UINT64_MAX, h->path,
                        &h->stop, &h->err);
    g_object_unref(parser);
    return NULL;
}

/* The first line start at or after the middle of `fp`, and the number of lines before it;
 * false when the file is not worth cutting (not a regular file, small, one processor). */
static bool find_cut(FILE *fp, uint64_t from, const tl_load_options *opts, uint64_t *at,
                     unsigned long *lines)
{
    struct stat st;
    const uint64_t forced = opts ? opts->split_min : 0;
    if (fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode) ||
        (uint64_t)st.st_size < (forced ? forced : TL_JSONL_SPLIT_MIN) ||
        (!forced && g_get_num_processors() < 2) || from >= (uint64_t)st.st_size / 2)
        return false;
    enum { CHUNK = 64 * 1024 };
    char *buf = tl_xmalloc(CHUNK);
    uint64_t off = 0, middle = (uint64_t)st.st_size / 2;
    unsigned long n = 0;
    bool found = false;
    ssize_t got;
    while (!found && (got = pread(fileno(fp), buf, CHUNK, (off_t)off)) > 0) {
        for (const char *p = buf, *end = buf + got; (p = memchr(p, '\n', (size_t)(end - p)));) {
            n++;
            p++;
            if (off + (uint64_t)(p - buf) > middle) {
                *at = off + (uint64_t)(p - buf);
                found = *at < (uint64_t)st.st_size;
                break;
            }
        }
        off += (uint64_t)got;
    }
    free(buf);
    *lines = n;
    return found;
}

/* Reads up to the cut here while a thread reads the rest; then joins the two, and reads on
 * here from where the thread refused a row, if it did. */
static bool read_split(tl_json_rows *rows, tl_timeline *tl, JsonParser *parser, FILE *fp,
                       uint64_t *pos, unsigned long *line, uint64_t at, unsigned long cut_line,
                       const char *path, tl_error **err)
{
    half h = {.path = path, .pos = at, .line = cut_line, .tl = tl_model_new()};
    h.fp = fopen(path, "rb");
    if (h.fp && fseeko(h.fp, (off_t)at, SEEK_SET) == 0) {
        h.rows = tl_json_rows_fork(rows, h.tl);
        h.thread = g_thread_try_new("jsonl-half", read_half, &h, NULL);
    }
    bool ok = read_stream(rows, tl, parser, fp, pos, line, h.thread ? at : UINT64_MAX, path,
                          NULL, err);
    if (h.thread) {
        if (!ok)
            g_atomic_int_set(&h.stop, 1);
        g_thread_join(h.thread);
        if (ok && !h.ok) {
            ok = false;
            if (err && !*err) {
                *err = h.err;
                h.err = NULL;
            }
        }
        if (ok) {
            tl_model_append(tl, h.tl);
            h.tl = NULL;
            tl_json_rows_merge(rows, h.rows);
            h.rows = NULL;
            *pos = h.pos;
            *line = h.line;
            ok = fseeko(fp, (off_t)h.pos, SEEK_SET) == 0 &&
                 read_stream(rows, tl, parser, fp, pos, line, UINT64_MAX, path, NULL, err);
        }
    }
    tl_json_rows_free(h.rows);
    tl_timeline_free(h.tl);
    tl_error_free(h.err);
    if (h.fp)
        fclose(h.fp);
    return ok;
}

/* JSON Lines from a stream, after `head` (bytes already read from it). A regular file read
 * from its start (no head) that is large enough is read in two halves at once. */
static bool stream_lines(tl_json_rows *rows, tl_timeline *tl, FILE *fp, const char *head,
                         size_t head_len, const char *path, const tl_load_options *opts,
                         tl_error **err)
{
    JsonParser *parser = json_parser_new();
    unsigned long line = 0;
    bool ok = true;
    /* The head's whole lines; its last, unfinished one is carried into the stream's first. */
    size_t off = 0;
    for (const char *nl; ok && (nl = memchr(head + off, '\n', head_len - off));) {
        const size_t end = (size_t)(nl - head);
        ok = read_line(rows, tl, parser, head + off, end - off, ++line, path, err);
        off = end + 1;
    }
    if (ok && off < head_len) {
        GString *carry = g_string_new_len(head + off, (gssize)(head_len - off));
        char *buf = NULL;
        size_t cap = 0;
        const ssize_t n = getline(&buf, &cap, fp);
        if (n > 0)
            g_string_append_len(carry, buf, n);
        free(buf);
        ok = read_line(rows, tl, parser, carry->str, carry->len, ++line, path, err);
        g_string_free(carry, TRUE);
    }
    uint64_t pos = 0;
    if (ok && head_len == 0) {
        /* The header settles on the first objects; a cut needs it. */
        while (ok && !tl_json_rows_settled(rows) && !feof(fp)) {
            ok = read_stream(rows, tl, parser, fp, &pos, &line, pos + 1, path, NULL, err);
        }
        uint64_t at;
        unsigned long cut_line;
        if (ok && tl_json_rows_settled(rows) && find_cut(fp, pos, opts, &at, &cut_line))
            ok = read_split(rows, tl, parser, fp, &pos, &line, at, cut_line, path, err);
    }
    ok = ok && read_stream(rows, tl, parser, fp, &pos, &line, UINT64_MAX, path, NULL, err);
    g_object_unref(parser);
    return ok;
}

/* The shared end of the three entry points below. */
static tl_timeline *finish(tl_json_rows *rows, tl_timeline *tl, bool ok, const char *format,
                           tl_error **err)
{
    ok = ok && tl_json_rows_finish(rows, format, err);
    tl_json_rows_free(rows);
    if (!ok) {
        tl_timeline_free(tl);
        return NULL;
    }
    return tl;
}

tl_timeline *tl_json_load(const char *data, size_t len, const char *path, bool lines,
                          const tl_load_options *opts, tl_error **err)
{
    tl_timeline *tl = tl_model_new();
    tl_json_rows *rows =
        tl_json_rows_new(path, tl, opts, lines ? TL_JSON_LOOKAHEAD : SIZE_MAX);
    const bool ok = lines ? read_lines(rows, tl, data, len, path, err)
                          : read_array(rows, tl, data, len, path, err);
    return finish(rows, tl, ok, lines ? "format: JSON Lines" : "format: JSON", err);
}

tl_timeline *tl_jsonl_load_stream(FILE *fp, const char *head, size_t head_len, const char *path,
                                  const tl_load_options *opts, tl_error **err)
{
    tl_timeline *tl = tl_model_new();
    tl_json_rows *rows = tl_json_rows_new(path, tl, opts, TL_JSON_LOOKAHEAD);
    const bool ok = stream_lines(rows, tl, fp, head, head_len, path, opts, err);
    return finish(rows, tl, ok, "format: JSON Lines", err);
}
