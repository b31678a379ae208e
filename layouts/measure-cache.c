#include "measure-cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"

typedef struct entry {
    uint64_t hash; /* 0: empty slot */
    char *text;
    tl_font font;
    tl_text_shape shape;
    tl_text_extents ext;
} entry;

struct tl_measure_cache {
    entry *slots;
    size_t cap, count; /* cap is a power of two; kept at most half full */
};

/* FNV-1a over the text and the request; never 0, which marks an empty slot. */
static uint64_t hash_of(const tl_font *font, const tl_text_shape *shape, const char *text)
{
    uint64_t h = UINT64_C(1469598103934665603);
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        h = (h ^ *p) * UINT64_C(1099511628211);
    const double nums[] = {font->size,        (double)font->weight,     font->italic,
                           shape->wrap_width, (double)shape->max_lines, shape->markup};
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        uint64_t bits;
        memcpy(&bits, &nums[i], sizeof bits);
        h = (h ^ bits) * UINT64_C(1099511628211);
    }
    return h ? h : 1;
}

static bool same(const entry *e, uint64_t hash, const tl_font *font, const tl_text_shape *shape,
                 const char *text)
{
    return e->hash == hash && e->font.size == font->size && e->font.weight == font->weight &&
           e->font.italic == font->italic && e->shape.wrap_width == shape->wrap_width &&
           e->shape.max_lines == shape->max_lines && e->shape.markup == shape->markup &&
           strcmp(e->text, text) == 0;
}

tl_measure_cache *tl_measure_cache_new(void)
{
    tl_measure_cache *cache = tl_xcalloc(1, sizeof *cache);
    cache->cap = 256;
    cache->slots = tl_xcalloc(cache->cap, sizeof *cache->slots);
    return cache;
}

void tl_measure_cache_free(tl_measure_cache *cache)
{
    if (!cache)
        return;
    for (size_t i = 0; i < cache->cap; i++)
        free(cache->slots[i].text);
    free(cache->slots);
    free(cache);
}

static void grow(tl_measure_cache *cache)
{
    entry *old = cache->slots;
    const size_t old_cap = cache->cap;
    cache->cap *= 2;
    cache->slots = tl_xcalloc(cache->cap, sizeof *cache->slots);
    for (size_t i = 0; i < old_cap; i++) {
        if (!old[i].hash)
            continue;
        size_t k = old[i].hash & (cache->cap - 1);
        while (cache->slots[k].hash)
            k = (k + 1) & (cache->cap - 1);
        cache->slots[k] = old[i];
    }
    free(old);
}

/* The slot holding the request, or the empty slot where it would go. */
static entry *slot_of(const tl_measure_cache *cache, uint64_t hash, const tl_font *font,
                      const tl_text_shape *shape, const char *text)
{
    size_t k = hash & (cache->cap - 1);
    while (cache->slots[k].hash && !same(&cache->slots[k], hash, font, shape, text))
        k = (k + 1) & (cache->cap - 1);
    return &cache->slots[k];
}

bool tl_measure_cache_find(const tl_measure_cache *cache, const tl_font *font,
                           const tl_text_shape *shape, const char *text, tl_text_extents *out)
{
    const entry *e = slot_of(cache, hash_of(font, shape, text), font, shape, text);
    if (e->hash)
        *out = e->ext;
    return e->hash != 0;
}

bool tl_measure_cache_measure(tl_measure_cache *cache, const tl_text_measurer *m,
                              const tl_font *font, const tl_text_shape *shape, const char *text,
                              tl_text_extents *out)
{
    const uint64_t hash = hash_of(font, shape, text);
    entry *e = slot_of(cache, hash, font, shape, text);
    if (e->hash) {
        *out = e->ext;
        return true;
    }
    if (!m->measure(m->user, font, shape, text, out))
        return false;
    *e = (entry){
        .hash = hash, .text = tl_xstrdup(text), .font = *font, .shape = *shape, .ext = *out};
    if (++cache->count * 2 > cache->cap)
        grow(cache);
    return true;
}
