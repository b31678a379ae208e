/* Month and year boundaries in the locale's calendar, for an axis that ticks at Hebrew months
 * or Japanese era years while positions stay proleptic Gregorian seconds. */
#include "locale-private.h"

#include <math.h>

static int64_t seconds(const tl_locale *loc, int64_t fallback)
{
    UErrorCode st = U_ZERO_ERROR;
    const double ms = loc->icu->ucal_getMillis(loc->cal, &st);
    return U_SUCCESS(st) ? (int64_t)floor(ms / 1000.0) : fallback;
}

int64_t tl_locale_month_start(tl_locale *loc, int64_t t)
{
    const tl_icu *icu = loc->icu;
    UErrorCode st = U_ZERO_ERROR;
    icu->ucal_setMillis(loc->cal, (double)t * 1000.0, &st);
    /* Setting the smaller fields to their least values keeps era, year and month. */
    icu->ucal_set(loc->cal, UCAL_MILLISECONDS_IN_DAY, 0);
    icu->ucal_set(loc->cal, UCAL_DATE, 1);
    return U_SUCCESS(st) ? seconds(loc, t) : t;
}

int64_t tl_locale_next_month(tl_locale *loc, int64_t month_start)
{
    const tl_icu *icu = loc->icu;
    UErrorCode st = U_ZERO_ERROR;
    icu->ucal_setMillis(loc->cal, (double)month_start * 1000.0, &st);
    icu->ucal_add(loc->cal, UCAL_MONTH, 1, &st);
    const int64_t next = U_SUCCESS(st) ? seconds(loc, month_start) : month_start;
    /* Never stuck: a calendar that cannot add a month ends the walk a day later. */
    return next > month_start ? next : month_start + 86400;
}

int64_t tl_locale_get(tl_locale *loc, int64_t t, tl_locale_field field)
{
    static const UCalendarDateFields fields[] = {UCAL_ERA, UCAL_YEAR, UCAL_MONTH};
    const tl_icu *icu = loc->icu;
    UErrorCode st = U_ZERO_ERROR;
    icu->ucal_setMillis(loc->cal, (double)t * 1000.0, &st);
    const int32_t v = icu->ucal_get(loc->cal, fields[field], &st);
    return U_SUCCESS(st) ? v : 0;
}
