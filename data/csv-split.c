/* Reading a large file in two halves at once. libcsv parses a byte at a time and is most of
 * the time a large load takes; a second parser on a second processor takes the file's second
 * half while the loader reads the first as usual. The half's thread hands each row to the
 * caller's `take` there and then (the loader turns it into an event of a timeline of its
 * own); a row `take` refuses, and every row after it, is kept with its positions and handed
 * back in file order once the first half is done, so the timeline, its warnings and any error
 * are the same as read in one go.
 *
 * The cut is a line feed with an even number of quote characters before it: outside every
 * quoted field, provided the file is valid CSV up to there. When it is not, the first half
 * fails with the first error of the file, and the second half is dropped unread. */
#include "data/csv-split.h"

#include <errno.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/tl-alloc.h"
#include "common/tl-buf.h"
#include "common/tl-error-private.h"
#include "data/word-scan.h"

enum { CHUNK_SIZE = 64 * 1024 };

/* ---------------------------------------------------------------------------------------------
 * The cut
 * ------------------------------------------------------------------------------------------- */

/* Whether any of the 8 bytes at `s` is a quote, CR or LF. */
static bool special8(const unsigned char *s)
{
    const uint64_t x = tl_word_at(s);
    return (tl_word_equal(x, '"') | tl_word_equal(x, '\r') | tl_word_equal(x, '\n')) != 0;
}

/* Line ends and quote parity of a stretch before the middle. */
typedef struct cut_state {
    unsigned long lines;
    bool odd;      /* an odd number of quotes so far */
    bool after_cr; /* the last byte was a CR */
} cut_state;

/* Counts the n / 8 whole words at `s` into `st`, without a branch a byte: the half before the
 * middle is read only for its line count and quote parity, and it is half the file. A CR ends a
 * line; an LF ends one unless a CR comes just before it. The counts are kept a byte each in
 * three words, added up every 255 words before a byte can overflow. Returns the bytes counted. */
static size_t count_words(cut_state *st, const unsigned char *s, size_t n)
{
    size_t i = 0;
    uint64_t crlf_edge = st->after_cr;
    while (i + 8 <= n) {
        uint64_t ends = 0, crlfs = 0, quotes = 0;
        for (int k = 0; k < 255 && i + 8 <= n; k++, i += 8) {
            const uint64_t x = tl_word_at(s + i);
            const uint64_t lf = tl_word_equal_exact(x, '\n');
            const uint64_t cr = tl_word_equal_exact(x, '\r');
            ends += (lf | cr) >> 7;
            /* An LF after a CR: the CR's mark moved onto the next byte, or the last word's. */
            crlfs += (((cr << 8) & lf) >> 7) | (crlf_edge & (lf >> 7));
            quotes += tl_word_equal_exact(x, '"') >> 7;
            crlf_edge = cr >> 63;
        }
        st->lines += tl_word_sum(ends) - tl_word_sum(crlfs);
        st->odd ^= tl_word_sum(quotes) & 1;
    }
    if (i > 0)
        st->after_cr = s[i - 1] == '\r';
    return i;
}

