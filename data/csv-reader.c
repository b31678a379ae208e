/* A position-tracking CSV reader over libcsv's push parser (csv-reader.h).
 *
 * libcsv reports fields and records but no offsets. The reader therefore scans every byte
 * itself (NUL bytes, UTF-8 validity, line and column) and hands libcsv the input in pieces
 * that end at each delimiter or line break byte. Within a piece nothing structural happens
 * before its last byte, so libcsv's public `pstate` at the start of a piece says whether the
 * bytes that follow are inside a field, and the first byte of a new field is known exactly.
 * That costs one csv_parse() call per field, not per byte. */
#include "data/csv-reader.h"

#include <csv.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-buf.h"
#include "common/tl-error-private.h"
#include "data/word-scan.h"

/* libcsv's parser states: private #defines in libcsv.c (3.0.x), mirrored here because the
 * public `pstate` member holds them. */
enum {
    ROW_NOT_BEGUN = 0,
    FIELD_NOT_BEGUN = 1,
    FIELD_BEGUN = 2,
    FIELD_MIGHT_HAVE_ENDED = 3,
};

/* libcsv grows its field buffer linearly by this much, so it must be large for long fields
 * not to cost quadratic copying (the default is 128 bytes). */
enum { FIELD_BLOCK_SIZE = 64 * 1024 };

/* The delimiter is sniffed from the first line within this many bytes: enough for any real
 * header, and the same whatever sizes the input arrives in. */
enum { SNIFF_MAX = 64 * 1024 };

/* ---------------------------------------------------------------------------------------------
 * Reader
 * ------------------------------------------------------------------------------------------- */

/* Position of the next byte; after_cr makes the LF of a CRLF end no second line. */
typedef struct cursor {
    unsigned long line;
    unsigned long column;
    bool after_cr;
} cursor;

/* A field of the current record: its text lives in the reader's text buffer. */
typedef struct field_span {
    size_t offset;
    size_t len;
    tl_csv_pos pos;
} field_span;

struct tl_csv_reader {
    struct csv_parser parser;
    const char *path;
    tl_csv_row_fn row_fn;
    void *user;
    tl_error **err; /* the caller's, during a feed or finish call */
    bool failed;

    /* The first bytes are held back until there are enough to recognise a byte order mark. */
    unsigned char head[3];
    size_t head_len;
    bool head_done;

    cursor cur;

    /* The field delimiter; until `sniffed`, the first bytes wait in `sniff` for the end of the
     * header line. */
    char delim;
    bool sniffed;
    tl_buf sniff;

    /* A UTF-8 sequence in progress: continuation bytes still due and the range the next one
     * must fall in (tighter than 80..BF after E0, ED, F0 and F4, which rules out overlong
     * forms, surrogates and code points past U+10FFFF). */
    int utf8_need;
    unsigned char utf8_lo, utf8_hi;
    unsigned char utf8_lead;
    tl_csv_pos utf8_pos;

    /* Repairing invalid UTF-8 (NULL fn: invalid UTF-8 fails). The repair runs before the
     * delimiter sniffing and the scan, on its own cursor over the repaired bytes, which is
     * where the scan's positions count too. A sequence cut by the end of a chunk waits in
     * fix_seq. */
    tl_csv_repair_fn repair;
    cursor fix_cur;
    unsigned char fix_seq[4];
    int fix_len, fix_need;
    unsigned char fix_lo, fix_hi;

    bool in_field;          /* a field has begun and libcsv has not submitted it yet */
    tl_csv_pos field_start; /* where the field libcsv submits next starts */
    tl_csv_pos term_pos;    /* the line break or end of input that ends a record */

    tl_buf text; /* the current record's field texts, each NUL-terminated */
    field_span *spans;
    size_t span_count, span_cap;
    tl_csv_field *fields;
    size_t field_cap;
};

static tl_csv_pos cursor_pos(const cursor *c)
{
    return (tl_csv_pos){c->line, c->column};
}

