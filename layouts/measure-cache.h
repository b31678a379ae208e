/* Text measured once per chart: the same string in the same font and shape (a date, a group
 * name, a "+N" badge, a title measured again for a narrower column) is shaped only the first
 * time. Owned by one layout run, so no state outlives it. */
#ifndef TL_MEASURE_CACHE_H
#define TL_MEASURE_CACHE_H

#include <stdbool.h>

#include "fonts/measure.h"

typedef struct tl_measure_cache tl_measure_cache;

tl_measure_cache *tl_measure_cache_new(void);
/* NULL is a no-op. */
void tl_measure_cache_free(tl_measure_cache *cache);

/* As m->measure(), answered from the cache when `text` was measured before in `font` and
 * `shape`. Failures are not cached. */
bool tl_measure_cache_measure(tl_measure_cache *cache, const tl_text_measurer *m,
                              const tl_font *font, const tl_text_shape *shape, const char *text,
                              tl_text_extents *out);

/* Whether `text` was measured in `font` and `shape`; if so, fills *out. */
bool tl_measure_cache_find(const tl_measure_cache *cache, const tl_font *font,
                           const tl_text_shape *shape, const char *text, tl_text_extents *out);

#endif /* TL_MEASURE_CACHE_H */
