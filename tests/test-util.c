#include "test-util.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/tl-buf.h"

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

void test_append_escaped(tl_buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '\n')
            tl_buf_append_str(b, "\\n");
        else if (*s == '\r')
            tl_buf_append_str(b, "\\r");
        else
            tl_buf_append_char(b, *s);
    }
}

char *test_temp_path(const char *stem)
{
    const char *dir = getenv("TL_TEST_BUILDDIR");
    tl_buf b = TL_BUF_INIT;
    tl_buf_printf(&b, "%s/%s-%ld-XXXXXX", dir ? dir : "/tmp", stem, (long)getpid());
    char *path = tl_buf_steal(&b);
    int fd = mkstemp(path);
    if (fd < 0) {
        free(path);
        return NULL;
    }
    close(fd);
    return path;
}

bool test_have_program(const char *name)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", name);
    return system(cmd) == 0;
}
