/* Helpers shared by the test programs. The library keeps one source file per layer it needs
 * (test-util.c: none; test-util-data.c: the loader; test-util-scene.c: layouts and the fixed
 * measurer), so a test links only the layers of the helpers it calls. */
#ifndef TL_TEST_UTIL_H
#define TL_TEST_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/tl-buf.h"
#include "scene/scene.h"
#include "timeline/timeline.h"

/* ---------------------------------------------------------------------------------------------
 * Files and names (test-util.c)
 * ------------------------------------------------------------------------------------------- */

/* The whole file, NUL-terminated (the caller frees it); NULL when it cannot be read. *len, when
 * not NULL, gets its length (the file may contain NUL bytes). */
char *test_read_file(const char *path, size_t *len);

/* Writes `len` bytes to `path`, replacing it; false on any error. */
bool test_write_file(const char *path, const void *data, size_t len);

bool test_has_suffix(const char *s, const char *suffix);

/* Appends `s` with its newlines and carriage returns as \n and \r. */
void test_append_escaped(tl_buf *b, const char *s);

/* A new empty file in the build folder (TL_TEST_BUILDDIR, else /tmp) whose name starts with
 * `stem`; the caller removes it and frees the path. NULL when it cannot be made. */
char *test_temp_path(const char *stem);

/* qsort comparator for an array of strings. */
int test_cmp_str(const void *a, const void *b);

/* Whether `name` is a program on the PATH. */
bool test_have_program(const char *name);

/* xorshift64*: deterministic across platforms. */
typedef struct test_rng {
    uint64_t state;
} test_rng;

uint64_t test_rnd(test_rng *r);

/* ---------------------------------------------------------------------------------------------
 * Timelines and times (test-util-data.c)
 * ------------------------------------------------------------------------------------------- */

/* Loads CSV text; on failure NULL, and the error as a diagnostic that starts with `name`. */
tl_timeline *test_load_csv(const char *csv, const char *name);

/* All warnings joined with "\n" (the caller frees them). */
char *test_join_warnings(const tl_timeline *tl);

/* The event with that title; NULL (and a diagnostic) when there is none. */
const tl_event *test_find_event(const tl_timeline *tl, const char *title);

/* Formats an instant at second precision, the form the date tables use for lo and hi. */
const char *test_iso_seconds(int64_t t, char *buf, size_t size);

/* "year", "month", "day", "minute" or "second". */
const char *test_precision_name(tl_precision p);

/* Whether two times have the same interval, precision and flags. */
bool test_same_time(tl_time a, tl_time b);

/* ---------------------------------------------------------------------------------------------
 * Scenes (test-util-scene.c)
 * ------------------------------------------------------------------------------------------- */

/* How a test makes a scene from a timeline with the fixed measurer. */
typedef tl_scene *test_layout_fn(const tl_timeline *tl, tl_layout_options *o, tl_error **err);

/* CSV text laid out by `run` at that size and with that title; NULL (and a diagnostic naming
 * `name`) on failure. The timeline goes to *tl_out when it is not NULL, else it is freed. */
tl_scene *test_layout_csv(const char *csv, const char *name, double width, double height,
                          const char *title, test_layout_fn *run, tl_timeline **tl_out);

/* Whether two boxes {x, y, width, height} overlap by more than 0.01 both ways. */
bool test_boxes_meet(const double a[4], const double b[4]);

/* The first text op of that role starting with `prefix`, or NULL. */
const tl_op *test_find_text(const tl_scene *s, tl_role role, const char *prefix);

/* Events neither drawn nor counted in a density strip (level of detail). */
size_t test_unplaced(const tl_scene *s);

#endif /* TL_TEST_UTIL_H */
