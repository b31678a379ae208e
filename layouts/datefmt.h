/* Dates as chart text: event labels at their precision, tick labels by unit. UTC, English
 * month abbreviations, no locale involved. Years <= 0 are printed as BCE (year 0 = 1 BCE). */
#ifndef TL_DATEFMT_H
#define TL_DATEFMT_H

#include <stddef.h>
#include <stdint.h>

#include "timeline/timeline.h"

/* "2020", "Nov 2019", "16 Sep 2020", "7 Oct 2020 12:30", "500 BCE". Returns the length. */
size_t tl_datefmt_event(const tl_time *t, char *buf, size_t size);
/* A span's dates: "Dec 2019 – Mar 2020"; with no end, "2020 – ". */
size_t tl_datefmt_range(const tl_time *start, const tl_time *end, char *buf, size_t size);
/* A year as chart text: "2019", "43", "500 BCE". */
size_t tl_datefmt_year(int64_t astronomical_year, char *buf, size_t size);
const char *tl_datefmt_month_abbr(int month);

#endif /* TL_DATEFMT_H */
