/* The CSV loader with column mapping, profiles, dates and every load option a byte can pick. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-import.h"
#include "fuzz.h"
#include "timeline/timeline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tl_load_options *opts = tl_load_options_new();
    /* The first byte picks the options, so the corpus reaches the option paths too. */
    if (size > 0) {
        uint8_t pick = data[0];
        static const tl_date_order orders[] = {TL_DATE_ORDER_NONE, TL_DATE_ORDER_DMY,
                                               TL_DATE_ORDER_MDY, TL_DATE_ORDER_YMD};
        tl_load_options_set_date_order(opts, orders[pick & 3]);
        static const char delims[] = {0, ',', ';', '\t'};
        tl_load_options_set_delimiter(opts, delims[(pick >> 2) & 3], NULL);
        if (pick & 0x10)
            tl_load_options_set_time_zone(opts, "Asia/Tokyo", NULL);
        tl_load_options_set_repair_utf8(opts, (pick & 0x40) != 0);
    }
    tl_error *err = NULL;
    tl_timeline *tl = NULL;
    /* The stream reader (standard input, pipes) as well as the buffer. */
    FILE *fp = size > 0 && (data[0] & 0x20) ? fmemopen((void *)data, size, "rb") : NULL;
    if (fp) {
        tl = tl_timeline_load_csv_stream(fp, "fuzz.csv", opts, &err);
        fclose(fp);
    } else {
        tl = tl_timeline_load_csv_buffer((const char *)data, size, "fuzz.csv", opts, &err);
    }
    fuzz_check_load(tl, err);
    tl_error_free(err);
    tl_timeline_free(tl);
    tl_load_options_free(opts);
    return 0;
}
