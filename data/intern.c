/* Open addressing with linear probing, each slot keeping its string's hash and length so that
 * a probe compares bytes only on a likely match. GHashTable would do, but at a million rows
 * its indirect hash and equality calls per lookup cost more than the copies they save. */
#include "data/intern.h"

#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"

enum { FIRST_CAP = 256 };

const char *tl_intern_find(const tl_intern *set, const char *s, size_t len, uint32_t hash)
{
    if (set->cap == 0)
        return NULL;
    const size_t mask = set->cap - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const tl_intern_slot *slot = &set->slots[i];
        if (!slot->s)
            return NULL;
        if (slot->hash != hash || slot->len != len)
            continue;
        const char *held = len <= TL_INTERN_INLINE ? slot->head : slot->s;
        if (memcmp(held, s, len) == 0)
            return slot->s;
    }
}

static void put(tl_intern_slot *slots, size_t cap, tl_intern_slot item)
{
    const size_t mask = cap - 1;
    size_t i = item.hash & mask;
    while (slots[i].s)
        i = (i + 1) & mask;
    slots[i] = item;
}

void tl_intern_add(tl_intern *set, const char *s, size_t len, uint32_t hash)
{
    if (set->count >= TL_INTERN_MAX || len > UINT16_MAX)
        return;
    /* At most half full, so that a probe for a string not held ends soon. */
    if (2 * (set->count + 1) > set->cap) {
        const size_t cap = set->cap ? 2 * set->cap : FIRST_CAP;
        /* Cleared by writing rather than by calloc(): calloc'd pages that a probe reads
         * before anything writes them are shared zero pages, and the first write to each
         * then costs a second fault and a TLB flush on every processor. */
        tl_intern_slot *slots = tl_xmalloc(cap * sizeof *slots);
        memset(slots, 0, cap * sizeof *slots);
        for (size_t i = 0; i < set->cap; i++)
            if (set->slots[i].s)
                put(slots, cap, set->slots[i]);
        free(set->slots);
        set->slots = slots;
        set->cap = cap;
    }
    tl_intern_slot item = {.s = s, .hash = hash, .len = (uint16_t)len};
    if (len <= TL_INTERN_INLINE)
        memcpy(item.head, s, len);
    put(set->slots, set->cap, item);
    set->count++;
}

void tl_intern_free(tl_intern *set)
{
    free(set->slots);
    *set = (tl_intern)TL_INTERN_INIT;
}
