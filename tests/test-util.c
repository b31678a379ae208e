#include "test-util.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

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
