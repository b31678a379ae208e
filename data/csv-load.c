/* CSV loading: the public tl_timeline_load_csv_* entry points, which stream a file, a stream
 * or a buffer through the reader (csv-reader.c) into the columns and the model. A large
 * regular file is read in two halves at once (csv-split.c), each into a timeline of its own,
 * joined in file order. */
#include <errno.h>
#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "data/columns.h"
#include "data/csv-reader.h"
#include "data/csv-split.h"
#include "data/load-options-private.h"
#include "data/load.h"
#include "data/model-private.h"
#include "data/text-utf8.h"
#include "timeline/timeline.h"

/* Input is read this much at a time; the file itself is never held in memory (a large one
 * read in two halves keeps the second half's fields until their turn, see csv-split.c). */
enum { CHUNK_SIZE = 64 * 1024 };

typedef struct loader {
    const char *path;
    const tl_load_options *opts;
    tl_csv_reader *reader;
    tl_timeline *tl;
    tl_columns columns;
    bool have_header;
    size_t repairs; /* invalid UTF-8 sequences replaced */
} loader;

static void on_repair(void *user, tl_csv_pos pos, unsigned char byte)
{
    loader *ld = user;
    if (++ld->repairs > TL_REPAIRS_SHOWN)
        return;
    char msg[96];
    snprintf(msg, sizeof msg, "invalid UTF-8 (byte 0x%02X) replaced with U+FFFD", byte);
    tl_model_add_warning(ld->tl, tl_format_located(ld->path, pos.line, pos.column, msg));
}

/* Spreadsheets export trailing empty rows as ",,,,": treat them like blank lines. */
static bool row_is_blank(const tl_csv_row *row)
{
    for (size_t i = 0; i < row->count; i++) {
        for (const char *p = row->fields[i].text; *p; p++) {
            if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
                return false;
        }
    }
    return true;
}

static const char *delimiter_name(char c)
{
    switch (c) {
    case ';':
        return "semicolon";
    case '\t':
        return "tab";
    case '|':
        return "vertical bar";
    default:
        return NULL;
    }
}

static bool on_row(void *user, tl_csv_row *row, tl_error **err)
{
    loader *ld = user;
    if (row_is_blank(row))
        return true;
    if (!ld->have_header) {
        const char delim = tl_csv_reader_get_delimiter(ld->reader);
        if (delim != ',') {
            const char *name = delimiter_name(delim);
            tl_model_add_note(ld->tl, name ? tl_xasprintf("delimiter: %s", name)
                                           : tl_xasprintf("delimiter: '%c'", delim));
        }
        if (!tl_columns_init(&ld->columns, row, ld->path, ld->tl, ld->opts, err))
            return false;
        ld->have_header = true;
        return true;
    }
    tl_columns_add_row(&ld->columns, row, ld->path, ld->tl);
    return true;
}

/* The second half of a file read in two: its rows become events on the half's thread, into a
 * timeline of their own, through a copy of the loader's columns. */
typedef struct part {
    tl_columns columns; /* shares the loader's header names: never cleared */
    const char *path;
    tl_timeline *tl;
} part;

static bool take_row(void *user, tl_csv_row *row)
{
    part *p = user;
    if (row_is_blank(row))
        return true;
    if (!tl_columns_row_is_local(&p->columns, row))
        return false;
    tl_columns_add_row(&p->columns, row, p->path, p->tl);
    return true;
}

/* The half's events sorted by start on its own thread, for tl_model_append() to merge. A
 * project plan is resolved in file order, so its events stay in it. */
static void part_done(void *user)
{
    part *p = user;
    if (!p->tl->has_plan)
        tl_model_sort_by_start(p->tl);
}

