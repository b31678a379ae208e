/* Calendar-aware axis ticks. Pure: the result depends only on the arguments. */
#ifndef TL_TICKS_H
#define TL_TICKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fonts/measure.h"
#include "scale.h"

typedef enum tl_tick_unit {
    TL_TICK_SECOND,
    TL_TICK_MINUTE,
    TL_TICK_HOUR,
    TL_TICK_DAY,
    TL_TICK_WEEK,
    TL_TICK_MONTH,
    TL_TICK_YEAR,
} tl_tick_unit;

typedef struct tl_tick {
    int64_t t;
    double x;
    char label[48];
    tl_text_extents extents; /* of the label, measured */
} tl_tick;

typedef struct tl_ticks {
    tl_tick *items;
    size_t count;
    tl_tick_unit unit;
    int64_t step; /* in units (months for quarters: 3) */
} tl_ticks;

/* Chooses the densest step of the calendar ladder (1/5/15/30 s, 1/5/15/30 min, 1/3/6/12 h,
 * day, ISO week, 1/3/6 months, 1/2/5/10/25/50/100/… years) whose labels, set in `font` and
 * centred on their ticks, keep `min_gap` points apart and stay within [left, right]. Ticks lie
 * inside the scale's domain; month and year ticks fall on calendar boundaries. Returns false
 * when the measurer fails. The caller frees `out` with tl_ticks_free(). */
bool tl_ticks_generate(const tl_scale *scale, const tl_text_measurer *measurer,
                       const tl_font *font, double min_gap, double left, double right,
                       tl_ticks *out);
void tl_ticks_free(tl_ticks *ticks);

#endif /* TL_TICKS_H */
