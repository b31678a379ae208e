/* Allocation wrappers: every allocation of the library's own code goes through them. Out of
 * memory is not recoverable here: GLib (under Pango) already aborts on it, so threading an
 * error through every allocation would protect very little. These print one line,
 * "timeline: out of memory (allocating N bytes)", and abort, in one place. */
#ifndef TL_ALLOC_H
#define TL_ALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *tl_xmalloc(size_t size);
void *tl_xcalloc(size_t count, size_t size);
void *tl_xrealloc(void *ptr, size_t size);
/* Grows an array of `count` elements of `size` bytes to hold at least `need` elements,
 * doubling; updates *cap. Aborts on overflow. */
void *tl_xgrow(void *ptr, size_t *cap, size_t need, size_t size);
char *tl_xstrdup(const char *s);
char *tl_xstrndup(const char *s, size_t n);
/* printf into a new string. */
char *tl_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *tl_xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

#ifdef TL_ALLOC_FAULTS
/* Test builds only (tests compile tl-alloc.c again with TL_ALLOC_FAULTS; the library never
 * has these): makes the nth allocation from now on fail, as if malloc had returned NULL, so
 * that the wrapper's policy applies; 0 fails none. Either way allocations are counted anew. */
void tl_alloc_set_fail_after(unsigned long n);
/* The allocations made since the last tl_alloc_set_fail_after(). */
unsigned long tl_alloc_get_count(void);
#endif

#endif /* TL_ALLOC_H */
