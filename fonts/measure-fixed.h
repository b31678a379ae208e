/* A deterministic measurer for tests and golden files: every code point advances 0.6 em, lines
 * are 1.2 em tall with the baseline at 0.95 em, words wrap greedily at spaces. No fonts. */
#ifndef TL_MEASURE_FIXED_H
#define TL_MEASURE_FIXED_H

#include "measure.h"

tl_text_measurer tl_measure_fixed(void);

#endif /* TL_MEASURE_FIXED_H */
