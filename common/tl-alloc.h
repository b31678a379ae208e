/* Allocation wrappers. Out of memory is not recoverable here: GLib (under Pango) already
 * aborts on it, so threading an error through every allocation would protect very little.
 * These print one line and abort, in one place. */
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

#endif /* TL_ALLOC_H */
