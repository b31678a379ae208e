/* Replays fuzzer inputs without libFuzzer: every file named on the command line, or in a
 * folder named there, goes through LLVMFuzzerTestOneInput once. A crash or sanitizer report
 * fails the run; `meson test` runs this over each target's seed folders, so an input added
 * there is tested forever. Prints TAP; a target that cannot run on this machine
 * (fuzz_skip_reason()) is skipped. */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int count;

enum { MEMCHECK_SAMPLE = 100 };

static void replay_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        printf("not ok %d - cannot open %s\n", ++count, path);
        return;
    }
    size_t cap = 4096, len = 0;
    unsigned char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + len, 1, cap - len, fp)) > 0) {
        len += got;
        if (len == cap) {
            cap *= 2;
            unsigned char *bigger = realloc(buf, cap);
            if (!bigger)
                free(buf);
            buf = bigger;
        }
    }
    fclose(fp);
    if (!buf) {
        printf("not ok %d - out of memory reading %s\n", ++count, path);
        return;
    }
    LLVMFuzzerTestOneInput(buf, len);
    free(buf);
    printf("ok %d - %s\n", ++count, path);
    fflush(stdout);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A fixture's NAME.expected and NAME.options in tests/data/csv describe it; they are no seed. */
static bool is_companion(const char *name)
{
    static const char *const suffixes[] = {".expected", ".options"};
    const size_t n = strlen(name);
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        const size_t m = strlen(suffixes[i]);
        if (n > m && strcmp(name + n - m, suffixes[i]) == 0)
            return true;
    }
    return false;
}

static void replay(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
        replay_file(path);
        return;
    }
    DIR *d = opendir(path);
    if (!d)
        return;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.' || is_companion(de->d_name))
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            char **bigger = realloc(names, cap * sizeof *names);
            if (!bigger)
                break;
            names = bigger;
        }
        size_t len = strlen(path) + strlen(de->d_name) + 2;
        names[n] = malloc(len);
        snprintf(names[n], len, "%s/%s", path, de->d_name);
        n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    /* Under memcheck, which runs every input some fifty times slower, a folder of a long
     * campaign's inputs is replayed in an even sample of MEMCHECK_SAMPLE of them (the sanitizer
     * builds replay them all). */
    const size_t every = getenv("TL_UNDER_VALGRIND") && n > MEMCHECK_SAMPLE
                             ? (n + MEMCHECK_SAMPLE - 1) / MEMCHECK_SAMPLE
                             : 1;
    for (size_t i = 0; i < n; i++) {
        if (i % every == 0)
            replay(names[i]);
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv)
{
    const char *skip = fuzz_skip_reason ? fuzz_skip_reason() : NULL;
    if (skip) {
        printf("1..0 # SKIP %s\n", skip);
        return 0;
    }
    for (int i = 1; i < argc; i++)
        replay(argv[i]);
    printf("1..%d\n", count);
    return 0;
}
