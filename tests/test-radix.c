/* The radix sort used for dates: stable, by a signed 64-bit key at the start of each record,
 * for every record size its callers use, against a comparison sort that breaks ties by input
 * position; on input already in order, on reversed input and on keys all equal. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/radix.h"
#include "tap.h"

enum { MAX_WORDS = 4, COUNT = 5000 };

/* A record: its key, the position it had in the input, and padding up to its size. */
typedef struct record {
    int64_t key;
    int64_t position;
    int64_t pad[MAX_WORDS - 2];
} record;

static uint64_t state = 88172645463325252u;

static uint64_t next_random(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

static int by_key_then_position(const void *pa, const void *pb)
{
    const record *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return (a->position > b->position) - (a->position < b->position);
}

typedef enum { RANDOM, FEW_KEYS, SORTED, REVERSED, EQUAL, WIDE } shape;

static int64_t key_for(shape s, size_t i)
{
    switch (s) {
    case RANDOM:
        return (int64_t)(next_random() % 2000000001u) - 1000000000; /* dates either side of 0 */
    case FEW_KEYS:
        return (int64_t)(next_random() % 7) - 3;
    case SORTED:
        return (int64_t)i * 3 - 5000;
    case REVERSED:
        return 5000 - (int64_t)i * 3;
    case EQUAL:
        return 42;
    case WIDE:
        return (int64_t)next_random(); /* every byte varies, the sign too */
    }
    return 0;
}

/* Sorts COUNT records of `words` 8-byte words shaped `s` both ways and compares. */
static void check(size_t words, shape s, const char *name)
{
    const size_t size = words * 8;
    unsigned char *data = calloc(COUNT, size);
    record *want = calloc(COUNT, sizeof *want);
    for (size_t i = 0; i < COUNT; i++) {
        record r = {.key = key_for(s, i), .position = (int64_t)i};
        for (size_t w = 2; w < MAX_WORDS; w++)
            r.pad[w - 2] = r.key ^ (int64_t)w;
        memcpy(data + i * size, &r, size);
        want[i] = r;
    }
    qsort(want, COUNT, sizeof *want, by_key_then_position);
    tl_radix_sort_i64(data, COUNT, size);
    size_t bad = 0;
    for (size_t i = 0; i < COUNT; i++) {
        record got = {0};
        memcpy(&got, data + i * size, size);
        const bool same = got.key == want[i].key &&
                          (words < 2 || got.position == want[i].position) &&
                          (words < 3 || got.pad[0] == want[i].pad[0]) &&
                          (words < 4 || got.pad[1] == want[i].pad[1]);
        if (!same && bad++ == 0)
            tap_diag("%s: record %zu has key %lld, expected %lld", name, i, (long long)got.key,
                     (long long)want[i].key);
    }
    tap_ok(bad == 0, "%s, %zu-byte records: in key order, equal keys in input order", name, size);
    free(data);
    free(want);
}

int main(void)
{
    static const struct {
        shape s;
        const char *name;
    } shapes[] = {
        {RANDOM, "random keys"}, {FEW_KEYS, "seven keys"}, {SORTED, "keys in order"},
        {REVERSED, "reversed"},  {EQUAL, "one key"},       {WIDE, "keys of every byte"},
    };
    for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++)
        for (size_t words = 1; words <= MAX_WORDS; words++)
            check(words, shapes[k].s, shapes[k].name);
    /* One record, and none, are left alone. */
    int64_t one[2] = {7, 9};
    tl_radix_sort_i64(one, 1, sizeof one);
    tap_ok(one[0] == 7 && one[1] == 9, "a single record is left as it is");
    tl_radix_sort_i64(NULL, 0, 16);
    tap_ok(true, "no records: nothing read");
    return tap_done();
}
