/* A bounded set of short strings, for sharing one copy of values that repeat across rows in no
 * particular order: a million events fall on a few tens of thousands of dates, so their
 * written dates and labels are mostly repeats. */
#ifndef TL_INTERN_H
#define TL_INTERN_H

#include <stddef.h>
#include <stdint.h>

/* Strings this long or shorter are compared with the copy in their slot, in the table's own
 * memory, rather than with the held string, which may be anywhere in a large arena: a probe
 * then touches one cache line instead of two. */
enum { TL_INTERN_INLINE = 18 };

typedef struct tl_intern_slot {
    const char *s; /* NULL: empty slot */
    uint32_t hash;
    uint16_t len;
    char head[TL_INTERN_INLINE];
} tl_intern_slot;

typedef struct tl_intern {
    tl_intern_slot *slots;
    size_t cap; /* a power of two, or 0 before the first add */
    size_t count;
} tl_intern;

#define TL_INTERN_INIT                                                                             \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

/* Most strings a set holds. Past it, strings already held are still found and new ones are
 * not added: values that do not repeat (times of day, free text) cost a bounded table. */
enum { TL_INTERN_MAX = 1 << 16 };

/* The held string equal to s[0..len), or NULL. `hash` is g_str_hash() of the string. */
const char *tl_intern_find(const tl_intern *set, const char *s, size_t len, uint32_t hash);
/* Holds `s` (len bytes, at most UINT16_MAX, NUL-terminated, owned by the caller and outliving the
 * set), which the set does not hold yet. Does nothing once the set holds TL_INTERN_MAX strings. */
void tl_intern_add(tl_intern *set, const char *s, size_t len, uint32_t hash);
void tl_intern_free(tl_intern *set);

/* Starts loading the slot where a search for `hash` begins. A large set's slots are rarely in
 * the cache; asking for those of several strings before looking any up overlaps the waits. */
static inline void tl_intern_prefetch(const tl_intern *set, uint32_t hash)
{
#if defined(__GNUC__)
    if (set->cap > 0)
        __builtin_prefetch(&set->slots[hash & (set->cap - 1)]);
#else
    (void)set;
    (void)hash;
#endif
}

#endif /* TL_INTERN_H */
