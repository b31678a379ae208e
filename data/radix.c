#include "radix.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"

/* The key with its sign bit flipped: unsigned order is then signed order. */
static uint64_t key_at(const unsigned char *record)
{
    int64_t k;
    memcpy(&k, record, sizeof k);
    return (uint64_t)k ^ (UINT64_C(1) << 63);
}

/* Copies one record; the sizes callers use are constants here, so the copy is a few moves
 * instead of a call. */
static inline void copy_record(unsigned char *dst, const unsigned char *src, size_t size)
{
    if (size == 16)
        memcpy(dst, src, 16);
    else if (size == 24)
        memcpy(dst, src, 24);
    else
        memcpy(dst, src, size);
}

void tl_radix_sort_i64(void *records, size_t n, size_t size)
{
    if (n < 2)
        return;
    /* One pass counts every byte's histogram; bytes that are the same in every key (the high
     * ones of dates in one century) need no pass at all, and keys already in order (events
     * read in date order) none. */
    size_t(*counts)[256] = tl_xcalloc(8, sizeof *counts);
    unsigned char *src = records;
    bool sorted = true;
    uint64_t last = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t k = key_at(src + i * size);
        sorted = sorted && k >= last;
        last = k;
        for (int b = 0; b < 8; b++)
            counts[b][(k >> (8 * b)) & 0xff]++;
    }
    if (sorted) {
        free(counts);
        return;
    }
    unsigned char *tmp = tl_xmalloc(n * size), *dst = tmp;
    for (int b = 0; b < 8; b++) {
        size_t *c = counts[b];
        bool one = false;
        for (int v = 0; v < 256 && !one; v++)
            one = c[v] == n;
        if (one)
            continue;
        size_t pos = 0;
        for (int v = 0; v < 256; v++) {
            size_t count = c[v];
            c[v] = pos;
            pos += count;
        }
        for (size_t i = 0; i < n; i++) {
            const unsigned char *r = src + i * size;
            copy_record(dst + c[(key_at(r) >> (8 * b)) & 0xff]++ * size, r, size);
        }
        unsigned char *t = src;
        src = dst;
        dst = t;
    }
    if (src != (unsigned char *)records)
        memcpy(records, src, n * size);
    free(tmp);
    free(counts);
}