bool tl_csv_find_cut(int fd, uint64_t size, uint64_t *at, unsigned long *line)
{
    const uint64_t middle = size / 2;
    unsigned char *buf = tl_xmalloc(CHUNK_SIZE);
    uint64_t off = 0;
    bool found = false;
    /* Lines as the reader counts them: CR, LF and CRLF each end one. */
    cut_state st = {.lines = 1};
    while (!found) {
        const ssize_t n = pread(fd, buf, CHUNK_SIZE, (off_t)off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        size_t i = off < middle ? count_words(&st, buf, (size_t)MIN((uint64_t)n, middle - off)) : 0;
        for (; i < (size_t)n; i++) {
            if (i + 8 <= (size_t)n && !special8(buf + i)) {
                i += 7;
                st.after_cr = false;
                continue;
            }
            const unsigned char c = buf[i];
            if (c == '\r') {
                st.lines++;
                st.after_cr = true;
                continue;
            }
            if (c == '"') {
                st.odd = !st.odd;
            } else if (c == '\n') {
                if (!st.after_cr)
                    st.lines++;
                if (!st.odd && off + i >= middle) {
                    *at = off + i + 1;
                    found = true;
                    break;
                }
            }
            st.after_cr = false;
        }
        off += (uint64_t)n;
    }
    free(buf);
    *line = st.lines;
    return found && *at < size;
}

/* ---------------------------------------------------------------------------------------------
 * The second half
 * ------------------------------------------------------------------------------------------- */

typedef struct kept_field {
    size_t offset; /* into the half's text */
    size_t len;
    tl_csv_pos pos;
} kept_field;

typedef struct kept_row {
    size_t first; /* index of its first field */
    size_t count;
    tl_csv_pos end;
} kept_row;

struct tl_csv_half {
    int fd;
    uint64_t at;
    unsigned long line;
    const char *path;
    char delimiter;
    tl_csv_take_fn take;
    tl_csv_done_fn done;
    void *take_user;
    bool keeping; /* `take` refused a row: this one and the rest are kept */
    GThread *thread;
    gint stop; /* set when the first half failed: nothing of this one is wanted */

    /* The thread's results, read after the join. */
    tl_buf text; /* every kept field's text, each NUL-terminated */
    kept_field *fields;
    size_t nfields, fields_cap;
    kept_row *rows;
    size_t nrows, rows_cap;
    tl_error *err;
    bool ok;
};

static bool take_or_keep(void *user, tl_csv_row *row, tl_error **err)
{
    (void)err;
    tl_csv_half *h = user;
    if (!h->keeping && h->take(h->take_user, row))
        return true;
    h->keeping = true;
    if (h->nrows == h->rows_cap)
        h->rows = tl_xgrow(h->rows, &h->rows_cap, h->nrows + 1, sizeof *h->rows);
    h->rows[h->nrows++] = (kept_row){.first = h->nfields, .count = row->count, .end = row->end};
    if (h->nfields + row->count > h->fields_cap)
        h->fields = tl_xgrow(h->fields, &h->fields_cap, h->nfields + row->count, sizeof *h->fields);
    for (size_t i = 0; i < row->count; i++) {
        const tl_csv_field *f = &row->fields[i];
        h->fields[h->nfields++] = (kept_field){.offset = h->text.len, .len = f->len, .pos = f->pos};
        tl_buf_append(&h->text, f->text, f->len);
        tl_buf_append_char(&h->text, '\0');
    }
    return true;
}

static gpointer read_half(gpointer data)
{
    tl_csv_half *h = data;
    tl_csv_reader *r = tl_csv_reader_new_at(h->path, take_or_keep, h, h->delimiter, h->line);
    char *chunk = tl_xmalloc(CHUNK_SIZE);
    uint64_t off = h->at;
    bool ok = true;
    while (ok && !g_atomic_int_get(&h->stop)) {
        const ssize_t n = pread(h->fd, chunk, CHUNK_SIZE, (off_t)off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int e = errno;
            ok = tl_set_error_at(&h->err, TL_ERROR_IO, h->path, 0, 0, "cannot read: %s",
                                 g_strerror(e));
            break;
        }
        if (n == 0)
            break;
        ok = tl_csv_reader_feed(r, chunk, (size_t)n, &h->err);
        off += (uint64_t)n;
    }
    if (ok && !g_atomic_int_get(&h->stop))
        ok = tl_csv_reader_finish(r, &h->err);
    h->ok = ok;
    if (ok && !h->keeping && h->done && !g_atomic_int_get(&h->stop))
        h->done(h->take_user);
    free(chunk);
    tl_csv_reader_free(r);
    return NULL;
}

tl_csv_half *tl_csv_half_start(int fd, uint64_t at, unsigned long line, const char *path,
                               char delimiter, tl_csv_take_fn take, tl_csv_done_fn done,
                               void *take_user)
{
    tl_csv_half *h = tl_xcalloc(1, sizeof *h);
    h->fd = fd;
    h->at = at;
    h->line = line;
    h->path = path;
    h->delimiter = delimiter;
    h->take = take;
    h->done = done;
    h->take_user = take_user;
    h->text = (tl_buf)TL_BUF_INIT;
    h->thread = g_thread_try_new("csv-half", read_half, h, NULL);
    if (!h->thread) {
        free(h);
        return NULL;
    }
    return h;
}

void tl_csv_half_join(tl_csv_half *h, bool stop)
{
    if (!h->thread)
        return;
    if (stop)
        g_atomic_int_set(&h->stop, 1);
    g_thread_join(h->thread);
    h->thread = NULL;
}

bool tl_csv_half_finish(tl_csv_half *h, tl_csv_row_fn row_fn, void *user, tl_error **err)
{
    tl_csv_half_join(h, row_fn == NULL);
    bool ok = row_fn != NULL;
    tl_csv_field *fields = NULL;
    size_t cap = 0;
    for (size_t k = 0; ok && k < h->nrows; k++) {
        const kept_row *kr = &h->rows[k];
        if (kr->count > cap)
            fields = tl_xgrow(fields, &cap, kr->count, sizeof *fields);
        for (size_t i = 0; i < kr->count; i++) {
            const kept_field *f = &h->fields[kr->first + i];
            fields[i] =
                (tl_csv_field){.text = h->text.data + f->offset, .len = f->len, .pos = f->pos};
        }
        tl_csv_row row = {.fields = fields, .count = kr->count, .end = kr->end};
        ok = row_fn(user, &row, err);
    }
    if (ok && !h->ok) {
        ok = false;
        if (err && !*err) {
            *err = h->err;
            h->err = NULL;
        }
    }
    free(fields);
    tl_error_free(h->err);
    tl_buf_free(&h->text);
    free(h->fields);
    free(h->rows);
    free(h);
    return ok;
}
