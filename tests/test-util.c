#include "test-util.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *test_read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t size = 0, cap = 4096;
    char *data = malloc(cap + 1);
    size_t got;
    while (data && (got = fread(data + size, 1, cap - size, fp)) > 0) {
        size += got;
        if (size == cap) {
            cap *= 2;
            char *bigger = realloc(data, cap + 1);
            if (!bigger)
                free(data);
            data = bigger;
        }
    }
    bool failed = ferror(fp) != 0;
    fclose(fp);
    if (!data || failed) {
        free(data);
        return NULL;
    }
    data[size] = '\0';
    if (len)
        *len = size;
    return data;
}

bool test_write_file(const char *path, const void *data, size_t len)
{
    FILE *fp = fopen(path, "wb");
    if (!fp)
        return false;
    bool ok = fwrite(data, 1, len, fp) == len;
    return fclose(fp) == 0 && ok;
}

bool test_has_suffix(const char *s, const char *suffix)
{
    const size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

int test_cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

uint64_t test_rnd(test_rng *r)
{
    r->state ^= r->state >> 12;
    r->state ^= r->state << 25;
    r->state ^= r->state >> 27;
    return r->state * 2685821657736338717ull;
}
