/* Helpers shared by the test programs. */
#ifndef TL_TEST_UTIL_H
#define TL_TEST_UTIL_H

#include <stddef.h>

/* The whole file, NUL-terminated (the caller frees it); NULL when it cannot be read. *len, when
 * not NULL, gets its length (the file may contain NUL bytes). */
char *test_read_file(const char *path, size_t *len);

#endif /* TL_TEST_UTIL_H */