static void cursor_advance(cursor *c, unsigned char byte)
{
    if (byte == '\n') {
        if (!c->after_cr)
            c->line++;
        c->column = 1;
        c->after_cr = false;
    } else if (byte == '\r') {
        c->line++;
        c->column = 1;
        c->after_cr = true;
    } else {
        c->after_cr = false;
        if ((byte & 0xC0) != 0x80) /* continuation bytes do not start a character */
            c->column++;
    }
}

static bool fail_at(tl_csv_reader *r, tl_csv_pos pos, const char *message)
{
    r->failed = true;
    return tl_set_error_at(r->err, TL_ERROR_DATA, r->path, pos.line, pos.column, "%s", message);
}

static bool fail_utf8(tl_csv_reader *r, unsigned char byte, tl_csv_pos pos)
{
    char msg[64];
    snprintf(msg, sizeof msg, "invalid UTF-8 (byte 0x%02X); save the file as UTF-8", byte);
    return fail_at(r, pos, msg);
}

/* libcsv callback: one field of the current record. */
static void on_field(void *data, size_t len, void *user)
{
    tl_csv_reader *r = user;
    if (r->failed)
        return;
    if (len > TL_CSV_MAX_FIELD) {
        fail_at(r, r->field_start, "field longer than 1 MiB");
        return;
    }
    const char *s = data;
    const size_t offset = r->text.len;
    /* Line breaks inside quoted fields become "\n" whatever the file used. */
    const char *cr;
    while (len > 0 && (cr = memchr(s, '\r', len)) != NULL) {
        const size_t before = (size_t)(cr - s);
        tl_buf_append(&r->text, s, before);
        tl_buf_append_char(&r->text, '\n');
        size_t skip = before + 1;
        if (skip < len && s[skip] == '\n')
            skip++;
        s += skip;
        len -= skip;
    }
    tl_buf_append(&r->text, s, len);
    tl_buf_append_char(&r->text, '\0');

    if (r->span_count == r->span_cap) /* a call per field shows in profiles */
        r->spans = tl_xgrow(r->spans, &r->span_cap, r->span_count + 1, sizeof *r->spans);
    r->spans[r->span_count++] = (field_span){
        .offset = offset,
        .len = r->text.len - 1 - offset,
        .pos = r->field_start,
    };
    r->in_field = false;
}

/* libcsv callback: the current record is complete. */
static void on_record(int c, void *user)
{
    tl_csv_reader *r = user;
    (void)c;
    if (r->failed)
        return;
    if (r->span_count > r->field_cap)
        r->fields = tl_xgrow(r->fields, &r->field_cap, r->span_count, sizeof *r->fields);
    for (size_t i = 0; i < r->span_count; i++) {
        r->fields[i] = (tl_csv_field){
            .text = r->text.data + r->spans[i].offset,
            .len = r->spans[i].len,
            .pos = r->spans[i].pos,
        };
    }
    tl_csv_row row = {.fields = r->fields, .count = r->span_count, .end = r->term_pos};
    /* libcsv always submits a field before the record; the check keeps row_fn's promise. */
    if (row.count > 0 && !r->row_fn(r->user, &row, r->err))
        r->failed = true;
    r->span_count = 0;
    tl_buf_clear(&r->text);
}

/* Feeds one piece (ending at a delimiter or line break, or at the end of the data) to libcsv.
 * `start` is the cursor at the piece's first byte, to locate a parse error inside it. */
