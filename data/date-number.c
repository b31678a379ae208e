/* Cells of a numeric axis (--axis number): plain numbers, not dates. Version numbers, depths,
 * frames and kyr are positions on a line; the model keeps them as instants of a thousandth
 * each, so that layouts place them as they place time. */
#include "date.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* Numbers the model holds exactly: a thousandth of a unit, within int64. */
#define MAX_NUMBER 9.0e15

bool tl_date_parse_number(const char *text, tl_time *out, char *label, size_t label_size, char *why,
                          size_t why_size)
{
    const char *s = text ? text : "";
    while (*s == ' ' || *s == '\t')
        s++;
    char *end;
    const double v = g_ascii_strtod(s, &end);
    const char *rest = end;
    while (*rest == ' ' || *rest == '\t')
        rest++;
    if (end == s || *rest || !isfinite(v) || fabs(v) * 1000 > MAX_NUMBER) {
        if (why && why_size)
            snprintf(why, why_size,
                     end == s || *rest ? "not a number (the axis is numeric)"
                                       : "number out of range");
        return false;
    }
    const int64_t at = (int64_t)llround(v * 1000);
    *out = (tl_time){.lo = at, .hi = at, .precision = TL_PRECISION_SECOND};
    if (label && label_size)
        snprintf(label, label_size, "%.*s", (int)(end - s), s);
    return true;
}
