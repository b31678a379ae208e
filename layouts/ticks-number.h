/* Ticks of a numeric axis (tl_ticks_request.numeric), for ticks.c. */
#ifndef TL_TICKS_NUMBER_H
#define TL_TICKS_NUMBER_H

#include "ticks.h"

/* The densest 1-2-5 step of the values whose labels ("250 m") keep `min_gap` apart. */
bool tl_ticks_generate_number(const tl_scale *s, const tl_text_measurer *m, const tl_font *font,
                              double min_gap, double left, double right, const tl_ticks_request *rq,
                              tl_ticks *out);

#endif /* TL_TICKS_NUMBER_H */