static bool parse_piece(tl_csv_reader *r, const unsigned char *s, size_t n, cursor start)
{
    const size_t done = csv_parse(&r->parser, s, n, on_field, on_record, r);
    if (r->failed)
        return false;
    if (done < n) {
        for (size_t i = 0; i < done; i++)
            cursor_advance(&start, s[i]);
        const tl_csv_pos pos = cursor_pos(&start);
        const int status = csv_error(&r->parser);
        if (status != CSV_EPARSE) {
            char msg[96];
            snprintf(msg, sizeof msg, "CSV parser failed: %s", csv_strerror(status));
            return fail_at(r, pos, msg);
        }
        if (r->parser.pstate == FIELD_MIGHT_HAVE_ENDED)
            return fail_at(r, pos,
                           "unexpected text after a closing quote (a quote inside a quoted "
                           "field must be doubled: \"\")");
        return fail_at(r, pos,
                       "quote inside an unquoted field (enclose the field in quotes and "
                       "double the quotes inside it)");
    }
    r->in_field = r->parser.pstate == FIELD_BEGUN || r->parser.pstate == FIELD_MIGHT_HAVE_ENDED;
    /* Checked while the field grows, so a quote left open early in a large file fails here
     * instead of buffering the rest of the file; on_field() has the exact limit. */
    if (r->in_field && r->parser.entry_pos > TL_CSV_MAX_FIELD + r->parser.spaces + 1)
        return fail_at(r, r->field_start, "field longer than 1 MiB");
    return true;
}

static bool is_structural(const tl_csv_reader *r, unsigned char c)
{
    return c == (unsigned char)r->delim || c == '\n' || c == '\r';
}

/* Starts a UTF-8 sequence at lead byte c (>= 0x80); false when c cannot start one. */
static bool utf8_begin(tl_csv_reader *r, unsigned char c, tl_csv_pos pos)
{
    unsigned char lo = 0x80, hi = 0xBF;
    int need;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0)
            lo = 0xA0; /* overlong */
        else if (c == 0xED)
            hi = 0x9F; /* UTF-16 surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0)
            lo = 0x90; /* overlong */
        else if (c == 0xF4)
            hi = 0x8F; /* past U+10FFFF */
    } else {
        return false;
    }
    r->utf8_need = need;
    r->utf8_lo = lo;
    r->utf8_hi = hi;
    r->utf8_lead = c;
    r->utf8_pos = pos;
    return true;
}

/* Bytes that, inside a field, only move the column: printable ASCII other than the
 * delimiter. */
static bool is_plain(const tl_csv_reader *r, unsigned char c)
{
    return c >= 0x20 && c < 0x80 && c != (unsigned char)r->delim;
}

/* Whether the 8 bytes at `s` are all plain (see is_plain()), tested as one word. */
static bool plain8(const unsigned char *s, unsigned char delim)
{
    const uint64_t x = tl_word_at(s);
    return ((x & TL_WORD_HIGHS) | tl_word_below(x, 0x20) | tl_word_equal(x, delim)) == 0;
}

static bool scan(tl_csv_reader *r, const unsigned char *s, size_t n)
{
    size_t piece = 0;
    cursor piece_cur = r->cur;
    for (size_t i = 0; i < n; i++) {
        /* Fast path for the bulk of most files: ASCII text inside a field. */
        if (r->in_field && r->utf8_need == 0 && is_plain(r, s[i])) {
            size_t j = i + 1;
            while (j + 8 <= n && plain8(s + j, (unsigned char)r->delim))
                j += 8;
            while (j < n && is_plain(r, s[j]))
                j++;
            r->cur.column += j - i;
            r->cur.after_cr = false;
            i = j;
            if (i == n)
                break;
        }
        const unsigned char c = s[i];
        const tl_csv_pos here = cursor_pos(&r->cur);
        bool valid = c != 0;
        if (valid && r->utf8_need > 0) {
            valid = c >= r->utf8_lo && c <= r->utf8_hi;
            if (valid) {
                r->utf8_need--;
                r->utf8_lo = 0x80;
                r->utf8_hi = 0xBF;
            }
        } else if (valid && c >= 0x80) {
            valid = utf8_begin(r, c, here);
        }
        if (!valid) {
            /* libcsv has not seen the bytes before this one yet; a syntax error among them
             * comes first in the file, so it must win, however the input was split. */
            if (i > piece && !parse_piece(r, s + piece, i - piece, piece_cur))
                return false;
            if (c == 0)
                return fail_at(r, here, "binary data (NUL byte)");
            if (r->utf8_need > 0)
                return fail_utf8(r, r->utf8_lead, r->utf8_pos);
            return fail_utf8(r, c, here);
        }
        if (!r->in_field) {
            /* libcsv skips spaces and tabs before a field; the field starts at the first
             * other byte. A line break starts (and ends) an empty field only after a
             * delimiter: on its own it is a blank line. */
            if (c == '\n' || c == '\r') {
                if (r->parser.pstate == FIELD_NOT_BEGUN)
                    r->field_start = here;
            } else if (c == (unsigned char)r->delim) {
                r->field_start = here;
            } else if (c != ' ' && c != '\t') {
                r->field_start = here;
                r->in_field = true;
            }
        }
        cursor_advance(&r->cur, c);
        if (is_structural(r, c)) {
            r->term_pos = here;
            if (!parse_piece(r, s + piece, i + 1 - piece, piece_cur))
                return false;
            piece = i + 1;
            piece_cur = r->cur;
        }
    }
    if (piece < n)
        return parse_piece(r, s + piece, n - piece, piece_cur);
    return true;
}

