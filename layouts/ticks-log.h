/* Ticks of a logarithmic scale (tl_scale_set_log()), for ticks.c. */
#ifndef TL_TICKS_LOG_H
#define TL_TICKS_LOG_H

#include "ticks.h"

/* Powers of ten years before the scale's present (and threes when they are few), labelled as
 * deep-time dates are ("10 ka", "1 Ma"), those whose labels would collide left unlabelled. */
bool tl_ticks_generate_log(const tl_scale *s, const tl_text_measurer *m, const tl_font *font,
                           double min_gap, double left, double right, const tl_ticks_request *rq,
                           tl_ticks *out);

#endif /* TL_TICKS_LOG_H */
