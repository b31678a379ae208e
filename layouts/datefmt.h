/* Dates as axis text: years and month names for tick labels. (Event dates come labelled from
 * the data layer.) UTC, English month abbreviations, no locale involved. Years <= 0 are
 * printed as BCE (year 0 = 1 BCE). */
#ifndef TL_DATEFMT_H
#define TL_DATEFMT_H

#include <stddef.h>
#include <stdint.h>

#include "timeline/timeline.h"

/* A year as chart text: "2019", "43", "500 BCE". */
size_t tl_datefmt_year(int64_t astronomical_year, char *buf, size_t size);
const char *tl_datefmt_month_abbr(int month);

#endif /* TL_DATEFMT_H */