/* Picks the delimiter from the first non-blank line of `sniff`: the most frequent of ',' ';'
 * and TAB outside quotes (',' on a tie or when there is none). Excel's "sep=;" first line
 * names it and is dropped. `complete` says the input ended or the cap was reached, so a line
 * without a line break counts. Returns false while more input is needed. */
static bool sniff_delimiter(tl_csv_reader *r, bool complete)
{
    const char *s = r->sniff.data ? r->sniff.data : "";
    const size_t n = r->sniff.len < SNIFF_MAX ? r->sniff.len : SNIFF_MAX;
    size_t start = 0;
    while (start < n &&
           (s[start] == '\n' || s[start] == '\r' || s[start] == ' ' || s[start] == '\t'))
        start++;
    size_t counts[3] = {0, 0, 0};
    bool quoted = false;
    size_t end = start;
    for (; end < n; end++) {
        const char c = s[end];
        /* A NUL fails the input: decide now, on the bytes before it, so that the error comes
         * at once and the same way however the input was split. */
        if (c == '\0') {
            complete = true;
            break;
        }
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted && c == ',')
            counts[0]++;
        else if (!quoted && c == ';')
            counts[1]++;
        else if (!quoted && c == '\t')
            counts[2]++;
    }
    if (end == n && !complete && r->sniff.len < SNIFF_MAX)
        return false;
    r->delim = ',';
    if (counts[1] > counts[0] && counts[1] >= counts[2])
        r->delim = ';';
    else if (counts[2] > counts[0] && counts[2] > counts[1])
        r->delim = '\t';
    if (end - start == 5 && strncmp(s + start, "sep=", 4) == 0 && s[start + 4] != '"') {
        r->delim = s[start + 4];
        /* The line is no record: step over it, line break included. */
        size_t skip = end;
        if (skip < r->sniff.len && s[skip] == '\r')
            skip++;
        if (skip < r->sniff.len && s[skip] == '\n')
            skip++;
        for (size_t i = 0; i < skip; i++)
            cursor_advance(&r->cur, (unsigned char)s[i]);
        memmove(r->sniff.data, r->sniff.data + skip, r->sniff.len - skip);
        r->sniff.len -= skip;
    }
    csv_set_delim(&r->parser, (unsigned char)r->delim);
    return true;
}

/* Scans bytes after the byte order mark, holding them back until the delimiter is known. */
static bool consume(tl_csv_reader *r, const unsigned char *s, size_t n, bool complete)
{
    if (r->sniffed)
        return n == 0 || scan(r, s, n);
    if (n > 0)
        tl_buf_append(&r->sniff, (const char *)s, n);
    if (!sniff_delimiter(r, complete))
        return true;
    r->sniffed = true;
    tl_buf b = r->sniff;
    r->sniff = (tl_buf)TL_BUF_INIT;
    const bool ok = b.len == 0 || scan(r, (const unsigned char *)b.data, b.len);
    tl_buf_free(&b);
    return ok;
}

/* ---------------------------------------------------------------------------------------------
 * Repairing invalid UTF-8
 * ------------------------------------------------------------------------------------------- */

#define REPLACEMENT "\xef\xbf\xbd" /* U+FFFD REPLACEMENT CHARACTER */

