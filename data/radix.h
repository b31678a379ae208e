/* A stable radix sort of records keyed by a signed 64-bit integer at their start: a million
 * dates sort in a few passes over memory rather than twenty rounds of comparisons. */
#ifndef TL_RADIX_H
#define TL_RADIX_H

#include <stddef.h>

/* Sorts `n` records of `size` bytes (a multiple of 8, at least 8), each beginning with an
 * int64_t key, by that key, keeping the input order of equal keys. */
void tl_radix_sort_i64(void *records, size_t n, size_t size);

#endif /* TL_RADIX_H */
