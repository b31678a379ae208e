/* An index with a sort key, for the orders level of detail and packing work in; sorting keeps
 * equal keys in index order, so layouts stay deterministic whatever qsort does with ties. */
#ifndef TL_KEYED_H
#define TL_KEYED_H

#include <stddef.h>
#include <stdint.h>

typedef struct tl_keyed {
    int64_t key;
    size_t index;
} tl_keyed;

void tl_keyed_sort(tl_keyed *items, size_t n);

#endif /* TL_KEYED_H */
