#include "tl-arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "tl-alloc.h"

/* Large enough that a million short strings need a few hundred blocks. */
enum { BLOCK_SIZE = 64 * 1024 };

struct tl_arena_block {
    tl_arena_block *next;
    size_t used;
    size_t cap;
    alignas(max_align_t) unsigned char data[];
};

void *tl_arena_alloc(tl_arena *a, size_t size)
{
    const size_t align = alignof(max_align_t);
    size = (size + align - 1) & ~(align - 1);
    tl_arena_block *b = a->head;
    if (!b || b->cap - b->used < size) {
        size_t cap = size > BLOCK_SIZE ? size : BLOCK_SIZE;
        b = tl_xmalloc(sizeof *b + cap);
        b->cap = cap;
        b->used = 0;
        /* An oversized block goes behind the current one so the current keeps filling. */
        if (a->head && size > BLOCK_SIZE) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    void *p = b->data + b->used;
    b->used += size;
    return p;
}

char *tl_arena_strndup(tl_arena *a, const char *s, size_t n)
{
    char *p = tl_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *tl_arena_strdup(tl_arena *a, const char *s)
{
    return tl_arena_strndup(a, s, strlen(s));
}

void tl_arena_take(tl_arena *a, tl_arena *from)
{
    tl_arena_block *first = from->head;
    if (!first)
        return;
    from->head = NULL;
    if (!a->head) {
        a->head = first;
        return;
    }
    /* Behind a's current block, which keeps filling. */
    tl_arena_block *last = first;
    while (last->next)
        last = last->next;
    last->next = a->head->next;
    a->head->next = first;
}

void tl_arena_free(tl_arena *a)
{
    tl_arena_block *b = a->head;
    while (b) {
        tl_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}
