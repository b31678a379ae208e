/* Bump allocator for many small, same-lifetime allocations (event strings, scene text).
 * Everything is freed at once with tl_arena_free(). */
#ifndef TL_ARENA_H
#define TL_ARENA_H

#include <stddef.h>

typedef struct tl_arena_block tl_arena_block;

typedef struct tl_arena {
    tl_arena_block *head;
} tl_arena;

#define TL_ARENA_INIT                                                                              \
    {                                                                                              \
        NULL                                                                                       \
    }

/* Memory aligned for any scalar type; never NULL (aborts when out of memory). */
void *tl_arena_alloc(tl_arena *a, size_t size);
char *tl_arena_strdup(tl_arena *a, const char *s);
char *tl_arena_strndup(tl_arena *a, const char *s, size_t n);
/* Moves every block of `from` into `a` (`from` is left empty): what was allocated from either
 * now lives as long as `a`. */
void tl_arena_take(tl_arena *a, tl_arena *from);
void tl_arena_free(tl_arena *a);

#endif /* TL_ARENA_H */