static void loader_init(loader *ld, const char *path, const tl_load_options *opts)
{
    ld->path = path;
    ld->opts = opts;
    ld->tl = tl_model_new();
    ld->reader = tl_csv_reader_new(path, on_row, ld);
    if (opts && opts->delimiter)
        tl_csv_reader_set_delimiter(ld->reader, opts->delimiter);
    if (opts && opts->repair_utf8)
        tl_csv_reader_set_repair(ld->reader, on_repair);
    ld->repairs = 0;
    ld->have_header = false;
    memset(&ld->columns, 0, sizeof ld->columns);
}

/* Ends loading after the input has been read (`ok`) or failed: returns the timeline, or NULL
 * with *err set. Frees everything else. */
static tl_timeline *loader_close(loader *ld, bool ok, tl_error **err)
{
    tl_timeline *tl = ld->tl;
    if (!ok)
        goto fail;
    if (!ld->have_header) {
        tl_set_error_at(err, TL_ERROR_DATA, ld->path, 0, 0, "empty file: no header row");
        goto fail;
    }
    tl_text_repairs_counted(tl, ld->path, ld->repairs);
    if (!tl_load_complete(tl, &ld->columns, ld->opts, ld->path, err))
        goto fail;
    tl_csv_reader_free(ld->reader);
    tl_columns_clear(&ld->columns);
    return tl;

fail:
    tl_csv_reader_free(ld->reader);
    tl_columns_clear(&ld->columns);
    tl_timeline_free(tl);
    return NULL;
}

/* Feeds the reader from `fp` until *fed reaches `limit` bytes, the input ends (*eof) or, with
 * `until_header`, the header row has been read. False with *err set when reading or parsing
 * fails. */
static bool feed_until(loader *ld, FILE *fp, char *chunk, uint64_t *fed, uint64_t limit,
                       bool until_header, bool *eof, tl_error **err)
{
    while (*fed < limit && !*eof && !(until_header && ld->have_header)) {
        const size_t want = limit - *fed < CHUNK_SIZE ? (size_t)(limit - *fed) : CHUNK_SIZE;
        const size_t n = fread(chunk, 1, want, fp);
        if (n > 0 && !tl_csv_reader_feed(ld->reader, chunk, n, err))
            return false;
        *fed += n;
        if (n < want && ferror(fp)) {
            const int e = errno;
            /* fopen() opens a directory on Linux; reading is what fails. */
            return tl_set_error_at(err, e == EISDIR ? TL_ERROR_NOINPUT : TL_ERROR_IO, ld->path, 0,
                                   0, "cannot read: %s", e ? strerror(e) : "read error");
        }
        *eof = n < want && feof(fp);
    }
    return true;
}

/* Where the second half of `fp` starts when it is worth reading on a second thread (csv-split.c):
 * a regular file opened here, large enough, with a second processor, that can be cut. Not with
 * repairs, whose warnings the reader gives as it goes. */
static bool split_point(FILE *fp, const tl_load_options *opts, uint64_t *at, unsigned long *line)
{
    const uint64_t forced = opts ? opts->split_min : 0;
    struct stat st;
    return !(opts && opts->repair_utf8) && fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) &&
           (uint64_t)st.st_size >= (forced ? forced : TL_CSV_SPLIT_MIN) &&
           (forced || g_get_num_processors() >= 2) &&
           tl_csv_find_cut(fileno(fp), (uint64_t)st.st_size, at, line);
}

/* Reads `fp` to its end; with `whole_file` (a file opened here, at its start) its second half
 * may be parsed on another thread, for the same timeline. */
