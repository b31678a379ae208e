#include "tl-alloc.h"

#include <stdarg.h>
#ifdef TL_ALLOC_FAULTS
#include <stdatomic.h>
#endif
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static _Noreturn void out_of_memory(size_t size)
{
    fprintf(stderr, "timeline: out of memory (allocating %zu bytes)\n", size);
    abort();
}

/* ---------------------------------------------------------------------------------------------
 * Failure injection (test builds only)
 * ------------------------------------------------------------------------------------------- */

#ifdef TL_ALLOC_FAULTS
/* Atomic: a program may render from several threads. */
static atomic_ulong alloc_count;
static atomic_ulong fail_at;

void tl_alloc_set_fail_after(unsigned long n)
{
    atomic_store(&alloc_count, 0);
    atomic_store(&fail_at, n);
}

unsigned long tl_alloc_get_count(void)
{
    return atomic_load(&alloc_count);
}

/* Whether this allocation is the one made to fail. */
static bool injected(void)
{
    const unsigned long n = atomic_fetch_add(&alloc_count, 1) + 1;
    return n == atomic_load(&fail_at);
}
#else
#define injected() false
#endif

/* ---------------------------------------------------------------------------------------------
 * Wrappers
 * ------------------------------------------------------------------------------------------- */

void *tl_xmalloc(size_t size)
{
    void *p = injected() ? NULL : malloc(size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

void *tl_xcalloc(size_t count, size_t size)
{
    void *p = injected() ? NULL : calloc(count ? count : 1, size ? size : 1);
    if (!p)
        out_of_memory(count * size);
    return p;
}

void *tl_xrealloc(void *ptr, size_t size)
{
    void *p = injected() ? NULL : realloc(ptr, size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

void *tl_xgrow(void *ptr, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return ptr;
    size_t n = *cap ? *cap : 8;
    while (n < need) {
        if (n > SIZE_MAX / 2)
            out_of_memory(SIZE_MAX);
        n *= 2;
    }
    if (size && n > SIZE_MAX / size)
        out_of_memory(SIZE_MAX);
    ptr = tl_xrealloc(ptr, n * size);
    *cap = n;
    return ptr;
}

char *tl_xstrdup(const char *s)
{
    return tl_xstrndup(s, strlen(s));
}

char *tl_xstrndup(const char *s, size_t n)
{
    char *p = tl_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *tl_xvasprintf(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    char probe[1];
    int n = vsnprintf(probe, sizeof probe, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return tl_xstrdup("");
    char *p = tl_xmalloc((size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *tl_xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = tl_xvasprintf(fmt, ap);
    va_end(ap);
    return p;
}
