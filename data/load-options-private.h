/* The body of tl_load_options, shared by data/load-options.c and the loader. */
#ifndef TL_LOAD_OPTIONS_PRIVATE_H
#define TL_LOAD_OPTIONS_PRIVATE_H

#include <stdint.h>

#include "data/columns.h"
#include "data/date.h"
#include "timeline/timeline.h"

struct tl_load_options {
    tl_date_order order;
    tl_date_zone *zone; /* owned reference; NULL: UTC */
    char delimiter;     /* 0: sniff */
    bool repair_utf8;   /* replace invalid UTF-8 with U+FFFD (and warn) instead of failing */
    bool numeric;       /* start and end are plain numbers, not dates (a numeric axis) */
    /* Files from this many bytes up are read in two halves at once, whatever the number of
     * processors; 0: TL_CSV_SPLIT_MIN with two processors or more. Set by tests only. */
    uint64_t split_min;
    /* Header names overriding the column of each role that tl_load_options_set_column()
     * accepts; owned, NULL when not overridden. */
    char *columns[TL_COLUMN_OVERRIDABLE];
    tl_input_format input_format;
    unsigned workdays; /* 0: every day */
    tl_time *holidays; /* owned */
    size_t nholidays;
};

#endif /* TL_LOAD_OPTIONS_PRIVATE_H */
