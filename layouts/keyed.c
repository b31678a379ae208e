#include "keyed.h"

#include <stdbool.h>
#include <stdlib.h>

#include "data/radix.h"

static int cmp_keyed(const void *a, const void *b)
{
    const tl_keyed *x = a, *y = b;
    if (x->key != y->key)
        return (x->key > y->key) - (x->key < y->key);
    return (x->index > y->index) - (x->index < y->index);
}

void tl_keyed_sort(tl_keyed *items, size_t n)
{
    if (n < 64) {
        if (n > 1)
            qsort(items, n, sizeof *items, cmp_keyed);
        return;
    }
    /* A million keys sort in a few passes by radix (stable: equal keys keep their input
     * order); runs of equal keys not already in index order are then put in it. */
    tl_radix_sort_i64(items, n, sizeof *items);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        bool ordered = true;
        for (; j < n && items[j].key == items[i].key; j++)
            ordered = ordered && items[j].index > items[j - 1].index;
        if (!ordered)
            qsort(items + i, j - i, sizeof *items, cmp_keyed);
        i = j;
    }
}