static void fix_emit(tl_csv_reader *r, tl_buf *out, const unsigned char *s, size_t n)
{
    tl_buf_append(out, (const char *)s, n);
    for (size_t i = 0; i < n; i++)
        cursor_advance(&r->fix_cur, s[i]);
}

static void fix_replace(tl_csv_reader *r, tl_buf *out, unsigned char byte)
{
    r->repair(r->user, cursor_pos(&r->fix_cur), byte);
    fix_emit(r, out, (const unsigned char *)REPLACEMENT, 3);
}

/* The sequence in fix_seq is cut short: one U+FFFD stands for all of it. */
static void fix_flush(tl_csv_reader *r, tl_buf *out)
{
    if (r->fix_len > 0)
        fix_replace(r, out, r->fix_seq[0]);
    r->fix_len = 0;
    r->fix_need = 0;
}

/* Appends the repaired form of `n` bytes to `out`. The lead bytes and ranges are those of
 * utf8_begin(). */
static void fix_bytes(tl_csv_reader *r, const unsigned char *s, size_t n, tl_buf *out)
{
    for (size_t i = 0; i < n; i++) {
        const unsigned char c = s[i];
        if (r->fix_need > 0) {
            if (c >= r->fix_lo && c <= r->fix_hi) {
                r->fix_seq[r->fix_len++] = c;
                r->fix_lo = 0x80;
                r->fix_hi = 0xBF;
                if (--r->fix_need == 0) {
                    fix_emit(r, out, r->fix_seq, (size_t)r->fix_len);
                    r->fix_len = 0;
                }
                continue;
            }
            fix_flush(r, out); /* and c starts afresh */
        }
        if (c < 0x80) {
            fix_emit(r, out, &c, 1);
            continue;
        }
        unsigned char lo = 0x80, hi = 0xBF;
        int need = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            lo = c == 0xE0 ? 0xA0 : 0x80;
            hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        }
        if (need == 0) {
            fix_replace(r, out, c);
            continue;
        }
        r->fix_seq[0] = c;
        r->fix_len = 1;
        r->fix_need = need;
        r->fix_lo = lo;
        r->fix_hi = hi;
    }
}

static bool consume(tl_csv_reader *r, const unsigned char *s, size_t n, bool complete);

/* consume(), through the repair when it is on. */
static bool consume_input(tl_csv_reader *r, const unsigned char *s, size_t n, bool complete)
{
    if (!r->repair)
        return consume(r, s, n, complete);
    tl_buf out = TL_BUF_INIT;
    fix_bytes(r, s, n, &out);
    if (complete)
        fix_flush(r, &out);
    const bool ok = consume(r, (const unsigned char *)out.data, out.len, complete);
    tl_buf_free(&out);
    return ok;
}

void tl_csv_reader_set_repair(tl_csv_reader *r, tl_csv_repair_fn fn)
{
    r->repair = fn;
}

/* Decides what the first bytes are: a UTF-8 byte order mark (dropped: before a quoted header
 * it would make libcsv's strict mode fail), UTF-16 (refused), or data. */
static bool process_head(tl_csv_reader *r)
{
    const unsigned char *h = r->head;
    r->head_done = true;
    if (r->head_len >= 2 && ((h[0] == 0xFF && h[1] == 0xFE) || (h[0] == 0xFE && h[1] == 0xFF))) {
        r->failed = true;
        return tl_set_error_at(r->err, TL_ERROR_DATA, r->path, 0, 0,
                               "file is UTF-16; save it as UTF-8");
    }
    size_t skip = 0;
    if (r->head_len == 3 && h[0] == 0xEF && h[1] == 0xBB && h[2] == 0xBF)
        skip = 3;
    return consume_input(r, h + skip, r->head_len - skip, false);
}

static bool already_failed(tl_csv_reader *r)
{
    /* The first error went to the call that failed; a later call still owes an error. */
    return tl_set_error(r->err, TL_ERROR_INTERNAL, "CSV reader used after an error");
}

