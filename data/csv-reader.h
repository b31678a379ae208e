/* CSV bytes -> rows of fields with their positions. Internal to data/.
 *
 * A tl_csv_reader wraps libcsv's push parser. It is fed the input in chunks of any size (split
 * anywhere, even inside a UTF-8 sequence or a CRLF) and calls back once per record with every
 * field's text and the line and column where the field starts. It also checks what libcsv
 * does not: the text must be UTF-8 without NUL bytes, not UTF-16, quotes must be closed, and a
 * field may not exceed TL_CSV_MAX_FIELD bytes. A leading UTF-8 byte order mark is dropped.
 *
 * Positions: lines are 1-based physical lines (LF, CRLF and a lone CR each end one, also
 * inside quoted fields); columns are 1-based and count UTF-8 code points from the start of
 * the line. A field starts at its first byte that is not a space or tab (its opening quote,
 * when quoted); an empty field starts at the delimiter or line end that closes it. The
 * delimiter is ',' ';' TAB or another byte, sniffed from the header line or set. */
#ifndef TL_CSV_READER_H
#define TL_CSV_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "timeline/timeline.h"

/* The longest field accepted, in bytes: far beyond any real cell, small enough that a quote
 * left open in a large file fails quickly instead of buffering the whole file. */
#define TL_CSV_MAX_FIELD ((size_t)1 << 20)

typedef struct tl_csv_pos {
    unsigned long line;
    unsigned long column;
} tl_csv_pos;

typedef struct tl_csv_field {
    /* The field's text, NUL-terminated, unquoted and with doubled quotes undone. Line breaks
     * inside a quoted field are normalised to "\n". libcsv has already dropped spaces and tabs
     * around unquoted fields. The callback may modify the text in place (e.g. to trim it); it
     * is valid until the callback returns. */
    char *text;
    size_t len;
    tl_csv_pos pos;
} tl_csv_field;

typedef struct tl_csv_row {
    tl_csv_field *fields; /* count >= 1 */
    size_t count;
    /* Where the record ends: the position of its line break, or the end of the input. Useful
     * as the position of fields that the row lacks. */
    tl_csv_pos end;
} tl_csv_row;

/* Called once per record, blank lines excepted. Returns false to stop reading, after setting
 * *err (which may be NULL when the caller passed NULL). */
typedef bool (*tl_csv_row_fn)(void *user, tl_csv_row *row, tl_error **err);

typedef struct tl_csv_reader tl_csv_reader;

/* Creates a reader. `path` names the input in error messages; it is borrowed and must outlive
 * the reader. Never NULL (aborts when out of memory). */
tl_csv_reader *tl_csv_reader_new(const char *path, tl_csv_row_fn row_fn, void *user);

/* A reader for input that starts mid-file, on line `line` at column 1, right after a record
 * boundary: `delimiter` is used as it is, and the first bytes are data (never a byte order
 * mark). For the second half of a file read in two (csv-split.h). */
tl_csv_reader *tl_csv_reader_new_at(const char *path, tl_csv_row_fn row_fn, void *user,
                                    char delimiter, unsigned long line);

/* Called for each byte sequence that is not UTF-8 when the reader repairs them (see
 * tl_csv_reader_set_repair()): `pos` is where its U+FFFD now stands, `byte` its first byte. */
typedef void (*tl_csv_repair_fn)(void *user, tl_csv_pos pos, unsigned char byte);

/* Replaces every invalid UTF-8 sequence (each maximal ill-formed subpart, as the Unicode
 * standard recommends) with U+FFFD before anything else reads it, calling `fn` (with the
 * reader's `user`) for each, instead of failing. Lines and columns are then those of the
 * repaired text. A UTF-16 file and NUL bytes still fail. Call before the first feed. */
void tl_csv_reader_set_repair(tl_csv_reader *r, tl_csv_repair_fn fn);

/* Sets the field delimiter; 0 (the default) sniffs it from the first non-blank line: the most
 * frequent of ',' ';' and TAB outside quotes, ',' on a tie; a first line "sep=X" (as Excel
 * writes it) names it and is not a record. Call before the first feed. */
void tl_csv_reader_set_delimiter(tl_csv_reader *r, char delimiter);
/* The delimiter in use; after sniffing, known by the time the first record is delivered. */
char tl_csv_reader_get_delimiter(const tl_csv_reader *r);

/* Parses `len` more bytes, calling row_fn for each completed record. Returns false and sets
 * *err (TL_ERROR_DATA, "PATH:LINE:COL: message") when the input is not valid CSV text, or
 * when row_fn returned false; after a failure every later call fails without doing anything. */
bool tl_csv_reader_feed(tl_csv_reader *r, const char *data, size_t len, tl_error **err);

/* Ends the input: delivers a last record without a final line break and reports an
 * unterminated quoted field or an incomplete UTF-8 sequence. Same failure rules as feed. */
bool tl_csv_reader_finish(tl_csv_reader *r, tl_error **err);

/* Frees the reader. NULL is a no-op. */
void tl_csv_reader_free(tl_csv_reader *r);

#endif /* TL_CSV_READER_H */