static tl_timeline *load_stream(FILE *fp, const char *path, const tl_load_options *opts,
                                bool whole_file, const char *head, size_t head_len, tl_error **err)
{
    uint64_t at = UINT64_MAX;
    unsigned long line = 0;
    const bool split = whole_file && split_point(fp, opts, &at, &line);
    loader ld;
    loader_init(&ld, path, opts);
    char *chunk = tl_xmalloc(CHUNK_SIZE);
    uint64_t fed = 0;
    bool eof = false;
    /* What was read ahead to tell the format (never with a split: that is a file from 0). */
    bool ok = head_len == 0 || tl_csv_reader_feed(ld.reader, head, head_len, err);
    /* The second half needs the delimiter and the columns, which the header row settles. */
    ok = ok && feed_until(&ld, fp, chunk, &fed, at, split, &eof, err);
    tl_csv_half *half = NULL;
    part second = {.path = path};
    if (split && ok && !eof && ld.have_header) {
        second.columns = ld.columns;
        second.columns.titles_from_text = 0; /* counts its own rows, added to ours at the end */
        second.tl = tl_model_new();
        half = tl_csv_half_start(fileno(fp), at, line, path, tl_csv_reader_get_delimiter(ld.reader),
                                 take_row, part_done, &second);
    }
    /* Without a second half (none wanted, no thread, or a header row past the cut), the rest
     * here. */
    ok = ok && feed_until(&ld, fp, chunk, &fed, half ? at : UINT64_MAX, false, &eof, err);
    free(chunk);
    ok = ok && tl_csv_reader_finish(ld.reader, err);
    /* Sorted while the other half may still be read: see part_done(). */
    if (half && ok && !ld.tl->has_plan)
        tl_model_sort_by_start(ld.tl);
    if (half) {
        tl_csv_half_join(half, !ok);
        if (ok) {
            tl_model_append(ld.tl, second.tl);
            second.tl = NULL;
            ld.columns.titles_from_text += second.columns.titles_from_text;
        }
        ok = tl_csv_half_finish(half, ok ? on_row : NULL, &ld, err) && ok;
    }
    tl_timeline_free(second.tl);
    return loader_close(&ld, ok, err);
}

tl_timeline *tl_timeline_load_csv_stream(FILE *fp, const char *display_name,
                                         const tl_load_options *opts, tl_error **err)
{
    const char *path = display_name ? display_name : "<stream>";
    if (!fp) {
        tl_set_error(err, TL_ERROR_USAGE, "tl_timeline_load_csv_stream: no stream");
        return NULL;
    }
    return load_stream(fp, path, opts, false, NULL, 0, err);
}

tl_timeline *tl_csv_load_stream_after(FILE *fp, const char *head, size_t head_len, const char *path,
                                      const tl_load_options *opts, tl_error **err)
{
    return load_stream(fp, path, opts, false, head, head_len, err);
}

tl_timeline *tl_timeline_load_csv_file(const char *path, const char *display_name,
                                       const tl_load_options *opts, tl_error **err)
{
    if (!path) {
        tl_set_error(err, TL_ERROR_USAGE, "tl_timeline_load_csv_file: no path");
        return NULL;
    }
    if (strcmp(path, "-") == 0)
        return load_stream(stdin, display_name ? display_name : "<stdin>", opts, false, NULL, 0,
                           err);
    const char *name = display_name ? display_name : path;
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        tl_set_error_at(err, TL_ERROR_NOINPUT, name, 0, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    tl_timeline *tl = load_stream(fp, name, opts, true, NULL, 0, err);
    /* Read-only: a failing fclose loses nothing. */
    fclose(fp);
    return tl;
}

tl_timeline *tl_timeline_load_csv_buffer(const char *data, size_t len, const char *display_name,
                                         const tl_load_options *opts, tl_error **err)
{
    const char *path = display_name ? display_name : "<buffer>";
    if (!data && len > 0) {
        tl_set_error(err, TL_ERROR_USAGE, "tl_timeline_load_csv_buffer: no data");
        return NULL;
    }
    loader ld;
    loader_init(&ld, path, opts);
    bool ok = true;
    /* Fed in the same chunk sizes as a file, so both take exactly the same path. */
    for (size_t off = 0; ok && off < len; off += CHUNK_SIZE) {
        const size_t n = len - off < CHUNK_SIZE ? len - off : CHUNK_SIZE;
        ok = tl_csv_reader_feed(ld.reader, data + off, n, err);
    }
    return loader_close(&ld, ok && tl_csv_reader_finish(ld.reader, err), err);
}