tl_csv_reader *tl_csv_reader_new(const char *path, tl_csv_row_fn row_fn, void *user)
{
    tl_csv_reader *r = tl_xcalloc(1, sizeof *r);
    /* csv_init only fails for a NULL parser. */
    csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI);
    csv_set_blk_size(&r->parser, FIELD_BLOCK_SIZE);
    /* One out-of-memory policy for the whole library: abort with a message. */
    csv_set_realloc_func(&r->parser, tl_xrealloc);
    csv_set_free_func(&r->parser, free);
    r->path = path;
    r->row_fn = row_fn;
    r->user = user;
    r->cur = (cursor){.line = 1, .column = 1};
    r->fix_cur = r->cur;
    r->field_start = r->term_pos = (tl_csv_pos){1, 1};
    r->text = (tl_buf)TL_BUF_INIT;
    r->sniff = (tl_buf)TL_BUF_INIT;
    r->delim = ',';
    return r;
}

void tl_csv_reader_set_delimiter(tl_csv_reader *r, char delimiter)
{
    r->sniffed = delimiter != 0;
    r->delim = delimiter ? delimiter : ',';
    csv_set_delim(&r->parser, (unsigned char)r->delim);
}

char tl_csv_reader_get_delimiter(const tl_csv_reader *r)
{
    return r->delim;
}

tl_csv_reader *tl_csv_reader_new_at(const char *path, tl_csv_row_fn row_fn, void *user,
                                    char delimiter, unsigned long line)
{
    tl_csv_reader *r = tl_csv_reader_new(path, row_fn, user);
    tl_csv_reader_set_delimiter(r, delimiter);
    r->head_done = true;
    r->cur.line = line;
    r->fix_cur = r->cur;
    r->field_start = r->term_pos = cursor_pos(&r->cur);
    return r;
}

bool tl_csv_reader_feed(tl_csv_reader *r, const char *data, size_t len, tl_error **err)
{
    r->err = err;
    if (r->failed)
        return already_failed(r);
    const unsigned char *s = (const unsigned char *)data;
    if (!r->head_done) {
        while (len > 0 && r->head_len < sizeof r->head) {
            r->head[r->head_len++] = *s++;
            len--;
        }
        if (r->head_len < sizeof r->head)
            return true;
        if (!process_head(r))
            return false;
    }
    return len == 0 || consume_input(r, s, len, false);
}

bool tl_csv_reader_finish(tl_csv_reader *r, tl_error **err)
{
    r->err = err;
    if (r->failed)
        return already_failed(r);
    if (!r->head_done && !process_head(r))
        return false;
    if (r->repair && r->fix_len > 0 && !consume_input(r, NULL, 0, true))
        return false;
    if (!r->sniffed && !consume(r, NULL, 0, true))
        return false;
    if (r->utf8_need > 0)
        return fail_utf8(r, r->utf8_lead, r->utf8_pos);
    /* Checked here rather than trusting CSV_STRICT_FINI alone, to name where the quote
     * opened: for a quoted field that is where the field starts. */
    if (r->parser.pstate == FIELD_BEGUN && r->parser.quoted)
        return fail_at(r, r->field_start, "unterminated quoted field");
    const tl_csv_pos end = cursor_pos(&r->cur);
    if (r->parser.pstate == FIELD_NOT_BEGUN)
        r->field_start = end; /* "a," at the end of input: an empty last field */
    r->term_pos = end;
    /* csv_fini() resets the parser's status, so read csv_error() before anything else. */
    if (csv_fini(&r->parser, on_field, on_record, r) != 0 && !r->failed) {
        char msg[96];
        snprintf(msg, sizeof msg, "CSV parser failed: %s", csv_strerror(csv_error(&r->parser)));
        return fail_at(r, end, msg);
    }
    return !r->failed;
}

void tl_csv_reader_free(tl_csv_reader *r)
{
    if (!r)
        return;
    csv_free(&r->parser);
    tl_buf_free(&r->text);
    tl_buf_free(&r->sniff);
    free(r->spans);
    free(r->fields);
    free(r);
}
