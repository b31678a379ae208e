/* A large file's second half parsed on a second thread while the loader reads the first.
 * Internal to data/; see csv-split.c. */
#ifndef TL_CSV_SPLIT_H
#define TL_CSV_SPLIT_H

#include <stdbool.h>
#include <stdint.h>

#include "data/csv-reader.h"

/* Files from this size up are read in two halves at once when there are two processors. */
#define TL_CSV_SPLIT_MIN ((uint64_t)1 << 20)

/* Where the regular file `fd` of `size` bytes can be cut in two: the byte after the first line
 * feed from the middle on that has an even number of quotes before it (a record boundary, if
 * the file is valid CSV up to there), and the line that byte is on, counted as the reader
 * counts. False when there is no such place. Reads the file's first half with pread(). */
bool tl_csv_find_cut(int fd, uint64_t size, uint64_t *at, unsigned long *line);

typedef struct tl_csv_half tl_csv_half;

/* Called on the half's thread with each of its rows, in file order (the fields may be
 * rewritten in place): true when it has used the row; false to leave this row and every later
 * one to tl_csv_half_finish(). */
typedef bool (*tl_csv_take_fn)(void *user, tl_csv_row *row);
/* Called on the half's thread after its last row, when every row was read and taken. */
typedef void (*tl_csv_done_fn)(void *user);

/* Starts parsing `fd` from `at` (a cut found above, on line `line`) to its end on a new
 * thread, with `delimiter`, giving each row to `take` and then, if set, calling `done`, both
 * with `take_user`. `path` names the input in messages and must outlive the half. NULL when no
 * thread could be started. */
tl_csv_half *tl_csv_half_start(int fd, uint64_t at, unsigned long line, const char *path,
                               char delimiter, tl_csv_take_fn take, tl_csv_done_fn done,
                               void *take_user);

/* Waits for the half's thread to end, after which what `take` made may be used; with `stop`
 * the thread is asked to stop early. Does nothing the second time. */
void tl_csv_half_join(tl_csv_half *h, bool stop);

/* Joins the half (if not yet done) and frees it. With `row_fn`, hands it the rows `take` left,
 * in file order, then returns false with *err set when the half could not be read or parsed
 * (its first error) or row_fn failed. Without (the first half failed), stops the thread early
 * and drops everything; returns false. */
bool tl_csv_half_finish(tl_csv_half *h, tl_csv_row_fn row_fn, void *user, tl_error **err);

#endif /* TL_CSV_SPLIT_H */
